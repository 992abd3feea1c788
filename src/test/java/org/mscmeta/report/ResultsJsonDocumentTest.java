package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.cli.Main;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;

/**
 * results.json written while the analysis runs (each outcome added as it is pooled, from several threads) is the
 * same document, byte for byte, as the one written from the finished results.
 */
class ResultsJsonDocumentTest {

    @TempDir
    Path dir;

    private static final RunInfo RUN = new RunInfo("in.csv", "0123abcd", "2026-11-30T00:00:00Z");

    private static byte[] whole(Results r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsJson.write(r, RUN, out);
        return out.toByteArray();
    }

    /** Runs the analysis adding each outcome to a document as the pooling threads finish it. */
    private static byte[] streamed(ExtractionSheet sheet, Settings settings, List<Integer> seenOrder)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Settings resolved = MetaAnalysis.resolve(sheet, settings);
        try (ResultsDocument d = ResultsDocument.open(out, sheet.file(), sheet.size(), resolved, RUN)) {
            Results r = MetaAnalysis.run(sheet, resolved, new MetaAnalysis.Progress() {
                @Override
                public void outcomeAnalysed(int index, List<Analysis> analyses) {
                    seenOrder.add(index);
                    d.add(index, analyses);
                }

                @Override
                public void outcomesDone(int done, int total) {
                }
            });
            d.finish(r);
        }
        return out.toByteArray();
    }

    private ExtractionSheet registry(int trials, int terms) throws Exception {
        Path csv = dir.resolve("reg-" + trials + "-" + terms + ".csv");
        assertEquals(0, Main.run("generate", "--out", csv.toString(), "--trials", "" + trials, "--terms", "" + terms));
        return SheetReader.withBuiltInVocabulary().read(csv, null);
    }

    @Test
    void registryScaleDocumentWrittenAsOutcomesArePooledIsTheSame() throws Exception {
        ExtractionSheet sheet = registry(260, 25); // 6,500 rows: compact output, written by the writer thread
        assertTrue(sheet.size() > ResultsJson.PRETTY_MAX_ROWS);
        Settings s = Settings.DEFAULTS.withTau2(TauSquared.DL).withBy(List.of("route", "cell_source"));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        byte[] streamed = streamed(sheet, s, seen);
        assertEquals(25, seen.size());
        assertArrayEquals(whole(MetaAnalysis.run(sheet, s)), streamed);
    }

    @Test
    void smallDocumentWrittenAsOutcomesArePooledIsTheSame() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        byte[] streamed = streamed(sheet, Settings.DEFAULTS, seen);
        assertArrayEquals(whole(MetaAnalysis.run(sheet, Settings.DEFAULTS)), streamed);
        assertTrue(new String(streamed, java.nio.charset.StandardCharsets.UTF_8).contains("\n  \"tool\""),
                "small results indented");
    }

    /**
     * Outcomes added out of order (each window of {@link ResultsDocument#AHEAD} reversed, from several
     * threads) are written in order; the same bytes.
     */
    @Test
    void outcomesAddedOutOfOrderAreWrittenInOrder() throws Exception {
        ExtractionSheet sheet = registry(240, 30);
        Settings s = MetaAnalysis.resolve(sheet, Settings.DEFAULTS.withTau2(TauSquared.DL));
        Results r = MetaAnalysis.run(sheet, s);
        List<List<Analysis>> outcomes = new ArrayList<>();
        for (Analysis a : r.analyses()) {
            if (outcomes.isEmpty() || !outcomes.get(outcomes.size() - 1).get(0).outcome().equals(a.outcome())) {
                outcomes.add(new ArrayList<>());
            }
            outcomes.get(outcomes.size() - 1).add(a);
        }
        List<Integer> order = new ArrayList<>();
        int window = ResultsDocument.AHEAD;
        for (int from = 0; from < outcomes.size(); from += window) {
            for (int i = Math.min(outcomes.size(), from + window) - 1; i >= from; i--) {
                order.add(i);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger next = new AtomicInteger();
        try (ResultsDocument d = ResultsDocument.open(out, r.input(), r.rows(), s, RUN)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    for (int k = next.getAndIncrement(); k < order.size(); k = next.getAndIncrement()) {
                        d.add(order.get(k), outcomes.get(order.get(k)));
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread t : threads) {
                t.join();
            }
            d.finish(r);
        }
        assertArrayEquals(whole(r), out.toByteArray());
    }

    @Test
    void finishingWithOtherAnalysesThanWereAddedFails() throws Exception {
        ExtractionSheet sheet = registry(240, 30);
        Settings s = MetaAnalysis.resolve(sheet, Settings.DEFAULTS);
        Results r = MetaAnalysis.run(sheet, s);
        try (ResultsDocument d = ResultsDocument.open(new ByteArrayOutputStream(), r.input(), r.rows(), s,
                RUN)) {
            d.add(1, List.of(r.analyses().get(0))); // outcome 0 never added
            assertThrows(IllegalStateException.class, () -> d.finish(r));
        }
    }

    /** The command line writes results.json while pooling: the same file as the library's writer. */
    @Test
    void analyzeWritesTheSameFileAsTheLibrary() throws Exception {
        ExtractionSheet sheet = registry(260, 25);
        Path out = dir.resolve("out");
        assertEquals(0, Main.run("analyze", dir.resolve("reg-260-25.csv").toString(), "--no-report", "--quiet",
                "--tau2", "DL", "--out", out.toString()));
        Settings s = MetaAnalysis.resolve(sheet, Settings.DEFAULTS.withTau2(TauSquared.DL));
        Results r = MetaAnalysis.run(sheet, s);
        Path library = dir.resolve("library");
        ReportWriter.write(sheet, r, runOf(out), library, true);
        assertArrayEquals(Files.readAllBytes(library.resolve(ResultsJson.FILE_NAME)),
                Files.readAllBytes(out.resolve(ResultsJson.FILE_NAME)));
    }

    /** The run information the command line recorded (path and checksum), for the library's writer. */
    private static RunInfo runOf(Path out) throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(out.resolve(ResultsJson.FILE_NAME).toFile()).get("input");
        return new RunInfo(json.get("path").asString(), json.get("sha256").asString(), "-");
    }

    @Test
    void failedRunLeavesNoOutputFolderItMade() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null);
        Path out = dir.resolve("made");
        Settings s = MetaAnalysis.resolve(sheet, Settings.DEFAULTS);
        try (ReportWriter.Session session = ReportWriter.begin(out, sheet, s, RUN)) {
            assertTrue(Files.isDirectory(out));
            session.analysed(0, List.of());
        }
        assertTrue(Files.notExists(out), "nothing left behind");
        Path existing = Files.createDirectories(dir.resolve("existing"));
        try (ReportWriter.Session session = ReportWriter.begin(existing, sheet, s, RUN)) {
            session.analysed(0, List.of());
        }
        try (var left = Files.list(existing)) {
            assertEquals(0, left.count(), "staging removed, the folder kept");
        }
        assertTrue(Files.isDirectory(existing));
    }
}
