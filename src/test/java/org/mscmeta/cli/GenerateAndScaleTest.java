package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.ReferenceCases;

/** The synthetic registry generator and a run large enough to take the parallel, compact JSON path. */
class GenerateAndScaleTest {

    @TempDir
    Path dir;

    @Test
    void sizesOutsideWhatCanBeGeneratedAreRefusedSayingTheRange() {
        for (String trials : List.of("0", "-5", "99999999999")) {
            org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("generate", "--out",
                    dir.resolve("g" + trials + ".csv").toString(), "--trials", trials);
            assertEquals(2, r.status(), r.all());
            assertTrue(r.err().contains("--trials and --terms must be whole numbers from 1 to 2147483647"), r.err());
            assertFalse(Files.exists(dir.resolve("g" + trials + ".csv")));
        }
    }

    @Test
    void aFileOfTheUsersIsNotReplacedWithoutForceButAGeneratedSheetIs() throws Exception {
        Path mine = dir.resolve("mine.csv");
        Files.writeString(mine, "study,year,trial_id,route,cell_source,outcome,events_msc,n_msc,events_control,"
                + "n_control\nSmith 2020,2020,,intravenous,bone marrow,Death,1,20,2,20\n");
        String before = Files.readString(mine);
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("generate", "--out", mine.toString(), "--trials",
                "3", "--terms", "2");
        assertEquals(2, r.status(), r.all());
        assertEquals("error: --out " + mine + ": the file exists and is not a sheet generate wrote: give another"
                + " name, or --force to replace it" + System.lineSeparator() + "See 'mscmeta generate --help'.",
                r.err().strip());
        assertEquals(before, Files.readString(mine));
        assertEquals(0, Main.run("generate", "--out", mine.toString(), "--trials", "3", "--terms", "2", "--force"));
        assertEquals(1 + 3 * 2, Files.readAllLines(mine).size());
        // a sheet generate wrote is written again without --force, as a benchmark does run after run
        assertEquals(0, Main.run("generate", "--out", mine.toString(), "--trials", "4", "--terms", "2"));
        assertEquals(1 + 4 * 2, Files.readAllLines(mine).size());
    }

    @Test
    void aFolderOrAFileInThePathIsRefusedInWords() throws Exception {
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("generate", "--out", dir.toString());
        assertEquals(2, r.status(), r.all());
        assertEquals("error: --out " + dir + ": a folder; give the file to write, such as "
                + dir.resolve("registry.csv") + System.lineSeparator() + "See 'mscmeta generate --help'.",
                r.err().strip());
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        r = org.mscmeta.testing.Cli.run("generate", "--out", file.resolve("registry.csv").toString());
        assertEquals(2, r.status(), r.all());
        assertEquals("error: --out " + file.resolve("registry.csv") + ": cannot make its folder (" + file
                + " is a file, not a folder)", r.err().strip());
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--no-report", "--out",
                file.resolve("out").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("--out " + file.resolve("out") + ": cannot make the folder (" + file
                + " is a file, not a folder)"), r.err());
    }

    @Test
    void sameSeedSameSheetOtherSeedOtherSheet() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertEquals(0, Main.run("generate", "--out", a.toString(), "--trials", "50", "--terms", "7"));
        assertEquals(0, Main.run("generate", "--out", b.toString(), "--trials", "50", "--terms", "7"));
        assertEquals(0, Main.run("generate", "--out", c.toString(), "--trials", "50", "--terms", "7", "--seed", "1"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        List<String> lines = Files.readAllLines(a);
        assertEquals(1 + 50 * 7, lines.size());
        long singleArm = lines.stream().skip(1).filter(l -> l.endsWith(",,")).count();
        assertTrue(singleArm > 0.15 * 350 && singleArm < 0.45 * 350, "about 30% single-arm rows: " + singleArm);
    }

    /** The registry-scale JSON is written by another thread: a failing disk still fails the write, with its error. */
    @Test
    void aFailingStreamFailsTheRegistryScaleWrite() throws Exception {
        Path sheet = dir.resolve("reg.csv");
        assertEquals(0, Main.run("generate", "--out", sheet.toString(), "--trials", "260", "--terms", "25"));
        var data = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary().read(sheet, null);
        var results = org.mscmeta.analysis.MetaAnalysis.run(data,
                org.mscmeta.analysis.Settings.DEFAULTS.withTau2(org.mscmeta.pool.TauSquared.DL));
        java.io.OutputStream full = new java.io.OutputStream() {
            private long written;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                written += len;
                if (written > 200_000) {
                    throw new java.io.IOException("No space left on device");
                }
            }
        };
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> org.mscmeta.report.ResultsJson.write(results, null, full));
        assertEquals("No space left on device", e.getMessage());
    }

    @Test
    void largeRunWritesCompleteCompactJson() throws Exception {
        Path sheet = dir.resolve("reg.csv");
        assertEquals(0, Main.run("generate", "--out", sheet.toString(), "--trials", "260", "--terms", "25"));
        Path out = dir.resolve("out");
        JsonNode r = ReferenceCases.analyze(sheet, out, List.of("--tau2", "DL", "--by", "route,cell_source"));
        String text = Files.readString(out.resolve("results.json"));
        assertFalse(text.contains("\n  "), "large results are written compact");
        Set<String> outcomes = new HashSet<>();
        int overall = 0;
        for (JsonNode a : r.get("analyses")) {
            outcomes.add(a.get("outcome").asString());
            if (a.get("subgroup").isNull()) {
                overall++;
                int included = 0;
                for (JsonNode s : a.get("studies")) {
                    included += s.get("included").asBoolean() ? 1 : 0;
                }
                assertEquals(included, a.get("k").asInt(), a.get("outcome").asString());
                assertTrue(a.has("egger") && a.has("leave_one_out"), "sensitivity analyses present");
            }
        }
        assertEquals(25, outcomes.size());
        assertEquals(25, overall);
        // subgroup levels of a registry-scale result: slim study rows (name, row, inclusion, weights in the level)
        Set<String> slimKeys = Set.of("study", "row", "included", "weight_common", "weight_random");
        for (JsonNode a : r.get("analyses")) {
            if (a.get("subgroup").isNull() || a.get("k").asInt() == 0 || a.get("random").isNull()) {
                continue;
            }
            double sum = 0;
            for (JsonNode s : a.get("studies")) {
                Set<String> keys = new HashSet<>();
                keys.addAll(s.propertyNames());
                assertEquals(slimKeys, keys);
                sum += s.get("included").asBoolean() ? s.get("weight_random").asDouble() : 0;
            }
            assertEquals(100, sum, 1e-9, "random weights within " + a.get("subgroup"));
        }
        assertEquals(2 * 2 * 25, r.get("subgroup_tests").size(), "common and random test per variable and outcome");
        // the same analysis written by the sequential path (one outcome) is identical
        JsonNode one = ReferenceCases.analyze(sheet, dir.resolve("one"), List.of("--tau2", "DL", "--by",
                "route,cell_source", "--outcome", "Fever"));
        JsonNode fromAll = null;
        for (JsonNode a : r.get("analyses")) {
            if (a.get("outcome").asString().equals("Fever") && a.get("subgroup").isNull()) {
                fromAll = a;
            }
        }
        assertEquals(one.get("analyses").get(0), fromAll);
    }

    @Test
    void sensitivityModes() throws Exception {
        Path input = ReferenceCases.resource("data/bcg.csv");
        JsonNode none = ReferenceCases.analyze(input, dir.resolve("n"), List.of("--sensitivity", "none"));
        assertFalse(none.get("analyses").get(0).has("egger"));
        JsonNode all = ReferenceCases.analyze(input, dir.resolve("a"), List.of("--sensitivity", "all"));
        assertEquals(13, all.get("analyses").get(0).get("leave_one_out").size());
        assertEquals(13, all.get("analyses").get(0).get("cumulative").size());
        assertNotEquals(0, Main.run("analyze", input.toString(), "--out", dir.resolve("x").toString(),
                "--moderators", "nosuchcolumn", "--quiet"));
    }

    /** A generated sheet, read, and its analysis without subgroups or sensitivity analyses. */
    private record Generated(Path file, org.mscmeta.sheet.ExtractionSheet sheet, org.mscmeta.analysis.Results results) {
    }

    private Generated generate(String name, int trials, int terms) throws Exception {
        Path file = dir.resolve(name);
        assertEquals(0, Main.run("generate", "--out", file.toString(), "--trials", String.valueOf(trials), "--terms",
                String.valueOf(terms)));
        org.mscmeta.sheet.ExtractionSheet sheet = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary().read(file, null);
        return new Generated(file, sheet, org.mscmeta.analysis.MetaAnalysis.run(sheet,
                org.mscmeta.analysis.Settings.DEFAULTS.withBy(List.of()).withSensitivity(
                        org.mscmeta.analysis.SensitivityMode.NONE)));
    }

    /**
     * What decides the streaming writer is the workbook's rows, not the input's: 8,000 rows of 400 AE terms make 400
     * outcome sheets, which POI's whole-workbook writer held in over 700 MB of heap.
     */
    @Test
    void manyTermsFromFewRowsAreStreamed() throws Exception {
        Generated g = generate("terms.csv", 20, 400);
        org.mscmeta.sheet.ExtractionSheet sheet = g.sheet();
        org.mscmeta.analysis.Results results = g.results();
        assertEquals(8000, sheet.size());
        assertEquals(400, results.analyses().size());
        long rows = org.mscmeta.report.workbook.Workbook.rows(sheet, results);
        assertTrue(sheet.size() < org.mscmeta.report.workbook.Workbook.STREAMING_ROWS);
        assertTrue(rows > org.mscmeta.report.workbook.Workbook.STREAMING_ROWS, "rows " + rows);
        // ... and the example stays with the whole-workbook writer, whose sheets fit their headers
        org.mscmeta.sheet.ExtractionSheet example = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary()
                .read(Path.of("examples", "msc_adverse_events.csv"), null);
        assertTrue(org.mscmeta.report.workbook.Workbook.rows(example, org.mscmeta.analysis.MetaAnalysis.run(example,
                org.mscmeta.analysis.Settings.DEFAULTS)) < org.mscmeta.report.workbook.Workbook.STREAMING_ROWS);
    }

    /**
     * At registry scale the outcome sheets have no block per subgroup (they would more than double the workbook and
     * the time to write it): the Summary's subgroup rows are then typed values, and the Methods sheet says so.
     */
    @Test
    void registryScaleOutcomeSheetsHaveNoSubgroupBlocks() throws Exception {
        Path file = dir.resolve("subgroups.csv");
        assertEquals(0, Main.run("generate", "--out", file.toString(), "--trials", "1000", "--terms", "4"));
        org.mscmeta.sheet.ExtractionSheet sheet = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary().read(file, null);
        org.mscmeta.analysis.Results results = org.mscmeta.analysis.MetaAnalysis.run(sheet,
                org.mscmeta.analysis.Settings.DEFAULTS.withTau2(org.mscmeta.pool.TauSquared.DL).withSensitivity(
                        org.mscmeta.analysis.SensitivityMode.NONE));
        assertTrue(org.mscmeta.report.workbook.Workbook.rows(sheet, results)
                > org.mscmeta.report.workbook.Workbook.STREAMING_ROWS);
        Path xlsx = dir.resolve("subgroups.xlsx");
        org.mscmeta.report.workbook.Workbook.write(sheet, results, new org.mscmeta.report.RunInfo(file.toString(), "x",
                "2026-11-23T00:00:00Z"), outcome -> List.of(), xlsx);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            var summary = wb.getSheet("Summary");
            int common = -1;
            for (var c : summary.getRow(0)) {
                common = common < 0 && c.getStringCellValue().startsWith("Common ") ? c.getColumnIndex() : common;
            }
            int subgroupRows = 0;
            for (var row : summary) {
                var subgroup = row.getCell(2);
                if (row.getRowNum() > 0 && subgroup != null && !subgroup.getStringCellValue().isEmpty()
                        && row.getCell(1).getStringCellValue().equals("route")) {
                    var estimate = row.getCell(common); // none where the subgroup has no estimate
                    if (estimate != null) {
                        subgroupRows++;
                        assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, estimate.getCellType(),
                                "row " + (row.getRowNum() + 1));
                    }
                }
            }
            assertTrue(subgroupRows > 4, subgroupRows + " subgroup rows");
            var outcomeSheet = wb.getSheet(sheet.outcome().levels().get(0));
            for (var row : outcomeSheet) {
                var label = row.getCell(0);
                assertFalse(label != null && label.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && label.getStringCellValue().startsWith("Subgroup:"), "row " + (row.getRowNum() + 1));
            }
            StringBuilder methods = new StringBuilder();
            wb.getSheet("Methods").forEach(r -> r.forEach(c -> methods.append(c).append(' ')));
            assertTrue(methods.toString().contains("At this scale the outcome sheets have no block per subgroup: the"
                    + " Summary's subgroup rows, the tests for subgroup differences and the other sheets hold the"
                    + " values mscmeta computed"), methods.toString());
        }
    }

    /** Above 10,000 rows the workbook is streamed (and zipped fast): it must still be a complete, valid workbook. */
    @Test
    void registrySizeWorkbookIsStreamedAndComplete() throws Exception {
        Generated g = generate("big.csv", 1010, 20);
        Path sheetFile = g.file();
        org.mscmeta.sheet.ExtractionSheet sheet = g.sheet();
        org.mscmeta.analysis.Results results = g.results();
        assertTrue(sheet.size() > org.mscmeta.report.workbook.Workbook.STREAMING_ROWS);
        Path xlsx = dir.resolve("big.xlsx");
        // the plots are embedded last, after every table has been streamed out
        Path png = Path.of("reports", "plots", "forest-death.png");
        List<String> asked = new java.util.ArrayList<>();
        org.mscmeta.report.workbook.Workbook.write(sheet, results, new org.mscmeta.report.RunInfo(sheetFile.toString(), "x",
                "2026-11-23T00:00:00Z"), outcome -> {
                    asked.add(outcome);
                    return List.of(png);
                }, xlsx);
        assertEquals(sheet.outcome().levels().size(), asked.size(), "each outcome's forest plot asked for once");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(xlsx.toFile())) {
            assertEquals(asked.size(), wb.getAllPictures().size(), "one forest plot per outcome sheet");
            var drawing = wb.getSheet(asked.get(0)).getDrawingPatriarch();
            var picture = (org.apache.poi.xssf.usermodel.XSSFPicture) drawing.getShapes().get(0);
            assertTrue(picture.getClientAnchor().getRow1() > wb.getSheet(asked.get(0)).getLastRowNum(),
                    "the plot sits below the tables");
            var data = wb.getSheet("Data");
            assertEquals(sheet.size(), data.getLastRowNum(), "one row per data row below the header");
            String firstOutcome = sheet.outcome().levels().get(0);
            var outcomeSheet = wb.getSheet(firstOutcome);
            assertTrue(outcomeSheet != null, "a sheet per outcome");
            int formulas = 0;
            var overall = results.overall(firstOutcome);
            for (int r = 5; r < 60; r++) {
                var cell = outcomeSheet.getRow(r).getCell(10); // yi, a formula for every included study
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    formulas++;
                    // the streamed formula holds the engine's value for readers that do not recalculate
                    assertEquals(overall.studies().yi(r - 5), cell.getNumericCellValue(), 1e-12, "cached yi, row " + r);
                }
            }
            assertTrue(formulas > 30, "study rows carry their formulas: " + formulas);
        }
    }
}
