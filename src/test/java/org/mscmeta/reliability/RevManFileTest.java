package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Analyses;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;

/**
 * A RevMan 5 review (.rm5, written for this test in RevMan 5's XML: two comparisons, an analysis with subgroups, one
 * with the control group as group 1, a study added without data, a continuous analysis) is read as the extraction
 * sheet of the same counts: each dichotomous analysis an outcome, with the results of that sheet; what is not read
 * or read otherwise is noted; a file that is not a review is refused in a sentence.
 */
class RevManFileTest {

    private static final Path REVIEW = Path.of("src/test/resources/revman/msc-review.rm5");

    @TempDir
    Path dir;

    private Cli.Run run(Path input, String... options) {
        String[] args = new String[6 + options.length];
        System.arraycopy(new String[] {"analyze", input.toString(), "--out",
            dir.resolve("out-" + input.getFileName() + options.length).toString(), "--quiet", "--no-report"}, 0, args,
                0, 6);
        System.arraycopy(options, 0, args, 6, options.length);
        return Cli.run(args);
    }

    private JsonNode results(Path input, String... options) {
        return Analyses.results(input, dir.resolve("out-" + input.getFileName() + options.length), options);
    }

    @Test
    void aReviewsDichotomousAnalysesAreItsOutcomes() throws Exception {
        Path csv = dir.resolve("same.csv");
        // the review's counts as one sheet: analysis 2.1 with its groups the other way round, Lee 2010 of 1.1 left out
        Files.writeString(csv, "study,year,outcome,subgroup,events_msc,n_msc,events_control,n_control,analysis\n"
                + "Matthay 2019,2019,MSC versus placebo: Death,,12,40,6,20,1.1\n"
                + "Bowdish 2023,2023,MSC versus placebo: Death,,42,112,48,111,1.1\n"
                + "Lanzoni 2021,2021,MSC versus placebo: Death,,2,12,7,12,1.1\n"
                + "Monsel 2022,2022,MSC versus placebo: Death,,5,21,3,24,1.1\n"
                + "Matthay 2019,2019,Serious adverse events,Intravenous,10,40,8,20,1.2.1\n"
                + "Bowdish 2023,2023,Serious adverse events,Intravenous,30,112,35,111,1.2.1\n"
                + "Sch\u00e4fer 2020,2020,Serious adverse events,Intrathecal,1,15,0,15,1.2.2\n"
                + "Lee 2010,2010,MSC versus standard care: Death,,4,16,9,16,2.1\n"
                + "Monsel 2022,2022,MSC versus standard care: Death,,5,21,3,24,2.1\n");
        JsonNode expected = results(csv, "--by", "subgroup");
        JsonNode got = results(REVIEW, "--by", "subgroup");
        assertEquals(Analyses.withoutRows(expected.get("analyses")), Analyses.withoutRows(got.get("analyses")));
        assertEquals(9, got.get("input").get("rows").asInt());

        Set<String> levels = new TreeSet<>();
        got.get("analyses").forEach(a -> {
            if (!a.get("subgroup").isNull()) {
                levels.add(a.get("subgroup").get("level").asString());
            }
        });
        assertEquals(Set.of("Intravenous", "Intrathecal", "not reported"), levels, "a blank subgroup: not reported");
        // a review saved under another name (review.xml) is read by its content, as a workbook is
        Path renamed = Files.copy(REVIEW, dir.resolve("review.xml"));
        assertEquals(got.get("analyses"), results(renamed, "--by", "subgroup").get("analyses"));

        String notices = got.get("notices").toString();
        for (String n : new String[] {
            "msc-review.rm5: a RevMan 5 review: 3 dichotomous analyses read as outcomes",
            "msc-review.rm5: in 2.1 'Death' (group 1 'Standard care', group 2 'MSC plus standard care') RevMan's group 1"
                + " is the control group, so group 2 was read as the MSC arm",
            "msc-review.rm5: 1 study has no data in an analysis and was left out of it (first: 1.1 Lee 2010)",
            "msc-review.rm5: 1 analysis of continuous, generic inverse-variance or O-E data was not read (this program"
                + " pools events and totals): 1.3 'Days free of ventilation'",
            "msc-review.rm5: RevMan pooled M-H risk ratio, random effects (1.1); Peto odds ratio, fixed effect (1.2);"
                + " M-H risk ratio, fixed effect (2.1); this run's settings apply instead"}) {
            assertTrue(notices.contains(n), n + " in " + notices);
        }
    }

    /**
     * RevMan 5's "Data and analyses" export of the same review (a CSV of comparison, analysis, subgroup and study
     * rows, a pooled count written "1,3") gives the review's analyses.
     */
    @Test
    void revMansDataAndAnalysesExportIsReadAsTheReview() throws Exception {
        JsonNode review = results(REVIEW, "--by", "subgroup");
        JsonNode export = results(Path.of("src/test/resources/revman/msc-review-export.csv"), "--by", "subgroup");
        assertEquals(review.get("analyses"), export.get("analyses"));
        String notices = export.get("notices").toString();
        assertTrue(notices.contains("msc-review-export.csv: RevMan 5's \\\"Data and analyses\\\" export: 3"
                + " dichotomous analyses read as outcomes"), notices);
        assertTrue(notices.contains("RevMan pooled M-H risk ratio, random effects (1.1); Peto odds ratio, fixed effect"
                + " (1.2); M-H risk ratio, fixed effect (2.1)"), notices);
    }

    /**
     * A Cochrane data package's table of study data (RevMan Web's {@code CD...-data-rows.csv}) gives the review's
     * dichotomous analyses, each named with its analysis group where two groups share a name.
     */
    @Test
    void aCochraneDataPackagesStudyDataAreReadAsTheReview() throws Exception {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "study,year,outcome,subgroup,events_msc,n_msc,events_control,n_control,analysis\n"
                + "Matthay 2019,2019,analysis group 1: Death,,12,40,6,20,1.1\n"
                + "Bowdish 2023,2023,analysis group 1: Death,,42,112,48,111,1.1\n"
                + "Lanzoni 2021,2021,analysis group 1: Death,,2,12,7,12,1.1\n"
                + "Monsel 2022,2022,analysis group 1: Death,,5,21,3,24,1.1\n"
                + "Matthay 2019,2019,Serious adverse events,Intravenous,10,40,8,20,1.2.1\n"
                + "Bowdish 2023,2023,Serious adverse events,Intravenous,30,112,35,111,1.2.1\n"
                + "Sch\u00e4fer 2020,2020,Serious adverse events,Intrathecal,1,15,0,15,1.2.2\n"
                + "Lee 2010,2010,analysis group 2: Death,,4,16,9,16,2.1\n"
                + "Monsel 2022,2022,analysis group 2: Death,,5,21,3,24,2.1\n");
        JsonNode expected = results(csv, "--by", "subgroup");
        JsonNode got = results(Path.of("src/test/resources/revman/CD000000-data-rows.csv"), "--by", "subgroup");
        assertEquals(Analyses.withoutRows(expected.get("analyses")), Analyses.withoutRows(got.get("analyses")));
        String notices = got.get("notices").toString();
        assertTrue(notices.contains("CD000000-data-rows.csv: a Cochrane data package's table of study data: 3"
                + " dichotomous analyses read as outcomes"), notices);
        assertTrue(notices.contains("1 analysis of continuous, generic inverse-variance or O-E data was not read (this"
                + " program pools events and totals): 1.3 'Days free of ventilation'"), notices);
        assertTrue(notices.contains("1 study has no data in an analysis and was left out of it (first: 1.1 Lee 2010)"),
                notices);
        assertFalse(notices.contains("RevMan pooled"), "the settings are in another file of the package: " + notices);
        assertTrue(notices.contains("CD000000-data-rows.csv: the group labels of its analyses are in another file of"
                + " the data package, not read: the Experimental columns were read as the MSC arm"), notices);

        // two trials of one label are told apart by their years
        Path two = dir.resolve("CD000001-data-rows.csv");
        Files.writeString(two, "Analysis group,Analysis number,Analysis name,Subgroup,Study,Study year,Experimental"
                + " cases,Experimental N,Control cases,Control N\n1,1,Death,,Smith,2010,3,20,1,20\n"
                + "1,1,Death,,Smith,2015,2,30,4,30\n");
        JsonNode smith = results(two).get("analyses").get(0).get("studies");
        assertEquals(2, smith.size(), smith.toString());
        assertEquals(List.of(2010, 2015), List.of(smith.get(0).get("year").asInt(), smith.get(1).get("year").asInt()));
    }

    @Test
    void whatIsNotAReviewIsRefusedInASentence() throws Exception {
        Path cut = dir.resolve("cut.rm5");
        String xml = Files.readString(REVIEW, java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.writeString(cut, xml.substring(0, xml.length() / 2), java.nio.charset.StandardCharsets.ISO_8859_1);
        Cli.Run r = run(cut);
        assertEquals(2, r.status(), r.all());
        assertTrue(r.err().contains("cut.rm5: expected a RevMan 5 review (.rm5): well-formed XML as RevMan writes it,"
                + " but the file is not (at line "), r.err());
        assertTrue(r.err().contains("): it is damaged, cut short or of another kind; export the review again from"
                + " RevMan"), r.err());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), r.all());

        Path other = dir.resolve("other.rm5");
        Files.writeString(other, "<?xml version=\"1.0\"?><html><body>not a review</body></html>");
        Cli.Run o = run(other);
        assertEquals(2, o.status(), o.all());
        assertTrue(o.err().contains("other.rm5: expected a RevMan 5 review (.rm5), whose XML begins with"
                + " COCHRANE_REVIEW, but this file's XML does not"), o.err());

        Path continuous = dir.resolve("continuous.rm5");
        Files.writeString(continuous, "<?xml version=\"1.0\"?><COCHRANE_REVIEW><ANALYSES_AND_DATA><COMPARISON NO=\"1\">"
                + "<NAME>A versus B</NAME><CONT_OUTCOME NO=\"1\"><NAME>Walk distance</NAME></CONT_OUTCOME></COMPARISON>"
                + "</ANALYSES_AND_DATA></COCHRANE_REVIEW>");
        Cli.Run c = run(continuous);
        assertEquals(2, c.status(), c.all());
        assertTrue(c.err().contains("continuous.rm5: expected a RevMan 5 review with at least one dichotomous analysis"
                + " (events and totals), but it has none (its analyses 1.1 'Walk distance' are continuous"), c.err());

        Path entity = dir.resolve("entity.rm5");
        Files.writeString(entity, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<COCHRANE_REVIEW>&x;</COCHRANE_REVIEW>");
        Cli.Run e = run(entity);
        assertEquals(2, e.status(), e.all());
        assertFalse(e.all().contains("root:"), "no external entity is read: " + e.all());
        assertTrue(e.err().contains("entity.rm5: expected a RevMan 5 review (.rm5), but its XML declares a document"
                + " type or entities, which RevMan never writes; it was not read"), e.err());
        assertFalse(e.all().contains("apache.org"), e.all());

        // a count that is not one names the analysis and the study, which a review has instead of rows
        Path wrong = dir.resolve("wrong.rm5");
        Files.writeString(wrong, xml.replace("EVENTS_1=\"30\"", "EVENTS_1=\"x\""),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        Cli.Run w = run(wrong);
        assertEquals(2, w.status(), w.all());
        assertTrue(w.err().contains("wrong.rm5 (analysis 1.2.1 'Serious adverse events', study 'Bowdish 2023'): row 6,"
                + " column 'events_msc': found \"x\""), w.err());

        Cli.Run sheet = run(REVIEW, "--sheet", "Data");
        assertEquals(2, sheet.status(), sheet.all());
        assertTrue(sheet.err().contains("this is a RevMan 5 review, which has none: leave --sheet out"), sheet.err());
    }
}
