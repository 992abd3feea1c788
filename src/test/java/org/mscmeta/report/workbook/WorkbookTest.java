package org.mscmeta.report.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.DoubleZero;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.effect.CcMode;
import org.mscmeta.report.ReportFilesTest;
import org.mscmeta.report.ReportWriter;
import org.mscmeta.report.RunInfo;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;

/** The Excel workbook: its sheets, live formulas recomputed against the engine, safe text and sheet names. */
class WorkbookTest {

    @TempDir
    Path dir;

    private Path write(Path input, Settings settings) throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Results r = MetaAnalysis.run(sheet, settings);
        Path out = dir.resolve("wb-" + System.nanoTime());
        ReportWriter.write(sheet, r, new RunInfo(input.toString(), "abc123", "2026-11-23T00:00:00Z"), out, false);
        lastResults = r;
        return out.resolve(Workbook.FILE_NAME);
    }

    private Results lastResults;

    static Stream<Arguments> settings() {
        Path example = ReportFilesTest.exampleSheet();
        Path niel = ReferenceCases.resource("data/nielweise2007.csv");
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        return Stream.of(
                Arguments.of("example RR MH REML", example, Settings.DEFAULTS),
                Arguments.of("nielweise OR IV REML tacc", niel, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withMethod(Method.IV).withCc(0.5, CcMode.TACC)),
                Arguments.of("nielweise RD MH DL", niel, Settings.DEFAULTS.withMeasure(Measure.RD)
                        .withTau2(TauSquared.DL)),
                Arguments.of("nielweise OR Peto", niel, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withMethod(Method.PETO).withTau2(null)),
                Arguments.of("nielweise RR IV DL double zero included", niel, Settings.DEFAULTS.withMethod(Method.IV)
                        .withTau2(TauSquared.DL).withDoubleZero(DoubleZero.INCLUDE)),
                // the Hartung-Knapp interval, live on DerSimonian-Laird's tau2 (t quantile, k - 1 df)
                Arguments.of("bcg RR MH DL hksj", bcg, Settings.DEFAULTS.withTau2(TauSquared.DL).withHksj(true)),
                Arguments.of("bcg OR MH REML hksj", bcg, Settings.DEFAULTS.withMeasure(Measure.OR).withHksj(true)),
                Arguments.of("bcg OR MH PM cc all", bcg, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withTau2(TauSquared.PM).withCc(0.5, CcMode.ALL).withBy(List.of("alloc"))),
                // the conventions' own per-study formulas (R meta's RR with n + 0.5; RevMan's raw RD) and MH weights
                Arguments.of("nielweise RR MH DL meta", niel, Settings.DEFAULTS.withTau2(TauSquared.DL)
                        .withConvention(org.mscmeta.effect.Convention.META)),
                Arguments.of("nielweise RD MH DL revman5", niel, Settings.DEFAULTS.withMeasure(Measure.RD)
                        .withTau2(TauSquared.DL).withConvention(org.mscmeta.effect.Convention.REVMAN5)),
                Arguments.of("nielweise OR MH REML if0all revman5", niel, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withCc(0.5, CcMode.IF0ALL).withConvention(org.mscmeta.effect.Convention.REVMAN5)),
                Arguments.of("pritz PFT corrected", ReferenceCases.resource("data/pritz1997.csv"),
                        Settings.DEFAULTS.withMeasure(Measure.PFT).withCc(0.5, CcMode.ALL)),
                Arguments.of("pritz PLOGIT", ReferenceCases.resource("data/pritz1997.csv"),
                        Settings.DEFAULTS.withMeasure(Measure.PLOGIT)),
                // other confidence levels, no random-effects model, the raw proportion under Hartung-Knapp
                Arguments.of("example RR MH DL level 0.90", example, Settings.DEFAULTS.withTau2(TauSquared.DL)
                        .withLevel(0.90)),
                Arguments.of("example RR MH DL hksj", example, Settings.DEFAULTS.withTau2(TauSquared.DL).withHksj(true)),
                Arguments.of("bcg RR IV none level 0.99", bcg, Settings.DEFAULTS.withMethod(Method.IV).withTau2(null)
                        .withLevel(0.99)),
                Arguments.of("nielweise OR MH DL hksj level 0.90 t(k-2)", niel, Settings.DEFAULTS
                        .withMeasure(Measure.OR).withTau2(TauSquared.DL).withHksj(true).withLevel(0.90)
                        .withPredictionInterval(org.mscmeta.pool.PredictionInterval.T_K2)),
                Arguments.of("pritz PRAW DL hksj", ReferenceCases.resource("data/pritz1997.csv"),
                        Settings.DEFAULTS.withMeasure(Measure.PRAW).withTau2(TauSquared.DL).withHksj(true)),
                // outcomes of one corrected study: Q is 0, as metafor's, not its distance from the uncorrected MH
                Arguments.of("example OR MH REML cc all", example, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withCc(0.5, CcMode.ALL)),
                Arguments.of("example RD MH DL no correction", example, Settings.DEFAULTS.withMeasure(Measure.RD)
                        .withTau2(TauSquared.DL).withCc(0.5, CcMode.NONE)),
                // the GLMM's pooled rows are its numbers: the Summary and the summary of findings refer to them
                Arguments.of("bcg OR GLMM", bcg, Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.GLMM)),
                Arguments.of("example OR GLMM common", example, Settings.DEFAULTS.withMeasure(Measure.OR)
                        .withMethod(Method.GLMM).withTau2(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void formulasRecomputeToTheEngineNumbers(String name, Path input, Settings settings) throws Exception {
        Path xlsx = write(input, settings);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            // before any evaluation: the values a reader that does not recalculate shows (the cached results)
            int cached = compare(wb, lastResults, Cell::getNumericCellValue);
            assertTrue(cached > 20, name + ": only " + cached + " cached values compared");
            Map<String, Double> summary = summaryFormulas(wb);
            assertTrue(summary.size() >= 10, name + ": " + summary.size() + " Summary cells refer to outcome sheets");
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateAll();
            int checked = compare(wb, lastResults, cell -> ev.evaluate(cell).getNumberValue());
            assertTrue(checked > 20, name + ": only " + checked + " formula cells compared");
            // the summary of findings' cached values are the engine's
            Map<String, Double> findings = formulas(wb, Workbook.FINDINGS);
            int sof = findingsCompared(wb, lastResults);
            if (settings.measure().isProportion()) {
                assertEquals(Map.of(), findings, name);
            } else {
                assertTrue(sof >= 10 && findings.size() >= 10, name + ": " + sof + " summary-of-findings cells, "
                        + findings.size() + " formulas");
            }
        }
        // every formula of every sheet (the Summary's overall rows and the summary of findings, recalculated from the
        // outcome sheets, among them) gives the number written beside it
        List<String> problems = new ArrayList<>();
        org.mscmeta.testing.Recalculation.check(xlsx, problems);
        assertEquals(List.of(), problems, name);
    }

    /**
     * The Summary's formula cells and the values stored with them (the engine's), by address: each refers to an
     * outcome's sheet, or (a test for subgroup differences' p and I²) to the Q of its own row, which does.
     */
    private static Map<String, Double> summaryFormulas(XSSFWorkbook wb) {
        Map<String, Double> out = formulas(wb, Workbook.SUMMARY);
        out.keySet().forEach(address -> {
            var ref = new org.apache.poi.ss.util.CellReference(address);
            Row row = wb.getSheet(Workbook.SUMMARY).getRow(ref.getRow());
            String f = row.getCell(ref.getCol()).getCellFormula();
            String q = "$D$" + (ref.getRow() + 1);
            assertTrue(f.contains("'!") || f.contains(q) && row.getCell(3).getCellFormula().contains("'!"), f);
        });
        return out;
    }

    /** A sheet's formula cells and the values stored with them, by address. */
    private static Map<String, Double> formulas(XSSFWorkbook wb, String sheet) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Row row : wb.getSheet(sheet)) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.FORMULA) {
                    out.put(c.getAddress().formatAsString(), c.getNumericCellValue());
                }
            }
        }
        return out;
    }

    /**
     * Compares the Summary of findings' cells, as a reader that does not recalculate shows them, with the engine's
     * {@link org.mscmeta.analysis.SummaryOfFindings}; returns the number of cells compared.
     */
    private static int findingsCompared(XSSFWorkbook wb, Results r) {
        Sheet s = wb.getSheet(Workbook.FINDINGS);
        int checked = 0;
        int row = 4;
        for (Analysis a : r.analyses()) {
            var f = a.summaryOfFindings();
            if (a.subgroup() != null || f == null || r.settings().measure().isProportion()) {
                continue;
            }
            Row x = s.getRow(row++);
            assertEquals(a.outcome(), x.getCell(0).getStringCellValue());
            double[] expected = {f.participants(), f.studies(), f.relative(), f.relativeLower(), f.relativeUpper(),
                1000 * f.controlRisk(), f.mscPer1000(), f.mscLower(), f.mscUpper(), f.differencePer1000(),
                f.differenceLower(), f.differenceUpper()};
            for (int j = 0; j < expected.length; j++) {
                Cell c = x.getCell(j + 1);
                if (!Double.isFinite(expected[j])) {
                    assertTrue(c == null || c.getCellType() == CellType.BLANK
                            || c.getCellType() == CellType.STRING, a.outcome() + " column " + (j + 1));
                    continue;
                }
                assertEquals(expected[j], c.getNumericCellValue(), 1e-12 * Math.max(1, Math.abs(expected[j])),
                        a.outcome() + " column " + (j + 1));
                checked++;
            }
        }
        return checked;
    }

    /**
     * A co-author who corrects a count on an outcome's sheet sees the Summary follow: its overall row refers to the
     * outcome sheet's pooled cells and count columns (a Summary of typed numbers went on showing the old result).
     */
    @Test
    void theSummaryFollowsACountEditedOnTheOutcomeSheet() throws Exception {
        Path xlsx = write(ReferenceCases.resource("data/bcg.csv"), Settings.DEFAULTS.withTau2(TauSquared.DL));
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Analysis a = lastResults.analyses().get(0);
            Sheet out = outcomeSheet(wb, a.outcome());
            Sheet sum = wb.getSheet(Workbook.SUMMARY);
            Row overall = sum.getRow(1);
            assertEquals(a.outcome(), overall.getCell(0).getStringCellValue());
            int events = column(sum, "MSC events");
            int common = column(sum, "Common RR");
            int random = column(sum, "Random RR");
            int tau2 = column(sum, "Tau\u00b2");
            int q = column(sum, "Q");
            double before = overall.getCell(random).getNumericCellValue();
            assertEquals(a.random().estimate(), before, 1e-12);
            Cell count = out.getRow(OutcomeSheet.FIRST_STUDY_ROW).getCell(OutcomeSheet.Col.A.ordinal());
            count.setCellValue(count.getNumericCellValue() + 20);
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateAll();
            OutcomeSheet.Places at = OutcomeSheet.Places.of(a);
            Row commonRow = out.getRow(at.commonRow());
            Row randomRow = out.getRow(at.randomRow());
            assertEquals(a.eventsMsc() + 20, overall.getCell(events).getNumericCellValue(), 1e-9);
            assertEquals(commonRow.getCell(OutcomeSheet.P_EST).getNumericCellValue(),
                    overall.getCell(common).getNumericCellValue(), 0);
            assertEquals(randomRow.getCell(OutcomeSheet.P_EST).getNumericCellValue(),
                    overall.getCell(random).getNumericCellValue(), 0);
            assertEquals(randomRow.getCell(OutcomeSheet.P_TAU2).getNumericCellValue(),
                    overall.getCell(tau2).getNumericCellValue(), 0);
            assertEquals(commonRow.getCell(OutcomeSheet.P_Q).getNumericCellValue(),
                    overall.getCell(q).getNumericCellValue(), 0);
            assertTrue(Math.abs(overall.getCell(random).getNumericCellValue() - before) > 1e-3,
                    "the edit moved the pooled estimate");
            // and the Methods sheet says what follows an edit and what does not
            String methods = sheetText(wb.getSheet(Workbook.METHODS));
            assertTrue(methods.contains("the Summary's rows and the Summary of findings refer to them. The other"
                    + " sheets hold the values mscmeta computed"), methods);
        }
    }

    /**
     * The summary of findings follows a count edited on an outcome's sheet too: its relative effect is the pooled
     * row's, its assumed control risk the median of the edited control arms, its risks with MSC and differences per
     * 1,000 those of GRADE's formulas (a risk ratio times the control risk; an odds ratio's
     * {@code ACR x OR / (1 - ACR + ACR x OR)}), computed here by hand from the recalculated cells.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"RR", "OR", "RD", "OR given"})
    void theSummaryOfFindingsFollowsACountEditedOnTheOutcomeSheet(String which) throws Exception {
        boolean given = which.endsWith("given");
        Measure m = Measure.valueOf(which.split(" ")[0]);
        Settings st = Settings.DEFAULTS.withTau2(TauSquared.DL).withMeasure(m);
        Path xlsx = write(ReferenceCases.resource("data/bcg.csv"), given ? st.withControlRisk(0.05) : st);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Analysis a = lastResults.analyses().get(0);
            Sheet out = outcomeSheet(wb, a.outcome());
            Row sof = wb.getSheet(Workbook.FINDINGS).getRow(4);
            assertEquals(a.outcome(), sof.getCell(0).getStringCellValue());
            double before = sof.getCell(7).getNumericCellValue();
            Cell events = out.getRow(OutcomeSheet.FIRST_STUDY_ROW).getCell(OutcomeSheet.Col.A.ordinal());
            events.setCellValue(events.getNumericCellValue() + 20);
            Cell control = out.getRow(OutcomeSheet.FIRST_STUDY_ROW + 1).getCell(OutcomeSheet.Col.C.ordinal());
            control.setCellValue(control.getNumericCellValue() + 30);
            Cell participants = out.getRow(OutcomeSheet.FIRST_STUDY_ROW + 2).getCell(OutcomeSheet.Col.N2.ordinal());
            participants.setCellValue(participants.getNumericCellValue() + 100);
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateAll();
            Row pooled = out.getRow(OutcomeSheet.Places.of(a).randomRow());
            double effect = pooled.getCell(OutcomeSheet.P_EST).getNumericCellValue();
            assertEquals(effect, sof.getCell(3).getNumericCellValue(), 0);
            assertEquals(pooled.getCell(OutcomeSheet.P_LO).getNumericCellValue(), sof.getCell(4).getNumericCellValue(),
                    0);
            double[] risks = new double[a.studies().size()];
            double n = 0;
            for (int i = 0; i < risks.length; i++) {
                Row x = out.getRow(OutcomeSheet.FIRST_STUDY_ROW + i);
                risks[i] = x.getCell(OutcomeSheet.Col.C.ordinal()).getNumericCellValue()
                        / x.getCell(OutcomeSheet.Col.N2.ordinal()).getNumericCellValue();
                n += x.getCell(OutcomeSheet.Col.N1.ordinal()).getNumericCellValue()
                        + x.getCell(OutcomeSheet.Col.N2.ordinal()).getNumericCellValue();
            }
            java.util.Arrays.sort(risks);
            int k = risks.length;
            double acr = given ? 0.05 : k % 2 == 1 ? risks[k / 2] : (risks[k / 2 - 1] + risks[k / 2]) / 2;
            assertEquals(n, sof.getCell(1).getNumericCellValue(), 0);
            assertEquals(1000 * acr, sof.getCell(6).getNumericCellValue(), 1e-9);
            double msc = switch (m) {
                case RR -> acr * effect;
                case OR -> acr * effect / (1 - acr + acr * effect);
                default -> acr + effect;
            };
            msc = Math.max(0, Math.min(1, msc));
            assertEquals(1000 * msc, sof.getCell(7).getNumericCellValue(), 1e-9);
            assertEquals(1000 * (msc - acr), sof.getCell(10).getNumericCellValue(), 1e-9);
            assertTrue(Math.abs(sof.getCell(7).getNumericCellValue() - before) > 0.01, "the edit moved the MSC risk");
            assertEquals(given, sof.getCell(6).getCellType() != CellType.FORMULA, "a given control risk is typed");
            String methods = sheetText(wb.getSheet(Workbook.METHODS));
            assertTrue(methods.contains("the Summary's rows and the Summary of findings refer to them"), methods);
        }
    }

    /**
     * Each subgroup's block on an outcome's sheet takes its counts from the overall table: a count edited there
     * changes the subgroup's study rows, its pooled rows and its Summary row, to what mscmeta computes on the sheet
     * edited the same way (Mantel-Haenszel and DerSimonian-Laird: closed forms, live).
     */
    @Test
    void aCountEditedInTheOverallTableChangesItsSubgroupsAndTheirSummaryRows() throws Exception {
        Path input = ReferenceCases.resource("data/route_source_a.csv");
        Settings st = Settings.DEFAULTS.withTau2(TauSquared.DL);
        Path xlsx = write(input, st);
        Results before = lastResults;
        Analysis overall = before.analyses().get(0);
        StudyResult edited = overall.studies().get(1);
        // the same edit in the input: two more MSC participants with the event in that study
        List<String> lines = new ArrayList<>(Files.readAllLines(input));
        List<String> head = List.of(lines.get(0).replace("\"", "").split(","));
        String[] cells = lines.get(edited.row() - 1).split(",");
        int events = head.indexOf("events_msc");
        cells[events] = Integer.toString(Integer.parseInt(cells[events]) + 2);
        lines.set(edited.row() - 1, String.join(",", cells));
        Path changed = dir.resolve("edited.csv");
        Files.write(changed, lines);
        Results after = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(changed, null), st);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet out = outcomeSheet(wb, overall.outcome());
            Cell count = out.getRow(OutcomeSheet.FIRST_STUDY_ROW + 1).getCell(OutcomeSheet.Col.A.ordinal());
            assertEquals(edited.eventsMsc(), count.getNumericCellValue(), 0);
            count.setCellValue(count.getNumericCellValue() + 2);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Sheet sum = wb.getSheet(Workbook.SUMMARY);
            Row heads = sum.getRow(0);
            int common = -1;
            int random = -1;
            for (Cell c : heads) {
                common = common < 0 && c.getStringCellValue().startsWith("Common ") ? c.getColumnIndex() : common;
                random = random < 0 && c.getStringCellValue().startsWith("Random ") ? c.getColumnIndex() : random;
            }
            int subgroupsWithTheStudy = 0;
            for (int i = 0; i < after.analyses().size(); i++) {
                Analysis a = after.analyses().get(i);
                if (!a.outcome().equals(overall.outcome())) {
                    continue;
                }
                Row x = sum.getRow(i + 1);
                assertEquals(a.subgroup() == null ? "" : a.subgroup().level(), x.getCell(2).getStringCellValue());
                boolean holds = a.studies().stream().anyMatch(sr -> sr.row() == edited.row());
                subgroupsWithTheStudy += holds && a.subgroup() != null ? 1 : 0;
                if (a.common().isEstimable()) {
                    assertEquals(CellType.FORMULA, x.getCell(common).getCellType(), name(a));
                    assertEquals(a.common().estimate(), x.getCell(common).getNumericCellValue(), 1e-9, name(a));
                }
                if (a.random().isEstimable()) {
                    assertEquals(a.random().estimate(), x.getCell(random).getNumericCellValue(), 1e-9, name(a));
                }
                if (holds) {
                    assertNotEquals(before.analyses().get(i).common().estimate(), a.common().estimate(), name(a));
                }
            }
            assertEquals(2, subgroupsWithTheStudy, "the study's route and its cell source");
            // and the tests for subgroup differences, on the subgroups' pooled cells
            int tests = -1;
            for (Row x : sum) {
                Cell c = x.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING
                        && c.getStringCellValue().equals("Tests for subgroup differences")) {
                    tests = x.getRowNum() + 2;
                }
            }
            int live = 0;
            for (int i = 0; i < after.subgroupTests().size(); i++) {
                var t = after.subgroupTests().get(i);
                Row x = sum.getRow(tests + i);
                assertEquals(t.outcome() + " " + t.variable(), x.getCell(0).getStringCellValue() + " "
                        + x.getCell(1).getStringCellValue());
                if (t.outcome().equals(overall.outcome())) {
                    assertEquals(CellType.FORMULA, x.getCell(3).getCellType(), t.toString());
                    assertEquals(t.q(), x.getCell(3).getNumericCellValue(), 1e-9 * Math.max(1, t.q()), t.toString());
                    assertEquals(t.p(), x.getCell(5).getNumericCellValue(), 1e-9, t.toString());
                    assertNotEquals(before.subgroupTests().get(i).q(), t.q(), t.toString());
                    live++;
                }
            }
            assertEquals(4, live, "common and random, by route and by cell source");
        }
    }

    /**
     * A registry-scale workbook is written by the streaming writer ({@link StreamingXlsx}); under the same results it
     * holds what the whole-workbook writer's does, cell for cell (type, formula, the value written, the number format),
     * sheet for sheet with the same column widths and print layout, and its formulas recalculate to their values.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theStreamingWriterWritesTheSameWorkbook(String name, Path input, Settings settings) throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Results r = MetaAnalysis.run(sheet, settings);
        RunInfo run = new RunInfo(input.toString(), "abc123", "2026-11-23T00:00:00Z");
        Path whole = dir.resolve("whole.xlsx");
        Path streamed = dir.resolve("streamed.xlsx");
        Workbook.write(sheet, r, run, whole, false);
        Workbook.write(sheet, r, run, streamed, true);
        for (Path p : List.of(whole, streamed)) {
            // the default format named "Normal", as Excel writes it: without a named style openpyxl (pandas) warned
            // "Workbook contains no default style" on every read
            String styles = part(p, "xl/styles.xml");
            assertTrue(styles.contains("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
                    + " builtinId=\"0\"/></cellStyles>"), p + ": " + styles);
        }
        List<String> problems = new ArrayList<>();
        int cells = 0;
        try (XSSFWorkbook a = new XSSFWorkbook(whole.toFile()); XSSFWorkbook b = new XSSFWorkbook(streamed.toFile())) {
            assertEquals(a.getNumberOfSheets(), b.getNumberOfSheets(), name);
            for (int i = 0; i < a.getNumberOfSheets(); i++) {
                Sheet x = a.getSheetAt(i);
                Sheet y = b.getSheetAt(i);
                assertEquals(x.getSheetName(), y.getSheetName(), name);
                assertEquals(x.getPrintSetup().getLandscape(), y.getPrintSetup().getLandscape(), x.getSheetName());
                for (Row rx : x) {
                    Row ry = y.getRow(rx.getRowNum());
                    for (Cell cx : rx) {
                        Cell cy = ry == null ? null : ry.getCell(cx.getColumnIndex());
                        String at = x.getSheetName() + "!" + cx.getAddress().formatAsString();
                        if (cy == null) {
                            problems.add(at + ": missing");
                            continue;
                        }
                        if (cx.getColumnIndex() < 40 && x.getColumnWidth(cx.getColumnIndex())
                                != y.getColumnWidth(cx.getColumnIndex())) {
                            problems.add(at + ": column width");
                        }
                        if (!cellText(cx).equals(cellText(cy))) {
                            problems.add(at + ": " + cellText(cx) + " against " + cellText(cy));
                        }
                        cells++;
                    }
                }
            }
        }
        assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems, name);
        assertTrue(cells > 200, name + ": " + cells + " cells");
        int recalculated = org.mscmeta.testing.Recalculation.check(streamed, problems);
        assertEquals(List.of(), problems, name);
        assertTrue(recalculated > 20, name + ": " + recalculated + " formulas recalculated");
    }

    /** A part of a zipped workbook, as text. */
    private static String part(Path xlsx, String name) throws IOException {
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A cell's type, formula, value as written and number format, as one text. */
    private static String cellText(Cell c) {
        String format = c.getCellStyle().getDataFormatString();
        return switch (c.getCellType()) {
            case FORMULA -> "=" + c.getCellFormula() + " [" + (((org.apache.poi.xssf.usermodel.XSSFCell) c).getCTCell()
                    .isSetV() ? c.getCachedFormulaResultType() == CellType.NUMERIC
                    ? Double.toString(c.getNumericCellValue()) : c.getStringCellValue() : "") + "] " + format;
            case NUMERIC -> c.getNumericCellValue() + " " + format;
            case STRING -> "'" + c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> "";
        };
    }

    /** The index of the first column whose heading starts with {@code head}. */
    private static int column(Sheet s, String head) {
        for (Cell c : s.getRow(0)) {
            if (c.getStringCellValue().startsWith(head)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + head);
    }

    static {
        org.mscmeta.testing.Recalculation.register();
    }

    @Test
    void libreOfficeRecomputesTheSameNumbers() throws Exception {
        assumeTrue(onPath("libreoffice"), "LibreOffice not installed; POI's evaluator covers the formulas");
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        Path conv = dir.resolve("lo");
        Files.createDirectories(conv);
        Process p = new ProcessBuilder("libreoffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--convert-to", "xlsx", "--outdir", conv.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "LibreOffice timed out");
        Path recalculated = conv.resolve(xlsx.getFileName());
        assertTrue(Files.exists(recalculated), "LibreOffice wrote no file");
        Map<String, Double> written;
        Map<String, Double> findings;
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            written = summaryFormulas(wb);
            findings = formulas(wb, Workbook.FINDINGS);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(recalculated.toFile())) {
            int checked = compare(wb, lastResults, Cell::getNumericCellValue);
            assertTrue(checked > 100, "only " + checked + " cells compared");
            // the Summary's references to the outcome sheets, as LibreOffice resolves them
            Sheet sum = wb.getSheet(Workbook.SUMMARY);
            assertTrue(written.size() > 100, written.size() + " Summary references");
            written.forEach((address, engine) -> {
                var ref = new org.apache.poi.ss.util.CellReference(address);
                assertEquals(engine, sum.getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue(),
                        1e-9 * Math.max(1, Math.abs(engine)), address);
            });
            // the summary of findings' medians, references and risks, as LibreOffice computes them
            Sheet sof = wb.getSheet(Workbook.FINDINGS);
            assertTrue(findings.size() > 100, findings.size() + " summary-of-findings formulas");
            findings.forEach((address, engine) -> {
                var ref = new org.apache.poi.ss.util.CellReference(address);
                assertEquals(engine, sof.getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue(),
                        1e-9 * Math.max(1, Math.abs(engine)), "Summary of findings " + address);
            });
        }
    }

    /**
     * Each outcome's analyses (its overall one, then its subgroups') with the rows of their blocks on its sheet: each
     * block is compared with its own analysis.
     */
    private static java.util.Map<Analysis, java.util.Map<Analysis, OutcomeSheet.Places>> blocks(Results r) {
        java.util.Map<Analysis, List<Analysis>> subgroups = new java.util.LinkedHashMap<>();
        Analysis overall = null;
        for (Analysis a : r.analyses()) {
            if (a.subgroup() == null) {
                overall = a;
                subgroups.put(a, new ArrayList<>());
            } else {
                subgroups.get(overall).add(a);
            }
        }
        java.util.Map<Analysis, java.util.Map<Analysis, OutcomeSheet.Places>> out = new java.util.LinkedHashMap<>();
        subgroups.forEach((a, g) -> out.put(a, OutcomeSheet.layout(a, g)));
        return out;
    }

    /**
     * Compares every study row's formula results with the engine, in the overall block and in each subgroup's (whose
     * title row names it); returns the number of cells compared.
     */
    private static int compare(XSSFWorkbook wb, Results r, java.util.function.ToDoubleFunction<Cell> value) {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (var outcome : blocks(r).entrySet()) {
            Sheet s = outcomeSheet(wb, outcome.getKey().outcome());
            assertNotNull(s, "no sheet for " + outcome.getKey().outcome());
            for (var block : outcome.getValue().entrySet()) {
                Analysis a = block.getKey();
                OutcomeSheet.Places at = block.getValue();
                if (a.subgroup() != null) {
                    assertEquals("Subgroup: " + a.subgroup().variable().replace('_', ' ') + " = " + a.subgroup().level(),
                            s.getRow(at.params() - 1).getCell(0).getStringCellValue());
                }
                for (int i = 0; i < a.studies().size(); i++) {
                    StudyResult st = a.studies().get(i);
                    Row row = s.getRow(at.firstStudy() + i);
                    assertEquals(st.study(), row.getCell(0).getStringCellValue());
                    if (!st.included()) {
                        continue;
                    }
                    double[][] pairs = {
                        {OutcomeSheet.Col.YI.ordinal(), st.yi()}, {OutcomeSheet.Col.VI.ordinal(), st.vi()},
                        {OutcomeSheet.Col.EST.ordinal(), st.estimate()}, {OutcomeSheet.Col.LO.ordinal(), st.ciLower()},
                        {OutcomeSheet.Col.HI.ordinal(), st.ciUpper()},
                        {OutcomeSheet.Col.W_COMMON.ordinal(), st.weightCommon()},
                        {OutcomeSheet.Col.W_RANDOM.ordinal(), st.weightRandom()}};
                    for (double[] pr : pairs) {
                        Cell c = row.getCell((int) pr[0]);
                        boolean clopperPearson = r.settings().measure().isProportion()
                                && (pr[0] == OutcomeSheet.Col.LO.ordinal() || pr[0] == OutcomeSheet.Col.HI.ordinal());
                        if (!Double.isFinite(pr[1]) || clopperPearson) {
                            continue;
                        }
                        assertNotNull(c, a.outcome() + " / " + st.study() + " column " + (int) pr[0]);
                        assertEquals(CellType.FORMULA, c.getCellType(), "live formula expected");
                        double got = value.applyAsDouble(c);
                        if (Math.abs(got - pr[1]) > 1e-9 * Math.max(1, Math.abs(pr[1]))) {
                            problems.add(String.format(Locale.ROOT, "%s / %s col %d: workbook %s, engine %s",
                                    name(a), st.study(), (int) pr[0], got, pr[1]));
                        }
                        checked++;
                    }
                }
                checked += comparePooled(s, a, at, value, problems);
            }
        }
        assertEquals(List.of(), problems);
        return checked;
    }

    private static String name(Analysis a) {
        return a.outcome() + (a.subgroup() == null ? "" : " [" + a.subgroup().variable() + ": "
                + a.subgroup().level() + "]");
    }

    /** A block's pooled rows' live formulas (estimate, interval, tau2, Q) against its analysis. */
    private static int comparePooled(Sheet s, Analysis a, OutcomeSheet.Places at,
                                     java.util.function.ToDoubleFunction<Cell> value, List<String> problems) {
        int checked = 0;
        for (int rowIndex : new int[] {at.commonRow(), at.randomRow()}) {
            Row row = rowIndex < 0 ? null : s.getRow(rowIndex);
            Cell label = row == null ? null : row.getCell(0);
            if (label == null || label.getCellType() != CellType.STRING) {
                continue;
            }
            String text = label.getStringCellValue();
            double[] expected;
            if (text.startsWith("Common effect (")) {
                var c = a.common();
                expected = new double[] {c.estimate(), c.ciLower(), c.ciUpper(), c.p(), Double.NaN,
                    a.heterogeneity() == null ? Double.NaN : a.heterogeneity().q()};
            } else if (text.startsWith("Random effects (")) {
                var rr = a.random();
                expected = new double[] {rr.estimate(), rr.ciLower(), rr.ciUpper(), rr.p(), rr.tau2(), Double.NaN,
                    rr.piLower(), rr.piUpper()};
            } else {
                problems.add(name(a) + ": row " + (rowIndex + 1) + " is '" + text + "', not a pooled row");
                continue;
            }
            int[] cols = {2, 3, 4, 5, 6, 8, 11, 12};
            for (int j = 0; j < expected.length; j++) {
                Cell c = row.getCell(cols[j]);
                if (c == null || c.getCellType() != CellType.FORMULA || !Double.isFinite(expected[j])) {
                    continue;
                }
                double got = value.applyAsDouble(c);
                if (Math.abs(got - expected[j]) > 1e-9 * Math.max(1, Math.abs(expected[j]))) {
                    problems.add(String.format(Locale.ROOT, "%s / %s col %d: workbook %s, engine %s",
                            name(a), text, cols[j], got, expected[j]));
                }
                checked++;
            }
        }
        return checked;
    }

    /** The sheets that are not an outcome's. */
    private static final Set<String> NOT_OUTCOMES = Set.of(Workbook.SUMMARY, Workbook.DATA, Workbook.METHODS,
            Workbook.WARNINGS, Workbook.SENSITIVITY, Workbook.FINDINGS, Workbook.ROUTE_SOURCE);

    private static Sheet outcomeSheet(XSSFWorkbook wb, String outcome) {
        for (Sheet s : wb) {
            Row r0 = s.getRow(0);
            if (r0 != null && r0.getCell(0) != null && r0.getCell(0).getCellType() == CellType.STRING
                    && r0.getCell(0).getStringCellValue().equals(outcome) && !NOT_OUTCOMES.contains(s.getSheetName())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void structureSheetsImagesDataAndMethods() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertEquals(Workbook.SUMMARY, wb.getSheetName(0));
            long outcomes = lastResults.analyses().stream().filter(a -> a.subgroup() == null).count();
            assertEquals(outcomes + 7, wb.getNumberOfSheets());
            for (String name : List.of(Workbook.DATA, Workbook.METHODS, Workbook.WARNINGS, Workbook.SENSITIVITY,
                    Workbook.FINDINGS, Workbook.ROUTE_SOURCE)) {
                assertNotNull(wb.getSheet(name), name);
            }
            assertEquals(outcomes, wb.getAllPictures().size(), "one forest plot per outcome sheet");
            var summary = wb.getSheet(Workbook.SUMMARY);
            // each plot anchored by its cell and its size, with the PNG's aspect ratio: two anchor cells are resolved
            // with each program's own column widths (LibreOffice without Calibri drew the plots 30% too wide)
            int anchored = 0;
            for (Sheet sheet : wb) {
                var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing == null) {
                    continue;
                }
                var ct = drawing.getCTDrawing();
                assertEquals(0, ct.sizeOfTwoCellAnchorArray(), sheet.getSheetName());
                for (var one : ct.getOneCellAnchorArray()) {
                    anchored++;
                    byte[] png = drawing.getRelationById(one.getPic().getBlipFill().getBlip().getEmbed())
                            .getPackagePart().getInputStream().readAllBytes();
                    double aspect = (double) java.nio.ByteBuffer.wrap(png, 16, 8).getInt()
                            / java.nio.ByteBuffer.wrap(png, 20, 4).getInt();
                    assertEquals(aspect, (double) one.getExt().getCx() / one.getExt().getCy(), aspect * 0.01,
                            sheet.getSheetName());
                    assertEquals(9_144_000, one.getExt().getCx(), 9_144, "10 inches wide: " + sheet.getSheetName());
                }
            }
            assertEquals(outcomes, anchored);
            assertNotNull(summary.getCTWorksheet().getAutoFilter(), "filters on the summary");
            assertNotNull(summary.getPaneInformation(), "frozen header");
            Sheet data = wb.getSheet(Workbook.DATA);
            List<String> heads = new ArrayList<>();
            data.getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
            int route = heads.indexOf("route");
            assertEquals("route (normalised)", heads.get(route + 1));
            assertEquals("cell_source (normalised)", heads.get(heads.indexOf("cell_source") + 1));
            assertTrue(heads.contains("source"), "the source column is kept");
            assertEquals(lastResults.rows() + 1, data.getPhysicalNumberOfRows());
            String methods = sheetText(wb.getSheet(Workbook.METHODS));
            assertTrue(methods.contains("abc123"), "input SHA-256 stated");
            assertTrue(methods.contains("Greenland S, Robins JM"), "MH RR citation");
            assertTrue(methods.contains("Viechtbauer W. Bias and efficiency"), "REML citation");
            assertTrue(methods.contains("For each of"), "methods paragraph");
            assertTrue(methods.contains("Sensitivity analyses\tEgger's and Begg's tests and trim and fill from 3 studies;"
                    + " leave-one-out, cumulative and zero-event analyses of outcomes with at most 200 studies (the"
                    + " GLMM's leave-one-out and cumulative refits only with all) (auto)"), methods);
            assertTrue(methods.contains("Conventions followed\tmetafor\t\n"), methods);
            assertFalse(methods.contains("(--"), "no command-line option in the co-authors' Methods sheet: " + methods);
            // the settings' values within the page: the sensitivity analyses wrap in a taller row, and a number sits at
            // the left of its column like the texts (it was at the column's far end, 100 characters to the right)
            int settingsChecked = 0;
            for (var row : wb.getSheet(Workbook.METHODS)) {
                var label = row.getCell(0);
                var value = row.getCell(1);
                if (label == null || value == null) {
                    continue;
                }
                switch (label.getStringCellValue()) {
                    case "Sensitivity analyses" -> {
                        settingsChecked++;
                        assertTrue(value.getCellStyle().getWrapText(), "wrapped");
                        assertTrue(row.getHeightInPoints() > wb.getSheet(Workbook.METHODS).getDefaultRowHeightInPoints(),
                                "two lines");
                    }
                    case "Data rows", "Confidence level" -> {
                        settingsChecked++;
                        assertEquals(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT,
                                value.getCellStyle().getAlignment());
                    }
                    default -> { }
                }
            }
            assertEquals(3, settingsChecked);
            assertTrue(methods.contains("Meta-regression moderators\t(none)"), methods);
            assertTrue(methods.contains("Outcomes selected\t(all)"), methods);
            String warnings = sheetText(wb.getSheet(Workbook.WARNINGS));
            assertTrue(warnings.contains("no events (or only events) in both arms"), warnings);
            int ofAnOutcome = 0;
            for (var row : wb.getSheet(Workbook.WARNINGS)) {
                String outcome = row.getCell(1) == null ? "" : row.getCell(1).getStringCellValue();
                if (row.getRowNum() > 0 && !outcome.equals("(all)") && !outcome.isEmpty()) {
                    ofAnOutcome++;
                    assertFalse(row.getCell(2).getStringCellValue().startsWith(outcome + ":"),
                            "the Notice column repeats the Outcome column: " + row.getCell(2).getStringCellValue());
                }
            }
            assertTrue(ofAnOutcome > 5, ofAnOutcome + " notices of an outcome");
        }
    }

    /** The Methods sheet names every outcome selected (it named the first of two) and the moderators. */
    @Test
    void theMethodsSheetNamesTheOutcomesAndModeratorsSelected() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS.withOutcomes(List.of("Death", "Fever"))
                .withModerators(List.of("year")));
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            String methods = sheetText(wb.getSheet(Workbook.METHODS));
            assertTrue(methods.contains("Outcomes selected\tDeath; Fever"), methods);
            assertTrue(methods.contains("Meta-regression moderators\tyear"), methods);
        }
    }

    /**
     * Every sheet prints landscape on A4 at the width of its pages: the Summary and the outcome sheets two pages
     * across, with their heading rows (and the Summary's first three columns) on every page; an outcome sheet's 27
     * columns on one page printed at a third of their size.
     */
    @Test
    void everySheetPrintsLandscapeOnA4TheWideOnesTwoPagesAcross() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            int outcomeSheets = 0;
            for (Sheet s : wb) {
                String name = s.getSheetName();
                assertTrue(s.getFitToPage() && s.getPrintSetup().getLandscape(), name);
                assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize(),
                        name);
                assertEquals(0, s.getPrintSetup().getFitHeight(), name + ": as many pages down as it takes");
                boolean outcome = !NOT_OUTCOMES.contains(name);
                outcomeSheets += outcome ? 1 : 0;
                if (name.equals(Workbook.SUMMARY)) {
                    assertEquals(2, s.getPrintSetup().getFitWidth());
                    assertEquals("1:1", rows(s.getRepeatingRows()));
                    assertEquals(new org.apache.poi.ss.util.CellRangeAddress(-1, -1, 0, 2), s.getRepeatingColumns());
                } else if (outcome) {
                    assertEquals(2, s.getPrintSetup().getFitWidth(), name);
                    Row head = s.getRow(s.getRepeatingRows().getFirstRow());
                    assertEquals("Study", head.getCell(0).getStringCellValue(), name + ": the study table's heads");
                } else {
                    assertEquals(1, s.getPrintSetup().getFitWidth(), name);
                }
            }
            assertEquals(lastResults.outcomes().size(), outcomeSheets);
        }
    }

    private static String rows(org.apache.poi.ss.util.CellRangeAddress r) {
        return (r.getFirstRow() + 1) + ":" + (r.getLastRow() + 1);
    }

    /**
     * Headers read whole: in every sheet each header's unbreakable pieces fit its column (no "Interactio" / "n",
     * no "DerSimonia" / "n-Laird") and its row is as tall as its lines (a wrapped header in a row of one line's
     * height is drawn over the row above); on the route x cell source sheet the reference levels and reasons wrap in
     * a column of their own, each row tall enough for its lines, instead of running on to the right of the page.
     */
    @Test
    void headersFitTheirColumnsAndRowsAndReasonsWrap() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            int headers = 0;
            for (Sheet s : wb) {
                var merged = s.getMergedRegions();
                for (var row : s) {
                    for (var cell : row) {
                        var style = cell.getCellStyle();
                        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                                || style.getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType
                                .SOLID_FOREGROUND || !style.getWrapText()) {
                            continue;
                        }
                        headers++;
                        String text = cell.getStringCellValue();
                        int last = cell.getColumnIndex();
                        for (var m : merged) {
                            if (m.isInRange(cell)) {
                                last = m.getLastColumn();
                            }
                        }
                        int chars = 0;
                        for (int c = cell.getColumnIndex(); c <= last; c++) {
                            chars += s.getColumnWidth(c) / 256;
                        }
                        String where = s.getSheetName() + "!" + cell.getAddress() + " '" + text + "'";
                        for (String piece : Cells.pieces(text)) {
                            assertTrue(piece.strip().length() <= chars, where + ": '" + piece.strip() + "' in "
                                    + chars + " characters");
                        }
                        int lines = Cells.lines(text, chars);
                        assertTrue(row.getHeightInPoints() >= lines * s.getDefaultRowHeightInPoints() - 1e-9,
                                where + ": " + lines + " lines in a row of " + row.getHeightInPoints() + " pt");
                    }
                }
            }
            assertTrue(headers > 300, headers + " headers");
            Sheet routes = wb.getSheet(Workbook.ROUTE_SOURCE);
            int reasons = 0;
            for (var row : routes) {
                var cell = row.getCell(13);
                if (cell == null || row.getCell(0) == null || !row.getCell(0).getStringCellValue().startsWith("Route")
                        || cell.getCellStyle().getFillPattern() != org.apache.poi.ss.usermodel.FillPatternType
                        .NO_FILL) {
                    continue;
                }
                reasons++;
                String text = cell.getStringCellValue();
                assertTrue(cell.getCellStyle().getWrapText(), "wrapped: " + text);
                double lines = Math.ceil(text.length() / 65.0);
                assertTrue(row.getHeightInPoints() >= lines * routes.getDefaultRowHeightInPoints() - 1e-9,
                        text.length() + " characters in a row of " + row.getHeightInPoints() + " pt");
            }
            assertTrue(reasons > 20, reasons + " reasons and reference levels");
            assertEquals(60, routes.getColumnWidth(13) / 256);
        }
    }

    /**
     * The Route x cell source sheet gives the reason an interaction is not estimable once, on the model's row: the
     * note that says the same in results.json's notes is not printed under it again.
     */
    @Test
    void theInteractionsReasonIsGivenOnce() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet routes = wb.getSheet(Workbook.ROUTE_SOURCE);
            int models = 0;
            for (var row : routes) {
                var first = row.getCell(0);
                if (first != null && first.getStringCellValue().equals("Route x cell source")
                        && row.getCell(13) != null && row.getCell(13).getStringCellValue().startsWith("not estimable")) {
                    models++;
                }
            }
            assertTrue(models > 20, models + " interaction models not estimable, each with its reason");
            String text = sheetText(routes);
            assertFalse(text.contains("interaction is not estimable"), "the reason again as a note");
            assertTrue(text.contains("of the 6 combinations of route and cell source have no study"),
                    "the other notes stay");
        }
    }

    /**
     * The Warnings sheet's notices and the Methods sheet's references wrap in their column, each row tall enough for
     * its lines (they ran over the rows above and below in LibreOffice's print) and the labels beside them level with
     * their first line.
     */
    @Test
    void longNoticesAndReferencesWrapInRowsTallEnough() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            int tall = 0;
            for (String[] sheetAndColumn : new String[][] {{Workbook.WARNINGS, "2", "120"}, {Workbook.METHODS, "1", "110"}}) {
                Sheet s = wb.getSheet(sheetAndColumn[0]);
                int col = Integer.parseInt(sheetAndColumn[1]);
                assertEquals(Integer.parseInt(sheetAndColumn[2]), s.getColumnWidth(col) / 256);
                for (var row : s) {
                    var cell = row.getCell(col);
                    if (cell == null || !cell.getCellStyle().getWrapText() || s.getMergedRegions().stream()
                            .anyMatch(m -> m.isInRange(cell))) {
                        continue;
                    }
                    String text = cell.getStringCellValue();
                    // as many lines as a column of that many digits' width takes of text, a twelfth wider
                    int lines = Cells.lines(text, s.getColumnWidth(col) / 256 * 13 / 12);
                    String where = s.getSheetName() + "!" + cell.getAddress() + " (" + text.length() + " characters)";
                    assertTrue(row.getHeightInPoints() >= lines * s.getDefaultRowHeightInPoints() - 1e-9,
                            where + ": " + lines + " lines in a row of " + row.getHeightInPoints() + " pt");
                    if (lines > 1) {
                        tall++;
                        assertEquals(org.apache.poi.ss.usermodel.VerticalAlignment.TOP,
                                cell.getCellStyle().getVerticalAlignment(), where);
                        assertEquals(org.apache.poi.ss.usermodel.VerticalAlignment.TOP,
                                row.getCell(0).getCellStyle().getVerticalAlignment(), where + ": its label");
                    }
                }
            }
            assertTrue(tall > 5, tall + " rows of more than one line");
        }
    }

    /**
     * Recalculated, no formula of the workbook gives a spreadsheet error, on the example and the extreme sheet, under
     * the default settings and those whose pooled rows are live formulas (DerSimonian-Laird, with and without
     * Hartung-Knapp; inverse variance): where no control arm has an event the Mantel-Haenszel weights sum to 0, and the
     * common weight's share is left empty (LibreOffice showed #DIV/0! in it); an outcome of one study has tau2 0, not
     * DerSimonian-Laird's 0/0.
     */
    @Test
    void noFormulaGivesAnErrorWhenRecalculated() throws Exception {
        Path extreme = org.mscmeta.invariants.ExtremeSheet.write(dir.resolve("extreme.csv"));
        int emptyShares = 0;
        List<Settings> grid = List.of(Settings.DEFAULTS, Settings.DEFAULTS.withTau2(TauSquared.DL),
                Settings.DEFAULTS.withTau2(TauSquared.DL).withHksj(true),
                Settings.DEFAULTS.withMeasure(Measure.OR).withMethod(Method.IV).withTau2(TauSquared.DL),
                Settings.DEFAULTS.withMeasure(Measure.RD).withTau2(TauSquared.DL).withHksj(true));
        for (Path input : List.of(ReportFilesTest.exampleSheet(), extreme)) {
            for (Settings settings : grid) {
                emptyShares += assertNoFormulaError(write(input, settings), input + " " + settings);
            }
        }
        assertTrue(emptyShares > 0, "the extreme sheet has outcomes without control events");
    }

    /** Evaluates every formula of {@code xlsx}, asserting none gives an error; returns the empty weight shares. */
    private static int assertNoFormulaError(Path xlsx, String what) throws Exception {
        int emptyShares = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (Sheet s : wb) {
                for (var row : s) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
                            continue;
                        }
                        formulas++;
                        var v = ev.evaluate(cell);
                        assertNotEquals(org.apache.poi.ss.usermodel.CellType.ERROR, v.getCellType(), what + ": "
                                + s.getSheetName() + "!" + cell.getAddress() + ": " + cell.getCellFormula());
                        if (v.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && cell.getCellFormula().startsWith("IF(SUM(")) {
                            emptyShares++;
                            assertEquals("", v.getStringValue());
                        }
                    }
                }
            }
            assertTrue(formulas > 100, what + ": " + formulas + " formulas");
        }
        return emptyShares;
    }

    /**
     * On the extreme sheet a ratio's bound is shown as a spreadsheet shows it with its number format: never "0.000"
     * for a bound above 0 and never more digits than the column holds (a random-effects CI ran from 0.000 to
     * 3648740.612, over the next column); the Summary's tests for subgroup differences name their model in a
     * column wide enough for it; a difference keeps 0.000.
     */
    @Test
    void ratiosAtTheExtremesAreShownInScientificNotationAndModelNamesFit() throws Exception {
        Path extreme = org.mscmeta.invariants.ExtremeSheet.write(dir.resolve("extreme.csv"));
        org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT);
        shown.setUseCachedValuesForFormulaCells(true); // a formula's value as shown
        Path xlsx = write(extreme, Settings.DEFAULTS);
        int tiny = 0;
        int huge = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet s = wb.getSheet(Workbook.SUMMARY);
            Row head = s.getRow(0);
            for (Row row : s) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                if (row.getCell(0) == null || row.getCell(0).getStringCellValue().startsWith("Tests for")) {
                    break;
                }
                for (Cell c : row) {
                    String h = head.getCell(c.getColumnIndex()).getStringCellValue();
                    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType()
                            : c.getCellType();
                    if (type != CellType.NUMERIC || !(h.startsWith("CI ") || h.contains(" RR ")
                            || h.startsWith("Prediction"))) {
                        continue;
                    }
                    String text = shown.formatCellValue(c);
                    double v = c.getNumericCellValue();
                    assertNotEquals("0.000", text, "row " + (row.getRowNum() + 1) + ", " + h + ": " + v);
                    assertTrue(text.length() <= 9, "row " + (row.getRowNum() + 1) + ", " + h + ": " + text);
                    assertEquals(v, Double.parseDouble(text), Math.max(Math.abs(v) * 0.01, 0.0005), text);
                    tiny += v < 0.001 ? 1 : 0;
                    huge += v >= 100000 ? 1 : 0;
                }
            }
            assertTrue(tiny > 0 && huge > 0, tiny + " tiny and " + huge + " huge bounds");
            int widthChars = s.getColumnWidth(2) / 256;
            int tests = 0;
            for (Row row : s) {
                Cell model = row.getCell(2);
                if (model != null && model.getCellType() == CellType.STRING
                        && model.getStringCellValue().contains("effect")) {
                    tests++;
                    assertTrue(model.getStringCellValue().length() < widthChars, model.getStringCellValue()
                            + " in a column of " + widthChars + " characters");
                }
            }
            assertTrue(tests > 0);
            // every number of four decimals fits its column, the tests' Q (133.5580) below the k column included: a
            // spreadsheet shows "###" for one that does not
            int fourDecimals = 0;
            for (Row row : s) {
                for (Cell c : row) {
                    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType()
                            : c.getCellType();
                    if (type == CellType.NUMERIC && "0.0000".equals(c.getCellStyle().getDataFormatString())) {
                        fourDecimals++;
                        String text = shown.formatCellValue(c);
                        assertTrue(text.length() < s.getColumnWidth(c.getColumnIndex()) / 256, "row "
                                + (row.getRowNum() + 1) + ", column " + (c.getColumnIndex() + 1) + ": " + text
                                + " in " + s.getColumnWidth(c.getColumnIndex()) / 256 + " characters");
                    }
                }
            }
            assertTrue(fourDecimals > 0);
        }
        // the pooled rows' labels fit the study column of each outcome sheet: the k cell beside them cut "Random
        // effects (Paule-Mandel, Hartung-Knapp)" to "Random effects (Paule-Mandel, Hartu"
        Path pm = write(extreme, Settings.DEFAULTS.withTau2(TauSquared.PM).withHksj(true));
        int labels = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(pm.toFile())) {
            for (Sheet s : wb) {
                for (Row row : s) {
                    Cell label = row.getCell(0);
                    if (label != null && label.getCellType() == CellType.STRING && row.getCell(1) != null
                            && label.getStringCellValue().matches("(Common effect|Random effects) \\(.*\\)")) {
                        labels++;
                        assertTrue(label.getStringCellValue().length() < s.getColumnWidth(0) / 256, s.getSheetName()
                                + ", row " + (row.getRowNum() + 1) + ": " + label.getStringCellValue() + " in "
                                + s.getColumnWidth(0) / 256 + " characters");
                    }
                }
            }
        }
        assertTrue(labels > 10, labels + " pooled rows");
        // and the zero-event methods the Sensitivity sheet (its measure beside each): "Inverse variance,
        // double-zero studies inclu"
        int methods = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(pm.toFile())) {
            Sheet s = wb.getSheet(Workbook.SENSITIVITY);
            for (Row row : s) {
                Cell measure = row.getCell(1);
                if (measure != null && measure.getCellType() == CellType.STRING
                        && measure.getStringCellValue().matches("RR|OR|RD")) {
                    methods++;
                    String method = row.getCell(0).getStringCellValue();
                    assertTrue(method.length() < s.getColumnWidth(0) / 256, method);
                }
            }
        }
        assertTrue(methods > 5, methods + " zero-event rows");
        Path rd = write(extreme, Settings.DEFAULTS.withMeasure(Measure.RD));
        try (XSSFWorkbook wb = new XSSFWorkbook(rd.toFile())) {
            Cell est = wb.getSheet(Workbook.SUMMARY).getRow(1).getCell(9);
            assertEquals("0.000", est.getCellStyle().getDataFormatString(), "a difference: " + shown
                    .formatCellValue(est));
        }
    }

    /**
     * Under a proportion measure the summary-of-findings sheet is one sentence, as in the manuscript kit (whose
     * figure is not drawn): it was a table with a row of "not estimable" per outcome under a note about control-arm
     * risks that do not exist.
     */
    @Test
    void aProportionMeasuresSummaryOfFindingsSheetIsOneSentence() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS.withMeasure(Measure.PLOGIT));
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet f = wb.getSheet(Workbook.FINDINGS);
            assertEquals(1, f.getLastRowNum(), sheetText(f));
            assertEquals("Not estimable: a summary of findings compares MSC with control, and this run pools the MSC"
                    + " arms alone. The pooled incidence of each outcome among MSC recipients is on the Summary sheet.",
                    f.getRow(1).getCell(0).getStringCellValue());
            assertFalse(sheetText(f).contains("Risk with control"), sheetText(f));
        }
    }

    /**
     * Under a proportion measure the Summary, Sensitivity and Route x cell source sheets head the pooled estimates by
     * what they are, a proportion: they said "Common PLOGIT (inverse variance)", "PFT", the option's name for the
     * transformation pooled, above proportions on the natural scale.
     */
    @Test
    void aProportionsColumnsSayProportionNotTheTransformationsOptionName() throws Exception {
        for (Measure m : List.of(Measure.PLOGIT, Measure.PFT)) {
            Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS.withMeasure(m));
            try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
                List<String> heads = new ArrayList<>();
                wb.getSheet(Workbook.SUMMARY).getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
                assertTrue(heads.contains("Common proportion (inverse variance)"), heads.toString());
                assertTrue(heads.contains("Random proportion (REML)"), heads.toString());
                for (Sheet sheet : wb) {
                    if (!sheet.getSheetName().equals(Workbook.METHODS) && !sheet.getSheetName().equals(Workbook.DATA)) {
                        assertFalse(sheetText(sheet).contains(m.name()), sheet.getSheetName() + ": "
                                + sheetText(sheet));
                    }
                }
            }
        }
    }

    /**
     * Under --hksj an outcome of one study is fitted with its own z interval (as metafor: results.json's
     * {@code "hksj": false}); its pooled row in the outcome sheet named it "Hartung-Knapp" all the same, and the
     * Summary, whose heading names Hartung-Knapp for the run, did not say which rows have a z interval.
     */
    @Test
    void aPooledRowOfOneStudyIsNotCalledHartungKnapp() throws Exception {
        Path sheet = dir.resolve("hk-one.csv");
        Files.writeString(sheet, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Death,6,21,6,24\nB,Death,41,99,44,99\nC,Death,3,16,1,14\nC,Fever,3,16,1,14\n");
        Path xlsx = write(sheet, Settings.DEFAULTS.withTau2(TauSquared.PM).withHksj(true));
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertEquals(List.of("Random effects (Paule-Mandel, Hartung-Knapp)"), randomLabels(wb.getSheet("Death")));
            assertEquals(List.of("Random effects (Paule-Mandel)"), randomLabels(wb.getSheet("Fever")));
            Sheet summary = wb.getSheet(Workbook.SUMMARY);
            List<String> heads = new ArrayList<>();
            summary.getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
            assertTrue(heads.contains("Random RR (Paule-Mandel, Hartung-Knapp)"), heads.toString());
            int notes = heads.indexOf("Not estimable");
            Map<String, String> byOutcome = new LinkedHashMap<>();
            for (int i = 1; i <= 2; i++) {
                var row = summary.getRow(i);
                var cell = row.getCell(notes);
                byOutcome.put(row.getCell(0).getStringCellValue(), cell == null ? "" : cell.getStringCellValue());
            }
            // Death (k = 3) has its prediction interval; Fever's blank prediction cells say why
            assertEquals(Map.of("Death", "", "Fever", "random effects: Hartung-Knapp not estimable with one study:"
                    + " that study's own z interval is shown; prediction interval not estimable (k < 3)"), byOutcome);
        }
        assertFalse(lastResults.analyses().stream().filter(a -> a.outcome().equals("Fever")).findFirst()
                .orElseThrow().random().hksj(), "metafor gives one study its z interval");
    }

    /**
     * A random-effects row without a prediction interval (k < 3) says why its blank prediction cells are blank, in
     * the Summary and on the outcome's sheet, as results.json's {@code pi_not_estimable} and the console do; a row
     * with one says nothing of it. Before, both sheets left the cells blank without a word.
     */
    @Test
    void blankPredictionCellsSayWhy() throws Exception {
        Path sheet = dir.resolve("pi.csv");
        Files.writeString(sheet, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Death,6,21,6,24\nB,Death,41,99,44,99\nC,Death,3,16,1,14\nA,Fever,3,16,1,14\nB,Fever,5,20,2,21\n");
        try (XSSFWorkbook wb = new XSSFWorkbook(write(sheet, Settings.DEFAULTS).toFile())) {
            Sheet summary = wb.getSheet(Workbook.SUMMARY);
            List<String> heads = new ArrayList<>();
            summary.getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
            Map<String, String> reasons = new LinkedHashMap<>();
            for (int i = 1; i <= 2; i++) {
                Cell c = summary.getRow(i).getCell(heads.indexOf("Not estimable"));
                reasons.put(summary.getRow(i).getCell(0).getStringCellValue(), c == null ? "" : c.getStringCellValue());
            }
            assertEquals(Map.of("Death", "", "Fever", "prediction interval not estimable (k < 3)"), reasons);
            for (String outcome : List.of("Death", "Fever")) {
                Row random = rowStartingWith(wb.getSheet(outcome), randomLabels(wb.getSheet(outcome)).get(0));
                String note = random.getCell(random.getLastCellNum() - 1).getStringCellValue();
                assertEquals(outcome.equals("Fever"), note.endsWith("; prediction interval not estimable (k < 3)"),
                        outcome + ": " + note);
            }
        }
    }

    /** Under --hksj a route x cell-source model that fits its studies exactly has no F, and its row says why. */
    @Test
    void anExactFitsRowSaysWhyItHasNoF() throws Exception {
        Path sheet = dir.resolve("exact.csv");
        Files.writeString(sheet, "study,outcome,route,cell_source,events_msc,n_msc,events_control,n_control\n"
                + "Monsel,SAE,intravenous,umbilical cord,6,21,6,24\nKuah,SAE,intra-articular,adipose,0,16,0,4\n"
                + "Lee,SAE,intra-articular,adipose,0,12,0,12\nZhao,SAE,intravenous,unknown,41,99,44,99\n");
        Settings s = Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.RD).withMethod(Method.IV)
                .withTau2(TauSquared.PM).withHksj(true).withConvention(org.mscmeta.effect.Convention.META);
        try (XSSFWorkbook wb = new XSSFWorkbook(write(sheet, s).toFile())) {
            Row main = rowStartingWith(wb.getSheet(Workbook.ROUTE_SOURCE), "Route + cell source");
            assertEquals(null, main.getCell(3), "no F");
            assertTrue(main.getCell(13).getStringCellValue().endsWith("; F not estimable: the model fits the studies"
                    + " exactly, so the Knapp-Hartung scale is 0"), main.getCell(13).getStringCellValue());
        }
    }

    /** The Summary says why a Hartung-Knapp model of studies with identical effects has no p-value. */
    @Test
    void theSummarySaysWhyIdenticalEffectsHaveNoHartungKnappTest() throws Exception {
        Path sheet = dir.resolve("twins.csv");
        Files.writeString(sheet, "study,outcome,events_msc,n_msc,events_control,n_control\nA,SAE,1,10,2,10\n"
                + "B,SAE,1,10,2,10\n");
        try (XSSFWorkbook wb = new XSSFWorkbook(write(sheet, Settings.DEFAULTS.withHksj(true)).toFile())) {
            Sheet summary = wb.getSheet(Workbook.SUMMARY);
            List<String> heads = new ArrayList<>();
            summary.getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
            String reason = summary.getRow(1).getCell(heads.indexOf("Not estimable")).getStringCellValue();
            assertTrue(reason.contains("random effects: t and p not estimable: the studies' effects are identical"),
                    reason);
        }
    }

    /**
     * The Route x cell source sheet says under --hksj that a combination of one study has its own z interval only
     * where such a combination exists (it said so of every run).
     */
    @Test
    void theOwnZIntervalSentenceOnlyWhereACombinationHasOneStudy() throws Exception {
        StringBuilder csv = new StringBuilder("study,route,cell_source,outcome,events_msc,n_msc,events_control,"
                + "n_control\n");
        int i = 0;
        for (String route : List.of("intravenous", "intrathecal")) {
            for (String source : List.of("bone marrow", "umbilical cord")) {
                for (int k = 0; k < 2; k++, i++) {
                    csv.append("S").append(i).append(',').append(route).append(',').append(source).append(",Death,")
                            .append(2 + i % 5).append(",30,").append(3 + i % 3).append(",30\n");
                }
            }
        }
        Path sheet = dir.resolve("two-per-combination.csv");
        Files.writeString(sheet, csv.toString());
        try (XSSFWorkbook wb = new XSSFWorkbook(write(sheet, Settings.DEFAULTS.withHksj(true)).toFile())) {
            String intro = wb.getSheet(Workbook.ROUTE_SOURCE).getRow(1).getCell(0).getStringCellValue();
            assertTrue(intro.endsWith("residual df of QE)."), intro);
            assertFalse(intro.contains("own z interval"), intro);
        }
        assertTrue(lastResults.analyses().get(0).routeBySource().cells().stream().allMatch(c -> c.k() == 2),
                "every combination has two studies");
    }

    /**
     * A refit step without an estimate says why under the estimate's heading, as results.json's step does: the
     * GLMM's one-study cumulative step had blank cells.
     */
    @Test
    void aRefitStepWithoutAnEstimateSaysWhy() throws Exception {
        Settings glmm = Settings.DEFAULTS.withOutcome("Death").withMeasure(Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM).withSensitivity(org.mscmeta.analysis.SensitivityMode.ALL);
        try (XSSFWorkbook wb = new XSSFWorkbook(write(Path.of("examples/msc_adverse_events.csv"), glmm).toFile())) {
            Row added = rowStartingWith(wb.getSheet(Workbook.SENSITIVITY), "Cumulative by year: added");
            Row lee = wb.getSheet(Workbook.SENSITIVITY).getRow(added.getRowNum() + 1);
            assertEquals("Lee 2010", lee.getCell(0).getStringCellValue());
            assertEquals("not estimable: the random-effects GLMM needs at least 2 studies (k = 1)",
                    lee.getCell(1).getStringCellValue());
        }
    }

    /**
     * Under Knapp-Hartung the meta-regression's and the route x cell-source models' tests are F tests on their df
     * and the residual df, as metafor's F(df1, df2): the sheets called them "QM" and "Chi²", and the coefficients'
     * t statistics "z". metafor (test = "knha", REML) on route_source_a with year as moderator: F(1, 46) = 1.7792.
     */
    @Test
    void knappHartungTestsAreCalledFWithTheirResidualDf() throws Exception {
        Path input = Path.of("src/test/resources/reference/data/route_source_a.csv");
        Settings hk = Settings.DEFAULTS.withHksj(true).withModerators(List.of("year"));
        try (XSSFWorkbook wb = new XSSFWorkbook(write(input, hk).toFile())) {
            Row reg = rowStartingWith(wb.getSheet(Workbook.SENSITIVITY), "Meta-regression (k = 48)");
            assertEquals("F", reg.getCell(3).getStringCellValue());
            assertEquals(1.7792209, reg.getCell(4).getNumericCellValue(), 1e-5);
            assertEquals(1, reg.getCell(6).getNumericCellValue());
            assertEquals("residual df", reg.getCell(11).getStringCellValue());
            assertEquals(46, reg.getCell(12).getNumericCellValue());
            Row terms = wb.getSheet(Workbook.SENSITIVITY).getRow(reg.getRowNum() + 1);
            assertEquals("t", terms.getCell(3).getStringCellValue());
            assertTrue(wb.getSheet(Workbook.ROUTE_SOURCE).getRow(1).getCell(0).getStringCellValue()
                    .endsWith("A combination of one study has that study's own z interval (Hartung-Knapp needs two)."));
            Row head = rowStartingWith(wb.getSheet(Workbook.ROUTE_SOURCE), "Model");
            assertEquals("F", head.getCell(3).getStringCellValue());
            assertEquals("Interaction F", head.getCell(10).getStringCellValue());
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(write(input, hk.withHksj(false)).toFile())) {
            Row reg = rowStartingWith(wb.getSheet(Workbook.SENSITIVITY), "Meta-regression (k = 48)");
            assertEquals("QM", reg.getCell(3).getStringCellValue());
            assertEquals(null, reg.getCell(11));
            assertEquals("z", wb.getSheet(Workbook.SENSITIVITY).getRow(reg.getRowNum() + 1).getCell(3)
                    .getStringCellValue());
            assertEquals("Interaction Chi\u00b2", rowStartingWith(wb.getSheet(Workbook.ROUTE_SOURCE), "Model")
                    .getCell(10).getStringCellValue());
        }
    }

    /** A small continuity correction is written as typed in the outcome sheet's heading ("1.0E-4" before). */
    @Test
    void aSmallContinuityCorrectionIsWrittenAsTyped() throws Exception {
        Path input = Path.of("src/test/resources/reference/data/bcg.csv");
        Settings s = Settings.DEFAULTS.withCc(0.0001, org.mscmeta.effect.CcMode.ONLY0);
        try (XSSFWorkbook wb = new XSSFWorkbook(write(input, s).toFile())) {
            String heading = wb.getSheet(lastResults.analyses().get(0).outcome()).getRow(1).getCell(0)
                    .getStringCellValue();
            assertTrue(heading.contains("continuity correction 0.0001 to "), heading);
        }
    }

    /**
     * Under the GLMM an outcome's sheet gives the mixed models' own tests for heterogeneity in its Q, df and p (Q)
     * columns, the numbers results.json gives (checked against metafor in MetaforReferenceTest), under fixed and under
     * random study effects.
     */
    @Test
    void aGlmmOutcomeSheetGivesTheMixedModelsTestsForHeterogeneity() throws Exception {
        Path bcg = Path.of("src/test/resources/reference/data/bcg.csv");
        Settings glmm = Settings.DEFAULTS.withMeasure(org.mscmeta.effect.Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(write(bcg, glmm)))) {
            var tests = lastResults.analyses().get(0).heterogeneity().glmm();
            Sheet s = outcomeSheet(wb, lastResults.outcomes().get(0));
            Row wald = rowStartingWith(s, "Wald test for heterogeneity, logistic models");
            Row lrt = rowStartingWith(s, "Likelihood-ratio test for heterogeneity, logistic models");
            assertEquals(tests.wald(), wald.getCell(OutcomeSheet.P_Q).getNumericCellValue(), 0);
            assertEquals(tests.waldP(), wald.getCell(OutcomeSheet.P_QP).getNumericCellValue(), 0);
            assertEquals(tests.lrt(), lrt.getCell(OutcomeSheet.P_Q).getNumericCellValue(), 0);
            assertEquals(tests.lrtP(), lrt.getCell(OutcomeSheet.P_QP).getNumericCellValue(), 0);
            assertEquals(12, lrt.getCell(OutcomeSheet.P_DF).getNumericCellValue(), 0);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(write(bcg, glmm.withGlmmModel("UM.RS"))))) {
            Sheet s = outcomeSheet(wb, lastResults.outcomes().get(0));
            var tests = lastResults.analyses().get(0).heterogeneity().glmm();
            assertTrue(tests.isEstimable(), "UM.RS tests: " + tests);
            assertEquals(tests.wald(), rowStartingWith(s, "Wald test for heterogeneity, logistic models")
                    .getCell(OutcomeSheet.P_Q).getNumericCellValue(), 0);
            assertEquals(tests.lrt(), rowStartingWith(s, "Likelihood-ratio test for heterogeneity, logistic models")
                    .getCell(OutcomeSheet.P_Q).getNumericCellValue(), 0);
        }
    }

    private static Row rowStartingWith(Sheet s, String text) {
        for (Row row : s) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row " + text + " in " + s.getSheetName());
    }

    private static List<String> randomLabels(Sheet s) {
        List<String> labels = new ArrayList<>();
        for (Row row : s) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().startsWith("Random effects (")) {
                labels.add(c.getStringCellValue());
            }
        }
        return labels;
    }

    /** Where a header breaks: at spaces and after hyphens, never inside a word. */
    @Test
    void headerLinesBreakAtSpacesAndAfterHyphens() {
        assertEquals(List.of("Q", " term", " (DerSimonian-", "Laird)"), Cells.pieces("Q term (DerSimonian-Laird)"));
        assertEquals(List.of("a-", "b-", " -", "c", " d-"), Cells.pieces("  a-b-  -c d- "));
        assertEquals(List.of("x-\ny", " z"), Cells.pieces("x-\ny z"));
        assertEquals(List.of(""), Cells.pieces(" "));
        assertEquals(3, Cells.lines("Q term (DerSimonian-Laird)", 14)); // "Q term" / "(DerSimonian-" / "Laird)"
        assertEquals(2, Cells.lines("Interaction Chi\u00b2", 13));
        assertEquals(1, Cells.lines("CI lower", 10));
        assertEquals(2, Cells.lines("Double-zero studies", 12)); // "Double-zero" / "studies"
    }

    /** The lock-free writer of streamed sheets passes on every character, in order, across its buffer's end. */
    @Test
    void unlockedWriterPassesEverythingOn() throws Exception {
        java.io.StringWriter sink = new java.io.StringWriter();
        StringBuilder expected = new StringBuilder();
        try (UnlockedWriter w = new UnlockedWriter(sink)) {
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 2_000; i++) {
                int kind = random.nextInt(4);
                String text = "x".repeat(random.nextInt(kind == 3 ? 40_000 : 50)) + "é" + i;
                switch (kind) {
                    case 0 -> w.write(text.charAt(0));
                    case 1 -> w.write(text);
                    case 2 -> w.write(text.toCharArray(), 1, text.length() - 1);
                    default -> w.write(text, 2, text.length() - 2);
                }
                expected.append(switch (kind) {
                    case 0 -> text.substring(0, 1);
                    case 1 -> text;
                    case 2 -> text.substring(1);
                    default -> text.substring(2);
                });
            }
        }
        assertEquals(expected.toString(), sink.toString());
    }

    @Test
    void pngSizeIsReadFromTheHeader() throws Exception {
        for (Path png : List.of(Path.of("reports", "plots", "ae-panel.png"),
                Path.of("reports", "plots", "forest-death.png"))) {
            var img = javax.imageio.ImageIO.read(png.toFile());
            assertArrayEquals(new int[] {img.getWidth(), img.getHeight()}, org.mscmeta.report.plot.DrawingFiles.pngSize(png), png.toString());
        }
        Path notPng = dir.resolve("x.png");
        Files.writeString(notPng, "GIF89a and then some bytes");
        assertThrows(java.io.IOException.class, () -> org.mscmeta.report.plot.DrawingFiles.pngSize(notPng));
    }

    /**
     * The Data sheet writes numbers as numbers, decimals too (a dose, a proportion: they were text, which a
     * spreadsheet flags and sorts as text); identifiers, codes with leading zeros and other text stay text.
     */
    @Test
    void theDataSheetWritesDecimalsAsNumbers() throws Exception {
        Path input = java.nio.file.Files.writeString(dir.resolve("decimals.csv"),
                "study,year,trial_id,outcome,events_msc,n_msc,events_control,n_control,dose_cells_per_kg,female,site\n"
                        + "A 2020,2020,NCT01,Fever,3,10,2,10,1.5,0.41,007\n"
                        + "B 2021,2021,NCT02,Fever,2,12,1,11,2,-0.5,12\n");
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Path xlsx = dir.resolve("decimals.xlsx");
        Workbook.write(sheet, MetaAnalysis.run(sheet, Settings.DEFAULTS), null, java.util.Map.of(), xlsx,
                Workbook.DATA_ROWS_MAX);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet data = wb.getSheet(Workbook.DATA);
            var header = data.getRow(0);
            java.util.Map<String, Integer> at = new java.util.HashMap<>();
            for (var c : header) {
                at.put(c.getStringCellValue(), c.getColumnIndex());
            }
            var a = data.getRow(1);
            var b = data.getRow(2);
            assertEquals(1.5, a.getCell(at.get("dose_cells_per_kg")).getNumericCellValue());
            assertEquals(2, b.getCell(at.get("dose_cells_per_kg")).getNumericCellValue());
            assertEquals(0.41, a.getCell(at.get("female")).getNumericCellValue());
            assertEquals(-0.5, b.getCell(at.get("female")).getNumericCellValue());
            assertEquals("NCT01", a.getCell(at.get("trial_id")).getStringCellValue());
            assertEquals("007", a.getCell(at.get("site")).getStringCellValue(), "a code with leading zeros stays text");
            assertEquals(12, b.getCell(at.get("site")).getNumericCellValue());
            assertEquals("A 2020", a.getCell(at.get("study")).getStringCellValue());
        }
    }

    /**
     * A proportion pools the MSC arm alone: the Summary had control totals of 0 (the sheet's controls had events),
     * no-double-zero counts and p-values of a test that the proportion is 50%, which the console and the plots do
     * not show; results.json had 0 control events. Now the Summary has no such columns and results.json and the
     * library's table have no control totals, while a comparative measure keeps them all.
     */
    @Test
    void aProportionHasNoControlTotalsAndNoNullTestInTheSummary() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null);
        for (Measure m : List.of(Measure.RR, Measure.PLOGIT)) {
            Results r = MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(m));
            Path xlsx = dir.resolve("summary-" + m + ".xlsx");
            Workbook.write(sheet, r, null, java.util.Map.of(), xlsx, Workbook.DATA_ROWS_MAX);
            List<String> heads = new ArrayList<>();
            boolean comparative = m == Measure.RR;
            try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
                for (Cell c : wb.getSheet("Summary").getRow(0)) {
                    heads.add(c.getStringCellValue().replace('\n', ' '));
                }
                // the outcome sheet's pooled rows: a p for the risk ratio, none for the proportion
                Sheet death = wb.getSheet("Death");
                int pooled = -1;
                for (Row x : death) {
                    if (x.getCell(0) != null && x.getCell(0).getCellType() == CellType.STRING
                            && x.getCell(0).getStringCellValue().equals("Pooled")) {
                        pooled = x.getRowNum();
                    }
                }
                assertTrue(pooled > 0);
                assertEquals(comparative ? "p" : "", death.getRow(pooled).getCell(5).getStringCellValue());
                for (int j = 1; j <= 2; j++) {
                    Cell p = death.getRow(pooled + j).getCell(5);
                    assertEquals(comparative, p != null && p.getCellType() != CellType.BLANK, m + " pooled row " + j);
                }
            }
            for (String h : List.of("Control events", "Control total", "p", "Double-zero studies excluded")) {
                assertEquals(comparative, heads.contains(h), m + ": " + h + " in " + heads);
            }
            assertTrue(heads.contains("MSC events") && heads.contains("MSC total"), heads.toString());
            Path out = Files.createDirectories(dir.resolve("json-" + m));
            Path json = org.mscmeta.report.ResultsJson.write(r, new RunInfo("in.csv", "abc123", "-"), out);
            var death = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.toFile())
                    .get("analyses").get(0);
            var table = org.mscmeta.tablesaw.ResultTables.analyses(r);
            if (comparative) {
                assertEquals(r.analyses().get(0).eventsControl(), death.get("events_control").asLong());
                assertTrue(death.get("events_control").asLong() > 0, death.toString());
                assertFalse(table.longColumn("n_control").isMissing(0));
            } else {
                assertTrue(death.get("events_control").isNull() && death.get("n_control").isNull(), death.toString());
                assertTrue(table.longColumn("events_control").isMissing(0));
                // each study row still lists its control counts as extracted
                assertTrue(death.get("studies").get(0).get("n_control").asInt() > 0, death.toString());
            }
        }
    }

    /**
     * A sheet of more rows than a worksheet holds: the Data sheet lists what fits and the Warnings sheet says so. Given
     * back as the input, such a workbook is refused (its analysis would leave the rows not listed out, without a word:
     * it was read as if they were all there), unless --sheet names the Data sheet, read then with a notice.
     */
    @Test
    void dataSheetBeyondAWorksheetsRowsSaysWhatItLeftOut() throws Exception {
        Path input = ReportFilesTest.exampleSheet();
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Results r = MetaAnalysis.run(sheet, Settings.DEFAULTS);
        Path xlsx = dir.resolve("limited.xlsx");
        Workbook.write(sheet, r, null, java.util.Map.of(), xlsx, 10);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertEquals(11, wb.getSheet(Workbook.DATA).getPhysicalNumberOfRows(), "header and 10 rows");
            String warnings = sheetText(wb.getSheet(Workbook.WARNINGS));
            assertTrue(warnings.contains("lists the first 10 of the " + sheet.size() + " input rows"), warnings);
        }
        var refused = assertThrows(org.mscmeta.sheet.InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(xlsx, null));
        assertTrue(refused.getMessage().contains("limited.xlsx, sheet 'Data': expected the input rows of a results"
                + " workbook, but this sheet lists only the first 10 of the " + sheet.size() + " input rows of the run"
                + " that wrote it (a worksheet holds no more), so an analysis of it would leave the others out"),
                refused.getMessage());
        ExtractionSheet named = SheetReader.withBuiltInVocabulary().read(xlsx, "Data");
        assertEquals(10, named.size());
        assertTrue(named.notices().stream().anyMatch(n -> n.message().equals("limited.xlsx, sheet 'Data': read as"
                + " named, but it lists only the first 10 of the " + sheet.size() + " input rows of the run that wrote"
                + " it (a worksheet holds no more): the analysis leaves the others out")), named.notices().toString());
        Workbook.write(sheet, r, null, java.util.Map.of(), xlsx, Workbook.DATA_ROWS_MAX);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            assertEquals(sheet.size() + 1, wb.getSheet(Workbook.DATA).getPhysicalNumberOfRows());
            assertFalse(sheetText(wb.getSheet(Workbook.WARNINGS)).contains("lists the first"));
        }
        assertEquals(sheet.size(), SheetReader.withBuiltInVocabulary().read(xlsx, null).size());
    }

    /**
     * The workbook names mscmeta as its author and application, with a title and its input (POI named itself, "Apache
     * POI", in Excel's File &gt; Info); given back as the input (a co-author's copy, a count edited on its Data
     * sheet), it is read from its Data sheet, the edit included, with one notice, not a list of its 29 outcome sheets
     * as "tables of counts not read". Both writers set the properties.
     */
    @Test
    void theWorkbookNamesItsAuthorAndIsReadBackFromItsDataSheetEditsIncluded() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        Results first = lastResults;
        String tool = "mscmeta " + org.mscmeta.Tool.version();
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            var core = wb.getProperties().getCoreProperties();
            assertEquals(tool, core.getCreator());
            assertEquals("Adverse events of mesenchymal stromal cells: meta-analysis workbook", core.getTitle());
            assertEquals("Computed from msc_adverse_events.csv", core.getSubject());
            assertEquals(tool, wb.getProperties().getExtendedProperties().getApplication());
        }
        ExtractionSheet back = SheetReader.withBuiltInVocabulary().read(xlsx, null);
        List<String> said = back.notices().stream().map(n -> n.message()).toList();
        assertTrue(said.contains("results.xlsx: a workbook mscmeta wrote: its sheet 'Data' was read, the input rows as"
                + " listed there (edits included); its other sheets hold results and were not read"), said.toString());
        assertTrue(said.contains("results.xlsx, sheet 'Data': columns 'Input row', 'cell_source (normalised)', 'route"
                + " (normalised)' are what mscmeta adds to the Data sheet of its workbook: not read, but made again by"
                + " this run"), said.toString());
        assertFalse(said.stream().anyMatch(m -> m.contains("table of counts too")), said.toString());
        Results again = MetaAnalysis.run(back, Settings.DEFAULTS);
        assertEquals(first.analyses().size(), again.analyses().size());
        for (int i = 0; i < first.analyses().size(); i++) {
            Analysis a = first.analyses().get(i);
            Analysis b = again.analyses().get(i);
            assertEquals(a.outcome(), b.outcome());
            assertEquals(a.k(), b.k(), a.outcome());
            if (a.common() != null && a.common().notEstimable() == null) {
                assertEquals(a.common().estimate(), b.common().estimate(), 1e-12, a.outcome());
            }
        }
        // a co-author's edit: the first row's MSC events one fewer, saved by a program that keeps the author
        Path edited = dir.resolve("edited.xlsx");
        int was;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet data = wb.getSheet(Workbook.DATA);
            int column = -1;
            for (Cell c : data.getRow(0)) {
                if (c.getStringCellValue().equals("events_msc")) {
                    column = c.getColumnIndex();
                }
            }
            Cell events = data.getRow(1).getCell(column);
            was = (int) events.getNumericCellValue();
            assumeTrue(was > 0);
            events.setCellValue(was - 1);
            try (var out = Files.newOutputStream(edited)) {
                wb.write(out);
            }
        }
        assertEquals(was - 1, SheetReader.withBuiltInVocabulary().read(edited, null).eventsMsc()[0]);
        // a count edited wrongly is refused naming the sheet: "row 2" alone sent a reader to the Summary's row 2
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet data = wb.getSheet(Workbook.DATA);
            for (Cell c : data.getRow(0)) {
                if (c.getStringCellValue().equals("events_msc")) {
                    data.getRow(1).getCell(c.getColumnIndex()).setCellValue(9999);
                }
            }
            try (var out = Files.newOutputStream(edited)) {
                wb.write(out);
            }
        }
        var refused = assertThrows(org.mscmeta.sheet.InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(edited, null));
        assertTrue(refused.getMessage().contains("edited.xlsx, sheet 'Data': row 2, column 'events_msc': found"
                + " \"9999\""), refused.getMessage());
        // a workbook of another author with the same sheets is read as any workbook is
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            wb.getProperties().getCoreProperties().setCreator("A co-author");
            try (var out = Files.newOutputStream(edited)) {
                wb.write(out);
            }
        }
        assertTrue(SheetReader.withBuiltInVocabulary().read(edited, null).notices().stream()
                .anyMatch(n -> n.message().contains("table of counts too")));
        // the streaming writer of registry-scale workbooks sets them too
        Path streamed = dir.resolve("streamed.xlsx");
        Workbook.write(SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null), first,
                new RunInfo("msc_adverse_events.csv", "abc123", "2026-11-23T00:00:00Z"), streamed, true);
        try (XSSFWorkbook wb = new XSSFWorkbook(streamed.toFile())) {
            assertEquals(tool, wb.getProperties().getCoreProperties().getCreator());
            assertEquals(tool, wb.getProperties().getExtendedProperties().getApplication());
        }
    }

    /**
     * The columns the run adds to the Data sheet (each row's input row, the route and cell source normalised) are
     * left out when that sheet is read back, and made again: they came back as input columns, so that a second
     * round's Data sheet had two 'Input row' columns and two of each normalised column, and their 'not reported'
     * marks gave a notice. A normalised value edited there (not in the column read) is said not to be read.
     */
    @Test
    void theColumnsTheRunAddsToTheDataSheetAreMadeAgainNotReadBack() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        ExtractionSheet original = SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null);
        ExtractionSheet back = SheetReader.withBuiltInVocabulary().read(xlsx, null);
        assertEquals(original.columns().stream().map(c -> c.name()).toList(),
                back.columns().stream().map(c -> c.name()).toList());
        assertEquals(original.route(), back.route());
        assertEquals(original.cellSource(), back.cellSource());
        assertFalse(back.notices().stream().anyMatch(n -> n.message().contains("not reported")),
                back.notices().toString());
        // a second round lists each column once, as the first did
        Path again = dir.resolve("again");
        Files.createDirectories(again);
        Path second = again.resolve("results.xlsx");
        Workbook.write(back, MetaAnalysis.run(back, Settings.DEFAULTS), new RunInfo("results.xlsx", "abc123",
                "2026-11-23T00:00:00Z"), Map.of(), second);
        assertEquals(header(xlsx), header(second));
        // named with --sheet, the Data sheet is read the same way
        assertEquals(original.columns().stream().map(c -> c.name()).toList(), SheetReader.withBuiltInVocabulary()
                .read(xlsx, "Data").columns().stream().map(c -> c.name()).toList());
        // a route corrected in its normalised column is not read, and a notice says where to correct it
        Path edited = dir.resolve("edited.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet data = wb.getSheet(Workbook.DATA);
            for (Cell c : data.getRow(0)) {
                if (c.getStringCellValue().equals("route (normalised)")) {
                    // made again, as a spreadsheet program saves an edited cell (POI would keep the inline string)
                    Row two = data.getRow(1);
                    two.removeCell(two.getCell(c.getColumnIndex()));
                    two.createCell(c.getColumnIndex()).setCellValue("intra-arterial");
                    // one emptied is not an edit of the route: nothing to say of it
                    Row three = data.getRow(2);
                    three.removeCell(three.getCell(c.getColumnIndex()));
                }
            }
            try (var out = Files.newOutputStream(edited)) {
                wb.write(out);
            }
        }
        ExtractionSheet read = SheetReader.withBuiltInVocabulary().read(edited, null);
        assertEquals(original.route().get(0), read.route().get(0));
        // the route as typed gone (its column now a comment): the normalised route is read in its place, edit and all
        Path noRoute = dir.resolve("no-route.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(edited))) {
            Row head = wb.getSheet(Workbook.DATA).getRow(0);
            for (int j = 0; j < head.getLastCellNum(); j++) {
                if (head.getCell(j).getStringCellValue().equals("route")) {
                    head.removeCell(head.getCell(j)); // made again, as a spreadsheet program saves an edited cell
                    head.createCell(j).setCellValue("comment");
                }
            }
            try (var out = Files.newOutputStream(noRoute)) {
                wb.write(out);
            }
        }
        ExtractionSheet standIn = SheetReader.withBuiltInVocabulary().read(noRoute, null);
        assertEquals("intra-arterial", standIn.route().get(0));
        assertEquals(original.route().get(2), standIn.route().get(2)); // (the second row's was emptied above)
        assertTrue(standIn.notices().stream().anyMatch(n -> n.message().equals("no-route.xlsx, sheet 'Data': column"
                + " 'route (normalised)' was read as the route, as the sheet has no route column of its own")),
                standIn.notices().toString());
        List<String> said = read.notices().stream().map(n -> n.message()).toList();
        assertTrue(said.contains("edited.xlsx, sheet 'Data': column 'route (normalised)' differs from the route read in"
                + " 1 row (first: row 2: 'intra-arterial', where column 'route' gives '" + original.route().get(0)
                + "'). 'route (normalised)' is made again from column 'route' on every run, and was not read: correct"
                + " the route there"), said.toString());
    }

    /**
     * The Data sheet saved as CSV by a co-author (no document properties left to know it by): its two normalised
     * columns and its 'Input row' are left out and made again, with a notice, as in the workbook; without the route
     * and cell source as typed, its normalised columns are read in their place (left out, the sheet had none); a
     * sheet with an 'Input row' column of its own, and no normalised columns, keeps it.
     */
    @Test
    void theDataSheetSavedAsCsvIsReadWithoutTheColumnsTheRunAdds() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        Path csv = dir.resolve("data.csv");
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile());
             de.siegmar.fastcsv.writer.CsvWriter out = de.siegmar.fastcsv.writer.CsvWriter.builder().build(csv)) {
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter(
                    Locale.ROOT);
            Sheet data = wb.getSheet(Workbook.DATA);
            int columns = data.getRow(0).getLastCellNum();
            for (Row row : data) {
                List<String> cells = new ArrayList<>();
                for (int j = 0; j < columns; j++) {
                    cells.add(row.getCell(j) == null ? "" : text.formatCellValue(row.getCell(j)));
                }
                out.writeRecord(cells);
            }
        }
        ExtractionSheet original = SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null);
        ExtractionSheet back = SheetReader.withBuiltInVocabulary().read(csv, null);
        assertEquals(original.columns().stream().map(c -> c.name()).toList(),
                back.columns().stream().map(c -> c.name()).toList());
        assertEquals(original.route(), back.route());
        List<String> said = back.notices().stream().map(n -> n.message()).toList();
        assertTrue(said.contains("data.csv: columns 'Input row', 'cell_source (normalised)', 'route (normalised)' are"
                + " what mscmeta adds to the Data sheet of its workbook (a copy of one?): not read, but made again by"
                + " this run"), said.toString());
        assertFalse(said.stream().anyMatch(m -> m.contains("not reported")), said.toString());
        Results again = MetaAnalysis.run(back, Settings.DEFAULTS);
        assertEquals(lastResults.analyses().size(), again.analyses().size());
        // the normalised columns alone (the route and cell source as typed deleted): read as the route and cell source
        Path normalisedOnly = dir.resolve("normalised.csv");
        Files.writeString(normalisedOnly, "study,outcome,route (normalised),cell_source (normalised),events_msc,n_msc,"
                + "events_control,n_control\nA 2020,Fever,intravenous,bone marrow,1,10,2,10\n"
                + "B 2021,Fever,intra-articular,adipose,3,10,1,10\n");
        ExtractionSheet standIn = SheetReader.withBuiltInVocabulary().read(normalisedOnly, null);
        assertEquals(List.of("intravenous", "intra-articular"), List.of(standIn.route().get(0), standIn.route().get(1)));
        assertEquals(List.of("bone marrow", "adipose"), List.of(standIn.cellSource().get(0),
                standIn.cellSource().get(1)));
        assertTrue(standIn.notices().stream().anyMatch(n -> n.message().equals("normalised.csv: column 'route"
                + " (normalised)' was read as the route, as the sheet has no route column of its own")),
                standIn.notices().toString());
        // an 'Input row' of the sheet's own is a column like any other
        Path own = dir.resolve("own.csv");
        Files.writeString(own, "Input row,study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "7,Adams 2015,Fever,3,20,1,20\n9,Baker 2016,Fever,5,40,2,38\n");
        assertEquals(List.of("Input row", "study", "outcome", "events_msc", "n_msc", "events_control", "n_control"),
                SheetReader.withBuiltInVocabulary().read(own, null).columns().stream().map(c -> c.name()).toList());
    }

    /**
     * The results workbook saved as .xls (Excel 97-2003) keeps its author and description in the file's summary
     * information: it is read from its Data sheet, its added columns left out, as the .xlsx is; and refused when its
     * description says the Data sheet lists only the first rows of the run.
     */
    @Test
    void theResultsWorkbookSavedAsXlsIsKnownByItsAuthor() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        Path xls = dir.resolve("results.xls");
        for (String description : new String[] {null, SheetReader.resultsDataCut(10, 44)}) {
            try (XSSFWorkbook from = new XSSFWorkbook(xlsx.toFile());
                 org.apache.poi.hssf.usermodel.HSSFWorkbook to = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
                to.createSheet("Summary").createRow(0).createCell(0).setCellValue("Outcome");
                Sheet data = to.createSheet(Workbook.DATA);
                for (Row row : from.getSheet(Workbook.DATA)) {
                    Row copy = data.createRow(row.getRowNum());
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.NUMERIC) {
                            copy.createCell(c.getColumnIndex()).setCellValue(c.getNumericCellValue());
                        } else {
                            copy.createCell(c.getColumnIndex()).setCellValue(c.getStringCellValue());
                        }
                    }
                }
                to.createInformationProperties();
                to.getSummaryInformation().setAuthor("mscmeta " + org.mscmeta.Tool.version());
                if (description != null) {
                    to.getSummaryInformation().setComments(description);
                }
                try (var out = Files.newOutputStream(xls)) {
                    to.write(out);
                }
            }
            if (description == null) {
                ExtractionSheet back = SheetReader.withBuiltInVocabulary().read(xls, null);
                assertEquals(SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null).columns()
                        .stream().map(c -> c.name()).toList(), back.columns().stream().map(c -> c.name()).toList());
                assertTrue(back.notices().stream().anyMatch(n -> n.message().startsWith("results.xls: a workbook"
                        + " mscmeta wrote: its sheet 'Data' was read")), back.notices().toString());
            } else {
                var refused = assertThrows(org.mscmeta.sheet.InvalidInputException.class,
                        () -> SheetReader.withBuiltInVocabulary().read(xls, null));
                assertTrue(refused.getMessage().contains("lists only the first 10 of the 44 input rows"),
                        refused.getMessage());
            }
        }
    }

    /**
     * The Data sheet hidden by a co-author is still the workbook's input: read, with a notice. Passed over as any
     * hidden sheet is, the outcome sheets were read as tables of one adverse event each, and refused in 1,953
     * problems (their pooled rows and weights taken for studies and counts). Renamed, it is refused in a sentence
     * that says to name it with --sheet.
     */
    @Test
    void theDataSheetHiddenIsReadAllTheSame() throws Exception {
        Path xlsx = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        Path hidden = dir.resolve("hidden.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            wb.setSheetHidden(wb.getSheetIndex(Workbook.DATA), true);
            try (var out = Files.newOutputStream(hidden)) {
                wb.write(out);
            }
        }
        ExtractionSheet back = SheetReader.withBuiltInVocabulary().read(hidden, null);
        assertEquals(SheetReader.withBuiltInVocabulary().read(ReportFilesTest.exampleSheet(), null).size(),
                back.size());
        assertTrue(back.notices().stream().anyMatch(n -> n.message().equals("hidden.xlsx: sheet 'Data' is hidden in"
                + " the workbook, and was read all the same")), back.notices().toString());
        // renamed, it is not found: refused in one sentence that says how to name it (not in 1,953 problems)
        Path renamed = dir.resolve("renamed.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            wb.setSheetName(wb.getSheetIndex(Workbook.DATA), "Data corrected");
            try (var out = Files.newOutputStream(renamed)) {
                wb.write(out);
            }
        }
        var refused = assertThrows(org.mscmeta.sheet.InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(renamed, null));
        assertEquals(1, refused.total());
        assertTrue(refused.getMessage().contains("renamed.xlsx: expected the input rows on sheet 'Data' of a results"
                + " workbook mscmeta wrote, but it has no such sheet (renamed or deleted?), and its other sheets hold"
                + " results: name the sheet of input rows with --sheet"), refused.getMessage());
        ExtractionSheet named = SheetReader.withBuiltInVocabulary().read(renamed, "Data corrected");
        assertEquals(back.size(), named.size());
        // the columns the run adds are left out under the sheet's new name too, said as of a results workbook's
        assertEquals(back.columns().stream().map(c -> c.name()).toList(),
                named.columns().stream().map(c -> c.name()).toList());
        assertTrue(named.notices().stream().anyMatch(n -> n.message().equals("renamed.xlsx, sheet 'Data corrected':"
                + " columns 'Input row', 'cell_source (normalised)', 'route (normalised)' are what mscmeta adds to the"
                + " Data sheet of its workbook: not read, but made again by this run")), named.notices().toString());
    }

    private static List<String> header(Path xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<String> names = new java.util.ArrayList<>();
            wb.getSheet(Workbook.DATA).getRow(0).forEach(c -> names.add(c.getStringCellValue()));
            return names;
        }
    }

    /**
     * A study label longer than the outcome sheet's study column (the extreme sheet's 80 characters) wraps in it, its
     * row as tall as its lines and every cell of it at the top: the year in the next cell cut it at the column's edge,
     * on screen and in print. Labels that fit stay on one line. The same in the Sensitivity sheet's leave-one-out and
     * cumulative steps. Both writers.
     */
    @Test
    void aLongStudyLabelWrapsInItsOutcomeSheet() throws Exception {
        Path extreme = org.mscmeta.invariants.ExtremeSheet.write(dir.resolve("extreme.csv"));
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(extreme, null);
        Results r = MetaAnalysis.run(sheet, Settings.DEFAULTS);
        for (boolean streamed : new boolean[] {false, true}) {
            Path xlsx = dir.resolve("long-" + streamed + ".xlsx");
            Workbook.write(sheet, r, new RunInfo("extreme.csv", "abc123", "2026-11-23T00:00:00Z"), xlsx, streamed);
            int wrapped = 0;
            int single = 0;
            try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
                Sheet s = wb.getSheet("Extreme ratios");
                int width = s.getColumnWidth(0) / 256;
                for (Row row : s) {
                    Cell label = row.getCell(0);
                    if (row.getRowNum() < 5 || label == null || label.getCellType() != CellType.STRING
                            || row.getCell(2) == null || row.getCell(2).getCellType() != CellType.NUMERIC) {
                        continue; // a study row has its input row in the third column
                    }
                    if (label.getStringCellValue().length() > width) {
                        wrapped++;
                        assertWrapped(s, row, label);
                    } else {
                        single++;
                        assertFalse(label.getCellStyle().getWrapText(), label.getStringCellValue());
                    }
                }
            }
            assertTrue(wrapped >= 1 && single >= 1, "streamed " + streamed + ": " + wrapped + " wrapped, " + single
                    + " on one line");
            // and in the Sensitivity sheet's leave-one-out and cumulative steps
            try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
                Sheet s = wb.getSheet(Workbook.SENSITIVITY);
                int steps = 0;
                for (Row row : s) {
                    Cell label = row.getCell(0);
                    if (label != null && label.getCellType() == CellType.STRING
                            && label.getStringCellValue().startsWith("A study whose label is eighty")) {
                        steps++;
                        assertWrapped(s, row, label);
                    }
                }
                assertEquals(2, steps, "omitted and added once each");
            }
        }
    }

    /**
     * {@code text} wraps in {@code row} of {@code s}: its style wraps, the row is at least two lines tall, and every
     * cell of the row stands at the top, level with the first line.
     */
    private static void assertWrapped(Sheet s, Row row, Cell text) {
        assertTrue(text.getCellStyle().getWrapText(), text.getStringCellValue());
        assertTrue(row.getHeightInPoints() >= 2 * s.getDefaultRowHeightInPoints(), "row " + (row.getRowNum() + 1));
        for (Cell c : row) {
            assertEquals(org.apache.poi.ss.usermodel.VerticalAlignment.TOP, c.getCellStyle().getVerticalAlignment(),
                    "row " + (row.getRowNum() + 1) + ", column " + (c.getColumnIndex() + 1));
        }
    }

    /**
     * The Summary's reasons why a value is not estimable wrap in their column, the row as tall as their lines and
     * every cell of it at the top, level with the first line: they ran on to the right, past the edge of the printed
     * page and on to the next, alone.
     */
    @Test
    void theSummarysReasonsWrapInRowsWhoseCellsStandAtTheTop() throws Exception {
        Path extreme = org.mscmeta.invariants.ExtremeSheet.write(dir.resolve("extreme.csv"));
        Path xlsx = write(extreme, Settings.DEFAULTS.withMeasure(Measure.PLOGIT).withMethod(Method.GLMM));
        int wrapped = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Sheet s = wb.getSheet(Workbook.SUMMARY);
            int reasons = -1;
            for (Cell c : s.getRow(0)) {
                reasons = c.getStringCellValue().equals("Not estimable") ? c.getColumnIndex() : reasons;
            }
            // text runs narrower than the digits a width counts: a twelfth more characters fit a line
            int width = s.getColumnWidth(reasons) / 256 * 13 / 12;
            for (Row row : s) {
                Cell reason = row.getCell(reasons);
                if (row.getRowNum() == 0 || reason == null || reason.getStringCellValue().length() <= width) {
                    continue;
                }
                wrapped++;
                assertWrapped(s, row, reason);
                if (row.getCell(9) != null && row.getCell(9).getCellType() != CellType.STRING) {
                    // a number keeps its format at the top
                    assertEquals("0.000", row.getCell(9).getCellStyle().getDataFormatString());
                }
            }
        }
        assertTrue(wrapped > 3, wrapped + " reasons longer than their column");
        // and the summary of findings' (the example's Malignancy: no control arm has an event)
        Path example = write(ReportFilesTest.exampleSheet(), Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(example.toFile())) {
            Sheet f = wb.getSheet(Workbook.FINDINGS);
            Row malignancy = null;
            for (Row row : f) {
                Cell c = row.getCell(0);
                malignancy = c != null && c.getCellType() == CellType.STRING
                        && c.getStringCellValue().equals("Malignancy") ? row : malignancy;
            }
            assertNotNull(malignancy);
            Cell reason = malignancy.getCell(14);
            assertTrue(reason.getStringCellValue().startsWith("no control arm has an event"));
            assertTrue(reason.getCellStyle().getWrapText());
            assertTrue(malignancy.getHeightInPoints() >= 2 * f.getDefaultRowHeightInPoints());
            assertEquals(org.apache.poi.ss.usermodel.VerticalAlignment.TOP,
                    malignancy.getCell(1).getCellStyle().getVerticalAlignment());
        }
    }

    @Test
    void textIsNeverAFormulaAndSheetNamesAreSafe() throws Exception {
        Path in = dir.resolve("evil.csv");
        String longName = "Serious adverse events of special interest: hepatic";
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"+cmd|' /C calc'!A0\",1,10,2,10\n"
                + "@SUM(A1),\"+cmd|' /C calc'!A0\",2,10,2,11\n"
                + "-2+3,Death/any: cause?,1,12,3,12\n"
                + "A,\"" + longName + " (year 1)\",1,12,3,12\n"
                + "A,\"" + longName + " (year 2)\",2,12,3,12\n"
                + "A,summary,1,12,3,12\n"
                + "A,[x]*y,1,12,3,12\n");
        Path xlsx = write(in, Settings.DEFAULTS);
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            Set<String> names = new HashSet<>();
            for (Sheet s : wb) {
                String n = s.getSheetName();
                assertTrue(n.length() <= 31, n);
                assertFalse(n.matches(".*[\\\\/?*\\[\\]:].*"), n);
                assertTrue(names.add(n.toLowerCase(Locale.ROOT)), "duplicate sheet name " + n);
                for (Row r : s) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.STRING) {
                            String v = c.getStringCellValue();
                            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                                assertTrue(c.getCellStyle().getQuotePrefixed(), "quote-prefixed text: " + v);
                            }
                        }
                        if (c.getCellType() == CellType.FORMULA) {
                            // a reference to an outcome's sheet quotes its name: a literal, whatever it holds
                            String f = c.getCellFormula().replaceAll("'([^']|'')*'!", "SHEET!");
                            assertFalse(f.contains("HYPERLINK") || f.contains("cmd") || f.contains("SUM(A1)"),
                                    "input text became a formula: " + f);
                        }
                    }
                }
            }
            assertEquals(6 + 6, wb.getNumberOfSheets(), "6 outcomes + 6 fixed sheets (no route x cell source here)");
            assertNotNull(wb.getSheet("summary (2)"), "an outcome named like a fixed sheet gets a suffix");
            assertNotNull(wb.getSheet(Workbook.SUMMARY));
            String data = sheetText(wb.getSheet(Workbook.DATA));
            assertTrue(data.contains("=HYPERLINK(\"http://x\",\"y\")"), "text kept as written");
        }
        assertNoFormulaError(xlsx, "sheet names quoted in the Summary's references");
        try (Stream<Path> s = Files.list(xlsx.getParent().resolve("plots"))) {
            for (Path p : s.toList()) {
                assertTrue(p.getFileName().toString().matches("[a-z0-9.-]+"), "file name " + p.getFileName());
            }
        }
    }

    @Test
    void longOutcomeNamesGiveReadableUniqueSheetNames() {
        SheetNames names = new SheetNames(Workbook.SUMMARY);
        String a = names.unique("Serious adverse events (day 0-14)");
        String b = names.unique("Serious adverse events (after day 14)");
        String c = names.unique("Serious adverse events (after day 28)");
        assertEquals("Serious adverse events (day\u2026", a, "cut after a whole word");
        assertEquals("Serious adverse events (after\u2026", b);
        assertTrue(c.length() <= 31 && !c.equals(b) && c.endsWith(" (2)"), c);
        assertEquals("Summary (2)", names.unique("Summary"));
        // a line break typed in an outcome's cell (a sheet built in code, which no reading has cleaned): a space, and
        // the name is one a formula can quote (POI's formatter refused it, and the run ended as a defect)
        String broken = names.unique("Serious\nAE\t\u2028x");
        assertEquals("Serious AE x", broken);
        assertEquals("'Serious AE x'", org.apache.poi.ss.formula.SheetNameFormatter.format(broken));
    }

    private static String sheetText(Sheet s) {
        StringBuilder sb = new StringBuilder();
        for (Row r : s) {
            for (Cell c : r) {
                sb.append(c.getCellType() == CellType.NUMERIC ? Double.toString(c.getNumericCellValue()) : c.toString())
                        .append('\t');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }
}
