package org.mscmeta.report.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Measure;
import org.mscmeta.sheet.SheetReader;

/** The legends of the kit's forest plots say what the squares show under the model in force. */
class ManuscriptKitTest {

    private static List<String> legends(Settings s) throws Exception {
        return allLegends(s).stream().filter(l -> l.startsWith("Death by")).toList();
    }

    private static List<String> allLegends(Settings s) throws Exception {
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null), s.withOutcome("Death"));
        return ManuscriptKit.figures(r, name -> List.of(Path.of(name + ".png")), o -> o.toLowerCase()).stream()
                .map(ManuscriptKit.Figure::legend).toList();
    }

    /**
     * Under a proportion measure the figures show the incidence among MSC recipients, which the legends say; they
     * said "proportion ... MSC versus control".
     */
    @Test
    void incidenceLegendsNameNoComparison() throws Exception {
        List<String> all = allLegends(Settings.DEFAULTS.withMeasure(Measure.PLOGIT));
        assertTrue(all.size() >= 2, all.toString());
        all.forEach(l -> assertFalse(l.contains("versus control"), l));
        assertTrue(all.get(0).startsWith("Pooled incidence of each adverse-event outcome among MSC recipients"),
                all.get(0));
        assertTrue(all.get(1).contains(": incidence among MSC recipients in each study"), all.get(1));
        allLegends(Settings.DEFAULTS).forEach(l -> assertTrue(l.contains("MSC versus control"), l));
    }

    /**
     * Under a proportion measure the kit's summary of findings is one sentence: it was a table whose every row read
     * "not estimable" with the reason, under a footnote about control-arm risks that do not exist.
     */
    @Test
    void aProportionMeasureHasNoSummaryOfFindingsTable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null), Settings.DEFAULTS.withMeasure(Measure.PLOGIT).withOutcome("Death"));
        Path docx = dir.resolve("report.docx");
        ManuscriptKit.write(r, List.of(), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(docx))) {
            assertTrue(doc.getTables().isEmpty(), "no table");
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(text.contains("Not estimable: a summary of findings compares MSC with control, and this run"
                    + " pools the MSC arms alone."), text);
            assertFalse(text.contains("Risk with control"), text);
        }
        var rr = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null), Settings.DEFAULTS.withOutcome("Death"));
        ManuscriptKit.write(rr, List.of(), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(docx))) {
            assertTrue(doc.getTables().size() == 1, "the risk ratio's table");
        }
    }

    /**
     * Headings keep with what follows them and a figure with its legend: "Figures" stood alone at the foot of the
     * first page with its figure on the next (seen in LibreOffice); the summary of findings ran onto a second page
     * without its heading row.
     */
    @Test
    void headingsAndFiguresKeepWithWhatFollows(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null), Settings.DEFAULTS.withOutcome("Death"));
        Path docx = dir.resolve("report.docx");
        Path png = Path.of("reports/plots/forest-death.png");
        ManuscriptKit.write(r, List.of(new ManuscriptKit.Figure(List.of(png, png), "Two pages."),
                new ManuscriptKit.Figure(List.of(png), "One page.")), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(docx))) {
            var paragraphs = doc.getParagraphs();
            int headings = 0;
            int legends = 0;
            for (int i = 0; i < paragraphs.size(); i++) {
                var p = paragraphs.get(i);
                if (List.of("Methods", "Summary of findings", "Figures").contains(p.getText())) {
                    headings++;
                    assertTrue(p.isKeepNext(), p.getText());
                }
                if (p.getText().startsWith("Figure ")) {
                    legends++;
                    var picture = paragraphs.get(i - 1);
                    assertFalse(picture.getRuns().get(0).getEmbeddedPictures().isEmpty());
                    assertTrue(picture.isKeepNext(), p.getText());
                }
            }
            assertTrue(headings == 3 && legends == 2, headings + " headings, " + legends + " legends");
            // the first page of a two-page figure does not ask to share a page with the second
            var first = paragraphs.stream().filter(p -> !p.getRuns().isEmpty()
                    && !p.getRuns().get(0).getEmbeddedPictures().isEmpty()).findFirst().orElseThrow();
            assertFalse(first.isKeepNext());
            // the summary of findings repeats its heading row on every page it runs onto
            var table = doc.getTables().get(0);
            assertTrue(table.getRow(0).isRepeatHeader());
            assertFalse(table.getRow(1).isRepeatHeader());
            assertTrue(table.getRow(1).isCantSplitRow());
        }
    }

    /**
     * The mixed logistic models give the studies no weights and the plots draw their squares all of one size; the
     * legend said "area proportional to the study's weight".
     */
    @Test
    void squaresAreWeightedOnlyWhereTheModelWeighsTheStudies() throws Exception {
        List<String> mh = legends(Settings.DEFAULTS);
        assertFalse(mh.isEmpty());
        mh.forEach(l -> assertTrue(l.contains("area proportional to the study's weight"), l));
        List<String> glmm = legends(Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.GLMM));
        assertFalse(glmm.isEmpty());
        glmm.forEach(l -> {
            assertTrue(l.contains("squares, all of one size"), l);
            assertFalse(l.contains("weight within"), l);
        });
    }

    /**
     * Every legend names its model in a sentence of its own, so that no parenthesis opens inside another: the
     * captions said "MSC versus control (random effects (REML))" and "(diamonds, random effects (REML))".
     */
    @Test
    void aLegendNamesItsModelWithoutNestingParentheses() throws Exception {
        for (Settings s : List.of(Settings.DEFAULTS, Settings.DEFAULTS.withTau2(null),
                Settings.DEFAULTS.withHksj(true), Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.GLMM),
                Settings.DEFAULTS.withMeasure(Measure.PLOGIT))) {
            List<String> all = allLegends(s);
            assertTrue(all.size() >= 2, all.toString());
            for (String l : all) {
                int depth = 0;
                for (char c : l.toCharArray()) {
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                    assertTrue(depth <= 1 && depth >= 0, "nested or unbalanced parentheses: " + l);
                }
                assertTrue(l.contains(". Model: " + org.mscmeta.report.ModelWords.shown(s) + "."), l);
            }
        }
    }

    /**
     * A test for subgroup differences that does not exist is named in the legend as not applicable, with why, in the
     * figure's order of the models.
     */
    @Test
    void aLegendSaysWhichTestForSubgroupDifferencesIsNotApplicable() throws Exception {
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference-extra/data/subgroup_single_study.csv"), null), Settings.DEFAULTS);
        String legend = ManuscriptKit.figures(r, name -> List.of(Path.of(name + ".png")), o -> o.toLowerCase())
                .stream().map(ManuscriptKit.Figure::legend).filter(l -> l.startsWith("Death by cell source"))
                .findFirst().orElseThrow();
        assertTrue(legend.contains(" Test for subgroup differences, random effects (REML): Chi\u00b2 = 0.35"), legend);
        assertTrue(legend.matches(".*Chi\u00b2 = 0\\.35, df = 1, P = 0\\.[0-9]{2}\\.( .*)?"), "P as in the figure: " + legend);
        // in the figure's order, common effect first (it was after the random-effects test here and before it in
        // the figure)
        assertTrue(legend.contains(". Test for subgroup differences, common effect (Mantel-Haenszel): not applicable"
                + " (fewer than two subgroups have its estimate with a standard error). Test for subgroup differences,"
                + " random effects (REML): Chi\u00b2 = 0.35"), legend);
    }

    /**
     * A legend pools "within each cell source" or "within each administration route", and within each subgroup of
     * any other column: it said "pooled within each donor", as if each donor were a person.
     */
    @Test
    void aLegendNamesTheSubgroupsOfAnyColumnInWords() throws Exception {
        List<String> named = legends(Settings.DEFAULTS);
        assertTrue(named.stream().anyMatch(l -> l.startsWith("Death by cell source:")
                && l.contains(" and pooled within each cell source and overall")), named.toString());
        List<String> donor = legends(Settings.DEFAULTS.withBy(List.of("donor")));
        assertFalse(donor.isEmpty());
        donor.forEach(l -> {
            assertTrue(l.startsWith("Death by donor:"), l);
            assertTrue(l.contains(" and pooled within each subgroup of donor and overall"), l);
        });
    }

    /**
     * Negative numbers carry the minus sign (U+2212), which neither Word nor LibreOffice breaks a line after: the
     * summary of findings' "[-0.10, 0.07]" was split into "[-" and "0.10, 0.07]" in its narrow column. Hyphens
     * between words and in ranges stay.
     */
    @Test
    void negativeNumbersKeepTheirSignOnTheirLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals("RD \u22120.02 [\u22120.10, 0.07]; \u221216 (\u2212105 to +73); Freeman-Tukey, day 0-14, -x",
                ManuscriptKit.typeset("RD -0.02 [-0.10, 0.07]; -16 (-105 to +73); Freeman-Tukey, day 0-14, -x"));
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null), Settings.DEFAULTS.withMeasure(Measure.RD).withOutcome("Death"));
        Path docx = dir.resolve("report.docx");
        ManuscriptKit.write(r, List.of(), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(java.nio.file.Files.newInputStream(docx))) {
            String table = doc.getTables().get(0).getText();
            assertTrue(table.contains("RD \u22120.09 [\u22120.21, 0.02]"), table);
            assertFalse(table.matches("(?s).*[\\[( ]-[0-9].*"), table);
        }
    }

    /** The panel's legend names each row's model as the panel's footnote does (one wording, ModelWords.panelModels). */
    @Test
    void thePanelsLegendNamesItsRowsModelsAsThePanelDoes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path sheet = java.nio.file.Files.writeString(dir.resolve("panel.csv"), "study,year,outcome,events_msc,n_msc,"
                + "events_control,n_control\nA,2020,Fever,10,10,12,12\nB,2021,Fever,8,8,9,9\nC,2020,Death,2,20,4,21\n");
        var r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet, null), Settings.DEFAULTS);
        String legend = ManuscriptKit.figures(r, name -> List.of(Path.of(name + ".png")), o -> o.toLowerCase()).get(0)
                .legend();
        assertTrue(legend.endsWith("Model: random effects (REML), common effect (Mantel-Haenszel) where there is no"
                + " random-effects estimate (k\u00a0=\u00a01: that study's own estimate)."), legend);
    }
}
