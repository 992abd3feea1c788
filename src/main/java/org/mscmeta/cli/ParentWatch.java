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

    /**
     * Starts watching (off the run's critical path: the first look is made on the watching thread). A thread class
     * of its own rather than a method reference, and the parent read from {@code /proc}: the first lambda of a JVM
     * and {@link ProcessHandle}'s machinery cost the run's main thread 5-10 ms at start-up.
     */
    static void start() {
        Thread t = new Watcher();
        t.setDaemon(true);
        t.start();
    }

    private static final class Watcher extends Thread {
        Watcher() {
            super("parent watch");
        }

        @Override
        public void run() {
            watch();
        }
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

    /**
     * This process's parent: the fourth field of Linux's {@code /proc/self/stat} (after the command name, which is
     * in parentheses and may hold spaces), else {@link ProcessHandle}'s answer; -1 when neither knows.
     */
    static long parentPid() {
        try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/self/stat")) {
            String stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        }
    }
}
