package org.mscmeta.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Estimate;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.PngInfo;
import org.mscmeta.report.plot.Plots;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.InputProblem;
import org.mscmeta.sheet.InvalidInputException;
import org.mscmeta.sheet.SheetBuilder;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.tablesaw.ResultTables;
import org.mscmeta.tablesaw.TableSheet;
import org.mscmeta.testing.Cli;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library as a Java caller uses it: a sheet built in code and from a Tablesaw table, validated as a file is;
 * the lookups, which never return null; the results as Tablesaw tables, number for number those of results.json
 * written by {@code analyze} on the same sheet; plots written from code.
 */
class LibraryApiTest {

    private static final Path EXAMPLE = Path.of("examples/msc_adverse_events.csv");
    private static Results results;
    private static JsonNode json;

    @BeforeAll
    static void run(@TempDir Path dir) throws Exception {
        results = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(EXAMPLE, null), Settings.DEFAULTS);
        Cli.Run r = Cli.run("analyze", EXAMPLE.toString(), "--out", dir.resolve("out").toString(), "--no-report",
                "--quiet");
        assertEquals(0, r.status(), r.all());
        json = JsonMapper.builder().build().readTree(dir.resolve("out/results.json").toFile());
    }

    /** The analysis of results.json with this outcome and subgroup (null: overall). */
    private static JsonNode analysis(String outcome, String variable, String level) {
        for (JsonNode a : json.get("analyses")) {
            JsonNode sg = a.get("subgroup");
            boolean same = variable == null ? sg.isNull()
                    : !sg.isNull() && sg.get("variable").asString().equals(variable)
                    && sg.get("level").asString().equals(level);
            if (a.get("outcome").asString().equals(outcome) && same) {
                return a;
            }
        }
        throw new AssertionError("no analysis " + outcome + " " + variable + " " + level);
    }

    @Test
    void sheetBuiltInCodeIsAnalysedAsTheSameRowsInAFile(@TempDir Path dir) throws Exception {
        SheetBuilder b = ExtractionSheet.builder("two trials");
        b.row().study("Lee 2004").year(2004).outcome("Death").msc(2, 30).control(3, 31).route("intravenous")
                .cellSource("bone marrow").set("organ_system", "General disorders");
        b.row().study("Hare 2009").year(2009).outcome("Death").msc(0, 39).control(1, 21).route("IV")
                .cellSource("bone marrow").dose(2.0e6);
        b.row().study("Single 2020").year(2020).outcome("Death").msc(1, 12).route("intravenous");
        ExtractionSheet built = b.build();
        Files.writeString(dir.resolve("same.csv"), """
                study,year,outcome,events_msc,n_msc,events_control,n_control,route,cell_source,dose_cells_per_kg,organ_system
                Lee 2004,2004,Death,2,30,3,31,intravenous,bone marrow,,General disorders
                Hare 2009,2009,Death,0,39,1,21,IV,bone marrow,2000000,
                Single 2020,2020,Death,1,12,,,intravenous,,,
                """);
        ExtractionSheet read = SheetReader.withBuiltInVocabulary().read(dir.resolve("same.csv"), null);
        Results fromCode = MetaAnalysis.run(built, Settings.DEFAULTS);
        Results fromFile = MetaAnalysis.run(read, Settings.DEFAULTS);
        Estimate a = fromCode.overall("Death").estimate();
        Estimate f = fromFile.overall("Death").estimate();
        assertTrue(a.isEstimable());
        assertEquals(f.value(), a.value(), 0);
        assertEquals(f.ciLower(), a.ciLower(), 0);
        assertEquals(2, a.k());
        assertEquals("intravenous", built.route().get(1), "IV is read as intravenous");
        assertTrue(built.isSingleArm(2));
        assertEquals(List.of(0, 1, 2), List.of(built.rowNumber()[0], built.rowNumber()[1], built.rowNumber()[2]));
    }

    @Test
    void sheetBuiltInCodeListsEveryProblemByRowIndex() {
        SheetBuilder b = SheetBuilder.named("draft");
        b.row().study("A 2020").outcome("Death").msc(3, 2).control(0, 10);
        b.row().study("B 2021").outcome("Death").msc(1, 10).control(-1, 10);
        b.row().outcome("Death").msc(1, 10);
        InvalidInputException e = assertThrows(InvalidInputException.class, b::build);
        List<InputProblem> p = e.problems();
        assertEquals(3, p.size(), e.getMessage());
        assertEquals(0, p.get(0).row());
        assertEquals("events_msc", p.get(0).column());
        assertEquals(1, p.get(1).row());
        assertEquals("events_control", p.get(1).column());
        assertEquals(2, p.get(2).row());
        assertEquals("study", p.get(2).column());
        assertTrue(p.get(1).message().startsWith("sheet 'draft': row 1, column 'events_control': found \"-1\""),
                p.get(1).message());
    }

    @Test
    void sheetFromTablesawTableNumbersRowsAsTheTable() throws Exception {
        Table t = Table.create("trials",
                StringColumn.create("study", "Lee 2004", "Hare 2009", "Bad 2010"),
                StringColumn.create("outcome", "Death", "Death", "Death"),
                IntColumn.create("events_msc", 2, 0, 5),
                DoubleColumn.create("n_msc", new double[] {30, 39, 4}),
                IntColumn.create("events_control", 3, 1, 1),
                IntColumn.create("n_control", 31, 21, 10));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TableSheet.read(t));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(2, e.problems().get(0).row(), "the table's own row index");
        assertTrue(e.getMessage().contains("table 'trials': row 2, column 'events_msc': found \"5\""),
                e.getMessage());

        Table ok = t.dropRows(2);
        ok.intColumn("n_control").setMissing(1);
        ok.intColumn("events_control").setMissing(1);
        ExtractionSheet sheet = TableSheet.read(ok);
        assertEquals(2, sheet.size());
        assertTrue(sheet.isSingleArm(1), "missing control counts: a single-arm study");

        Table noOutcome = Table.create("t", StringColumn.create("study", "A"), IntColumn.create("events_msc", new int[] {1}),
                IntColumn.create("n_msc", new int[] {3}));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> TableSheet.read(noOutcome));
        assertTrue(missing.getMessage().contains("table 't': the column names, column 'outcome'"),
                missing.getMessage());

        // a data frame of one row per arm, as metafor's long format: each study's arms paired into one row
        Table arms = Table.create("arms", StringColumn.create("study", "Lee 2004", "Lee 2004", "Hare 2009",
                "Hare 2009"), StringColumn.create("outcome", "Death", "Death", "Death", "Death"),
                StringColumn.create("arm", "MSC", "Placebo", "MSC", "Placebo"),
                IntColumn.create("events", 2, 3, 0, 1), IntColumn.create("total", 30, 31, 39, 21));
        ExtractionSheet paired = TableSheet.read(arms);
        assertEquals(2, paired.size());
        assertEquals(List.of(2, 0, 30, 39, 3, 1, 31, 21), List.of(paired.eventsMsc()[0], paired.eventsMsc()[1],
                paired.nMsc()[0], paired.nMsc()[1], paired.eventsControl()[0], paired.eventsControl()[1],
                paired.nControl()[0], paired.nControl()[1]));
        assertEquals(List.of(0, 2), List.of(paired.rowNumber()[0], paired.rowNumber()[1]), "the MSC arms' rows");
    }

    /**
     * The with... methods may be called in any order, and what one of them changes is not lost when another is
     * called: a proportion is pooled by inverse variance, but the method asked for is kept for a later two-arm
     * measure; a combination that cannot be analysed is named by conflict() and refused by run, in the library's
     * words.
     */
    @Test
    void settingsAreTheSameWhateverTheOrderTheyAreGivenIn() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(EXAMPLE, null);
        Settings petoFirst = Settings.DEFAULTS.withMethod(Method.PETO).withMeasure(Measure.OR);
        Settings orFirst = Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.PETO);
        assertEquals(orFirst, petoFirst);
        assertEquals(null, petoFirst.conflict());
        Analysis peto = MetaAnalysis.run(sheet, petoFirst).overall("Death");
        assertEquals("PETO", peto.common().method());
        assertEquals(MetaAnalysis.run(sheet, orFirst).overall("Death").common().estimate(), peto.common().estimate());

        // through a proportion and back: Mantel-Haenszel again, not the inverse variance the proportion used
        Settings plogit = Settings.DEFAULTS.withMeasure(Measure.PLOGIT);
        assertEquals(Method.IV, plogit.method());
        Settings back = plogit.withMeasure(Measure.RR);
        assertEquals(Method.MH, back.method());
        Analysis death = MetaAnalysis.run(sheet, back).overall("Death");
        assertEquals("MH", death.common().method());
        assertEquals(results.overall("Death").common().estimate(), death.common().estimate());
        assertEquals(analysis("Death", null, null).get("common").get("estimate").asDouble(),
                death.common().estimate(), 1e-12);
        // a copy made from the accessors equals its original (the record's contract)
        assertEquals(plogit, new Settings(plogit.measure(), plogit.method(), plogit.tau2(), plogit.hksj(), plogit.cc(),
                plogit.doubleZero(), plogit.level(), plogit.by(), plogit.outcomes(), plogit.moderators(),
                plogit.sensitivity(), plogit.glmmModel(), plogit.convention(), plogit.predictionInterval(),
                plogit.multiplicity(), plogit.controlRisk()));
        // the GLMM's tau2 is ML where REML, the default, was asked; REML again for another method
        Settings glmm = Settings.DEFAULTS.withMethod(Method.GLMM).withMeasure(Measure.OR);
        assertEquals(TauSquared.ML, glmm.tau2());
        assertEquals(TauSquared.REML, glmm.withMethod(Method.IV).tau2());

        Object[][] conflicts = {
            {Settings.DEFAULTS.withMethod(Method.PETO), Settings.Conflict.PETO_MEASURE},
            {Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.PETO).withMeasure(Measure.PLOGIT),
                Settings.Conflict.PETO_MEASURE},
            {Settings.DEFAULTS.withMethod(Method.GLMM), Settings.Conflict.GLMM_MEASURE},
            {glmm.withTau2(TauSquared.DL), Settings.Conflict.GLMM_TAU2},
            {glmm.withHksj(true), Settings.Conflict.GLMM_HKSJ},
        };
        for (Object[] c : conflicts) {
            Settings s = (Settings) c[0];
            assertEquals(c[1], s.conflict(), s.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetaAnalysis.run(sheet, s));
            assertEquals("these settings cannot be analysed: " + ((Settings.Conflict) c[1]).message(), e.getMessage());
            assertFalse(e.getMessage().contains("--"), e.getMessage());
        }
    }

    @Test
    void lookupsNeverReturnNull() {
        Analysis death = results.overall("Death");
        assertEquals(10, death.k());
        Analysis byName = results.overall("  death ");
        assertEquals(death, byName, "case and spacing aside");

        // a subgroup with k = 0 (README's earlier NullPointerException): not estimable, with the reason
        Analysis none = results.subgroup("Serious adverse events", "route", "intra-articular");
        assertEquals(0, none.k());
        assertNotNull(none.random());
        assertFalse(none.random().isEstimable());
        assertFalse(none.estimate().isEstimable());
        assertTrue(none.estimate().notEstimable().contains("no participant had the event"),
                none.estimate().notEstimable());
        assertTrue(none.random().notEstimable().contains("no events (or only events) in both arms"),
                none.random().notEstimable());

        // a level the sheet has, but no study of this outcome: an analysis with k = 0 and the reason
        Analysis absent = results.subgroup("Fever", "cell_source", "adipose");
        assertEquals(0, absent.k());
        assertEquals(0, absent.studies().size());
        assertEquals("no study of 'Fever' has cell source 'adipose'", absent.estimate().notEstimable());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> results.overall("Headache"));
        assertTrue(unknown.getMessage().contains("its outcomes are: Serious adverse events"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> results.subgroup("Death", "donor", "allogeneic"));
        assertThrows(IllegalArgumentException.class, () -> results.subgroup("Death", "route", "intravitreal"));
    }

    @Test
    void lookupsGiveTheNumbersOfResultsJson() {
        Analysis iv = results.subgroup("Death", "route", "intravenous");
        JsonNode j = analysis("Death", "route", "intravenous");
        assertEquals(j.get("random").get("estimate").asDouble(), iv.random().estimate(), 0);
        assertEquals(j.get("random").get("ci_lower").asDouble(), iv.estimate().ciLower(), 0);
        assertEquals(j.get("common").get("estimate").asDouble(), iv.common().estimate(), 0);
        JsonNode o = analysis("Death", null, null);
        assertEquals(o.get("random").get("pi_lower").asDouble(), results.overall("Death").random().piLower(), 0);
        assertEquals(2, results.subgroupTests("Death", "cell_source").size());
        assertEquals(0, results.subgroupTests("Death", "route").size(), "one route only: no test");
    }

    /** The GLMM's own tests for heterogeneity are in the analyses table as in results.json; missing under MH. */
    @Test
    void resultTablesHoldTheGlmmTestsForHeterogeneity() throws Exception {
        Results glmm = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("src/test/resources/reference/data/bcg.csv"), null),
                Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.GLMM));
        Table t = ResultTables.analyses(glmm);
        var tests = glmm.analyses().get(0).heterogeneity().glmm();
        // metafor's rma.glmm: QE.Wld 163.16491518507, QE.LRT 176.954448188362 (MetaforReferenceTest checks them all)
        assertEquals(163.16491518507, t.doubleColumn("Q_wald").get(0), 1e-6);
        assertEquals(176.954448188362, t.doubleColumn("Q_lrt").get(0), 1e-6);
        assertEquals(tests.lrtP(), t.doubleColumn("Q_lrt_p").get(0), 0);
        assertTrue(ResultTables.analyses(results).doubleColumn("Q_wald").isMissing(0), "not a GLMM");
    }

    @Test
    void resultTablesHoldTheNumbersOfResultsJson() {
        Table pooled = ResultTables.analyses(results);
        assertEquals(json.get("analyses").size(), pooled.rowCount());
        int checked = 0;
        for (int i = 0; i < pooled.rowCount(); i++) {
            String variable = pooled.stringColumn("variable").isMissing(i) ? null
                    : pooled.stringColumn("variable").get(i);
            JsonNode a = analysis(pooled.stringColumn("outcome").get(i), variable,
                    variable == null ? null : pooled.stringColumn("level").get(i));
            assertEquals(a.get("k").asInt(), pooled.intColumn("k").get(i));
            for (String model : List.of("common", "random")) {
                JsonNode m = a.get(model);
                DoubleColumn est = pooled.doubleColumn(model + "_estimate");
                if (m.isNull() || m.get("estimate").isNull()) {
                    assertTrue(est.isMissing(i), model + " row " + i);
                    assertFalse(pooled.stringColumn(model + "_not_estimable").isMissing(i), "the reason, row " + i);
                } else {
                    assertEquals(m.get("estimate").asDouble(), est.get(i), 0);
                    assertEquals(m.get("ci_upper").asDouble(), pooled.doubleColumn(model + "_ci_upper").get(i), 0);
                    checked++;
                }
            }
            if (!a.get("random").isNull() && !a.get("random").get("tau2").isNull()) {
                assertEquals(a.get("random").get("tau2").asDouble(), pooled.doubleColumn("tau2").get(i), 0);
            }
        }
        assertTrue(checked > 50, "estimates compared: " + checked);

        Table route = pooled.where(pooled.stringColumn("outcome").isEqualTo("Death")
                .and(pooled.stringColumn("variable").isEqualTo("cell_source")));
        double p = route.doubleColumn("subgroup_test_random_p").get(0);
        for (JsonNode t : json.get("subgroup_tests")) {
            if (t.get("outcome").asString().equals("Death") && t.get("variable").asString().equals("cell_source")
                    && t.get("model").asString().equals("random")) {
                assertEquals(t.get("p").asDouble(), p, 0);
            }
        }

        Table studies = ResultTables.studies(results.overall("Death"));
        JsonNode js = analysis("Death", null, null).get("studies");
        assertEquals(js.size(), studies.rowCount());
        for (int i = 0; i < js.size(); i++) {
            assertEquals(js.get(i).get("study").asString(), studies.stringColumn("study").get(i));
            assertEquals(js.get(i).get("row").asInt(), studies.intColumn("row").get(i));
            if (!js.get(i).get("weight_random").isNull()) {
                assertEquals(js.get(i).get("weight_random").asDouble(), studies.doubleColumn("weight_random").get(i),
                        0);
            }
        }
        assertEquals(ResultTables.subgroupTests(results).rowCount(), json.get("subgroup_tests").size());
    }

    @Test
    void plotsAreWrittenFromCode(@TempDir Path dir) throws Exception {
        Plots.forest(results, "Death").write(dir.resolve("death.png"));
        Plots.forestBy(results, "Death", "route").write(dir.resolve("death-route.pdf"));
        Plots.aePanel(results).write(dir.resolve("panel.svg"));
        Plots.funnel(results, "Death").write(dir.resolve("funnel.pdf"));
        Plots.leaveOneOut(results, "Death").write(dir.resolve("loo.png"));
        assertEquals(300, PngInfo.read(dir.resolve("death.png")).dpi());
        assertTrue(Files.readString(dir.resolve("panel.svg")).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("death-route.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF"));
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Plots.funnel(results, "Fever"));
        assertTrue(one.getMessage().contains("two studies"), one.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Plots.forest(results, "Death").write(dir.resolve("death.jpg")));
        assertFalse(Files.exists(dir.resolve("death.jpg")));
        // a folder that does not exist is named as such, not by the temporary file the plot is first written to
        java.nio.file.NoSuchFileException missing = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Plots.forest(results, "Death").write(dir.resolve("figures").resolve("death.png")));
        assertEquals(dir.resolve("figures").toAbsolutePath().toString(), missing.getFile());
        assertEquals("no such folder to write death.png into", missing.getReason());
    }
}
