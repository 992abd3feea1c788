package org.mscmeta.sensitivity;

import org.mscmeta.pool.Distributions;

/**
 * Begg and Mazumdar's rank correlation test (Biometrics 1994;50:1088-101), as metafor's {@code ranktest} with its
 * defaults: Kendall's tau-b between the standardised effects {@code (y - theta)/sqrt(v - 1/sum w)} ({@code theta}
 * the inverse-variance common estimate) and the variances {@code v}; the p-value is exact (the distribution of
 * the number of concordant pairs over all permutations, as R's {@code cor.test(method="kendall")}) when k &lt; 50
 * and there are no ties, and otherwise the normal approximation of S with the tie-corrected variance and no
 * continuity correction ({@code exact=FALSE}).
 *
 * @param kendallTau Kendall's tau-b
 * @param z          normal statistic of S (reported also when the p-value is exact)
 * @param p          two-sided p-value
 * @param exact      whether {@code p} is exact
 */
public record BeggTest(double kendallTau, double z, double p, boolean exact) {

    /** Runs the test; needs k >= 3. */
    public static BeggTest of(double[] y, double[] v) {
        int k = y.length;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            sw += 1 / v[i];
            swy += y[i] / v[i];
        }
        double theta = swy / sw;
        double vb = 1 / sw;
        double[] ys = new double[k];
        for (int i = 0; i < k; i++) {
            ys[i] = (y[i] - theta) / Math.sqrt(v[i] - vb);
        }
        long s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                int a = Double.compare(ys[i], ys[j]);
                int b = Double.compare(v[i], v[j]);
                s += (long) Integer.signum(a) * Integer.signum(b);
            }
        }
        double[] tx = tieGroups(ys);
        double[] ty = tieGroups(v);
        double n0 = k * (k - 1) / 2.0;
        double n1 = 0;
        double n2 = 0;
        double vt = 0;
        double vu = 0;
        double t1a = 0;
        double t1b = 0;
        double t2a = 0;
        double t2b = 0;
        for (double t : tx) {
            n1 += t * (t - 1) / 2;
            vt += t * (t - 1) * (2 * t + 5);
            t1a += t * (t - 1);
            t2a += t * (t - 1) * (t - 2);
        }
        for (double t : ty) {
            n2 += t * (t - 1) / 2;
            vu += t * (t - 1) * (2 * t + 5);
            t1b += t * (t - 1);
            t2b += t * (t - 1) * (t - 2);
        }
        double tau = s / Math.sqrt((n0 - n1) * (n0 - n2));
        double varS = (k * (k - 1.0) * (2 * k + 5) - vt - vu) / 18 + t1a * t1b / (2.0 * k * (k - 1))
                + t2a * t2b / (9.0 * k * (k - 1) * (k - 2));
        double z = s / Math.sqrt(varS);
        if (k < 50 && tx.length == 0 && ty.length == 0) {
            long concordant = Math.round((tau + 1) * k * (k - 1) / 4.0);
            return new BeggTest(tau, z, exactTwoSided(concordant, k), true);
        }
        return new BeggTest(tau, z, Distributions.pNormalTwoSided(z), false);
    }

    /**
     * Two-sided exact p-value of {@code q} concordant pairs among {@code n} untied observations, as R's
     * {@code cor.test}: the number of concordant pairs over the n! orderings follows the Mahonian distribution
     * (permutations by number of inversions), built here by the recursion {@code P_n(c) = mean_j P_{n-1}(c - j)}.
     */
    static double exactTwoSided(long q, int n) {
        int max = n * (n - 1) / 2;
        double[] dist = {1.0};
        for (int m = 2; m <= n; m++) {
            double[] next = new double[m * (m - 1) / 2 + 1];
            for (int c = 0; c < dist.length; c++) {
                for (int j = 0; j < m; j++) {
                    next[c + j] += dist[c] / m;
                }
            }
            dist = next;
        }
        double p;
        if (q > max / 2.0) {
            p = 0;
            for (long c = q; c <= max; c++) {
                p += dist[(int) c];
            }
        } else {
            p = 0;
            for (long c = 0; c <= q; c++) {
                p += dist[(int) c];
            }
        }
        return Math.min(2 * p, 1);
    }

    /** Sizes of the groups of tied values (groups of one left out). */
    private static double[] tieGroups(double[] x) {
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        java.util.List<Double> groups = new java.util.ArrayList<>();
        int run = 1;
        for (int i = 1; i <= sorted.length; i++) {
            if (i < sorted.length && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                if (run > 1) {
                    groups.add((double) run);
                }
                run = 1;
            }
        }
        return groups.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
