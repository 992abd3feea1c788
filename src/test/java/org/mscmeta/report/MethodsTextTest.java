package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Convention;

/** The methods text states the prediction interval of the convention in force. */
class MethodsTextTest {

    private static String predictionReference(Settings s) {
        return MethodsText.references(s).stream().filter(r -> r[0].equals("Prediction interval")).findFirst()
                .orElseThrow()[1];
    }

    @Test
    void predictionIntervalDegreesOfFreedomFollowTheConvention() {
        assertTrue(predictionReference(Settings.DEFAULTS).endsWith("(t with k-2 df)."));
        assertTrue(predictionReference(Settings.DEFAULTS.withConvention(Convention.REVMAN5))
                .endsWith("(t with k-2 df)."));
        assertTrue(predictionReference(Settings.DEFAULTS.withConvention(Convention.META))
                .endsWith("(t with k-1 df)."));
    }
}
