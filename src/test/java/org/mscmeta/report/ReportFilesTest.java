package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.cli.Main;

/** The plot files an analyze run writes, their formats and sizes, and the atomic write on failure. */
public class ReportFilesTest {

    @TempDir
    Path dir;

    public static Path exampleSheet() {
        return Path.of("examples", "msc_adverse_events.csv");
    }

    /**
     * The committed reports/ are one run's: every file the folder's manifest lists has the size it records, so the
     * README's command, run on a fresh clone, replaces them instead of refusing an "edited" file (a report.docx
     * reverted without its manifest once made it refuse).
     */
    @Test
    void theCommittedReportsMatchTheirManifest() throws IOException {
        Path reports = Path.of("reports");
        List<String> lines = Files.readAllLines(reports.resolve(".mscmeta-run"));
        int listed = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertEquals(Long.parseLong(f[1]), Files.size(reports.resolve(f[0])), f[0]);
            listed++;
        }
        assertTrue(listed > 100, listed + " files listed");
    }

    @Test
    void plotsInAllFormatsWithPrintResolution() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, Main.run("analyze", exampleSheet().toString(), "--out", out.toString(), "--quiet"));
        Path plots = out.resolve("plots");
        for (String f : List.of("forest-death.png", "forest-death.svg", "forest-death.pdf",
                "forest-death-by-cell-source.png", "forest-death-by-cell-source.svg", "forest-death-by-cell-source.pdf",
                "funnel-death.png", "funnel-death.svg", "funnel-death.pdf", "ae-panel.png", "ae-panel.svg",
                "ae-panel.pdf")) {
            assertTrue(Files.size(plots.resolve(f)) > 1000, f);
        }
        for (Path png : list(plots, ".png")) {
            PngInfo info = PngInfo.read(png);
            assertTrue(info.width() >= 1000, png + " is " + info.width() + " px wide (85 mm at 300 dpi: 1004)");
            assertEquals(300, info.dpi(), png + " dpi");
        }
        for (Path svg : list(plots, ".svg")) {
            String text = Files.readString(svg);
            assertTrue(text.contains("<svg"), svg.toString());
        }
        for (Path pdf : list(plots, ".pdf")) {
            assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(Files.exists(out.resolve("results.xlsx")));
        assertTrue(Files.exists(out.resolve("results.json")));
        assertManuscriptKit(out.resolve("report.docx"));
        assertPicturesStoredXmlDeflated(out.resolve("results.xlsx"), plots);
        assertPicturesStoredXmlDeflated(out.resolve("report.docx"), plots);
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".mscmeta-staging")), "staging removed");
        }
        ExampleReportsTest.assertInStepWithCommitted(out);
    }

    /**
     * The workbook and the manuscript kit keep their pictures as they are (PNG is deflated already; deflating it
     * again took as long as drawing it) and deflate their XML; every picture is one of the plot PNGs, byte for byte.
     */
    private static void assertPicturesStoredXmlDeflated(Path office, Path plots) throws IOException {
        java.util.Set<String> pngs = new java.util.HashSet<>();
        for (Path png : list(plots, ".png")) {
            pngs.add(java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(png))));
        }
        int pictures = 0;
        int xml = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(office.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".png")) {
                    pictures++;
                    assertEquals(java.util.zip.ZipEntry.STORED, storedOrDeflated(e), office + ": " + e.getName());
                    byte[] bytes = zip.getInputStream(e).readAllBytes();
                    assertTrue(pngs.contains(java.util.HexFormat.of().formatHex(sha256(bytes))),
                            office + ": " + e.getName() + " is not one of the plots");
                } else if (e.getName().endsWith(".xml")) {
                    xml++;
                    assertEquals(java.util.zip.ZipEntry.DEFLATED, e.getMethod(), office + ": " + e.getName());
                }
            }
        }
        assertTrue(pictures > 0 && xml > 0, office + ": " + pictures + " pictures, " + xml + " XML parts");
    }

    /**
     * A zip entry written at deflate level 0 is a deflate stream of stored blocks: its compressed size exceeds its
     * size by the blocks' headers only (5 bytes a block), where our PNGs deflated again come out about 15% smaller.
     */
    private static int storedOrDeflated(java.util.zip.ZipEntry e) {
        if (e.getMethod() == java.util.zip.ZipEntry.STORED) {
            return java.util.zip.ZipEntry.STORED;
        }
        long overhead = e.getCompressedSize() - e.getSize();
        return overhead >= 0 && overhead <= e.getSize() / 1000 + 16 ? java.util.zip.ZipEntry.STORED
                : java.util.zip.ZipEntry.DEFLATED;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The manuscript kit holds the methods paragraph, the summary-of-findings table and the figures with their
     * legends, and LibreOffice (where installed) opens it and converts it to PDF.
     */
    private void assertManuscriptKit(Path docx) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(text.contains("For each of"), "methods paragraph");
            assertTrue(text.contains("Figure 1.") && text.contains("Death by cell source"), "legends");
            assertEquals(1, doc.getTables().size(), "the summary-of-findings table");
            assertTrue(doc.getTables().get(0).getRows().size() > 20, "a row per outcome");
            assertTrue(doc.getAllPictures().size() >= 3, "the AE panel and the subgroup forest plots");
            // Word's File > Info: mscmeta, not "Apache POI", wrote it
            var core = doc.getProperties().getCoreProperties();
            assertEquals("mscmeta " + org.mscmeta.Tool.version(), core.getCreator());
            assertEquals("Adverse events of mesenchymal stromal cells: meta-analysis results", core.getTitle());
            assertEquals("mscmeta " + org.mscmeta.Tool.version(),
                    doc.getProperties().getExtendedProperties().getApplication());
        }
        java.util.Optional<String> lo = java.util.stream.Stream.of("libreoffice", "soffice")
                .filter(c -> java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, c)))).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(lo.isPresent(), "LibreOffice not installed");
        Path pdfDir = Files.createDirectories(dir.resolve("docx-pdf"));
        Process p = new ProcessBuilder(lo.get(), "--headless", "-env:UserInstallation=file://"
                + dir.resolve("lo-profile"), "--convert-to", "pdf", "--outdir", pdfDir.toString(), docx.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "LibreOffice timed out");
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        Path pdf = pdfDir.resolve("report.pdf");
        assertTrue(Files.exists(pdf) && Files.size(pdf) > 10_000, "LibreOffice converted report.docx to PDF");
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() >= 3, "pages: " + d.getNumberOfPages());
        }
    }

    /**
     * A forest plot long enough to be split into pages is embedded whole: every PNG page of the subgroup plots in
     * report.docx (the kit embedded the first page only, without the overall rows), every page of the outcome's
     * forest plot on its sheet of the workbook.
     */
    @Test
    void plotsSplitIntoPagesAreEmbeddedWithEveryPage() throws Exception {
        StringBuilder csv = new StringBuilder("study,route,cell_source,outcome,events_msc,n_msc,events_control,"
                + "n_control\n");
        java.util.Random rnd = new java.util.Random(60);
        for (int i = 1; i <= 60; i++) {
            int n1 = 20 + rnd.nextInt(100);
            int n2 = 20 + rnd.nextInt(100);
            csv.append("Trial ").append(i).append(i % 2 == 0 ? ",intravenous," : ",intrathecal,")
                    .append(i % 3 == 0 ? "adipose" : "bone marrow").append(",Fever,").append(rnd.nextInt(n1 / 3))
                    .append(',').append(n1).append(',').append(rnd.nextInt(n2 / 3)).append(',').append(n2)
                    .append('\n');
        }
        Path sheet = Files.writeString(dir.resolve("k60.csv"), csv);
        Path out = dir.resolve("k60");
        assertEquals(0, Main.run("analyze", sheet.toString(), "--out", out.toString(), "--quiet"));
        Path plots = out.resolve("plots");
        int kitPages = 0;
        for (String by : List.of("route", "cell-source")) {
            assertTrue(Files.exists(plots.resolve("forest-fever-by-" + by + "-page2.png")), by + ": split");
            try (Stream<Path> s = Files.list(plots)) {
                kitPages += (int) s.filter(p -> p.getFileName().toString().matches(
                        "forest-fever-by-" + by + "(-page\\d+)?\\.png")).count();
            }
        }
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(out.resolve(
                "report.docx")))) {
            // the AE panel and every page of the two subgroup plots
            assertEquals(1 + kitPages, doc.getAllPictures().size());
        }
        assertTrue(Files.exists(plots.resolve("forest-fever-page2.png")), "the outcome's plot is split");
        int forestPages;
        try (Stream<Path> s = Files.list(plots)) {
            forestPages = (int) s.filter(p -> p.getFileName().toString().matches("forest-fever(-page\\d+)?\\.png"))
                    .count();
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
            var pictures = wb.getSheet("Fever").getDrawingPatriarch().getShapes().stream()
                    .filter(sh -> sh instanceof org.apache.poi.xssf.usermodel.XSSFPicture)
                    .map(sh -> (org.apache.poi.xssf.usermodel.XSSFPicture) sh).toList();
            assertEquals(forestPages, pictures.size());
            for (int i = 1; i < pictures.size(); i++) {
                assertTrue(pictures.get(i).getClientAnchor().getRow1() > pictures.get(i - 1).getClientAnchor()
                        .getRow2(), "page " + (i + 1) + " below page " + i);
            }
        }
    }

    @Test
    void metaRegressionOnOneModeratorGetsABubblePlot() throws IOException {
        Path out = dir.resolve("bubble");
        assertEquals(0, Main.run("analyze", org.mscmeta.testing.ReferenceCases.resource("data/bcg.csv").toString(),
                "--out", out.toString(), "--quiet", "--method", "IV", "--moderators", "ablat"));
        PngInfo png = PngInfo.read(out.resolve("plots").resolve("bubble-tuberculosis.png"));
        assertEquals(Math.round(120 / 25.4 * 300), png.width(), 1, "120 mm at 300 dpi");
        assertTrue(Files.readString(out.resolve("plots").resolve("bubble-tuberculosis.svg")).contains("<svg"));
    }

    @Test
    void metaRegressionOnSeveralModeratorsGetsABubblePlotEach() throws IOException {
        Path out = dir.resolve("bubbles");
        assertEquals(0, Main.run("analyze", org.mscmeta.testing.ReferenceCases.resource("data/bcg.csv").toString(),
                "--out", out.toString(), "--quiet", "--method", "IV", "--moderators", "ablat,year"));
        try (Stream<Path> s = Files.list(out.resolve("plots"))) {
            assertEquals(List.of("bubble-tuberculosis-ablat.pdf", "bubble-tuberculosis-ablat.png",
                    "bubble-tuberculosis-ablat.svg", "bubble-tuberculosis-year.pdf", "bubble-tuberculosis-year.png",
                    "bubble-tuberculosis-year.svg"),
                    s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bubble")).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("plots/bubble-tuberculosis-year.svg"))
                .contains("other moderators at their means"));
    }

    @Test
    void noReportWritesOnlyResultsJson() throws IOException {
        Path out = dir.resolve("json-only");
        assertEquals(0, Main.run("analyze", exampleSheet().toString(), "--out", out.toString(), "--quiet",
                "--no-report"));
        try (Stream<Path> s = Files.list(out)) {
            // results.json and the manifest of the run (which the next run into the folder replaces)
            assertEquals(List.of(".mscmeta-run", "results.json"), s.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void failureWhileWritingLeavesNothingHalfWritten() throws IOException {
        Path out = dir.resolve("blocked");
        // a non-empty folder where the workbook must go makes the final move fail
        Files.createDirectories(out.resolve("results.xlsx").resolve("occupied"));
        int status = Main.run("analyze", exampleSheet().toString(), "--out", out.toString(), "--quiet");
        assertNotEquals(0, status);
        assertFalse(Files.exists(out.resolve("results.json")), "results.json must not be written");
        try (Stream<Path> s = Files.walk(out)) {
            List<String> left = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).toList();
            assertEquals(List.of(), left, "no plot or partial file may remain");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".mscmeta-staging")));
        }
    }

    static List<Path> list(Path d, String ext) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }
}
