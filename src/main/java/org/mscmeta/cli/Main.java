package org.mscmeta.cli;

import java.io.PrintStream;
import org.apache.commons.cli.ParseException;
import org.mscmeta.Tool;

/**
 * The {@code mscmeta} command line: {@code java -jar target/mscmeta.jar analyze INPUT --out DIR ...}. The first
 * argument names the subcommand; its options are parsed by the subcommand ({@link CommandOptions}).
 */
public final class Main {

    /** Exit status for bad input or bad options. */
    public static final int EXIT_BAD_INPUT = 2;

    /** A subcommand: its options, and what it does with them. */
    interface Subcommand {
        CommandOptions options();

        /** Runs with parsed options; returns the exit status. */
        int run(CommandOptions.Parsed options) throws Exception;
    }

    static {
        org.mscmeta.files.QuietLogging.forPoiOnCommandLine();
    }

    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean(Launcher.LAUNCHED)) {
            ParentWatch.start();
        }
        Thread.setDefaultUncaughtExceptionHandler(Main::uncaught);
        org.mscmeta.files.MemoryReserve.hold();
        System.exit(run(args));
    }

    /**
     * A failure no task caught, on a thread of the program's (a plot thread's pool, the results.json writer): the run
     * itself then fails and says why ({@link #run}), so this prints a line only for what is not running out of memory,
     * and no stack trace. Out of memory it prints nothing: printing would need memory (the JVM's own handler then
     * printed "Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler").
     */
    private static void uncaught(Thread t, Throwable e) {
        org.mscmeta.files.MemoryReserve.release();
        if (!(e instanceof OutOfMemoryError)) {
            System.err.println("error: an unexpected failure on thread '" + t.getName() + "', a defect of mscmeta: please"
                    + " report it with the command you ran");
        }
    }

    /**
     * What an exception no command caught says to the user: its message where mscmeta wrote it (one of its own, or a
     * plain illegal argument or state); a library's message ("matrix is singular") or the JVM's ("Cannot invoke ...
     * because ... is null") is a defect of mscmeta, and said so.
     */
    static String failure(Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage();
        Class<?> c = e.getClass();
        // a plain illegal argument or state is ours when mscmeta threw it with words of its own: POI throws them too
        // ("Illegal character (0xa) found in sheet name"), and a wrapper's message is its cause's class and message
        StackTraceElement[] at = e.getStackTrace();
        boolean thrownHere = at.length > 0 && at[0].getClassName().startsWith("org.mscmeta.")
                && (e.getCause() == null || !e.getCause().toString().equals(m));
        boolean ours = c.getName().startsWith("org.mscmeta.") || thrownHere && (c == IllegalArgumentException.class
                || c == IllegalStateException.class || c == java.io.UncheckedIOException.class);
        if (m != null && ours) {
            return m;
        }
        if (e instanceof java.io.UncheckedIOException u) {
            return org.mscmeta.files.FileProblems.describe(u); // a library's write failing (a full disk)
        }
        Throwable inner = e; // a wrapper's message is its cause's class and message: the message alone
        while (inner.getCause() != null && inner.getCause().toString().equals(inner.getMessage())) {
            inner = inner.getCause();
        }
        m = inner.getMessage() == null || inner.getMessage().isBlank() ? null : inner.getMessage();
        return "an unexpected failure, a defect of mscmeta" + (m == null ? "" : " (" + m + ")")
                + ": please report it with the command you ran";
    }

    /** Runs the command line and returns its exit status (0 success, 1 failure, 2 bad input or usage). */
    public static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        String first = args.length > 0 ? args[0] : "";
        Subcommand command = switch (first) {
            case "analyze" -> new AnalyzeCommand();
            case "import-ctgov" -> new ImportCtgovCommand();
            case "generate" -> new GenerateCommand();
            default -> null;
        };
        if (command == null) {
            if (first.equals("--version") || first.equals("-V")) {
                out.println(version());
                return 0;
            }
            boolean help = first.equals("--help") || first.equals("-h") || first.equals("help");
            if (help && args.length > 1) {
                return run(args[1], "--help");
            }
            PrintStream to = help ? out : err;
            if (args.length == 0) {
                to.println("error: no command given");
            } else if (!help) {
                // "analyse", as British English spells it, or a slip: the command meant, named
                String meant = org.mscmeta.sheet.OutcomeNames.closest(first,
                        java.util.List.of("analyze", "import-ctgov", "generate"));
                to.println("error: unknown command '" + org.mscmeta.report.Terminal.safe(first) + "'"
                        + (meant == null ? "" : "; did you mean '" + meant + "'?"));
            }
            to.println("Usage: mscmeta COMMAND [OPTIONS]");
            to.println("Adverse-event safety meta-analysis of mesenchymal stem/stromal cell trials.");
            to.println();
            to.println("Commands:");
            to.println("  analyze       Pool the adverse-event outcomes of an extraction sheet.");
            to.println("  import-ctgov  Turn ClinicalTrials.gov adverse-event records into an extraction sheet.");
            to.println("  generate      Write a deterministic synthetic registry-scale sheet (benchmarks).");
            to.println();
            to.println("'mscmeta COMMAND --help' shows a command's options; 'mscmeta --version' the version.");
            return help ? 0 : EXIT_BAD_INPUT;
        }
        CommandOptions options = command.options();
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        CommandOptions.Parsed parsed;
        try {
            parsed = options.parse(rest);
        } catch (ParseException e) {
            err.println("error: " + org.mscmeta.report.Terminal.safeLines(e.getMessage()));
            err.println("See 'mscmeta " + first + " --help'.");
            return EXIT_BAD_INPUT;
        }
        if (parsed.has("help")) {
            options.usage(out);
            return 0;
        }
        if (parsed.has("version")) {
            out.println(version());
            return 0;
        }
        try {
            return command.run(parsed);
        } catch (CommandOptions.BadValue e) {
            err.println("error: " + org.mscmeta.report.Terminal.safeLines(e.getMessage()));
            err.println("See 'mscmeta " + first + " --help'.");
            return EXIT_BAD_INPUT;
        } catch (OutOfMemoryError e) {
            return outOfMemory(err, first, RAN_OUT);
        } catch (java.io.IOException e) {
            if (outOfMemory(e)) {
                return outOfMemory(err, first, RAN_OUT);
            }
            err.println("error: " + org.mscmeta.report.Terminal.safe(org.mscmeta.files.FileProblems.describe(e)));
            return 1;
        } catch (Exception e) {
            if (outOfMemory(e)) {
                return outOfMemory(err, first, RAN_OUT);
            }
            err.println("error: " + org.mscmeta.report.Terminal.safe(failure(e)));
            return 1;
        } catch (Error e) {
            if (outOfMemory(e)) { // e.g. a service that could not be loaded for want of memory
                return outOfMemory(err, first, RAN_OUT);
            }
            if (e instanceof LinkageError) {
                // a class whose set-up failed earlier in the run, which is what running out of memory there leaves
                return outOfMemory(err, first, "the run failed while setting up a part of the program, most likely for"
                        + " want of memory (Java was allowed ");
            }
            err.println("error: an unexpected failure, a defect of mscmeta: please report it with the command you ran");
            return 1;
        }
    }

    /**
     * Whether {@code e} came of running out of memory: the JVM may throw one preallocated error twice (in a block and
     * in the closing of its resources), and Java's try-with-resources then fails with "Self-suppression not
     * permitted", caused by that error; a task's error may come wrapped.
     */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static final String RAN_OUT = "Java ran out of memory (it was allowed ";

    /** Says that the run ran out of memory ({@code what}, then the heap's size) and what to do; returns 1. */
    private static int outOfMemory(PrintStream err, String command, String what) {
        org.mscmeta.files.MemoryReserve.release();
        err.println("error: " + what + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); nothing was written. Give"
                + " it more, e.g. 'java -Xmx4g -jar mscmeta.jar " + command + " ...', or write less: --no-report, or"
                + " --outcome NAME for some outcomes.");
        return 1;
    }

    private static String version() {
        return Tool.name() + " " + Tool.version();
    }
}
