package org.mscmeta.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mscmeta.sheet.DecimalText;

/**
 * The options of one subcommand, parsed with Apache Commons CLI: declared once (name, value label, help text with
 * its default), then read with typed accessors that name the option in their errors. Every subcommand also takes
 * {@code --help} ({@code -h}) and {@code --version} ({@code -V}).
 *
 * <p>Commons CLI rather than an annotation-driven parser: a run's start-up is part of what registry-scale users
 * wait for, and building picocli's model from annotations took about 0.15 s of each run.
 */
final class CommandOptions {

    /** A value that cannot be used: the message names the option and what was expected. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message);
        }
    }

    private final String command;
    private final String parameters;
    private final String description;
    private final Options options = new Options();
    private final java.util.Map<String, String> defaults = new java.util.HashMap<>();
    /** Options that may be given more than once (the others: once at most). */
    private final java.util.Set<String> repeatable = new java.util.HashSet<>();

    /**
     * @param command     the subcommand's name
     * @param parameters  its positional parameters as shown in the usage line (e.g. {@code "INPUT"})
     * @param description what it does (shown by --help)
     */
    CommandOptions(String command, String parameters, String description) {
        this.command = command;
        this.parameters = parameters;
        this.description = description;
    }

    /** An option with a value, shown as {@code --name LABEL}. */
    CommandOptions value(String name, String label, String help) {
        options.addOption(Option.builder().longOpt(name).hasArg().argName(label).desc(help).get());
        return this;
    }

    /** An option with a value and the value it has when not given, which the help states (the one place for it). */
    CommandOptions value(String name, String label, String help, String defaultValue) {
        defaults.put(name, defaultValue);
        return value(name, label, help + " (default: " + defaultValue + ").");
    }

    /**
     * An option that may be given several times, each value a comma-separated list ({@link Parsed#list}). It takes
     * one token per occurrence: an option taking several would swallow the parameters that follow it.
     */
    CommandOptions list(String name, String label, String help) {
        repeatable.add(name);
        return value(name, label, help);
    }

    /**
     * An option that may be given several times, each value taken whole, commas included ({@link Parsed#values}):
     * outcome names such as "Nausea, vomiting" hold commas.
     */
    CommandOptions repeated(String name, String label, String help) {
        repeatable.add(name);
        return value(name, label, help);
    }

    /** A switch without a value. */
    CommandOptions flag(String name, String help) {
        options.addOption(Option.builder().longOpt(name).desc(help).get());
        return this;
    }

    /** Parses {@code args}; --help and --version are always known. */
    Parsed parse(String[] args) throws ParseException {
        if (!options.hasLongOption("help")) {
            options.addOption(Option.builder("h").longOpt("help").desc("Show this help message and exit.").get());
            options.addOption(Option.builder("V").longOpt("version").desc("Print version information and exit.")
                    .get());
        }
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
        } catch (org.apache.commons.cli.UnrecognizedOptionException e) {
            // in words, with the option meant where one is a letter or two away (--meassure, --tau for --tau2)
            String given = e.getOption();
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Option o : options.getOptions()) {
                if (o.getLongOpt() != null) {
                    names.add("--" + o.getLongOpt());
                }
            }
            String meant = org.mscmeta.sheet.OutcomeNames.closest(given, names);
            String bare = given.replaceFirst("^-+", "");
            if (meant != null && bare.length() < 5 && !meant.startsWith("--" + bare)) {
                meant = null; // two letters off a name of two or three is another word (--xyz is no --by)
            }
            throw new ParseException("unknown option '" + given + "'" + (meant == null ? "" : "; did you mean '"
                    + meant + "'?"));
        } catch (org.apache.commons.cli.MissingArgumentException e) {
            Option o = e.getOption();
            throw new ParseException("--" + o.getLongOpt() + " needs a value (" + o.getArgName() + ")");
        }
        for (Option o : cl.getOptions()) {
            String name = o.getLongOpt();
            String[] given = cl.getOptionValues(name);
            if (name != null && !repeatable.contains(name) && o.hasArg() && given != null && given.length > 1) {
                throw new ParseException("--" + name + " is given " + given.length + " times ('"
                        + String.join("', '", given) + "'); give it once");
            }
        }
        return new Parsed(cl, defaults);
    }

    /** Prints the usage: synopsis, description and every option in the order declared. */
    void usage(PrintStream out) {
        HelpFormatter f = new HelpFormatter();
        f.setOptionComparator(null);
        f.setLongOptSeparator(" ");
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        f.printHelp(w, 100, "mscmeta " + command + " [OPTIONS] " + parameters, "\n" + description + "\n\nOptions:",
                options, 2, 3, "", false);
        w.flush();
    }

    /** The options of one run. */
    static final class Parsed {
        private final CommandLine cl;
        private final java.util.Map<String, String> defaults;

        private Parsed(CommandLine cl, java.util.Map<String, String> defaults) {
            this.cl = cl;
            this.defaults = defaults;
        }

        boolean has(String name) {
            return cl.hasOption(name);
        }

        /** The value, or the declared default when the option is not given (null without one). */
        String text(String name) {
            return cl.getOptionValue(name, defaults.get(name));
        }

        /** The value of an option that must be given. */
        String required(String name) throws BadValue {
            String v = cl.getOptionValue(name);
            if (v == null) {
                throw new BadValue("missing required option --" + name);
            }
            return v;
        }

        /** The value as a path, or null when the option is not given. */
        Path path(String name) throws BadValue {
            String v = cl.getOptionValue(name);
            return v == null ? null : toPath("--" + name, v);
        }

        /**
         * The value as the path of a file to read, or null when the option is not given: refused, naming the option,
         * when there is nothing there, or a folder, or something other than a file (a device).
         */
        Path inputFile(String name) throws BadValue {
            Path p = path(name);
            if (p == null || java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
            String what = "--" + name + " " + p;
            if (!java.nio.file.Files.exists(p)) {
                throw new BadValue(noSuchFile(what, p.toString()));
            }
            throw new BadValue(what + ": " + (java.nio.file.Files.isDirectory(p) ? "a folder" : "not a file")
                    + "; give the file to read");
        }

        Path requiredPath(String name) throws BadValue {
            return toPath("--" + name, required(name));
        }

        /**
         * The value of a required option naming the folder a command writes into: refused when it is blank (that
         * would be the current folder) or named like one of the files written into it ("--out results.xlsx" made a
         * folder of that name), unless a folder of that name is already there.
         *
         * @param contents what the command writes into the folder, in words ("results.json, ...")
         */
        Path outputFolder(String name, String contents) throws BadValue {
            Path p = requiredPath(name);
            if (p.toString().isBlank()) {
                throw new BadValue("--" + name + ": give the folder to write into (an empty name would write into"
                        + " the current folder)");
            }
            String last = p.getFileName() == null ? "" : p.getFileName().toString();
            int dot = last.lastIndexOf('.');
            String extension = dot <= 0 ? "" : last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
            if (FILE_EXTENSIONS.contains(extension) && !java.nio.file.Files.isDirectory(p)) {
                Path stem = Path.of(last.substring(0, dot));
                throw new BadValue("--" + name + " " + p + ": give the folder to write into, not a file's name: "
                        + contents + " (e.g. --" + name + " " + (p.getParent() == null ? stem : p.getParent()
                        .resolve(stem)) + ")");
            }
            return p;
        }

        /** Names that are files' rather than a folder's: the files the commands read and write. */
        private static final java.util.Set<String> FILE_EXTENSIONS = java.util.Set.of("csv", "tsv", "txt", "json",
                "xlsx", "xls", "ods", "docx", "pdf", "png", "svg", "rm5");

        double number(String name) throws BadValue {
            return converted(name, DecimalText::parse, "a number");
        }

        /** The value as a number, a percentage ("95%") as the proportion it is; refused when it is neither. */
        double numberOrPercent(String name) throws BadValue {
            String v = text(name);
            double d = v == null ? Double.NaN : CommandOptions.numberOrPercent(v);
            if (Double.isNaN(d)) {
                throw new BadValue("--" + name + ": expected a number, got '" + v + "'" + decimalComma(v));
            }
            return d;
        }

        /** A level strictly between 0 and 1, as a number or a percentage ("0.1", "10%"); refused otherwise. */
        double level(String name) throws BadValue {
            double d = numberOrPercent(name);
            if (!(d > 0 && d < 1)) {
                throw new BadValue("--" + name + ": expected a level between 0 and 1 (e.g. 0.1, or 10%), got '"
                        + text(name) + "'");
            }
            return d;
        }

        long whole(String name) throws BadValue {
            return converted(name, Long::parseLong, "a whole number");
        }

        private <T> T converted(String name, java.util.function.Function<String, T> parse, String expected)
                throws BadValue {
            String v = text(name);
            if (v == null) {
                throw new IllegalStateException("--" + name + " is declared without a default");
            }
            try {
                return parse.apply(v.strip());
            } catch (NumberFormatException e) {
                throw new BadValue("--" + name + ": expected " + expected + ", got '" + v + "'" + decimalComma(v));
            }
        }

        /** The hint for a number written with a decimal comma ("0,5"), or "". */
        private static String decimalComma(String v) {
            return v != null && v.strip().matches("-?\\d*,\\d+") ? " (write the decimals after a point: '"
                    + v.strip().replace(',', '.') + "')" : "";
        }

        /** Every value of a list option (comma-separated, the option possibly repeated); null when not given. */
        List<String> list(String name) {
            String[] v = cl.getOptionValues(name);
            if (v == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (String each : v) {
                for (String s : each.split(",")) {
                    if (!s.isBlank()) {
                        out.add(s.strip());
                    }
                }
            }
            return out;
        }

        /** The value as a constant of {@code type}, ignoring case. */
        <E extends Enum<E>> E choice(String name, Class<E> type) throws BadValue {
            String v = text(name);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v.strip())) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name());
            }
            throw new BadValue("--" + name + ": expected one of " + String.join(", ", names) + ", got '" + v + "'");
        }

        /** Every value of a repeatable option, each whole (no comma splitting); empty when not given. */
        List<String> values(String name) {
            String[] v = cl.getOptionValues(name);
            List<String> out = new ArrayList<>();
            if (v != null) {
                for (String each : v) {
                    if (!each.isBlank()) {
                        out.add(each.strip());
                    }
                }
            }
            return out;
        }

        /** The positional parameters. */
        List<String> parameters() {
            return cl.getArgList();
        }

        static Path toPath(String what, String v) throws BadValue {
            if (WEB_ADDRESS.matcher(v).lookingAt()) {
                java.util.regex.Matcher nct = java.util.regex.Pattern.compile("NCT\\d{8}").matcher(v);
                throw new BadValue(what + " " + v + ": a web address, not a file: " + (what.equals("--out")
                        ? "give a folder (or file) on this computer to write into"
                        : v.toLowerCase(java.util.Locale.ROOT).contains("clinicaltrials.gov") && nct.find()
                        ? "import-ctgov --nct " + nct.group() + " downloads the record"
                        : "download it and give the file's path"));
            }
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new BadValue(what + ": not a usable path: '" + v + "'");
            }
        }

        /** A scheme and "://": a web address (https://, ftp://, s3://), which is no path of a file. */
        private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile(
                "[A-Za-z][A-Za-z0-9+.-]+://");
    }

    /** {@code v} as a number, a percentage ("95%") as the proportion it is (0.95); NaN when it is neither. */
    static double numberOrPercent(String v) {
        String t = DecimalText.asciiDigits(v.strip()); // "５％" as "5%"
        boolean percent = t.endsWith("%");
        try {
            return DecimalText.parse(percent ? t.substring(0, t.length() - 1) : t) / (percent ? 100 : 1);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * "{@code shown}: no such file", and where {@code path} begins with a tilde, why: a shell expands {@code ~} to
     * the home folder only outside quotes, so a path quoted (or given through a script) keeps it as a folder name.
     */
    static String noSuchFile(String shown, String path) {
        return shown + ": no such file" + (path.startsWith("~") ? " (a shell reads ~ as your home folder only outside"
                + " quotes: write the path in full, or without quotes)" : "");
    }
}
