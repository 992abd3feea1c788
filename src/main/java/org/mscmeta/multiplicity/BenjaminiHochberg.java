package org.mscmeta.multiplicity;

import java.util.Arrays;

/**
 * The Benjamini-Hochberg adjustment of p-values for the false discovery rate (Benjamini and Hochberg 1995, J R Stat
 * Soc B 57:289-300), as R's {@code p.adjust(p, method = "BH")}: with the m p-values that exist ordered
 * {@code p(1) <= ... <= p(m)}, the adjusted value of {@code p(i)} is {@code min over j >= i of min(1, m p(j) / j)}.
 * A p-value that does not exist (NaN) stays NaN and does not count in m, as R drops {@code NA}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int n = p.length;
        Integer[] order = new Integer[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] present = Arrays.copyOf(order, m);
        Arrays.sort(present, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double running = 1;
        for (int r = m; r >= 1; r--) {
            int i = present[r - 1];
            running = Math.min(running, Math.min(1, m * p[i] / r));
            out[i] = running;
        }
        return out;
    }
}
