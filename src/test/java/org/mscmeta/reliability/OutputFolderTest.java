package org.mscmeta.reliability;

import org.mscmeta.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.ReferenceCases;

/**
 * Output folders: a folder holding a previous run is replaced as a whole, never mixed; another program's files are
 * not overwritten without --force, and the user's other files are left alone; a failed final move leaves the previous
 * outputs in place; files get the user's umask; staging folders of killed runs are removed by the next run.
 */
class OutputFolderTest {

    @TempDir
    Path dir;

    private final Path bcg = ReferenceCases.resource("data/bcg.csv");

    private static List<String> files(Path out) throws Exception {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFolderHoldingAPreviousRunIsReplacedAsAWhole() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("my-notes.txt"), "mine");
        Cli.Run first = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--measure", "OR");
        assertEquals(0, first.status(), first.all());
        assertTrue(files(out).contains("results.xlsx"));
        assertTrue(files(out).stream().anyMatch(f -> f.startsWith("plots/")));

        Cli.Run second = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(0, second.status(), second.all());
        // the OR run's workbook and plots are gone with it; the user's own file is kept
        assertEquals(List.of(".mscmeta-run", "my-notes.txt", "results.json"), files(out));
        assertFalse(Files.exists(out.resolve("plots")), "the emptied plots folder is removed");
        assertTrue(Files.readString(out.resolve("results.json")).replace(" ", "").contains("\"measure\":\"RR\""));
    }

    /** The workbook of a previous run read back as the sheet, into the same folder: the run would remove it. */
    @Test
    void theSheetARunReadsIsNotTakenAwayWithThePreviousRunsFiles() throws Exception {
        Path out = dir.resolve("again");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
        List<String> before = files(out);
        byte[] workbook = Files.readAllBytes(out.resolve("results.xlsx"));
        Path sheet = out.resolve("results.xlsx");
        Cli.Run refused = Cli.run("analyze", sheet.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(2, refused.status(), refused.all());
        assertTrue(refused.err().contains("results.xlsx, the sheet this run reads, was written there by an earlier"
                + " run"), refused.err());
        assertEquals(before, files(out), "the folder as it was");
        assertTrue(java.util.Arrays.equals(workbook, Files.readAllBytes(sheet)));
        // the same sheet into another folder is read as any workbook; with --force the user replaces it knowingly
        Cli.Run elsewhere = Cli.run("analyze", sheet.toString(), "--out", dir.resolve("other").toString(), "--quiet",
                "--no-report");
        assertEquals(0, elsewhere.status(), elsewhere.all());
        Cli.Run forced = Cli.run("analyze", sheet.toString(), "--out", out.toString(), "--quiet", "--no-report",
                "--force");
        assertEquals(0, forced.status(), forced.all());
        assertFalse(Files.exists(sheet));
    }

    /**
     * The user's own sheet, named as a file a run writes (results.xlsx, or a sheet in a plots/ folder of their own),
     * in the output folder: before, --force replaced it with the run's results and the extraction sheet was lost.
     * Refused with and without --force, naming it as the sheet the run reads; the folder stays as it was.
     */
    @Test
    void theUsersOwnSheetUnderARunsFileNameIsNeverReplaced() throws Exception {
        Path out = dir.resolve("mine");
        Files.createDirectories(out.resolve("plots"));
        Path workbook = Files.copy(bcg, out.resolve("plots").resolve("trials.csv"));
        // a workbook that holds the sheet (an earlier run's, copied: no run wrote it in this folder)
        Cli.Run elsewhere = Cli.run("analyze", bcg.toString(), "--out", dir.resolve("elsewhere").toString(), "--quiet");
        assertEquals(0, elsewhere.status(), elsewhere.all());
        Path sheet = Files.copy(dir.resolve("elsewhere").resolve("results.xlsx"), out.resolve("results.xlsx"));
        byte[] before = Files.readAllBytes(sheet);
        List<String> folder = files(out);
        for (Path read : new Path[] {sheet, workbook}) {
            for (boolean force : new boolean[] {false, true}) {
                Cli.Run r = force ? Cli.run("analyze", read.toString(), "--out", out.toString(), "--quiet", "--force")
                        : Cli.run("analyze", read.toString(), "--out", out.toString(), "--quiet");
                assertEquals(2, r.status(), r.all());
                assertTrue(r.err().contains(out.relativize(read).toString().replace('\\', '/') + " there is the sheet"
                        + " this run reads, and the run " + (read == sheet ? "writes a file of that name"
                        : "replaces the folder plots/ with its own")), r.err());
                assertEquals(folder, files(out), "the folder as it was");
            }
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(sheet)));
    }

    /**
     * The outcome map and the vocabulary a run reads, kept in the output folder under a run's names (a map in a
     * plots/ folder, a vocabulary saved as results.json): before, --force replaced them with the run's files and the
     * user's tables were lost. Refused with and without --force, naming which table it is; nothing is replaced.
     */
    @Test
    void theTablesARunReadsBesidesTheSheetAreNeverReplaced() throws Exception {
        Path out = dir.resolve("tables");
        Files.createDirectories(out.resolve("plots"));
        Path map = Files.copy(Path.of("examples/outcome_harmonisation.csv"), out.resolve("plots").resolve("map.csv"));
        Path vocabulary = Files.writeString(out.resolve("results.json"), "route\tintravenous\tIV drip\n");
        List<String> folder = files(out);
        String[][] runs = {
            {"--outcome-map", map.toString(), "plots/map.csv there is the outcome map (--outcome-map) this run reads,"
                    + " and the run replaces the folder plots/ with its own"},
            {"--vocabulary", vocabulary.toString(), "results.json there is the vocabulary (--vocabulary) this run"
                    + " reads, and the run writes a file of that name"}};
        for (String[] run : runs) {
            for (boolean force : new boolean[] {false, true}) {
                List<String> args = new java.util.ArrayList<>(List.of("analyze", "examples/msc_adverse_events.csv",
                        "--out", out.toString(), "--quiet", run[0], run[1]));
                if (force) {
                    args.add("--force");
                }
                Cli.Run r = Cli.run(args.toArray(String[]::new));
                assertEquals(2, r.status(), r.all());
                assertTrue(r.err().contains(run[2]), r.err());
                assertEquals(folder, files(out), "the folder as it was");
            }
        }
        assertEquals(Files.readString(Path.of("examples/outcome_harmonisation.csv")), Files.readString(map));
    }

    /**
     * An analysis of an imported sheet into the import's own folder: before, the import's sheet and review were the
     * "previous run's files", which the analysis would remove (refused only because the sheet was being read, and
     * removed with --force). Each command now replaces only its own files, and the manifest keeps both.
     */
    @Test
    void anAnalysisBesideTheImportItReadsKeepsTheImportsFiles() throws Exception {
        Path out = dir.resolve("imported");
        Path record = Path.of("src/test/resources/ctgov/NCT02097641.json");
        assertEquals(0, Cli.run("import-ctgov", record.toString(), "--out", out.toString(), "--quiet").status());
        Path sheet = out.resolve("ctgov_adverse_events.csv");
        byte[] imported = Files.readAllBytes(sheet);
        Cli.Run analysed = Cli.run("analyze", sheet.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, analysed.status(), analysed.all());
        assertTrue(files(out).containsAll(List.of("ctgov_adverse_events.csv", "review/review.md", "review/groups.csv",
                "results.json", "results.xlsx", "report.docx")), files(out).toString());
        // the import again: its files replaced, the analysis's kept; an analysis without a report: its own removed
        assertEquals(0, Cli.run("import-ctgov", record.toString(), "--out", out.toString(), "--quiet").status());
        assertTrue(files(out).containsAll(List.of("results.xlsx", "report.docx")), files(out).toString());
        Cli.Run again = Cli.run("analyze", sheet.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(0, again.status(), again.all());
        assertEquals(List.of(".mscmeta-run", "ctgov_adverse_events.csv", "results.json", "review/groups.csv",
                "review/review.md"), files(out));
        assertTrue(java.util.Arrays.equals(imported, Files.readAllBytes(sheet)));
    }

    /**
     * A co-author's workbook put into a folder whose last run wrote no workbook (--no-report): before, the next full
     * run replaced it without a word, the folder being one a run had written. It is refused as any file of a run's
     * name that no run wrote.
     */
    @Test
    void aFileOfARunsNameThatTheLastRunDidNotWriteIsNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("shared");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report")
                .status());
        Files.writeString(out.resolve("results.xlsx"), "a co-author's workbook");
        Cli.Run refused = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, refused.status(), refused.all());
        assertTrue(refused.err().contains("the folder already holds results.xlsx, which no run of mscmeta wrote"),
                refused.err());
        assertEquals("a co-author's workbook", Files.readString(out.resolve("results.xlsx")));
        Cli.Run forced = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, forced.status(), forced.all());
        assertTrue(Files.size(out.resolve("results.xlsx")) > 1000);
    }

    /**
     * A picture of the user's own put into the plots/ of a run, named as a plot the next run draws but the last did
     * not (a leave-one-out plot made in another program, beside a run without sensitivity analyses): a plot's name is
     * known only once it is drawn, and before, the picture was replaced when the run's files were put in place. It is
     * refused then, before anything is moved.
     */
    @Test
    void aPictureOfTheUsersInPlotsNamedAsAPlotOfTheNextRunIsNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("pictures");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--sensitivity",
                "none").status());
        Path mine = out.resolve("plots").resolve("leave-one-out-tuberculosis.png");
        Files.writeString(mine, "a leave-one-out plot drawn in RevMan");
        List<String> before = files(out);
        String results = Files.readString(out.resolve("results.json"));
        Cli.Run refused = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, refused.status(), refused.all());
        assertTrue(refused.err().contains("plots/leave-one-out-tuberculosis.png is a file that no run of mscmeta"
                + " wrote, and this run writes a file of that name: move it elsewhere or give another --out, or add"
                + " --force to replace it"), refused.err());
        assertEquals("a leave-one-out plot drawn in RevMan", Files.readString(mine));
        assertEquals(before, files(out), "the folder as it was");
        assertEquals(results, Files.readString(out.resolve("results.json")));

        Cli.Run forced = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, forced.status(), forced.all());
        assertTrue(Files.size(mine) > 1000, "replaced by the run's plot");
    }

    @Test
    void anotherProgramsFilesAreNotOverwrittenWithoutForce() throws Exception {
        Path out = dir.resolve("theirs");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.xlsx"), "a co-author's workbook");
        Cli.Run refused = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("already holds results.xlsx, which no run of mscmeta wrote"), refused.err());
        assertEquals("a co-author's workbook", Files.readString(out.resolve("results.xlsx")));
        assertEquals(List.of("results.xlsx"), files(out), "nothing written");

        Cli.Run forced = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, forced.status(), forced.all());
        assertTrue(Files.size(out.resolve("results.xlsx")) > 1000, "replaced by the run's workbook");
    }

    /**
     * A file of the previous run that was edited since (a co-author's comments saved into report.docx) is not
     * replaced without --force: a rerun while tweaking would have lost the edits. A folder copied elsewhere (its
     * files' times changed, their contents not) and a manifest of an earlier version (paths alone) run as before.
     */
    @Test
    void anEditedFileOfThePreviousRunIsNotReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("edited");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
        Cli.Run rerun = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, rerun.status(), "an unchanged folder is simply replaced: " + rerun.all());

        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String f : files(out)) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(out.resolve(f), copy.resolve(f)); // new times, same contents
        }
        Files.setLastModifiedTime(copy.resolve("results.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        Cli.Run copied = Cli.run("analyze", bcg.toString(), "--out", copy.toString(), "--quiet");
        assertEquals(0, copied.status(), copied.all());

        Files.write(out.resolve("report.docx"), "co-author's comments".getBytes(),
                java.nio.file.StandardOpenOption.APPEND);
        byte[] edited = Files.readAllBytes(out.resolve("report.docx"));
        List<String> before = files(out);
        Cli.Run refused = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(2, refused.status(), refused.all());
        assertTrue(refused.err().contains("report.docx was changed after mscmeta wrote it, and this run would replace"
                + " it: copy the edited file elsewhere or give another --out, or add --force to replace it"),
                refused.err());
        assertTrue(java.util.Arrays.equals(edited, Files.readAllBytes(out.resolve("report.docx"))), "the edit kept");
        assertEquals(before, files(out), "nothing written");

        Cli.Run forced = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, forced.status(), forced.all());
        assertFalse(java.util.Arrays.equals(edited, Files.readAllBytes(out.resolve("report.docx"))), "replaced");

        // a manifest of an earlier version: the paths alone, nothing to compare
        Path manifest = out.resolve(".mscmeta-run");
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\t\\d+", ""));
        Files.write(out.resolve("results.json"), " ".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
    }

    /**
     * Two runs into one folder at once (a rerun while a registry-scale report is still being written) could leave a
     * mix of both: the second is refused while the first holds the folder's lock, and nothing of the lock is left
     * once a run ends.
     */
    @Test
    void aSecondRunIntoAFolderBeingWrittenIsRefused() throws Exception {
        Path out = dir.resolve("busy");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report")
                .status());
        List<String> before = files(out);
        byte[] json = Files.readAllBytes(out.resolve("results.json"));
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(out.resolve(".mscmeta-lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = c.lock()) {
            Cli.Run second = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--measure", "OR");
            assertEquals(2, second.status(), second.all());
            assertTrue(second.err().contains("another run of mscmeta is writing into this folder; wait for it to end,"
                    + " or give another --out"), second.err());
            assertTrue(java.util.Arrays.equals(json, Files.readAllBytes(out.resolve("results.json"))));
        }
        Files.delete(out.resolve(".mscmeta-lock"));
        assertEquals(before, files(out), "nothing written");
        Cli.Run after = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--measure", "OR");
        assertEquals(0, after.status(), after.all());
        assertFalse(Files.exists(out.resolve(".mscmeta-lock")), "the lock's file removed at the end of the run");
        Path fresh = dir.resolve("fresh");
        assertEquals(2, Cli.run("analyze", bcg.toString(), "--out", fresh.toString(), "--quiet", "--measure",
                "OR", "--method", "PETO", "--tau2", "DL", "--no-report", "--outcome", "none such").status());
        assertFalse(Files.exists(fresh), "a folder the refused run made is removed");
    }

    @Test
    void aRunOfAnEarlierVersionWithoutAManifestIsRecognisedAndReplaced() throws Exception {
        Path out = dir.resolve("legacy");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
        Files.delete(out.resolve(".mscmeta-run")); // as an earlier version left its folders
        Cli.Run again = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(0, again.status(), again.all());
        assertEquals(List.of(".mscmeta-run", "results.json"), files(out));
    }

    @Test
    void aFailedMoveLeavesThePreviousOutputsInPlace() throws Exception {
        Path out = dir.resolve("failing");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
        List<String> before = files(out);
        String workbook = Files.readString(out.resolve(".mscmeta-run"));
        // results.json made a folder that is not empty: the new results.json cannot be moved there
        Files.delete(out.resolve("results.json"));
        Files.createDirectories(out.resolve("results.json"));
        Files.writeString(out.resolve("results.json/blocker"), "x");
        Cli.Run r = Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--measure", "OR");
        assertEquals(1, r.status(), r.all());
        assertTrue(r.err().contains("the folder is as it was before the run"), r.err());
        List<String> after = files(out);
        for (String f : before) {
            if (!f.equals("results.json")) {
                assertTrue(after.contains(f), "kept: " + f);
            }
        }
        assertEquals(workbook, Files.readString(out.resolve(".mscmeta-run")));
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".mscmeta-previous")
                    || p.getFileName().toString().startsWith(".mscmeta-staging")), "no leftovers");
        }
    }

    @Test
    void filesGetTheUsersUmask() throws Exception {
        Path out = dir.resolve("shared");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet").status());
        Path probe = Files.createFile(dir.resolve("probe")); // what the umask gives a new file
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        for (String f : files(out)) {
            assertEquals(expected, Files.getPosixFilePermissions(out.resolve(f)), f);
        }
    }

    @Test
    void stagingOfAKilledRunIsRemovedByTheNextRun() throws Exception {
        Path out = dir.resolve("stale");
        Path stale = out.resolve(".mscmeta-staging-2147483646-12345");
        Files.createDirectories(stale.resolve("plots"));
        Files.writeString(stale.resolve("results.json"), "{}");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", out.toString(), "--quiet", "--no-report")
                .status());
        assertFalse(Files.exists(stale), "a staging folder whose process is gone is removed");
    }

    /**
     * A run that runs out of memory while it writes its report (a JVM of its own given 32 MB) says so in one
     * sentence, with what to do, and leaves nothing behind: the folder it was to create does not exist, not even
     * with a staging folder in it (plots still being drawn when the failure came are finished before the staging
     * folder is removed), and the previous run's files in a second folder are kept as they were.
     */
    @Test
    void runningOutOfMemoryLeavesNothingAndSaysSo() throws Exception {
        Path kept = dir.resolve("kept");
        assertEquals(0, Cli.run("analyze", bcg.toString(), "--out", kept.toString(), "--quiet", "--no-report")
                .status());
        List<String> before = files(kept);
        String before0 = Files.readString(kept.resolve("results.json"));
        for (Path out : List.of(dir.resolve("new"), kept)) {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx32m", "-Dmscmeta.relaunch=false", "-cp", cp, "org.mscmeta.cli.Main", "analyze",
                    Path.of("examples", "msc_adverse_events.csv").toString(), "--out", out.toString(), "--quiet")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(1, process.waitFor(), output);
            List<String> lines = output.lines().filter(l -> !l.startsWith("[")).toList(); // (the JVM's own log)
            assertEquals(1, lines.size(), output);
            // where a heap this small runs out varies from run to run: mostly in a task ("Java ran out of memory"),
            // now and then while a class sets itself up ("... most likely for want of memory"); both say so in one
            // sentence with what to do
            assertTrue(lines.get(0).startsWith("error: Java ran out of memory (it was allowed ")
                    || lines.get(0).startsWith("error: the run failed while setting up a part of the program, most"
                    + " likely for want of memory"), output);
            assertTrue(lines.get(0).contains("; nothing was written. Give it more, e.g. 'java -Xmx4g -jar mscmeta.jar"
                    + " analyze ...'"), output);
        }
        assertFalse(Files.exists(dir.resolve("new")), "no folder, no staging folder");
        assertEquals(before, files(kept));
        assertEquals(before0, Files.readString(kept.resolve("results.json")));
    }
}
