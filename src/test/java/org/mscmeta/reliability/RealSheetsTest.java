package org.mscmeta.reliability;

import org.mscmeta.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sheets as researchers save them give the clean sheet's results: tab-separated with "NA" in a single-arm study's
 * control cells and outcome names in another case; Windows-1252 from Excel's plain "CSV"; semicolons with Excel's
 * {@code sep=;} line and decimal commas; a CSV saved with its table's caption above the header; an .xlsx whose first
 * sheet is notes and whose header stands below a title,
 * with a count written as a formula; UTF-16 "Unicode text". Every pooled value, k and the meta-regression on the dose
 * (decimals) are compared.
 */
class RealSheetsTest {

    @TempDir
    Path dir;

    static final String[] HEADER = {"study", "year", "route", "cell_source", "outcome", "dose_cells_per_kg",
        "events_msc", "n_msc", "events_control", "n_control"};

    static final String[][] ROWS = {
        {"M\u00fcller 2019", "2019", "intravenous", "bone marrow", "Serious adverse events", "1.5", "4", "30", "6", "31"},
        {"\u00d8degaard 2020", "2020", "intravenous", "umbilical cord", "Serious adverse events", "2.5", "3", "25", "5",
            "24"},
        {"Chen 2021", "2021", "intrathecal", "adipose", "Serious adverse events", "1", "6", "40", "4", "41"},
        {"Lopez 2018", "2018", "intravenous", "bone marrow", "Serious adverse events", "0.75", "9", "35", "7", "33"},
        {"Lopez 2018", "2018", "intravenous", "bone marrow", "Fever", "0.75", "10", "30", "8", "31"},
        {"Garc\u00eda 2022", "2022", "intrathecal", "umbilical cord", "Fever", "2", "7", "20", "5", "22"},
        {"Single arm 2021", "2021", "intravenous", "bone marrow", "Fever", "1", "3", "15", "", ""},
        {"Chen 2021", "2021", "intrathecal", "adipose", "Fever", "1", "5", "40", "6", "41"},
        {"Smith 2017", "2017", "intravenous", "adipose", "Death", "0.5", "1", "50", "2", "48"},
        {"Jones 2016", "2016", "intrathecal", "bone marrow", "Death", "1", "0", "20", "1", "21"},
        {"Chen 2021", "2021", "intrathecal", "adipose", "Death", "1", "2", "40", "3", "41"}};

    private static String csv(char sep, boolean decimalComma, boolean naControls, boolean caseVariants) {
        StringBuilder sb = new StringBuilder(String.join(String.valueOf(sep), HEADER)).append("\r\n");
        for (int i = 0; i < ROWS.length; i++) {
            String[] r = ROWS[i].clone();
            if (decimalComma) {
                r[5] = r[5].replace('.', ',');
            }
            if (naControls && r[8].isEmpty()) {
                r[8] = "NA";
                r[9] = "N/A";
            }
            if (caseVariants && i % 2 == 1) {
                r[4] = r[4].equals("Serious adverse events") ? "Serious Adverse Events" : r[4].toUpperCase()
                        + " ";
            }
            sb.append(String.join(String.valueOf(sep), r)).append("\r\n");
        }
        return sb.toString();
    }

    private Path write(String name, String text, Charset cs, byte[] bom) throws Exception {
        Path p = dir.resolve(name);
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(p, all);
        return p;
    }

    /** The run with a meta-regression on the dose (decimals, with decimal commas in some sheets). */
    private JsonNode analyseWithDose(Path input) throws Exception {
        return analyse(input, "--moderators", "dose_cells_per_kg");
    }

    private JsonNode analyse(Path input, String... extra) throws Exception {
        Path out = dir.resolve("out-" + input.getFileName().toString().replace('.', '-'));
        List<String> args = new ArrayList<>(List.of("analyze", input.toString(), "--out", out.toString(), "--no-report",
                "--quiet"));
        args.addAll(List.of(extra));
        Cli.Run r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.all());
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    /** Every analysis of {@code b} has {@code a}'s outcome, subgroup, k and pooled values. */
    private static int sameResults(JsonNode a, JsonNode b) {
        JsonNode x = a.get("analyses");
        JsonNode y = b.get("analyses");
        assertEquals(x.size(), y.size(), "number of analyses");
        int compared = 0;
        for (int i = 0; i < x.size(); i++) {
            JsonNode p = x.get(i);
            JsonNode q = y.get(i);
            assertEquals(p.get("outcome").asString(), q.get("outcome").asString());
            assertEquals(p.get("subgroup").toString(), q.get("subgroup").toString());
            assertEquals(p.get("k").asInt(), q.get("k").asInt(), p.get("outcome") + " k");
            for (String model : List.of("common", "random")) {
                for (String f : List.of("estimate", "ci_lower", "ci_upper", "p")) {
                    JsonNode e = p.path(model).path(f);
                    JsonNode g = q.path(model).path(f);
                    if (e.isNumber()) {
                        assertEquals(e.asDouble(), g.asDouble(), 1e-12 * Math.abs(e.asDouble()), p.get("outcome")
                                + " " + model + " " + f);
                        compared++;
                    }
                }
            }
            JsonNode reg = p.path("meta_regression");
            if (reg.isObject()) {
                assertEquals(reg.get("QM").asDouble(), q.path("meta_regression").get("QM").asDouble(), 1e-9);
                compared++;
            }
        }
        return compared;
    }

    private static String notices(JsonNode r) {
        return r.get("notices").toString();
    }

    @Test
    void sheetsAsResearchersSaveThemGiveTheCleanSheetsResults() throws Exception {
        JsonNode clean = analyseWithDose(write("clean.csv", csv(',', false, false, false), StandardCharsets.UTF_8,
                new byte[0]));
        assertEquals(3, clean.get("analyses").findValues("outcome").stream().map(JsonNode::asString).distinct()
                .count());

        JsonNode tab = analyseWithDose(write("tab.txt", csv('\t', false, true, true), StandardCharsets.UTF_8, new byte[0]));
        assertTrue(sameResults(clean, tab) > 20);
        assertTrue(notices(tab).contains("separated by tab"), notices(tab));
        assertTrue(notices(tab).contains("'NA'"), notices(tab));
        assertTrue(notices(tab).contains("differ only in case, spacing or punctuation"), notices(tab));

        JsonNode cp1252 = analyseWithDose(write("windows.csv", csv(',', false, false, false), Charset.forName("windows-1252"),
                new byte[0]));
        assertTrue(sameResults(clean, cp1252) > 20);
        assertTrue(notices(cp1252).contains("Windows-1252"), notices(cp1252));
        assertEquals("M\u00fcller 2019", cp1252.get("analyses").get(0).get("studies").get(0).get("study").asString());

        JsonNode semicolon = analyseWithDose(write("european.csv", "sep=;\r\n" + csv(';', true, true, false),
                Charset.forName("windows-1252"), new byte[0]));
        assertTrue(sameResults(clean, semicolon) > 20);
        assertTrue(notices(semicolon).contains("decimal comma"), notices(semicolon));
        assertTrue(notices(semicolon).contains("sep= line"), notices(semicolon));

        JsonNode unicode = analyseWithDose(write("unicode.txt", csv('\t', false, true, false), StandardCharsets.UTF_16LE,
                new byte[] {(byte) 0xFF, (byte) 0xFE}));
        assertTrue(sameResults(clean, unicode) > 20);

        // a table saved with its caption and a blank row above the header, as in the workbook below: rows are
        // numbered as a spreadsheet shows them
        JsonNode captioned = analyseWithDose(write("captioned.csv", "Table 2: adverse events (extracted 2026)\r\n\r\n"
                + csv(',', false, false, false), StandardCharsets.UTF_8, new byte[0]));
        assertTrue(sameResults(clean, captioned) > 20);
        assertTrue(notices(captioned).contains("captioned.csv: the header is row 3; the 2 rows above it were not"
                + " read"), notices(captioned));
        assertEquals(4, captioned.get("analyses").get(0).get("studies").get(0).get("row").asInt());
        // ... with semicolons, which the caption (no separator in it) does not show
        JsonNode captionedSemicolon = analyseWithDose(write("captioned-european.csv", "MSC adverse events\r\n"
                + csv(';', true, true, false), StandardCharsets.UTF_8, new byte[0]));
        assertTrue(sameResults(clean, captionedSemicolon) > 20);
        assertTrue(notices(captionedSemicolon).contains("separated by semicolon"), notices(captionedSemicolon));

        JsonNode xlsx = analyseWithDose(xlsxWithNotesFirst());
        assertTrue(sameResults(clean, xlsx) > 20);
        assertTrue(notices(xlsx).contains("read sheet 'Data'"), notices(xlsx));
        assertTrue(notices(xlsx).contains("the header is row 3"), notices(xlsx));
    }

    /**
     * Counts pasted from a PDF's or a web page's table carry no-break spaces (U+00A0, U+202F) and zero-width spaces
     * around them, which Java's own strip leaves: a spreadsheet shows "6", and the sheet was refused as not a
     * number. Here every count and study label has such space at one end or the other, in a CSV and in a
     * workbook's text cells; both give the clean sheet's results.
     */
    @Test
    void noBreakSpacesAroundCellsReadAsSpace() throws Exception {
        JsonNode clean = analyseWithDose(write("clean.csv", csv(',', false, false, false), StandardCharsets.UTF_8,
                new byte[0]));
        String[] spaces = {"\u00a0", "\u202f", "\u200b", "\u2007"};
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append("\n");
        for (int i = 0; i < ROWS.length; i++) {
            String[] r = ROWS[i].clone();
            for (int j : new int[] {0, 6, 7, 8, 9}) {
                if (!r[j].isEmpty()) {
                    String sp = spaces[(i + j) % spaces.length];
                    r[j] = j % 2 == 0 ? r[j] + sp : sp + r[j];
                }
            }
            sb.append(String.join(",", r)).append("\n");
        }
        JsonNode pasted = analyseWithDose(write("pasted.csv", sb.toString(), StandardCharsets.UTF_8, new byte[0]));
        assertTrue(sameResults(clean, pasted) > 20);
        assertEquals("M\u00fcller 2019", pasted.get("analyses").get(0).get("studies").get(0).get("study").asString());

        Path p = dir.resolve("pasted.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            Row h = s.createRow(0);
            for (int j = 0; j < HEADER.length; j++) {
                h.createCell(j).setCellValue(HEADER[j] + (j == 6 ? "\u00a0" : ""));
            }
            for (int i = 0; i < ROWS.length; i++) {
                Row r = s.createRow(1 + i);
                for (int j = 0; j < HEADER.length; j++) {
                    if (!ROWS[i][j].isEmpty()) {
                        r.createCell(j).setCellValue(j >= 6 ? "\u00a0" + ROWS[i][j] + "\u202f" : ROWS[i][j]);
                    }
                }
            }
            try (var os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        assertTrue(sameResults(clean, analyseWithDose(p)) > 20);
    }

    /**
     * A header of two rows, as a forest plot's and many extraction sheets' ("MSC" over "Events" and "Total",
     * "Control" over "Events" and "Total"), in a CSV below a caption, and in .xlsx (read as a stream, and with a
     * formula left unevaluated, as a whole workbook) and .xls workbooks with the group names in merged cells and
     * "Study" merged down both rows: each gives the clean sheet's results, with a notice naming the two rows.
     */
    private static final String GROUPED = "group names above the column names, each column read as its group and"
            + " name, e.g. 'MSC Events'";

    @Test
    void aHeaderOfGroupNamesOverColumnNamesIsRead() throws Exception {
        JsonNode clean = analyseWithDose(write("clean.csv", csv(',', false, false, false), StandardCharsets.UTF_8,
                new byte[0]));
        String[] groups = {"Study", "Year", "Route", "Cell source", "Outcome", "Dose", "MSC", "", "Control", ""};
        String[] names = {"", "", "", "", "", "", "Events", "Total", "Events", "N"};
        StringBuilder sb = new StringBuilder("Table 1. Adverse events\n");
        sb.append(String.join(",", groups)).append('\n').append(String.join(",", names)).append('\n');
        for (String[] r : ROWS) {
            sb.append(String.join(",", r)).append('\n');
        }
        JsonNode fromCsv = analyseWithDose(write("grouped.csv", sb.toString(), StandardCharsets.UTF_8, new byte[0]));
        assertTrue(sameResults(clean, fromCsv) > 20);
        assertTrue(notices(fromCsv).contains("grouped.csv: the header is rows 2 and 3 (" + GROUPED + "); the 1 row"
                + " above it was not read"), notices(fromCsv));
        assertEquals(4, fromCsv.get("analyses").get(0).get("studies").get(0).get("row").asInt());

        for (boolean xls : new boolean[] {false, true}) {
            for (boolean formula : xls ? new boolean[] {false} : new boolean[] {false, true}) {
                org.apache.poi.ss.usermodel.Workbook wb = xls ? new org.apache.poi.hssf.usermodel.HSSFWorkbook()
                        : new XSSFWorkbook();
                Sheet s = wb.createSheet("Data");
                Row g = s.createRow(0);
                Row h = s.createRow(1);
                for (int j = 0; j < groups.length; j++) {
                    if (!groups[j].isEmpty()) {
                        g.createCell(j).setCellValue(groups[j]);
                    }
                    if (!names[j].isEmpty()) {
                        h.createCell(j).setCellValue(names[j]);
                    }
                }
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 6, 7));
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 8, 9));
                s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 1, 0, 0));
                dataRows(s, 2);
                if (formula) {
                    s.getRow(2).getCell(7).setCellFormula("15+15"); // no saved value: the whole workbook is read
                }
                Path p = dir.resolve("grouped" + (formula ? "-formula" : "") + (xls ? ".xls" : ".xlsx"));
                try (var os = Files.newOutputStream(p)) {
                    wb.write(os);
                }
                wb.close();
                JsonNode read = analyseWithDose(p);
                assertTrue(sameResults(clean, read) > 20, p.toString());
                assertTrue(notices(read).contains(p.getFileName() + ": the header is rows 1 and 2 of sheet 'Data' ("
                        + GROUPED + ")\""), notices(read));
                assertEquals(3, read.get("analyses").get(0).get("studies").get(0).get("row").asInt());
            }
        }
    }

    /** {@link #ROWS} from row {@code first} (0-based) on: the year and the numbers as numbers, the rest as text. */
    private static void dataRows(Sheet s, int first) {
        for (int i = 0; i < ROWS.length; i++) {
            Row r = s.createRow(first + i);
            for (int j = 0; j < HEADER.length; j++) {
                String v = ROWS[i][j];
                if (v.isEmpty()) {
                    continue;
                }
                if (j >= 5 || j == 1) {
                    r.createCell(j).setCellValue(Double.parseDouble(v));
                } else {
                    r.createCell(j).setCellValue(v);
                }
            }
        }
    }

    /** Notes first; the data sheet with two title rows above its header; a count as a formula with its value. */
    private Path xlsxWithNotesFirst() throws Exception {
        Path p = dir.resolve("workbook.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Extraction by AB and CD, checked 2026-11-02");
            notes.createRow(1).createCell(0).setCellValue("Counts are participants with at least one event.");
            Sheet s = wb.createSheet("Data");
            s.createRow(0).createCell(0).setCellValue("MSC safety extraction");
            Row h = s.createRow(2);
            for (int j = 0; j < HEADER.length; j++) {
                h.createCell(j).setCellValue(HEADER[j]);
            }
            dataRows(s, 3);
            s.getRow(3).getCell(6).setCellFormula("2+2"); // 4, as Excel saves it: formula and value
            s.getRow(3).getCell(6).setCellValue(4);
            try (var os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return p;
    }

    @Test
    void outcomeVariantsAreOneOutcomeAndNearDuplicatesAreListed() throws Exception {
        StringBuilder sb = new StringBuilder("study,outcome,events_msc,n_msc,events_control,n_control\n");
        for (int i = 1; i <= 8; i++) {
            String name = i <= 5 ? "Serious adverse events" : i == 6 ? "Serious Adverse Events" : i == 7
                    ? "serious adverse events." : "  Serious   adverse events";
            sb.append("Trial ").append(i).append(',').append(name).append(',').append(i).append(",40,")
                    .append(i + 1).append(",40\n");
        }
        sb.append("Trial 1,Anemia,2,40,1,40\nTrial 2,Anaemia,3,40,1,40\n");
        // opposites one or two letters apart are different events, and no warning says otherwise
        sb.append("Trial 1,Hypotension,2,40,1,40\nTrial 2,Hypertension,3,40,1,40\n");
        sb.append("Trial 1,Weight increased,2,40,1,40\nTrial 2,Weight decreased,3,40,1,40\n");
        Path in = dir.resolve("variants.csv");
        Files.writeString(in, sb.toString());
        JsonNode r = analyse(in, "--by", "none");
        JsonNode sae = r.get("analyses").get(0);
        assertEquals("Serious adverse events", sae.get("outcome").asString());
        assertEquals(8, sae.get("k").asInt(), "one outcome of eight studies, not 5 + 1 + 1 + 1");
        String n = notices(r);
        assertTrue(n.contains("'Serious Adverse Events' (row 7)") && n.contains("'serious adverse events.' (row 8)"),
                n);
        assertTrue(n.contains("'Anemia' (row 10) and 'Anaemia' (row 11) are one letter apart"), n);
        for (String opposite : List.of("Hypotension", "Hypertension", "Weight increased", "Weight decreased")) {
            assertFalse(n.contains("'" + opposite + "'"), n);
        }
        assertEquals(List.of("Serious adverse events", "Anemia", "Anaemia", "Hypotension", "Hypertension",
                "Weight increased", "Weight decreased"), r.get("analyses").findValues("outcome")
                .stream().map(JsonNode::asString).distinct().toList(), "near-duplicates are kept apart");
    }

    /** terms.csv of {@code rows} (study, outcome and the four counts), analysed with the outcome map {@code map}. */
    private JsonNode analyseWithMap(String rows, String mapName, String map) throws Exception {
        Path in = dir.resolve("terms.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n" + rows);
        Path file = dir.resolve(mapName);
        Files.writeString(file, "outcome_reported,outcome\n" + map);
        return analyse(in, "--by", "none", "--outcome-map", file.toString());
    }

    @Test
    void anOutcomeMapRenamesTermsAtAnalysisTime() throws Exception {
        JsonNode r = analyseWithMap("A,28-day mortality,2,40,3,40\nB,Mortality,1,30,2,30\nC,death,0,20,1,20\n"
                + "D,Fever,5,40,4,40\n", "map.csv", "28-day mortality,Death\nmortality,Death\n");
        assertEquals(List.of("Death", "Fever"), r.get("analyses").findValues("outcome").stream()
                .map(JsonNode::asString).distinct().toList());
        assertEquals(3, r.get("analyses").get(0).get("k").asInt());
        assertTrue(notices(r).contains("renamed by the outcome map map.csv"), notices(r));
        assertFalse(notices(r).contains("not an outcome"), "every term of this map is an outcome of the sheet");
    }

    /**
     * A moderator column is one thing in every outcome. A dose that is not a number is blank in the meta-regression,
     * as the sheet's notice says (it made the dose a factor of '1.5e6 cells/kg' and '2000000'); any other column
     * that mixes numbers with text is a factor in every outcome, as R reads such a column, with a notice (it was a
     * number in the outcomes whose studies had numbers only, a factor in the others).
     */
    @Test
    void aModeratorColumnIsOneThingInEveryOutcome() throws Exception {
        StringBuilder sb = new StringBuilder("study,outcome,events_msc,n_msc,events_control,n_control,"
                + "dose_cells_per_kg,followup\n");
        String[] doses = {"1e6", "2e6", "1.5e6 cells/kg", "3e6", "2.5e6", "1e6"};
        String[] followup = {"6", "12", "6", "12", "24", "6 (median)"};
        for (int i = 0; i < 6; i++) {
            sb.append("T").append(i).append(",Death,").append(2 + i).append(",40,").append(3 + i % 2).append(",40,")
                    .append(doses[i]).append(',').append(followup[i]).append('\n');
            if (i < 5) {
                sb.append("T").append(i).append(",Fever,").append(5 + i).append(",40,").append(4).append(",40,")
                        .append(doses[i]).append(',').append(followup[i]).append('\n');
            }
        }
        Path in = dir.resolve("moderators.csv");
        Files.writeString(in, sb.toString());
        JsonNode dose = analyse(in, "--by", "none", "--moderators", "dose_cells_per_kg");
        for (JsonNode a : dose.get("analyses")) {
            JsonNode m = a.get("meta_regression");
            assertEquals(List.of("dose_cells_per_kg"), strings(m.get("moderators")), a.get("outcome").asString());
            assertEquals(a.get("k").asInt() - 1, m.get("k").asInt(), "the study whose dose is text is left out");
        }
        JsonNode mixed = analyse(in, "--by", "none", "--moderators", "followup");
        for (JsonNode a : mixed.get("analyses")) {
            List<String> terms = strings(a.get("meta_regression").get("moderators"));
            assertTrue(terms.stream().allMatch(t -> t.startsWith("followup = ")), a.get("outcome") + ": " + terms);
        }
        assertTrue(notices(mixed).contains("--moderators followup: the column holds numbers and text (e.g. '6' and"
                + " '6 (median)'), so it is a factor"), notices(mixed));
    }

    /** An outcome none of whose studies has a value of the moderator is told so (the run failed with exit 1). */
    @Test
    void anOutcomeWithoutModeratorValuesIsNotedNotFailed() throws Exception {
        Path in = dir.resolve("blank-moderator.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control,followup\n"
                + "A,Death,2,40,3,40,\nB,Death,3,40,4,41,\nC,Death,1,30,2,30,\n"
                + "D,Fever,2,40,3,40,6\nE,Fever,5,40,4,41,12\nF,Fever,1,30,2,30,24\nG,Fever,3,30,2,30,6\n");
        JsonNode r = analyse(in, "--by", "none", "--moderators", "followup");
        assertTrue(notices(r).contains("Death: no meta-regression: no study has a value of every moderator"),
                notices(r));
        assertEquals("no study has a value of every moderator",
                r.get("analyses").get(0).get("meta_regression").get("not_estimable").asString(), "Death has none");
        assertEquals(4, r.get("analyses").get(1).get("meta_regression").get("k").asInt(), "Fever has one");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asString());
        }
        return out;
    }

    /**
     * A term of the map that is no outcome of the sheet renamed nothing without a word: a misspelt term, or a map
     * of the reported terms run on a sheet whose outcome column is already harmonised (as the example's map on the
     * example sheet).
     */
    @Test
    void outcomeMapTermsThatMatchNothingAreNamed() throws Exception {
        JsonNode r = analyseWithMap("A,28-day mortality,2,40,3,40\nB,Mortality,1,30,2,30\nD,Fever,5,40,4,40\n",
                "typo.csv", "28-day mortality,Death\nmortalty,Death\n");
        assertTrue(notices(r).contains("terms.csv: 1 of the 2 terms of the outcome map typo.csv is not an outcome of"
                + " the sheet (the map renames values of the column 'outcome'): 'mortalty' (row 3)"), notices(r));
        JsonNode example = analyse(Path.of("examples/msc_adverse_events.csv"), "--outcome-map",
                "examples/outcome_harmonisation.csv");
        // its one term that is an outcome ('death') names the outcome it already is
        assertTrue(notices(example).contains("msc_adverse_events.csv: 36 of the 37 terms of the outcome map"
                + " outcome_harmonisation.csv are not outcomes of the sheet, and it renamed nothing (the map renames"
                + " values of the column 'outcome'): 'serious adverse events (patients)' (row 2)"), notices(example));
    }
}
