package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Measure;
import org.mscmeta.invariants.ExtremeSheet;
import org.mscmeta.sheet.SheetReader;

/**
 * Every plot type, drawn at the three journal sizes from the example sheet, a sheet of 45 studies and an extreme
 * sheet (RR about 1000 and 0.0008, an 80-character study name), checked from the drawing itself
 * ({@link DrawingInspector}): no two text boxes overlap, no text is smaller than 7 pt at the size drawn for,
 * nothing lies outside the page, and every study of a forest plot has its square and its label.
 */
class PlotGeometryTest {

    private static final Map<String, Results> RESULTS = new java.util.LinkedHashMap<>();
    private static final AtomicInteger PAGES = new AtomicInteger();

    @BeforeAll
    static void analyse(@TempDir Path dir) throws Exception {
        SheetReader reader = SheetReader.withBuiltInVocabulary();
        var example = reader.read(Path.of("examples/msc_adverse_events.csv"), null);
        RESULTS.put("example", MetaAnalysis.run(example, Settings.DEFAULTS.withModerators(List.of("year"))));
        var extreme = reader.read(ExtremeSheet.write(dir.resolve("extreme.csv")), null);
        RESULTS.put("extreme", MetaAnalysis.run(extreme, Settings.DEFAULTS));
        RESULTS.put("extreme OR, DL, HKSJ", MetaAnalysis.run(extreme, Settings.DEFAULTS.withMeasure(Measure.OR)
                .withTau2(org.mscmeta.pool.TauSquared.DL).withHksj(true)));
        RESULTS.put("extreme PLOGIT", MetaAnalysis.run(extreme, Settings.DEFAULTS.withMeasure(Measure.PLOGIT)));
        // the GLMM's plots carry its tests for heterogeneity, a long note under each pooled block
        RESULTS.put("extreme OR, GLMM", MetaAnalysis.run(extreme, Settings.DEFAULTS.withMeasure(Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM)));
        // labels in Chinese, drawn in the computer's own font (Text.fontFor), where it has one with them
        if (new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10).canDisplay('\u75c5')) {
            Path chinese = dir.resolve("chinese.csv");
            StringBuilder csv = new StringBuilder("study,outcome,route,cell_source,events_msc,n_msc,events_control,"
                    + "n_control\n");
            String[] names = {"\u674e\u660e", "\u738b\u82b3", "\u5f20\u4f1f", "\u5218\u6d0b", "\u9648\u9759"};
            for (int i = 0; i < names.length; i++) {
                // "<name> et al. 20xx (umbilical-cord MSC, phase II)"; outcomes "fever" and "infection"
                String study = names[i] + "\u7b49 " + (2015 + i) + "\uff08\u8110\u5e26\u95f4\u5145\u8d28"
                        + "\u5e72\u7ec6\u80de\uff0c\u2161\u671f\u4e34\u5e8a\u8bd5\u9a8c\uff09";
                String route = i % 2 == 0 ? "IV" : "intrathecal";
                String source = i % 3 == 0 ? "bone marrow" : "umbilical cord";
                csv.append(study).append(",\u53d1\u70ed,").append(route).append(',').append(source)
                        .append(',').append(2 + i).append(",30,").append(1 + i % 3).append(",30\n");
                csv.append(study).append(",\u611f\u67d3\u75c5,").append(route).append(',').append(source)
                        .append(',').append(i).append(",30,").append(2).append(",31\n");
            }
            java.nio.file.Files.writeString(chinese, csv);
            RESULTS.put("Chinese labels", MetaAnalysis.run(reader.read(chinese, null), Settings.DEFAULTS));
        }
    }

    /** One figure to check. */
    record Case(String name, Figure figure, List<String> studies, int squares) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> figures() {
        List<Arguments> out = new ArrayList<>();
        for (var e : RESULTS.entrySet()) {
            Results r = e.getValue();
            for (PlotSize size : PlotSize.values()) {
                PlotOptions o = PlotOptions.DEFAULTS.withSize(size);
                String at = e.getKey() + " at " + size.id() + ": ";
                out.add(Arguments.of(new Case(at + "AE panel", Plots.aePanel(r, o), List.of(), -1)));
                if (!r.settings().measure().isProportion()) {
                    out.add(Arguments.of(new Case(at + "summary of findings", Plots.summaryOfFindings(r, o),
                            List.of(), -1)));
                }
                for (String outcome : r.outcomes()) {
                    Analysis a = r.overall(outcome);
                    if (e.getKey().equals("example") && !List.of("Death", "Serious adverse events").contains(outcome)) {
                        continue;
                    }
                    List<String> names = a.studies().stream().map(st -> st.study()).toList();
                    int included = (int) a.studies().stream().filter(st -> st.included()).count();
                    out.add(Arguments.of(new Case(at + "forest " + outcome, Plots.forest(r, outcome, o), names,
                            included)));
                    for (String by : r.settings().by()) {
                        if (!r.subgroupTests(outcome, by).isEmpty()) {
                            out.add(Arguments.of(new Case(at + "forest " + outcome + " by " + by,
                                    Plots.forestBy(r, outcome, by, o), names, included)));
                        }
                    }
                    if (a.sensitivity() != null && !a.sensitivity().leaveOneOut().isEmpty()) {
                        out.add(Arguments.of(new Case(at + "leave-one-out " + outcome,
                                Plots.leaveOneOut(r, outcome, o), List.of(), -1)));
                        out.add(Arguments.of(new Case(at + "cumulative " + outcome, Plots.cumulative(r, outcome, o),
                                List.of(), -1)));
                    }
                    if (a.k() >= 2 && a.common().isEstimable()) {
                        out.add(Arguments.of(new Case(at + "funnel " + outcome, Plots.funnel(r, outcome, o),
                                List.of(), -1)));
                    }
                    if (!a.zeroEvents().isEmpty() && r.settings().measure().isRatio()) {
                        out.add(Arguments.of(new Case(at + "zero events " + outcome, Plots.zeroEvents(r, outcome, o),
                                List.of(), -1)));
                    }
                    if (a.routeBySource() != null && !a.routeBySource().cells().isEmpty()) {
                        out.add(Arguments.of(new Case(at + "route x cell source " + outcome,
                                Plots.routeBySource(r, outcome, o), List.of(), -1)));
                    }
                    for (Figure b : Plots.bubbles(r, outcome, o)) {
                        out.add(Arguments.of(new Case(at + "bubble " + outcome, b, List.of(), -1)));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void textIsReadableAndApartAndEverythingIsOnThePage(Case c) {
        int squares = 0;
        StringBuilder text = new StringBuilder();
        for (Drawing page : c.figure().pages()) {
            PAGES.incrementAndGet();
            DrawingInspector g = DrawingInspector.of(page);
            Rectangle2D canvas = new Rectangle2D.Double(-0.01, -0.01, page.width() + 0.02, page.height() + 0.02);
            List<DrawingInspector.TextBox> texts = g.texts;
            for (int i = 0; i < texts.size(); i++) {
                DrawingInspector.TextBox t = texts.get(i);
                assertTrue(t.sizePt() >= 7 - 1e-9, c + ": '" + t.text() + "' is " + t.sizePt() + " pt");
                assertTrue(canvas.contains(t.box()), c + ": '" + t.text() + "' at " + t.box() + " leaves the "
                        + page.width() + " x " + page.height() + " page");
                for (int j = i + 1; j < texts.size(); j++) {
                    Rectangle2D a = t.box();
                    Rectangle2D b = texts.get(j).box();
                    double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                    double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                    assertTrue(w <= 0.3 || h <= 0.3, c + ": '" + t.text() + "' and '" + texts.get(j).text()
                            + "' overlap (" + a + " and " + b + ")");
                }
            }
            for (Rectangle2D line : g.strokes) {
                for (DrawingInspector.TextBox t : texts) {
                    assertFalse(line.intersects(t.box()), c + ": a line at " + line + " runs through '" + t.text()
                            + "' " + t.box());
                }
            }
            for (DrawingInspector.Fill f : g.fills) {
                assertTrue(canvas.contains(f.bounds()) || f.bounds().isEmpty(), c + ": a shape at " + f.bounds()
                        + " leaves the page");
                if (new Color(0, 84, 147).equals(f.color()) && f.shape() instanceof java.awt.geom.Path2D) {
                    squares++;
                }
            }
            text.append(g.allText());
        }
        if (c.squares() >= 0 && c.studies().size() <= ForestPlots.MAX_STUDY_ROWS) {
            assertEquals(c.squares(), squares, c + ": a square for every study with an estimate");
            String all = text.toString().replaceAll("\\s+", " ");
            String unbroken = all.replace(" ", ""); // a word of Chinese characters wraps between any two of them
            for (String study : c.studies()) {
                for (String word : study.split(" ")) {
                    assertTrue(all.contains(word) || unbroken.contains(word), c + ": the label of " + study + " ("
                            + word + ")");
                }
            }
        }
    }
}
