package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.SheetReader;

/**
 * Two MSC arms of one trial entered against the same control arm count its participants twice: a notice names the
 * rows (Cochrane Handbook 23.3.4); two trials, or arms with different control counts, raise none.
 */
class SharedControlArmsTest {

    @TempDir
    Path dir;

    private List<Notice> shared(String csv) throws Exception {
        Path f = Files.writeString(dir.resolve("arms.csv"), csv);
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
        return r.notices().stream().filter(n -> n.category().equals("shared_control")).toList();
    }

    @Test
    void twoDoseArmsAgainstOneControlArmAreNamed() throws Exception {
        List<Notice> n = shared("study,year,trial_id,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Lee 2020 (low dose),2020,NCT01,Fever,3,10,2,10\n"
                + "Lee 2020 (high dose),2020,NCT01,Fever,5,10,2,10\n"
                + "Baker 2021,2021,NCT02,Fever,2,12,2,10\n");
        assertEquals(1, n.size(), n.toString());
        assertEquals("Fever: Lee 2020 (low dose) (row 2), Lee 2020 (high dose) (row 3) are arms of one trial (NCT01)"
                + " with the same control counts (2 of 10): if they share one control arm, its participants are counted"
                + " twice in the pooled estimates; combine the MSC arms into one row (their events and participants"
                + " summed), or split the control participants between them (Cochrane Handbook, section 23.3.4)",
                n.get(0).message());
    }

    @Test
    void withoutATrialIdTheAuthorAndYearTellTheTrial() throws Exception {
        List<Notice> n = shared("study,year,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Lee 2020 (1e6 cells/kg),2020,Death,0,8,1,9\n"
                + "Lee 2020 (2e6 cells/kg),2020,Death,1,8,1,9\n"
                + "Lee 2020 (4e6 cells/kg),2020,Death,1,7,1,9\n"
                + "Lee 2021,2021,Death,1,7,1,9\n");
        assertEquals(1, n.size(), n.toString());
        assertTrue(n.get(0).message().contains("look like arms of one trial with the same control counts (1 of 9): if"
                + " they share one control arm, its participants are counted 3 times"), n.get(0).message());
        assertTrue(!n.get(0).message().contains("Lee 2021"), n.get(0).message());
    }

    /** Two trials with equal control counts, or the arms of one trial with different ones, raise none. */
    @Test
    void differentTrialsOrDifferentControlCountsRaiseNone() throws Exception {
        assertEquals(List.of(), shared("study,year,trial_id,outcome,events_msc,n_msc,events_control,n_control\n"
                + "Lee 2020 (low dose),2020,NCT01,Fever,3,10,1,5\n"
                + "Lee 2020 (high dose),2020,NCT01,Fever,5,10,1,6\n"
                + "Kim 2020,2020,NCT03,Fever,2,12,1,5\n"
                + "Park 2020,2020,NCT04,Fever,2,12,1,5\n"));
    }
}
