package org.mscmeta.report.plot;

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
import org.mscmeta.sheet.SheetReader;

/** Forest plots at 3, 20 and 60 studies: they grow with the rows and keep every label inside its column. */
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

    @Test
    void heightGrowsWithStudiesAndWidthIsPrintQuality() throws Exception {
        double previous = 0;
        for (int k : List.of(3, 20, 60)) {
            Results r = analyse(k);
            Analysis overall = r.analyses().get(0);
            ForestPlot p = ForestPlots.outcome(overall, r.settings());
            assertTrue(p.height() > previous, "height at k = " + k);
            previous = p.height();
            assertEquals(k, p.rowLabels().stream().filter(l -> l.startsWith("Study ")).count());
            BufferedImage img = DrawingFiles.image(p, DrawingFiles.DPI);
            assertTrue(img.getWidth() >= 1600, "width " + img.getWidth());
            assertEquals(Math.ceil(p.height() * DrawingFiles.DPI / 72.0), img.getHeight(), 1.0);
            List<Analysis> levels = r.analyses().stream().filter(a -> a.subgroup() != null).toList();
            ForestPlot sub = ForestPlots.subgroups(overall, levels, r.subgroupTests(), r.settings());
            assertTrue(sub.height() > p.height(), "subgroup plot adds block rows");
            assertTrue(sub.rowLabels().contains("route: intravenous"));
        }
    }

    @Test
    void largeAnalysesArePlottedAsTheirPooledRows() throws Exception {
        Results r = analyse(ForestPlots.MAX_STUDY_ROWS + 50);
        Analysis overall = r.analyses().get(0);
        ForestPlot p = ForestPlots.outcome(overall, r.settings());
        assertEquals(0, p.rowLabels().stream().filter(l -> l.startsWith("Study ")).count());
        assertTrue(p.rowLabels().get(0).contains("study rows are in results.xlsx"), p.rowLabels().get(0));
        assertTrue(p.height() < 400, "a summary-sized plot: " + p.height());
        List<Analysis> levels = r.analyses().stream().filter(a -> a.subgroup() != null).toList();
        ForestPlot sub = ForestPlots.subgroups(overall, levels, r.subgroupTests(), r.settings());
        assertEquals(0, sub.rowLabels().stream().filter(l -> l.startsWith("Study ") && !l.startsWith("Study weights"))
                .count(),
                "levels under the limit are summarised too when the plot as a whole is over it");
    }

    @Test
    void sortOrdersStudyRows() throws Exception {
        Results r = analyse(20);
        Analysis a = r.analyses().get(0);
        List<String> byWeight = ForestPlots.outcome(a, r.settings(), StudyOrder.WEIGHT).rowLabels().subList(0, 20);
        List<Double> weights = byWeight.stream().map(label -> a.studies().stream()
                .filter(st -> st.study().equals(label)).findFirst().orElseThrow().weightRandom()).toList();
        for (int i = 1; i < weights.size(); i++) {
            assertTrue(weights.get(i - 1) >= weights.get(i), "weights descending: " + weights);
        }
        List<String> input = ForestPlots.outcome(a, r.settings()).rowLabels().subList(0, 20);
        assertEquals(a.studies().stream().map(st -> st.study()).toList(), input);
        List<String> byEffect = ForestPlots.outcome(a, r.settings(), StudyOrder.EFFECT).rowLabels().subList(0, 20);
        List<Double> yi = byEffect.stream().map(label -> a.studies().stream()
                .filter(st -> st.study().equals(label)).findFirst().orElseThrow().yi()).toList();
        for (int i = 1; i < yi.size(); i++) {
            assertTrue(yi.get(i - 1) <= yi.get(i), "effects ascending");
        }
    }

    @Test
    void longLabelsAreCutWithAnEllipsisToFitTheirColumn() {
        var font = Text.font(8f, false);
        String cut = Text.fit("Study 2 of the International Mesenchymal Stromal Cell Consortium", font, 152);
        assertTrue(cut.endsWith("\u2026"), cut);
        assertTrue(Text.width(cut, font) <= 152, cut);
        assertEquals("Short", Text.fit("Short", font, 152));
    }

    @Test
    void axisContainsEveryEstimateAndIsLogForRatios() {
        Axis a = Axis.choose(true, List.of(0.3, 1.8, 4.2));
        assertTrue(a.ratio());
        assertTrue(a.min() <= 0.3 && a.max() >= 4.2);
        assertEquals(0.5, a.fraction(1.0), 1e-12, "no effect in the middle of a symmetric log axis");
        Axis d = Axis.choose(false, List.of(-0.03, 0.07));
        assertEquals(0.1, d.max(), 1e-12);
        assertEquals(0.5, d.fraction(0.0), 1e-12);
    }

    @Test
    void allThreeFormatsAreWritten() throws Exception {
        Results r = analyse(5);
        DrawingFiles.all(ForestPlots.outcome(r.analyses().get(0), r.settings()), dir, "f");
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.size(dir.resolve("f." + ext)) > 2000, ext);
        }
    }

    /** The PDF keeps its text as text in the embedded plot font (two subsets), and two writes give the same bytes. */
    @Test
    void pdfTextIsTextInTheEmbeddedPlotFont() throws Exception {
        Results r = analyse(5);
        ForestPlot p = ForestPlots.outcome(r.analyses().get(0), r.settings());
        Path pdf = dir.resolve("forest.pdf");
        DrawingFiles.pdf(p, pdf);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Study 3") && text.contains("Risk Ratio"), text);
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
        assertTrue(text.contains("font-family:&quot;DejaVu Sans&quot;") && text.contains("font-weight:bold"),
                "the SVG names the face and keeps bold headings bold");
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
}
