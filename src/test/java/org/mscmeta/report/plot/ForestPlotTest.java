package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.report.Formats;
import org.mscmeta.sheet.SheetReader;

/** Forest plots at 3, 20, 60 and 80 studies: they grow with the rows, split into pages, wrap long labels. */
class ForestPlotTest {

    @TempDir
    Path dir;

    private Results analyse(int k) throws Exception {
        Random rnd = new Random(k);
        StringBuilder sb = new StringBuilder("study,route,outcome,events_msc,n_msc,events_control,n_control\n");
        for (int i = 0; i < k; i++) {
            int n1 = 10 + rnd.nextInt(150);
            int n2 = 10 + rnd.nextInt(150);
            String name = i % 5 == 2 ? "Study " + i + " of the International Mesenchymal Stromal Cell Consortium"
                    : "Study " + i;
            sb.append('"').append(name).append("\",").append(i % 2 == 0 ? "IV" : "intrathecal")
                    .append(",Serious adverse events,").append(rnd.nextInt(n1 / 3 + 1)).append(',').append(n1)
                    .append(',').append(rnd.nextInt(n2 / 3 + 1)).append(',').append(n2).append('\n');
        }
        Path f = dir.resolve("k" + k + ".csv");
        Files.writeString(f, sb.toString());
        return MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
    }

    private static ForestPlot outcome(Results r, PlotOptions o) {
        Analysis a = r.analyses().get(0);
        return ForestPlots.outcome(a, r.settings(), o, ForestPlots.outcomeAxis(r.analyses(), r.settings(), o));
    }

    private static ForestPlot bySubgroup(Results r) {
        Analysis overall = r.analyses().get(0);
        List<Analysis> levels = r.analyses().stream().filter(a -> a.subgroup() != null).toList();
        PlotOptions o = PlotOptions.DEFAULTS;
        return ForestPlots.subgroups(overall, levels, r.subgroupTests(), r.settings(), o,
                ForestPlots.outcomeAxis(r.analyses(), r.settings(), o));
    }

    private static double totalHeight(List<Drawing> pages) {
        return pages.stream().mapToDouble(Drawing::height).sum();
    }

    @Test
    void heightGrowsWithStudiesAndLargePlotsSplitIntoPages() throws Exception {
        double previous = 0;
        for (int k : List.of(3, 20, 60)) {
            Results r = analyse(k);
            ForestPlot p = outcome(r, PlotOptions.DEFAULTS);
            List<Drawing> pages = p.pages(PlotOptions.DEFAULTS);
            assertTrue(totalHeight(pages) > previous, "height at k = " + k);
            previous = totalHeight(pages);
            assertEquals(k, p.rowLabels().stream().filter(l -> l.startsWith("Study ")).count());
            for (Drawing page : pages) {
                assertTrue(page.height() <= PlotSize.DOUBLE_COLUMN.pageHeight() + 1e-6, "a page at k = " + k);
                assertEquals(PlotSize.DOUBLE_COLUMN.width(), page.width(), 1e-9);
            }
            assertEquals(k == 60, pages.size() > 1, "k = " + k + ": " + pages.size() + " page(s)");
            BufferedImage img = DrawingFiles.image(pages.get(0), DrawingFiles.DPI);
            assertEquals(Math.ceil(174 / 25.4 * DrawingFiles.DPI), img.getWidth(), 1.0, "174 mm at 300 dpi");
            ForestPlot sub = bySubgroup(r);
            assertTrue(totalHeight(sub.pages(PlotOptions.DEFAULTS)) > totalHeight(pages), "subgroup plot adds rows");
            assertTrue(sub.rowLabels().contains("route: intravenous"));
        }
    }

    /**
     * A subgroup that runs on to the next page is named again at that page's top, "(continued)"; a page that starts
     * with a subgroup of its own, or with the overall rows, gets no such heading.
     */
    @Test
    void aSubgroupSplitAcrossPagesIsNamedAgainOnTheNextPage() throws Exception {
        List<Drawing> pages = bySubgroup(analyse(60)).pages(PlotOptions.DEFAULTS);
        assertTrue(pages.size() > 1, pages.size() + " page(s)");
        List<String> groups = List.of("route: IV", "route: intravenous", "route: intrathecal");
        String current = null;
        for (int i = 0; i < pages.size(); i++) {
            List<String> texts = DrawingInspector.of(pages.get(i)).texts.stream().map(t -> t.text()).toList();
            // the first text below the title and the column heads
            int studyHead = texts.indexOf("Study");
            String first = texts.stream().skip(studyHead + 1)
                    .filter(t -> groups.stream().anyMatch(t::startsWith) || t.startsWith("Study ")
                            || t.startsWith("Subtotal") || t.startsWith("Total, ")).findFirst().orElseThrow();
            if (i > 0 && current != null && !first.startsWith("Total, ")) {
                assertEquals(current + " (continued)", first, "page " + (i + 1) + ": " + texts);
            } else {
                assertTrue(!first.endsWith("(continued)"), "page " + (i + 1) + ": " + first);
            }
            for (String t : texts) {
                if (groups.contains(t)) {
                    current = t;
                } else if (t.startsWith("Total, ")) {
                    current = null;
                }
            }
        }
        assertTrue(pages.size() == 1 || DrawingInspector.of(pages.get(1)).allText().contains("(continued)"),
                "the 60-study plot splits inside a subgroup");
    }

    /**
     * A PNG holds the drawing's pixels exactly: a plot in colour as RGB, one in greys only (the leave-one-out plot)
     * as one byte a pixel, indexed into the 256 greys.
     */
    @Test
    void pngFilesHoldTheDrawnPixelsGreyPlotsOneByteAPixel() throws Exception {
        Results r = analyse(20);
        String outcome = r.analyses().get(0).outcome();
        Figure colour = Plots.forest(r, outcome);
        Figure greys = Plots.leaveOneOut(r, outcome);
        for (Figure f : List.of(colour, greys)) {
            Path png = dir.resolve((f == colour ? "forest" : "leave-one-out") + ".png");
            f.write(png);
            BufferedImage drawn = DrawingFiles.image(f.pages().get(0), DrawingFiles.DPI);
            BufferedImage read = javax.imageio.ImageIO.read(png.toFile());
            int w = drawn.getWidth();
            int h = drawn.getHeight();
            assertEquals(w, read.getWidth());
            assertEquals(h, read.getHeight());
            int[] expected = drawn.getRGB(0, 0, w, h, null, 0, w);
            int[] actual = read.getRGB(0, 0, w, h, null, 0, w);
            assertArrayEquals(expected, actual, png.toString());
            boolean grey = java.util.Arrays.stream(expected).allMatch(p -> ((p >>> 8 ^ p) & 0xffff) == 0);
            assertEquals(f == greys, grey, png + ": drawn in greys only");
            var info = org.mscmeta.report.PngInfo.read(png);
            assertEquals(grey ? 3 : 2, info.colourType(), png + ": colour type");
            assertEquals(DrawingFiles.DPI, info.dpi());
        }
    }

    @Test
    void largeAnalysesArePlottedAsTheirPooledRows() throws Exception {
        Results r = analyse(ForestPlots.MAX_STUDY_ROWS + 50);
        ForestPlot p = outcome(r, PlotOptions.DEFAULTS);
        assertEquals(0, p.rowLabels().stream().filter(l -> l.startsWith("Study ")).count());
        assertTrue(p.rowLabels().get(0).contains("study rows are in results.xlsx"), p.rowLabels().get(0));
        assertEquals(1, p.pages(PlotOptions.DEFAULTS).size(), "a summary-sized plot");
        ForestPlot sub = bySubgroup(r);
        assertEquals(0, sub.rowLabels().stream().filter(l -> l.startsWith("Study ") && !l.startsWith("Study weights"))
                .count(),
                "levels under the limit are summarised too when the plot as a whole is over it");
    }

    @Test
    void sortOrdersStudyRows() throws Exception {
        Results r = analyse(20);
        Analysis a = r.analyses().get(0);
        List<String> byWeight = outcome(r, PlotOptions.DEFAULTS.withOrder(StudyOrder.WEIGHT)).rowLabels()
                .subList(0, 20);
        List<Double> weights = byWeight.stream().map(label -> a.studies().stream()
                .filter(st -> st.study().equals(label)).findFirst().orElseThrow().weightRandom()).toList();
        for (int i = 1; i < weights.size(); i++) {
            assertTrue(weights.get(i - 1) >= weights.get(i), "weights descending: " + weights);
        }
        List<String> input = outcome(r, PlotOptions.DEFAULTS).rowLabels().subList(0, 20);
        assertEquals(a.studies().stream().map(st -> st.study()).toList(), input);
        List<String> byEffect = outcome(r, PlotOptions.DEFAULTS.withOrder(StudyOrder.EFFECT)).rowLabels()
                .subList(0, 20);
        List<Double> yi = byEffect.stream().map(label -> a.studies().stream()
                .filter(st -> st.study().equals(label)).findFirst().orElseThrow().yi()).toList();
        for (int i = 1; i < yi.size(); i++) {
            assertTrue(yi.get(i - 1) <= yi.get(i), "effects ascending");
        }
    }

    @Test
    void longLabelsWrapToTheirColumn() {
        var font = Text.font(7f, false);
        List<String> lines = Text.wrap("Study 2 of the International Mesenchymal Stromal Cell Consortium", font, 90);
        assertTrue(lines.size() >= 2, lines.toString());
        for (String l : lines) {
            assertTrue(Text.width(l, font) <= 90, l);
        }
        assertEquals("Study 2 of the International Mesenchymal Stromal Cell Consortium", String.join(" ", lines));
        assertEquals(List.of("Short"), Text.wrap("Short", font, 90));
        // a hyphenated name that fits a line of its own is not split at its hyphen
        double width = Text.width("Total, common effect (Mantel-", font);
        assertEquals(List.of("Total, common effect", "(Mantel-Haenszel)"),
                Text.wrap("Total, common effect (Mantel-Haenszel)", font, width + 1));
        // one too long for a line is cut after a hyphen
        double half = Text.width("Interleukin-", font);
        assertEquals(List.of("Interleukin-", "6"), Text.wrap("Interleukin-6", font, half + 1));
    }

    @Test
    void axisIsRegularAndHoldsEveryEstimate() {
        Axis a = Axis.forValues(Axis.Scale.RATIO, List.of(0.3, 1.8, 4.2));
        assertTrue(a.ratio());
        assertEquals(0.2, a.min(), 1e-12);
        assertEquals(5, a.max(), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.5, 1, 2, 5}, a.ticks(), 1e-12);
        assertEquals(0.5, a.fraction(1.0), 1e-12, "no effect in the middle of a symmetric log axis");
        Axis wide = Axis.forValues(Axis.Scale.RATIO, List.of(0.0008, 20.0));
        assertArrayEquals(new double[] {0.001, 0.01, 0.1, 1, 10, 100, 1000}, wide.ticks(), 1e-12,
                "beyond the widest range, an arrow");
        // a pooled interval from 0.00003 to 35,000 (two studies under Hartung-Knapp) widens the axis to 0.01-100 only
        Axis capped = Axis.forValues(Axis.Scale.RATIO, List.of(0.97, Axis.intervalBound(Axis.Scale.RATIO, 2.6e-5),
                Axis.intervalBound(Axis.Scale.RATIO, 35295.0), 0.5, 2.73));
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10, 100}, capped.ticks(), 1e-12);
        assertEquals(0.3, Axis.intervalBound(Axis.Scale.RATIO, 0.3), 0, "an ordinary bound as it is");
        assertEquals(-0.58, Axis.intervalBound(Axis.Scale.DIFFERENCE, -0.58), 0, "differences are not capped");
        Axis d = Axis.forValues(Axis.Scale.DIFFERENCE, List.of(-0.03, 0.07));
        assertEquals(0.1, d.max(), 1e-12);
        assertEquals(0.5, d.fraction(0.0), 1e-12);
        assertEquals("0.05", d.tickLabel(0.05));
        Axis user = Axis.limits(Axis.Scale.RATIO, 0.1, 10);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10}, user.ticks(), 1e-12);
        // every range a proportion or a difference takes has evenly spaced ticks from end to end (a proportion
        // axis to 0.5 had 0, 0.2, 0.4 and its end, 0.5)
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5},
                Axis.forValues(Axis.Scale.PROPORTION, List.of(0.09, 0.27)).ticks(), 1e-12);
        for (Axis.Scale scale : List.of(Axis.Scale.PROPORTION, Axis.Scale.DIFFERENCE)) {
            for (double v : new double[] {0.04, 0.09, 0.19, 0.45, 0.9}) {
                double[] t = Axis.forValues(scale, List.of(v)).ticks();
                for (int i = 2; i < t.length; i++) {
                    assertEquals(t[1] - t[0], t[i] - t[i - 1], 1e-12, scale + " to " + v + ": "
                            + java.util.Arrays.toString(t));
                }
            }
        }
    }

    @Test
    void allThreeFormatsAreWrittenAndLargePlotsGetPages() throws Exception {
        Results r = analyse(5);
        new Figure(outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS)).writeAll(dir, "f");
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.size(dir.resolve("f." + ext)) > 2000, ext);
        }
        String svg = Files.readString(dir.resolve("f.svg"));
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("<svg[^>]* width=['\"]([0-9.]+)mm['\"][^>]*"
                + " viewBox=['\"]0(?:\\.0)? 0(?:\\.0)? ([0-9.]+) ").matcher(svg);
        assertTrue(size.find(), "SVG in physical units: " + svg.substring(0, 400));
        assertEquals(174, Double.parseDouble(size.group(1)), 1e-9, "double column, in millimetres");
        assertEquals(PlotSize.DOUBLE_COLUMN.width(), Double.parseDouble(size.group(2)), 1e-3, "drawn in points");
        Results big = analyse(80);
        List<Path> written = new Figure(outcome(big, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS))
                .writeAll(dir, "big");
        assertTrue(written.contains(dir.resolve("big-page2.png")), written.toString());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("big.pdf").toFile())) {
            assertTrue(doc.getNumberOfPages() >= 2);
            assertEquals(174 / 25.4 * 72, doc.getPage(0).getMediaBox().getWidth(), 0.01);
        }
    }

    /** The PDF keeps its text as text in the embedded plot font (two subsets), and two writes give the same bytes. */
    @Test
    void pdfTextIsTextInTheEmbeddedPlotFont() throws Exception {
        Results r = analyse(5);
        Drawing p = outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS).get(0);
        Path pdf = dir.resolve("forest.pdf");
        DrawingFiles.pdf(p, pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Study 3") && text.contains("Risk ratio"), text);
            // letters as typed, as in the PNG: no ligature glyphs ("ﬀ" for "ff") in what a reader copies or searches
            // (the glyphs' own text, before the stripper's normalisation spells ligatures out)
            StringBuilder glyphs = new StringBuilder();
            new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String s, List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(tp -> glyphs.append(tp.getUnicode()));
                }
            }.getText(doc);
            assertTrue(glyphs.toString().contains("common effect"), glyphs.toString());
            assertFalse(glyphs.chars().anyMatch(ch -> ch >= 0xFB00 && ch <= 0xFB06), glyphs.toString());
            List<String> fonts = new java.util.ArrayList<>();
            var resources = doc.getPage(0).getResources();
            collectFonts(resources, fonts);
            assertTrue(fonts.stream().anyMatch(f -> f.endsWith("+DejaVuSans")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.endsWith("+DejaVuSans-Bold")), fonts.toString());
        }
        Path again = Files.createDirectories(dir.resolve("again")).resolve("forest.pdf");
        DrawingFiles.pdf(p, again);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(pdf), Files.readAllBytes(again)), "reproducible");
        Path svg = dir.resolve("forest.svg");
        DrawingFiles.svg(p, svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("font-family: \"DejaVu Sans\"") && text.contains("font-weight: bold"),
                "the SVG names the face and keeps bold headings bold");
    }

    /**
     * A study label with a character the PDF's embedded subset lacks (a check mark) is drawn in the PDF as outlines,
     * as it is in the PNG: the text drawer tried the subset, logged the failure with a stack trace and drew nothing,
     * so the label was missing from the PDF.
     */
    @Test
    void aLabelThePlotFontLacksIsDrawnInASystemFontThatHasIt() throws Exception {
        String label = "\u674e\u660e 2021";
        java.awt.Font system = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10);
        org.junit.jupiter.api.Assumptions.assumeTrue(system.canDisplayUpTo(label) == -1,
                "no font with Chinese characters on this computer");
        assertFalse(Text.shows(label), "DejaVu Sans has no Chinese characters");
        Path f = dir.resolve("cjk.csv");
        Files.writeString(f, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Alpha 2020,Fever,3,20,2,20\n" + label + ",Fever,2,15,1,14\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
        assertEquals(List.of(), Plots.textsWithoutGlyphs(r), "no label is shown as boxes");
        Drawing page = outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS).get(0);
        DrawingInspector g = DrawingInspector.of(page);
        DrawingInspector.TextBox drawn = g.texts.stream().filter(t -> t.text().equals(label)).findFirst()
                .orElseThrow();
        assertEquals(-1, drawn.font().canDisplayUpTo(label), "drawn in " + drawn.font());
        DrawingInspector.TextBox alpha = g.texts.stream().filter(t -> t.text().equals("Alpha 2020")).findFirst()
                .orElseThrow();
        assertEquals(alpha.font().getSize2D(), drawn.font().getSize2D(), 1e-6, "at the plot font's size");
        assertEquals(Text.font(8f, false).getFamily(), alpha.font().getFamily(), "other labels keep the plot font");
        assertEquals(drawn.font().getStringBounds(label, new java.awt.font.FontRenderContext(null, true, true))
                .getWidth(), Text.width(label, alpha.font()), 1e-9, "measured in the font it is drawn in");
        Path pdf = dir.resolve("cjk.pdf");
        DrawingFiles.pdf(page, pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(ink(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f), drawn.box()) > 10,
                    "the label is drawn in the PDF");
        }
    }

    @Test
    void aLabelOutsideTheEmbeddedSubsetStillShowsInThePdf() throws Exception {
        Path f = dir.resolve("marks.csv");
        Files.writeString(f, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "\"Alpha 2020\",Fever,3,20,2,20\n\"Omega trial 2022 \u2713\",Fever,2,15,1,14\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
        Drawing page = outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS).get(0);
        java.awt.geom.Rectangle2D label = DrawingInspector.of(page).texts.stream()
                .filter(t -> t.text().startsWith("Omega trial")).findFirst().orElseThrow().box();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("de.rototor.pdfbox.graphics2d");
        List<java.util.logging.LogRecord> records = new java.util.ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord rec) {
                records.add(rec);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        Path pdf = dir.resolve("marks.pdf");
        try {
            DrawingFiles.pdf(page, pdf);
        } finally {
            log.removeHandler(h);
        }
        assertTrue(records.stream().noneMatch(rec -> rec.getLevel().intValue() >= java.util.logging.Level.WARNING
                .intValue()), records.stream().map(java.util.logging.LogRecord::getMessage).toList().toString());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            // one pixel a point, as the drawing's units: the label's box must hold ink
            int ink = ink(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f), label);
            assertTrue(ink > 20, "ink in the label's box: " + ink);
        }
    }

    /** Dark pixels of {@code img} (one pixel a point) in {@code box}. */
    private static int ink(BufferedImage img, java.awt.geom.Rectangle2D box) {
        int ink = 0;
        for (int y = (int) box.getMinY(); y < (int) Math.ceil(box.getMaxY()); y++) {
            for (int x = (int) box.getMinX(); x < (int) Math.ceil(box.getMaxX()); x++) {
                ink += (img.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return ink;
    }

    private static void collectFonts(org.apache.pdfbox.pdmodel.PDResources res, List<String> out) throws IOException {
        for (var name : res.getFontNames()) {
            out.add(res.getFont(name).getName());
        }
        for (var name : res.getXObjectNames()) {
            if (res.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                collectFonts(form.getResources(), out);
            }
        }
    }

    @Test
    void tickLabelsAreRegularAndKeepTheLineOfNoEffect() {
        double[] ticks = {0.001, 0.01, 0.1, 1, 10, 100, 1000};
        // labels 20 units wide, ticks 15 apart: every second label fits, counted from 1
        double[] lefts = new double[ticks.length];
        double[] widths = new double[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            lefts[i] = 15 * i;
            widths[i] = 20;
        }
        TickLabels labels = new TickLabels(ticks, 1, lefts, widths);
        List<Double> shown = new java.util.ArrayList<>();
        for (int i = 0; i < ticks.length; i++) {
            if (labels.shown(i)) {
                shown.add(ticks[i]);
            }
        }
        assertEquals(List.of(0.01, 1.0, 100.0), shown);
        // a funnel's log axis from 0.02 to 50: the decades, 1 among them, not 0.02, 0.1, 0.5, 2, 10, 50
        ChartFrame.Scale log = ChartFrame.mapped(Math.log(0.02), Math.log(50), ChartFrame.ratioSeries(), Math::log, 3);
        List<String> labelled = new java.util.ArrayList<>();
        for (double t : log.ticks()) {
            labelled.add(log.label(t));
        }
        assertEquals(List.of("0.1", "1", "10"), labelled);
    }

    /** Axis limits closer together than three significant digits tell apart still get labels that differ. */
    @Test
    void theEndsOfANarrowAxisAreLabelledApart() {
        Axis narrow = Axis.limits(Axis.Scale.RATIO, 0.9999, 1.0001);
        List<String> ends = List.of(narrow.tickLabel(narrow.min()), narrow.tickLabel(narrow.max()));
        assertEquals(List.of("0.9999", "1.0001"), ends);
        Axis close = Axis.limits(Axis.Scale.RATIO, 0.95, 1.05);
        assertEquals(List.of("0.95", "1", "1.05"), java.util.Arrays.stream(close.ticks()).mapToObj(close::tickLabel)
                .toList());
        Axis usual = Axis.limits(Axis.Scale.RATIO, 0.123456, 10);
        assertEquals("0.123", usual.tickLabel(0.123456), "three significant digits on an axis of usual width");
    }

    /**
     * Under --hksj two studies of identical effects (two trials of the same counts) have a Hartung-Knapp standard
     * error of 0: as metafor 3.8-1 ({@code rma(yi, vi, test = "knha")}: se 0, CI [0.5, 0.5]), but t = -Inf and p = 0
     * are no test, which the run printed as "P < 0.001": the test is not estimable, and says why.
     */
    @Test
    void identicalEffectsUnderHartungKnappHaveNoTest() throws Exception {
        Path f = dir.resolve("twins.csv");
        Files.writeString(f, "study,outcome,events_msc,n_msc,events_control,n_control\nA,SAE,1,10,2,10\n"
                + "B,SAE,1,10,2,10\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null),
                Settings.DEFAULTS.withHksj(true));
        var random = r.analyses().get(0).random();
        assertEquals(0.50000000000000011, random.estimate(), 1e-12);
        assertEquals(0.50000000000000011, random.ciLower(), 1e-12);
        assertEquals(0.50000000000000011, random.ciUpper(), 1e-12);
        assertEquals(0, random.se());
        assertTrue(Double.isNaN(random.p()) && Double.isNaN(random.statistic()), "no test: " + random.p());
        assertTrue(random.notEstimable().startsWith(org.mscmeta.analysis.RandomResult.HK_IDENTICAL),
                random.notEstimable());
        String text = DrawingInspector.of(outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS).get(0))
                .allText().replace('\u00a0', ' ');
        assertTrue(text.contains("Test for overall effect, random effects (REML, Hartung-Knapp): not estimable (the"
                + " studies' effects are identical, so the Hartung-Knapp standard error is 0"), text);
        assertFalse(text.contains("P < 0.001"), text);
    }

    /** One journal column has no count columns: the total events are said in words, not left as a bare label. */
    @Test
    void aSingleColumnPlotSaysTheTotalEvents() throws Exception {
        Results r = analyse(3);
        PlotOptions single = PlotOptions.DEFAULTS.withSize(PlotSize.SINGLE_COLUMN);
        var a = r.analyses().get(0);
        String expected = "MSC " + a.eventsMsc() + ", Control " + a.eventsControl();
        List<String> texts = new java.util.ArrayList<>();
        for (Drawing page : outcome(r, single).pages(single)) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        assertTrue(texts.contains(expected), texts.toString());
    }

    /**
     * The mixed logistic models give no study weights: their forest plot has no weight column (it had an empty one
     * under the header "Weight (random)"); the inverse-variance plot of the same studies has one.
     */
    @Test
    void aModelWithoutStudyWeightsHasNoWeightColumn() throws Exception {
        Results glmm = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference/data/bcg.csv"), null),
                Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.OR).withMethod(
                        org.mscmeta.analysis.Method.GLMM));
        Results iv = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference/data/bcg.csv"), null),
                Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.OR));
        assertFalse(headTexts(glmm).contains("Weight"), headTexts(glmm).toString());
        assertTrue(headTexts(iv).contains("Weight"), headTexts(iv).toString());
        assertTrue(headTexts(iv).contains("(random)"), headTexts(iv).toString());
        // and says why its squares are all of one size, in the plot as in the manuscript kit's legends
        String note = "Squares are all of one size: the mixed logistic model gives the studies no weights.";
        assertTrue(String.join("\n", texts(Plots.forest(glmm, glmm.outcomes().get(0)))).contains(note));
        assertFalse(String.join("\n", texts(Plots.forest(iv, iv.outcomes().get(0)))).contains("Squares are"));
    }

    /**
     * Under the GLMM the plot gives the mixed models' own tests for heterogeneity, as metafor's {@code rma.glmm}
     * prints them (bcg: Wald 163.16 and likelihood ratio 176.95 on 12 df), under fixed and under random study
     * effects. The heterogeneity line's Q (of the studies' own estimates, which metafor's rma.glmm does not give) is
     * called Cochran's Q there, not "Chi²" as the models' tests are.
     */
    @Test
    void aGlmmPlotGivesTheMixedModelsTestsForHeterogeneity() throws Exception {
        var sheet = SheetReader.withBuiltInVocabulary().read(Path.of("src/test/resources/reference/data/bcg.csv"),
                null);
        Settings glmm = Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM);
        Results fs = MetaAnalysis.run(sheet, glmm);
        String all = String.join(" ", texts(Plots.forest(fs, fs.outcomes().get(0))));
        assertTrue(all.contains("Tests for heterogeneity, logistic models: Wald Chi\u00b2\u00a0=\u00a0163.16"
                + " (P\u00a0<\u00a00.001), likelihood ratio Chi\u00b2\u00a0=\u00a0176.95 (P\u00a0<\u00a00.001),"
                + " df\u00a0=\u00a012"), all);
        Results rs = MetaAnalysis.run(sheet, glmm.withGlmmModel("UM.RS"));
        String rsText = String.join(" ", texts(Plots.forest(rs, rs.outcomes().get(0))));
        // metafor (lme4 run to convergence, Laplace): Wald 161.19 (its Hessian's; 160.62 exact), LR 174.13
        assertTrue(rsText.contains("Tests for heterogeneity, logistic models: Wald Chi\u00b2\u00a0=\u00a0160.62"
                + " (P\u00a0<\u00a00.001), likelihood ratio Chi\u00b2\u00a0=\u00a0174.13 (P\u00a0<\u00a00.001),"
                + " df\u00a0=\u00a012"), rsText);
        assertTrue(all.contains("; Cochran's\u00a0Q\u00a0=\u00a0") && !all.contains("; Chi\u00b2\u00a0="), all);
        Results iv = MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.OR));
        String ivText = String.join(" ", texts(Plots.forest(iv, iv.outcomes().get(0))));
        assertFalse(ivText.contains("logistic models"));
        assertTrue(ivText.contains("; Chi\u00b2\u00a0=\u00a0") && !ivText.contains("Cochran"), ivText);
    }

    /**
     * A GLMM of proportions whose likelihood has no maximum (no MSC recipient of three trials had the event) has no
     * common-effect estimate to take Q around: its plot says heterogeneity is not estimable, not that there are
     * fewer than two studies; and the run's notices neither discuss a prediction interval nor suggest --hksj for the
     * random model it could not fit, and say that the logistic models use the raw counts.
     */
    @Test
    void aGlmmWithoutEstimateSaysWhyHeterogeneityIsMissing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path sheet = dir.resolve("none.csv");
        java.nio.file.Files.writeString(sheet, "study,year,outcome,events_msc,n_msc\n"
                + "A,2019,Tumour formation,0,90\nB,2020,Tumour formation,0,22\nC,2021,Tumour formation,0,40\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null),
                Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.PLOGIT)
                        .withMethod(org.mscmeta.analysis.Method.GLMM));
        List<String> texts = new java.util.ArrayList<>();
        for (Drawing page : outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS)) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        String all = String.join(" ", texts);
        assertTrue(all.contains("Heterogeneity: not estimable (no common-effect estimate to measure it around)"), all);
        assertFalse(all.contains("fewer than two studies"), all);
        List<String> categories = r.notices().stream().map(n -> n.category()).toList();
        assertFalse(categories.contains("prediction_interval"), categories.toString());
        assertTrue(r.notices().stream().noneMatch(n -> n.message().contains("random-effects")), r.notices().toString());
        String cc = r.notices().stream().filter(n -> n.category().equals("continuity_correction")).findFirst()
                .orElseThrow().message();
        assertTrue(cc.endsWith("for their own estimates (the logistic models use the raw counts): A (row 2), B (row 3),"
                + " C (row 4)"), cc);
    }

    /**
     * A test for subgroup differences that does not exist is said so on the plot, with the reason results.json's
     * notice gives, instead of being left out without a word: no test at all when only one route has a pooled
     * estimate (the other's studies have no events); only the Mantel-Haenszel test missing when one cell source's
     * only study has no MSC event (it has a random-effects estimate, corrected, but none on the raw counts).
     */
    @Test
    void aMissingTestForSubgroupDifferencesIsSaidNotApplicable() throws Exception {
        Path sheet = dir.resolve("one-level.csv");
        Files.writeString(sheet, "study,route,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,intravenous,Death,6,21,6,24\nB,intravenous,Death,41,99,44,99\n"
                + "C,intra-articular,Death,0,16,0,4\nD,intra-articular,Death,0,12,0,12\n");
        Results none = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), Settings.DEFAULTS);
        String all = String.join(" ", allTexts(bySubgroup(none)));
        assertTrue(all.contains("Test for subgroup differences: not applicable (fewer than two subgroups have a"
                + " pooled estimate with a standard error)"), all);
        assertFalse(all.contains("Test for subgroup differences, "), "no test of either model: " + all);

        Results mh = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference-extra/data/subgroup_single_study.csv"), null), Settings.DEFAULTS);
        List<String> texts = allTexts(bySubgroup(mh));
        assertTrue(texts.stream().anyMatch(x -> x.startsWith("Test for subgroup differences, random effects (REML):"
                + " Chi\u00b2\u00a0=\u00a00.35")), texts.toString());
        String joined = String.join(" ", texts); // a long note wraps onto a second line
        assertTrue(joined.contains("Test for subgroup differences, common effect (Mantel-Haenszel): not applicable"
                + " (fewer than two subgroups have its estimate with a standard error)"), joined);
        // in the order of the totals, common effect first, as the legend of report.docx has them (random came first)
        assertTrue(joined.indexOf("Test for subgroup differences, common effect")
                < joined.indexOf("Test for subgroup differences, random effects"), joined);
        assertFalse(texts.stream().anyMatch(x -> x.startsWith("Test for subgroup differences: not")), texts.toString());
    }

    /**
     * Under --hksj a subgroup of one study gets its z interval and test, as metafor (which sets test="z" when
     * k = 1) and results.json's {@code "hksj": false} say; its subtotal and test named it "Hartung-Knapp" all the
     * same. They now name the model as fitted, and a subgroup of two studies keeps Hartung-Knapp and its t test.
     */
    @Test
    void aSubgroupOfOneStudyIsNotCalledHartungKnapp() throws Exception {
        Path sheet = dir.resolve("hk-one.csv");
        Files.writeString(sheet, "study,route,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,intravenous,Death,6,21,6,24\nB,intravenous,Death,41,99,44,99\n"
                + "C,intrathecal,Death,3,16,1,14\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null),
                Settings.DEFAULTS.withTau2(org.mscmeta.pool.TauSquared.PM).withHksj(true));
        Analysis one = r.analyses().stream().filter(a -> a.subgroup() != null && a.k() == 1).findFirst().orElseThrow();
        assertFalse(one.random().hksj(), "metafor gives one study its z interval");
        String all = String.join(" ", allTexts(bySubgroup(r)));
        assertTrue(all.contains("Test for overall effect, random effects (Paule-Mandel): Z\u00a0="), all);
        assertTrue(all.contains("Test for overall effect, random effects (Paule-Mandel, Hartung-Knapp): t\u00a0="),
                all);
        assertFalse(all.contains("Hartung-Knapp): Z"), all);
        List<String> labels = bySubgroup(r).rowLabels();
        assertEquals(List.of("Subtotal, random effects (Paule-Mandel, Hartung-Knapp)",
                "Subtotal, random effects (Paule-Mandel)", "Total, random effects (Paule-Mandel, Hartung-Knapp)"),
                labels.stream().filter(l -> l.matches("(Sub)?[Tt]otal, random effects .*")).toList(),
                labels.toString());
    }

    /**
     * A cumulative analysis under --hksj starts with one study, which gets its own z interval (as metafor's
     * {@code cumul}); the plot's note said every row was "Hartung-Knapp". Its note now says so, and the row of all
     * studies names the model as fitted.
     */
    @Test
    void aCumulativeStepOfOneStudyIsSaidToHaveItsOwnZInterval() throws Exception {
        Path sheet = dir.resolve("cumul-hk.csv");
        Files.writeString(sheet, "study,year,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,2019,Death,6,21,6,24\nB,2020,Death,41,99,44,99\nC,2021,Death,3,16,1,14\n");
        Settings hk = Settings.DEFAULTS.withTau2(org.mscmeta.pool.TauSquared.PM).withHksj(true);
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), hk);
        String all = String.join(" ", texts(Plots.cumulative(r, "Death")));
        assertTrue(all.contains("a step of one study has that study's own z interval (Hartung-Knapp needs two)."),
                all);
        assertTrue(all.contains("All studies, random effects (Paule-Mandel,"), all); // then "Hartung-Knapp)"
        var first = r.analyses().get(0).sensitivity().cumulative().get(0);
        assertEquals(1, first.k());
        assertTrue(all.contains(Formats.interval(first.estimate(), first.ciLower(), first.ciUpper(), true)), all);
        Results plain = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), hk.withHksj(false));
        String none = String.join(" ", texts(Plots.cumulative(plain, "Death")));
        assertFalse(none.contains("own z interval"), none);
    }

    /**
     * Where the analysis has no random-effects model (every study a double zero: Mantel-Haenszel pools the tables,
     * no study has an estimate of its own), the steps refit the common-effect model: the note said "random effects
     * (REML) refitted" and the "All studies" row counted 0 studies against its steps' 1 and 2.
     */
    @Test
    void theRefitPlotsOfACommonEffectAnalysisSaySo() throws Exception {
        Path sheet = Files.writeString(dir.resolve("double-zero.csv"), "study,year,outcome,events_msc,n_msc,"
                + "events_control,n_control\nA,2020,Fever,0,20,0,21\nB,2021,Fever,0,30,0,31\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), Settings.DEFAULTS);
        Analysis a = r.analyses().get(0);
        assertEquals(2, a.common().k());
        assertTrue(a.sensitivity().cumulative().stream().allMatch(st -> st.model().equals("common")));
        for (Figure f : List.of(Plots.cumulative(r, "Fever"), Plots.leaveOneOut(r, "Fever"))) {
            List<String> texts = texts(f);
            String all = String.join(" ", texts);
            assertTrue(all.contains("Each row: common effect (Mantel-Haenszel) refitted on the studies of that step."),
                    all);
            assertFalse(all.contains("random effects"), all);
            int total = texts.indexOf("All studies, common effect (Mantel-Haenszel)");
            assertEquals("2", texts.get(total + 1), all);
        }
        // two studies, but no two estimates to compare
        String forest = String.join(" ", texts(Plots.forest(r, "Fever")));
        assertTrue(forest.contains("Heterogeneity: not applicable (fewer than two studies with an estimate of their"
                + " own)"), forest);
    }

    /**
     * The panel's footnote names each row's model as the row takes it: random effects where fitted, a study's own
     * estimate where k = 1, the common effect where there is no random-effects estimate (only-event tables that
     * Mantel-Haenszel pools). It said "random effects where k > 1", which a row of one study was too.
     */
    @Test
    void thePanelsFootnoteNamesEachRowsModel() throws Exception {
        Path sheet = Files.writeString(dir.resolve("panel.csv"), "study,year,outcome,events_msc,n_msc,events_control,"
                + "n_control\nA,2020,Fever,10,10,12,12\nB,2021,Fever,8,8,9,9\nC,2020,Death,2,20,4,21\n"
                + "D,2021,Rash,3,30,1,29\nE,2022,Rash,4,25,2,26\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), Settings.DEFAULTS);
        String all = String.join(" ", texts(Plots.aePanel(r)));
        assertTrue(all.contains("Pooled risk ratio per outcome, random effects (REML), common effect (Mantel-Haenszel)"
                + " where there is no random-effects estimate (k\u00a0=\u00a01: that study's own estimate)"), all);
        assertFalse(all.contains("k > 1"), all);
    }

    /**
     * A step without an estimate says why beneath it, as results.json's step does: the GLMM's first cumulative step,
     * one study, showed "not estimable" twice with no reason.
     */
    @Test
    void aRefitStepWithoutAnEstimateSaysWhy() throws Exception {
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death")
                .withMeasure(org.mscmeta.effect.Measure.OR).withMethod(org.mscmeta.analysis.Method.GLMM)
                .withSensitivity(org.mscmeta.analysis.SensitivityMode.ALL));
        List<String> texts = texts(Plots.cumulative(r, "Death"));
        int first = texts.indexOf("Adding Lee 2010");
        assertTrue(first >= 0, texts.toString());
        assertTrue(String.join(" ", texts.subList(first, first + 6)).contains("not estimable: the random-effects GLMM"
                + " needs at least 2 studies (k = 1)"), texts.toString());
        // a step with an estimate has no such line (its prediction interval's reason is not the plot's)
        assertFalse(String.join(" ", texts).contains("prediction interval not estimable"), texts.toString());
    }

    /**
     * The zero-event plot names the random-effects model of its inverse-variance rows: the run's (here
     * DerSimonian-Laird with Hartung-Knapp), or REML under --tau2 none, which it used without a word. Each row is the
     * analysis with those settings.
     */
    @Test
    void theZeroEventPlotNamesItsInverseVarianceModel() throws Exception {
        Path sheet = dir.resolve("zero-iv.csv");
        Files.writeString(sheet, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Death,0,21,3,24\nB,Death,41,99,44,99\nC,Death,3,16,1,14\nD,Death,2,30,0,28\n");
        var data = SheetReader.withBuiltInVocabulary().read(sheet, null);
        for (Settings s : List.of(Settings.DEFAULTS.withTau2(org.mscmeta.pool.TauSquared.DL).withHksj(true),
                Settings.DEFAULTS.withTau2(null))) {
            Results r = MetaAnalysis.run(data, s);
            String words = s.tau2() == null ? "REML" : "DerSimonian-Laird, Hartung-Knapp";
            String all = String.join(" ", texts(Plots.zeroEvents(r, "Death")));
            assertTrue(all.contains("inverse variance: random effects (" + words + ")."), all);
            var row = r.analyses().get(0).zeroEvents().stream()
                    .filter(z -> z.method().equals("Inverse variance, correction 0.5")).findFirst().orElseThrow();
            Settings iv = Settings.DEFAULTS.withMethod(org.mscmeta.analysis.Method.IV).withBy(List.of())
                    .withTau2(s.tau2() == null ? org.mscmeta.pool.TauSquared.REML : s.tau2()).withHksj(s.hksj());
            var direct = MetaAnalysis.run(data, iv).analyses().get(0).random();
            assertEquals(direct.estimate(), row.estimate(), 1e-12);
            assertEquals(direct.ciLower(), row.ciLower(), 1e-12);
        }
    }

    private static List<String> allTexts(ForestPlot plot) {
        List<String> texts = new java.util.ArrayList<>();
        for (Drawing page : plot.pages(PlotOptions.DEFAULTS)) {
            DrawingInspector.of(page).texts.forEach(x -> texts.add(x.text()));
        }
        return texts;
    }

    private static List<String> headTexts(Results r) {
        List<String> texts = new java.util.ArrayList<>();
        DrawingInspector.of(outcome(r, PlotOptions.DEFAULTS).pages(PlotOptions.DEFAULTS).get(0)).texts
                .forEach(t -> texts.add(t.text()));
        return texts;
    }

    /**
     * Axis limits that leave out the line of no effect drew it through the estimate column, outside the panel, and
     * centred the "favours" labels on it (--axis-limits 2,5); limits of 1e-300 and 1e300 crowded every tick at the
     * middle. Such limits are refused, on the command line (exit 2, nothing written) and in the library; limits
     * that hold the null line are drawn.
     */
    @Test
    void axisLimitsMustHoldTheLineOfNoEffect(@TempDir Path dir) throws Exception {
        String example = "examples/msc_adverse_events.csv";
        String[][] refused = {
            {"RR", "2,5", "a ratio axis must have 1, the line of no effect, between its ends"},
            {"RR", "1,10", "a ratio axis must have 1, the line of no effect, between its ends"},
            {"OR", "1e-300,1e300", "a ratio axis runs at most from 0.0001 to 10000"},
            {"RD", "0.1,0.5", "a risk difference axis must have 0, the line of no effect, between its ends"},
            {"RD", "-2,2", "a risk difference axis runs at most from -1 to 1"},
            {"PLOGIT", "0,1.5", "a proportion axis runs at most from 0 to 1"},
            {"RR", "1,Infinity", "expected two numbers MIN,MAX"},
        };
        for (String[] c : refused) {
            Path out = dir.resolve("refused-" + c[0] + c[1].hashCode());
            org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", example, "--out", out.toString(),
                    "--measure", c[0], "--outcome", "Death", "--axis-limits", c[1]);
            assertEquals(2, run.status(), c[1] + ": " + run.all());
            assertTrue(run.err().contains(c[2]), run.err());
            assertFalse(Files.exists(out), "nothing written for " + c[1]);
        }
        for (String[] c : new String[][] {{"RR", "0.5,2"}, {"RD", "-0.5,0.5"}, {"PLOGIT", "0.1,0.5"}}) {
            org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", example, "--out",
                    dir.resolve("drawn-" + c[0]).toString(), "--measure", c[0], "--outcome", "Death",
                    "--axis-limits", c[1], "--quiet");
            assertEquals(0, run.status(), c[1] + ": " + run.all());
        }
        assertEquals(null, PlotOptions.DEFAULTS.withAxisLimits(0.5, 2).axisLimitsProblem(
                org.mscmeta.effect.Measure.RR));
        assertTrue(PlotOptions.DEFAULTS.withAxisLimits(2, 5).axisLimitsProblem(org.mscmeta.effect.Measure.RR)
                .startsWith("a ratio axis must have 1"));
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of(example), null),
                Settings.DEFAULTS.withOutcome("Death"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Plots.forest(r, "Death", PlotOptions.DEFAULTS.withAxisLimits(2, 5)));
        assertTrue(e.getMessage().contains("a ratio axis must have 1"), e.getMessage());
    }

    /**
     * No line crosses a text or ends on it: at one journal column the notes under the table run across the whole width, and the
     * line of no effect ran on through the total events into the heterogeneity line ("Chi² = 11.71").
     */
    @Test
    void noLineCrossesAText() throws Exception {
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death"));
        for (PlotSize size : PlotSize.values()) {
            PlotOptions o = PlotOptions.DEFAULTS.withSize(size);
            for (Figure f : List.of(Plots.forest(r, "Death", o), Plots.forestBy(r, "Death", "cell_source", o))) {
                for (Drawing d : f.pages()) {
                    DrawingInspector g = DrawingInspector.of(d);
                    assertFalse(g.strokes.isEmpty());
                    for (java.awt.geom.Rectangle2D line : g.strokes) {
                        for (DrawingInspector.TextBox t : g.texts) {
                            // a point of clearance above and below the glyphs: a line that ends on a text's cap
                            // height is seen to run into it
                            java.awt.geom.Rectangle2D clear = new java.awt.geom.Rectangle2D.Double(t.box().getX(),
                                    t.box().getY() - 1, t.box().getWidth(), t.box().getHeight() + 2);
                            assertFalse(line.intersects(clear), size + ": a line " + line + " runs into '"
                                    + t.text() + "' " + t.box());
                        }
                    }
                    // the line of no effect (the tallest vertical line) ends clear of any text under it: at one
                    // journal column the notes run across the panel
                    java.awt.geom.Rectangle2D nullLine = g.strokes.stream().filter(b -> b.getWidth() < 1)
                            .max(java.util.Comparator.comparingDouble(java.awt.geom.Rectangle2D::getHeight))
                            .orElseThrow();
                    for (DrawingInspector.TextBox t : g.texts) {
                        java.awt.geom.Rectangle2D b = t.box();
                        if (b.getMinX() < nullLine.getCenterX() && b.getMaxX() > nullLine.getCenterX()
                                && b.getMinY() > nullLine.getMinY()) {
                            assertTrue(b.getMinY() - nullLine.getMaxY() >= 2, size + ": the line of no effect ends "
                                    + (b.getMinY() - nullLine.getMaxY()) + " pt above '" + t.text() + "'");
                        }
                    }
                }
            }
        }
    }

    /**
     * Columns a user names that a plot's size has no room for are said to be left out (the counts asked for in one
     * journal column were dropped without a word); without --columns nothing is said.
     */
    @Test
    void columnsAskedForButLeftOutAreNamed(@TempDir Path dir) throws Exception {
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death"));
        PlotOptions single = PlotOptions.DEFAULTS.withSize(PlotSize.SINGLE_COLUMN);
        PlotOptions all = single.withColumns(ForestColumn.all());
        assertEquals(java.util.Map.of(ForestColumn.COUNTS, List.of("Death")), Plots.columnsLeftOut(r, all));
        List<String> texts = texts(Plots.forest(r, "Death", all));
        assertFalse(texts.contains("Events"), "the count columns are left out: " + texts);
        assertTrue(texts.contains("MSC 83, Control 109"), "the total events in words: " + texts);
        assertEquals(java.util.Map.of(), Plots.columnsLeftOut(r, single), "the size's own columns: nothing asked");
        assertEquals(java.util.Map.of(), Plots.columnsLeftOut(r, PlotOptions.DEFAULTS.withColumns(ForestColumn.all())),
                "two columns have room for every column");

        org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                "--out", dir.resolve("single").toString(), "--outcome", "Death", "--plot-size", "single",
                "--columns", "counts,weight,estimate,plot");
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().contains("--columns counts: at --plot-size single (85 mm) the count columns do not fit"
                + " beside readable study labels, so the forest plot of 1 outcome (Death) leaves them out and gives"
                + " the total events in words"), run.out());
    }

    /**
     * --plot-title is the title of an outcome's forest plots: its subgroup plots add the variable; the funnel plot,
     * the AE panel and the summary of findings keep their own titles (they were titled ": MSC vs control" or like
     * the forest plot).
     */
    @Test
    void thePlotTitleIsTheForestPlotsTitle() throws Exception {
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death"));
        PlotOptions o = PlotOptions.DEFAULTS.withTitle("{outcome}: MSC vs control");
        assertTrue(texts(Plots.forest(r, "Death", o)).contains("Death: MSC vs control"));
        List<String> by = texts(Plots.forestBy(r, "Death", "cell_source", o));
        assertTrue(by.stream().anyMatch(t -> t.startsWith("Death: MSC vs control by ")), by.toString());
        assertTrue(texts(Plots.funnel(r, "Death", o)).contains("Funnel plot: Death"));
        List<String> sof = texts(Plots.summaryOfFindings(r, o));
        assertTrue(sof.contains("Summary of findings: MSC compared with control"), sof.toString());
        for (Figure f : List.of(Plots.aePanel(r, o), Plots.summaryOfFindings(r, o), Plots.funnel(r, "Death", o))) {
            assertFalse(texts(f).stream().anyMatch(t -> t.contains("MSC vs control")), texts(f).toString());
        }
    }

    /**
     * A trial left out as a double zero is one without events or one where everyone had the event: its row says
     * which (both rows said "not estimable (double zero)", an all-event trial too); results.json keeps its
     * exclusion, "double zero".
     */
    @Test
    void aDoubleZeroRowSaysWhetherNoOneOrEveryoneHadTheEvent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path sheet = dir.resolve("extremes.csv");
        java.nio.file.Files.writeString(sheet, "study,year,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Nobody 2019,2019,Fever,0,30,0,31\nEveryone 2020,2020,Fever,12,12,10,10\n"
                + "Some 2021,2021,Fever,5,20,7,22\nOthers 2022,2022,Fever,3,25,6,24\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), Settings.DEFAULTS);
        List<String> texts = texts(Plots.forest(r, "Fever"));
        assertTrue(texts.contains("not estimable (no events)"), texts.toString());
        assertTrue(texts.contains("not estimable (all events)"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.contains("double zero")), texts.toString());
        assertEquals(List.of("double zero", "double zero"), r.analyses().get(0).studies().stream()
                .filter(s -> !s.included()).map(org.mscmeta.analysis.StudyResult::exclusion).toList());
    }

    private static List<String> texts(Figure f) {
        List<String> texts = new java.util.ArrayList<>();
        for (Drawing page : f.pages()) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        return texts;
    }
}
