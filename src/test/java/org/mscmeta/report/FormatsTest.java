package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Formatter-free fixed-point text against String.format on values of every magnitude and the edge cases; the
 * estimate, p-value and interval formats, and "not estimable" for every non-finite value.
 */
class FormatsTest {

    @Test
    void sameTextAsStringFormat() {
        Random r = new Random(11);
        double[] edges = {0.0, -0.0, 0.125, 0.375, 1.005, 2.675, -0.001, -0.0049, 0.00005, 99.995, 1e-320, -1e-9,
            123456789.125, 0.5, -0.5, 1.5, 2.5, Double.MIN_VALUE};
        for (int places = 1; places <= 4; places++) {
            for (double d : edges) {
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", d), Formats.fixed(d, places), d + "");
            }
            for (int i = 0; i < 50_000; i++) {
                double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
                if (i % 3 == 0) {
                    d = Math.round(d * 1e4) / 1e4 + (r.nextBoolean() ? 5e-5 : -5e-5); // near half-way cases
                }
                assertEquals(String.format(Locale.ROOT, "%." + places + "f", d), Formats.fixed(d, places), d + "");
            }
        }
    }

    @Test
    void nonFiniteIsNotEstimable() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals("not estimable", Formats.fixed(d, 2));
            assertEquals("not estimable", Formats.estimate(d, true));
            assertEquals("not estimable", Formats.p(d));
            assertEquals("not estimable", Formats.tau2(d));
            assertEquals("not estimable", Formats.test(d));
            assertEquals("not estimable", Formats.interval(d, 1, 2, true));
        }
        assertEquals("1.84 [CI not estimable]", Formats.interval(1.84, Double.NaN, Double.NaN, true));
    }

    /**
     * A test statistic has two decimals whatever its size, as RevMan prints it: a forest plot printed "Z = 0.0414" in
     * one subgroup beside "Z = 0.64" in the next. Tau² keeps its small digits.
     */
    @Test
    void testStatisticsHaveTwoDecimalsAsRevManPrintsThem() {
        assertEquals("0.04", Formats.test(0.0414));
        assertEquals("0.64", Formats.test(0.6421));
        assertEquals("0.00", Formats.test(0.0003));
        assertEquals("12.35", Formats.test(12.3456));
        assertEquals("9999.99", Formats.test(9999.99));
        assertEquals("10,000", Formats.test(10000));
        assertEquals("249,480", Formats.test(249480.12), "a reader does not read 2.49e+05");
        assertEquals("1,234,567,890", Formats.test(1234567890.4));
        assertEquals("0.0414", Formats.tau2(0.0414), "a small tau2 keeps its digits");
    }

    @Test
    void estimatesCarryTheDigitsThatFitAndAreCapped() {
        assertEquals("<0.001", Formats.estimate(0.0008, true));
        assertEquals("0.009", Formats.estimate(0.009, true));
        assertEquals("0.19", Formats.estimate(0.19, true));
        assertEquals("13.20", Formats.estimate(13.2, true));
        assertEquals("140", Formats.estimate(140.24, true));
        assertEquals(">999", Formats.estimate(7130, true));
        assertEquals("-0.004", Formats.estimate(-0.004, false));
        assertEquals("0.12", Formats.estimate(0.1234, false));
        // a proportion's or a difference's first significant digit is kept; an exact 0 is 0.00
        assertEquals("0.0003", Formats.estimate(0.0003, false));
        assertEquals("0.001", Formats.estimate(0.00096, false));
        assertEquals("0.0009", Formats.estimate(0.00094, false));
        assertEquals("-0.0004", Formats.estimate(-0.0004, false));
        assertEquals("<0.0001", Formats.estimate(3e-12, false));
        assertEquals(">-0.0001", Formats.estimate(-2e-6, false));
        assertEquals("0.00", Formats.estimate(0, false));
        assertEquals("0.00", Formats.estimate(-1.2e-17, false), "rounding noise around a difference of 0");
        // the same near 1: a proportion's upper limit of 0.99997 is not "1.00", which all-events studies print
        assertEquals("0.99", Formats.estimate(0.994, false));
        assertEquals("0.996", Formats.estimate(0.9962, false));
        assertEquals("0.9996", Formats.estimate(0.9996, false));
        assertEquals(">0.9999", Formats.estimate(0.99997, false));
        assertEquals("-0.996", Formats.estimate(-0.9962, false));
        assertEquals("<-0.9999", Formats.estimate(-0.99997, false));
        assertEquals("1.00", Formats.estimate(1, false));
        assertEquals("1.25", Formats.estimate(1.25, false));
        assertEquals("<0.001", Formats.p(0.00004));
        assertEquals("0.012", Formats.p(0.0123));
        assertEquals("0.45", Formats.p(0.449));
        assertEquals("0.19 [0.009, 4.01]", Formats.interval(0.19, 0.009, 4.01, true));
    }

    @Test
    void padding() {
        assertEquals(String.format(Locale.ROOT, "%-6s|", "ab"), Formats.left("ab", 6) + "|");
        assertEquals(String.format(Locale.ROOT, "%4s|", "ab"), Formats.right("ab", 4) + "|");
        assertEquals("abcdef", Formats.left("abcdef", 3));
    }

    @Test
    void notEstimableSaysSoOnceWithTheReason() {
        assertEquals("not estimable", Formats.notEstimable(null));
        assertEquals("not estimable: one study", Formats.notEstimable("one study"));
        assertEquals("not estimable: k < 2", Formats.notEstimable("not estimable: k < 2"));
        // where the estimate exists and only its test does not, the reason says so itself
        assertEquals("z and p not estimable: no sampling variance",
                Formats.notEstimable("z and p not estimable: no sampling variance"));
    }

    /** A p-value in words, the same in a figure, the manuscript kit's legends and the console. */
    @Test
    void pInWords() {
        assertEquals("P = 0.23", Formats.pIs("P", 0.2345, " "));
        assertEquals("P < 0.001", Formats.pIs("P", 2e-7, " "), "not 'P <0.001' or 'P = <0.001'");
        assertEquals("P\u00a0=\u00a00.012", Formats.pIs("P", 0.0123, "\u00a0"));
        assertEquals("p<0.001", Formats.pIs("p", 2e-7, ""));
        assertEquals("p not estimable", Formats.pIs("p", Double.NaN, ""));
        assertEquals("Tau\u00b2 < 0.0001", "Tau\u00b2" + Formats.is(Formats.tau2(3e-6), " "), "not 'Tau\u00b2 = <0.0001'");
        assertEquals("Tau\u00b2 = 0.0273", "Tau\u00b2" + Formats.is(Formats.tau2(0.0273), " "));
    }

    @Test
    void tau2AtTheBoundaryIsZero() {
        assertEquals("0.00", Formats.tau2(2.74e-21), "a GLMM's boundary estimate");
        assertEquals("0.00", Formats.tau2(0));
        assertEquals("0.0273", Formats.tau2(0.0273));
        assertEquals("0.15", Formats.tau2(0.15));
        assertEquals("<0.0001", Formats.tau2(3.2e-6), "positive, but too small for four decimals");
        assertEquals("0.0001", Formats.tau2(1e-4));
        assertEquals("71.82", Formats.tau2(71.8249));
        assertEquals("12,346", Formats.tau2(12345.6));
        assertEquals("not estimable", Formats.tau2(Double.NaN));
    }

    /** A confidence level by every digit it has: 97.5% is not 98%, 95% not 95.0%. */
    @Test
    void aLevelIsThePercentageItNames() {
        assertEquals("95%", Formats.level(0.95));
        assertEquals("97.5%", Formats.level(0.975));
        assertEquals("99.9%", Formats.level(0.999));
        assertEquals("90%", Formats.level(0.9));
        assertEquals("80%", Formats.level(0.8));
        assertEquals("1.5%", Formats.level(0.015));
        assertEquals("99.95%", Formats.level(0.9995));
    }
}
