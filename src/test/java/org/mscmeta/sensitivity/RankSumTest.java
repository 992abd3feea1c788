package org.mscmeta.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Trim and fill's shortcuts against their definitions: the O(k) rank sum S_r against a stable sort of the distances
 * from beta, and the primitive stable order against a stable sort of boxed indices.
 */
class RankSumTest {

    private static double bySorting(double[] ys, double beta) {
        int k = ys.length;
        double[] centred = new double[k];
        for (int i = 0; i < k; i++) {
            centred[i] = ys[i] - beta;
        }
        Integer[] byAbs = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(byAbs, Comparator.comparingDouble(i -> Math.abs(centred[i])));
        double sr = 0;
        for (int r = 0; r < k; r++) {
            if (centred[byAbs[r]] > 0) {
                sr += r + 1;
            }
        }
        return sr;
    }

    @Test
    void equalsTheSortedDefinitionWithAndWithoutTies() {
        Random r = new Random(20261123);
        for (int trial = 0; trial < 500; trial++) {
            int k = 3 + r.nextInt(80);
            double[] ys = new double[k];
            boolean ties = trial % 2 == 0;
            for (int i = 0; i < k; i++) {
                ys[i] = ties ? r.nextInt(7) - 3 : r.nextGaussian();
            }
            Arrays.sort(ys);
            // beta on a data point, midway between values (mirror-image ties), or anywhere
            double beta = switch (trial % 3) {
                case 0 -> ys[r.nextInt(k)];
                case 1 -> ties ? 0.5 * (r.nextInt(7) - 3) : r.nextGaussian();
                default -> r.nextGaussian() * 2;
            };
            assertEquals(bySorting(ys, beta), TrimAndFill.positiveRankSum(ys, beta), "trial " + trial);
        }
    }

    @Test
    void stableOrderEqualsAStableSortOfBoxedIndices() {
        Random r = new Random(7);
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, -0.0, 1.0, -1.0};
        for (int trial = 0; trial < 600; trial++) {
            // short arrays take the search path, long ones the radix sort; both are checked against the definition
            int k = trial % 2 == 0 ? 1 + r.nextInt(90) : StableOrder.RADIX_FROM + r.nextInt(3000);
            double[] key = new double[k];
            for (int i = 0; i < k; i++) {
                key[i] = switch (trial % 8 / 2) {
                    case 0 -> r.nextInt(5) - 2;                          // many ties
                    case 1 -> r.nextBoolean() ? 0.0 : -0.0;              // signed zeros
                    case 2 -> special[r.nextInt(special.length)];        // NaN, infinities, extremes
                    default -> r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
                };
            }
            Integer[] boxed = IntStream.range(0, k).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingDouble(i -> key[i]));
            int[] expected = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, StableOrder.of(key), "trial " + trial);
            assertArrayEquals(expected, StableOrder.bySearch(key), "search, trial " + trial);
            assertArrayEquals(expected, StableOrder.byRadix(key), "radix, trial " + trial);
        }
    }
}
