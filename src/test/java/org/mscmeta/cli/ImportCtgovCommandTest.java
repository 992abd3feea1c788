package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-ctgov} on real ClinicalTrials.gov records (src/test/resources/ctgov, copied from the shared trial data;
 * provenance in its README_PROVENANCE.md). Expected counts are read from the records themselves with a JSON parser,
 * or are the values documented in docs/ctgov-adverse-events.md.
 */
class ImportCtgovCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture(String name) {
        try {
            return Path.of(ImportCtgovCommandTest.class.getResource("/ctgov/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int run(ByteArrayOutputStream err, String... args) {
        return run(new ByteArrayOutputStream(), err, args);
    }

    private static int run(ByteArrayOutputStream console, ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(old);
            System.setOut(oldOut);
        }
    }

    private static List<NamedCsvRecord> rows(Path csv) throws IOException {
        List<NamedCsvRecord> out = new ArrayList<>();
        try (var r = CsvReader.builder().ofNamedCsvRecord(csv)) {
            r.forEach(out::add);
        }
        return out;
    }

    private static NamedCsvRecord row(List<NamedCsvRecord> rows, String nct, String outcome) {
        return rows.stream().filter(r -> r.getField("trial_id").equals(nct) && r.getField("outcome").equals(outcome))
                .findFirst().orElse(null);
    }

    private static void assertCounts(NamedCsvRecord r, int em, int nm, Integer ec, Integer nc) {
        assertNotNull(r);
        assertEquals(Integer.toString(em), r.getField("events_msc"), r.getField("outcome"));
        assertEquals(Integer.toString(nm), r.getField("n_msc"), r.getField("outcome"));
        assertEquals(ec == null ? "" : ec.toString(), r.getField("events_control"), r.getField("outcome"));
        assertEquals(nc == null ? "" : nc.toString(), r.getField("n_control"), r.getField("outcome"));
    }

    /**
     * A folder is read as the .json records and AACT tables in it, by name, its other files and its subfolders passed
     * over: the same sheet as the same files named one by one.
     */
    @Test
    void aFolderIsReadAsTheRegistryFilesInIt(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("downloaded"));
        List<String> names = List.of("NCT02097641.json", "NCT02298023.json", "NCT03925324.json");
        for (String n : names) {
            Files.copy(fixture(n), folder.resolve(n));
        }
        Files.copy(fixture("README_PROVENANCE.md"), folder.resolve("README_PROVENANCE.md"));
        Path inner = Files.createDirectories(folder.resolve("older"));
        Files.copy(fixture("NCT02210780.json"), inner.resolve("NCT02210780.json"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", folder.toString(), "--out", tmp.resolve("a").toString()), err.toString());
        List<String> args = new ArrayList<>(List.of("import-ctgov"));
        for (String n : names) {
            args.add(folder.resolve(n).toString());
        }
        args.addAll(List.of("--out", tmp.resolve("b").toString()));
        assertEquals(0, run(err, args.toArray(new String[0])), err.toString());
        String fromFolder = Files.readString(tmp.resolve("a").resolve(ImportCtgovCommand.SHEET + ".csv"));
        assertEquals(Files.readString(tmp.resolve("b").resolve(ImportCtgovCommand.SHEET + ".csv")), fromFolder);
        List<NamedCsvRecord> rows = rows(tmp.resolve("a").resolve(ImportCtgovCommand.SHEET + ".csv"));
        assertTrue(rows.stream().anyMatch(r -> r.getField("trial_id").equals("NCT02097641")));
        assertFalse(rows.stream().anyMatch(r -> r.getField("trial_id").equals("NCT02210780")), "subfolder not read");
    }

    @Test
    void aFolderOfAactTablesIsReadAsTheTablesNamedOneByOne(@TempDir Path tmp) throws IOException {
        Path aact = fixture("aact");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", aact.toString(), "--out", tmp.resolve("a").toString()), err.toString());
        // in the folder's order, by name (the sheet's source_file lists the tables in the order read)
        assertEquals(0, run(err, "import-ctgov", aact.resolve("reported_event_totals.tsv").toString(),
                aact.resolve("reported_events.txt").toString(), aact.resolve("result_groups.csv").toString(),
                "--out", tmp.resolve("b").toString()), err.toString());
        assertEquals(Files.readString(tmp.resolve("b").resolve(ImportCtgovCommand.SHEET + ".csv")),
                Files.readString(tmp.resolve("a").resolve(ImportCtgovCommand.SHEET + ".csv")));
    }

    @Test
    void aFolderGivenAsTheGroupsFileIsRefusedNamingTheOption(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), "--groups",
                tmp.toString(), "--out", out.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("--groups " + tmp + ": a folder; give the file to read"), e);
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * An MSC trial saved in the registry's legacy XML imports as the same record in JSON does: the START trial's
     * record (API v1 JSON) written out as a {@code <clinical_study>}, as public.xsd lays it out (the totals as events
     * of a category "Total"), gives the same sheet row for row, but for the file named in source_file.
     */
    @Test
    void anMscTrialInLegacyXmlImportsAsItsJsonRecordDoes(@TempDir Path tmp) throws Exception {
        Path json = fixture("NCT02097641.json");
        org.mscmeta.ctgov.Trial t = org.mscmeta.ctgov.JsonRecords.read(json).get(0);
        Path xml = tmp.resolve("NCT02097641.xml");
        Files.writeString(xml, legacyXml(t));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", json.toString(), "--out", tmp.resolve("j").toString()), err.toString());
        assertEquals(0, run(err, "import-ctgov", xml.toString(), "--out", tmp.resolve("x").toString()), err.toString());
        List<NamedCsvRecord> fromJson = rows(tmp.resolve("j").resolve(ImportCtgovCommand.SHEET + ".csv"));
        List<NamedCsvRecord> fromXml = rows(tmp.resolve("x").resolve(ImportCtgovCommand.SHEET + ".csv"));
        assertTrue(fromJson.size() > 10, "START has its terms and totals: " + fromJson.size());
        assertEquals(fromJson.size(), fromXml.size());
        for (int i = 0; i < fromJson.size(); i++) {
            Map<String, String> a = new java.util.LinkedHashMap<>(fromJson.get(i).getFieldsAsMap());
            Map<String, String> b = new java.util.LinkedHashMap<>(fromXml.get(i).getFieldsAsMap());
            assertEquals(json.toString(), a.remove("source_file"));
            assertEquals(xml.toString(), b.remove("source_file"));
            assertEquals(a, b, "row " + (i + 2));
        }
        assertTrue(Files.readString(tmp.resolve("x").resolve("review").resolve("review.md")).contains("legacy XML"));
    }

    /** {@code t} as a legacy {@code <clinical_study>} document (public.xsd), written with the JDK's DOM. */
    private static String legacyXml(org.mscmeta.ctgov.Trial t) throws Exception {
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .newDocument();
        org.w3c.dom.Element root = d.createElement("clinical_study");
        d.appendChild(root);
        add(d, add(d, root, "id_info", null), "nct_id", t.nctId());
        add(d, root, "acronym", t.acronym());
        add(d, root, "brief_title", t.title());
        add(d, root, "results_first_posted", t.year() == null ? null : "January 1, " + t.year());
        add(d, add(d, root, "study_design_info", null), "intervention_model", t.interventionModel());
        for (String c : t.conditions()) {
            add(d, root, "condition", c);
        }
        for (org.mscmeta.ctgov.Trial.Arm a : t.arms()) {
            org.w3c.dom.Element e = add(d, root, "arm_group", null);
            add(d, e, "arm_group_label", a.label());
            add(d, e, "arm_group_type", a.type());
            add(d, e, "description", a.description());
        }
        for (org.mscmeta.ctgov.Trial.Intervention v : t.interventions()) {
            org.w3c.dom.Element e = add(d, root, "intervention", null);
            add(d, e, "intervention_type", v.type());
            add(d, e, "intervention_name", v.name());
            add(d, e, "description", v.description());
            for (String l : v.armLabels()) {
                add(d, e, "arm_group_label", l);
            }
            for (String o : v.otherNames()) {
                add(d, e, "other_name", o);
            }
        }
        org.w3c.dom.Element ae = add(d, add(d, root, "clinical_results", null), "reported_events", null);
        org.w3c.dom.Element groups = add(d, ae, "group_list", null);
        for (org.mscmeta.ctgov.Trial.EventGroup g : t.groups()) {
            org.w3c.dom.Element e = add(d, groups, "group", null);
            e.setAttribute("group_id", g.id());
            add(d, e, "title", g.title());
            add(d, e, "description", g.description());
        }
        for (boolean serious : new boolean[] {true, false}) {
            org.w3c.dom.Element table = add(d, ae, serious ? "serious_events" : "other_events", null);
            if (!serious) {
                add(d, table, "frequency_threshold", t.frequencyThreshold());
            }
            org.w3c.dom.Element categories = add(d, table, "category_list", null);
            org.w3c.dom.Element totals = add(d, add(d, categories, "category", null), "event_list", null);
            ((org.w3c.dom.Element) totals.getParentNode()).insertBefore(d.createElement("title"), totals)
                    .setTextContent("Total");
            for (String which : serious ? List.of("Total, all-cause mortality", "Total, serious adverse events")
                    : List.of("Total, other adverse events")) {
                org.w3c.dom.Element e = add(d, totals, "event", null);
                add(d, e, "sub_title", which);
                for (org.mscmeta.ctgov.Trial.EventGroup g : t.groups()) {
                    Integer affected = which.contains("mortality") ? g.deathsAffected()
                            : serious ? g.seriousAffected() : g.otherAffected();
                    Integer atRisk = which.contains("mortality") ? g.deathsAtRisk()
                            : serious ? g.seriousAtRisk() : g.otherAtRisk();
                    counts(d, e, g.id(), affected, atRisk, null);
                }
            }
            for (org.mscmeta.ctgov.Trial.AdverseEvent ev : t.events()) {
                if (ev.serious() == serious) {
                    org.w3c.dom.Element category = add(d, categories, "category", null);
                    add(d, category, "title", ev.organSystem());
                    org.w3c.dom.Element e = add(d, add(d, category, "event_list", null), "event", null);
                    add(d, e, "sub_title", ev.term()).setAttribute("vocab", ev.vocabulary() == null ? ""
                            : ev.vocabulary());
                    for (org.mscmeta.ctgov.Trial.Count c : ev.counts()) {
                        counts(d, e, c.groupId(), c.affected(), c.atRisk(), c.events());
                    }
                }
            }
        }
        java.io.StringWriter w = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(w));
        return w.toString();
    }

    private static org.w3c.dom.Element add(org.w3c.dom.Document d, org.w3c.dom.Element parent, String tag,
                                           String text) {
        org.w3c.dom.Element e = d.createElement(tag);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    private static void counts(org.w3c.dom.Document d, org.w3c.dom.Element event, String group, Integer affected,
                               Integer atRisk, Integer events) {
        org.w3c.dom.Element c = add(d, event, "counts", null);
        c.setAttribute("group_id", group);
        if (events != null) {
            c.setAttribute("events", events.toString());
        }
        if (affected != null) {
            c.setAttribute("subjects_affected", affected.toString());
        }
        if (atRisk != null) {
            c.setAttribute("subjects_at_risk", atRisk.toString());
        }
    }

    /** The v1 StudyFields endpoint's flat field lists are refused saying why and what to import instead. */
    @Test
    void aStudyFieldsResponseIsRefusedSayingWhatToImportInstead(@TempDir Path tmp) throws IOException {
        Path f = fixture("studyfields/NCT02652130_300.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", f.toString(), "--out", out.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(f + ", JSON path /StudyFieldsResponse: a response of the legacy API v1's StudyFields"
                + " endpoint"), e);
        assertTrue(e.contains("import the study's full record instead (API v2 JSON, e.g. with --nct NCT02652130"), e);
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * "--out imp/sheet.csv" is the sheet's file name, not the folder the import writes into: it made a folder named
     * sheet.csv with the sheet inside under another name. Refused, saying what goes where; an existing folder of that
     * name is still written into.
     */
    @Test
    void anOutputNamedLikeTheSheetIsRefusedSayingItIsAFolder(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("imp").resolve("sheet.csv");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), "--out",
                out.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("error: --out " + out + ": give the folder to write into, not a file's name: the"
                + " extraction sheet is written into that folder as ctgov_adverse_events.csv, with review/ beside it"
                + " (e.g. --out " + tmp.resolve("imp").resolve("sheet") + ")"), e);
        assertFalse(Files.exists(tmp.resolve("imp")), "nothing written");
        Files.createDirectories(out);
        err.reset();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), "--out", out.toString(),
                "--quiet"), err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(out.resolve("ctgov_adverse_events.csv")));
    }

    /**
     * A registry record or an outcome map kept in the review/ folder an import writes: before, --force replaced
     * the folder and they were lost. Refused with and without --force, naming what the file is; nothing is replaced.
     */
    @Test
    void theFilesAnImportReadsAreNeverReplacedByItsReviewFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("imp");
        Path record = Files.copy(fixture("NCT02097641.json"), Files.createDirectories(out.resolve("review"))
                .resolve("NCT02097641.json"));
        Path map = Files.writeString(out.resolve("review").resolve("map.csv"), "term,outcome\nFever,Pyrexia\n");
        String[][] runs = {
            {record.toString(), "review/NCT02097641.json there is a registry record this run reads"},
            {fixture("NCT02097641.json").toString(), "--outcome-map", map.toString(),
                "review/map.csv there is the outcome map (--outcome-map) this run reads"}};
        for (String[] given : runs) {
            for (boolean force : new boolean[] {false, true}) {
                List<String> args = new ArrayList<>(List.of("import-ctgov"));
                args.addAll(List.of(given).subList(0, given.length - 1));
                args.addAll(List.of("--out", out.toString(), "--quiet"));
                if (force) {
                    args.add("--force");
                }
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                assertEquals(Main.EXIT_BAD_INPUT, run(err, args.toArray(String[]::new)));
                String e = err.toString(StandardCharsets.UTF_8);
                assertTrue(e.contains(given[given.length - 1] + ", and the run replaces the folder review/ with its"
                        + " own"), e);
                try (var files = Files.list(out.resolve("review"))) {
                    assertEquals(List.of("NCT02097641.json", "map.csv"), files.map(f -> f.getFileName().toString())
                            .sorted().toList());
                }
            }
        }
        assertEquals("term,outcome\nFever,Pyrexia\n", Files.readString(map));
    }

    /** An extraction sheet given to the importer by mistake is refused saying that analyze reads it as it is. */
    @Test
    void anExtractionSheetIsRefusedSayingThatAnalyzeReadsIt(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path sheet = Path.of("examples/msc_adverse_events.csv");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", sheet.toString(), "--out",
                tmp.resolve("imp").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(sheet + ": neither a .json or .xml record nor an AACT table (reported_events,"
                + " reported_event_totals, result_groups): it is an extraction sheet already, which analyze reads"
                + " ('mscmeta analyze " + sheet + " --out FOLDER')"), e);
        err.reset();
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "trials to look up\n");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", notes.toString(), "--out",
                tmp.resolve("imp").toString()));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("extraction sheet"));
        assertFalse(Files.exists(tmp.resolve("imp")));
    }

    @Test
    void aFolderWithoutRegistryFilesIsRefusedNamingIt(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(folder.resolve("README.md"), "# my notes\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(folder.toString()) && e.contains("holds no .json or .xml record and no AACT table"), e);
        assertFalse(e.contains("Exception") || e.contains("java."), e);
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(e.contains("subfolders"), e);

        // records kept one folder per trial: the subfolders are named, as they are not read
        for (String nct : List.of("NCT02097641", "NCT02210780", "NCT02278341", "NCT02298023", "NCT02467387")) {
            Files.copy(fixture(nct + ".json"), Files.createDirectories(folder.resolve(nct)).resolve(nct + ".json"));
        }
        err.reset();
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("(its subfolders are not read: NCT02097641/, NCT02210780/, NCT02278341/ and 2 more;"
                + " name them, or their files): name the registry files"), e);
        assertFalse(Files.exists(out), "nothing written");
        // named, they are read
        assertEquals(0, run(err, "import-ctgov", folder.resolve("NCT02097641").toString(),
                folder.resolve("NCT02298023").toString(), "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("ctgov_adverse_events.csv")));
    }

    /**
     * A file that holds a record's resultsSection alone (the AACT repository's test fixtures, reported_event.json) is
     * refused as a fragment of a record, naming the file: it said "the study has no NCT id".
     */
    @Test
    void aResultsSectionWithoutItsProtocolSectionIsRefusedAsAFragment(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("records"));
        Files.copy(fixture("NCT02097641.json"), folder.resolve("NCT02097641.json"));
        Files.writeString(folder.resolve("reported_event.json"), "{\"resultsSection\": {\"adverseEventsModule\":"
                + " {\"eventGroups\": [{\"id\": \"EG000\", \"seriousNumAffected\": 1, \"seriousNumAtRisk\": 10}]}}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("reported_event.json, JSON path /protocolSection: a results section without the"
                + " record's protocolSection"), message);
        assertTrue(message.contains("move this file out of the folder imported"), message);
        assertFalse(Files.exists(out), "nothing written");
        // two such files (and a record cut short) are named at once, not one a run
        Files.writeString(folder.resolve("result_group.json"), "{\"resultsSection\": {\"participantFlowModule\": {}}}");
        Files.writeString(folder.resolve("NCT01.json"), "{\"protocolSection\": {");
        err.reset();
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("error: 3 registry files cannot be read:", lines[0]);
        assertTrue(lines[1].startsWith("  " + folder.resolve("NCT01.json") + ", "), lines[1]);
        assertTrue(lines[2].startsWith("  " + folder.resolve("reported_event.json") + ", JSON path /protocolSection"),
                lines[2]);
        assertTrue(lines[3].startsWith("  " + folder.resolve("result_group.json") + ", JSON path /protocolSection"),
                lines[3]);
        assertEquals("Nothing was written.", lines[4]);
        assertFalse(Files.exists(out), "nothing written");
        // a problem met in many files: the first three in full, the others by name on one line
        for (String name : List.of("rg2.json", "rg3.json", "rg4.json")) {
            Files.copy(folder.resolve("result_group.json"), folder.resolve(name));
        }
        err.reset();
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("error: 6 registry files cannot be read:", lines[0]);
        assertTrue(lines[4].startsWith("  " + folder.resolve("rg2.json") + ", JSON path /protocolSection"), lines[4]);
        assertEquals("  the same in 2 more files: " + folder.resolve("rg3.json") + ", " + folder.resolve("rg4.json"),
                lines[5]);
        assertEquals("Nothing was written.", lines[6]);
        for (int i = 5; i <= 15; i++) { // beyond ten others, the rest counted
            Files.copy(folder.resolve("result_group.json"), folder.resolve("rg" + i + ".json"));
        }
        err.reset();
        assertEquals(Main.EXIT_BAD_INPUT, run(err, "import-ctgov", folder.toString(), "--out", out.toString()));
        lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("error: 17 registry files cannot be read:", lines[0]);
        assertTrue(lines[5].startsWith("  the same in 13 more files: " + folder.resolve("rg11.json") + ", "), lines[5]);
        assertTrue(lines[5].endsWith(folder.resolve("rg6.json") + " and 3 others"), lines[5]); // rg7-rg9
    }

    /**
     * A count the record gives as impossible (more participants affected than at risk) is not written, and the run's
     * summary says so on the console and in review.md, not only in the trial's section of review.md.
     */
    @Test
    void aCountNotWrittenIsCountedInTheSummary(@TempDir Path tmp) throws IOException {
        String record = Files.readString(fixture("NCT02097641.json"));
        String weakness = "\"SeriousEventTerm\": \"Lower extremity weakness\"";
        int at = record.indexOf("\"SeriousEventStatsNumAffected\": \"0\"", record.indexOf(weakness));
        Path edited = tmp.resolve("NCT02097641.json");
        Files.writeString(edited, record.substring(0, at) + "\"SeriousEventStatsNumAffected\": \"1000\""
                + record.substring(at + "\"SeriousEventStatsNumAffected\": \"0\"".length()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("out");
        assertEquals(0, run(console, err, "import-ctgov", edited.toString(), "--out", out.toString()), err.toString());
        String clause = "; 1 count not written (missing or impossible in the record: listed in review.md)";
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("0 not imported, to review" + clause), console.toString(StandardCharsets.UTF_8));
        String review = Files.readString(out.resolve("review").resolve("review.md"));
        assertTrue(review.contains("0 not imported, to review" + clause + "."), review);
        assertTrue(review.contains("- Not written: serious event 'Lower extremity weakness': group EG000 has more"
                + " participants affected (1000) than at risk (40)"), review);
        assertEquals(null, row(rows(out.resolve("ctgov_adverse_events.csv")), "NCT02097641",
                "Lower extremity weakness"), "the impossible count is not in the sheet");
        assertEquals(0, run(console, err, "import-ctgov", fixture("NCT02097641.json").toString(), "--out",
                tmp.resolve("whole").toString()), err.toString());
        assertFalse(Files.readString(tmp.resolve("whole").resolve("review").resolve("review.md"))
                .contains("not written"), "a record whose counts are all written says nothing of it");
    }

    @Test
    void startTrialMatchesItsRecord(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), "--out", out.toString()));
        List<NamedCsvRecord> rows = rows(out.resolve("ctgov_adverse_events.csv"));
        // docs/ctgov-adverse-events.md §4.1: START per-arm totals
        try (var files = Files.list(out)) {
            assertEquals(List.of("ctgov_adverse_events.csv"), files.filter(f -> f.toString().endsWith(".csv"))
                    .map(f -> f.getFileName().toString()).toList(), "the sheet is the only CSV in DIR");
        }
        assertCounts(row(rows, "NCT02097641", "Deaths (all causes)"), 15, 40, 5, 20);
        assertCounts(row(rows, "NCT02097641", "Serious adverse events (any)"), 17, 40, 11, 20);
        assertCounts(row(rows, "NCT02097641", "Other adverse events (any)"), 2, 40, 2, 20);
        assertCounts(row(rows, "NCT02097641", "Pulmonary embolism"), 1, 40, 2, 20);
        NamedCsvRecord sae = row(rows, "NCT02097641", "Serious adverse events (any)");
        assertEquals("intravenous", sae.getField("route"));
        assertEquals("bone marrow", sae.getField("cell_source"));
        assertEquals("allogeneic", sae.getField("donor"));
        assertEquals("no", sae.getField("needs_review"));
        assertEquals("START (NCT02097641)", sae.getField("study"));

        // every term of the record, serious and other, with numAffected / numAtRisk of EG000 (MSC) and EG001
        JsonNode ae = JSON.readTree(fixture("NCT02097641.json").toFile()).path("Study").path("ResultsSection")
                .path("AdverseEventsModule");
        int terms = 0;
        for (String kind : new String[] {"Serious", "Other"}) {
            for (JsonNode e : ae.path(kind + "EventList").path(kind + "Event")) {
                Map<String, int[]> byGroup = new java.util.HashMap<>();
                for (JsonNode s : e.path(kind + "EventStatsList").path(kind + "EventStats")) {
                    byGroup.put(s.path(kind + "EventStatsGroupId").asString(), new int[] {
                        Integer.parseInt(s.path(kind + "EventStatsNumAffected").asString()),
                        Integer.parseInt(s.path(kind + "EventStatsNumAtRisk").asString())});
                }
                String term = e.path(kind + "EventTerm").asString().replaceAll("\\s+", " ").strip();
                NamedCsvRecord r = rows.stream().filter(x -> x.getField("outcome").startsWith(term)
                        && x.getField("ae_category").equals(kind.toLowerCase(java.util.Locale.ROOT))
                        && x.getField("events_msc").equals(Integer.toString(byGroup.get("EG000")[0]))
                        && x.getField("events_control").equals(Integer.toString(byGroup.get("EG001")[0])))
                        .findFirst().orElse(null);
                assertCounts(r, byGroup.get("EG000")[0], byGroup.get("EG000")[1], byGroup.get("EG001")[0],
                        byGroup.get("EG001")[1]);
                terms++;
            }
        }
        assertEquals(terms + 3, rows.size(), "one row per term plus the three totals; nothing summed");
        String review = Files.readString(out.resolve("review/review.md"));
        assertTrue(review.contains("NCT02097641") && review.contains("**Imported**"), review);
    }

    @Test
    void crossoverAndFiveGroupTrialsAreFlaggedNotGuessed(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02467387.json").toString(),
                fixture("NCT02278341.json").toString(), "--out", out.toString()));
        assertTrue(rows(out.resolve("ctgov_adverse_events.csv")).isEmpty());
        String review = Files.readString(out.resolve("review/review.md"));
        assertTrue(review.contains("crossover design"), review);
        // the file NCT02278341.json holds NCT02552212: the id is read from the content
        assertTrue(review.contains("## NCT02552212"), review);
        assertTrue(review.contains("5 event groups for a two-arm comparison"), review);
        String groups = Files.readString(out.resolve("review/groups.csv"));
        assertTrue(groups.contains("NCT02552212,EG004"), groups);
        assertTrue(groups.contains("NCT02467387,EG000"), groups);
    }

    @Test
    void groupMappingSettlesAFlaggedTrialAndUsesParticipantsNotEvents(@TempDir Path out) throws IOException {
        Path mapping = out.resolve("mapping.csv");
        Files.writeString(mapping, "nct_id,group_id,role\nNCT02552212,EG000,control\nNCT02552212,EG001,msc\n"
                + "NCT02552212,EG002,exclude\nNCT02552212,EG003,exclude\nNCT02552212,EG004,exclude\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02278341.json").toString(), "--groups",
                mapping.toString(), "--out", out.resolve("o").toString()));
        List<NamedCsvRecord> rows = rows(out.resolve("o/ctgov_adverse_events.csv"));
        // values of the record (docs/ctgov-adverse-events.md §1.2 and §4.2)
        assertCounts(row(rows, "NCT02552212", "Glaucoma"), 1, 159, 0, 158);
        assertCounts(row(rows, "NCT02552212", "Serious adverse events (any)"), 8, 159, 4, 158);
        // Diarrhoea, other AE, EG001: 11 events in 8 participants -> 8; also a serious AE, hence the suffix
        assertCounts(row(rows, "NCT02552212", "Diarrhoea (non-serious)"), 8, 159, 10, 158);
        assertCounts(row(rows, "NCT02552212", "Diarrhoea"), 1, 159, 0, 158);

        JsonNode ae = JSON.readTree(fixture("NCT02278341.json").toFile()).path("resultsSection")
                .path("adverseEventsModule");
        for (String key : new String[] {"seriousEvents", "otherEvents"}) {
            for (JsonNode e : ae.path(key)) {
                int[] m = null;
                int[] c = null;
                for (JsonNode s : e.path("stats")) {
                    int[] v = {s.path("numAffected").asInt(), s.path("numAtRisk").asInt()};
                    if (s.path("groupId").asString().equals("EG001")) {
                        m = v;
                    } else if (s.path("groupId").asString().equals("EG000")) {
                        c = v;
                    }
                }
                String term = e.path("term").asString();
                int[] mm = m;
                int[] cc = c;
                boolean found = rows.stream().anyMatch(r -> r.getField("outcome").startsWith(term)
                        && r.getField("events_msc").equals(Integer.toString(mm[0]))
                        && r.getField("n_msc").equals(Integer.toString(mm[1]))
                        && r.getField("events_control").equals(Integer.toString(cc[0]))
                        && r.getField("n_control").equals(Integer.toString(cc[1])));
                assertTrue(found, key + " " + term);
            }
        }
    }

    @Test
    void editedGroupsCsvIsAcceptedAsTheMapping(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02298023.json").toString(), "--out",
                out.resolve("a").toString()));
        assertTrue(rows(out.resolve("a/ctgov_adverse_events.csv")).isEmpty(), "three groups: flagged");
        // the reviewer keeps saline (EG002) as the control and leaves out the fibrin-glue arm (EG001)
        Path groups = out.resolve("a/review/groups.csv");
        String edited = Files.readString(groups).replace("NCT02298023,EG001,control,", "NCT02298023,EG001,exclude,");
        Files.writeString(groups, edited);
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02298023.json").toString(), "--groups",
                groups.toString(), "--out", out.resolve("b").toString()), err.toString(StandardCharsets.UTF_8));
        NamedCsvRecord other = row(rows(out.resolve("b/ctgov_adverse_events.csv")), "NCT02298023",
                "Other adverse events (any)");
        assertEquals("EG000", other.getField("msc_groups"));
        assertEquals("EG002", other.getField("control_groups"));
        JsonNode g = JSON.readTree(fixture("NCT02298023.json").toFile()).path("Study").path("ResultsSection")
                .path("AdverseEventsModule").path("EventGroupList").path("EventGroup");
        assertCounts(other, g.get(0).path("EventGroupOtherNumAffected").asInt(),
                g.get(0).path("EventGroupOtherNumAtRisk").asInt(), g.get(2).path("EventGroupOtherNumAffected").asInt(),
                g.get(2).path("EventGroupOtherNumAtRisk").asInt());
    }

    /**
     * The groups.csv of an earlier import passed back unedited, or edited for one trial only, settles nothing else: a
     * trial flagged in the first import stays flagged, and dose groups are merged only with --merge-msc-groups.
     */
    @Test
    void aGroupMappingSettlesOnlyWhatItNames(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] records = {fixture("NCT02298023.json").toString(), fixture("NCT02886884.json").toString(),
            fixture("NCT02278341.json").toString()};
        List<String> first = new java.util.ArrayList<>(List.of("import-ctgov", "--out", out.resolve("a").toString()));
        first.addAll(List.of(records));
        assertEquals(0, run(err, first.toArray(new String[0])));
        Path groups = out.resolve("a/review/groups.csv");
        // passed back as it is: every trial flagged before is flagged again, the dose groups not merged
        List<String> again = new java.util.ArrayList<>(List.of("import-ctgov", "--groups", groups.toString(), "--out",
                out.resolve("b").toString()));
        again.addAll(List.of(records));
        assertEquals(0, run(err, again.toArray(new String[0])));
        assertTrue(rows(out.resolve("b/ctgov_adverse_events.csv")).isEmpty(), "nothing settled by an unedited file");
        String review = Files.readString(out.resolve("b/review/review.md"));
        assertTrue(review.contains("4 MSC groups"), review);
        assertTrue(review.contains("3 event groups for a two-arm comparison"), review);
        // one trial edited: that trial only is imported
        Files.writeString(groups, Files.readString(groups).replace("NCT02298023,EG001,control,",
                "NCT02298023,EG001,exclude,"));
        List<String> edited = new java.util.ArrayList<>(List.of("import-ctgov", "--groups", groups.toString(),
                "--out", out.resolve("c").toString()));
        edited.addAll(List.of(records));
        assertEquals(0, run(err, edited.toArray(new String[0])));
        List<NamedCsvRecord> rows = rows(out.resolve("c/ctgov_adverse_events.csv"));
        assertEquals(List.of("NCT02298023"), rows.stream().map(r -> r.getField("trial_id")).distinct().toList());
        // the review counts what the rows say: 1 imported, 2 not imported
        String summary = Files.readString(out.resolve("c/review/review.md"));
        assertTrue(summary.contains("3 trials read, 1 imported") && summary.contains("2 not imported"), summary);
        // the edited groups.csv given back into its own folder: the import replaces it (its roles carried into the
        // new one), where an edited sheet of the earlier import is kept unless --force
        List<String> inPlace = new java.util.ArrayList<>(List.of("import-ctgov", "--groups", groups.toString(),
                "--out", out.resolve("a").toString()));
        inPlace.addAll(List.of(records));
        assertEquals(0, run(err, inPlace.toArray(new String[0])), err.toString());
        assertTrue(Files.readString(groups).contains("NCT02298023,EG001,exclude,"));
        Path sheet = out.resolve("a/ctgov_adverse_events.csv");
        Files.writeString(sheet, Files.readString(sheet) + "an edit\n");
        err.reset();
        assertEquals(2, run(err, inPlace.toArray(new String[0])));
        assertTrue(err.toString().contains("ctgov_adverse_events.csv was changed after mscmeta wrote it"),
                err.toString());
        assertTrue(Files.readString(sheet).endsWith("an edit\n"), "the edited sheet kept");
    }

    @Test
    void textASpreadsheetWouldTakeForAFormulaIsWrittenSafelyAndReadBack(@TempDir Path out) throws IOException {
        assertEquals("'=HYPERLINK(\"x\")", org.mscmeta.ctgov.ImportFiles.formulaSafeForTest("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", org.mscmeta.ctgov.ImportFiles.formulaSafeForTest("@SUM(A1)"));
        assertEquals("-3", org.mscmeta.ctgov.ImportFiles.formulaSafeForTest("-3"));
        assertEquals("Fever", org.mscmeta.ctgov.ImportFiles.formulaSafeForTest("Fever"));
        // the sheet reader takes the apostrophe off again
        Path csv = out.resolve("safe.csv");
        Files.writeString(csv, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,\"'=HYPERLINK(\"\"x\"\")\",1,10,2,10\n");
        org.mscmeta.sheet.ExtractionSheet s;
        try {
            s = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary().read(csv, null);
        } catch (org.mscmeta.sheet.InvalidInputException e) {
            throw new AssertionError(e.getMessage());
        }
        assertEquals("=HYPERLINK(\"x\")", s.outcome().get(0));
    }

    @Test
    void absentEventArraysGiveTotalsOnly(@TempDir Path out) throws IOException {
        Path mapping = out.resolve("mapping.csv");
        Files.writeString(mapping, "nct_id,group_id,role\nNCT00763412,EG000,control\nNCT00763412,EG001,msc\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT00763412.json").toString(), "--groups",
                mapping.toString(), "--out", out.resolve("o").toString()));
        List<NamedCsvRecord> rows = rows(out.resolve("o/ctgov_adverse_events.csv"));
        JsonNode groups = JSON.readTree(fixture("NCT00763412.json").toFile()).path("resultsSection")
                .path("adverseEventsModule").path("eventGroups");
        JsonNode msc = groups.get(1);
        JsonNode control = groups.get(0);
        assertCounts(row(rows, "NCT00763412", "Serious adverse events (any)"), msc.path("seriousNumAffected").asInt(),
                msc.path("seriousNumAtRisk").asInt(), control.path("seriousNumAffected").asInt(),
                control.path("seriousNumAtRisk").asInt());
        assertCounts(row(rows, "NCT00763412", "Other adverse events (any)"), msc.path("otherNumAffected").asInt(),
                msc.path("otherNumAtRisk").asInt(), control.path("otherNumAffected").asInt(),
                control.path("otherNumAtRisk").asInt());
        assertTrue(rows.stream().allMatch(r -> r.getField("ae_category").equals("total")));
    }

    @Test
    void singleGroupRecordGivesSingleArmRows(@TempDir Path out) throws IOException {
        Path mapping = out.resolve("mapping.csv");
        Files.writeString(mapping, "nct_id,group_id,role\nNCT05594173,EG000,msc\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT05594173.json").toString(), "--groups",
                mapping.toString(), "--out", out.toString()));
        List<NamedCsvRecord> rows = rows(out.resolve("ctgov_adverse_events.csv"));
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.getField("events_control").isEmpty()
                && r.getField("n_control").isEmpty()));
        assertTrue(rows.stream().noneMatch(r -> r.getField("ae_category").equals("serious")),
                "the record has no seriousEvents");
    }

    @Test
    void mscDoseGroupsAreMergedOnlyOnRequest(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02886884.json").toString(), "--out",
                out.resolve("a").toString()));
        assertTrue(rows(out.resolve("a/ctgov_adverse_events.csv")).isEmpty());
        assertTrue(Files.readString(out.resolve("a/review/review.md")).contains("4 MSC groups"));

        assertEquals(0, run(err, "import-ctgov", fixture("NCT02886884.json").toString(), "--merge-msc-groups",
                "--out", out.resolve("b").toString()));
        List<NamedCsvRecord> rows = rows(out.resolve("b/ctgov_adverse_events.csv"));
        int affected = 0;
        int atRisk = 0;
        for (JsonNode g : JSON.readTree(fixture("NCT02886884.json").toFile()).path("Study").path("ResultsSection")
                .path("AdverseEventsModule").path("EventGroupList").path("EventGroup")) {
            affected += Integer.parseInt(g.path("EventGroupSeriousNumAffected").asString());
            atRisk += Integer.parseInt(g.path("EventGroupSeriousNumAtRisk").asString());
        }
        assertCounts(row(rows, "NCT02886884", "Serious adverse events (any)"), affected, atRisk, null, null);
        assertEquals("EG000+EG001+EG002+EG003", row(rows, "NCT02886884", "Serious adverse events (any)")
                .getField("msc_groups"));
    }

    @Test
    void aactTablesGiveTheSameRowsAsTheJsonRecord(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), "--out",
                out.resolve("json").toString()));
        assertEquals(0, run(err, "import-ctgov", fixture("aact/reported_events.txt").toString(),
                fixture("aact/reported_event_totals.tsv").toString(), fixture("aact/result_groups.csv").toString(),
                "--out", out.resolve("aact").toString()), err.toString(StandardCharsets.UTF_8));
        List<NamedCsvRecord> a = rows(out.resolve("aact/ctgov_adverse_events.csv"));
        List<NamedCsvRecord> j = rows(out.resolve("json/ctgov_adverse_events.csv"));
        assertEquals(j.size(), a.size(), "the legacy 'Total' row of reported_events is not a term");
        for (NamedCsvRecord r : j) {
            NamedCsvRecord x = row(a, "NCT02097641", r.getField("outcome"));
            assertNotNull(x, r.getField("outcome"));
            for (String col : new String[] {"events_msc", "n_msc", "events_control", "n_control", "ae_category"}) {
                assertEquals(r.getField(col), x.getField(col), r.getField("outcome") + " " + col);
            }
            assertEquals("bone marrow", x.getField("cell_source"));
            assertEquals("intravenous", x.getField("route"));
        }
    }

    @Test
    void importThenAnalyzeEndToEnd(@TempDir Path out) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02097641.json").toString(),
                fixture("NCT02210780.json").toString(), "--format", "xlsx", "--out", out.toString()));
        Path sheet = out.resolve("ctgov_adverse_events.xlsx");
        assertTrue(Files.exists(sheet));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(sheet.toFile())) {
            // Excel's File > Info: mscmeta, not "Apache POI", wrote it
            assertEquals("mscmeta " + org.mscmeta.Tool.version(), wb.getProperties().getCoreProperties().getCreator());
            assertEquals("Adverse events imported from ClinicalTrials.gov",
                    wb.getProperties().getCoreProperties().getTitle());
        }
        // its default format named "Normal", as results.xlsx's: openpyxl (pandas) warned "Workbook contains no
        // default style" on every read of the imported sheet
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(sheet.toFile())) {
            String styles = new String(zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(styles.contains("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
                    + " builtinId=\"0\"/></cellStyles>"), styles);
        }
        assertEquals(0, run(err, "analyze", sheet.toString(), "--out", out.resolve("an").toString(), "--no-report",
                "--quiet"), err.toString(StandardCharsets.UTF_8));
        JsonNode res = JSON.readTree(out.resolve("an/results.json").toFile());
        JsonNode sae = null;
        for (JsonNode a : res.path("analyses")) {
            if (a.path("outcome").asString().equals("Serious adverse events (any)") && a.path("subgroup").isNull()) {
                sae = a;
            }
        }
        assertNotNull(sae);
        assertEquals(2, sae.path("k").asInt());
        JsonNode start = null;
        for (JsonNode s : sae.path("studies")) {
            if (s.path("study").asString().startsWith("START")) {
                start = s;
            }
        }
        assertNotNull(start);
        assertEquals(17, start.path("events_msc").asInt());
        assertEquals(11, start.path("events_control").asInt());
    }

    /**
     * A term the extraction sheet reads as a blank cell ("None", "NA", "-": a mark of a value not reported) is written
     * in words analyze reads as a name: written as it was, analyze refused the imported sheet ("expected an
     * adverse-event outcome such as 'Death'").
     */
    @Test
    void aTermThatReadsAsABlankCellIsWrittenSoThatAnalyzeReadsIt(@TempDir Path out) throws IOException {
        JsonNode study = JSON.readTree(fixture("NCT02210780.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) study.path("resultsSection").path("adverseEventsModule")
                .path("seriousEvents").get(0)).put("term", "None");
        Path file = out.resolve("NCT02210780.json");
        JSON.writeValue(file.toFile(), study);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", file.toString(), "--out", out.resolve("imp").toString(), "--quiet"),
                err.toString(StandardCharsets.UTF_8));
        Path sheet = out.resolve("imp/ctgov_adverse_events.csv");
        assertTrue(Files.readString(sheet).contains(",(no term: 'None'),"), Files.readString(sheet));
        assertEquals(0, run(err, "analyze", sheet.toString(), "--out", out.resolve("an").toString(), "--no-report",
                "--quiet"), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * STEM-VAD reports "Sub Therapeutic INR" among its serious and "Sub-Therapeutic INR" among its other adverse
     * events: one outcome to analyze, which refused the imported sheet (two rows of one trial and outcome). The
     * other-AE row is now named apart, as a term in both tables is.
     */
    @Test
    void termsThatAnalyzeWouldMergeAreNamedApartWithinATrial(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT03925324.json").toString(), "--out", out.toString()));
        Path sheet = out.resolve("ctgov_adverse_events.csv");
        List<String> outcomes = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(sheet)) {
            for (NamedCsvRecord r : csv) {
                outcomes.add(r.getField("outcome"));
            }
        }
        assertTrue(outcomes.contains("Sub Therapeutic INR"), outcomes.toString());
        assertTrue(outcomes.contains("Sub-Therapeutic INR (non-serious)"), outcomes.toString());
        assertEquals(0, run(err, "analyze", sheet.toString(), "--out", out.resolve("an").toString(), "--no-report",
                "--quiet"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingResultsSectionIsAWarning(@TempDir Path out) throws IOException {
        JsonNode study = JSON.readTree(fixture("NCT02210780.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) study).remove("resultsSection");
        Path file = out.resolve("noresults.json");
        JSON.writeValue(file.toFile(), study);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", file.toString(), "--out", out.resolve("o").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: NCT02210780"), err.toString());
        assertTrue(Files.readString(out.resolve("o/review/review.md")).contains("no adverse-events results"));
        // an import of no rows says so, before analyze says only that the sheet has no data row
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: no rows imported: ctgov_adverse_events.csv"
                + " holds only its header"), err.toString());
        assertTrue(Files.readString(out.resolve("o/review/review.md")).contains("no rows imported"));
    }

    @Test
    void truncatedJsonNamesFileAndPathAndWritesNothing(@TempDir Path out) throws IOException {
        String text = Files.readString(fixture("NCT02278341.json"));
        int cut = text.indexOf("\"numAtRisk\"", text.indexOf("seriousEvents")) + 5;
        Path file = out.resolve("truncated.json");
        Files.writeString(file, text.substring(0, cut));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", file.toString(), "--out", out.resolve("o").toString()));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("truncated.json") && msg.contains("JSON path /resultsSection/adverseEventsModule"
                + "/seriousEvents/0/stats/0"), msg);
        assertFalse(Files.exists(out.resolve("o/ctgov_adverse_events.csv")));
    }

    @Test
    void wrongTypeNamesTheJsonPath(@TempDir Path out) throws IOException {
        JsonNode study = JSON.readTree(fixture("NCT02278341.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) study.path("resultsSection").path("adverseEventsModule")
                .path("seriousEvents").get(2).path("stats").get(1)).put("numAffected", "three");
        Path file = out.resolve("bad.json");
        JSON.writeValue(file.toFile(), study);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", file.toString(), "--out", out.resolve("o").toString()));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("bad.json, JSON path /resultsSection/adverseEventsModule/seriousEvents/2/stats/1"
                + "/numAffected: expected a whole number"), msg);
    }

    /**
     * Counts that cannot be given to their group are refused naming the JSON path (or the AACT table's line): a group
     * that is no object or has no id, two groups of one id, a count naming no group or one the record does not list,
     * an AACT row without its group code or trial. They stopped the import as a defect (exit 1), or their counts were
     * left out without a word.
     */
    @Test
    void countsThatBelongToNoGroupOfTheRecordAreRefusedNamingTheJsonPath(@TempDir Path out) throws IOException {
        String ae = "bad.json, JSON path /resultsSection/adverseEventsModule/";
        java.util.function.Consumer<JsonNode> noId = s -> ((tools.jackson.databind.node.ObjectNode) groups(s).get(1))
                .remove("id");
        refusedAs(out, noId, ae + "eventGroups/1/id: expected the group's id, which its counts name; the group has"
                + " none");
        refusedAs(out, s -> groups(s).set(1, "EG001"), ae + "eventGroups/1: expected an object, got string \"EG001\"");
        refusedAs(out, s -> ((tools.jackson.databind.node.ObjectNode) groups(s).get(1)).put("id", "EG000"),
                ae + "eventGroups/1/id: expected an id of this group's own, but the group at /resultsSection"
                + "/adverseEventsModule/eventGroups/0 has the id EG000 too, so the counts of the two cannot be told"
                + " apart");
        refusedAs(out, s -> stats(s).put("groupId", "EG009"), ae + "seriousEvents/0/stats/0/groupId: expected the id"
                + " of one of the record's adverse-event groups (EG000, EG001, EG002, EG003, EG004), got EG009");
        refusedAs(out, s -> stats(s).remove("groupId"), ae + "seriousEvents/0/stats/0/groupId: expected the id of one"
                + " of the record's adverse-event groups (EG000, EG001, EG002, EG003, EG004), which these counts do"
                + " not give, so they belong to no group");

        List<String> lines = Files.readAllLines(fixture("aact/reported_events.txt"));
        String[] row = lines.get(2).split("\\|", -1);
        row[3] = "";
        lines.set(2, String.join("|", row));
        Path table = Files.write(out.resolve("reported_events.txt"), lines);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", table.toString(), "--out", out.resolve("aact").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("reported_events.txt, line 3, column"
                + " ctgov_group_code: expected the code of the group (such as EG000) the row belongs to"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve("aact")));
        // a row without its trial: its counts were passed over without a word
        row[3] = "EG000";
        row[1] = "";
        lines.set(2, String.join("|", row));
        Files.write(table, lines);
        err.reset();
        assertEquals(2, run(err, "import-ctgov", table.toString(), "--out", out.resolve("aact").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("reported_events.txt, line 3, column nct_id: expected"
                + " the trial's NCT id"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out.resolve("aact")));
    }

    private static tools.jackson.databind.node.ArrayNode groups(JsonNode study) {
        return (tools.jackson.databind.node.ArrayNode) study.path("resultsSection").path("adverseEventsModule")
                .path("eventGroups");
    }

    private static tools.jackson.databind.node.ObjectNode stats(JsonNode study) {
        return (tools.jackson.databind.node.ObjectNode) study.path("resultsSection").path("adverseEventsModule")
                .path("seriousEvents").get(0).path("stats").get(0);
    }

    /** NCT02278341 changed by {@code edit} is refused (exit 2) saying {@code words}, and nothing is written. */
    private static void refusedAs(Path out, java.util.function.Consumer<JsonNode> edit, String words)
            throws IOException {
        JsonNode study = JSON.readTree(fixture("NCT02278341.json").toFile());
        edit.accept(study);
        Path file = out.resolve("bad.json");
        JSON.writeValue(file.toFile(), study);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", file.toString(), "--out", out.resolve("o").toString()));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains(words), msg);
        assertFalse(Files.exists(out.resolve("o")), "nothing written");
    }

    @Test
    void downloadsByIdAndBySearchFromTheApi(@TempDir Path out) throws IOException {
        byte[] one = Files.readAllBytes(fixture("NCT02210780.json"));
        JsonNode s1 = JSON.readTree(fixture("NCT02278341.json").toFile());
        JsonNode s2 = JSON.readTree(fixture("NCT00763412.json").toFile());
        byte[] page1 = JSON.writeValueAsBytes(Map.of("studies", List.of(s1), "nextPageToken", "p2"));
        byte[] page2 = JSON.writeValueAsBytes(Map.of("studies", List.of(s2)));
        List<String> asked = new ArrayList<>();
        try (Api server = api(uri -> {
            asked.add(uri);
            return uri.startsWith("/api/v2/studies/NCT02210780") ? one
                    : uri.contains("pageToken=p2") ? page2 : uri.contains("query.term=") ? page1 : null;
        })) {
            String api = server.address();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, run(err, "import-ctgov", "--nct", "NCT02210780", "--search", "mesenchymal stromal",
                    "--api", api, "--out", out.toString()), err.toString(StandardCharsets.UTF_8));
            assertTrue(Files.exists(out.resolve("downloaded/NCT02210780.json")));
            assertTrue(Files.exists(out.resolve("downloaded/search-page-002.json")));
            String review = Files.readString(out.resolve("review/review.md"));
            assertTrue(review.contains("## NCT02210780") && review.contains("## NCT02552212")
                    && review.contains("## NCT00763412"), review);
            assertTrue(asked.stream().anyMatch(u -> u.contains("query.term=mesenchymal+stromal")), asked.toString());
            assertEquals(2, run(err, "import-ctgov", "--nct", "NCT99999999", "--api", api, "--out",
                    out.resolve("x").toString()));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("HTTP 404"));
        }
    }

    /** A registry API on this machine answering {@code answers} (by the start of the request's path), 404 otherwise. */
    private static Api api(Map<String, byte[]> answers) throws IOException {
        return api(uri -> answers.entrySet().stream().filter(e -> uri.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null));
    }

    /** A registry API on this machine answering each request with {@code answer} of its path, 404 for null. */
    private static Api api(java.util.function.Function<String, byte[]> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/studies", ex -> {
            byte[] body = answer.apply(ex.getRequestURI().toString());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        return new Api(server);
    }

    /** A registry API on this machine for one test: its address; closing it stops it. */
    private record Api(HttpServer server) implements AutoCloseable {

        String address() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Every file under {@code dir} with its content, to compare a folder before and after a run. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> all = new java.util.TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                all.put(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }

    @Test
    void aDownloadedRecordIsKeptUnderItsOwnNameAndTheSheetNamesIt(@TempDir Path tmp) throws IOException {
        try (Api server = api(Map.of("/api/v2/studies/NCT02210780", Files.readAllBytes(fixture("NCT02210780.json"))))) {
            Path out = tmp.resolve("imp");
            org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("import-ctgov", "--nct", "NCT02210780",
                    "--api", server.address(), "--out", out.toString());
            assertEquals(0, r.status(), r.all());
            assertTrue(r.out().contains("The record downloaded is kept in " + out.resolve("downloaded") + ", to"
                    + " import again offline."), r.out());
            Path kept = out.resolve("downloaded").resolve("NCT02210780.json");
            assertEquals(Files.readString(fixture("NCT02210780.json")), Files.readString(kept));
            List<NamedCsvRecord> rows = rows(out.resolve(ImportCtgovCommand.SHEET + ".csv"));
            assertFalse(rows.isEmpty());
            for (NamedCsvRecord row : rows) {
                assertEquals(kept.toString(), row.getField("source_file")); // not the temporary folder it was read from
            }
        }
    }

    @Test
    void aDownloadThatFailsHalfwayLeavesTheFolderAsItWas(@TempDir Path tmp) throws IOException {
        byte[] record = Files.readAllBytes(fixture("NCT02210780.json"));
        try (Api server = api(Map.of("/api/v2/studies/NCT02210780", record))) {
            // a folder never written: not made
            Path fresh = tmp.resolve("fresh");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "import-ctgov", "--nct", "NCT02210780", "--nct", "NCT99999999", "--api",
                    server.address(), "--out", fresh.toString()));
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.contains("ClinicalTrials.gov has no record NCT99999999 (HTTP 404 from "), e);
            assertTrue(e.contains("Nothing was written."), e);
            assertFalse(Files.exists(fresh), "the output folder was made");

            // a folder of an earlier import: its record of NCT02210780, saved then, is not replaced by the new one
            Path earlier = tmp.resolve("earlier");
            assertEquals(0, run(new ByteArrayOutputStream(), "import-ctgov", "--nct", "NCT02210780", "--api",
                    server.address(), "--out", earlier.toString()));
            Path saved = earlier.resolve("downloaded").resolve("NCT02210780.json");
            Files.writeString(saved, Files.readString(saved).replace("\"nctId\"", "\"nctId\" "));
            Map<String, String> before = contents(earlier);
            assertEquals(2, run(new ByteArrayOutputStream(), "import-ctgov", "--nct", "NCT02210780", "--nct",
                    "NCT99999999", "--api", server.address(), "--out", earlier.toString()));
            assertEquals(before, contents(earlier));
        }
    }

    @Test
    void anAnswerThatIsNoRecordIsRefusedNamingTheAddress(@TempDir Path tmp) throws IOException {
        byte[] page = "<!DOCTYPE html><html><body>ClinicalTrials.gov</body></html>".getBytes(StandardCharsets.UTF_8);
        try (Api server = api(Map.of("/api/v2/studies/", page))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "import-ctgov", "--nct", "NCT02210780", "--api", server.address(), "--out",
                    tmp.resolve("imp").toString()));
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.contains(server.address() + "/studies/NCT02210780?markupFormat=legacy: the answer is not a"
                    + " JSON record (is --api the address of ClinicalTrials.gov's API,"
                    + " https://clinicaltrials.gov/api/v2?)"), e);
            assertFalse(Files.exists(tmp.resolve("imp")));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsSaidInWords(@TempDir Path tmp) throws IOException {
        int port;
        try (var closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // nothing listens there once it is closed
        }
        java.util.function.Supplier<List<String>> downloads = () -> {
            java.io.File[] in = new java.io.File(System.getProperty("java.io.tmpdir")).listFiles(
                    f -> f.getName().startsWith("mscmeta-download-"));
            return in == null ? List.of() : java.util.Arrays.stream(in).map(java.io.File::getName).sorted().toList();
        };
        List<String> before = downloads.get();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", "--nct", "NCT02210780", "--api", "http://127.0.0.1:" + port, "--out",
                tmp.resolve("imp").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("error: cannot reach http://127.0.0.1:" + port + ": no connection could be made"
                + " (refused, or no server at that address); import saved records instead"), e);
        assertFalse(e.contains("null") || e.contains("Exception"), e);
        assertFalse(Files.exists(tmp.resolve("imp")));
        assertEquals(before, downloads.get(), "temporary download folders left behind");
    }

    @Test
    void nothingToImportIsSaidAndNothingWritten(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("page.json");
        Files.writeString(empty, "{\"studies\": []}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", empty.toString(), "--out", tmp.resolve("a").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("error: " + empty + ": no study record in it (a search response whose studies[] is"
                + " empty?): nothing to import"), e);
        assertFalse(Files.exists(tmp.resolve("a")));

        try (Api server = api(Map.of("/api/v2/studies?", "{\"studies\": []}".getBytes(StandardCharsets.UTF_8)))) {
            ByteArrayOutputStream err2 = new ByteArrayOutputStream();
            assertEquals(2, run(err2, "import-ctgov", "--search", "no such therapy", "--api", server.address(), "--out",
                    tmp.resolve("b").toString()));
            assertTrue(err2.toString(StandardCharsets.UTF_8).startsWith("error: the search 'no such therapy' matched"
                    + " no study with results at " + server.address() + ": nothing to import"),
                    err2.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(tmp.resolve("b")));
        }
    }

    @Test
    void aSearchPageCutShortIsRefusedNamingTheAddress(@TempDir Path tmp) throws IOException {
        try (Api server = api(Map.of("/api/v2/studies?", "{\"studies\": [{\"protocolSection\": {"
                .getBytes(StandardCharsets.UTF_8)))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "import-ctgov", "--search", "mesenchymal", "--api", server.address(), "--out",
                    tmp.resolve("imp").toString()));
            String e = err.toString(StandardCharsets.UTF_8);
            assertTrue(e.startsWith("error: " + server.address() + "/studies?query.term=mesenchymal"), e);
            assertTrue(e.contains(": the answer is not a whole JSON document (cut short?): run the search again"), e);
            assertFalse(Files.exists(tmp.resolve("imp")));
        }
    }

    @Test
    void aRecordDownloadedAgainWinsOverItsSavedCopyAndReplacesIt(@TempDir Path tmp) throws IOException {
        byte[] record = Files.readAllBytes(fixture("NCT02210780.json"));
        try (Api server = api(Map.of("/api/v2/studies/NCT02210780", record))) {
            Path out = tmp.resolve("imp");
            assertEquals(0, run(new ByteArrayOutputStream(), "import-ctgov", "--nct", "NCT02210780", "--api",
                    server.address(), "--out", out.toString()));
            Path saved = out.resolve("downloaded").resolve("NCT02210780.json");
            Files.writeString(saved, Files.readString(saved).replace("Atopic Dermatitis", "An older condition"));
            // the saved folder and the id again: the registry's record of now is imported, and kept in its place
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, run(err, "import-ctgov", out.resolve("downloaded").toString(), "--nct", "NCT02210780",
                    "--api", server.address(), "--out", out.toString()), err.toString(StandardCharsets.UTF_8));
            List<NamedCsvRecord> rows = rows(out.resolve(ImportCtgovCommand.SHEET + ".csv"));
            assertFalse(rows.isEmpty());
            for (NamedCsvRecord row : rows) {
                assertEquals("Atopic Dermatitis", row.getField("condition"));
            }
            assertArrayEquals(record, Files.readAllBytes(saved));
        }
    }

    @Test
    void aGroupMappingTypedByHandMatchesIgnoringCaseAndWhatItNamesInVainIsWarned(@TempDir Path tmp)
            throws IOException {
        Path groups = tmp.resolve("groups.csv");
        Files.writeString(groups, "nct_id,group_id,role\nNCT99999999,EG000,msc\nNCT02210780,EG009,control\n"
                + " nct02210780 ,eg001,exclude\n");
        Path out = tmp.resolve("imp");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02210780.json").toString(), "--groups", groups.toString(),
                "--out", out.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        String review = Files.readString(out.resolve("review/review.md"));
        for (String w : List.of("the group mapping names NCT99999999, which none of the records read holds: its"
                + " roles were not used", "the group mapping names group EG009 of NCT02210780, which has no such"
                + " group (its groups: EG000, EG001): that role was not used")) {
            assertTrue(e.contains("warning: " + w), e);
            assertTrue(review.contains("- Warning: " + w), review);
        }
        // the row in lower case decided its group
        assertTrue(review.contains("- Group EG001 'Dupilumab 300 mg qw': exclude (set in the group mapping)"), review);
        // two roles for one group: refused, naming both lines
        Files.writeString(groups, "nct_id,group_id,role\nNCT02210780,EG001,msc\nNCT02210780,EG000,control\n"
                + "NCT02210780,eg001,exclude\n");
        err.reset();
        assertEquals(2, run(err, "import-ctgov", fixture("NCT02210780.json").toString(), "--groups", groups.toString(),
                "--out", tmp.resolve("b").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(groups + ": row 4, column 'role': found \"exclude\";"
                + " expected one role per group, but row 2 gives group EG001 of NCT02210780 the role msc: keep one of"
                + " the two"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("b")));
        // every row that cannot be read at once, each by its row and its column as the header writes it
        Files.writeString(groups, "NCT_ID,Group_ID,Role\nNCT02210780,EG001,treatment\n,EG000,control\n"
                + "NCT02210780,,msc\nNCT02210780,EG000,\n");
        err.reset();
        assertEquals(2, run(err, "import-ctgov", fixture("NCT02210780.json").toString(), "--groups", groups.toString(),
                "--out", tmp.resolve("b").toString()));
        assertEquals(List.of("error: 3 problems in the input:", "  " + groups + ": row 2, column 'Role': found"
                + " \"treatment\"; expected msc, control or exclude", "  " + groups + ": row 3, column 'NCT_ID': found"
                + " a blank cell; expected the trial's NCT id, as the row gives a role", "  " + groups + ": row 4,"
                + " column 'Group_ID': found a blank cell; expected the group's id (EG000, E1, ...), as the row gives a"
                + " role", "Nothing was written."), List.of(err.toString(StandardCharsets.UTF_8).split("\\R")));
        Files.writeString(groups, "nct,group_id,role\nNCT02210780,EG001,msc\n");
        err.reset();
        assertEquals(2, run(err, "import-ctgov", fixture("NCT02210780.json").toString(), "--groups", groups.toString(),
                "--out", tmp.resolve("b").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(groups + ": row 1: expected the columns nct_id,"
                + " group_id and role (as the groups.csv of an import has them), but there is no column 'nct_id'"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(tmp.resolve("b")));
    }

    /**
     * The trials of a search response without adverse-event results are warned of in one line for the file, listing
     * their ids (a response of 19 such trials gave 19 warnings); a record of one such trial keeps its own warning.
     */
    @Test
    void trialsWithoutAdverseEventsAreWarnedOfOnceForTheirFile(@TempDir Path tmp) throws IOException {
        StringBuilder studies = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            studies.append(i > 1 ? "," : "").append("{\"protocolSection\": {\"identificationModule\": {\"nctId\":"
                    + " \"NCT0000000").append(i).append("\", \"briefTitle\": \"Trial ").append(i).append("\"}}}");
        }
        Path search = Files.writeString(tmp.resolve("search.json"), "{\"studies\": [" + studies + "]}");
        Path single = Files.writeString(tmp.resolve("one.json"), "{\"protocolSection\": {\"identificationModule\":"
                + " {\"nctId\": \"NCT00000009\", \"briefTitle\": \"Trial 9\"}}}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = tmp.resolve("imp");
        assertEquals(0, run(err, "import-ctgov", fixture("NCT02097641.json").toString(), search.toString(),
                single.toString(), "--out", out.toString(), "--quiet"), err.toString(StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        String review = Files.readString(out.resolve("review/review.md"));
        for (String w : List.of("3 trials of " + search + " have no adverse-events results section; nothing imported"
                + " from them: NCT00000001, NCT00000002, NCT00000003", "NCT00000009 (" + single + "): no adverse-events"
                + " results section; nothing imported")) {
            assertTrue(e.contains("warning: " + w + System.lineSeparator()), e);
            assertTrue(review.contains("- Warning: " + w), review);
        }
        assertEquals(2, e.lines().filter(l -> l.contains("no adverse-events results section")).count(), e);
        // the summary: the trials not imported for one reason on one line
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals(0, run(console, new ByteArrayOutputStream(), "import-ctgov", fixture("NCT02097641.json")
                .toString(), search.toString(), single.toString(), "--out", tmp.resolve("imp2").toString()));
        String summary = console.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains(System.lineSeparator() + "  NCT00000001, NCT00000002, NCT00000003, NCT00000009 (4"
                + " trials): no adverse-events results in the record" + System.lineSeparator()), summary);
    }

    @Test
    void aactEventsWithoutTheirGroupsTableAreWarnedAndTheGroupsCalledUntitled(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("imp");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", fixture("aact/reported_events.txt").toString(), "--out",
                out.toString()));
        String w = "AACT tables without their result_groups table: the groups have no titles, so the MSC and control"
                + " groups cannot be told apart; give result_groups too, or the roles with --groups";
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("warning: " + w), e);
        String review = Files.readString(out.resolve("review/review.md"));
        assertTrue(review.contains("- Warning: " + w), review);
        assertTrue(review.contains("- Group EG000 (untitled): unknown"), review);
        assertFalse(review.contains("null") || Files.readString(out.resolve("review/groups.csv")).contains("null"),
                review);
        // with the groups table the warning goes
        err.reset();
        assertEquals(0, run(err, "import-ctgov", fixture("aact/reported_events.txt").toString(),
                fixture("aact/result_groups.csv").toString(), "--out", tmp.resolve("b").toString()));
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("result_groups table"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGroupMappingSavedBySpreadsheetsIsReadOrRefusedInWords(@TempDir Path tmp) throws IOException {
        String record = fixture("NCT02210780.json").toString();
        // Excel's CSV where the decimal separator is a comma (semicolons, a byte-order mark), and tab-separated text
        for (String saved : List.of("\uFEFFnct_id;group_id;role\nNCT02210780;EG001;exclude\n",
                "nct_id\tgroup_id\trole\nNCT02210780\tEG001\texclude\n")) {
            Path groups = Files.writeString(tmp.resolve("groups.csv"), saved);
            Path out = tmp.resolve("imp" + saved.length());
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, run(err, "import-ctgov", record, "--groups", groups.toString(), "--out", out.toString()),
                    err.toString(StandardCharsets.UTF_8));
            assertTrue(Files.readString(out.resolve("review/review.md")).contains("- Group EG001 'Dupilumab 300 mg"
                    + " qw': exclude (set in the group mapping)"));
        }
        // kept in Excel: refused, saying so
        Path book = tmp.resolve("groups.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream o = Files.newOutputStream(book)) {
            wb.createSheet("groups").createRow(0).createCell(0).setCellValue("nct_id");
            wb.write(o);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "import-ctgov", record, "--groups", book.toString(), "--out",
                tmp.resolve("x").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(book + ": expected a CSV of nct_id, group_id, role,"
                + " but this is a workbook (.xlsx, .xls or .ods): save the table as CSV"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileThatIsNoTextAmongTheRecordsIsPassedOverOrRefusedNotACrash(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("records"));
        Files.copy(fixture("NCT02210780.json"), folder.resolve("NCT02210780.json"));
        Path binary = Files.write(folder.resolve("scan.csv"), new byte[] {0x42, (byte) 0x81, 0x00, (byte) 0xFF, 0x10});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "import-ctgov", folder.toString(), "--out", tmp.resolve("a").toString()),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, run(err, "import-ctgov", binary.toString(), "--out", tmp.resolve("b").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: " + binary + ": neither a .json or .xml"
                + " record nor an AACT table"), err.toString(StandardCharsets.UTF_8));
    }
}
