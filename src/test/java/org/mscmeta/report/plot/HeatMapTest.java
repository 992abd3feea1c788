package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.RouteBySource;
import org.mscmeta.analysis.Settings;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;
import tools.jackson.databind.JsonNode;

/**
 * The route x cell-source matrix tells a combination without a study from one whose studies have no estimate of
 * their own (no events in either arm): the second was drawn grey as "no study", though the notes counted it among
 * the combinations with one.
 */
class HeatMapTest {

    @TempDir
    Path dir;

    private Path sheet() throws Exception {
        // intravenous x bone marrow: two studies; intravenous x umbilical cord: one; intrathecal x bone marrow: two
        // studies with no event in either arm; intrathecal x umbilical cord: none
        Path f = dir.resolve("matrix.csv");
        Files.writeString(f, "study,outcome,route,cell_source,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,intravenous,bone marrow,3,20,2,20\n"
                + "B,Fever,intravenous,bone marrow,5,30,4,31\n"
                + "C,Fever,intravenous,umbilical cord,2,15,1,14\n"
                + "D,Fever,intrathecal,bone marrow,0,12,0,12\n"
                + "E,Fever,intrathecal,bone marrow,0,10,0,11\n");
        return f;
    }

    @Test
    void aCombinationWhoseStudiesHaveNoEstimateIsNotShownAsOneWithoutAStudy() throws Exception {
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(sheet(), null), Settings.DEFAULTS);
        RouteBySource rs = r.overall("Fever").routeBySource();
        assertEquals(2, rs.cells().size());
        assertEquals(1, rs.withoutEstimate().size());
        RouteBySource.Cell none = rs.find("intrathecal", "bone marrow");
        assertEquals(0, none.k());
        assertEquals("no participant had the event in any study", none.notEstimable());
        assertNull(rs.find("intrathecal", "umbilical cord"));
        assertTrue(rs.notes().contains("1 of the 4 combinations of route and cell source has no study of Fever"),
                rs.notes().toString());
        assertTrue(rs.notes().stream().anyMatch(n -> n.startsWith("intrathecal x bone marrow: not estimable: ")),
                rs.notes().toString());

        List<String> texts = new ArrayList<>();
        for (Drawing page : Plots.routeBySource(r, "Fever").pages()) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        assertEquals(1, texts.stream().filter("no study"::equals).count(), "one combination without a study: "
                + texts);
        assertTrue(texts.contains("k\u00a0=\u00a00"), texts.toString());
        assertTrue(String.join(" ", texts).contains("studies without an estimate of their own"), texts.toString());
        // the colour key labelled as an axis is (0.5, 1, 2), not as estimates (0.50, 1.00, 2.00)
        assertTrue(texts.containsAll(List.of("0.5", "1", "2")) && !texts.contains("1.00"), texts.toString());

        JsonNode json = ReferenceCases.analyze(sheet(), dir.resolve("out"), List.of());
        JsonNode fever = json.get("analyses").get(0);
        JsonNode without = fever.get("route_by_cell_source").get("without_estimate");
        assertEquals(1, without.size());
        assertEquals("intrathecal", without.get(0).get("route").asString());
        assertEquals("bone marrow", without.get(0).get("cell_source").asString());
        assertFalse(without.get(0).get("not_estimable").asString().isEmpty());
        assertEquals(2, fever.get("cells").size(), "cells keep k >= 1");
    }

    /**
     * An outcome with route and cell-source values but no study with an estimate of its own (every study has a zero
     * cell and --cc-mode none leaves it uncorrected): the run stopped with "Index 0 out of bounds for length 0".
     */
    @Test
    void noStudyWithAnEstimateLeavesTheModelsNotEstimable() throws Exception {
        Path f = dir.resolve("zeros.csv");
        Files.writeString(f, "study,outcome,route,cell_source,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,intravenous,bone marrow,0,20,2,20\n"
                + "B,Fever,intrathecal,umbilical cord,3,30,0,31\n"
                + "C,Fever,intravenous,umbilical cord,0,15,1,14\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS
                .withCc(0.5, org.mscmeta.effect.CcMode.NONE));
        RouteBySource rs = r.overall("Fever").routeBySource();
        assertEquals(0, r.overall("Fever").k());
        String why = "no study with an estimate of its own has both a route and a cell source";
        assertEquals(why, rs.mainEffects().notEstimable());
        assertEquals(why, rs.interaction().notEstimable());
        assertEquals(List.of(), rs.cells());
        assertEquals(3, rs.withoutEstimate().size());
        org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", f.toString(), "--cc-mode", "none",
                "--out", dir.resolve("zeros").toString());
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().contains("main effects: not estimable: " + why), run.out());
    }

    /**
     * Where every participant of a combination's one study had the event in both arms, the Mantel-Haenszel RR of its
     * table is 1 with no variance, but no study has an estimate: the combination is without an estimate, not 1.00
     * [1.00, 1.00] with k = 0. Kept with --double-zero include and no correction, the study has a zero cell and no
     * continuity correction, and the combination says so (it said "no events, or only events, in both arms").
     */
    @Test
    void aCombinationOfAllEventTablesHasNoEstimate() throws Exception {
        Path f = dir.resolve("all.csv");
        Files.writeString(f, "study,outcome,route,cell_source,events_msc,n_msc,events_control,n_control\n"
                + "A,Any AE,intravenous,bone marrow,18,20,15,20\n"
                + "B,Any AE,intravenous,umbilical cord,20,30,22,31\n"
                + "C,Any AE,intrathecal,bone marrow,12,12,11,11\n");
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
        RouteBySource.Cell c = r.overall("Any AE").routeBySource().find("intrathecal", "bone marrow");
        assertEquals(0, c.k());
        assertTrue(Double.isNaN(c.estimate()), "no estimate: " + c);
        assertEquals("no study with an estimate of its own (no events, or only events, in both arms)",
                c.notEstimable());
        Results kept = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS
                .withCc(0.5, org.mscmeta.effect.CcMode.NONE).withDoubleZero(org.mscmeta.analysis.DoubleZero.INCLUDE));
        RouteBySource.Cell uncorrected = kept.overall("Any AE").routeBySource().find("intrathecal", "bone marrow");
        assertEquals(0, uncorrected.k());
        assertEquals("no study with an estimate of its own (a zero cell and no continuity correction)",
                uncorrected.notEstimable());
        List<String> texts = new ArrayList<>();
        for (Drawing page : Plots.routeBySource(kept, "Any AE").pages()) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        assertTrue(String.join(" ", texts).contains("k\u00a0=\u00a00: studies without an estimate of their own (a zero"
                + " cell and no continuity correction)"), texts.toString());
    }

    /**
     * Under --hksj a combination of one study has that study's own z interval (as metafor with k = 1); the map's
     * note named every cell "Hartung-Knapp". It now says so; without --hksj, or without such a cell, it says nothing.
     */
    @Test
    void aCellOfOneStudyUnderHartungKnappIsSaidToHaveItsOwnZInterval() throws Exception {
        var data = SheetReader.withBuiltInVocabulary().read(sheet(), null);
        for (boolean hk : new boolean[] {true, false}) {
            Results r = MetaAnalysis.run(data, Settings.DEFAULTS.withHksj(hk));
            RouteBySource.Cell one = r.overall("Fever").routeBySource().find("intravenous", "umbilical cord");
            assertEquals(1, one.k());
            List<String> texts = new ArrayList<>();
            for (Drawing page : Plots.routeBySource(r, "Fever").pages()) {
                DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
            }
            String all = String.join(" ", texts);
            assertEquals(hk, all.contains("a cell of one study has that study's own z interval (Hartung-Knapp needs"
                    + " two)."), all);
            assertTrue(all.contains(hk ? "random effects (REML, Hartung-Knapp)" : "random effects (REML)"), all);
        }
        // the tests' model is named: under --tau2 none the cells are common-effect, the meta-regressions REML
        Results common = MetaAnalysis.run(data, Settings.DEFAULTS.withTau2(null));
        List<String> texts = new ArrayList<>();
        for (Drawing page : Plots.routeBySource(common, "Fever").pages()) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        String all = String.join(" ", texts).replaceAll("\\s+", " ");
        assertTrue(all.contains("Tests: mixed-effects meta-regressions on route and cell source as factors (residual"
                + " tau\u00b2 by restricted maximum likelihood)."), all);
        assertTrue(all.contains("common effect (Mantel-Haenszel)"), all);
    }
    /**
     * Under --hksj a model that fits its studies exactly (two risk differences of 0 in one combination under R meta's conventions, one study in
     * each other) has no F: metafor's QM is NA. The residual that is rounding only printed "F = 3.00e+32, P < 0.001".
     */
    @Test
    void anExactFitUnderHartungKnappHasNoF() throws Exception {
        Path f = dir.resolve("exact.csv");
        Files.writeString(f, "study,outcome,route,cell_source,events_msc,n_msc,events_control,n_control\n"
                + "Monsel,SAE,intravenous,umbilical cord,6,21,6,24\n"
                + "Kuah,SAE,intra-articular,adipose,0,16,0,4\n"
                + "Lee,SAE,intra-articular,adipose,0,12,0,12\n"
                + "Zhao,SAE,intravenous,unknown,41,99,44,99\n");
        Settings s = Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.RD)
                .withMethod(org.mscmeta.analysis.Method.IV).withTau2(org.mscmeta.pool.TauSquared.PM).withHksj(true)
                .withConvention(org.mscmeta.effect.Convention.META); // R meta's risk differences of 0, uncorrected
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), s);
        RouteBySource.Model main = r.overall("SAE").routeBySource().mainEffects();
        assertTrue(main.isEstimable(), main.notEstimable());
        assertTrue(Double.isNaN(main.qm()), "no F: " + main.qm());
        assertEquals(org.mscmeta.sensitivity.MetaRegression.EXACT_FIT, main.qmNotEstimable());
        JsonNode json = ReferenceCases.analyze(f, dir.resolve("out"), List.of("--measure", "RD", "--method", "IV",
                "--tau2", "PM", "--hksj", "--convention", "meta")).get("analyses").get(0);
        assertTrue(json.get("main_effects").get("QM").isNull(), json.get("main_effects").toString());
        assertEquals("the model fits the studies exactly, so the Knapp-Hartung scale is 0",
                json.get("main_effects").get("QM_not_estimable").asString());
        List<String> texts = new ArrayList<>();
        for (Drawing page : Plots.routeBySource(r, "SAE").pages()) {
            DrawingInspector.of(page).texts.forEach(t -> texts.add(t.text()));
        }
        String all = String.join(" ", texts);
        assertTrue(all.contains("Route and cell source together (main effects): F not estimable (the model fits the"
                + " studies exactly, so the Knapp-Hartung scale is 0); reference levels"), all);
        // in words, as the subgroup headings: "cell source", not the column's "cell_source" (results.json keeps it)
        assertTrue(all.replaceAll("\\s+", " ").contains("reference levels route: intra-articular, cell source: adipose"), all);
        assertFalse(all.contains("cell_source"), all);
        assertTrue(json.get("main_effects").toString().contains("cell_source: "), json.get("main_effects").toString());
        assertFalse(all.contains("e+"), all);
    }
}
