package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A workbook laid out as many reviewers extract: one sheet per adverse event, named by the event, each a table of
 * study, events and totals without an outcome column. It is read whole, each sheet's rows the outcome of its name,
 * with the results of the same rows in one sheet with an outcome column; problems name the sheet; a sheet named as a
 * program names sheets ("Sheet1") is refused rather than analysed as an outcome called "Sheet1".
 */
class SheetPerOutcomeTest {

    @TempDir
    Path dir;

    /** study, year, route, cell source, then events and totals of each outcome (Fever, Infection, Death). */
    private static final Object[][] STUDIES = {
        {"Adams 2015", 2015, "IV", "bone marrow", 3, 20, 1, 20, 5, 20, 2, 20, 1, 20, 0, 20},
        {"Baker 2016", 2016, "intravenous", "umbilical cord", 5, 40, 2, 38, 6, 40, 3, 38, 2, 40, 1, 38},
        {"Clark 2018", 2018, "intrathecal", "bone marrow", 0, 15, 1, 15, 2, 15, 2, 15, 0, 15, 1, 15},
        {"Davis 2020", 2020, "IV", "adipose", 7, 60, 4, 62, 9, 60, 4, 62, 3, 60, 2, 62},
        {"Evans 2022", 2022, "intravenous", "adipose", 4, 33, 3, 35, 4, 33, 1, 35, 1, 33, 1, 35},
    };
    private static final String[] OUTCOMES = {"Fever", "Infection", "Death"};
    /** The order of the studies in each outcome's sheet: the Death sheet lists them otherwise. */
    private static final int[][] ORDER = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}, {3, 1, 4, 0, 2}};

    /**
     * The workbook: a sheet of notes first, then one sheet per outcome, each laid out otherwise (RevMan's column names,
     * another column order, no year column and the studies in another order, a title row above the header).
     */
    private Path perOutcome(String file, boolean xls) throws Exception {
        Path p = dir.resolve(file);
        try (Workbook wb = xls ? new org.apache.poi.hssf.usermodel.HSSFWorkbook() : new XSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Extracted by two reviewers, 2026");
            for (int o = 0; o < OUTCOMES.length; o++) {
                Sheet s = wb.createSheet(OUTCOMES[o]);
                int top = 0;
                String[] head;
                int[] order = ORDER[o];
                if (o == 0) {
                    head = new String[] {"Study", "Year", "Route", "Cell source", "Experimental events",
                        "Experimental total", "Control events", "Control total"};
                } else if (o == 1) {
                    head = new String[] {"Control total", "Control events", "n_msc", "events_msc", "study", "year",
                        "route", "cell_source"};
                } else {
                    head = new String[] {"study", "route", "cell_source", "events_msc", "n_msc", "events_control",
                        "n_control", "year"};
                    s.createRow(0).createCell(0).setCellValue("Table 3. Deaths by trial");
                    top = 1;
                }
                Row h = s.createRow(top);
                for (int j = 0; j < head.length; j++) {
                    h.createCell(j).setCellValue(head[j]);
                }
                for (int i = 0; i < order.length; i++) {
                    Object[] st = STUDIES[order[i]];
                    Row r = s.createRow(top + 1 + i);
                    for (int j = 0; j < head.length; j++) {
                        Object v = value(st, o, head[j]);
                        if (v instanceof String t) {
                            r.createCell(j).setCellValue(t);
                        } else {
                            r.createCell(j).setCellValue((Integer) v);
                        }
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return p;
    }

    /** The value of a study under a header of outcome {@code o}'s sheet. */
    private static Object value(Object[] st, int o, String header) {
        return switch (org.mscmeta.sheet.Field.forHeader(header)) {
            case STUDY -> st[0];
            case YEAR -> st[1];
            case ROUTE -> st[2];
            case CELL_SOURCE -> st[3];
            case EVENTS_MSC -> st[4 + 4 * o];
            case N_MSC -> st[5 + 4 * o];
            case EVENTS_CONTROL -> st[6 + 4 * o];
            case N_CONTROL -> st[7 + 4 * o];
            default -> throw new IllegalArgumentException(header);
        };
    }

    /** The same rows in one sheet with an outcome column, outcome after outcome, in each sheet's order. */
    private Path oneSheet() throws Exception {
        StringBuilder csv = new StringBuilder("study,year,route,cell_source,outcome,events_msc,n_msc,events_control,"
                + "n_control\n");
        for (int o = 0; o < OUTCOMES.length; o++) {
            for (int i : ORDER[o]) {
                Object[] st = STUDIES[i];
                csv.append(String.format("%s,%s,%s,%s,%s,%s,%s,%s,%s%n", st[0], st[1], st[2], st[3], OUTCOMES[o],
                        st[4 + 4 * o], st[5 + 4 * o], st[6 + 4 * o], st[7 + 4 * o]));
            }
        }
        Path p = dir.resolve("one-sheet.csv");
        Files.writeString(p, csv);
        return p;
    }

    private Cli.Run run(Path input, String... options) {
        List<String> args = new ArrayList<>(List.of("analyze", input.toString(), "--out",
                dir.resolve("out-" + input.getFileName() + "-" + options.length).toString(), "--quiet", "--no-report"));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode results(Path input, String... options) throws Exception {
        Cli.Run r = run(input, options);
        assertEquals(0, r.status(), r.all());
        return new ObjectMapper().readTree(dir.resolve("out-" + input.getFileName() + "-" + options.length)
                .resolve("results.json").toFile());
    }

    /** The analyses without the fields that name where a row is (row numbers differ between the two layouts). */
    private static JsonNode withoutRows(JsonNode analyses) {
        JsonNode copy = analyses.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("row");
            o.remove("rows");
            o.remove("notices");
        }
        for (JsonNode child : node) {
            strip(child);
        }
    }

    /**
     * Each sheet is the outcome it is named after: every analysis (overall, by route, by cell source, sensitivity,
     * and the meta-regression on year, whose years must come from each row's own sheet) is that of the same rows in
     * one sheet with an outcome column; a notice says how the workbook was read, naming the sheet that was not.
     */
    @Test
    void aWorkbookOfOneSheetPerEventIsReadAsOneSheetWithAnOutcomeColumn() throws Exception {
        JsonNode expected = results(oneSheet(), "--moderators", "year");
        for (boolean xls : new boolean[] {false, true}) {
            Path wb = perOutcome(xls ? "per-event.xls" : "per-event.xlsx", xls);
            JsonNode got = results(wb, "--moderators", "year");
            assertEquals(withoutRows(expected.get("analyses")), withoutRows(got.get("analyses")), wb.toString());
            assertEquals(15, got.get("input").get("rows").asInt(), got.get("input").toString());
            String notices = got.get("notices").toString();
            assertTrue(notices.contains(wb.getFileName() + ": no sheet has an outcome column, so each of its 3 sheets"
                    + " of study, events and totals was read as the table of one adverse event, named by its sheet"
                    + " ('Fever', 'Infection', 'Death'); sheet 'Notes' has no such table and was not read"), notices);
            assertTrue(notices.contains(wb.getFileName() + ": the header is row 2 of sheet 'Death'"), notices);
        }
        // the meta-regression's years are each study's own: the Death sheet lists the studies in another order
        JsonNode death = null;
        for (JsonNode a : expected.get("analyses")) {
            if (a.get("outcome").asString().equals("Death") && a.get("subgroup").isNull()) {
                death = a;
            }
        }
        assertTrue(death != null && death.toString().contains("\"year\""), String.valueOf(death));
    }

    /** A problem names the sheet as well as the row; the problems of every sheet are reported at once. */
    @Test
    void problemsNameTheSheet() throws Exception {
        Path wb = perOutcome("bad.xlsx", false);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(wb))) {
            book.getSheet("Infection").getRow(2).getCell(3).setCellValue(-1); // events_msc of Baker 2016
            book.getSheet("Death").getRow(4).getCell(4).setCellValue("many"); // n_msc of Adams 2015
            try (OutputStream os = Files.newOutputStream(wb)) {
                book.write(os);
            }
        }
        Cli.Run r = run(wb);
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("bad.xlsx, sheet 'Infection': row 3, column 'events_msc': found \"-1\""), r.all());
        assertTrue(r.all().contains("bad.xlsx, sheet 'Death': row 5, column 'n_msc': found \"many\""), r.all());
        assertTrue(r.all().contains("2 problems in the input"), r.all());
        assertFalse(Files.exists(dir.resolve("out-bad.xlsx-0").resolve("results.json")));
    }

    /** A sheet's name of 31 characters (Excel's limit) may be an event's name cut short: a notice says so. */
    @Test
    void anOutcomeNamedByASheetOfTheLongestNameIsNoted() throws Exception {
        Path wb = perOutcome("long-names.xlsx", false);
        String cut = "Serious adverse events (day 0-1";
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(wb))) {
            book.setSheetName(book.getSheetIndex("Death"), cut);
            try (OutputStream os = Files.newOutputStream(wb)) {
                book.write(os);
            }
        }
        JsonNode got = results(wb);
        String notices = got.get("notices").toString();
        assertTrue(notices.contains("long-names.xlsx: a sheet's name holds at most 31 characters, so the outcome '"
                + cut + "' may be cut short: --outcome-map gives an outcome its full name"), notices);
    }

    /** A notice about a sheet's rows names the sheet: row 3 of which of the sheets. */
    @Test
    void aNoticeAboutRowsNamesTheSheet() throws Exception {
        Path wb = perOutcome("vocabulary.xlsx", false);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(wb))) {
            book.getSheet("Infection").getRow(2).getCell(6).setCellValue("retro-orbital"); // Baker 2016's route
            try (OutputStream os = Files.newOutputStream(wb)) {
                book.write(os);
            }
        }
        String notices = results(wb).get("notices").toString();
        assertTrue(notices.contains("vocabulary.xlsx, sheet 'Infection': route value \\\"retro-orbital\\\" is not in the"
                + " vocabulary (row 3); kept as written"), notices);
    }

    /** --sheet reads one event's sheet, named by it. */
    @Test
    void sheetReadsOneEventsSheet() throws Exception {
        JsonNode got = results(perOutcome("one.xlsx", false), "--sheet", "infection");
        java.util.Set<String> outcomes = new java.util.TreeSet<>();
        got.get("analyses").forEach(a -> outcomes.add(a.get("outcome").asString()));
        assertEquals(java.util.Set.of("Infection"), outcomes);
        assertTrue(got.get("notices").toString().contains("one.xlsx: sheet 'Infection' has no outcome column and was"
                + " read as the table of one adverse event, named by the sheet"), got.get("notices").toString());
    }

    /** A sheet without an outcome column whose name names no event is refused, saying what to add. */
    @Test
    void aSheetNamedAsProgramsNameSheetsIsNotAnOutcome() throws Exception {
        for (String name : new String[] {"Sheet1", "Tabelle1", "Data", "Feuil1"}) {
            Path p = dir.resolve(name + ".xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                Sheet s = wb.createSheet(name);
                String[] head = {"study", "events_msc", "n_msc", "events_control", "n_control"};
                Row h = s.createRow(0);
                for (int j = 0; j < head.length; j++) {
                    h.createCell(j).setCellValue(head[j]);
                }
                Row r = s.createRow(1);
                r.createCell(0).setCellValue("Adams 2015");
                for (int j = 1; j < head.length; j++) {
                    r.createCell(j).setCellValue(10 * (j % 2) + 2);
                }
                try (OutputStream os = Files.newOutputStream(p)) {
                    wb.write(os);
                }
            }
            Cli.Run r = run(p);
            assertEquals(2, r.status(), r.all());
            assertTrue(r.all().contains(name + ".xlsx: expected a column named outcome (or ae, event, adverse_event,"
                    + " ae_term) in sheet '" + name + "', which has study, events and totals but no outcome: add the"
                    + " column"), r.all());
            assertFalse(r.all().contains("Exception"), r.all());
        }
    }

    /**
     * Two sheets the outcome map makes one outcome, with a study in both, would count its participants twice: the
     * second row is refused as a duplicate, naming the first's sheet and row.
     */
    @Test
    void aStudyInTwoSheetsOfOneOutcomeIsADuplicate() throws Exception {
        Path map = dir.resolve("map.csv");
        Files.writeString(map, "term,outcome\nFever,Fever or infection\nInfection,Fever or infection\n");
        Cli.Run r = run(perOutcome("merged.xlsx", false), "--outcome-map", map.toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("merged.xlsx, sheet 'Infection': row 2, column 'study': found \"Adams 2015\";"
                + " expected one row per study and outcome, but sheet 'Fever' row 2 has the same study, year, trial_id"
                + " and outcome ('Fever or infection')"), r.all());
    }

    /** A workbook with a sheet of all events (an outcome column) reads that sheet, and names the others. */
    @Test
    void aSheetWithAnOutcomeColumnComesFirst() throws Exception {
        Path wb = perOutcome("mixed.xlsx", false);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(wb))) {
            Sheet all = book.createSheet("All events");
            String[] head = {"study", "outcome", "events_msc", "n_msc", "events_control", "n_control"};
            Row h = all.createRow(0);
            for (int j = 0; j < head.length; j++) {
                h.createCell(j).setCellValue(head[j]);
            }
            Row r = all.createRow(1);
            r.createCell(0).setCellValue("Adams 2015");
            r.createCell(1).setCellValue("Headache");
            r.createCell(2).setCellValue(2);
            r.createCell(3).setCellValue(20);
            r.createCell(4).setCellValue(1);
            r.createCell(5).setCellValue(20);
            try (OutputStream os = Files.newOutputStream(wb)) {
                book.write(os);
            }
        }
        JsonNode got = results(wb);
        assertEquals("Headache", got.get("analyses").get(0).get("outcome").asString());
        assertTrue(got.get("notices").toString().contains("mixed.xlsx: read sheet 'All events' only; sheets 'Fever',"
                + " 'Infection', 'Death' have a table of counts too and were not read"), got.get("notices").toString());
    }

    /** A delimited file has no sheet name to give the outcome: its missing outcome column says it is needed all the same. */
    @Test
    void aTextFileOfOneEventIsToldItNeedsTheOutcomeColumn() throws Exception {
        Path p = dir.resolve("fever.csv");
        Files.writeString(p, "study,events_msc,n_msc,events_control,n_control\nAdams 2015,3,20,1,20\n");
        Cli.Run r = run(p);
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("fever.csv: row 1, column 'outcome': found nothing; expected a column named outcome"
                + " (or ae, event, adverse_event, ae_term) (the adverse event of each row: a sheet of one adverse event"
                + " needs it too, with the event's name in every row; a workbook of one sheet per adverse event, each"
                + " sheet named by its event, is read without it)"), r.all());
    }
}
