package org.mscmeta.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-line progress indicator on stderr for runs longer than a second, shown only when the program runs in a
 * terminal (Java cannot tell stderr alone; {@code System.console()} is non-null when stdin and stdout are
 * terminals). Redrawn in place with a carriage return and cleared when the run ends.
 *
 * <p>With {@code -Dmscmeta.timings} the time spent in each phase (since the start of the first JVM, the launcher's, for the first) is printed on
 * stderr when the run ends, and the options of the JVM that ran it (see {@link Launcher}): the profile the benchmark
 * section of the README quotes.
 */
final class ProgressLine implements AutoCloseable {

    private static final long DELAY_MS = 1000;
    private static final long PERIOD_MS = 200;

    private final AtomicReference<String> phase = new AtomicReference<>("starting");
    private final PrintStream err;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;
    private volatile boolean shown;
    private final StringBuilder timings = System.getProperty("mscmeta.timings") == null ? null : new StringBuilder();
    private long phaseStart = timings == null ? 0 : startTime();
    private String phaseName = "start-up";

    private ProgressLine(PrintStream err) {
        this.err = err;
        thread = new Thread(this::loop, "progress");
        thread.setDaemon(true);
        thread.start();
    }

    private static long startTime() {
        Long launcher = Long.getLong(Launcher.STARTED);
        return launcher != null ? launcher : java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** A progress line when in a terminal, else one that does nothing. */
    static ProgressLine startIfTerminal(PrintStream err) {
        return System.console() != null ? new ProgressLine(err) : new ProgressLine(null);
    }

    void phase(String text) {
        phase.set(text);
        if (timings != null && !stem(text).equals(stem(phaseName))) {
            lap(text);
        }
    }

    private static String stem(String phase) {
        int colon = phase.indexOf(':');
        return colon < 0 ? phase : phase.substring(0, colon);
    }

    private synchronized void lap(String next) {
        long now = System.currentTimeMillis();
        timings.append(String.format(Locale.ROOT, "%6d ms  %s%n", now - phaseStart, phaseName));
        phaseStart = now;
        phaseName = next;
    }

    private void loop() {
        if (err == null) {
            return;
        }
        try {
            Thread.sleep(DELAY_MS);
            while (running) {
                double s = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "\r%-60s", String.format(Locale.ROOT, "mscmeta: %s (%.1f s)", phase.get(), s));
                err.flush();
                shown = true;
                Thread.sleep(PERIOD_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shown && err != null) {
            err.printf("\r%-60s\r", "");
            err.flush();
        }
        if (timings != null) {
            lap("");
            System.err.print(timings);
            System.err.println("JVM options: " + String.join(" ",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        }
    }
}
