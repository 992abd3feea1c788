package org.mscmeta.cli;

/**
 * In the JVM the {@link Launcher} started: ends this JVM when the launcher is gone (killed with {@code kill -9}, which
 * it cannot pass on), so that an orphaned run does not go on to write its outputs minutes later. The launcher is this
 * process's parent; once it dies the process is given another parent, which a daemon thread notices within a quarter
 * of a second. Ending the JVM runs its shutdown hooks, which remove the run's staging folder.
 */
final class ParentWatch {

    /** How often the parent is looked at, in ms. */
    private static final long PERIOD = 250;

    private ParentWatch() {
    }

    /** Starts watching (off the run's critical path: the first look is made on the watching thread). */
    static void start() {
        Thread t = new Thread(ParentWatch::watch, "parent watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch() {
        long parent = parentPid();
        if (parent <= 1) {
            return;
        }
        while (true) {
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                return;
            }
            if (parentPid() != parent) {
                System.err.println("error: the program that started this run has ended; the run is stopped and"
                        + " nothing was written");
                System.exit(143);
            }
        }
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
