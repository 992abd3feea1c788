package org.mscmeta.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mscmeta.effect.TwoByTwo;

/**
 * Properties of the mixed models' tests for heterogeneity under random study effects (UM.RS) that hold whatever the
 * data; their values are checked against metafor in MetaforReferenceTest.
 */
class HeterogeneityTestsTest {

    /** Studies of one table each have one effect: both statistics are 0 (the Wald once gave 2e-32). */
    @Test
    void studiesOfOneEffectHaveNoHeterogeneity() {
        TwoByTwo t = tables(new int[][] {{5, 50, 5, 50}, {5, 50, 5, 50}, {5, 50, 5, 50}});
        for (boolean laplace : new boolean[] {true, false}) {
            HeterogeneityTests h = randomStudies(t, laplace);
            assertEquals(0, h.wald(), 0, "Wald, Laplace " + laplace);
            assertEquals(0, h.lrt(), 1e-8, "likelihood ratio, Laplace " + laplace);
            assertEquals(2, h.df());
        }
    }

    /**
     * The statistics do not depend on the order of the studies, also when the last one, metafor's reference for its
     * contrasts, has no events in its MSC arm (where lme4's Wald statistic moves by up to 1.4%).
     */
    @Test
    void theTestsDoNotDependOnTheOrderOfTheStudies() {
        int[][] rows = {{3, 100, 9, 133}, {3, 122, 6, 65}, {0, 32, 10, 139}, {2, 58, 1, 103}, {4, 43, 3, 35},
            {2, 105, 8, 93}, {8, 46, 28, 129}, {0, 65, 3, 115}};
        int[][] reversed = rows.clone();
        for (int i = 0; i < rows.length; i++) {
            reversed[i] = rows[rows.length - 1 - i];
        }
        int[][] rotated = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            rotated[i] = rows[(i + 3) % rows.length];
        }
        HeterogeneityTests first = randomStudies(tables(rows), true);
        assertTrue(first.isEstimable() && first.wald() > 1, "Wald " + first.wald());
        for (int[][] order : new int[][][] {reversed, rotated}) {
            HeterogeneityTests other = randomStudies(tables(order), true);
            assertEquals(first.wald(), other.wald(), 1e-6 * first.wald(), Arrays.deepToString(order));
            assertEquals(first.lrt(), other.lrt(), 1e-7 * first.lrt(), Arrays.deepToString(order));
        }
    }

    private static HeterogeneityTests randomStudies(TwoByTwo t, boolean laplace) {
        boolean[] use = new boolean[t.k()];
        Arrays.fill(use, true);
        return HeterogeneityTests.oddsRatioRandomStudies(t, use, Glmm.oddsRatioRandomStudies(t, use, false), laplace);
    }

    /** Tables from rows of (events MSC, n MSC, events control, n control). */
    private static TwoByTwo tables(int[][] rows) {
        int k = rows.length;
        int[] a = new int[k];
        int[] n1 = new int[k];
        int[] c = new int[k];
        int[] n2 = new int[k];
        for (int i = 0; i < k; i++) {
            a[i] = rows[i][0];
            n1[i] = rows[i][1];
            c[i] = rows[i][2];
            n2[i] = rows[i][3];
        }
        return new TwoByTwo(a, n1, c, n2);
    }
}
