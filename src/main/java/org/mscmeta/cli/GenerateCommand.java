package org.mscmeta.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mscmeta.report.AtomicFiles;
import org.mscmeta.synth.SyntheticRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a deterministic synthetic registry-scale sheet for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic extraction sheet (trials x AE terms, 30%% single-arm) for"
                + " benchmarks: 2000 trials x 40 terms = 80,000 rows by default.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path out;

    @Option(names = "--trials", defaultValue = "2000", description = "Number of trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--terms", defaultValue = "40", description = "AE terms per trial (default: ${DEFAULT-VALUE}).")
    int terms;

    @Option(names = "--seed", defaultValue = "20261123", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (trials < 1 || terms < 1) {
            System.err.println("error: --trials and --terms must be at least 1");
            return Main.EXIT_BAD_INPUT;
        }
        long[] rows = new long[1];
        AtomicFiles.write(out, os -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
            rows[0] = SyntheticRegistry.write(w, trials, terms, seed); // closing the CSV writer flushes w
        });
        System.out.println("Wrote " + rows[0] + " rows to " + out + " (" + Files.size(out) + " bytes)");
        return 0;
    }
}
