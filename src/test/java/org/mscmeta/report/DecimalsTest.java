package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Formatter-free fixed-point text against String.format on values of every magnitude and the edge cases. */
class DecimalsTest {

    @Test
    void sameTextAsStringFormat() {
        Random r = new Random(11);
        double[] edges = {0.0, -0.0, 0.125, 0.375, 1.005, 2.675, -0.001, -0.0049, 0.00005, 99.995, 1e-320, -1e-9,
            123456789.125, 0.5, -0.5, 1.5, 2.5, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int places = 1; places <= 4; places++) {
            for (double d : edges) {
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", d), Decimals.fixed(d, places), d + "");
            }
            for (int i = 0; i < 50_000; i++) {
                double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
                if (i % 3 == 0) {
                    d = Math.round(d * 1e4) / 1e4 + (r.nextBoolean() ? 5e-5 : -5e-5); // near half-way cases
                }
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", d), Decimals.fixed(d, places), d + "");
            }
        }
    }

    @Test
    void padding() {
        assertEquals(String.format(Locale.ROOT, "%-6s|", "ab"), Decimals.left("ab", 6) + "|");
        assertEquals(String.format(Locale.ROOT, "%4s|", "ab"), Decimals.right("ab", 4) + "|");
        assertEquals("abcdef", Decimals.left("abcdef", 3));
    }
}
