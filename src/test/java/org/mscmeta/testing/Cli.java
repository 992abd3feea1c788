package org.mscmeta.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.mscmeta.cli.Main;

/** Runs the command line in this JVM, capturing what it prints. */
public final class Cli {

    /**
     * The outcome of a run.
     *
     * @param status exit status
     * @param out    standard output
     * @param err    standard error
     */
    public record Run(int status, String out, String err) {

        /** Everything printed. */
        public String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    public static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
