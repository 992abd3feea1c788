package org.mscmeta.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Analyses;
import org.mscmeta.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A sheet of one row per arm (an arm column, the arm's events and participants), as arm-level extraction forms and
 * metafor's long format have it: each study's MSC and control arms paired into one row, with the results of the same
 * counts in one row per study; each arm's counts checked on its own row under the sheet's own column names; an arm
 * that is neither MSC nor control, a second MSC arm, a control arm without an MSC arm refused by row.
 */
class ArmRowsTest {

    @TempDir
    Path dir;

    private Cli.Run run(String name, String csv) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, csv);
        return Cli.run("analyze", p.toString(), "--out", dir.resolve("out-" + name.replace('.', '-')).toString(),
                "--quiet", "--no-report");
    }

    private JsonNode results(String name, String csv) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, csv);
        return Analyses.results(p, dir.resolve("out-" + name.replace('.', '-')));
    }

    @Test
    void theArmsOfEachStudyArePairedIntoOneRow() throws Exception {
        JsonNode expected = results("wide.csv", "study,year,route,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Adams 2015,2015,IV,Fever,3,20,1,20\nBaker 2016,2016,IV,Fever,2,30,4,30\n"
                + "Clark 2018,2018,IT,Fever,0,15,1,15\nDavis 2020,2020,IV,Fever,7,60,,\n"
                + "Adams 2015,2015,IV,Death,1,20,0,20\nBaker 2016,2016,IV,Death,0,30,1,30\n");
        // the arms in any order, the control rows without a route (one without its year, one with "et al."), labels
        // as papers write them
        String arms = "\"Adams et al., 2015\",,,Fever,Placebo,1,20\nAdams 2015,2015,IV,Fever,UC-MSC 1x10^6/kg,3,20\n"
                + "Baker 2016,2016,IV,Fever,MSC plus standard care,2,30\nBaker 2016,2016,,Fever,Standard care,4,30\n"
                + "Clark 2018,2018,IT,Fever,MSC,0,15\nClark 2018,2018,,Fever,Active control,1,15\n"
                + "Davis 2020,2020,IV,Fever,MSC,7,60\n"
                + "Adams 2015,2015,IV,Death,MSC,1,20\nAdams 2015,2015,,Death,No MSC,0,20\n"
                + "Baker 2016,2016,IV,Death,Experimental,0,30\nBaker 2016,2016,,Death,Control,1,30\n";
        JsonNode got = results("arms.csv", "study,year,route,outcome,arm,events,total\n" + arms);
        assertEquals(Analyses.withoutRows(expected.get("analyses")), Analyses.withoutRows(got.get("analyses")));
        String notices = got.get("notices").toString();
        assertTrue(notices.contains("arms.csv: one row per arm (column 'arm', the participants with the event in"
                + " 'events', the arm's participants in 'total'): the MSC and control arms of each study and outcome were paired into one row, numbered as its MSC arm's: 11 arms into 6 rows, 1 of them"
                + " single-arm (an MSC arm only)"), notices);
        // n/N, as papers write an arm's counts: a lowercase n beside an uppercase N is the events (before, n was the
        // total and the sheet was refused for want of an events column)
        JsonNode nN = results("arms-nN.csv", "study,year,route,outcome,arm,n,N\n" + arms);
        assertEquals(Analyses.withoutRows(expected.get("analyses")), Analyses.withoutRows(nN.get("analyses")));
        assertTrue(nN.get("notices").toString().contains("(column 'arm', the participants with the event in 'n', the"
                + " arm's participants in 'N')"), nN.get("notices").toString());
        // a study's row is its MSC arm's: Adams 2015's Fever row is row 3
        JsonNode fever = got.get("analyses").get(0);
        assertEquals(3, fever.get("studies").get(0).get("row").asInt(), fever.get("studies").toString());

        // the control arm's label is kept: a subgroup variable (placebo against standard care)
        Cli.Run byControl = Cli.run("analyze", dir.resolve("arms.csv").toString(), "--out",
                dir.resolve("out-by-control").toString(), "--quiet", "--no-report", "--by", "arm (control)");
        assertEquals(0, byControl.status(), byControl.all());
        java.util.Set<String> levels = new java.util.TreeSet<>();
        new ObjectMapper().readTree(dir.resolve("out-by-control").resolve("results.json").toFile()).get("analyses")
                .forEach(a -> {
                    if (!a.get("subgroup").isNull() && a.get("outcome").asString().equals("Fever")) {
                        levels.add(a.get("subgroup").get("level").asString());
                    }
                });
        assertEquals(java.util.Set.of("Placebo", "Standard care", "Active control"), levels, "the single-arm study"
                + " is in no comparative subgroup");
    }

    @Test
    void armsThatCannotBePairedAreRefusedByRow() throws Exception {
        Cli.Run r = run("bad-arms.csv", "study,outcome,arm,events,total\n"
                + "Adams 2015,Fever,MSC,3,20\nAdams 2015,Fever,Arm B,1,20\n"
                + "Baker 2016,Fever,MSC low dose,2,30\nBaker 2016,Fever,MSC high dose,3,30\nBaker 2016,Fever,Placebo,4,30\n"
                + "Clark 2018,Fever,Placebo,1,15\n");
        assertEquals(2, r.status(), r.all());
        assertTrue(r.all().contains("bad-arms.csv: row 3, column 'arm': found \"Arm B\"; expected the arm: an MSC arm"),
                r.all());
        assertTrue(r.all().contains("bad-arms.csv: row 5, column 'arm': found \"MSC high dose\"; expected one MSC arm"
                + " per study and outcome, but row 4 is one of Baker 2016 for Fever too (a trial of several MSC arms"
                + " belongs in one row: sum their events and participants"), r.all());
        assertTrue(r.all().contains("bad-arms.csv: row 7, column 'arm': found \"Placebo\"; expected an MSC arm of the"
                + " same study, year, trial_id and outcome as this control arm ('Clark 2018', 'Fever'), but the sheet"
                + " has none"), r.all());

        // an arm's count is checked on its own row, under the sheet's own name
        Cli.Run counts = run("bad-count.csv", "study,outcome,arm,events,total\nAdams 2015,Fever,MSC,3,20\n"
                + "Adams 2015,Fever,Placebo,25,20\n");
        assertEquals(2, counts.status(), counts.all());
        assertTrue(counts.all().contains("bad-count.csv: row 3, column 'events': found \"25\""), counts.all());
        assertFalse(counts.all().contains("events_control"), counts.all());
    }
}
