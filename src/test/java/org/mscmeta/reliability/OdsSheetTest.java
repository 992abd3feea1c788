package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Analyses;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;

/**
 * OpenDocument spreadsheets (.ods), as LibreOffice saves them, are read as .xlsx workbooks are. The files in
 * {@code src/test/resources/ods} were saved by LibreOffice 7.4: the example sheet opened as CSV and saved as .ods;
 * {@code trials.ods}, a workbook with a sheet of notes first, a title row above the header, a study's label and year
 * merged down two rows, a hidden row, formulas (30+5, 20+20), percentages, dates and a column of #DIV/0! errors;
 * {@code events.ods}, a sheet per adverse event; {@code comment.ods}, a study label with a comment and three spaces;
 * {@code year-dates.ods}, a sheet whose years are dates (1 January) in the format YYYY, saved from an .xlsx.
 */
class OdsSheetTest {

    @TempDir
    Path dir;

    private static final Path ODS = Path.of("src/test/resources/ods");

    @Test
    void theExampleSavedByLibreOfficeGivesTheResultsOfItsCsv() {
        JsonNode csv = Analyses.results(Path.of("examples/msc_adverse_events.csv"), dir.resolve("csv"));
        JsonNode ods = Analyses.results(ODS.resolve("msc_adverse_events.ods"), dir.resolve("ods"));
        assertEquals(csv.get("analyses"), ods.get("analyses"));
        assertEquals(csv.get("input").get("rows"), ods.get("input").get("rows"));
    }

    /** An .ods workbook under a text file's name is read by its content, as an .xlsx is. */
    @Test
    void aWorkbookNamedAsTextIsReadAsTheWorkbook() throws Exception {
        JsonNode ods = Analyses.results(ODS.resolve("msc_adverse_events.ods"), dir.resolve("ods"));
        Path txt = Files.copy(ODS.resolve("msc_adverse_events.ods"), dir.resolve("msc_adverse_events.txt"));
        assertEquals(ods.get("analyses"), Analyses.results(txt, dir.resolve("txt")).get("analyses"));
    }

    /** Merged cells filled in, formulas by their values, the hidden row read and named, the sheet chosen and said. */
    @Test
    void aWorkbookIsReadAsTheSheetShowsIt() throws Exception {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "study,year,route,cell_source,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Bowdish 2023,2023,IV,BM,Death,42,112,48,111\n"
                + "Bowdish 2023,2023,IV,BM,Serious adverse events,30,112,35,111\n"
                + "Lanzoni 2021,2021,IV,UC,Death,2,12,7,12\n"
                + "Monsel 2022,2022,intravenous,umbilical cord,Death,5,21,3,24\n"
                + "Matthay 2019,2019,IV,BM,Death,12,40,6,20\n"
                + "Matthay 2019,2019,IV,BM,Serious adverse events,10,40,8,20\n");
        JsonNode expected = Analyses.results(csv, dir.resolve("csv"), "--by", "none");
        JsonNode got = Analyses.results(ODS.resolve("trials.ods"), dir.resolve("ods"), "--by", "none");
        assertEquals(Analyses.withoutRows(expected.get("analyses")), Analyses.withoutRows(got.get("analyses")));
        String notices = got.get("notices").toString();
        for (String n : List.of("trials.ods: read sheet 'Extraction', the first with the required columns (the first"
                + " sheet, 'Notes', has none)", "trials.ods: the header is row 2 of sheet 'Extraction'",
                "trials.ods, sheet 'Extraction': row 5 is hidden", "trials.ods, sheet 'Extraction': 2 merged cells"
                + " span data rows or columns (first: A3:A4)")) {
            assertTrue(notices.contains(n), n + " in " + notices);
        }
        // rows numbered as LibreOffice shows them: the hidden row is row 5
        assertEquals(5, got.get("analyses").get(0).get("studies").get(1).get("row").asInt(), got.toString());

        // --sheet names the sheet; a sheet that is not there is named with those that are
        JsonNode named = Analyses.results(ODS.resolve("trials.ods"), dir.resolve("named"), "--by", "none",
                "--sheet", "extraction");
        assertEquals(got.get("analyses"), named.get("analyses"));
        Cli.Run missing = Cli.run("analyze", ODS.resolve("trials.ods").toString(), "--out",
                dir.resolve("missing").toString(), "--sheet", "Data");
        assertEquals(2, missing.status(), missing.all());
        assertTrue(missing.err().contains("trials.ods: expected a sheet named 'Data' (the workbook has 'Notes',"
                + " 'Extraction')"), missing.err());
    }

    /** A year typed as a date and shown as its year alone (format YYYY) is read as that year, as in an .xlsx. */
    @Test
    void aDateShownAsItsYearAloneIsThatYear() throws Exception {
        Path csv = dir.resolve("years.csv");
        Files.writeString(csv, "study,year,route,cell_source,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Adams 2020,2020,IV,bone marrow,Fever,3,10,2,10\n"
                + "Adams 2020,2020,IV,bone marrow,Death,1,10,1,10\n"
                + "Baker 2021,2021,IV,adipose,Fever,2,12,1,11\n"
                + "Baker 2021,2021,IV,adipose,Death,0,12,1,11\n"
                + "Clark 2022,2022,IA,adipose,Fever,5,20,3,19\n"
                + "Clark 2022,2022,IA,adipose,Death,1,20,0,19\n");
        JsonNode expected = Analyses.results(csv, dir.resolve("csv"));
        JsonNode got = Analyses.results(ODS.resolve("year-dates.ods"), dir.resolve("ods"));
        assertEquals(expected.get("analyses"), got.get("analyses"));
        assertEquals(2022, got.get("analyses").get(0).get("studies").get(2).get("year").asInt(), got.toString());
    }

    /** A cell's comment is no part of its value; the spaces LibreOffice writes as text:s are (comment.ods). */
    @Test
    void aCommentIsNotTheCellsValue() {
        JsonNode got = Analyses.results(ODS.resolve("comment.ods"), dir.resolve("ods"), "--by", "none");
        JsonNode studies = got.get("analyses").get(0).get("studies");
        assertEquals("Smith   2020", studies.get(0).get("study").asText(), studies.toString());
        assertEquals("Jones 2021", studies.get(1).get("study").asText());
    }

    /**
     * Rows as OpenDocument repeats them: a data row repeated (identical trials) is as many rows, and a run of 20,000
     * empty rows (formatted, as LibreOffice writes them) moves the rows after it down by as many; a value that is no
     * number is refused by its cell; a row a filter hides is named as hidden.
     */
    @Test
    void repeatedRowsAreCountedAndANonNumberIsRefused() throws Exception {
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
        String header = row("study", "outcome", "events_msc", "n_msc", "events_control", "n_control");
        String body = "<table:table-row table:number-rows-repeated=\"2\">" + cell("A 2020") + cell("Death")
                + num("1") + num("10") + num("2") + num("10") + "</table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"20000\"><table:table-cell"
                + " table:number-columns-repeated=\"1024\"/></table:table-row>"
                + "<table:table-row>" + cell("B 2021") + cell("Death") + num("3") + num("NaN") + num("1") + num("12")
                + "</table:table-row>";
        Path file = dir.resolve("repeated.ods");
        zip(file, "application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + ns
                + "><office:body><office:spreadsheet><table:table table:name=\"Trials\">" + header + body
                + "</table:table></office:spreadsheet></office:body></office:document-content>", "<manifest/>");
        Cli.Run r = Cli.run("analyze", file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("repeated.ods: row 3, column 'study': found \"A 2020\"; expected one row per study"
                + " and outcome, but row 2 has the same"), r.err());
        assertTrue(r.err().contains("repeated.ods: row 20004, column 'n_msc': found \"NaN\""), r.err());

        // a row a filter hides is read and named, as one hidden by hand
        Path filtered = dir.resolve("filtered.ods");
        zip(filtered, "application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + ns
                + "><office:body><office:spreadsheet><table:table table:name=\"Trials\">" + header
                + "<table:table-row>" + cell("A 2020") + cell("Death") + num("1") + num("10") + num("2") + num("10")
                + "</table:table-row><table:table-row table:visibility=\"filter\">" + cell("B 2021") + cell("Death")
                + num("3") + num("12") + num("1") + num("12") + "</table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>", "<manifest/>");
        JsonNode got = Analyses.results(filtered, dir.resolve("f"), "--by", "none");
        assertEquals(2, got.get("analyses").get(0).get("k").asInt());
        assertTrue(got.get("notices").toString().contains("filtered.ods: row 3 of sheet 'Trials' is hidden (by a filter"
                + " or by hand) and was analysed like the others"), got.get("notices").toString());
    }

    /**
     * A row struck through (its cells in an automatic style with a line through, as LibreOffice saves it) is read and
     * named, as in .xlsx and .xls (SheetLayoutTest); a row with its study label alone struck is not.
     */
    @Test
    void aRowStruckThroughIsReadAndNamed() throws Exception {
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
        String styles = "<office:automatic-styles><style:style style:name=\"ce1\" style:family=\"table-cell\">"
                + "<style:text-properties style:text-line-through-style=\"none\"/></style:style>"
                + "<style:style style:name=\"ce2\" style:family=\"table-cell\"><style:text-properties"
                + " style:text-line-through-style=\"solid\" style:text-line-through-type=\"single\"/></style:style>"
                + "</office:automatic-styles>";
        String struck = "<table:table-row><table:table-cell table:style-name=\"ce2\" office:value-type=\"string\">"
                + "<text:p>B 2021</text:p></table:table-cell><table:table-cell table:style-name=\"ce2\""
                + " office:value-type=\"string\"><text:p>Death</text:p></table:table-cell><table:table-cell"
                + " table:style-name=\"ce2\" table:number-columns-repeated=\"2\" office:value-type=\"float\""
                + " office:value=\"12\"><text:p>12</text:p></table:table-cell>" + num("1") + num("12")
                + "</table:table-row>";
        String labelOnly = "<table:table-row><table:table-cell table:style-name=\"ce2\" office:value-type=\"string\">"
                + "<text:p>C 2022</text:p></table:table-cell><table:table-cell table:style-name=\"ce1\""
                + " office:value-type=\"string\"><text:p>Death</text:p></table:table-cell>" + num("2") + num("12")
                + num("1") + num("12") + "</table:table-row>";
        Path file = dir.resolve("struck.ods");
        zip(file, "application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + ns + ">" + styles
                + "<office:body><office:spreadsheet><table:table table:name=\"Trials\">"
                + row("study", "outcome", "events_msc", "n_msc", "events_control", "n_control") + "<table:table-row>"
                + cell("A 2020") + cell("Death") + num("1") + num("10") + num("2") + num("10") + "</table:table-row>"
                + struck + labelOnly + "</table:table></office:spreadsheet></office:body></office:document-content>",
                "<manifest/>");
        JsonNode got = Analyses.results(file, dir.resolve("s"), "--by", "none");
        assertEquals(3, got.get("analyses").get(0).get("k").asInt(), "every row analysed");
        String notices = got.get("notices").toString();
        assertTrue(notices.contains("struck.ods: row 3 of sheet 'Trials' is struck through and was analysed like the"
                + " others; to leave a study out, delete its rows"), notices);
        assertFalse(notices.contains("row 4 of sheet"), notices);
    }

    /**
     * A cell's text is its paragraphs: not the white space between a pretty-printed cell's elements, nor a footnote
     * in it, nor the reading of ruby text (a Japanese label's phonetic guide); a line break typed in it stays one.
     */
    @Test
    void aCellsTextIsItsParagraphsWithoutFootnotesOrRubyReadings() throws Exception {
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
        String study = "<table:table-cell office:value-type=\"string\">\n    <text:p>Smith<text:note text:note-class="
                + "\"footnote\"><text:note-citation>1</text:note-citation><text:note-body><text:p>Abstract only"
                + "</text:p></text:note-body></text:note> 2020</text:p>\n  </table:table-cell>";
        String outcome = "<table:table-cell office:value-type=\"string\">\n    <text:p><text:ruby><text:ruby-base>"
                + "\u767a\u71b1</text:ruby-base><text:ruby-text>\u306f\u3064\u306d\u3064</text:ruby-text></text:ruby>"
                + "</text:p>\n  </table:table-cell>";
        Path file = dir.resolve("pretty.ods");
        zip(file, "application/vnd.oasis.opendocument.spreadsheet", "<office:document-content " + ns + "><office:body>"
                + "<office:spreadsheet><table:table table:name=\"Trials\">"
                + row("study", "outcome", "events_msc", "n_msc", "events_control", "n_control") + "<table:table-row>\n  "
                + study + outcome + num("1") + num("10") + num("2") + num("10") + "</table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>", "<manifest/>");
        JsonNode analysis = Analyses.results(file, dir.resolve("p"), "--by", "none").get("analyses").get(0);
        assertEquals("\u767a\u71b1", analysis.get("outcome").asText());
        assertEquals("Smith 2020", analysis.get("studies").get(0).get("study").asText());
    }

    private static String row(String... texts) {
        StringBuilder s = new StringBuilder("<table:table-row>");
        for (String t : texts) {
            s.append(cell(t));
        }
        return s.append("</table:table-row>").toString();
    }

    private static String cell(String text) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + text + "</text:p></table:table-cell>";
    }

    private static String num(String value) {
        return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" + value
                + "</text:p></table:table-cell>";
    }

    /** A workbook of one sheet per adverse event (events.ods: sheets Fever and Death, their columns in two orders). */
    @Test
    void aSheetPerAdverseEvent() throws Exception {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "study,outcome,events_msc,n_msc,events_control,n_control\nAdams 2015,Fever,3,20,1,20\n"
                + "Baker 2016,Fever,5,40,2,38\nBaker 2016,Death,2,40,1,38\nAdams 2015,Death,1,20,0,20\n");
        assertEquals(Analyses.withoutRows(Analyses.results(csv, dir.resolve("csv")).get("analyses")),
                Analyses.withoutRows(Analyses.results(ODS.resolve("events.ods"), dir.resolve("ods")).get("analyses")));
    }

    /** A damaged file, an empty one and a text file named .ods are refused in a sentence, nothing written. */
    @Test
    void aFileThatIsNoSpreadsheetIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(ODS.resolve("trials.ods"));
        List<Path> bad = new ArrayList<>();
        bad.add(Files.write(dir.resolve("cut.ods"), java.util.Arrays.copyOf(whole, whole.length / 2)));
        bad.add(Files.writeString(dir.resolve("text.ods"), "study,outcome\nA,Death\n"));
        for (Path p : bad) {
            Path out = dir.resolve("out-" + p.getFileName().toString().replace('.', '-'));
            Cli.Run r = Cli.run("analyze", p.toString(), "--out", out.toString());
            assertEquals(2, r.status(), r.all());
            assertTrue(r.err().contains(p.getFileName() + ": expected an .ods workbook, but the file could not be"
                    + " read as one"), r.err());
            assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), r.all());
            assertFalse(Files.exists(out), "nothing written for " + p);
        }
        Path empty = Files.write(dir.resolve("empty.ods"), new byte[0]);
        Cli.Run r = Cli.run("analyze", empty.toString(), "--out", dir.resolve("e").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("empty.ods: expected an .ods workbook, but the file is empty (0 bytes)"), r.err());

        // a text document, and a spreadsheet saved with a password (its manifest lists the encryption)
        Path odt = dir.resolve("letter.ods");
        zip(odt, "application/vnd.oasis.opendocument.text", "<office:document-content/>", "<manifest/>");
        Path locked = dir.resolve("locked.ods");
        zip(locked, "application/vnd.oasis.opendocument.spreadsheet", "not XML: encrypted bytes",
                "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry>");
        Files.writeString(dir.resolve("flat.fods"), "<?xml version=\"1.0\"?><office:document/>");
        for (String[] c : new String[][] {{"flat.fods", "flat.fods: expected an .xlsx, .xls or .ods workbook or a"
                + " delimited text file (.csv, .tsv, .txt): this is a flat OpenDocument file; open it in LibreOffice"
                + " and save it as .ods, .xlsx or CSV"}, {"letter.ods", "letter.ods: expected an .ods workbook, but the file is"
                + " another OpenDocument (text)"}, {"locked.ods", "locked.ods: expected a spreadsheet without a"
                + " password, but this one was saved with one"}}) {
            Cli.Run run = Cli.run("analyze", dir.resolve(c[0]).toString(), "--out",
                    dir.resolve("o-" + c[0].replace('.', '-')).toString());
            assertEquals(2, run.status(), run.all());
            assertTrue(run.err().contains(c[1]), run.err());
        }
    }

    /**
     * The results workbook saved as .ods by a co-author (LibreOffice keeps its author as the document's initial
     * creator): read from its Data sheet, without the columns the run added there, as the .xlsx is. Before, the first
     * sheet with a table was read, the added columns with it, and 'not reported' in them gave a notice.
     */
    @Test
    void theResultsWorkbookSavedAsOdsIsReadFromItsDataSheet() throws Exception {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "study,route,cell_source,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Adams 2015,IV,,Fever,3,20,1,20\nBaker 2016,intravenous,BM,Fever,5,40,2,38\n");
        String ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:"
                + "tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
        String content = "<office:document-content " + ns + "><office:body><office:spreadsheet>"
                + "<table:table table:name=\"Summary\">" + row("Outcome", "k") + row("Fever", "2") + "</table:table>"
                + "<table:table table:name=\"Fever\">" + row("study", "events_msc", "n_msc", "events_control",
                "n_control") + row("Adams 2015", "3", "20", "1", "20") + "</table:table>"
                + "<table:table table:name=\"Data\">" + row("Input row", "study", "route", "route (normalised)",
                "cell_source", "cell_source (normalised)", "outcome", "events_msc", "n_msc", "events_control",
                "n_control") + row("2", "Adams 2015", "IV", "intravenous", "", "not reported", "Fever", "3", "20", "1",
                "20") + row("3", "Baker 2016", "intravenous", "intravenous", "BM", "bone marrow", "Fever", "5", "40",
                "2", "38") + "</table:table></office:spreadsheet></office:body></office:document-content>";
        Path ods = dir.resolve("results.ods");
        String meta = "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta><meta:initial-creator>"
                + "mscmeta 0.1.0</meta:initial-creator><meta:generator>LibreOffice/7.4</meta:generator></office:meta>"
                + "</office:document-meta>";
        zip(ods, "application/vnd.oasis.opendocument.spreadsheet", content, "<manifest/>", meta);
        Cli.Run r = Cli.run("analyze", ods.toString(), "--out", dir.resolve("o").toString(), "--no-report");
        assertEquals(0, r.status(), r.all());
        assertTrue(r.out().contains("results.ods: a workbook mscmeta wrote: its sheet 'Data' was read"), r.out());
        assertFalse(r.out().contains("not reported' in row"), r.out());
        JsonNode fromCsv = Analyses.results(csv, dir.resolve("csv"));
        JsonNode fromOds = new tools.jackson.databind.ObjectMapper().readTree(
                dir.resolve("o/results.json").toFile());
        assertEquals(fromCsv.get("analyses"), fromOds.get("analyses"));
        // another author's workbook of the same sheets is read as any workbook is: its first sheet with a table
        zip(ods, "application/vnd.oasis.opendocument.spreadsheet", content, "<manifest/>",
                meta.replace("mscmeta 0.1.0", "A co-author"));
        Cli.Run other = Cli.run("analyze", ods.toString(), "--out", dir.resolve("p").toString(), "--no-report");
        assertFalse(other.out().contains("a workbook mscmeta wrote"), other.out());
    }

    /** Writes an OpenDocument package of a mimetype, a content.xml, a manifest and a meta.xml (if not null). */
    private static void zip(Path file, String mimetype, String content, String manifest, String meta)
            throws Exception {
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String[] e : new String[][] {{"mimetype", mimetype}, {"content.xml", content},
                {"META-INF/manifest.xml", manifest}, {"meta.xml", meta}}) {
                if (e[1] == null) {
                    continue;
                }
                z.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                z.write(e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    /** Writes an OpenDocument package of a mimetype, a content.xml and a manifest. */
    private static void zip(Path file, String mimetype, String content, String manifest) throws Exception {
        zip(file, mimetype, content, manifest, null);
    }
}
