package org.mscmeta.sensitivity;

import java.util.Arrays;

/**
 * The permutation a stable sort by {@link Double#compare} would produce (equal keys keep their index order), with
 * a primitive sort instead of sorting boxed indices: sort a copy of the keys, then place each index, in index
 * order, at the next free position of its key's run.
 */
final class StableOrder {

    private StableOrder() {
    }

    /** {@code order[r]} is the index of the r-th smallest key. */
    static int[] of(double[] key) {
        int k = key.length;
        double[] sorted = key.clone();
        Arrays.sort(sorted);
        int[] next = new int[k];
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            int first = firstAtLeast(sorted, key[i]);
            order[first + next[first]++] = i;
        }
        return order;
    }

    /** The first position whose value is not below {@code v} (in Double.compare order). */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
