package org.mscmeta.reliability;

import org.mscmeta.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Input that would read wrongly, or fail without a usable message: each refusal is exit 2 with the file, the row
 * (or cell, or JSON path) and a sentence; no library class name, stack trace or raw control byte reaches the
 * terminal; nothing is written. The sheets are generated here.
 */
class AdversarialInputTest {

    @TempDir
    Path dir;

    private static final String HEAD = "study,outcome,events_msc,n_msc,events_control,n_control\n";
    /** What must never be printed: a library's or the JDK's class name, a stack frame, a raw escape byte. */
    private static final Pattern LEAK = Pattern.compile("(org\\.apache|tools\\.jackson|java\\.(lang|io|util|nio)"
            + "|Exception|\\tat |\\u001b|de\\.siegmar|xmlbeans)");

    private Cli.Run analyze(Path input, String... extra) {
        String[] args = Stream.concat(Stream.of("analyze", input.toString(), "--out", outFor(input).toString(),
                "--quiet"), Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    /** The output folder of a run on {@code input}: "out-x-csv" (a folder is not named like a file). */
    private Path outFor(Path input) {
        return dir.resolve("out-" + input.getFileName().toString().replace('.', '-'));
    }

    /** Exit 2, a message naming the file and containing {@code words}, nothing leaked, nothing written. */
    private void refused(Cli.Run r, Path input, String... words) {
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains(input.getFileName().toString()), r.err());
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' in: " + r.err());
        }
        assertFalse(LEAK.matcher(r.all()).find(), "leaked: " + r.all());
        assertFalse(Files.exists(outFor(input)), "nothing written");
    }

    // ------------------------------------------------------------------ xlsx

    /** A workbook written by a program that computes no formulas (openpyxl, pandas): formulas without values. */
    private Path formulaWorkbook(String name, String formula) throws Exception {
        Path p = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("AE");
            String[] h = HEAD.strip().split(",");
            Row head = s.createRow(0);
            for (int j = 0; j < h.length; j++) {
                head.createCell(j).setCellValue(h[j]);
            }
            Object[][] rows = {{"A", "Fever", null, 20, 1, 20}, {"B", "Fever", 2, 15, 2, 16}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                for (int j = 0; j < h.length; j++) {
                    if (rows[i][j] == null) {
                        r.createCell(j).setCellFormula(formula); // no value saved with it
                    } else if (rows[i][j] instanceof String t) {
                        r.createCell(j).setCellValue(t);
                    } else {
                        r.createCell(j).setCellValue((Integer) rows[i][j]);
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(p)) {
                wb.write(os);
            }
        }
        return p;
    }

    @Test
    void formulasWithoutSavedValuesAreEvaluatedNeverReadAsZero() throws Exception {
        Path p = formulaWorkbook("openpyxl.xlsx", "1+4");
        Cli.Run r = analyze(p, "--no-report");
        assertEquals(0, r.status(), r.all());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out-openpyxl-xlsx/results.json").toFile());
        JsonNode study = json.get("analyses").get(0).get("studies").get(0);
        assertEquals(5, study.get("events_msc").asInt(), "=1+4 is 5 events, not 0");
        assertTrue(json.get("notices").toString().contains("1 formula cell had no saved value (the workbook was"
                + " written by a program that does not compute formulas) and was evaluated here (first: cell C2)"),
                json.get("notices").toString());
    }

    @Test
    void aFormulaThatCannotBeEvaluatedIsRefusedNamingItsCell() throws Exception {
        String sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>outcome</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>"
                + "events_msc</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n_msc</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + "Fever</t></is></c><c r=\"C2\"><f>WEBSERVICE(\"https://example.org/n\")</f></c><c r=\"D2\"><v>10</v>"
                + "</c></row></sheetData></worksheet>";
        Path p = withPart("webservice.xlsx", "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        refused(analyze(p), p, "cell C2", "cannot be evaluated here");
    }

    /**
     * An inline string (as POI's streaming writer and other programs write text) is its text elements' characters: a
     * rich text's runs joined, without the white space a pretty-printing writer puts between the elements, and
     * without the phonetic reading a Japanese Excel adds ({@code <rPh>}); it read "Smi\n  th" and the reading too.
     */
    @Test
    void anInlineStringIsItsTextWithoutItsPhoneticReading() throws Exception {
        String sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>outcome</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>"
                + "events_msc</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n_msc</t></is></c></row>\n"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\">\n  <is>\n    <r><t>Smi</t></r>\n    <r><rPr><b/></rPr>"
                + "<t xml:space=\"preserve\">th 2020</t></r>\n    <rPh sb=\"0\" eb=\"2\"><t>\u30b9\u30df\u30b9</t></rPh>\n"
                + "  </is>\n</c><c r=\"B2\" t=\"inlineStr\"><is><t>Fever</t><rPh sb=\"0\" eb=\"1\"><t>\u306d\u3064</t>"
                + "</rPh></is></c><c r=\"C2\"><v>3</v></c><c r=\"D2\"><v>10</v></c></row></sheetData></worksheet>";
        Path p = withPart("inline.xlsx", "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        Cli.Run r = analyze(p, "--no-report", "--measure", "PLOGIT");
        assertEquals(0, r.status(), r.all());
        JsonNode json = new ObjectMapper().readTree(outFor(p).resolve("results.json").toFile());
        JsonNode analysis = json.get("analyses").get(0);
        assertEquals("Fever", analysis.get("outcome").asText());
        assertEquals("Smith 2020", analysis.get("studies").get(0).get("study").asText());
    }

    /**
     * A date stored as ISO 8601 text ({@code t="d"}, as SheetJS writes dates) is read as a date cell's number is: a
     * year typed into a date cell is the year typed, and a count made a date is refused with the hint a date cell
     * gets (it was read as the text "2026-03-20T00:00:00Z").
     */
    @Test
    void aDateStoredAsIsoTextIsReadAsADateCell() throws Exception {
        String head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>year</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>outcome</t>"
                + "</is></c><c r=\"D1\" t=\"inlineStr\"><is><t>events_msc</t></is></c><c r=\"E1\" t=\"inlineStr\"><is>"
                + "<t>n_msc</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c>"
                + "<c r=\"B2\" t=\"d\"><v>1905-07-12T00:00:00Z</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>Fever</t></is>"
                + "</c>";
        Path p = withPart("iso-dates.xlsx", "xl/worksheets/sheet1.xml", (head + "<c r=\"D2\"><v>3</v></c><c r=\"E2\">"
                + "<v>10</v></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        Cli.Run r = analyze(p, "--no-report", "--measure", "PLOGIT");
        assertEquals(0, r.status(), r.all());
        JsonNode json = new ObjectMapper().readTree(outFor(p).resolve("results.json").toFile());
        assertTrue(json.get("notices").toString().contains("(first: '1905-07-12' in row 2, column 'year', read as"
                + " 2020)"), json.get("notices").toString());
        Path count = withPart("iso-count.xlsx", "xl/worksheets/sheet1.xml", (head + "<c r=\"D2\" t=\"d\"><v>"
                + "2026-03-20T00:00:00Z</v></c><c r=\"E2\"><v>20</v></c></row></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8));
        refused(analyze(count), count, "row 2, column 'events_msc': found \"2026-03-20\"; expected a whole number of"
                + " participants with the event, 0 or more (a date, 20 March:");
    }

    /** A sheet of one data row whose events_msc cell C2 is the formula {@code formula} with an empty saved value. */
    private Path emptyValueFormula(String name, String formula) throws Exception {
        String sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>outcome</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>"
                + "events_msc</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n_msc</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + "Fever</t></is></c><c r=\"C2\"><f>" + formula + "</f><v></v></c><c r=\"D2\"><v>10</v>"
                + "</c></row></sheetData></worksheet>";
        return withPart(name, "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * openpyxl writes every formula with an empty saved value, {@code <v></v>}: that is no value (POI reads it as 0,
     * and the streaming reader read it as a blank cell); the formula is evaluated, or refused naming its column and
     * cell.
     */
    @Test
    void aFormulaSavedWithAnEmptyValueIsEvaluatedNeverReadAsZeroOrBlank() throws Exception {
        Path p = emptyValueFormula("openpyxl-empty-v.xlsx", "1+4");
        Cli.Run r = analyze(p, "--no-report", "--measure", "PLOGIT");
        assertEquals(0, r.status(), r.all());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out-openpyxl-empty-v-xlsx/results.json").toFile());
        assertEquals(5, json.get("analyses").get(0).get("studies").get(0).get("events_msc").asInt(),
                "=1+4 is 5 events");
        Path bad = emptyValueFormula("openpyxl-div0.xlsx", "1/0");
        refused(analyze(bad), bad, "row 2, column 'events_msc': found \"=1/0\"; expected a value: the formula in cell"
                + " C2 has no saved value and evaluates to an error");
    }

    /**
     * A cell holding a spreadsheet error (typed, or a formula's saved result) is named by its error, as the
     * spreadsheet shows it and a CSV export holds it: "#DIV/0!" is refused as not a count ("#ERROR" was shown, which
     * the researcher never saw), and "#N/A" is a value not reported, as in a CSV. With a formula of no saved value
     * (D3) the whole workbook is read, by POI's user model, and so is tested here; without, the streaming reader.
     */
    @Test
    void anErrorCellIsNamedByItsOwnError() throws Exception {
        String head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>outcome</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>"
                + "events_msc</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n_msc</t></is></c><c r=\"E1\" t=\"inlineStr\">"
                + "<is><t>events_control</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>n_control</t></is></c></row>";
        String rows = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B2\" t=\"inlineStr\"><is>"
                + "<t>Fever</t></is></c><c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"D2\"><v>10</v></c>"
                + "<c r=\"E2\"><v>1</v></c><c r=\"F2\"><v>10</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>B</t></is></c><c r=\"B3\" t=\"inlineStr\"><is>"
                + "<t>Fever</t></is></c><c r=\"C3\"><v>2</v></c><c r=\"D3\"><f>5+5</f><v></v></c>"
                + "<c r=\"E3\" t=\"e\"><v>#VALUE!</v></c><c r=\"F3\"><v>10</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>C</t></is></c><c r=\"B4\" t=\"inlineStr\"><is>"
                + "<t>Fever</t></is></c><c r=\"C4\"><v>2</v></c><c r=\"D4\"><v>10</v></c>"
                + "<c r=\"E4\" t=\"e\"><v>#N/A</v></c><c r=\"F4\"><v>10</v></c></row>";
        for (boolean whole : new boolean[] {true, false}) {
            String xml = head + (whole ? rows : rows.replace("<f>5+5</f><v></v>", "<v>10</v>"));
            Path p = withPart("errors-" + whole + ".xlsx", "xl/worksheets/sheet1.xml",
                    (xml + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            Cli.Run r = analyze(p);
            refused(r, p, "row 2, column 'events_msc': found \"#DIV/0!\"");
            refused(r, p, "row 3, column 'events_control': found \"#VALUE!\"");
            refused(r, p, "row 4, column 'events_control': found \"#N/A\"; expected a count, because n_control is"
                    + " filled");
            assertFalse(r.all().contains("#ERROR"), r.all());
        }
    }

    static Stream<Arguments> brokenWorkbooks() {
        return Stream.of(Arguments.of("empty.xlsx", new byte[0], "empty"),
                Arguments.of("random.xlsx", randomBytes(4096), "could not be opened"),
                // text under a workbook's name is read as text (below); text that is no sheet is refused as text
                // (the line that says so is no problem of its own: two columns are missing, two problems)
                Arguments.of("text.xlsx", "study,outcome\nA,B\n".getBytes(StandardCharsets.UTF_8),
                        "2 problems in the input:\n"
                        + "text.xlsx: expected an .xlsx workbook, but the file holds text (as some sites export a table):"
                        + " it was read as delimited text, in which these were found\n"
                        + "row 1, column 'events_msc': found nothing"),
                Arguments.of("empty.xls", new byte[0], "the file is empty"),
                Arguments.of("page.xls", "<html><table><tr><td>study</td></tr></table></html>"
                        .getBytes(StandardCharsets.UTF_8), "a web page (HTML)"),
                Arguments.of("text.xls", "study\tevents_msc\nA\t1\n".getBytes(StandardCharsets.UTF_8),
                        "the file holds text (as some sites export a table): it was read as delimited text\n"
                        + "row 1, column 'outcome': found nothing"),
                Arguments.of("xml2003.xls", SPREADSHEET_2003, "an Excel 2003 XML spreadsheet"),
                // markup under a text file's name: said to be what it is, not read as a header that names nothing
                Arguments.of("page.csv", "\uFEFF<!DOCTYPE html>\n<html><table><tr><td>study</td></tr></table></html>"
                        .getBytes(StandardCharsets.UTF_8), "a web page (HTML)"),
                Arguments.of("trials.xml", SPREADSHEET_2003, "an Excel 2003 XML spreadsheet"),
                Arguments.of("trials.csv", "<?xml version=\"1.0\"?><studies><study>A</study></studies>"
                        .getBytes(StandardCharsets.UTF_8), "XML, not rows of values"),
                // sheets zipped together, under a workbook's name or a text file's: a zip archive, not "damaged"
                Arguments.of("zipped.xlsx", archive(), "the file is a zip archive of 2 files (trials.csv, notes.txt),"
                        + " not a workbook: unpack it and give the sheet inside"),
                Arguments.of("zipped.csv", archive(), "the file is a zip archive of 2 files"),
                // an OLE2 container's signature followed by nothing a workbook holds
                Arguments.of("damaged.xls", oleSignatureThenRandom(), "could not be opened as one"),
                // bytes of no known kind under a workbook's name: damaged, not text nor XML
                Arguments.of("random.xls", randomBytes(4096), "expected an .xls workbook, but the file is none that"
                        + " could be opened (it is damaged, truncated, or of another type)"),
                // files that are no sheet, given by mistake: said to be what they are (before: four "expected a
                // column named ..." problems, or "saved in another encoding, such as Windows-1252")
                Arguments.of("results.json", ("{\n  \"tool\" : {\n    \"name\" : \"mscmeta\",\n    \"version\" :"
                        + " \"0.1.0\"\n  },\n  \"input\" : {}\n}\n").getBytes(StandardCharsets.UTF_8), "the results of an"
                        + " earlier run of mscmeta (results.json), not an extraction sheet: give the sheet they were"
                        + " computed from"),
                Arguments.of("NCT01.json", "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01\"}}}"
                        .getBytes(StandardCharsets.UTF_8), "a ClinicalTrials.gov study record, not an extraction"
                        + " sheet: turn it into one with 'mscmeta import-ctgov FILE --out FOLDER'"),
                Arguments.of("NCT01.xml", "<?xml version=\"1.0\"?><clinical_study><id_info/></clinical_study>"
                        .getBytes(StandardCharsets.UTF_8), "a ClinicalTrials.gov study record"),
                Arguments.of("trials.json", "[{\"study\": \"A\", \"events_msc\": 1}]".getBytes(StandardCharsets.UTF_8),
                        "JSON, not rows of values"),
                Arguments.of("paper.pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
                        "a PDF (a paper or a plot), from which mscmeta reads no table"),
                Arguments.of("paper.xlsx", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "expected an"
                        + " .xlsx workbook, but the file is a PDF"),
                Arguments.of("table.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13},
                        "a picture (PNG, JPEG or GIF)"),
                Arguments.of("table.csv", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
                        "a picture (PNG, JPEG or GIF)"),
                Arguments.of("report.docx", office("word/document.xml"), "the file is a Word document (.docx), from"
                        + " which mscmeta reads no table: copy its table into a spreadsheet"),
                Arguments.of("slides.csv", office("ppt/presentation.xml"), "a PowerPoint presentation (.pptx)"));
    }

    /** An Office Open XML package holding {@code part}: a document, as Word or PowerPoint saves one. */
    private static byte[] office(String part) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (String name : new String[] {"[Content_Types].xml", part}) {
                out.putNextEntry(new ZipEntry(name));
                out.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** A zip archive of a sheet and a note, as a folder zipped by hand. */
    private static byte[] archive() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (String name : new String[] {"trials.csv", "notes.txt"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write((HEAD + "A,Fever,1,10,2,10\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** Excel's "XML Spreadsheet 2003", as it saves one, in UTF-16 with its byte-order mark. */
    private static final byte[] SPREADSHEET_2003 = ("\uFEFF<?xml version=\"1.0\"?>\r\n<?mso-application"
            + " progid=\"Excel.Sheet\"?>\r\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"
            + "<Worksheet><Table><Row><Cell><Data>study</Data></Cell></Row></Table></Worksheet></Workbook>")
            .getBytes(StandardCharsets.UTF_16LE);

    private static byte[] oleSignatureThenRandom() {
        byte[] b = randomBytes(4096);
        byte[] sig = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(3).nextBytes(b);
        return b;
    }

    /** A title in angle brackets above the header is a title, not markup: the sheet below it is read. */
    @Test
    void aTitleInAngleBracketsIsNoMarkup() throws Exception {
        Path p = Files.writeString(dir.resolve("titled.csv"), "<Table 2> Adverse events by arm\n" + HEAD
                + "A 2020,Fever,1,10,2,10\nB 2021,Fever,3,10,1,10\n");
        Cli.Run r = analyze(p);
        assertEquals(0, r.status(), r.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenWorkbooks")
    void brokenWorkbooksAreRefusedInWords(String name, byte[] content, String words) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        refused(analyze(p), p, words.split("\n")); // phrases, one a line
    }

    /**
     * Tab-separated text saved as ".xls" (as some sites export a table) or as ".xlsx" is read as delimited text, as
     * Excel opens it, with a notice: the same studies and pooled estimates as the sheet saved as CSV. Before, it was
     * refused ("it holds text") or called damaged.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"export.xls", "export.xlsx"})
    void textUnderAWorkbooksNameIsReadAsText(String name) throws Exception {
        String rows = "A,Fever,1,10,2,10\nB,Fever,3,12,1,11\nC,Fever,2,9,4,10\n";
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, HEAD + rows);
        Path text = dir.resolve(name);
        Files.writeString(text, (HEAD + rows).replace(',', '\t'));
        Cli.Run fromCsv = analyze(csv, "--no-report");
        Cli.Run fromText = analyze(text, "--no-report");
        assertEquals(0, fromCsv.status(), fromCsv.all());
        assertEquals(0, fromText.status(), fromText.all());
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(outFor(csv).resolve("results.json").toFile()).get("analyses");
        JsonNode b = m.readTree(outFor(text).resolve("results.json").toFile()).get("analyses");
        assertEquals(a, b);
        assertEquals(3, b.get(0).get("k").asInt(), b.toString());
        String notices = m.readTree(outFor(text).resolve("results.json").toFile()).get("notices").toString();
        String extension = name.substring(name.indexOf('.'));
        assertTrue(notices.contains(name + ": the file holds text, not an " + extension + " workbook (as some sites"
                + " export a table); it was read as delimited text, as Excel opens it"), notices);
        // --sheet with such a file: the user took it for a workbook
        Path again = Files.copy(text, dir.resolve("sheet-" + name));
        refused(analyze(again, "--sheet", "Sheet1"), again, "the file holds text (as some sites export a table), which"
                + " has no sheets: leave --sheet out");
    }

    /** --sheet with a delimited text file is refused, not ignored: the user took the file for a workbook. */
    @Test
    void aFolderGivenAsTheSheetIsRefusedAsAFolderNotAsMissing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("extraction"));
        Files.writeString(folder.resolve("trials.csv"), HEAD + "A,Fever,1,10,2,10\n");
        Files.writeString(folder.resolve("notes.md"), "which trials\n");
        Files.createDirectories(folder.resolve("review"));
        Files.writeString(folder.resolve("review/groups.csv"), "nct_id,group_id,role\n");
        Cli.Run r = analyze(folder);
        // the sheets in it are named (as the folder of an import, whose sheet the user need not know the name of)
        refused(r, folder, "but this is a folder", "name the file in it (it holds trials.csv)");
        assertFalse(r.err().contains("no such file"), r.err());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        refused(analyze(empty), empty, "but this is a folder: name the file in it (it holds none of these)");
    }

    @Test
    void aFolderOrNothingGivenForAFileOptionIsRefusedNamingTheOption() throws Exception {
        Path sheet = Files.writeString(dir.resolve("options.csv"), HEAD + "A,Fever,1,10,2,10\n");
        Path folder = Files.createDirectories(dir.resolve("maps"));
        for (String option : List.of("--vocabulary", "--outcome-map")) {
            Cli.Run r = analyze(sheet, option, folder.toString());
            assertEquals(2, r.status(), r.all());
            assertTrue(r.err().contains(option + " " + folder + ": a folder; give the file to read"), r.err());
            Cli.Run missing = analyze(sheet, option, folder.resolve("none.csv").toString());
            assertEquals(2, missing.status(), missing.all());
            assertTrue(missing.err().contains(option + " " + folder.resolve("none.csv") + ": no such file"),
                    missing.err());
            assertFalse(LEAK.matcher(r.all() + missing.all()).find(), "leaked: " + r.all() + missing.all());
            assertFalse(Files.exists(dir.resolve("out-options.csv")), "nothing written");
        }
    }

    @Test
    void aSheetNamedForATextFileIsRefused() throws Exception {
        Path p = Files.writeString(dir.resolve("trials.csv"), HEAD + "A,Fever,1,10,2,10\n");
        refused(analyze(p, "--sheet", "AE"), p, "as --sheet names one of its sheets", "leave --sheet out");
    }

    @Test
    void aTruncatedWorkbookIsRefusedInWords() throws Exception {
        Path whole = formulaWorkbook("whole.xlsx", "1+2");
        byte[] b = Files.readAllBytes(whole);
        Path p = dir.resolve("truncated.xlsx");
        Files.write(p, java.util.Arrays.copyOf(b, b.length / 2));
        refused(analyze(p), p, "could not be opened");
    }

    /** A copy of a valid workbook with one part replaced. */
    private Path withPart(String name, String part, byte[] content) throws Exception {
        Path source = formulaWorkbook("source-" + name, "1+2");
        Path p = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(part) ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return p;
    }

    /**
     * Excel's "Strict Open XML Spreadsheet" keeps the .xlsx name but writes its XML and relationships in the ISO
     * namespaces, which POI reads only in part: refused saying so and how to save it, not as a damaged file.
     */
    @Test
    void aStrictOpenXmlWorkbookIsRefusedSayingHowToSaveIt() throws Exception {
        Path source = formulaWorkbook("transitional.xlsx", "1+2");
        Path p = dir.resolve("strict.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                "http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships")
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        refused(analyze(p), p, "saved as a Strict Open XML Spreadsheet", "'Excel Workbook (*.xlsx)'");
    }

    @Test
    void aZipBombIsRefusedInWords() throws Exception {
        // 50 MB of spaces inside the sheet: a compression ratio far beyond any real workbook's
        byte[] huge = new byte[50 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        byte[] head = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, huge, 0, head.length);
        Path p = withPart("bomb.xlsx", "xl/worksheets/sheet1.xml", huge);
        refused(analyze(p), p, "zip bomb");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
        Path p = withPart("xxe.xlsx", "xl/worksheets/sheet1.xml", xxe.getBytes(StandardCharsets.UTF_8));
        Cli.Run r = analyze(p);
        assertEquals(2, r.status(), r.all());
        assertFalse(r.all().contains("root:"), "the entity was not resolved");
        assertFalse(LEAK.matcher(r.all()).find(), r.all());
    }

    /**
     * The command line in a JVM of its own (as a user runs it: POI's logging not yet configured by another test): the
     * refusal is the program's sentence alone, no library log line ("FATAL XMLHelper ...") beside it.
     */
    @Test
    void aRefusedWorkbookPrintsNoLibraryLogLine() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/>"
                + "</worksheet>";
        Path p = withPart("xxe-own-jvm.xlsx", "xl/worksheets/sheet1.xml", xxe.getBytes(StandardCharsets.UTF_8));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmscmeta.relaunch=false", "-cp", cp, "org.mscmeta.cli.Main", "analyze", p.toString(), "--out",
                dir.resolve("own-jvm-out").toString(), "--quiet").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.waitFor(), output);
        assertEquals(List.of("error: 1 problem in the input:", "  xxe-own-jvm.xlsx: expected an .xlsx workbook, but"
                + " its XML declares a document type or external entities, which a spreadsheet program never writes;"
                + " it was not read", "Nothing was written. Correct the sheet and run again."),
                output.lines().toList());
    }

    /** Each problem of an input on a line of its own: line breaks are kept, control characters escaped. */
    @Test
    void problemsArePrintedOnePerLine() throws Exception {
        Path p = dir.resolve("two-problems.csv");
        Files.writeString(p, HEAD + "A,Fever,5,4,1,10\nB,Fever,11,10,1,10\n");
        Cli.Run r = analyze(p);
        refused(r, p, "2 problems in the input:");
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.contains("  two-problems.csv: row 2, column 'events_msc': found \"5\"; expected at most n_msc"
                + " = 4 (counts are participants with the event, not events)"), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  two-problems.csv: row 3, column 'events_msc'")), r.err());
        assertFalse(r.err().contains("\\x0A"), r.err());
    }

    @Test
    void moreRowsThanAWorksheetHoldsAreRefused() throws Exception {
        String sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>outcome</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>"
                + "events_msc</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n_msc</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"
                + "Fever</t></is></c><c r=\"C2\"><v>1</v></c><c r=\"D2\"><v>10</v></c></row>"
                + "<row r=\"1048577\"><c r=\"A1048577\" t=\"inlineStr\"><is><t>B</t></is></c></row>"
                + "</sheetData></worksheet>";
        Path p = withPart("rows.xlsx", "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        refused(analyze(p), p, "at most 1048576 rows");
    }

    // ------------------------------------------------------------------ text sheets

    @Test
    void aRowWithTooFewFieldsIsAnErrorNotASingleArmStudy() throws Exception {
        Path p = dir.resolve("short.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\nB,Fever,3,10\n");
        refused(analyze(p), p, "row 3, column 'events_control'", "the row has 4 values but the header has 6");
    }

    /**
     * A separator missing in the middle of a row, or an unquoted one in a text, moves the values after it: the
     * problems found in that row say so (they said only "found 21; expected at most n_msc = 4").
     */
    @Test
    void aRowWhoseValuesMovedSaysWhy() throws Exception {
        Path p = dir.resolve("moved.csv");
        Files.writeString(p, "study,outcome,events_msc,n_msc,events_control,n_control,note\n"
                + "A,Fever,1,10,2,10,\nB,Fever,310,1,10,\nC,Fever,1,10,2,10,placebo, saline\n");
        refused(analyze(p), p, "row 3, column 'events_msc': found \"310\"; expected at most n_msc = 1",
                "the row has 6 values but the header has 7 columns: if a separator is missing, the values after it"
                        + " have moved to the left",
                "row 4, column 'column 8': found \"saline\"; expected no value beyond the last header column (7"
                        + " columns): if a text holds the separator without quotes, the values after it have moved to"
                        + " the right (write such a text in double quotes)");
    }

    /**
     * A count written as a mark of a value not reported ("NR", an em dash) is refused showing the cell as written
     * (the problem said "found a blank cell" of a cell that holds "NR"), with what to do.
     */
    @Test
    void aCountMarkedNotReportedIsShownAsWritten() throws Exception {
        Path p = dir.resolve("marks.csv");
        Files.writeString(p, HEAD + "A,Fever,NR,40,2,40\nB,Fever,3,40,4,\u2014\n");
        refused(analyze(p), p, "row 2, column 'events_msc': found \"NR\"; expected a whole number of participants"
                + " with the event, 0 or more ('NR' is read as a mark of a value not reported); a study that did not"
                + " report an outcome has no row for it", "row 3, column 'n_control': found \"\u2014\"; expected a"
                + " count, because events_control is filled");
        // the abbreviations of a paper's tables: a single-arm study's control cells read as blank, with the notice
        Path abbreviated = dir.resolve("abbreviated.csv");
        Files.writeString(abbreviated, HEAD + "A,Fever,1,40,n.r.,n.r.\nB,Fever,3,40,ND,n/d\nC,Fever,2,30,Not applicable,"
                + "not available\nD,Fever,2,30,3,30\nE,Fever,1,25,2,25\n");
        Cli.Run r = analyze(abbreviated, "--no-report");
        assertEquals(0, r.status(), r.all());
        String json = Files.readString(outFor(abbreviated).resolve("results.json"));
        assertTrue(json.contains("abbreviated.csv: 6 cells holding 'NA', 'N/A', '-' or a similar mark of a value not"
                + " reported were read as empty (first: 'n.r.' in row 2, column 'events_control')"), json);
        assertTrue(json.contains("3 single-arm rows"), json);
    }

    /** A wide table (a column per outcome and arm) is refused saying how the sheet should look instead. */
    @Test
    void aWideTableIsRefusedWithTheLongLayoutToWrite() throws Exception {
        Path p = dir.resolve("wide.csv");
        Files.writeString(p, "study,year,n_msc,n_control,Fever MSC,Fever control,Death MSC,Death control\n"
                + "A,2020,20,20,3,1,1,2\nB,2021,30,30,4,2,0,1\n");
        refused(analyze(p), p, "row 1, column 'outcome'", "the sheet has a column per outcome and arm, 'Fever MSC'"
                + " among them: write one row per study and outcome instead");
    }

    /**
     * Notes below the table (abbreviations, a source) are one problem each that says what they look like; they were
     * three problems each about empty count columns.
     */
    @Test
    void aNoteBelowTheTableIsOneProblemSayingWhatItIs() throws Exception {
        Path p = dir.resolve("notes.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\n\n\"Abbreviations: MSC, mesenchymal stromal cells\",,,,,\n"
                + "Source: own extraction\n");
        Cli.Run r = analyze(p);
        refused(r, p, "row 4, column 'study': found \"Abbreviations: MSC, mesenchymal stromal cells\"; expected a data"
                + " row, but this row holds this text alone (a note below the table?): delete it, or keep notes in a"
                + " column of their own", "row 5, column 'study': found \"Source: own extraction\"");
        assertTrue(r.err().contains("2 problems in the input"), r.err());
    }

    /**
     * A forest plot's table as RevMan exports it, with an outcome column added: a subgroup's heading, a subtotal row,
     * the total events and the lines of statistics are one problem each that says what the row is (the subtotal row
     * and the total events were four problems each, about their blank outcome and totals).
     */
    @Test
    void aRevManTablesExtraRowsAreOneProblemEachSayingWhatTheyAre() throws Exception {
        Path p = dir.resolve("revman.csv");
        Files.writeString(p, "Study or Subgroup,Outcome,Experimental Events,Experimental Total,Control Events,"
                + "Control Total,Weight\n1.1.1 Intravenous,,,,,,\nLalu 2018,Fever,3,20,1,20,30.2%\n"
                + "Subtotal (95% CI),,20,,20,30.2%\nTotal events,,3,,1,,\n"
                + "\"Heterogeneity: Not applicable\",,,,,,\nTest for overall effect: Z = 0.99 (P = 0.32),,,,,,\n");
        Cli.Run r = analyze(p);
        refused(r, p, "row 2, column 'Study or Subgroup': found \"1.1.1 Intravenous\"; expected a data row, but this"
                + " row is a subgroup's heading (as RevMan writes '1.1.1 Intravenous' above a subgroup's studies):"
                + " delete it, and give the subgroup of its studies in a column of theirs",
                "row 4, column 'Study or Subgroup': found \"Subtotal (95% CI)\"; expected a study, but this is a row"
                + " of totals or of a pooled result (as copied from a paper's table), whose participants the studies'"
                + " rows already count: delete the row, mscmeta pools the studies itself (a trial so named: add its"
                + " year to the label)\n",
                "row 5, column 'Study or Subgroup': found \"Total events\"",
                "row 6, column 'Study or Subgroup': found \"Heterogeneity: Not applicable\"; expected a data row, but"
                + " this row holds statistics of a pooled result (as they stand under a forest plot's table): delete"
                + " it, mscmeta computes them",
                "row 7, column 'Study or Subgroup': found \"Test for overall effect: Z = 0.99 (P = 0.32)\"; expected a"
                + " data row, but this row holds statistics");
        assertTrue(r.err().contains("5 problems in the input"), r.err());
    }

    /**
     * Events and totals swapped for the whole sheet: besides each row's problem, the first line says the columns
     * look swapped (each row said only "expected at most n_msc = 4"); one row over its total says no such thing.
     */
    @Test
    void swappedEventAndTotalColumnsAreSaidOnce() throws Exception {
        Path p = dir.resolve("swapped.csv");
        Files.writeString(p, "study,outcome,MSC total,MSC events,events_control,n_control\n"
                + "A,Fever,1,10,2,10\nB,Fever,3,12,1,12\nC,Fever,4,20,2,20\nD,Fever,10,5,2,10\n");
        Cli.Run r = analyze(p);
        refused(r, p, "swapped.csv: row 1: expected the participants with the event in events_msc and the arm's"
                + " participants in n_msc, but in 3 of 4 rows 'MSC events' holds more than 'MSC total', as if the two"
                + " columns held each other's values: check which is which");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, HEAD + "A,Fever,1,10,2,10\nB,Fever,13,12,1,12\nC,Fever,4,20,2,20\n");
        Cli.Run single = analyze(one);
        assertEquals(2, single.status());
        assertFalse(single.err().contains("as if the two columns held each other's values"), single.err());
    }

    @Test
    void aLabelLongerThanACellHoldsIsRefusedNamingRowAndColumn() throws Exception {
        Path p = dir.resolve("long.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\n" + "B".repeat(40_000) + ",Fever,3,10,1,10\n");
        refused(analyze(p), p, "row 3, column 'study'", "at most 32767 characters");
    }

    @Test
    void controlCharactersNeverReachTheTerminalAndTheFilesStayReadable() throws Exception {
        Path p = dir.resolve("control.csv");
        Files.writeString(p, HEAD + "A\u001b[31m red,Fever,1,10,2,10\nB\u0007,Fever,3,10,1,10\nC,Fever,2,12,4,11\n");
        Cli.Run r = Cli.run("analyze", p.toString(), "--out", dir.resolve("ctl").toString());
        assertEquals(0, r.status(), r.all());
        assertFalse(r.all().contains("\u001b") || r.all().contains("\u0007"), "no raw control byte printed");
        assertTrue(r.out().contains("control character"), r.out());
        try (Stream<Path> svgs = Files.list(dir.resolve("ctl/plots"))) {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            for (Path svg : svgs.filter(f -> f.toString().endsWith(".svg")).toList()) {
                factory.newDocumentBuilder().parse(svg.toFile());
            }
        }
    }

    /**
     * A line break typed in a cell (Excel's Alt+Enter, quoted in a CSV), a tab inside a label and a DOS end-of-file
     * mark on the last line: labels are read with a space in their place, so that an outcome typed over two lines
     * is the outcome typed on one, and the mark is a blank line. The outcome's line break ended the report as "a
     * defect" (the workbook's formulas could not name its sheet); the study's reached results.json and the plots.
     */
    @Test
    void lineBreaksAndControlCharactersInLabelsAreReadAsSpaces() throws Exception {
        Path csv = dir.resolve("breaks.csv");
        Files.writeString(csv, HEAD + "\"Smith\n2020\",Death,1,10,2,10\n\"B\t 2019\",Death,2,12,3,11\n"
                + "C,\"Serious\r\nAE\",1,10,1,10\nD,Serious AE,2,10,1,10\n\u001a\n");
        Path xlsx = dir.resolve("breaks.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("AE");
            String[][] rows = {HEAD.strip().split(","), {"Smith\n2020", "Death", "1", "10", "2", "10"},
                {"B\t 2019", "Death", "2", "12", "3", "11"}, {"C", "Serious\nAE", "1", "10", "1", "10"},
                {"D", "Serious AE", "2", "10", "1", "10"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (i > 0 && j >= 2) {
                        row.createCell(j).setCellValue(Double.parseDouble(rows[i][j]));
                    } else {
                        row.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
            wb.write(out);
        }
        for (Path input : List.of(csv, xlsx)) {
            Cli.Run r = Cli.run("analyze", input.toString(), "--out", outFor(input).toString());
            assertEquals(0, r.status(), r.all());
            assertFalse(LEAK.matcher(r.all()).find(), "leaked: " + r.all());
            // the CSV's fourth: the end-of-file mark, a line left blank
            assertTrue(r.out().contains(input.getFileName() + ": " + (input == csv ? 4 : 3) + " cells held a line"
                    + " break, a tab or another control character, read as a space (first: row 2, column 'study')"),
                    r.out());
            JsonNode json = new ObjectMapper().readTree(outFor(input).resolve("results.json").toFile());
            List<String> outcomes = new java.util.ArrayList<>();
            for (JsonNode a : json.get("analyses")) {
                if (a.get("subgroup").isNull()) {
                    outcomes.add(a.get("outcome").asString() + " " + a.get("k").asInt());
                }
            }
            assertEquals(List.of("Death 2", "Serious AE 2"), outcomes, "one outcome typed on one line or two");
            JsonNode studies = json.get("analyses").get(0).get("studies");
            assertEquals("Smith 2020", studies.get(0).get("study").asString());
            assertEquals("B 2019", studies.get(1).get("study").asString());
            assertTrue(Files.exists(outFor(input).resolve("results.xlsx")), "the report was written");
        }
    }

    @Test
    void optionsGivenTwiceOrOutcomesJoinedByACommaAreRefused() throws Exception {
        Path p = dir.resolve("ok.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\nB,Death,3,10,1,10\n");
        Cli.Run twice = analyze(p, "--measure", "RR", "--measure", "OR");
        assertEquals(2, twice.status());
        assertTrue(twice.err().contains("--measure is given 2 times ('RR', 'OR'); give it once"), twice.err());
        Cli.Run joined = analyze(p, "--outcome", "Fever,Death");
        assertEquals(2, joined.status());
        assertTrue(joined.err().contains("give --outcome once for each"), joined.err());
        Cli.Run both = Cli.run("analyze", p.toString(), "--out", dir.resolve("both").toString(), "--quiet",
                "--no-report", "--outcome", "Fever", "--outcome", "death");
        assertEquals(0, both.status(), both.all());
    }

    /**
     * --outcome names an outcome as the sheet's names are merged (case, spacing, punctuation); a name one or two
     * letters off is refused with the closest outcome named.
     */
    @Test
    void outcomesAreNamedAsTheSheetMergesThemAndATypoGetsTheClosest() throws Exception {
        Path p = dir.resolve("names.csv");
        Files.writeString(p, HEAD + "A,Serious adverse events,1,10,2,10\nB,Serious adverse events,3,10,1,10\n"
                + "A,Death,0,10,1,10\n");
        Path out = dir.resolve("named");
        Cli.Run named = Cli.run("analyze", p.toString(), "--out", out.toString(), "--quiet", "--no-report",
                "--outcome", "serious  adverse-events.");
        assertEquals(0, named.status(), named.all());
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(java.util.regex.Pattern.compile("\"outcome\"\\s*:\\s*\"Serious adverse events\"").matcher(json).find());
        assertFalse(java.util.regex.Pattern.compile("\"outcome\"\\s*:\\s*\"Death\"").matcher(json).find());
        refused(analyze(p, "--outcome", "Serius adverse event"), p, "error: no outcome 'Serius adverse event' in"
                + " names.csv; did you mean 'Serious adverse events'? The outcomes are: Serious adverse events, Death");
        refused(analyze(p, "--outcome", "Fever"), p, "error: no outcome 'Fever' in names.csv; the outcomes are: Serious"
                + " adverse events, Death");
    }

    /**
     * A column named a letter or two off in --by, --moderators or --organ-system is refused with the closest; a word
     * of a column's name with that column.
     */
    @Test
    void aColumnTypoGetsTheClosestColumn() throws Exception {
        Path p = dir.resolve("columns.csv");
        Files.writeString(p, "study,outcome,route,dose,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,intravenous,1,1,10,2,10\nB,Fever,intrathecal,2,3,10,1,10\n");
        refused(analyze(p, "--by", "rout"), p, "error: no column 'rout' in columns.csv to form subgroups (--by); did"
                + " you mean 'route'? The columns are: study, outcome, route, dose,");
        refused(analyze(p, "--moderators", "dsoe"), p, "error: no column 'dsoe' in columns.csv for --moderators; did"
                + " you mean 'dose'?");
        refused(analyze(p, "--by", "donor"), p, "error: no column 'donor' in columns.csv to form subgroups (--by); the"
                + " columns are: study,");
        // the one column whose name holds the word asked for comes before one a letter or two off ('note')
        Path q = dir.resolve("words.csv");
        Files.writeString(q, "study,outcome,dose_description,note,events_msc,n_msc\nA,Fever,1e6/kg,x,1,10\n");
        refused(analyze(q, "--by", "dose"), q, "error: no column 'dose' in words.csv to form subgroups (--by); did"
                + " you mean 'dose_description'?");
    }

    /**
     * The outcome column is what every analysis is split by already: --by outcome wrote each analysis twice (58
     * analyses for the example's 29 outcomes, exit 0), and as a moderator it is one value within each analysis.
     */
    @Test
    void theOutcomeColumnIsRefusedAsSubgroupsOrModerator() throws Exception {
        Path p = dir.resolve("outcomes.csv");
        Files.writeString(p, "study,Adverse event,route,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,intravenous,1,10,2,10\nB,Fever,intrathecal,3,10,1,10\n");
        String by = " is the outcome column of outcomes.csv, and every outcome is analysed on its own already:"
                + " subgroups by it (--by) would repeat each analysis";
        refused(analyze(p, "--by", "Adverse event"), p, "error: 'Adverse event'" + by);
        refused(analyze(p, "--by", "route,outcome"), p, "error: 'outcome'" + by);
        refused(analyze(p, "--moderators", "adverse_event"), p, "error: 'adverse_event' is the outcome column of"
                + " outcomes.csv, one value within each outcome's analysis: it cannot be a moderator");
    }

    /** A column named twice, as given or by a name of its field, would repeat its subgroups or its coefficient. */
    @Test
    void aColumnNamedTwiceForSubgroupsOrModeratorsIsRefused() throws Exception {
        Path p = dir.resolve("twice.csv");
        Files.writeString(p, "study,year,outcome,route,events_msc,n_msc,events_control,n_control\n"
                + "A,2019,Fever,intravenous,1,10,2,10\nB,2021,Fever,intrathecal,3,10,1,10\n");
        refused(analyze(p, "--by", "route,route"), p,
                "error: --by names the column 'route' of twice.csv twice: give each column once");
        refused(analyze(p, "--by", "route,Route"), p,
                "error: --by names one column of twice.csv twice, as 'route' and 'Route': give each column once");
        refused(analyze(p, "--by", "route,administration"), p, "as 'route' and 'administration'");
        refused(analyze(p, "--moderators", "year,YEAR"), p, "error: --moderators names one column of twice.csv"
                + " twice, as 'year' and 'YEAR'");
        assertEquals(0, analyze(p, "--by", "route", "--moderators", "route").status(),
                "one column for subgroups and as a moderator is two analyses");
    }

    /**
     * A name that two columns of the sheet share ("dose_arm" and "Dose arm") is refused for --by, --moderators and
     * --organ-system: before, the first column was taken without a word, maybe not the one meant.
     */
    @Test
    void aColumnNameTwoColumnsShareIsRefusedForSubgroupsModeratorsAndOrganSystems() throws Exception {
        Path p = dir.resolve("shared.csv");
        Files.writeString(p, "study,outcome,events_msc,n_msc,events_control,n_control,dose_arm,Dose arm\n"
                + "A 2020,Fever,1,10,2,10,low,high\nB 2021,Fever,3,10,1,10,high,low\nC 2022,Fever,2,12,1,11,high,low\n");
        String shared = " names 'dose_arm', but 2 columns of shared.csv have that name ('dose_arm', 'Dose arm'): give"
                + " each column a name of its own and name the one meant";
        refused(analyze(p, "--by", "dose_arm"), p, "error: --by" + shared);
        refused(analyze(p, "--moderators", "dose_arm"), p, "error: --moderators" + shared);
        refused(analyze(p, "--organ-system", "dose_arm"), p, "error: --organ-system" + shared);
        assertEquals(0, analyze(p).status(), "the sheet itself is read: only naming the two is ambiguous");
    }

    /**
     * A value opened by a double quote that is never closed reads the rows after it into itself: one problem says so,
     * naming the row and column where it starts, not a short row or a note. A quoted note that holds line breaks and
     * a few commas is no such value, and a note below the table is still one.
     */
    @Test
    void aDoubleQuoteNeverClosedIsNamedWhereItOpens() throws Exception {
        String rows = "A,Fever,1,10,2,10\n";
        Path mid = dir.resolve("quote-mid.csv");
        Files.writeString(mid, HEAD + rows + "B,\"Fever,3,12,2,10\nC,Fever,3,12,2,10\nD,Fever,1,9,2,10\n");
        refused(analyze(mid), mid, "quote-mid.csv: row 3, column 'outcome': found \"Fever,3,12,2,10 ...\"; expected"
                + " one value, but it runs over 3 lines of the file, and the lines after its first look like rows of the"
                + " sheet: a double quote (\") opens the value and is not closed where it ends, so the rows after it"
                + " were read into it: delete that double quote, or close it");
        assertFalse(analyze(mid).err().contains("values but the header has"), "not a short row");

        Path last = dir.resolve("quote-last.csv");
        Files.writeString(last, HEAD + rows + "\"B,Fever,3,12,2,10\n");
        refused(analyze(last), last, "quote-last.csv: row 3, column 'study': found \"B,Fever,3,12,2,10\"; expected a"
                + " data row, but this row is one text holding separators as a whole row does: a double quote (\") at"
                + " its start that is never closed makes the rest of the file one value");

        Path note = dir.resolve("quote-note.csv");
        Files.writeString(note, "study,outcome,events_msc,n_msc,events_control,n_control,note\n"
                + "A,Fever,1,10,2,10,\"Dose 1, day 0;\nDose 2, day 7\"\nB,Fever,x,12,2,10,\"Dose 1, day 0;\nDose 2\"\n");
        refused(analyze(note), note, "row 3, column 'events_msc': found \"x\"");

        Path below = dir.resolve("quote-below.csv");
        Files.writeString(below, HEAD + rows + "\"Abbreviations: IV, intravenous; BM, bone marrow\"\n");
        refused(analyze(below), below, "row 3, column 'study': found \"Abbreviations: IV, intravenous; BM, bone"
                + " marrow\"; expected a data row, but this row holds this text alone (a note below the table?)");
    }

    @Test
    void anEmptyOutIsRefused() throws Exception {
        Path p = dir.resolve("ok.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\n");
        Cli.Run r = Cli.run("analyze", p.toString(), "--out", "", "--quiet");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("--out: give the folder to write into"), r.err());
    }

    /**
     * "--out results.xlsx" (or results.json) names a file the run writes, not the folder it writes into: it made a
     * folder of that name with results.xlsx inside. Refused, saying what goes where, with nothing written; a folder
     * already there of such a name is written into.
     */
    @Test
    void anOutNamedLikeAFileIsRefusedSayingItIsAFolder() throws Exception {
        Path p = dir.resolve("ok.csv");
        Files.writeString(p, HEAD + "A,Fever,1,10,2,10\n");
        for (String name : List.of("results.xlsx", "Results.JSON", "report.docx")) {
            Path out = dir.resolve("sub").resolve(name);
            Cli.Run r = Cli.run("analyze", p.toString(), "--out", out.toString(), "--quiet");
            assertEquals(2, r.status(), r.all());
            String stem = name.substring(0, name.indexOf('.'));
            assertTrue(r.err().contains("error: --out " + out + ": give the folder to write into, not a file's name:"
                    + " results.json, with the workbook, the manuscript kit and plots/ beside it unless --no-report,"
                    + " is written into that folder (e.g. --out " + dir.resolve("sub").resolve(stem) + ")"), r.err());
            assertFalse(Files.exists(dir.resolve("sub")), "nothing written");
        }
        Path folder = Files.createDirectories(dir.resolve("out.json"));
        Cli.Run r = Cli.run("analyze", p.toString(), "--out", folder.toString(), "--quiet", "--no-report");
        assertEquals(0, r.status(), r.all());
        assertTrue(Files.exists(folder.resolve("results.json")));
        assertEquals(0, Cli.run("analyze", p.toString(), "--out", dir.resolve("run.2026-12").toString(), "--quiet",
                "--no-report").status(), "a dotted folder name that is no file's");
    }

    @Test
    void deeplyNestedJsonIsRefusedNamingItsPath() throws Exception {
        Path p = dir.resolve("deep.json");
        Files.writeString(p, "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
        Cli.Run r = Cli.run("import-ctgov", p.toString(), "--out", dir.resolve("imp").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("deep.json, JSON path /a/a/a") && r.err().contains("levels deep"), r.err());
        assertFalse(LEAK.matcher(r.all()).find(), r.all());
    }

    @Test
    void noArgumentsPrintUsageAndExitTwo() {
        Cli.Run r = Cli.run();
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Usage: mscmeta COMMAND"), r.err());
    }

    /** The counts asserted above, for the note: how many adversarial cases this class covers. */
    static List<String> cases() {
        return List.of("formula without value", "unevaluable formula", "empty/random/text xlsx", "truncated xlsx",
                "zip bomb", "XXE", "rows beyond a worksheet", "short row", "long label", "control characters",
                "repeated options", "comma-joined outcomes", "empty --out", "deep JSON", "no arguments");
    }
}
