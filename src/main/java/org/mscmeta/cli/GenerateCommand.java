package org.mscmeta.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mscmeta.files.AtomicFiles;
import org.mscmeta.synth.SyntheticRegistry;

/** {@code generate}: a deterministic synthetic registry-scale sheet for benchmarks. */
final class GenerateCommand implements Main.Subcommand {

    @Override
    public CommandOptions options() {
        return new CommandOptions("generate", "", "Write a deterministic synthetic extraction sheet (trials x AE"
                + " terms, 30% single-arm) for benchmarks: 2000 trials x 40 terms = 80,000 rows by default.")
                .value("out", "FILE", "The CSV file to write. Required.")
                .value("trials", "N", "Number of trials", "2000")
                .value("terms", "N", "AE terms per trial", "40")
                .value("seed", "N", "Random seed", "20261123")
                .flag("force", "Replace the file FILE even when it is not a sheet generate wrote.");
    }

    @Override
    public int run(CommandOptions.Parsed o) throws Exception {
        if (!o.parameters().isEmpty()) {
            throw new CommandOptions.BadValue("unexpected argument(s): " + String.join(" ", o.parameters()));
        }
        Path out = o.requiredPath("out");
        long trials = o.whole("trials");
        long terms = o.whole("terms");
        long seed = o.whole("seed");
        if (trials < 1 || terms < 1 || trials > Integer.MAX_VALUE || terms > Integer.MAX_VALUE) {
            throw new CommandOptions.BadValue("--trials and --terms must be whole numbers from 1 to "
                    + Integer.MAX_VALUE);
        }
        String refused = Files.isDirectory(out) ? "a folder; give the file to write, such as "
                + out.resolve("registry.csv")
                : Files.exists(out) && !Files.isRegularFile(out) ? "not a file; give the file to write"
                : Files.exists(out) && !o.has("force") && !SyntheticRegistry.isSynthetic(out)
                ? "the file exists and is not a sheet generate wrote: give another name, or --force to replace it"
                : null;
        if (refused != null) {
            throw new CommandOptions.BadValue("--out " + out + ": " + refused);
        }
        long[] rows = new long[1];
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                System.err.println("error: --out " + org.mscmeta.report.Terminal.safe(out.toString())
                        + ": cannot make its folder (" + org.mscmeta.files.FileProblems.folderProblem(parent, e) + ")");
                return Main.EXIT_BAD_INPUT;
            }
        }
        try {
            AtomicFiles.write(out, os -> {
                BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8),
                        1 << 16);
                rows[0] = SyntheticRegistry.write(w, (int) trials, (int) terms, seed); // closing the CSV writer flushes w
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("error: " + org.mscmeta.report.Terminal.safe(out.toString()) + " could not be written ("
                    + org.mscmeta.report.Terminal.safe(org.mscmeta.files.FileProblems.describe(e)) + "); "
                    + (Files.exists(out) ? "the file is as it was before the run" : "nothing was written"));
            return 1;
        }
        System.out.println("Wrote " + rows[0] + " rows to " + out + " (" + Files.size(out) + " bytes)");
        return 0;
    }
}
