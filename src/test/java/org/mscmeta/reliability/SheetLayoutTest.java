package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A workbook read as its sheet shows it: a study's label merged down the rows of its outcomes is that study's on
 * every row (it was refused as a blank cell), also when the workbook's formulas are evaluated; hidden rows are
 * analysed like the others, with a notice naming them; a second sheet of data is named; dates are read as dates; an
 * Excel 97-2003 (.xls) workbook is read as an .xlsx one. The workbooks are generated here.
 */
class SheetLayoutTest {

    @TempDir
    Path dir;

    private static final String[] HEAD = {"study", "year", "route", "cell_source", "outcome", "events_msc", "n_msc",
        "events_control", "n_control"};
    /** Three studies, two outcomes each: rows 2-7 of the sheet. */
    private static final Object[][] ROWS = {
        {"Adams 2020", 2020, "IV", "bone marrow", "Fever", 3, 10, 2, 10},
        {"Adams 2020", 2020, "IV", "bone marrow", "Death", 1, 10, 1, 10},
        {"Baker 2021", 2021, "IV", "adipose", "Fever", 2, 12, 1, 11},
        {"Baker 2021", 2021, "IV", "adipose", "Death", 0, 12, 1, 11},
        {"Clark 2022", 2022, "IA", "adipose", "Fever", 5, 20, 3, 19},
        {"Clark 2022", 2022, "IA", "adipose", "Death", 1, 20, 0, 19},
    };

    /** The sheet of {@link #ROWS} below {@code titleRows} rows of titles, changed by {@code edit}, saved. */
    private Path workbook(String name, int titleRows, Consumer<Sheet> edit) throws Exception {
        Path p = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("AE");
            for (int t = 0; t < titleRows; t++) {
                s.createRow(t).createCell(0).setCellValue("Table " + (t + 1) + ": adverse events of MSC trials");
            }
            table(s, titleRows);
            edit.accept(s);
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return p;
    }

    /** {@link #HEAD} in sheet row {@code headRow} (0-based), {@link #ROWS} below it. */
    private static void table(Sheet s, int headRow) {
        Row head = s.createRow(headRow);
        for (int j = 0; j < HEAD.length; j++) {
            head.createCell(j).setCellValue(HEAD[j]);
        }
        for (int i = 0; i < ROWS.length; i++) {
            Row r = s.createRow(headRow + 1 + i);
            for (int j = 0; j < HEAD.length; j++) {
                if (ROWS[i][j] instanceof String t) {
                    r.createCell(j).setCellValue(t);
                } else {
                    r.createCell(j).setCellValue((Integer) ROWS[i][j]);
                }
            }
        }
    }

    /** Each study's label, year, route and cell source merged down its two rows, as a reviewer lays them out. */
    private static void mergeStudies(Sheet s) {
        mergeStudies(s, 0);
    }

    /** As {@link #mergeStudies(Sheet)}, below {@code titleRows} rows of titles. */
    private static void mergeStudies(Sheet s, int titleRows) {
        for (int first = titleRows + 1; first < titleRows + 1 + ROWS.length; first += 2) {
            for (int col = 0; col < 4; col++) {
                s.getRow(first + 1).getCell(col).setBlank(); // what a spreadsheet keeps of a merged cell
                s.addMergedRegion(new CellRangeAddress(first, first + 1, col, col));
            }
        }
    }

    private JsonNode analyze(Path input) throws Exception {
        Path out = dir.resolve("out-" + input.getFileName().toString().replace('.', '-'));
        Cli.Run r = Cli.run("analyze", input.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(0, r.status(), r.all());
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void aStudyMergedDownTheRowsOfItsOutcomesIsThatStudyOnEveryRow() throws Exception {
        JsonNode plain = analyze(workbook("plain.xlsx", 0, s -> { }));
        JsonNode merged = analyze(workbook("merged.xlsx", 0, SheetLayoutTest::mergeStudies));
        assertEquals(plain.get("analyses"), merged.get("analyses"), "the same analyses as the sheet without merging");
        assertEquals(3, merged.get("analyses").get(0).get("studies").size());
        assertTrue(merged.get("notices").toString().contains("merged.xlsx: 12 merged cells of sheet 'AE' span data"
                + " rows or columns (first: A2:A3); every cell of a merged cell was read with its value, as the sheet"
                + " shows it"), merged.get("notices").toString());
        assertFalse(plain.get("notices").toString().contains("merged cell"));
    }

    @Test
    void aMergedCellAcrossColumnsIsReadInEachOfThem() throws Exception {
        // a single-arm study: "NA" typed once across its two control columns
        JsonNode merged = analyze(workbook("across.xlsx", 0, s -> {
            Row r = s.getRow(5);
            r.getCell(7).setCellValue("NA");
            r.getCell(8).setBlank();
            s.addMergedRegion(new CellRangeAddress(5, 5, 7, 8));
        }));
        JsonNode fever = merged.get("analyses").get(0);
        assertEquals(2, fever.get("k").asInt(), fever.toString());
        assertTrue(merged.get("notices").toString().contains("1 merged cell of sheet 'AE' spans data rows or columns"
                + " (first: H6:I6)"), merged.get("notices").toString());
    }

    @Test
    void mergedCellsAreFilledAlsoWhenTheWorkbooksFormulasAreEvaluated() throws Exception {
        // a formula without a saved value sends the workbook to the evaluating reader; the title rows above the
        // header, merged across the columns, are not data
        JsonNode plain = analyze(workbook("plain.xlsx", 2, s -> { }));
        JsonNode merged = analyze(workbook("formulas.xlsx", 2, s -> {
            mergeStudies(s, 2);
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            Row adams = s.getRow(3); // Adams 2020, Fever: 3 events, as a formula saved without its value
            adams.removeCell(adams.getCell(5));
            adams.createCell(5).setCellFormula("1+2");
        }));
        assertEquals(plain.get("analyses"), merged.get("analyses"));
        String notices = merged.get("notices").toString();
        assertTrue(notices.contains("was evaluated here (first: cell F4)"), notices);
        assertTrue(notices.contains("12 merged cells of sheet 'AE' span data rows or columns (first: A4:A5)"), notices);
        assertTrue(notices.contains("the header is row 3 of sheet 'AE'; the 2 rows above it were not read"),
                "the sheet's own notices are kept when the workbook is read again: " + notices);
    }

    /** A second sheet of data is not read unless asked for, and never in silence. */
    @Test
    void aSecondSheetOfDataIsNamedInANotice() throws Exception {
        Path p = dir.resolve("two-sheets.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("extracted by two reviewers");
            for (String name : new String[] {"Serious", "Deaths"}) {
                Sheet s = wb.createSheet(name);
                Row head = s.createRow(0);
                for (int j = 0; j < HEAD.length; j++) {
                    head.createCell(j).setCellValue(HEAD[j]);
                }
                Row r = s.createRow(1);
                Object[] values = {"Adams 2020", 2020, "IV", "bone marrow", name, 3, 10, 2, 10};
                for (int j = 0; j < HEAD.length; j++) {
                    if (values[j] instanceof String t) {
                        r.createCell(j).setCellValue(t);
                    } else {
                        r.createCell(j).setCellValue((Integer) values[j]);
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        JsonNode json = analyze(p);
        assertEquals("Serious", json.get("analyses").get(0).get("outcome").asText());
        String notices = json.get("notices").toString();
        assertTrue(notices.contains("two-sheets.xlsx: read sheet 'Serious' only; sheet 'Deaths' has a table of"
                + " counts too and was not read: --sheet NAME reads another"), notices);
        assertTrue(notices.contains("read sheet 'Serious', the first with the required columns"), notices);
    }

    /**
     * A count typed as a percentage ("10%") is held by the workbook as 0.1, which the sheet gives to read: the problem
     * said only "found 0.1 ... (not a fraction)", a number the reviewer does not see in the cell. It now names the
     * percentage it may be.
     */
    @Test
    void aCountTypedAsAPercentageIsNamedAsOne() throws Exception {
        Path p = workbook("percent.xlsx", 0, s -> {
            org.apache.poi.ss.usermodel.CellStyle percent = s.getWorkbook().createCellStyle();
            percent.setDataFormat(s.getWorkbook().createDataFormat().getFormat("0%"));
            org.apache.poi.ss.usermodel.Cell c = s.getRow(3).getCell(5);
            c.setCellValue(0.1);
            c.setCellStyle(percent);
        });
        Cli.Run r = Cli.run("analyze", p.toString(), "--out", dir.resolve("out-percent").toString(), "--quiet");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("percent.xlsx: row 4, column 'events_msc': found \"0.1\"; expected a whole number of"
                + " participants with the event, 0 or more (not a fraction; if it is a proportion or a percentage (10%),"
                + " give the number of participants instead)"), r.err());
        assertFalse(Files.exists(dir.resolve("out-percent")), "nothing written");
    }

    /** A column of dates (in the workbook's Data sheet: results.json keeps no extra column) as Excel shows it. */
    private JsonNode datesRead(String name, boolean date1904, boolean formula) throws Exception {
        Path p = workbook(name, 0, s -> {
            org.apache.poi.ss.usermodel.Workbook wb = s.getWorkbook();
            if (date1904) {
                var book = ((XSSFWorkbook) wb).getCTWorkbook(); // dates then count from 1904, as POI writes them
                (book.isSetWorkbookPr() ? book.getWorkbookPr() : book.addNewWorkbookPr()).setDate1904(true);
            }
            org.apache.poi.ss.usermodel.CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            org.apache.poi.ss.usermodel.CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            s.getRow(0).createCell(9).setCellValue("enrolled");
            for (int i = 1; i <= ROWS.length; i++) {
                org.apache.poi.ss.usermodel.Cell c = s.getRow(i).createCell(9);
                c.setCellValue(java.time.LocalDateTime.of(2019 + i % 3, 3, 15, i == 2 ? 10 : 0, i == 2 ? 30 : 0));
                c.setCellStyle(i == 2 ? time : date);
            }
            if (formula) {
                Row r = s.getRow(1);
                r.removeCell(r.getCell(5));
                r.createCell(5).setCellFormula("1+2");
            }
        });
        // the dates are a column of their own: a subgroup variable, so results.json names its levels
        Path out = dir.resolve("out-" + name.replace('.', '-'));
        Cli.Run r = Cli.run("analyze", p.toString(), "--out", out.toString(), "--quiet", "--no-report", "--by",
                "enrolled");
        assertEquals(0, r.status(), r.all());
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    /** Dates are read as the sheet shows them, not as the serial numbers the file holds (43905 for 2020-03-15). */
    @Test
    void datesAreReadAsDatesNotSerialNumbers() throws Exception {
        for (boolean date1904 : new boolean[] {false, true}) {
            for (boolean formula : new boolean[] {false, true}) {
                JsonNode json = datesRead("dates-" + date1904 + "-" + formula + ".xlsx", date1904, formula);
                java.util.Set<String> levels = new java.util.TreeSet<>();
                for (JsonNode a : json.get("analyses")) {
                    if (!a.get("subgroup").isNull()) {
                        levels.add(a.get("subgroup").get("level").asString());
                    }
                }
                assertEquals(java.util.Set.of("2019-03-15", "2020-03-15", "2021-03-15 10:30", "2021-03-15"), levels,
                        "1904 system " + date1904 + ", formulas evaluated " + formula + ": " + levels);
            }
        }
    }

    /**
     * A year typed as a date (1 January of it) and formatted to show the year alone, as Excel's "yyyy" or its locale
     * form "[$-409]yyyy;@", is read as the year the sheet shows, by the streaming reader and by the reader that
     * evaluates formulas; a date shown whole ("mmm yyyy") stays a date, and is refused as a year.
     */
    @Test
    void aDateShownAsItsYearAloneIsThatYear() throws Exception {
        JsonNode plain = analyze(workbook("years-typed.xlsx", 0, s -> { }));
        for (String format : new String[] {"yyyy", "[$-409]yyyy;@", "mmm yyyy"}) {
            for (boolean formula : new boolean[] {false, true}) {
                String name = "years-" + format.replaceAll("\\W", "") + "-" + formula + ".xlsx";
                Path p = workbook(name, 0, s -> {
                    org.apache.poi.ss.usermodel.CellStyle year = styleOf(s, format);
                    for (int i = 1; i <= ROWS.length; i++) {
                        org.apache.poi.ss.usermodel.Cell c = s.getRow(i).getCell(1);
                        c.setCellValue(java.time.LocalDate.of((Integer) ROWS[i - 1][1], 1, 1));
                        c.setCellStyle(year);
                    }
                    if (formula) {
                        unsavedFormula(s);
                    }
                });
                Path out = dir.resolve("out-" + name.replace('.', '-'));
                Cli.Run r = Cli.run("analyze", p.toString(), "--out", out.toString(), "--quiet", "--no-report");
                if (format.startsWith("mmm")) {
                    assertEquals(2, r.status(), r.all());
                    assertTrue(r.err().contains(name + ": row 2, column 'year': found \"2020-01-01\"; expected a year as"
                            + " a whole number such as 2021, or a blank cell (the year alone, 2020)"), r.err());
                } else {
                    assertEquals(0, r.status(), format + ", formula " + formula + ": " + r.all());
                    JsonNode got = new ObjectMapper().readTree(out.resolve("results.json").toFile());
                    assertEquals(plain.get("analyses"), got.get("analyses"), format + ", formula " + formula);
                    assertEquals(2020, got.get("analyses").get(0).get("studies").get(0).get("year").asInt());
                }
            }
        }
    }

    /** A cell style of the workbook of {@code s} with the number format {@code format}. */
    private static org.apache.poi.ss.usermodel.CellStyle styleOf(Sheet s, String format) {
        org.apache.poi.ss.usermodel.Workbook wb = s.getWorkbook();
        org.apache.poi.ss.usermodel.CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    /** A formula without a saved value in the first data row: the workbook is read by the evaluating reader. */
    private static void unsavedFormula(Sheet s) {
        Row r = s.getRow(1);
        r.removeCell(r.getCell(5));
        r.createCell(5).setCellFormula("1+2");
    }

    /**
     * A year typed into a cell formatted as a date shows as a day of 1905 (2020 as 1905-07-12, the day numbered 2020):
     * read as the year typed, with a notice, by the streaming reader and by the one that evaluates formulas. Before,
     * it was refused with the hint "the year alone, 1905". A real date of another year stays a date.
     */
    @Test
    void aYearTypedIntoADateCellIsTheYearTyped() throws Exception {
        JsonNode plain = analyze(workbook("years-as-numbers.xlsx", 0, s -> { }));
        for (boolean formula : new boolean[] {false, true}) {
            String name = "years-as-dates-" + formula + ".xlsx";
            Path p = workbook(name, 0, s -> {
                org.apache.poi.ss.usermodel.CellStyle date = styleOf(s, "dd/mm/yyyy");
                for (int i = 1; i <= ROWS.length; i++) {
                    s.getRow(i).getCell(1).setCellStyle(date); // the number typed stays; the cell shows a date
                }
                if (formula) {
                    unsavedFormula(s);
                }
            });
            Path out = dir.resolve("out-" + name.replace('.', '-'));
            Cli.Run r = Cli.run("analyze", p.toString(), "--out", out.toString(), "--quiet", "--no-report");
            assertEquals(0, r.status(), r.all());
            JsonNode got = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertEquals(plain.get("analyses"), got.get("analyses"), "formula " + formula);
            List<String> notices = new java.util.ArrayList<>();
            got.get("notices").forEach(n -> {
                if (n.get("category").asText().equals("year_as_date")) {
                    notices.add(n.get("message").asText());
                }
            });
            assertEquals(List.of(name + ": " + ROWS.length + " cells of the year column are formatted as dates, so"
                    + " that a year typed into one shows as a day of 1905 (2015 as 1905-07-07, the day numbered 2015);"
                    + " they were read as the year typed (first: '1905-07-12' in row 2, column 'year', read as 2020);"
                    + " formatting the column as numbers shows them as years"), notices);
        }
        // a workbook of the 1904 date system (older Excel for Mac) shows the same number as a day of 1909
        Path mac = workbook("years-as-dates-1904.xlsx", 0, s -> {
            org.apache.poi.ss.usermodel.CellStyle date = styleOf(s, "dd/mm/yyyy");
            for (int i = 1; i <= ROWS.length; i++) {
                s.getRow(i).getCell(1).setCellStyle(date);
            }
            org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook ct =
                    ((XSSFWorkbook) s.getWorkbook()).getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
        });
        Path macOut = dir.resolve("out-1904");
        Cli.Run m = Cli.run("analyze", mac.toString(), "--out", macOut.toString(), "--quiet", "--no-report");
        assertEquals(0, m.status(), m.all());
        JsonNode macJson = new ObjectMapper().readTree(macOut.resolve("results.json").toFile());
        assertEquals(plain.get("analyses"), macJson.get("analyses"));
        List<String> macNotices = new java.util.ArrayList<>();
        macJson.get("notices").forEach(n -> {
            if (n.get("category").asText().equals("year_as_date")) {
                macNotices.add(n.get("message").asText());
            }
        });
        assertEquals(List.of("years-as-dates-1904.xlsx: " + ROWS.length + " cells of the year column are formatted as"
                + " dates, so that a year typed into one shows as a day of 1909 (2015 as 1909-07-08, the day numbered"
                + " 2015 in the 1904 date system of older Excel for Mac); they were read as the year typed (first:"
                + " '1909-07-13' in row 2, column 'year', read as 2020); formatting the column as numbers shows them as"
                + " years"), macNotices);
        // a day that is no year's number (a date of publication) is refused, with the year it is in
        Path dated = workbook("published.xlsx", 0, s -> {
            org.apache.poi.ss.usermodel.CellStyle date = styleOf(s, "dd/mm/yyyy");
            org.apache.poi.ss.usermodel.Cell c = s.getRow(1).getCell(1);
            c.setCellValue(java.time.LocalDate.of(2020, 3, 15));
            c.setCellStyle(date);
        });
        Cli.Run r = Cli.run("analyze", dated.toString(), "--out", dir.resolve("out-published").toString(), "--quiet",
                "--no-report");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("published.xlsx: row 2, column 'year': found \"2020-03-15\"; expected a year as a"
                + " whole number such as 2021, or a blank cell (the year alone, 2020)"), r.err());
    }

    /**
     * An Excel 97-2003 workbook (.xls), as older extraction sheets are, is read as an .xlsx one: its sheet found below
     * a sheet of notes, the studies merged down their rows, a count as a formula, a hidden row named; and an .xlsx
     * saved under the name .xls (as some programs do) is read by its content.
     */
    @Test
    void anExcel97WorkbookIsReadAsAnXlsxOne() throws Exception {
        JsonNode plain = analyze(workbook("plain.xlsx", 0, s -> { }));
        Path xls = dir.resolve("old.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("extraction of 2009");
            Sheet s = wb.createSheet("AE");
            Row head = s.createRow(0);
            for (int j = 0; j < HEAD.length; j++) {
                head.createCell(j).setCellValue(HEAD[j]);
            }
            for (int i = 0; i < ROWS.length; i++) {
                Row r = s.createRow(1 + i);
                for (int j = 0; j < HEAD.length; j++) {
                    if (ROWS[i][j] instanceof String t) {
                        r.createCell(j).setCellValue(t);
                    } else if (i == 0 && j == 5) {
                        r.createCell(j).setCellFormula("1+2"); // 3, saved with its value as Excel does
                        r.getCell(j).setCellValue(3);
                    } else {
                        r.createCell(j).setCellValue((Integer) ROWS[i][j]);
                    }
                }
            }
            mergeStudies(s);
            s.getRow(6).setZeroHeight(true);
            // a column of dates, as Excel 97-2003 stores them: serial numbers in a date format
            org.apache.poi.ss.usermodel.CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            s.getRow(0).createCell(9).setCellValue("enrolled");
            for (int i = 1; i <= ROWS.length; i++) {
                org.apache.poi.ss.usermodel.Cell c = s.getRow(i).createCell(9);
                c.setCellValue(java.time.LocalDate.of(2009, 1 + i, 1));
                c.setCellStyle(date);
            }
            try (OutputStream os = Files.newOutputStream(xls)) {
                wb.write(os);
            }
        }
        JsonNode old = analyze(xls);
        assertEquals(plain.get("analyses"), old.get("analyses"));
        Path byDate = dir.resolve("out-by-date");
        Cli.Run r = Cli.run("analyze", xls.toString(), "--out", byDate.toString(), "--quiet", "--no-report", "--by",
                "enrolled");
        assertEquals(0, r.status(), r.all());
        java.util.Set<String> levels = new java.util.TreeSet<>();
        for (JsonNode a : new ObjectMapper().readTree(byDate.resolve("results.json").toFile()).get("analyses")) {
            if (!a.get("subgroup").isNull()) {
                levels.add(a.get("subgroup").get("level").asString());
            }
        }
        assertEquals(java.util.Set.of("2009-02-01", "2009-03-01", "2009-04-01", "2009-05-01", "2009-06-01",
                "2009-07-01"), levels, "dates as dates, not serial numbers");
        String notices = old.get("notices").toString();
        assertTrue(notices.contains("old.xls: read sheet 'AE', the first with the required columns"), notices);
        // a workbook of two sheets: the notices name the sheet read, once
        assertTrue(notices.contains("old.xls, sheet 'AE': 12 merged cells span data rows"), notices);
        assertTrue(notices.contains("old.xls, sheet 'AE': row 7 is hidden"), notices);

        Path renamed = dir.resolve("renamed.xls");
        Files.copy(workbook("plain-again.xlsx", 0, s -> { }), renamed);
        assertEquals(plain.get("analyses"), analyze(renamed).get("analyses"));

        // under a text file's name too: before, an .xlsx named .csv was refused as text "in another encoding"
        for (String name : new String[] {"saved-as.csv", "saved-as.txt"}) {
            Path text = dir.resolve(name);
            Files.copy(workbook("plain-" + name + ".xlsx", 0, s -> { }), text);
            assertEquals(plain.get("analyses"), analyze(text).get("analyses"), name);
        }
        Path oldAsCsv = dir.resolve("old-saved-as.csv");
        Files.copy(xls, oldAsCsv);
        assertEquals(old.get("analyses"), analyze(oldAsCsv).get("analyses"));
    }

    /** Strikes the text of {@code cells} of sheet row {@code row} (0-based) through. */
    private static void strike(Sheet s, int row, int... cells) {
        org.apache.poi.ss.usermodel.Workbook wb = s.getWorkbook();
        org.apache.poi.ss.usermodel.Font font = wb.createFont();
        font.setStrikeout(true);
        org.apache.poi.ss.usermodel.CellStyle struck = wb.createCellStyle();
        struck.setFont(font);
        for (int j : cells) {
            s.getRow(row).getCell(j).setCellStyle(struck);
        }
    }

    /**
     * A row struck through, as a reviewer marks a study left out, is analysed like the others (every row is) and named
     * in a notice, in .xlsx (streamed) and .xls alike (.ods: OdsSheetTest): before, it was pooled without a word. A
     * row with one cell struck (a value crossed out, a study label) is not such a mark.
     */
    @Test
    void rowsStruckThroughAreAnalysedLikeTheOthersAndNamed() throws Exception {
        JsonNode plain = analyze(workbook("plain.xlsx", 0, s -> { }));
        Path xlsx = workbook("struck.xlsx", 0, s -> {
            strike(s, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8);
            strike(s, 4, 0, 1, 2, 3, 4, 5, 6); // 7 of 9 cells
            strike(s, 5, 0); // the study alone
        });
        String notice = "rows 4, 5 of sheet 'AE' are struck through and were analysed like the others; to leave a"
                + " study out, delete its rows";
        JsonNode struck = analyze(xlsx);
        assertEquals(plain.get("analyses"), struck.get("analyses"), "nothing left out");
        assertTrue(struck.get("notices").toString().contains("struck.xlsx: " + notice), struck.get("notices")
                .toString());

        Path xls = dir.resolve("struck.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            Sheet s = wb.createSheet("AE");
            table(s, 0);
            strike(s, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8);
            strike(s, 4, 0, 1, 2, 3, 4, 5, 6);
            strike(s, 5, 0);
            try (OutputStream os = Files.newOutputStream(xls)) {
                wb.write(os);
            }
        }
        JsonNode old = analyze(xls);
        assertEquals(plain.get("analyses"), old.get("analyses"));
        assertTrue(old.get("notices").toString().contains("struck.xls: " + notice), old.get("notices").toString());
    }

    @Test
    void hiddenRowsAreAnalysedLikeTheOthersAndNamed() throws Exception {
        JsonNode plain = analyze(workbook("plain.xlsx", 0, s -> { }));
        JsonNode hidden = analyze(workbook("hidden.xlsx", 0, s -> {
            s.getRow(5).setZeroHeight(true);
            s.getRow(6).setZeroHeight(true);
        }));
        assertEquals(plain.get("analyses"), hidden.get("analyses"), "nothing left out");
        assertTrue(hidden.get("notices").toString().contains("hidden.xlsx: rows 6, 7 of sheet 'AE' are hidden (by a"
                + " filter or by hand) and were analysed like the others; to leave a study out, delete its rows"),
                hidden.get("notices").toString());
    }

    /** Row {@code i} of {@link #ROWS} into {@code r}, its numbers as numbers. */
    private static void fill(Row r, int i) {
        for (int j = 0; j < HEAD.length; j++) {
            if (ROWS[i][j] instanceof String t) {
                r.createCell(j).setCellValue(t);
            } else {
                r.createCell(j).setCellValue((Integer) ROWS[i][j]);
            }
        }
    }

    /** The run refused {@code input}, saying {@code words}, and wrote nothing. */
    private void refusedSaying(Path input, String words) throws Exception {
        Path out = dir.resolve("refused-" + input.getFileName().toString().replace('.', '-'));
        Cli.Run r = Cli.run("analyze", input.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains(words), r.err());
        assertFalse(Files.exists(out.resolve("results.json")), "nothing written");
    }

    /**
     * A sort of the whole sheet that took in its header row moves the header down among the data: the rows sorted
     * above it were passed over as titles, and their studies left out without a word. Such rows are refused, naming
     * the first and how many there are, in delimited text, .xlsx (streamed), .xls and .ods; the header is looked for
     * below the first 20 rows too; and rows of notes above a header stay titles, however many.
     */
    @Test
    void aHeaderSortedDownAmongTheDataIsRefusedNotItsRowsAboveLost() throws Exception {
        StringBuilder two = new StringBuilder();
        StringBuilder many = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            many.append("Study ").append(i + 1).append(",2020,IV,bone marrow,Fever,").append(i % 4).append(",10,1,10\n");
            notes.append("Note ").append(i + 1).append(": counts are participants with at least one event\n");
        }
        String header = String.join(",", HEAD) + "\n";
        String rest = "Baker 2021,2021,IV,adipose,Fever,2,12,1,11\nClark 2022,2022,IA,adipose,Fever,5,20,3,19\n";
        two.append("Adams 2020,2020,IV,bone marrow,Fever,3,10,2,10\nAdams 2020,2020,IV,bone marrow,Death,1,10,1,10\n");
        refusedSaying(Files.writeString(dir.resolve("sorted.csv"), two + header + rest), "sorted.csv: row 1, column"
                + " 'study': found \"Adams 2020\"; expected the header in the first row, or only titles above it: the"
                + " header is row 3, and this row and 1 other above it hold studies' counts, which would not be read:"
                + " move the header row to the top of the sheet");
        refusedSaying(Files.writeString(dir.resolve("deep.csv"), many + header + rest), "deep.csv: row 1, column"
                + " 'study': found \"Study 1\"; expected the header in the first row, or only titles above it: the"
                + " header is row 26, and this row and 24 others above it hold studies' counts");
        // 25 rows of notes above the header: titles, read as before, with the notice
        Cli.Run noted = Cli.run("analyze", Files.writeString(dir.resolve("notes.csv"), notes + header + rest)
                .toString(), "--out", dir.resolve("notes").toString(), "--no-report");
        assertEquals(0, noted.status(), noted.all());
        assertTrue(noted.out().contains("notes.csv: the header is row 26; the 25 rows above it were not read"),
                noted.out());

        refusedSaying(workbook("sorted.xlsx", 2, s -> {
            fill(s.getRow(0), 0);
            fill(s.createRow(1), 1);
        }), "sorted.xlsx: row 1, column 'study': found \"Adams 2020\"; expected the header in the first row, or only"
                + " titles above it: the header is row 3, and this row and 1 other above it hold studies' counts");
        Path xls = dir.resolve("sorted.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            Sheet s = wb.createSheet("AE");
            fill(s.createRow(0), 0);
            Row head = s.createRow(1);
            for (int j = 0; j < HEAD.length; j++) {
                head.createCell(j).setCellValue(HEAD[j]);
            }
            for (int i = 1; i < ROWS.length; i++) {
                fill(s.createRow(1 + i), i);
            }
            try (OutputStream os = Files.newOutputStream(xls)) {
                wb.write(os);
            }
        }
        refusedSaying(xls, "sorted.xls: row 1, column 'study': found \"Adams 2020\"; expected the header in the first"
                + " row, or only titles above it: the header is row 2, and this row holds a study's counts");
        // saved by LibreOffice 7.4 from a CSV with two studies' rows above its header
        refusedSaying(Path.of("src/test/resources/ods/sorted.ods"), "sorted.ods: row 1, column 'study': found"
                + " \"Adams 2020\"; expected the header in the first row, or only titles above it: the header is row 3,"
                + " and this row and 1 other above it hold studies' counts");
    }

    /**
     * A sheet without a header row (saved without one, or sorted with it far down) is one problem saying that its
     * first row holds data: it was four, each "found nothing; expected a column named study (or author, ...)".
     */
    @Test
    void aSheetWithoutAHeaderRowIsOneProblemSayingItsFirstRowHoldsData() throws Exception {
        Path none = Files.writeString(dir.resolve("headerless.csv"), "Adams 2020,2020,IV,bone marrow,Fever,3,10,2,10\n"
                + "Baker 2021,2021,IV,adipose,Fever,2,12,1,11\n");
        Cli.Run r = Cli.run("analyze", none.toString(), "--out", dir.resolve("none").toString(), "--no-report");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("error: 1 problem in the input:\n  headerless.csv: row 1: found \"Adams 2020, 2020,"
                + " ...\"; expected a header row of column names (study, outcome, events_msc, n_msc, ...:"
                + " docs/input-format.md), but row 1 holds data (2020, 3, 10, 2 are values, not column names): add the"
                + " header row above the data"), r.err());
        // a workbook of such sheets: none has a header, and the message says what one needs
        Path book = workbook("headerless.xlsx", 0, s -> {
            s.shiftRows(1, s.getLastRowNum(), -1);
        });
        r = Cli.run("analyze", book.toString(), "--out", dir.resolve("book").toString(), "--no-report");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("headerless.xlsx: expected a sheet with a header row naming study, outcome,"
                + " events_msc and n_msc in its first rows, but none of its sheets ('AE') has one (a sheet whose first row"
                + " holds data needs a header row of column names above it"), r.err());
        // a header with a misspelt column keeps its own problem
        Path typo = Files.writeString(dir.resolve("typo.csv"), "study,outcome,events_msc,n_msc,events_control,n_cntrol\n"
                + "Adams 2020,Fever,3,10,2,10\n");
        r = Cli.run("analyze", typo.toString(), "--out", dir.resolve("typo").toString(), "--no-report");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("column 'n_control': found nothing; expected a column named n_control"), r.err());
        assertFalse(r.err().contains("holds data"), r.err());
    }

    /**
     * A hidden sheet (an earlier copy of the data, hidden rather than deleted) is passed over while a visible sheet
     * has a table, with a notice naming it: the first sheet with the columns was read, hidden or not, and the visible
     * sheet named as "not read". Alone, a hidden sheet is read, and said to be hidden; --sheet reads it.
     */
    @Test
    void aHiddenSheetIsPassedOverWhileAVisibleOneHasATable() throws Exception {
        JsonNode plain = analyze(workbook("plain.xlsx", 0, s -> { }));
        String notice = "sheet 'Data (old)' is hidden in the workbook and was not read, though it has a table of counts"
                + " (an earlier copy?): --sheet NAME reads a hidden sheet";
        for (boolean excel97 : new boolean[] {false, true}) {
            Path book = dir.resolve(excel97 ? "hidden.xls" : "hidden.xlsx");
            try (org.apache.poi.ss.usermodel.Workbook wb = excel97 ? new org.apache.poi.hssf.usermodel.HSSFWorkbook()
                    : new XSSFWorkbook()) {
                Sheet old = wb.createSheet("Data (old)");
                Sheet data = wb.createSheet("Data");
                for (Sheet s : new Sheet[] {old, data}) {
                    Row head = s.createRow(0);
                    for (int j = 0; j < HEAD.length; j++) {
                        head.createCell(j).setCellValue(HEAD[j]);
                    }
                }
                fill(old.createRow(1), 0);
                old.getRow(1).getCell(5).setCellValue(9); // the old count, not the one to analyse
                for (int i = 0; i < ROWS.length; i++) {
                    fill(data.createRow(1 + i), i);
                }
                wb.setActiveSheet(1);
                wb.setSheetHidden(0, true);
                try (OutputStream os = Files.newOutputStream(book)) {
                    wb.write(os);
                }
            }
            JsonNode got = analyze(book);
            assertEquals(plain.get("analyses"), got.get("analyses"), book.toString());
            assertTrue(got.get("notices").toString().contains(book.getFileName() + ": " + notice),
                    got.get("notices").toString());
            // named, the hidden sheet is read
            Path named = dir.resolve("named-" + excel97);
            Cli.Run r = Cli.run("analyze", book.toString(), "--out", named.toString(), "--quiet", "--no-report",
                    "--sheet", "Data (old)");
            assertEquals(0, r.status(), r.all());
        }
        // saved by LibreOffice 7.4 (from an .xlsx of a hidden 'Data (old)' and these rows in 'Data')
        JsonNode ods = analyze(Path.of("src/test/resources/ods/hidden.ods"));
        assertEquals(plain.get("analyses"), ods.get("analyses"));
        assertTrue(ods.get("notices").toString().contains("hidden.ods: " + notice), ods.get("notices").toString());
        // a hidden sheet alone is read, and said to be hidden
        Path alone = workbook("alone.xlsx", 0, s -> s.getWorkbook().setSheetHidden(0, true));
        JsonNode read = analyze(alone);
        assertEquals(plain.get("analyses"), read.get("analyses"));
        assertTrue(read.get("notices").toString().contains("alone.xlsx: sheet 'AE' is hidden in the workbook, and"
                + " read: no visible sheet has a table of counts"), read.get("notices").toString());
    }
}
