package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.mscmeta.pool.Distributions;
import org.mscmeta.pool.Roots;
import org.mscmeta.pool.TauSquared;

/**
 * Mixed-effects meta-regression {@code y = X b + u + e}, {@code u ~ N(0, tau2)}, {@code e ~ N(0, v)}, as metafor's
 * {@code rma(yi, vi, mods = ~ ..., method = ...)} (Viechtbauer 2005; Raudenbush 2009). With
 * {@code W = diag(1/(v + tau2))} and {@code P = W - W X (X'WX)^-1 X'W}: REML solves {@code y'PPy = tr(P)}, ML
 * {@code y'PPy = tr(W)}, PM and EB {@code y'Py = k - p}; DL is {@code (y'P0y - (k - p)) / tr(P0)} at tau2 = 0; HE
 * uses ordinary least squares; HS {@code (y'P0y - k)/sum(1/v)}; SJ one step from {@code var(y)(k-1)/k}. Then
 * {@code b = (X'WX)^-1 X'Wy} with covariance {@code (X'WX)^-1} (times {@code y'Py/(k-p)} under Knapp-Hartung), Wald
 * tests of each coefficient (z; t with k - p df under Knapp-Hartung), the omnibus test QM of every coefficient but
 * the intercept (chi-square; F under Knapp-Hartung) and of any subset ({@link #waldTest}, metafor's
 * {@code anova(fit, btt = ...)}), the test of residual heterogeneity {@code QE = y'P0y} on k - p df, and the pseudo
 * R2 {@code max(0, (tau2_0 - tau2)/tau2_0)} against the intercept-only model with the same estimator.
 *
 * <p>Every quantity is computed from sums over the studies and p x p matrices (the normal equations), never from
 * k x k matrices: {@code y'Py = sum w r^2}, {@code y'PPy = sum w^2 r^2} and {@code tr(P) = sum w - tr((X'WX)^-1
 * X'W^2X)} with the residuals {@code r = y - X b}. Studies with the same row of X (every study of one route and cell
 * source, for factor moderators) are summed once per evaluation into their row's sums, so that a registry-scale
 * outcome's root finding costs a pass over its studies plus a few small matrices per step.
 *
 * <p>A column of X that is a linear combination of the columns before it (a combination of factor levels no study
 * has) is dropped, as metafor drops redundant predictors; {@link #dropped()} names them.
 *
 * @param terms     the terms of the coefficients: "intercept" and the moderators' columns
 * @param k         studies used
 * @param tau2      residual between-study variance
 * @param qm        omnibus test of every coefficient but the intercept (F under Knapp-Hartung)
 * @param qmDf      its degrees of freedom (numerator under Knapp-Hartung)
 * @param qmP       its p-value
 * @param qe        test of residual heterogeneity
 * @param qeDf      its degrees of freedom, k - p
 * @param qeP       its p-value
 * @param r2        percent of tau2 explained; NaN when the intercept-only tau2 is 0
 * @param estimate  coefficients
 * @param se        their standard errors
 * @param z         Wald statistics (t under Knapp-Hartung)
 * @param p         p-values
 * @param covariance the coefficients' covariance matrix
 * @param hksj      Knapp-Hartung tests
 * @param x         the design of the studies used, k x p, intercept column first (for plots)
 * @param y         their effects, analysis scale
 * @param weights   their weights {@code 1/(v + tau2)}
 * @param dropped   the terms dropped as redundant
 * @param references the reference level of each factor moderator, e.g. "route: intra-articular" (empty without
 *                  factors)
 */
public record MetaRegression(List<String> terms, int k, double tau2, double qm, int qmDf, double qmP, double qe,
                             int qeDf, double qeP, double r2, double[] estimate, double[] se, double[] z, double[] p,
                             double[][] covariance, boolean hksj, double[][] x, double[] y, double[] weights,
                             List<String> dropped, List<String> references) {

    /** A Wald test of a set of coefficients. */
    public record WaldTest(double q, int df, double p) {
    }

    /**
     * Thrown by {@link #fit} when there are no more studies than coefficients the studies tell apart (metafor's
     * {@code rma} refuses the same model: "Number of parameters to be estimated is larger than the number of
     * observations").
     */
    public static final class TooFewStudies extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int k;
        private final int coefficients;
        private final boolean redundantDropped;

        TooFewStudies(int k, int coefficients, boolean redundantDropped) {
            super("too few studies (" + k + ") for " + coefficients + " coefficients");
            this.k = k;
            this.coefficients = coefficients;
            this.redundantDropped = redundantDropped;
        }

        /** An answer, not a fault: no stack trace (a registry-scale run has thousands of small outcomes). */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        /** The studies with values of every moderator. */
        public int k() {
            return k;
        }

        /** The coefficients besides the intercept: those the studies tell apart, when some were dropped. */
        public int coefficientsBesidesIntercept() {
            return coefficients - 1;
        }

        /** Whether terms the studies do not tell apart were dropped before counting. */
        public boolean redundantDropped() {
            return redundantDropped;
        }
    }

    /** The moderator values of the studies used, k x (p - 1): the design without its intercept column. */
    public double[][] moderatorValues() {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(x[i], 1, x[i].length);
        }
        return out;
    }

    /**
     * The Wald test that the coefficients {@code indices} are all 0 (metafor's {@code anova(fit, btt = indices)}):
     * {@code b_S' V_SS^-1 b_S}, chi-square with |S| df, or divided by |S| and F with |S| and k - p df under
     * Knapp-Hartung.
     */
    public WaldTest waldTest(int[] indices) {
        int m = indices.length;
        if (m == 0) {
            return new WaldTest(Double.NaN, 0, Double.NaN);
        }
        double[][] v = new double[m][m];
        double[] b = new double[m];
        for (int a = 0; a < m; a++) {
            b[a] = estimate[indices[a]];
            for (int c = 0; c < m; c++) {
                v[a][c] = covariance[indices[a]][indices[c]];
            }
        }
        if (hksj && allZero(v)) {
            // the Knapp-Hartung scale is 0 (the model fits the studies exactly): no F, as metafor's QM is NA
            return new WaldTest(Double.NaN, m, Double.NaN);
        }
        double q = quadraticForm(v, b);
        if (hksj) {
            double f = q / m;
            return new WaldTest(f, m, 1 - new FDistribution(null, m, k - terms.size()).cumulativeProbability(f));
        }
        return new WaldTest(q, m, Distributions.pChiSquareUpper(q, m));
    }

    /**
     * Fits the model.
     *
     * @param y     the studies' effects
     * @param v     their sampling variances
     * @param x     k x p design, its first column the intercept (all 1)
     * @param terms the p column names, "intercept" first
     * @param references the reference level of each factor moderator, for the reader
     * @throws TooFewStudies when k is not larger than the number of coefficients left after the redundant ones
     *                       are dropped
     */
    public static MetaRegression fit(double[] y, double[] v, double[][] x, List<String> terms,
                                     List<String> references, TauSquared est, boolean hksj) {
        int k = y.length;
        if (k < 2) {
            throw new TooFewStudies(k, terms.size(), false);
        }
        Grouped full = new Grouped(x, y, v);
        boolean[] keep = independentColumns(full.rows, full.counts(), terms.size());
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            (keep[j] ? kept : dropped).add(terms.get(j));
        }
        int p = kept.size();
        if (k <= p) {
            throw new TooFewStudies(k, p, !dropped.isEmpty());
        }
        double[][] xs = x; // the design itself when no column is dropped (the usual case)
        if (p < keep.length) {
            xs = new double[k][p];
            for (int i = 0; i < k; i++) {
                for (int j = 0, c = 0; j < keep.length; j++) {
                    if (keep[j]) {
                        xs[i][c++] = x[i][j];
                    }
                }
            }
        }
        Grouped g = p < keep.length ? full.reduced(keep) : full;
        double tau2 = estimateTau2(g, est);
        Fit at = g.at(tau2);
        double df = k - p;
        double[][] vb = at.aInv;
        if (hksj) {
            // Knapp and Hartung's scale, the residual sum of squares over k - p; a residual that is rounding only
            // (1e-34 where the model fits the studies exactly, two effects of 0 in one cell, say) is 0, which gives
            // metafor's exact answer instead of an F of 1e32
            double s = at.ypy <= EXACT_FIT_SHARE * weightedSquares(y, v, tau2) ? 0 : at.ypy / df;
            vb = scaled(vb, s);
        }
        double[] se = new double[p];
        double[] z = new double[p];
        double[] pv = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(vb[j][j]);
            z[j] = at.b[j] / se[j];
            pv[j] = hksj ? Distributions.pTTwoSided(z[j], df) : Distributions.pNormalTwoSided(z[j]);
        }
        Fit fixed = g.at(0);
        double qe = fixed.ypy;
        int qeDf = k - p;
        double qeP = qeDf > 0 ? Distributions.pChiSquareUpper(qe, qeDf) : Double.NaN;
        double tau2Null = est.estimate(y, v);
        double r2 = tau2Null > 0 ? Math.max(0, 100 * (tau2Null - tau2) / tau2Null) : Double.NaN;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        int[] mods = new int[p - 1];
        for (int j = 1; j < p; j++) {
            mods[j - 1] = j;
        }
        MetaRegression partial = new MetaRegression(List.copyOf(kept), k, tau2, Double.NaN, p - 1, Double.NaN, qe,
                qeDf, qeP, r2, at.b, se, z, pv, vb, hksj, xs, y, w, List.copyOf(dropped), List.copyOf(references));
        WaldTest omnibus = partial.waldTest(mods);
        return new MetaRegression(List.copyOf(kept), k, tau2, omnibus.q(), p - 1, omnibus.p(), qe, qeDf, qeP, r2,
                at.b, se, z, pv, vb, hksj, xs, y, w, List.copyOf(dropped), List.copyOf(references));
    }

    /**
     * The columns to keep: each column that is not (to a relative 1e-9) a linear combination of the kept columns
     * before it, found by a Cholesky factorisation of X'X in column order (R's {@code lm} keeps the same columns).
     */
    static boolean[] independentColumns(double[][] rows, int[] counts, int p) {
        double[][] a = new double[p][p];
        for (int g = 0; g < rows.length; g++) {
            double[] row = rows[g];
            for (int r = 0; r < p; r++) {
                if (row[r] == 0) {
                    continue;
                }
                for (int c = 0; c < p; c++) {
                    a[r][c] += counts[g] * row[r] * row[c];
                }
            }
        }
        boolean[] keep = new boolean[p];
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int m = 0; m < j; m++) {
                if (keep[m]) {
                    d -= l[j][m] * l[j][m];
                }
            }
            if (!(d > 1e-9 * Math.max(a[j][j], 1e-300))) {
                continue;
            }
            keep[j] = true;
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    if (keep[m]) {
                        s -= l[i][m] * l[j][m];
                    }
                }
                l[i][j] = s / l[j][j];
            }
        }
        return keep;
    }

    /** The studies summed by their row of X: per distinct row, the sums that the estimating equations need. */
    private static final class Grouped {
        final int k;
        final int p;
        /** Distinct rows of X. */
        final double[][] rows;
        /** Per distinct row, the columns where it is not 0 (a factor's row has a few). */
        final int[][] nz;
        /** Per study, its row's index. */
        final int[] group;
        final double[] y;
        final double[] v;

        Grouped(double[][] x, double[] y, double[] v) {
            this.k = y.length;
            this.p = x.length == 0 ? 0 : x[0].length;
            this.y = y;
            this.v = v;
            Map<RowKey, Integer> index = new HashMap<>();
            // a design may give studies with the same row one array: those are found without reading the row
            Map<double[], Integer> same = new java.util.IdentityHashMap<>();
            List<double[]> distinct = new ArrayList<>();
            group = new int[k];
            for (int i = 0; i < k; i++) {
                Integer gi = same.get(x[i]);
                if (gi == null) {
                    gi = index.putIfAbsent(new RowKey(x[i]), distinct.size());
                    if (gi == null) {
                        gi = distinct.size();
                        distinct.add(x[i]);
                    }
                    same.put(x[i], gi);
                }
                group[i] = gi;
            }
            rows = distinct.toArray(new double[0][]);
            nz = nonZero(rows);
        }

        private Grouped(int k, int p, double[][] rows, int[] group, double[] y, double[] v) {
            this.k = k;
            this.p = p;
            this.rows = rows;
            this.nz = nonZero(rows);
            this.group = group;
            this.y = y;
            this.v = v;
        }

        private static int[][] nonZero(double[][] rows) {
            int[][] out = new int[rows.length][];
            for (int gi = 0; gi < rows.length; gi++) {
                int n = 0;
                int[] idx = new int[rows[gi].length];
                for (int c = 0; c < rows[gi].length; c++) {
                    if (rows[gi][c] != 0) {
                        idx[n++] = c;
                    }
                }
                out[gi] = Arrays.copyOf(idx, n);
            }
            return out;
        }

        /** Studies per distinct row. */
        int[] counts() {
            int[] n = new int[rows.length];
            for (int gi : group) {
                n[gi]++;
            }
            return n;
        }

        /** The same groups with only the columns {@code keep}. */
        Grouped reduced(boolean[] keep) {
            int kept = 0;
            for (boolean b : keep) {
                kept += b ? 1 : 0;
            }
            double[][] r = new double[rows.length][kept];
            for (int gi = 0; gi < rows.length; gi++) {
                for (int j = 0, c = 0; j < keep.length; j++) {
                    if (keep[j]) {
                        r[gi][c++] = rows[gi][j];
                    }
                }
            }
            return new Grouped(k, kept, r, group, y, v);
        }

        /** The fit at tau2 = 0, once computed (the DL estimate, QE and a zero tau2 all need it). */
        private Fit atZero;

        /** The weighted least-squares fit and the quadratic forms at {@code tau2}. */
        Fit at(double tau2) {
            if (tau2 == 0) {
                if (atZero == null) {
                    atZero = compute(0);
                }
                return atZero;
            }
            return compute(tau2);
        }

        private Fit compute(double tau2) {
            int gN = rows.length;
            double[] s0 = new double[gN];
            double[] s1 = new double[gN];
            double[] s2 = new double[gN];
            double[] t0 = new double[gN];
            double[] t1 = new double[gN];
            double[] t2 = new double[gN];
            double trW = 0;
            for (int i = 0; i < k; i++) {
                double w = 1 / (v[i] + tau2);
                int gi = group[i];
                double wy = w * y[i];
                s0[gi] += w;
                s1[gi] += wy;
                s2[gi] += wy * y[i];
                t0[gi] += w * w;
                t1[gi] += w * wy;
                t2[gi] += w * wy * y[i];
                trW += w;
            }
            double[][] a = new double[p][p];
            double[][] bm = new double[p][p];
            double[] xwy = new double[p];
            for (int gi = 0; gi < gN; gi++) {
                double[] r = rows[gi];
                for (int c : nz[gi]) {
                    xwy[c] += s1[gi] * r[c];
                    for (int d : nz[gi]) {
                        a[c][d] += s0[gi] * r[c] * r[d];
                        bm[c][d] += t0[gi] * r[c] * r[d];
                    }
                }
            }
            double[][] aInv = inverse(a);
            double[] b = multiply(aInv, xwy);
            double ypy = 0;
            double ypppy = 0;
            for (int gi = 0; gi < gN; gi++) {
                double f = 0;
                for (int c : nz[gi]) {
                    f += rows[gi][c] * b[c];
                }
                ypy += s2[gi] - 2 * f * s1[gi] + f * f * s0[gi];
                ypppy += t2[gi] - 2 * f * t1[gi] + f * f * t0[gi];
            }
            double trAinvB = 0;
            for (int c = 0; c < p; c++) {
                for (int d = 0; d < p; d++) {
                    trAinvB += aInv[c][d] * bm[d][c];
                }
            }
            return new Fit(b, aInv, Math.max(ypy, 0), Math.max(ypppy, 0), trW - trAinvB, trW);
        }

        /** Ordinary least squares: the residual sum of squares and {@code tr(P V) = sum v (1 - h)}. */
        double[] ols() {
            int gN = rows.length;
            double[] n = new double[gN];
            double[] sy = new double[gN];
            double[] syy = new double[gN];
            double[] sv = new double[gN];
            for (int i = 0; i < k; i++) {
                int gi = group[i];
                n[gi]++;
                sy[gi] += y[i];
                syy[gi] += y[i] * y[i];
                sv[gi] += v[i];
            }
            double[][] a = new double[p][p];
            double[] xy = new double[p];
            for (int gi = 0; gi < gN; gi++) {
                double[] r = rows[gi];
                for (int c = 0; c < p; c++) {
                    xy[c] += sy[gi] * r[c];
                    for (int d = 0; d < p; d++) {
                        a[c][d] += n[gi] * r[c] * r[d];
                    }
                }
            }
            double[][] aInv = inverse(a);
            double[] b = multiply(aInv, xy);
            double rss = 0;
            double trPV = 0;
            for (int gi = 0; gi < gN; gi++) {
                double[] r = rows[gi];
                double f = 0;
                double h = 0;
                for (int c = 0; c < p; c++) {
                    f += r[c] * b[c];
                    for (int d = 0; d < p; d++) {
                        h += r[c] * aInv[c][d] * r[d];
                    }
                }
                rss += syy[gi] - 2 * f * sy[gi] + f * f * n[gi];
                trPV += sv[gi] * (1 - h);
            }
            return new double[] {Math.max(rss, 0), trPV};
        }
    }

    /** A row of X as a hash key (its values compared exactly). */
    private record RowKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey r && Arrays.equals(values, r.values);
        }

        /** A mixing hash: rows of 0s and 1s (dummy codes) collide under {@link Arrays#hashCode(double[])}. */
        @Override
        public int hashCode() {
            long h = 0x9E3779B97F4A7C15L;
            for (double d : values) {
                h = (h ^ Double.doubleToLongBits(d)) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            return (int) (h ^ (h >>> 32));
        }
    }

    /** A fit at one tau2: coefficients, (X'WX)^-1, y'Py, y'PPy, tr(P), tr(W). */
    private record Fit(double[] b, double[][] aInv, double ypy, double ypppy, double trP, double trW) {
    }

    private static double estimateTau2(Grouped g, TauSquared est) {
        int k = g.k;
        int p = g.p;
        double scale = 0;
        for (double vi : g.v) {
            scale += vi / k;
        }
        return switch (est) {
            // the highest maximum of the (restricted) log-likelihood, -1/2 (sum log(v + tau2) + y'Py), REML with
            // + log det(X'WX): the score need not fall monotonically (TauSquared.ML, Roots.likelihoodMaximum)
            case REML -> Roots.likelihoodMaximum(t -> {
                Fit f = g.at(t);
                return f.ypppy - f.trP;
            }, t -> {
                Fit f = g.at(t);
                return -0.5 * (Roots.sumLog(g.v, t) + f.ypy - logDet(f.aInv));
            }, Roots.scoreBound(g.y, g.v, g.p));
            case ML -> Roots.likelihoodMaximum(t -> {
                Fit f = g.at(t);
                return f.ypppy - f.trW;
            }, t -> -0.5 * (Roots.sumLog(g.v, t) + g.at(t).ypy), Roots.scoreBound(g.y, g.v, g.p));
            case PM, EB -> Roots.decreasingRoot(t -> g.at(t).ypy - (k - p), scale);
            case DL -> {
                Fit f = g.at(0);
                yield Math.max(0, (f.ypy - (k - p)) / f.trP);
            }
            case HS -> {
                Fit f = g.at(0);
                yield Math.max(0, (f.ypy - k) / f.trW);
            }
            case HE -> {
                double[] ols = g.ols();
                yield Math.max(0, (ols[0] - ols[1]) / (k - p));
            }
            case SJ -> {
                double mean = 0;
                for (double yi : g.y) {
                    mean += yi / k;
                }
                double t0 = 0;
                for (double yi : g.y) {
                    t0 += (yi - mean) * (yi - mean) / k;
                }
                yield t0 * g.at(t0).ypy / (k - p);
            }
        };
    }

    // ------------------------------------------------------------------ small dense algebra (p x p)

    /** The log-determinant of a symmetric positive definite matrix, by Cholesky. */
    static double logDet(double[][] a) {
        double[][] l = cholesky(a);
        double logDet = 0;
        for (int j = 0; j < l.length; j++) {
            logDet += 2 * Math.log(l[j][j]);
        }
        return logDet;
    }

    /** The lower triangle {@code L} of a symmetric positive definite matrix {@code A = L L'}. */
    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int m = 0; m < j; m++) {
                d -= l[j][m] * l[j][m];
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** The inverse of a symmetric positive definite matrix, by Cholesky. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] l = cholesky(a);
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double s = e[i];
                for (int m = 0; m < i; m++) {
                    s -= l[i][m] * z[m];
                }
                z[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                for (int m = i + 1; m < n; m++) {
                    s -= l[m][i] * inv[m][c];
                }
                inv[i][c] = s / l[i][i];
            }
        }
        return inv;
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[][] scaled(double[][] a, double s) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= s;
            }
        }
        return out;
    }

    /**
     * Why a Knapp-Hartung test of coefficients does not exist: the residual sum of squares is 0, and so is the scale
     * of every standard error (metafor's QM is NA).
     */
    public static final String EXACT_FIT = "the model fits the studies exactly, so the Knapp-Hartung scale is 0";

    /** Why {@link #qm()} does not exist ({@link #EXACT_FIT}), or null where it does. */
    public String qmNotEstimable() {
        return Double.isFinite(qm) ? null : hksj ? EXACT_FIT : "the covariance of the coefficients is singular";
    }

    /** A residual sum of squares at most this share of the effects' own is rounding: the model fits exactly. */
    private static final double EXACT_FIT_SHARE = 1e-12;

    /** {@code sum y_i^2 / (v_i + tau2)}: the scale against which a residual sum of squares is rounding. */
    private static double weightedSquares(double[] y, double[] v, double tau2) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i] * y[i] / (v[i] + tau2);
        }
        return sum;
    }

    private static boolean allZero(double[][] a) {
        for (double[] row : a) {
            for (double d : row) {
                if (d != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double quadraticForm(double[][] v, double[] b) {
        double[] s = multiply(inverse(v), b);
        double q = 0;
        for (int i = 0; i < b.length; i++) {
            q += b[i] * s[i];
        }
        return q;
    }
}
