package org.mscmeta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The O(k log k) Kendall S of Begg's test against the definition (sum over pairs of sign products). */
class KendallSTest {

    private static long byPairs(double[] x, double[] y) {
        long s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                s += (long) Integer.signum(Double.compare(x[i], x[j])) * Integer.signum(Double.compare(y[i], y[j]));
            }
        }
        return s;
    }

    @Test
    void equalsThePairwiseDefinitionWithAndWithoutTies() {
        Random r = new Random(20261123);
        for (int trial = 0; trial < 300; trial++) {
            int k = 2 + r.nextInt(60);
            double[] x = new double[k];
            double[] y = new double[k];
            boolean ties = trial % 2 == 0;
            for (int i = 0; i < k; i++) {
                x[i] = ties ? r.nextInt(5) : r.nextGaussian();
                y[i] = ties ? r.nextInt(4) : r.nextGaussian();
            }
            assertEquals(byPairs(x, y), BeggTest.kendallS(x, y), "trial " + trial);
            BeggTest.Kendall kendall = BeggTest.kendall(x, y);
            assertTies(x, kendall.x(), "x, trial " + trial);
            assertTies(y, kendall.y(), "y, trial " + trial);
        }
    }

    /** The tie sums from the sizes of the groups of equal values, counted value by value. */
    private static void assertTies(double[] values, BeggTest.Ties ties, String what) {
        java.util.Map<Double, Integer> sizes = new java.util.TreeMap<>();
        for (double v : values) {
            sizes.merge(v == 0 ? 0.0 : v, 1, Integer::sum); // -0.0 ties with 0.0, as R's rank does
        }
        int groups = 0;
        double pairs = 0;
        double v = 0;
        double t1 = 0;
        double t2 = 0;
        for (int t : sizes.values()) {
            if (t > 1) {
                groups++;
                pairs += t * (t - 1) / 2.0;
                v += t * (t - 1.0) * (2 * t + 5);
                t1 += t * (t - 1.0);
                t2 += t * (t - 1.0) * (t - 2);
            }
        }
        assertEquals(new BeggTest.Ties(groups, pairs, v, t1, t2), ties, what);
    }

    @Test
    void negativeZeroTiesWithZero() {
        BeggTest.Ties ties = BeggTest.Ties.ofSorted(new double[] {-1, -0.0, 0.0, 2, 2, 2});
        assertEquals(2, ties.groups());
        assertEquals(1 + 3, ties.pairs());
    }
}
