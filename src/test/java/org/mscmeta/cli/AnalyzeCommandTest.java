package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.ReferenceCases;

/** The analyze command's contract: exit codes, nothing written on bad input, results.json layout. */
class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private static int runCapturingErr(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(old);
        }
    }

    /** {@link #runCapturingErr}, the console's output captured in {@code out} too. */
    private static int runCapturingOutAndErr(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return runCapturingErr(err, args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void badInputExitsTwoWritesNothingAndNamesRowAndColumn() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\nA,Death,5,4,1,10\n");
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runCapturingErr(err, "analyze", in.toString(), "--out", out.toString());
        assertEquals(2, status);
        assertFalse(Files.exists(out), "nothing may be written on bad input");
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("bad.csv: row 2, column 'events_msc': found \"5\"; expected at most n_msc = 4"), msg);
    }

    /**
     * A library's exception that reaches the command line is a defect of mscmeta, said so, not a problem of the input
     * ("error: matrix is singular", exit 2, was how a sheet of equal standard errors ended); mscmeta's own messages
     * are shown as written.
     */
    @Test
    void aLibrarysFailureIsCalledADefectNotBadInput() {
        assertEquals("an unexpected failure, a defect of mscmeta (matrix is singular): please report it with the"
                + " command you ran", Main.failure(new org.apache.commons.math3.linear.SingularMatrixException()));
        assertEquals("an unexpected failure, a defect of mscmeta: please report it with the command you ran",
                Main.failure(new NullPointerException()));
        assertTrue(Main.failure(new NullPointerException("Cannot invoke \"String.length()\" because \"s\" is null"))
                .startsWith("an unexpected failure, a defect of mscmeta (Cannot invoke"));
        assertEquals("the plots could not be drawn", Main.failure(new IllegalStateException("the plots could not be"
                + " drawn")));
        // an illegal state of a library's (POI's, for a sheet name holding a line break) is not taken for mscmeta's
        // own words, nor is mscmeta's wrapper of one ("error: java.lang.IllegalStateException: Illegal character")
        IllegalStateException poi = assertThrows(IllegalStateException.class,
                () -> org.apache.poi.ss.formula.SheetNameFormatter.format("Serious\nAE"));
        assertTrue(Main.failure(poi).startsWith("an unexpected failure, a defect of mscmeta (Illegal character"),
                Main.failure(poi));
        assertEquals(Main.failure(poi), Main.failure(new IllegalStateException(poi)));
        assertFalse(Main.failure(new IllegalStateException(poi)).contains("java.lang"));
        // a library's write failing (FastCSV's, on a full disk) is the disk's failure, not a defect
        assertEquals("the disk is full", Main.failure(new java.io.UncheckedIOException(new java.io.IOException(
                "No space left on device"))));
    }

    /** Options with nothing to act on are named, as the settings notices name theirs; the run goes on. */
    @Test
    void plotOptionsWithNoReportAreNamedAsNotUsed() throws Exception {
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                "--out", dir.resolve("a").toString(), "--no-report", "--quiet", "--plot-size", "single", "--sort",
                "effect");
        assertEquals(0, r.status(), r.all());
        assertEquals("Note: --plot-size, --sort shape the plots, which --no-report leaves out: not used",
                r.err().strip());
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("b").toString(), "--no-report", "--quiet");
        assertEquals(0, r.status(), r.all());
        assertEquals("", r.err().strip());
        // --sort weight under the GLMM, which weighs no study: the plots keep the input order, and a note says so
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("c").toString(), "--quiet", "--measure", "OR", "--method", "GLMM", "--sort", "weight",
                "--outcome", "Death");
        assertEquals(0, r.status(), r.all());
        assertEquals("Note: --sort weight: the mixed logistic model (--method GLMM) gives the studies no weights, so the"
                + " forest plots keep the studies in the input order", r.err().strip());
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("d").toString(), "--quiet", "--sort", "weight", "--outcome", "Death");
        assertEquals("", r.err().strip(), "weights to sort by: no note");
        // --columns weight under the GLMM: the plots have no weight column, and a note says why
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("e").toString(), "--quiet", "--measure", "OR", "--method", "GLMM", "--columns",
                "counts,weight,estimate,plot", "--outcome", "Death");
        assertEquals(0, r.status(), r.all());
        assertEquals("Note: --columns weight: the mixed logistic model (--method GLMM) gives the studies no weights,"
                + " so the forest plots have no weight column", r.err().strip());
    }

    /**
     * A sheet naming its route "Route of administration" and its cell source "Cell type" is pooled by both by
     * default, as one naming them route and cell_source (results.json: settings.by and the subgroup analyses).
     */
    @Test
    void theRouteAndCellSourceUnderTheirUsualPhrasesAreTheDefaultSubgroups() throws Exception {
        Path in = dir.resolve("phrases.csv");
        Files.writeString(in, "Study,Outcome,Route of administration,Cell type,Events MSC,N MSC,Events control,"
                + "N control\nA 2020,Fever,IV,BM-MSC,3,20,1,20\nB 2021,Fever,intravenous,UC-MSC,5,25,2,24\n"
                + "C 2022,Fever,intrathecal,UC-MSC,2,15,1,15\n");
        Path out = dir.resolve("phrases");
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", in.toString(), "--out",
                out.toString(), "--no-report", "--quiet");
        assertEquals(0, r.status(), r.all());
        JsonNode json = new tools.jackson.databind.ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("[\"route\",\"cell_source\"]", json.at("/settings/by").toString());
        List<String> levels = new java.util.ArrayList<>();
        for (JsonNode a : json.get("analyses")) {
            if (a.hasNonNull("subgroup")) {
                levels.add(a.at("/subgroup/variable").asText() + ": " + a.at("/subgroup/level").asText() + " k="
                        + a.get("k").asInt());
            }
        }
        assertEquals(List.of("route: intravenous k=2", "route: intrathecal k=1", "cell_source: bone marrow k=1",
                "cell_source: umbilical cord k=2"), levels);
    }

    /**
     * A comparison asked of a sheet whose rows all lack a control arm says so once, naming the columns of whole
     * numbers it did not read (the control arm under a name mscmeta does not know) and the incidence measure; a sheet
     * with one controlled row, or a proportion, gets no such notice.
     */
    @Test
    void aSheetWithoutAnyControlArmSaysWhyNothingIsCompared() throws Exception {
        Path in = dir.resolve("arms.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,Ev (ctl group),Tot (ctl group),Notes\n"
                + "A 2020,Fever,3,20,1,20,x\nB 2021,Fever,5,25,2,24,\n");
        String expected = "arms.csv: no row has a control arm (the sheet has no column events_control or n_control),"
                + " so no outcome is compared; columns 'Ev (ctl group)', 'Tot (ctl group)' hold whole numbers: if two"
                + " of them are the control arm's counts, name them events_control and n_control; for the incidence"
                + " among MSC recipients alone use --measure PLOGIT";
        assertEquals(List.of(expected), noticesOf(in, "none", "RR").stream().filter(m -> m.startsWith("arms.csv"))
                .toList());
        assertEquals(List.of(), noticesOf(in, "plogit", "PLOGIT").stream().filter(m -> m.startsWith("arms.csv"))
                .toList());
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, "study,outcome,events_msc,n_msc,events_control,n_control\nA 2020,Fever,3,20,1,20\n"
                + "B 2021,Fever,5,25,,\n");
        assertEquals(List.of(), noticesOf(mixed, "mixed", "RR").stream().filter(m -> m.startsWith("mixed.csv"))
                .toList());
    }

    private List<String> noticesOf(Path in, String name, String measure) throws Exception {
        Path out = dir.resolve(name);
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", in.toString(), "--out",
                out.toString(), "--no-report", "--quiet", "--measure", measure);
        assertEquals(0, r.status(), r.all());
        List<String> messages = new java.util.ArrayList<>();
        for (JsonNode n : new tools.jackson.databind.ObjectMapper().readTree(out.resolve("results.json").toFile())
                .get("notices")) {
            messages.add(n.get("message").asText());
        }
        return messages;
    }

    @Test
    void aWebAddressOrAQuotedTildeIsRefusedSayingWhatToGiveInstead() throws Exception {
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze",
                "https://docs.google.com/spreadsheets/d/abc/export?format=csv", "--out", dir.resolve("a").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().startsWith("error: INPUT https://docs.google.com/spreadsheets/d/abc/export?format=csv: a"
                + " web address, not a file: download it and give the file's path"), r.err());
        r = org.mscmeta.testing.Cli.run("import-ctgov", "https://clinicaltrials.gov/study/NCT02210780?tab=results",
                "--out", dir.resolve("b").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().startsWith("error: FILE https://clinicaltrials.gov/study/NCT02210780?tab=results: a web"
                + " address, not a file: import-ctgov --nct NCT02210780 downloads the record"), r.err());
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out", "s3://bucket/run");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().startsWith("error: --out s3://bucket/run: a web address, not a file: give a folder (or"
                + " file) on this computer to write into"), r.err());
        r = org.mscmeta.testing.Cli.run("analyze", "~/no-such-sheet.csv", "--out", dir.resolve("c").toString());
        assertEquals(2, r.status(), r.all());
        assertEquals("error: ~/no-such-sheet.csv: no such file (a shell reads ~ as your home folder only outside"
                + " quotes: write the path in full, or without quotes)", r.err().strip());
        for (String out : List.of("a", "b", "c")) {
            assertFalse(Files.exists(dir.resolve(out)));
        }
    }

    @Test
    void aVocabularyFileThatIsNotOneIsRefusedByLineAndOneWithAByteOrderMarkIsRead() throws Exception {
        Path vocab = dir.resolve("v.tsv");
        Files.writeString(vocab, "this is not\ta vocabulary\nroute,iv,intravenous drip\ncell_source\t\tfoo\n");
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                "--out", dir.resolve("a").toString(), "--no-report", "--vocabulary", vocab.toString());
        assertEquals(2, r.status(), r.all());
        for (String line : List.of("v.tsv: row 1, column 'kind': found \"this is not\"; expected route or cell_source (a"
                + " header line? the vocabulary has none: delete it, or start it with # to keep it as a comment)",
                "v.tsv: row 2: found \"route,iv,intravenous drip\"; expected the kind (route or cell_source), the"
                        + " canonical value and its aliases separated by tabs, but the line has no tab (a table saved"
                        + " as CSV? save it as tab-separated text)",
                "v.tsv: row 3, column 'canonical value': found a blank cell; expected the canonical value the aliases stand for")) {
            assertTrue(r.err().contains(line), r.err());
        }
        assertFalse(Files.exists(dir.resolve("a")));
        Files.write(vocab, "route\tintravenous\tintrav\u00f6s\n".getBytes(StandardCharsets.ISO_8859_1));
        r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("b").toString(), "--no-report", "--vocabulary", vocab.toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("v.tsv: expected UTF-8 text (save the vocabulary as UTF-8)"), r.err());
        // as Notepad saves UTF-8: a byte-order mark before the first line, which is read
        Path sheet = Files.writeString(dir.resolve("s.csv"), "study,route,outcome,events_msc,n_msc,events_control,"
                + "n_control\nA,IV drip,Death,1,10,2,10\n");
        Files.writeString(vocab, "\uFEFFRoute\tintravenous\tIV drip\nCell source\tbone marrow\tmarrow stroma\n");
        r = org.mscmeta.testing.Cli.run("analyze", sheet.toString(), "--out", dir.resolve("c").toString(),
                "--no-report", "--quiet", "--vocabulary", vocab.toString());
        assertEquals(0, r.status(), r.all());
        assertTrue(Files.readString(dir.resolve("c/results.json")).contains("\"intravenous\""));
    }

    /** A row of an outcome map without its term or its outcome is refused naming the column by the map's header. */
    @Test
    void anOutcomeMapRowWithoutItsTwoValuesIsRefusedNamingTheColumnByItsHeader() throws Exception {
        Path map = Files.writeString(dir.resolve("map.csv"), "outcome_reported,outcome\nDeath,Mortality\n,Empty\n"
                + "Fever\nDiarrhoea,Diarrhoea\ndiarrhoea,Loose stools\n");
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                "--out", dir.resolve("m").toString(), "--no-report", "--outcome-map", map.toString());
        assertEquals(2, r.status(), r.all());
        for (String line : List.of("map.csv: row 3, column 'outcome_reported': found a blank cell; expected a term and"
                + " the outcome to pool it under, in the first two columns", "map.csv: row 4, column 'outcome': found"
                + " a blank cell; expected a term and the outcome to pool it under", "map.csv: row 6, column 'outcome':"
                + " found \"Loose stools\"; expected one outcome per term, but row 5 maps 'diarrhoea' to 'Diarrhoea'")) {
            assertTrue(r.err().contains(line), r.err());
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void aWorkbookOrBinaryFileGivenAsAnOutcomeMapOrVocabularyIsRefusedInWords() throws Exception {
        Path book = dir.resolve("map.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(book)) {
            var row = wb.createSheet("map").createRow(0);
            row.createCell(0).setCellValue("term");
            row.createCell(1).setCellValue("outcome");
            wb.write(out);
        }
        Path binary = Files.write(dir.resolve("map.csv"), new byte[] {0x42, (byte) 0x81, 0x00, (byte) 0x8D, 0x10});
        String[][] cases = {
            {"--outcome-map", book.toString(), "map.xlsx: expected a CSV of term, outcome, but this is a workbook"
                + " (.xlsx, .xls or .ods): save the table as CSV"},
            {"--vocabulary", book.toString(), "map.xlsx: expected tab-separated text (kind, canonical value,"
                + " aliases), but this is a workbook (.xlsx, .xls or .ods): save the table as tab-separated text"},
            {"--outcome-map", binary.toString(), "map.csv: expected a CSV of term, outcome in UTF-8 (or"
                + " Windows-1252), but the file holds bytes that are text in neither: is it a CSV?"},
        };
        for (String[] c : cases) {
            org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                    "--out", dir.resolve("o").toString(), "--no-report", c[0], c[1]);
            assertEquals(2, r.status(), r.all());
            assertTrue(r.err().contains(c[2]), r.err());
            assertTrue(r.err().contains("Nothing was written. Correct the " + (c[0].equals("--vocabulary")
                    ? "vocabulary (--vocabulary)" : "outcome map (--outcome-map)") + " and run again."), r.err());
            assertFalse(Files.exists(dir.resolve("o")));
        }
    }

    @Test
    void unknownSubgroupColumnExitsTwo() throws Exception {
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runCapturingErr(err, "analyze", ReferenceCases.resource("data/bcg.csv").toString(),
                "--out", out.toString(), "--by", "colour");
        assertEquals(2, status);
        assertFalse(Files.exists(out.resolve("results.json")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no column 'colour'"));
    }

    /** metafor's {@code level = 95} is 95%: the same run as 0.95; what is no level at all is refused. */
    @Test
    void aConfidenceLevelGivenAsAPercentageIsReadAsMetaforReadsIt() throws Exception {
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String level : List.of("90", "0.9", "90%")) {
            assertEquals(0, runCapturingErr(err, "analyze", bcg.toString(), "--out", dir.resolve("l" + level).toString(),
                    "--level", level, "--no-report", "--quiet"), err.toString(StandardCharsets.UTF_8));
        }
        String percent = Files.readString(dir.resolve("l90/results.json"));
        String fraction = Files.readString(dir.resolve("l0.9/results.json"));
        assertTrue(fraction.replace(" ", "").contains("\"level\":0.9,"), fraction.substring(0, 600));
        // the same results but for the run's record (time, command line)
        assertEquals(new tools.jackson.databind.ObjectMapper().readTree(fraction).get("analyses"),
                new tools.jackson.databind.ObjectMapper().readTree(percent).get("analyses"));
        assertEquals(new tools.jackson.databind.ObjectMapper().readTree(fraction).get("analyses"),
                new tools.jackson.databind.ObjectMapper().readTree(dir.resolve("l90%/results.json").toFile())
                        .get("analyses"));
        for (String level : List.of("0", "1", "-0.5", "100", "150", "100%", "0%")) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            Path out = dir.resolve("level" + level);
            assertEquals(2, runCapturingErr(e, "analyze", bcg.toString(), "--out", out.toString(), "--level", level));
            assertTrue(e.toString(StandardCharsets.UTF_8).contains("--level: expected a confidence level between 0"
                    + " and 1 (0.95, or 95, for 95% intervals), got " + level), e.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(out));
        }
    }

    /**
     * A level of 97.5% is called 97.5% in every output: the route x cell-source map, the summary-of-findings
     * figure, the bubble plot and the manuscript kit rounded it to "98%" while the forest plots said "97.5%".
     */
    @Test
    void aConfidenceLevelIsCalledByTheSamePercentageInEveryOutput() throws Exception {
        Path out = dir.resolve("l975");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runCapturingOutAndErr(console, err, "analyze", "examples/msc_adverse_events.csv", "--out",
                out.toString(), "--level", "97.5", "--outcome", "Death", "--moderators", "year");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        texts.put("console", console.toString(StandardCharsets.UTF_8));
        try (java.util.stream.Stream<Path> svgs = Files.list(out.resolve("plots"))) {
            for (Path svg : svgs.filter(f -> f.toString().endsWith(".svg")).toList()) {
                texts.put(svg.getFileName().toString(), Files.readString(svg).replace("&#160;", " ")
                        .replace("\u00a0", " "));
            }
        }
        try (java.util.zip.ZipFile kit = new java.util.zip.ZipFile(out.resolve("report.docx").toFile())) {
            texts.put("report.docx", new String(kit.getInputStream(kit.getEntry("word/document.xml")).readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("<[^>]+>", "").replace("\u00a0", " "));
        }
        java.util.regex.Pattern level = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)% (CI|confidence)");
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (var t : texts.entrySet()) {
            var m = level.matcher(t.getValue());
            while (m.find()) {
                assertEquals("97.5", m.group(1), t.getKey() + ": " + m.group());
                named.add(t.getKey());
            }
        }
        for (String file : List.of("console", "report.docx", "forest-death.svg", "route-by-cell-source-death.svg",
                "summary-of-findings.svg", "bubble-death.svg", "funnel-death.svg")) {
            assertTrue(named.contains(file), file + " names the level: " + named);
        }
    }

    /**
     * Under --hksj an outcome of one study has its own z interval (as metafor with k = 1): the summary of findings
     * (figure, workbook sheet, manuscript kit) says so beside "random effects (REML, Hartung-Knapp)", and only then.
     */
    @Test
    void theSummaryOfFindingsSaysAnOutcomeOfOneStudyHasItsOwnZInterval() throws Exception {
        String sentence = "An outcome of one study has that study's own z interval (Hartung-Knapp needs two).";
        for (boolean hk : new boolean[] {true, false}) {
            Path out = dir.resolve("sof" + hk);
            List<String> args = new java.util.ArrayList<>(List.of("analyze", "examples/msc_adverse_events.csv",
                    "--out", out.toString(), "--quiet", "--outcome", "Death", "--outcome", "Fever"));
            if (hk) {
                args.add("--hksj");
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, runCapturingErr(err, args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
            String svg = Files.readString(out.resolve("plots/summary-of-findings.svg")).replace("&#160;", " ")
                    .replace("\u00a0", " ");
            String kit;
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(out.resolve("report.docx").toFile())) {
                kit = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(),
                        StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
            }
            String sheet;
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
                sheet = wb.getSheet("Summary of findings").getRow(1).getCell(0).getStringCellValue();
            }
            // the figure's text, its lines joined
            String svgText = svg.replaceAll("<[^>]+>", " ").replace("&apos;", "'").replaceAll("\\s+", " ");
            assertEquals(hk, svgText.contains(sentence), svgText);
            assertEquals(hk, kit.contains(sentence), kit);
            assertEquals(hk, sheet.endsWith(sentence), sheet);
        }
    }

    /**
     * A false-discovery level is written as given: at 0.025 the console and the plots' note said "0.03" (two
     * decimals), the workbook's header "0.025"; at 1e-5 the workbook said "1.0E-5".
     */
    @Test
    void aFalseDiscoveryLevelIsWrittenAsGiven() throws Exception {
        for (String alpha : List.of("0.025", "0.00001")) {
            Path out = dir.resolve("fdr" + alpha);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = runCapturingOutAndErr(console, err, "analyze", "examples/msc_adverse_events.csv", "--out",
                    out.toString(), "--fdr-alpha2", alpha);
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("(Benjamini-Hochberg, " + alpha + "): "),
                    console.toString(StandardCharsets.UTF_8));
            String panel = Files.readString(out.resolve("plots/ae-panel.svg")).replaceAll("<[^>]+>", " ")
                    .replace("&#160;", " ").replace("\u00a0", " ").replaceAll("\\s+", " ");
            assertTrue(panel.contains("flagged by Benjamini-Hochberg across the outcomes at " + alpha), panel);
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
                List<String> heads = new java.util.ArrayList<>();
                wb.getSheet("Summary").getRow(0).forEach(c -> heads.add(c.getStringCellValue()));
                assertTrue(heads.contains("Flagged (BH at " + alpha + ")"), heads.toString());
            }
        }
        // a level out of range is named alone, as typed: it was "--fdr-alpha1 and --fdr-alpha2: ..., got 0.0 and 0.1"
        for (String level : List.of("0", "1", "150%")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path out = dir.resolve("fdr-refused");
            assertEquals(2, runCapturingOutAndErr(new ByteArrayOutputStream(), err, "analyze",
                    "examples/msc_adverse_events.csv", "--out", out.toString(), "--fdr-alpha1", level));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --fdr-alpha1: expected a level between 0"
                    + " and 1 (e.g. 0.1, or 10%), got '" + level + "'"), err.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(out));
        }
    }

    /**
     * The summary of findings states an assumed control risk in words, with its value: the figure, the workbook's
     * sheet and the manuscript kit said "as given (--control-risk)", a command-line option in a journal figure.
     */
    @Test
    void anAssumedControlRiskIsStatedWithItsValueNotAnOption() throws Exception {
        Path out = dir.resolve("risk7");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out", out.toString(),
                "--control-risk", "7%", "--outcome", "Death", "--quiet"), err.toString(StandardCharsets.UTF_8));
        String rule = "Risk with control: 70 per 1,000 for every outcome, as given for this review;";
        String svg = Files.readString(out.resolve("plots/summary-of-findings.svg")).replaceAll("<[^>]+>", " ")
                .replace("&#160;", " ").replace("\u00a0", " ").replaceAll("\\s+", " ");
        assertTrue(svg.contains(rule), svg);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(out.resolve("report.docx").toFile())) {
            String kit = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
            assertTrue(kit.contains(rule), kit);
            assertFalse(kit.contains("--control-risk"), kit);
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
            String note = wb.getSheet("Summary of findings").getRow(1).getCell(0).getStringCellValue();
            assertTrue(note.contains("Assumed r" + rule.substring(1)), note);
        }
        assertFalse(svg.contains("--control-risk"), svg);
    }

    /**
     * Where no control arm has an event and no risk was given, the summary of findings says why in words a co-author
     * reads: the figure, the workbook's sheet and the manuscript kit said "give an assumed control risk
     * (--control-risk)", a command-line option.
     */
    @Test
    void aSummaryOfFindingsWithoutAControlRiskSaysWhyWithoutAnOption() throws Exception {
        Path out = dir.resolve("nocontrolevent");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out", out.toString(),
                "--outcome", "Malignancy", "--quiet"), err.toString(StandardCharsets.UTF_8));
        String why = "no control arm has an event, which makes every absolute effect 0, and no assumed control risk"
                + " was given for this review";
        String svg = Files.readString(out.resolve("plots/summary-of-findings.svg")).replaceAll("<[^>]+>", " ")
                .replace("&#160;", " ").replace("\u00a0", " ").replaceAll("\\s+", " ");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(out.resolve("report.docx").toFile());
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("results.xlsx").toFile())) {
            String kit = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
            StringBuilder sheet = new StringBuilder();
            wb.getSheet("Summary of findings").forEach(r -> r.forEach(c -> sheet.append(c).append('\t')));
            String json = Files.readString(out.resolve("results.json"));
            for (String[] shown : new String[][] {{"figure", svg}, {"kit", kit}, {"sheet", sheet.toString()},
                    {"results.json", json}}) {
                assertTrue(shown[1].replaceAll("\\s+", " ").contains(why), shown[0] + ": " + shown[1]);
                assertFalse(shown[1].contains("--control-risk"), shown[0] + ": " + shown[1]);
            }
        }
    }

    /**
     * "--level 1.5" is a 1.5% interval, as metafor reads a number above 1: computed as given, with a notice that
     * says how narrow it is (a user who meant 98.5% saw intervals that narrow without a word); none at 95%.
     */
    @Test
    void aConfidenceLevelBelowHalfIsComputedWithANotice() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String level : List.of("1.5", "95")) {
            assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out",
                    dir.resolve("level" + level).toString(), "--level", level, "--outcome", "Death", "--no-report",
                    "--quiet"), err.toString(StandardCharsets.UTF_8));
        }
        var json = new tools.jackson.databind.ObjectMapper();
        var narrow = json.readTree(dir.resolve("level1.5/results.json").toFile());
        assertEquals(0.015, narrow.get("settings").get("level").asDouble(), 1e-15);
        assertTrue(narrow.get("notices").toString().contains("--level: the intervals are 1.5% confidence intervals,"
                + " narrower than any a review reports"), narrow.get("notices").toString());
        assertFalse(json.readTree(dir.resolve("level95/results.json").toFile()).get("notices").toString()
                .contains("--level"));
    }

    /**
     * "--level 0.05" is a 95% interval, as metafor's {@code level} reads a number below 0.5 (the error rate alpha:
     * {@code rma(..., level = 0.05)} and {@code level = 95} give the same interval), with a note saying so; "5%" stays
     * a 5% interval. Before, 0.05 gave 5% intervals where metafor gives 95%.
     */
    @Test
    void aLevelBelowHalfIsAlphaAsMetaforReadsIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String level : List.of("0.05", "95", "5%")) {
            assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out",
                    dir.resolve("alpha" + level.replace("%", "pc")).toString(), "--level", level, "--outcome", "Death",
                    "--no-report", "--quiet"), err.toString(StandardCharsets.UTF_8));
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Note: --level 0.05 is read as metafor reads a number"
                + " below 0.5, as the error rate alpha: 95% confidence intervals (give 0.95 or 95 to say so directly)"),
                err.toString(StandardCharsets.UTF_8));
        var json = new tools.jackson.databind.ObjectMapper();
        var alpha = json.readTree(dir.resolve("alpha0.05/results.json").toFile());
        var percent = json.readTree(dir.resolve("alpha95/results.json").toFile());
        assertEquals(0.95, alpha.get("settings").get("level").asDouble(), 1e-15);
        assertEquals(percent.get("analyses"), alpha.get("analyses"));
        assertEquals(0.05, json.readTree(dir.resolve("alpha5pc/results.json").toFile()).get("settings").get("level")
                .asDouble(), 1e-15);
    }

    /**
     * The GLMM estimates tau² by maximum likelihood. The default REML is taken as ML without a word; REML asked for by
     * name gets a note saying what was fitted (it was taken as ML silently), with results identical to --tau2 ML,
     * the incidence among MSC recipients included.
     */
    @Test
    void remlAskedOfTheGlmmIsSaidToBeMaximumLikelihood() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String tau2 : List.of("REML", "ML")) {
            assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out",
                    dir.resolve("glmm" + tau2).toString(), "--measure", "OR", "--method", "GLMM", "--tau2", tau2,
                    "--outcome", "Death", "--no-report", "--quiet"), err.toString(StandardCharsets.UTF_8));
        }
        assertEquals("Note: --tau2 REML: the GLMM (--method GLMM) estimates tau\u00b2 by maximum likelihood, as"
                + " metafor's rma.glmm does (it has no REML): the random-effects results are ML's, as results.json's"
                + " settings say (--tau2 ML says so directly)", err.toString(StandardCharsets.UTF_8).strip());
        var json = new tools.jackson.databind.ObjectMapper();
        var reml = json.readTree(dir.resolve("glmmREML/results.json").toFile());
        assertEquals("ML", reml.get("settings").get("tau2").asString());
        assertEquals(json.readTree(dir.resolve("glmmML/results.json").toFile()).get("analyses"), reml.get("analyses"));
        // the incidence beside the GLMM is ML's too (it was REML's under --tau2 REML and the default): metafor 3.8-1,
        // rma(measure = "PLO", xi, ni, method = "ML") on the ten Death trials' MSC arms, back-transformed
        var incidence = reml.get("analyses").get(0).get("incidence").get("random");
        assertEquals("ML", incidence.get("tau2_method").asString());
        assertEquals(0.338113917377279, incidence.get("estimate").asDouble(), 1e-9);
        assertEquals(0.281173779921350, incidence.get("ci_lower").asDouble(), 1e-9);
        assertEquals(0.400165767821592, incidence.get("ci_upper").asDouble(), 1e-9);
        err.reset();
        assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out",
                dir.resolve("glmmDefault").toString(), "--measure", "OR", "--method", "GLMM", "--outcome", "Death",
                "--no-report", "--quiet"), err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8).strip(), "the default: no note");
    }

    /** A summary-of-findings table states its assumed risk as a percentage as often as a proportion. */
    @Test
    void anAssumedControlRiskGivenAsAPercentageIsThatProportion() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the percentage in full width too, as an East Asian keyboard's input mode types it
        for (String risk : List.of("5%", "0.05", "\uFF15\uFF05")) {
            assertEquals(0, runCapturingErr(err, "analyze", "examples/msc_adverse_events.csv", "--out",
                    dir.resolve("r" + risk).toString(), "--control-risk", risk, "--no-report", "--quiet"),
                    err.toString(StandardCharsets.UTF_8));
        }
        var json = new tools.jackson.databind.ObjectMapper();
        var percent = json.readTree(dir.resolve("r5%/results.json").toFile());
        var fraction = json.readTree(dir.resolve("r0.05/results.json").toFile());
        assertEquals(fraction.get("analyses"), percent.get("analyses"));
        assertEquals(fraction.get("analyses"), json.readTree(dir.resolve("r\uFF15\uFF05/results.json").toFile())
                .get("analyses"));
        assertTrue(fraction.get("analyses").toString().contains("\"control_risk\":0.05,\"control_risk_source\":"
                + "\"given (--control-risk)\""), "the risk given is used");
        for (String[] c : new String[][] {{"5", ": for 5% write 5%"}, {"150%", ""}, {"0", ""}, {"5 %x", ""}}) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            Path out = dir.resolve("bad" + c[0].replace('%', 'p').replace(' ', '_'));
            assertEquals(2, runCapturingErr(e, "analyze", "examples/msc_adverse_events.csv", "--out", out.toString(),
                    "--control-risk", c[0]));
            assertTrue(e.toString(StandardCharsets.UTF_8).contains("--control-risk: expected a proportion between 0"
                    + " and 1 (e.g. 0.05, or 5%, for 50 per 1,000), got '" + c[0] + "'" + c[1]),
                    e.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void falseDiscoveryLevelsGivenAsPercentagesAreThoseProportions() throws Exception {
        var json = new tools.jackson.databind.ObjectMapper();
        List<tools.jackson.databind.JsonNode> runs = new java.util.ArrayList<>();
        for (String[] alpha : new String[][] {{"20%", "5%"}, {"0.2", "0.05"}}) {
            Path out = dir.resolve("fdr" + runs.size());
            org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                    "--out", out.toString(), "--no-report", "--quiet", "--fdr-alpha1", alpha[0], "--fdr-alpha2",
                    alpha[1]);
            assertEquals(0, r.status(), r.all());
            tools.jackson.databind.JsonNode doc = json.readTree(out.resolve("results.json").toFile());
            ((tools.jackson.databind.node.ObjectNode) doc).remove("run");
            runs.add(doc);
        }
        assertEquals(runs.get(1), runs.get(0));
        assertTrue(runs.get(0).toString().contains("\"alpha1\":0.2,\"alpha2\":0.05"), runs.get(0).toString());
    }

    @Test
    void aCommandSpelledAsBritishEnglishSpellsItIsNamedAsMeant() {
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyse", "examples/msc_adverse_events.csv",
                "--out", dir.resolve("a").toString());
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().startsWith("error: unknown command 'analyse'; did you mean 'analyze'?"), r.err());
        r = org.mscmeta.testing.Cli.run("frobnicate");
        assertEquals(2, r.status(), r.all());
        assertEquals("error: unknown command 'frobnicate'", r.err().lines().findFirst().orElse(""), r.err());
        assertFalse(Files.exists(dir.resolve("a")));
    }

    @Test
    void anOptionMistypedOrWithoutItsValueIsSaidInWords() {
        String[][] cases = {
            {"--meassure", "RR", "error: unknown option '--meassure'; did you mean '--measure'?"},
            {"--tau", "DL", "error: unknown option '--tau'; did you mean '--tau2'?"},
            {"--xyz", "3", "error: unknown option '--xyz'"},
            {"--no-report", "--measure", "error: --measure needs a value (RR|OR|RD|PLOGIT|PFT|PRAW)"},
            // a decimal comma, as a European keyboard types it, and columns listed with another separator
            {"--cc", "0,5", "error: --cc: expected a number, got '0,5' (write the decimals after a point: '0.5')"},
            {"--level", "0,9", "error: --level: expected a number, got '0,9' (write the decimals after a point: '0.9')"},
            // Java's literal suffixes, hexadecimal and NaN are no numbers a user writes ("0.5d" was read as 0.5)
            {"--cc", "0.5d", "error: --cc: expected a number, got '0.5d'"},
            {"--level", "95f", "error: --level: expected a number, got '95f'"},
            {"--control-risk", "0.05d", "error: --control-risk: expected a proportion between 0 and 1 (e.g. 0.05, or"
                    + " 5%, for 50 per 1,000), got '0.05d'"},
            {"--axis-limits", "0x1p-3,10", "error: --axis-limits: expected two numbers MIN,MAX such as 0.1,10, got"
                    + " '0x1p-3,10'"},
            {"--by", "route;cell_source", "error: no column 'route;cell_source' in msc_adverse_events.csv to form"
                    + " subgroups (--by): to name several columns, separate them with commas ('route,cell_source')"},
            {"--moderators", "year + route", "error: no column 'year + route' in msc_adverse_events.csv for"
                    + " --moderators: to name several columns, separate them with commas ('year,route')"},
        };
        for (String[] c : cases) {
            org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                    "--out", dir.resolve("a").toString(), c[0], c[1]);
            assertEquals(2, r.status(), r.all());
            assertEquals(c[2], r.err().lines().findFirst().orElse(""), r.err());
            assertFalse(Files.exists(dir.resolve("a")));
        }
    }

    /** A registry-scale sheet has hundreds of outcomes: a refusal lists thirty and counts the rest. */
    @Test
    void anOutcomeNotInTheSheetIsRefusedListingAtMostThirtyOutcomes() throws Exception {
        Path sheet = dir.resolve("terms.csv");
        assertEquals(0, Main.run("generate", "--out", sheet.toString(), "--trials", "3", "--terms", "100"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, runCapturingErr(err, "analyze", sheet.toString(), "--out", dir.resolve("t").toString(),
                "--outcome", "Cancer"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("no outcome 'Cancer' in terms.csv; the outcomes are: Fever 1, Headache 1,"), e);
        assertTrue(e.contains(" and 70 more"), e);
        assertEquals(30, e.lines().findFirst().orElseThrow().split(": ", 3)[2].split(", ").length, e);
    }

    /** analyze x.csv with {@code options} exits 2 and its error output holds {@code words}. */
    private void refusedSaying(String words, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "x.csv", "--out", dir.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, runCapturingErr(err, args.toArray(new String[0])), args.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(words), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Every refusal of the command line itself (an option's value, a combination of options, a missing option) ends
     * alike, pointing to the command's help, whichever part of the program found the problem. Before, a value the
     * option parser refused ("--measure HR") pointed there and one the analysis' settings refused ("--sort nope",
     * "--level 100", "--method MH" with a proportion) did not, nor import-ctgov's "--format" or generate's "--trials".
     */
    @Test
    void everyRefusalOfTheOptionsPointsToTheHelp() {
        List<List<String>> refused = List.of(
                List.of("analyze", "x.csv", "--out", dir.toString(), "--measure", "HR"),
                List.of("analyze", "x.csv", "--out", dir.toString(), "--sort", "nope"),
                List.of("analyze", "x.csv", "--out", dir.toString(), "--level", "100"),
                List.of("analyze", "x.csv", "--out", dir.toString(), "--axis-limits", "2,1"),
                List.of("analyze", "x.csv", "--out", dir.toString(), "--measure", "PLOGIT", "--method", "MH"),
                List.of("import-ctgov", "--out", dir.toString(), "--format", "json", "x.json"),
                List.of("import-ctgov", "--out", dir.toString()),
                List.of("generate", "--out", dir.resolve("g.csv").toString(), "--trials", "0"),
                List.of("generate", "--out", dir.toString()));
        for (List<String> args : refused) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, runCapturingErr(err, args.toArray(new String[0])), args.toString());
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.startsWith("error: ") && said.endsWith("See 'mscmeta " + args.get(0) + " --help'."
                    + System.lineSeparator()), args + ": " + said);
        }
        assertFalse(Files.exists(dir.resolve("g.csv")));
    }

    @Test
    void badOptionValueExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--tau2", "XYZ"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tau2"));
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--measure", "HR"));
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--method", "PETO"));
        // proportions were pooled by inverse variance under --method PETO without a word
        refusedSaying("Peto's method estimates odds ratios", "--measure", "PLOGIT", "--method", "PETO");
        // --hksj was ignored under --method GLMM without a word (results.json said hksj: true in its settings)
        refusedSaying("leave out --hksj", "--measure", "OR", "--method", "GLMM", "--hksj");
        // and under --method MH, which the engine replaces by inverse variance for proportions
        refusedSaying("--method MH pools two-arm tables; --measure PLOGIT pools the incidence among MSC recipients",
                "--measure", "PLOGIT", "--method", "MH");
        // the rules are the library's (Settings.conflict), the words the command line's
        refusedSaying("error: --method GLMM fits odds ratios (--measure OR) or logit proportions (--measure PLOGIT)",
                "--method", "GLMM");
        refusedSaying("use --tau2 ML (or --tau2 none for the common-effect GLMM alone), not --tau2 DL", "--measure",
                "OR", "--method", "GLMM", "--tau2", "DL");
        refusedSaying("error: Peto's method estimates odds ratios: use --measure OR with --method PETO\n", "--method",
                "PETO");
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--convention", "stata"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected metafor, revman5 or meta"));
    }

    /**
     * The closing line names what the run wrote: a sheet without a control arm gets no plots, and the line said
     * "plots/" all the same.
     */
    @Test
    void theClosingLineNamesWhatWasWritten() throws Exception {
        Path single = Files.writeString(dir.resolve("single.csv"), "study,outcome,route,cell_source,events_msc,n_msc,"
                + "events_control,n_control\nA 2020,Fever,IV,BM,3,20,,\nB 2021,Fever,IT,UC,2,30,,\n");
        Path out = dir.resolve("single-out");
        org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", single.toString(), "--out",
                out.toString());
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.equals("Wrote 3 files to " + out
                + ": results.json, results.xlsx, report.docx")), run.out());
        assertFalse(Files.exists(out.resolve("plots")), "no plots were drawn");
        // nor does the kit speak of plots, figures or the methods of "each of 0 outcomes"
        try (var kit = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(out.resolve("report.docx")));
             var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(kit)) {
            String words = text.getText();
            assertTrue(words.contains("No adverse-event outcome was pooled (the run's notices say why)."), words);
            assertFalse(words.contains("plots/") || words.contains("Figures") || words.contains("0 adverse-event"),
                    words);
        }
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        Path full = dir.resolve("bcg-out");
        run = org.mscmeta.testing.Cli.run("analyze", bcg.toString(), "--out", full.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Wrote \\d+ files to " + java.util.regex.Pattern.quote(
                full.toString()) + ": results\\.json, results\\.xlsx, report\\.docx, plots/")), run.out());
        Path json = dir.resolve("bcg-json");
        run = org.mscmeta.testing.Cli.run("analyze", bcg.toString(), "--out", json.toString(), "--no-report");
        assertTrue(run.out().lines().anyMatch(l -> l.equals("Wrote 1 file to " + json + ": results.json")), run.out());
    }

    /**
     * An option the others leave with nothing to act on is named in a notice (it was echoed in results.json's
     * settings without a word); the left-out default method of a proportion measure is no such option.
     */
    @Test
    void optionsWithNothingToActOnAreNoted() throws Exception {
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        String[][] runs = {
            {"--hksj has no effect: it adjusts the interval of the random-effects model, and --tau2 none fits no"
                + " random-effects model", "--tau2", "none", "--hksj", "--sensitivity", "none"},
            // the models fitted by REML whatever --tau2 still take it (docs/methods.md)
            {"--hksj leaves the pooled analyses as they are: it adjusts the interval of the random-effects model, and"
                + " --tau2 none fits no random-effects model; it adjusts only the models fitted by REML all the same:"
                + " the meta-regression on --moderators, the inverse-variance rows of the zero-event sensitivity"
                + " table (outcomes with a zero cell)", "--tau2", "none", "--hksj", "--moderators", "ablat"},
            {"--prediction-interval has no effect", "--tau2", "none", "--prediction-interval", "t(k-2)"},
            {"--control-risk has no effect", "--measure", "PLOGIT", "--control-risk", "0.1"},
            {"--cc-mode tacc corrects as only0 does here", "--measure", "PFT", "--cc-mode", "tacc"},
            {"--glmm-model has no effect", "--measure", "PLOGIT", "--method", "GLMM", "--glmm-model", "UM.RS"},
            {"--glmm-model has no effect", "--sensitivity", "none", "--glmm-model", "UM.RS"},
            {"--double-zero exclude has no effect: --measure RD keeps trials without events in both arms",
                "--measure", "RD", "--double-zero", "exclude"},
            {"--double-zero exclude has no effect: --measure PFT pools the incidence", "--measure", "PFT",
                "--double-zero", "exclude"},
            {null, "--measure", "PLOGIT"},
            {null, "--glmm-model", "UM.RS"},
            {null, "--measure", "RD"},
            {null, "--double-zero", "exclude"},
            // not an option without effect, but a run that follows RevMan 5's conventions without its model
            {"--convention revman5: RevMan 5 estimates tau\u00b2 by DerSimonian-Laird only, and this run's"
                + " random-effects model uses REML (the default): add --tau2 DL", "--convention", "revman5"},
            {"--convention revman5: RevMan 5 estimates tau\u00b2 by DerSimonian-Laird only, and this run's"
                + " random-effects model uses PM:", "--convention", "revman5", "--tau2", "PM"},
            {null, "--convention", "revman5", "--tau2", "DL"},
            {null, "--convention", "revman5", "--tau2", "none"},
            {null, "--convention", "meta"},
        };
        int i = 0;
        for (String[] run : runs) {
            Path out = dir.resolve("n" + i++);
            List<String> args = new java.util.ArrayList<>(List.of("analyze", bcg.toString(), "--out", out.toString(),
                    "--no-report", "--quiet"));
            args.addAll(java.util.Arrays.asList(run).subList(1, run.length));
            assertEquals(0, Main.run(args.toArray(new String[0])), args.toString());
            List<String> said = new java.util.ArrayList<>();
            for (JsonNode n : json(out).get("notices")) {
                if (n.get("category").asString().equals("settings")) {
                    said.add(n.get("message").asString());
                }
            }
            if (run[0] == null) {
                assertEquals(List.of(), said, args.toString());
            } else {
                assertEquals(1, said.size(), args + ": " + said);
                assertTrue(said.get(0).startsWith(run[0]), said.get(0));
            }
        }
    }

    @Test
    void optionsParseAsTheIssuesSpellThem() throws Exception {
        Path bcg = ReferenceCases.resource("data/bcg.csv");
        // issue 5's order: the list option --by directly before INPUT, which must not be taken as a second list value
        assertEquals(0, Main.run("analyze", "--no-report", "--measure", "rr", "--method", "MH", "--tau2", "DL",
                "--by", "ablat,alloc", bcg.toString(), "--out", dir.resolve("a").toString(), "--quiet"));
        JsonNode a = json(dir.resolve("a"));
        assertEquals(List.of("ablat", "alloc"), strings(a.get("settings").get("by")));
        assertEquals("RR", a.get("settings").get("measure").asString());
        // the list option repeated, and --name=value
        assertEquals(0, Main.run("analyze", bcg.toString(), "--by", "ablat", "--by=alloc", "--no-report", "--quiet",
                "--tau2=DL", "--out=" + dir.resolve("b")));
        JsonNode b = json(dir.resolve("b"));
        assertEquals(List.of("ablat", "alloc"), strings(b.get("settings").get("by")));
        assertEquals("DL", b.get("settings").get("tau2").asString());
    }

    @Test
    void usageErrorsExitTwoAndSayWhatIsWrong() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing required option --out"), err.toString());
        err.reset();
        assertEquals(2, runCapturingErr(err, "analyze", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing INPUT"), err.toString());
        err.reset();
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--colour", "red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--colour"), err.toString());
        err.reset();
        assertEquals(2, runCapturingErr(err, "analyze", "x.csv", "--out", dir.toString(), "--cc", "half"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--cc: expected a number, got 'half'"),
                err.toString());
        err.reset();
        assertEquals(2, runCapturingErr(err, "analyse", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'analyse'"), err.toString());
    }

    private static JsonNode json(Path out) throws java.io.IOException {
        return new tools.jackson.databind.ObjectMapper().readTree(Files.readString(out.resolve("results.json")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void conventionIsNamedInResultsAndConsole() throws Exception {
        JsonNode r = ReferenceCases.analyze(ReferenceCases.resource("data/li2007.csv"), dir.resolve("a"), List.of());
        assertEquals("metafor", r.get("settings").get("convention").asString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("analyze", ReferenceCases.resource("data/li2007.csv").toString(), "--out",
                    dir.resolve("b").toString(), "--convention", "revman5", "--no-report"));
        } finally {
            System.setOut(old);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("conventions of RevMan 5"));
        JsonNode b = new tools.jackson.databind.ObjectMapper().readTree(
                dir.resolve("b/results.json").toFile());
        assertEquals("revman5", b.get("settings").get("convention").asString());
    }

    @Test
    void defaultsAreRrMhRemlAndSettingsAreEchoed() throws Exception {
        JsonNode r = ReferenceCases.analyze(ReferenceCases.resource("data/li2007.csv"), dir, List.of());
        JsonNode s = r.get("settings");
        assertEquals("RR", s.get("measure").asString());
        assertEquals("MH", s.get("method").asString());
        assertEquals("REML", s.get("tau2").asString());
        assertEquals("only0", s.get("cc_mode").asString());
        assertEquals(0.5, s.get("cc").asDouble());
        assertEquals("exclude", s.get("double_zero").asString());
        assertEquals(0, s.get("by").size(), "no route or cell source values in li2007: no default subgroups");
        JsonNode a = r.get("analyses").get(0);
        assertEquals("MH", a.get("common").get("method").asString());
        assertEquals("REML", a.get("random").get("tau2_method").asString());
        assertTrue(a.get("subgroup").isNull());
    }

    /**
     * A random-effects model of two studies has no prediction interval: results.json says why beside the nulls, as
     * the console does ("not estimable (k < 3)"); with three studies there is one and no reason. Likewise the
     * intervals of tau2 and I2 of one study.
     */
    @Test
    void aMissingPredictionIntervalSaysWhy() throws Exception {
        Path in = dir.resolve("pi.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,2,20,5,20\nB,Fever,6,30,2,30\nC,Fever,3,25,3,25\nA,Rash,2,20,5,20\nB,Rash,6,30,2,30\n"
                + "A,Itch,1,20,2,20\n");
        JsonNode r = ReferenceCases.analyze(in, dir.resolve("pi"), List.of("--by", "none"));
        JsonNode fever = r.get("analyses").get(0).get("random");
        JsonNode rash = r.get("analyses").get(1).get("random");
        assertTrue(fever.get("pi_lower").isNumber() && !fever.has("pi_not_estimable"), fever.toString());
        assertTrue(rash.get("pi_lower").isNull() && rash.get("pi_upper").isNull(), rash.toString());
        assertEquals("k < 3: a prediction interval needs at least three studies",
                rash.get("pi_not_estimable").asString());
        // the Q-profile intervals of tau2 and I2 need two studies
        assertFalse(r.get("analyses").get(1).get("heterogeneity").has("ci_not_estimable"));
        JsonNode itch = r.get("analyses").get(2).get("heterogeneity");
        assertTrue(itch.get("tau2_ci_lower").isNull() && itch.get("I2_ci_upper").isNull(), itch.toString());
        assertEquals("k < 2: the Q-profile intervals of tau2 and I2 need at least two studies",
                itch.get("ci_not_estimable").asString());
    }

    @Test
    void noticesCountInWordsAndSayWhatIsNotEstimable() throws Exception {
        // Death: no MSC-arm event anywhere, one corrected study, one double zero; Fever: one corrected study
        Path in = dir.resolve("words.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Death,0,20,2,20\nB,Death,0,15,1,16\nC,Death,0,12,0,12\n"
                + "A,Fever,0,20,1,20\nB,Fever,3,15,2,16\n");
        JsonNode r = ReferenceCases.analyze(in, dir.resolve("o"), List.of("--method", "MH"));
        StringBuilder all = new StringBuilder();
        for (JsonNode n : r.get("notices")) {
            all.append(n.get("message").asString()).append('\n');
        }
        String text = all.toString();
        assertTrue(text.contains("Death: the Mantel-Haenszel estimate is not estimable: no events in the MSC arm of"
                + " any study, so the Mantel-Haenszel RR is 0"), text);
        assertTrue(text.contains("Death: 1 study with no events (or only events) in both arms left out"), text);
        assertTrue(text.contains("added to the cells of 2 studies for their own estimates"), text);
        assertTrue(text.contains("Fever: continuity correction 0.5 added to the cells of 1 study for its own"
                + " estimates"), text);
        assertTrue(text.contains("pools 3 tables, 1 more than the 2 studies with a study estimate"), text);
        assertFalse(text.contains("(s)") || text.contains("(ies)") || text.contains("only0"), text);

        // the example sheet: notices and the reasons of what is not estimable (route x cell source) alike
        Path example = dir.resolve("example");
        ReferenceCases.analyze(Path.of("examples/msc_adverse_events.csv"), example, List.of());
        String json = Files.readString(example.resolve("results.json"));
        assertTrue(json.contains("1 of the 4 combinations of route and cell source has no study"), json);
        assertTrue(json.contains("too few studies (2) for the intercept and the 1 coefficient of route x cell source"
                + " (a model needs more studies than coefficients)"), json);
        assertFalse(json.contains("(s)") || json.contains("(ies)"), "a count written as 'study(ies)' in results.json");
    }

    /**
     * A study label with characters the plot font has no glyph for (Chinese characters) is shown as boxes in the
     * plots: the run says so, and which labels; a sheet without such labels gets no such note.
     */
    @Test
    void labelsThePlotsCannotShowAreNamed() throws Exception {
        // U+0378 is not assigned in Unicode, so no font of any computer has a glyph for it
        Path in = dir.resolve("boxes.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "M\u00fcller 2020,Fever,3,20,2,20\nTrial \u0378 2021,Fever,5,30,4,31\n");
        org.mscmeta.testing.Cli.Run run = org.mscmeta.testing.Cli.run("analyze", in.toString(), "--out",
                dir.resolve("boxes").toString());
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().contains("Note: neither the plot font (DejaVu Sans) nor a font of this computer has a"
                + " glyph for some characters of 1 label, which the plots show as boxes: 'Trial \u0378 2021'"),
                run.out());
        assertFalse(run.out().contains("M\u00fcller 2020'"), "DejaVu Sans has \u00fc: " + run.out());
        org.mscmeta.testing.Cli.Run plain = org.mscmeta.testing.Cli.run("analyze", ReferenceCases.resource(
                "data/bcg.csv").toString(), "--out", dir.resolve("bcg").toString());
        assertEquals(0, plain.status(), plain.all());
        assertFalse(plain.all().contains("Note:"), plain.all());
        assertFalse(plain.all().contains("(s)"), "counts in words: " + plain.all());
    }

    @Test
    void singleArmRowsAreKeptOutWithANotice() throws Exception {
        Path in = dir.resolve("mixed.csv");
        Files.writeString(in, "study,outcome,route,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,IV,2,20,1,20\nB,Fever,intrathecal,3,15,2,16\nC,Fever,IV,4,12,,\n");
        Path out = dir.resolve("o");
        JsonNode r = ReferenceCases.analyze(in, out, List.of());
        JsonNode overall = r.get("analyses").get(0);
        assertEquals(2, overall.get("k").asInt());
        assertEquals(2, overall.get("studies").size());
        assertEquals("route", r.get("settings").get("by").get(0).asString(), "route is a default subgroup when present");
        boolean noticed = false;
        for (JsonNode n : r.get("notices")) {
            noticed |= n.get("category").asString().equals("single_arm") && n.get("message").asString().contains("(row 4)");
        }
        assertTrue(noticed, r.get("notices").toString());
    }

    @Test
    void incidenceAmongMscRecipientsIsReportedBesideTheComparison() throws Exception {
        Path in = dir.resolve("mixed.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,2,20,1,20\nB,Fever,3,15,2,16\nC,Fever,4,12,,\nD,Fever,1,30,,\nE,Fever,0,25,,\n");
        JsonNode comparative = ReferenceCases.analyze(in, dir.resolve("c"), List.of()).get("analyses").get(0);
        JsonNode incidence = comparative.get("incidence");
        assertEquals(2, comparative.get("k").asInt(), "comparison: controlled trials only");
        assertEquals(5, incidence.get("k").asInt(), "incidence: every trial's MSC arm");
        assertEquals(3, incidence.get("k_single_arm").asInt());
        // the same numbers as the PLOGIT analysis, whose values are checked against metafor
        JsonNode plogit = ReferenceCases.analyze(in, dir.resolve("p"), List.of("--measure", "PLOGIT"))
                .get("analyses").get(0);
        for (String model : List.of("common", "random")) {
            for (String f : List.of("estimate", "ci_lower", "ci_upper")) {
                assertEquals(plogit.get(model).get(f).asDouble(), incidence.get(model).get(f).asDouble(), 1e-15,
                        model + "." + f);
            }
        }
    }

    @Test
    void zeroEventSensitivityRowsAreTheValidatedAnalysesWithThoseSettings() throws Exception {
        Path in = ReferenceCases.resource("data/nielweise2007.csv");
        JsonNode table = ReferenceCases.analyze(in, dir.resolve("z"), List.of()).get("analyses").get(0)
                .get("zero_event_sensitivity");
        assertEquals(6, table.size());
        String[][] runs = {
            {"Mantel-Haenszel, no correction", "common", "--method", "MH", "--tau2", "none"},
            {"Peto", "common", "--measure", "OR", "--method", "PETO", "--tau2", "none"},
            {"Inverse variance, correction 0.5", "random", "--method", "IV"},
            {"Inverse variance, treatment-arm correction", "random", "--method", "IV", "--cc-mode", "tacc"},
            {"Inverse variance, double-zero studies included", "random", "--method", "IV", "--double-zero", "include"},
        };
        for (String[] run : runs) {
            JsonNode row = null;
            for (JsonNode r : table) {
                if (r.get("method").asString().equals(run[0])) {
                    row = r;
                }
            }
            JsonNode alone = ReferenceCases.analyze(in, dir.resolve(run[0].replaceAll("\\W", "")),
                    List.of(java.util.Arrays.copyOfRange(run, 2, run.length))).get("analyses").get(0).get(run[1]);
            assertEquals(alone.get("estimate").asDouble(), row.get("estimate").asDouble(), 1e-12, run[0]);
            assertEquals(alone.get("ci_upper").asDouble(), row.get("ci_upper").asDouble(), 1e-12, run[0]);
            assertEquals(alone.get("k").asInt(), row.get("k").asInt(), run[0] + ": k as that model counts it");
        }
    }

    /**
     * Where no study has an estimate of its own (every trial had no events, or only events, in both arms), the
     * Mantel-Haenszel row still pools every table and says how many (it said k = 0 beside its estimate, while the
     * analysis' common effect said k = 2), and a row that cannot be fitted says why in the analysis' own words (the
     * inverse-variance rows said "k < 2", though one study is enough for them).
     */
    @Test
    void zeroEventRowsCountTheTablesTheirModelPoolsAndSayWhyOneIsMissing() throws Exception {
        Path in = dir.resolve("all-events.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Death,1,1,100,100\nB,Death,100,100,1,1\n");
        JsonNode a = ReferenceCases.analyze(in, dir.resolve("ae"), List.of()).get("analyses").get(0);
        assertEquals(0, a.get("k").asInt());
        assertEquals(2, a.get("common").get("k").asInt());
        JsonNode table = a.get("zero_event_sensitivity");
        JsonNode mh = table.get(0);
        assertEquals("Mantel-Haenszel, no correction", mh.get("method").asString());
        assertEquals(2, mh.get("k").asInt(), "the two tables Mantel-Haenszel pools");
        assertEquals(1.0, mh.get("estimate").asDouble(), 1e-12, "metafor's rma.mh: RR 1 [1, 1]");
        JsonNode iv = table.get(3);
        assertEquals("Inverse variance, correction 0.5", iv.get("method").asString());
        assertEquals(0, iv.get("k").asInt());
        assertTrue(iv.get("estimate").isNull());
        assertEquals("not estimable: no study to pool: all 2 studies have no events (or only events) in both arms",
                iv.get("note").asString());
        JsonNode included = table.get(5);
        assertEquals(2, included.get("k").asInt());
        assertTrue(included.get("estimate").isNumber(), "double zeros included: both studies pooled");
    }

    /**
     * The GLMM row of the zero-event table is the model --glmm-model names, and its label says which (under UM.RS it
     * was fitted with random study effects and labelled "fixed study effects").
     */
    @Test
    void theZeroEventGlmmRowIsTheChosenModel() throws Exception {
        Path in = ReferenceCases.resource("data/nielweise2007.csv");
        String[][] models = {{"UM.FS", "Mixed logistic model (fixed study effects)"},
            {"UM.RS", "Mixed logistic model (random study effects)"}};
        double[] estimates = new double[2];
        for (int m = 0; m < 2; m++) {
            JsonNode table = ReferenceCases.analyze(in, dir.resolve("t" + m), List.of("--glmm-model", models[m][0]))
                    .get("analyses").get(0).get("zero_event_sensitivity");
            JsonNode row = null;
            for (JsonNode r : table) {
                if (r.get("method").asString().startsWith("Mixed logistic model")) {
                    row = r;
                }
            }
            assertEquals(models[m][1], row.get("method").asString());
            JsonNode alone = ReferenceCases.analyze(in, dir.resolve("a" + m), List.of("--measure", "OR", "--method",
                    "GLMM", "--tau2", "ML", "--glmm-model", models[m][0])).get("analyses").get(0).get("random");
            for (String f : List.of("estimate", "ci_lower", "ci_upper")) {
                assertEquals(alone.get(f).asDouble(), row.get(f).asDouble(), 1e-12, models[m][0] + " " + f);
            }
            estimates[m] = row.get("estimate").asDouble();
        }
        assertTrue(Math.abs(estimates[0] - estimates[1]) > 1e-4, "the two models differ on these trials");
    }

    /**
     * Under RevMan 5's and R meta's conventions Mantel-Haenszel adds the correction to studies with a zero cell; the
     * row "Mantel-Haenszel, no correction" is still metafor's raw-count rma.mh estimate (it gave the corrected one,
     * the same as the analysis' own common effect), and the notice of the correction says which estimates it went
     * into (it said "the Mantel-Haenszel estimate uses the raw counts" under every convention).
     */
    @Test
    void theUncorrectedMantelHaenszelRowIsUncorrectedUnderEveryConvention() throws Exception {
        Path in = ReferenceCases.resource("data/nielweise2007.csv");
        // metafor's rma.mh on the raw counts of these trials (reference/cases.json)
        JsonNode raw = ReferenceCases.load("reference/cases.json").stream()
                .filter(c -> c.get("name").asString().equals("nielweise2007_RR_MH_DL")).findFirst().orElseThrow()
                .get("expected").get("common");
        for (String convention : List.of("metafor", "revman5", "meta")) {
            JsonNode run = ReferenceCases.analyze(in, dir.resolve(convention), List.of("--convention", convention));
            JsonNode a = run.get("analyses").get(0);
            String notices = run.get("notices").toString();
            JsonNode row = a.get("zero_event_sensitivity").get(0);
            assertEquals("Mantel-Haenszel, no correction", row.get("method").asString());
            for (String f : List.of("estimate", "ci_lower", "ci_upper")) {
                assertEquals(raw.get(f).asDouble(), row.get(f).asDouble(),
                        ReferenceCases.REL_TOL * Math.abs(raw.get(f).asDouble()), convention + " " + f);
            }
            if (!convention.equals("metafor")) {
                assertTrue(Math.abs(a.get("common").get("estimate").asDouble() - raw.get("estimate").asDouble())
                        > 1e-6, convention + ": the analysis' own Mantel-Haenszel estimate is the corrected one");
                assertTrue(notices.contains("and the pooling (the Mantel-Haenszel estimate included, as in "),
                        notices);
            } else {
                assertTrue(notices.contains("(the Mantel-Haenszel estimate uses the raw counts)"), notices);
            }
        }
    }

    @Test
    void outcomeSelectionAndMultipleOutcomes() throws Exception {
        Path in = dir.resolve("two.csv");
        Files.writeString(in, "study,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,Fever,2,20,1,20\nB,Fever,3,15,2,16\nA,Death,1,20,2,20\nB,Death,0,15,1,16\n");
        JsonNode all = ReferenceCases.analyze(in, dir.resolve("all"), List.of());
        assertEquals(2, all.get("analyses").size());
        assertEquals("Fever", all.get("analyses").get(0).get("outcome").asString());
        JsonNode one = ReferenceCases.analyze(in, dir.resolve("one"), List.of("--outcome", "death"));
        assertEquals(1, one.get("analyses").size());
        assertEquals("Death", one.get("analyses").get(0).get("outcome").asString());
    }

    @Test
    void xlsxInputWithNamedSheet() throws Exception {
        Path xlsx = dir.resolve("in.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("notes").createRow(0).createCell(0).setCellValue("read me");
            var sh = wb.createSheet("data");
            String[] h = {"study", "outcome", "events_msc", "n_msc", "events_control", "n_control"};
            var row = sh.createRow(0);
            for (int j = 0; j < h.length; j++) {
                row.createCell(j).setCellValue(h[j]);
            }
            Object[][] rows = {{"A", "Fever", 2, 20, 1, 20}, {"B", "Fever", 3, 15, 2, 16}};
            for (int i = 0; i < rows.length; i++) {
                var r = sh.createRow(i + 1);
                for (int j = 0; j < h.length; j++) {
                    if (rows[i][j] instanceof String s) {
                        r.createCell(j).setCellValue(s);
                    } else {
                        r.createCell(j).setCellValue(((Integer) rows[i][j]).doubleValue());
                    }
                }
            }
            try (var os = Files.newOutputStream(xlsx)) {
                wb.write(os);
            }
        }
        JsonNode r = ReferenceCases.analyze(xlsx, dir.resolve("x"), List.of("--sheet", "data"));
        assertEquals(2, r.get("analyses").get(0).get("k").asInt());
        // a sheet is named as Excel names it, ignoring case (and white space at either end)
        JsonNode upper = ReferenceCases.analyze(xlsx, dir.resolve("upper"), List.of("--sheet", " Data"));
        assertEquals(2, upper.get("analyses").get(0).get("k").asInt());
        // without --sheet: the first sheet with the required columns, with a notice naming it
        JsonNode y = ReferenceCases.analyze(xlsx, dir.resolve("y"), List.of());
        assertEquals(2, y.get("analyses").get(0).get("k").asInt());
        assertTrue(y.get("notices").toString().contains("read sheet 'data'"), y.get("notices").toString());
    }

    @Test
    void helpDocumentsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("analyze", "--help"));
            assertEquals(0, Main.run("analyze", "-h"), "the short form too");
        } finally {
            System.setOut(old);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("usage: mscmeta analyze [OPTIONS] INPUT"), help);
        for (String o : List.of("--out", "--measure", "--method", "--tau2", "--hksj", "--cc", "--cc-mode",
                "--double-zero", "--by", "--outcome", "--level", "--no-report", "--sheet")) {
            assertTrue(help.contains(o), o + " missing from --help");
        }
    }
}
