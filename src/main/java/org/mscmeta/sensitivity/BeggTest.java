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
        Kendall kendall = kendall(ys, v);
        long s = kendall.s();
        Ties tx = kendall.x();
        Ties ty = kendall.y();
        double n0 = k * (k - 1) / 2.0;
        double tau = s / Math.sqrt((n0 - tx.pairs()) * (n0 - ty.pairs()));
        double varS = (k * (k - 1.0) * (2 * k + 5) - tx.v() - ty.v()) / 18 + tx.t1() * ty.t1() / (2.0 * k * (k - 1))
                + tx.t2() * ty.t2() / (9.0 * k * (k - 1) * (k - 2));
        double z = s / Math.sqrt(varS);
        if (k < 50 && tx.groups() == 0 && ty.groups() == 0) {
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

    /**
     * Kendall's S = concordant - discordant pairs in O(k log k) (Knight 1966, J Am Stat Assoc 61:436-9): sort by
     * (x, y), count pairs tied in x (n1) and in both (n3), count the exchanges a merge sort on y makes (the
     * discordant pairs), count pairs tied in y (n2); {@code S = n0 - n1 - n2 + n3 - 2 exchanges}.
     */
    static long kendallS(double[] x, double[] y) {
        return kendall(x, y).s();
    }

    /** Kendall's S with the ties of x and of y, which the sorts for S find on the way. */
    record Kendall(long s, Ties x, Ties y) {
    }

    /**
     * Sums over the groups of tied values (groups of one add nothing), as the variance of S under ties needs them:
     * of {@code t(t-1)/2} (tied pairs), {@code t(t-1)(2t+5)}, {@code t(t-1)} and {@code t(t-1)(t-2)} for a group of
     * {@code t}.
     */
    record Ties(int groups, double pairs, double v, double t1, double t2) {

        /** The ties of ascending values: runs of equal values ({@code ==}, so that -0.0 ties with 0.0). */
        static Ties ofSorted(double[] sorted) {
            int groups = 0;
            double pairs = 0;
            double v = 0;
            double t1 = 0;
            double t2 = 0;
            int run = 1;
            for (int i = 1; i <= sorted.length; i++) {
                if (i < sorted.length && sorted[i] == sorted[i - 1]) {
                    run++;
                } else {
                    if (run > 1) {
                        double t = run;
                        groups++;
                        pairs += t * (t - 1) / 2;
                        v += t * (t - 1) * (2 * t + 5);
                        t1 += t * (t - 1);
                        t2 += t * (t - 1) * (t - 2);
                    }
                    run = 1;
                }
            }
            return new Ties(groups, pairs, v, t1, t2);
        }
    }

    static Kendall kendall(double[] x, double[] y) {
        int k = x.length;
        // order by (x, y): a stable sort by y, then a stable sort of that by x
        int[] byY = StableOrder.of(y);
        double[] xByY = new double[k];
        for (int r = 0; r < k; r++) {
            xByY[r] = x[byY[r]];
        }
        int[] byX = StableOrder.of(xByY);
        int[] order = new int[k];
        for (int r = 0; r < k; r++) {
            order[r] = byY[byX[r]];
        }
        double[] ys = new double[k];
        double[] xs = new double[k];
        long n1 = 0;
        long n3 = 0;
        long runX = 1;
        long runXY = 1;
        for (int i = 0; i < k; i++) {
            ys[i] = y[order[i]];
            xs[i] = x[order[i]];
            if (i > 0 && Double.compare(x[order[i]], x[order[i - 1]]) == 0) {
                runX++;
                runXY = Double.compare(ys[i], ys[i - 1]) == 0 ? runXY + 1 : 1;
            } else {
                runX = 1;
                runXY = 1;
            }
            n1 += runX - 1;
            n3 += runXY - 1;
        }
        long exchanges = mergeCount(ys, new double[k], 0, k);
        long n2 = 0;
        long runY = 1;
        for (int i = 1; i < k; i++) {
            runY = Double.compare(ys[i], ys[i - 1]) == 0 ? runY + 1 : 1;
            n2 += runY - 1;
        }
        long n0 = (long) k * (k - 1) / 2;
        return new Kendall(n0 - n1 - n2 + n3 - 2 * exchanges, Ties.ofSorted(xs), Ties.ofSorted(ys));
    }

    /** Sorts a[from, to) ascending and returns the number of pairs i &lt; j with a[i] &gt; a[j]. */
    private static long mergeCount(double[] a, double[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long c = mergeCount(a, tmp, from, mid) + mergeCount(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int o = from;
        while (i < mid && j < to) {
            if (Double.compare(a[j], a[i]) < 0) {
                c += mid - i;
                tmp[o++] = a[j++];
            } else {
                tmp[o++] = a[i++];
            }
        }
        while (i < mid) {
            tmp[o++] = a[i++];
        }
        while (j < to) {
            tmp[o++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
        return c;
    }
}
