package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.sheet.SheetReader;

/**
 * Egger's and Begg's tests and trim and fill where every study has the same standard error (trials of equal arms and
 * counts, or with the arms' counts swapped): metafor 3.8-1's {@code regtest(res, model = "lm", predictor = "sei")}
 * stops ("Model matrix no longer of full rank after addition of predictor"), {@code trimfill(res)} stops (it cannot
 * choose a side), {@code ranktest(res)} gives Kendall's tau NA. The regression's singular matrix stopped the whole run
 * with "matrix is singular"; now those three are not estimable, with the reason, and the rest of the analysis stands.
 */
class SmallStudyTestsTest {

    @TempDir
    Path dir;

    private Analysis overall(String rows) throws Exception {
        Path f = Files.writeString(dir.resolve("s.csv"), "study,year,outcome,events_msc,n_msc,events_control,n_control\n"
                + rows);
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS);
        assertTrue(r.notices().stream().anyMatch(n -> n.message().equals("Fever: Egger's test, Begg's test and trim"
                + " and fill are not estimable: " + Sensitivity.SAME_PRECISION)), r.notices().toString());
        return r.overall("Fever");
    }

    @Test
    void swappedCountsGiveTheSameStandardErrorAndNoSmallStudyTests() throws Exception {
        // yi = +-log 2, vi = 1.3 in every study (metafor: 1.2999999999999998 each)
        Analysis a = overall("A,2019,Fever,1,10,2,10\nB,2020,Fever,2,10,1,10\nC,2021,Fever,1,10,2,10\n"
                + "D,2022,Fever,2,10,1,10\n");
        Sensitivity s = a.sensitivity();
        assertNull(s.egger());
        assertNull(s.begg());
        assertNull(s.trimAndFill());
        assertEquals(Sensitivity.SAME_PRECISION, s.smallStudyNotEstimable());
        // the model and its refits as metafor's rma(yi, vi) (REML) and leave1out
        assertEquals(1.0, a.random().estimate(), 1e-12);
        assertEquals(Math.exp(-1.11735138462598), a.random().ciLower(), 1e-9);
        assertEquals(Math.exp(1.11735138462598), a.random().ciUpper(), 1e-9);
        assertEquals(0, a.random().tau2(), 1e-12);
        double[] loo = {0.231049060186648, -0.231049060186648, 0.231049060186648, -0.231049060186648};
        assertEquals(4, s.leaveOneOut().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(loo[i], s.leaveOneOut().get(i).logEstimate(), 1e-9);
        }
    }

    @Test
    void identicalTrialsToo() throws Exception {
        Analysis a = overall("A,2019,Fever,1,10,1,10\nB,2020,Fever,1,10,1,10\nC,2021,Fever,1,10,1,10\n");
        assertNull(a.sensitivity().egger());
        assertEquals(1.0, a.random().estimate(), 1e-12);
    }

    /** The sensitivity analyses of the outcome Fever of a sheet of these {@code rows}, by the defaults. */
    private Sensitivity fever(String rows) throws Exception {
        Path f = Files.writeString(dir.resolve("fever.csv"), "study,year,outcome,events_msc,n_msc,events_control,"
                + "n_control\n" + rows);
        return MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(f, null), Settings.DEFAULTS)
                .overall("Fever").sensitivity();
    }

    @Test
    void standardErrorsThatDifferKeepTheTests() throws Exception {
        Sensitivity s = fever("A,2019,Fever,1,10,2,10\nB,2020,Fever,2,12,1,10\nC,2021,Fever,1,10,2,10\n");
        assertNotNull(s.egger());
        assertNotNull(s.begg());
        assertNotNull(s.trimAndFill());
        assertNull(s.smallStudyNotEstimable());
    }

    /**
     * Two studies have a leave-one-out analysis but no small-study tests, and say why (the three were absent without
     * a reason, as if forgotten, beside the reason given where the standard errors are all the same).
     */
    @Test
    void twoStudiesSayWhyTheyHaveNoSmallStudyTests() throws Exception {
        Sensitivity s = fever("A,2019,Fever,1,10,2,10\nB,2020,Fever,2,12,1,10\n");
        assertEquals(2, s.leaveOneOut().size());
        assertNull(s.egger());
        assertEquals("fewer than 3 studies with an estimate of their own (k = 2), which a test of funnel asymmetry"
                + " needs", s.smallStudyNotEstimable());
    }

    /**
     * Trim and fill's interval is at the run's level, as R meta's {@code trimfill} and metafor's
     * {@code trimfill(res, level = 90)} give it (metafor 3.8-1's {@code trimfill(res)} refits at 95% whatever the
     * level of {@code res}). The example's Death at 90%: metafor, {@code rma(yi, vi, method = "FE")} on
     * {@code escalc("RR", ...)}, then {@code trimfill(res, level = 90)}: k0 = 1, 0.796828335430 (0.657223425932 to
     * 0.966087590751).
     */
    @Test
    void trimAndFillIsAtTheRunsLevel() throws Exception {
        Sensitivity s = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death")
                .withLevel(0.9)).overall("Death").sensitivity();
        assertEquals(1, s.trimAndFill().k0());
        assertEquals(0.796828335430, s.trimAndFill().estimate(), 1e-9);
        assertEquals(0.657223425932, s.trimAndFill().ciLower(), 1e-9);
        assertEquals(0.966087590751, s.trimAndFill().ciUpper(), 1e-9);
    }
}
