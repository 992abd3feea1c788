package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Convention;
import org.mscmeta.pool.PredictionInterval;

/** The methods text states the prediction interval in force: the convention's, or the one asked for. */
class MethodsTextTest {

    private static String predictionReference(Settings s) {
        return MethodsText.references(s).stream().filter(r -> r[0].equals("Prediction interval")).findFirst()
                .orElseThrow()[1];
    }

    @Test
    void predictionIntervalFollowsTheConventionOrTheOption() {
        String metafor = predictionReference(Settings.DEFAULTS);
        assertTrue(metafor.contains("(quantile: the normal quantile)"), metafor);
        assertTrue(metafor.contains("IntHout"), metafor);
        assertTrue(predictionReference(Settings.DEFAULTS.withHksj(true)).contains("t with k-1 degrees of freedom"));
        String revman = predictionReference(Settings.DEFAULTS.withConvention(Convention.REVMAN5));
        assertTrue(revman.contains("t with k-2 degrees of freedom"), revman);
        assertFalse(revman.contains("IntHout"), revman);
        assertTrue(predictionReference(Settings.DEFAULTS.withConvention(Convention.META))
                .contains("t with k-1 degrees of freedom"));
        assertTrue(predictionReference(Settings.DEFAULTS.withPredictionInterval(PredictionInterval.T_K2))
                .contains("t with k-2 degrees of freedom"));
        assertTrue(MethodsText.paragraph(new org.mscmeta.analysis.Results(Settings.DEFAULTS.withBy(java.util.List.of()),
                "x.csv", 0, java.util.List.of(), java.util.List.of(), java.util.List.of()))
                .contains("prediction intervals (the normal quantile)"));
    }

    /** Mantel-Haenszel is "on the raw counts" only where it is: not under RevMan 5's or R meta's conventions. */
    @Test
    void mantelHaenszelIsOnTheRawCountsOnlyUnderMetafor() {
        for (Convention c : Convention.values()) {
            String text = MethodsText.paragraph(new org.mscmeta.analysis.Results(Settings.DEFAULTS.withConvention(c)
                    .withBy(java.util.List.of()), "x.csv", 0, java.util.List.of(), java.util.List.of(),
                    java.util.List.of()));
            assertTrue(text.contains("Mantel-Haenszel method"), text);
            assertTrue(text.contains("Mantel-Haenszel method on the raw counts") == !c.correctedMantelHaenszel(),
                    c + ": " + text);
        }
    }
}
