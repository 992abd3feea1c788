package org.mscmeta.cli;

import org.mscmeta.Tool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mscmeta} command line: {@code java -jar target/mscmeta.jar analyze INPUT --out DIR ...}. */
@Command(name = "mscmeta", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Adverse-event safety meta-analysis of mesenchymal stem/stromal cell trials.")
public final class Main implements Runnable {

    /** The subcommands, in the order help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS =
            new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("analyze", AnalyzeCommand::new);
        SUBCOMMANDS.put("import-ctgov", ImportCtgovCommand::new);
        SUBCOMMANDS.put("generate", GenerateCommand::new);
    }

    /** Exit status for bad input or bad options. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static {
        // Apache POI logs through Log4j 2; without a back end it prints a start-up warning. Route it to the
        // simple logger, errors only.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("org.apache.logging.log4j.level", "ERROR");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 success, 1 failure, 2 bad input or usage). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // picocli builds the model of every registered subcommand from its annotations (a good part of start-up);
        // a run names one, so only that one is registered; help and unknown names get them all
        String first = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.containsKey(first);
        SUBCOMMANDS.forEach((name, make) -> {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, make.get());
            }
        });
        if (!one) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Tool.name() + " " + Tool.version()};
        }
    }
}
