package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.cli.Main;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;

/**
 * The console summary: every outcome and subgroup for a sheet a reader goes through, one line per outcome at
 * registry scale (more than 5,000 rows), and p-values below 0.001 written "p<0.001".
 */
class ConsoleSummaryTest {

    private static ExtractionSheet example() throws Exception {
        return SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"), null);
    }

    @Test
    void aSmallSheetIsSummarisedOutcomeBySubgroup() throws Exception {
        ExtractionSheet sheet = example();
        String text = ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS));
        assertTrue(text.contains("  cell_source: bone marrow"), "subgroup rows");
        assertTrue(text.contains("Per 1,000 people:"), "summary of findings");
        assertFalse(text.contains("p=<"), "p<0.001, not p=<0.001");
        assertFalse(text.contains("One line per outcome"));
        assertTrue(text.contains("(47/148 with the event, all trials incl. single-arm)"), "participants, not events");
        // the zero-event sensitivity analyses of an outcome in one column: "k=" at one position
        List<Integer> at = text.lines().filter(l -> l.contains("zero-event sensitivity:"))
                .limit(6).map(l -> l.indexOf(" k=")).toList();
        assertEquals(6, at.size());
        assertEquals(1, at.stream().distinct().count(), text);
    }

    /**
     * The console names the models of the zero-event rows as the plot's footnote does: under --tau2 none the
     * inverse-variance rows are REML random-effects models, which the console called "(random)" without saying so.
     */
    @Test
    void theZeroEventRowsModelsAreNamedAlsoWithoutARandomEffectsModel() throws Exception {
        ExtractionSheet sheet = example();
        Results withoutRandom = MetaAnalysis.run(sheet, Settings.DEFAULTS.withTau2(null).withOutcome("Death"));
        String none = ConsoleSummary.text(withoutRandom);
        // nor does the continuity correction's notice speak of a random-effects model the run does not have
        assertTrue(none.contains("Death: continuity correction 0.5 added to the cells of 2 studies for their own"
                + " estimates (the Mantel-Haenszel estimate uses the raw counts): Shu 2020 (row 32), Chullikana 2015"
                + " (row 33)"), none);
        assertTrue(none.contains("    Mantel-Haenszel and Peto: common effect on the raw counts of every trial, also"
                + " one without events (or with only events) in both arms; GLMM: random effects (maximum likelihood);"
                + " inverse variance: random effects (REML).\n"), none);
        String dl = ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS.withTau2(TauSquared.DL)
                .withHksj(true).withOutcome("Death")));
        assertTrue(dl.contains("inverse variance: random effects (DerSimonian-Laird, Hartung-Knapp).\n"), dl);
        assertTrue(dl.contains("for their own estimates and the random-effects model (the Mantel-Haenszel estimate"
                + " uses the raw counts)"), dl);
    }

    @Test
    void aRegistryIsSummarisedOneLinePerOutcome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("registry.csv");
        assertEquals(0, Main.run("generate", "--out", file.toString(), "--trials", "260", "--terms", "25"));
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(file, null);
        assertTrue(sheet.size() > 5000);
        Results r = MetaAnalysis.run(sheet, Settings.DEFAULTS);
        String text = ConsoleSummary.text(r);
        List<String> outcomes = r.analyses().stream().filter(a -> a.subgroup() == null).map(a -> a.outcome())
                .toList();
        assertEquals(25, outcomes.size());
        for (String o : outcomes) {
            assertEquals(1, text.lines().filter(l -> l.startsWith("  " + o + " ")).count(), o);
        }
        assertFalse(text.contains("cell_source: "), "no subgroup rows");
        assertTrue(text.contains("One line per outcome (" + sheet.size() + " rows)"));
        assertTrue(text.contains("p<0.001"));
        assertFalse(text.contains("p=<"));
    }

    /**
     * A risk difference is written as a difference: the zero-event sensitivity rows of RD analyses went through the
     * ratio format, which wrote an RD of -0.09 as "<0.001"; the Peto and GLMM rows (odds ratios) stay ratios.
     */
    @Test
    void riskDifferencesOfTheZeroEventRowsAreWrittenAsDifferences() throws Exception {
        ExtractionSheet sheet = example();
        String text = ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(
                org.mscmeta.effect.Measure.RD).withOutcome("Death")));
        List<String> rows = text.lines().filter(l -> l.contains("zero-event sensitivity:")).toList();
        assertEquals(6, rows.size(), text);
        for (String l : rows) {
            if (l.contains(" RD ")) {
                assertFalse(l.contains("<0.001"), l);
                assertTrue(l.matches(".* RD -0\\.\\d+ \\[-0\\.\\d+, .*"), l);
            } else {
                assertTrue(l.contains(" OR 0."), l);
            }
        }
    }

    /**
     * A proportion is the incidence among MSC recipients: no "MSC vs control" in the head, no p of a test of a logit
     * of 0 in the table (the test for subgroup differences stays: it compares incidences).
     */
    @Test
    void proportionsHaveNoComparisonAndNoNullTest() throws Exception {
        ExtractionSheet sheet = example();
        for (org.mscmeta.effect.Measure m : List.of(org.mscmeta.effect.Measure.PLOGIT,
                org.mscmeta.effect.Measure.PFT, org.mscmeta.effect.Measure.PRAW)) {
            String text = ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(m)
                    .withMethod(org.mscmeta.analysis.Method.IV).withOutcome("Death")));
            String first = text.lines().findFirst().orElseThrow();
            assertTrue(first.contains(" among MSC recipients,"), first);
            assertFalse(first.contains("MSC vs control"), first);
            assertTrue(text.contains("common proportion [CI]"), text);
            List<String> table = text.lines().filter(l -> l.startsWith("  Overall") || l.startsWith("  cell_source:"))
                    .toList();
            assertEquals(4, table.size(), text);
            for (String l : table) {
                assertFalse(l.contains("p=") || l.contains("p<"), l);
            }
            assertTrue(text.contains("Test for subgroup differences (cell_source)"), text);
        }
    }

    /** One row is "1 row", not "1 rows", in the summary's first line; one single-arm row is "1 single-arm row". */
    @Test
    void oneOfAThingIsCountedInTheSingular(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("one.csv"),
                "study,outcome,events_msc,n_msc,events_control,n_control\nA 2020,Fever,3,10,2,10\n");
        String first = ConsoleSummary.text(MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(file, null),
                Settings.DEFAULTS)).lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("one.csv: 1 row; Risk Ratio"), first);
        Path two = java.nio.file.Files.writeString(dir.resolve("two.csv"),
                "study,outcome,events_msc,n_msc,events_control,n_control\nA 2020,Fever,3,10,2,10\nB 2021,Fever,2,9,,\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(two, null), Settings.DEFAULTS);
        assertTrue(r.notices().stream().anyMatch(n -> n.message().equals("Fever: 1 single-arm row (no control arm) left"
                + " out of the comparative analysis (row 3)")), r.notices().toString());
    }

    /**
     * Without a continuity correction (--cc-mode none) a study with a zero cell has no effect of its own, yet
     * Mantel-Haenszel pools its table: the console, the notice, the forest plot's row and the route x cell-source
     * cell said that such studies had "no events, or only events, in both arms" (the plot: "not estimable (not
     * estimable)"). Each now says which: a zero cell without a correction, a double zero, or both.
     */
    @Test
    void studiesWithoutAnEstimateForWantOfACorrectionAreNamedSo(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("zero.csv"), String.join("\n",
                "study,outcome,events_msc,n_msc,events_control,n_control,route,cell_source",
                "A 2001,Fever,0,20,3,20,IV,BM", "B 2002,Fever,2,30,4,30,IV,BM", "C 2003,Fever,5,25,6,25,IT,UC",
                "D 2004,Fever,1,40,0,40,IT,UC", "E 2005,Fever,0,10,0,12,IV,UC", ""));
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(file, null),
                Settings.DEFAULTS.withCc(0.5, org.mscmeta.effect.CcMode.NONE));
        String text = ConsoleSummary.text(r);
        assertTrue(text.contains("    Mantel-Haenszel pools 5 tables; 2 have a study estimate (the others: no events,"
                + " or only events, in both arms, or a zero cell and no continuity correction)\n"), text);
        assertTrue(text.contains("    Mantel-Haenszel pools 2 tables; 1 has a study estimate (the others: a zero cell"
                + " and no continuity correction)\n"), text);
        assertTrue(r.notices().stream().anyMatch(n -> n.message().contains("(tables with no events, or only events,"
                + " in both arms, or a zero cell and no continuity correction have no RR of their own but still count"
                + " in Mantel-Haenszel)")), r.notices().toString());
        // the combinations with studies but no study estimate are counted in words that end
        assertTrue(text.contains("  Route x cell source: 2 combinations with a study estimate, 1 with studies but no"
                + " study estimate\n"), text);
        // the notice names the studies, as the other notices about studies left out do
        assertTrue(r.notices().stream().anyMatch(n -> n.message().equals("Fever: 2 studies whose RR cannot be computed"
                + " without a continuity correction were left out: A 2001 (row 2), D 2004 (row 5)")),
                r.notices().toString());
        var studies = r.analyses().get(0).studies();
        assertEquals(List.of("zero cell", "", "", "zero cell", "no events"), studies.stream()
                .map(st -> st.included() ? "" : ModelWords.exclusion(st, true)).toList());
        assertEquals("a zero cell and no continuity correction", ModelWords.exclusion(studies.get(0), false));
        assertEquals("not estimable", studies.get(0).exclusion(), "results.json's word is kept");
        // intravenous x umbilical cord holds E 2005 alone, a double zero
        assertTrue(r.analyses().get(0).routeBySource().notes().contains("intravenous x umbilical cord: not"
                + " estimable: no participant had the event in any study"), r.analyses().get(0).routeBySource()
                .notes().toString());
    }

    /** The tests in sentences say "p < 0.001", never "p = <0.001" (the extreme sheet's subgroup tests did). */
    @Test
    void smallPValuesInSentencesReadPLessThan(@TempDir Path dir) throws Exception {
        Path file = org.mscmeta.invariants.ExtremeSheet.write(dir.resolve("extreme.csv"));
        String text = ConsoleSummary.text(MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(file, null),
                Settings.DEFAULTS));
        assertTrue(text.contains("p < 0.001"), text);
        // a zero-event row that does not exist says why, as the analysis' own common effect does
        assertTrue(text.contains("Mantel-Haenszel, no correction                 k=2    RR not estimable: no events in"
                + " the control arm of any study, so the Mantel-Haenszel RR is infinite"), text);
        assertFalse(text.contains("= <"), text);
        assertFalse(text.contains("p=<"), text);
    }

    /**
     * With no random-effects model asked for (--tau2 none), a subgroup of no pooled study shows "-" in the random
     * column, as the others do, and no line saying the random-effects model is not estimable.
     */
    @Test
    void noRandomEffectsModelAskedForIsNotReportedAsNotEstimable() throws Exception {
        ExtractionSheet sheet = example();
        String text = ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS.withTau2(null)
                .withOutcome("Serious adverse events")));
        String row = text.lines().filter(l -> l.startsWith("  route: intra-articular")).findFirst().orElseThrow();
        assertTrue(row.matches("  route: intra-articular +0  not estimable"), row);
        assertFalse(text.contains("random effects: not estimable"), text);
        assertFalse(text.lines().findFirst().orElseThrow().contains("prediction interval"), text);
        // no columns for the model not asked for: the table is k, common effect and I2
        String head = text.lines().filter(l -> l.contains("common RR [CI] p")).findFirst().orElseThrow();
        assertTrue(head.matches(" +k  common RR \\[CI\\] p +I2"), head);
        String overall = text.lines().filter(l -> l.startsWith("  Overall")).findFirst().orElseThrow();
        assertTrue(overall.matches("  Overall +2  0\\.96 \\[0\\.70, 1\\.30\\] p=0\\.77 +0\\.0%"), overall);
    }

    /** The meta-regression asked for (--moderators) is in the summary, with its test; it was only in the files. */
    @Test
    void theMetaRegressionAskedForIsSummarised() throws Exception {
        ExtractionSheet sheet = example();
        Results r = MetaAnalysis.run(sheet, Settings.DEFAULTS.withBy(List.of()).withModerators(List.of("year"))
                .withOutcome("Death"));
        var m = r.analyses().get(0).sensitivity().metaRegression();
        String text = ConsoleSummary.text(r);
        assertTrue(text.contains("  Meta-regression on year (k = " + m.k() + "): QM = " + Formats.test(m.qm())
                + ", df = 1, p = " + Formats.p(m.qmP()) + "; residual tau2 = "), text);
        // the study is named, as every notice names the studies it is about
        assertTrue(text.contains("1 study without a value of year left out of the meta-regression: Rebelatto (row 45)"),
                text);
        assertFalse(ConsoleSummary.text(MetaAnalysis.run(sheet, Settings.DEFAULTS.withOutcome("Death")))
                .contains("Meta-regression"), "none asked for, none shown");
    }
    /**
     * Under Knapp-Hartung the tests of the route x cell-source models are F tests on their df and the residual
     * df (metafor's F(df1, df2)); the summary called them "QM" and "Chi2" with one df. The values are metafor's
     * ({@code reference-extra/moderator_extra_cases.json}, route_source_a RR REML with test = "knha": F 12.11 on
     * 43 residual df, the interaction's F 1.40).
     */
    @Test
    void knappHartungTestsOfModeratorsAreFTestsWithBothDf() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference/data/route_source_a.csv"), null);
        Settings hk = Settings.DEFAULTS.withMethod(org.mscmeta.analysis.Method.IV).withHksj(true);
        Results r = MetaAnalysis.run(sheet, hk);
        var rs = r.analyses().get(0).routeBySource();
        assertEquals(12.1117992481136, rs.mainEffects().qm(), 1e-5);
        assertEquals(43, rs.mainEffects().qeDf());
        String text = ConsoleSummary.text(r);
        assertTrue(text.contains("    main effects: F = 12.11, df = " + rs.mainEffects().qmDf() + ", 43, p "), text);
        assertTrue(text.contains("    interaction: F = 1.40, df = " + rs.interaction().interactionDf() + ", "
                + rs.interaction().qeDf() + ", p = 0.25"), text);
        String chi = ConsoleSummary.text(MetaAnalysis.run(sheet, hk.withHksj(false)));
        assertTrue(chi.contains("    main effects: QM = "), chi);
        assertTrue(chi.contains("    interaction: Chi2 = "), chi);
        assertFalse(chi.contains(" F = "), chi);
    }
}
