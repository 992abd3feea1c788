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
        }
    }
}
