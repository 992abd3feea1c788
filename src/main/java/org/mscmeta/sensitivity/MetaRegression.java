package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.mscmeta.pool.Distributions;
import org.mscmeta.pool.Roots;
import org.mscmeta.pool.TauSquared;

/**
 * Mixed-effects meta-regression {@code y = X b + u + e}, {@code u ~ N(0, tau2)}, {@code e ~ N(0, v)}, as metafor's
 * {@code rma(yi, vi, mods = ~ ..., method = ...)} (Viechtbauer 2005; Raudenbush 2009). With
 * {@code W = diag(1/(v + tau2))} and {@code P = W - W X (X'WX)^-1 X'W}: REML solves {@code y'PPy = tr(P)}, ML
 * {@code y'PPy = tr(W)}, PM and EB {@code y'Py = k - p}; DL is {@code (y'P0y - (k - p)) / tr(P0)} at tau2 = 0; HE
 * uses ordinary least squares; HS {@code (y'P0y - k)/sum(1/v)}; SJ one step from {@code var(y)(k-1)/k}. Then
 * {@code b = (X'WX)^-1 X'Wy}, Wald z tests (t and an F-based omnibus test with HKSJ), the omnibus test QM of all
 * moderators, and the pseudo R2 {@code max(0, (tau2_0 - tau2)/tau2_0)} against the intercept-only model.
 *
 * @param terms        "intercept" and the moderators' names
 * @param k            studies used
 * @param tau2         residual between-study variance
 * @param qm           omnibus test of the moderators
 * @param qmDf         its degrees of freedom (number of moderators)
 * @param qmP          its p-value
 * @param r2           percent of tau2 explained; NaN when the intercept-only tau2 is 0
 * @param estimate     coefficients
 * @param se           their standard errors
 * @param z            Wald statistics
 * @param p            p-values
 * @param moderatorValues the k x m moderator values of the studies used (for plots)
 * @param y            their effects, analysis scale
 * @param weights      their weights {@code 1/(v + tau2)}
 */
public record MetaRegression(List<String> terms, int k, double tau2, double qm, int qmDf, double qmP, double r2,
                             double[] estimate, double[] se, double[] z, double[] p, double[][] moderatorValues,
                             double[] y, double[] weights) {

    /**
     * Fits the model.
     *
     * @param mods k x m moderator values (no intercept column)
     * @param names the m moderator names
     */
    public static MetaRegression fit(double[] y, double[] v, double[][] mods, List<String> names, TauSquared est,
                                     boolean hksj) {
        int k = y.length;
        int m = names.size();
        int p = m + 1;
        RealMatrix x = new Array2DRowRealMatrix(k, p);
        for (int i = 0; i < k; i++) {
            x.setEntry(i, 0, 1);
            for (int j = 0; j < m; j++) {
                x.setEntry(i, j + 1, mods[i][j]);
            }
        }
        RealVector yv = new ArrayRealVector(y);
        double tau2 = estimateTau2(yv, v, x, est);
        Parts at = new Parts(yv, v, x, tau2);
        RealMatrix vb = at.xtwxInv;
        RealVector b = vb.multiply(x.transpose()).multiply(at.w).operate(yv);
        double df = k - p;
        if (hksj) {
            vb = vb.scalarMultiply(at.ypy / df);
        }
        double[] se = new double[p];
        double[] z = new double[p];
        double[] pv = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(vb.getEntry(j, j));
            z[j] = b.getEntry(j) / se[j];
            pv[j] = hksj ? Distributions.pTTwoSided(z[j], df) : Distributions.pNormalTwoSided(z[j]);
        }
        RealMatrix vbm = vb.getSubMatrix(1, m, 1, m);
        RealVector bm = b.getSubVector(1, m);
        double qm = bm.dotProduct(new LUDecomposition(vbm).getSolver().solve(bm));
        double qmP;
        if (hksj) {
            qm = qm / m;
            qmP = 1 - new org.apache.commons.math3.distribution.FDistribution(null, m, df).cumulativeProbability(qm);
        } else {
            qmP = Distributions.pChiSquareUpper(qm, m);
        }
        double tau2Null = est.estimate(y, v);
        double r2 = tau2Null > 0 ? Math.max(0, 100 * (tau2Null - tau2) / tau2Null) : Double.NaN;
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        terms.addAll(names);
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        return new MetaRegression(List.copyOf(terms), k, tau2, qm, m, qmP, r2, b.toArray(), se, z, pv, mods, y, w);
    }

    /** W, (X'WX)^-1, and the quadratic forms of P at a given tau2. */
    private static final class Parts {
        final RealMatrix w;
        final RealMatrix xtwxInv;
        final RealMatrix pm;
        final double ypy;
        final double ypppy;
        final double trP;
        final double trW;

        Parts(RealVector y, double[] v, RealMatrix x, double tau2) {
            int k = v.length;
            w = new Array2DRowRealMatrix(k, k);
            double tw = 0;
            for (int i = 0; i < k; i++) {
                w.setEntry(i, i, 1 / (v[i] + tau2));
                tw += 1 / (v[i] + tau2);
            }
            trW = tw;
            RealMatrix wx = w.multiply(x);
            xtwxInv = new LUDecomposition(x.transpose().multiply(wx)).getSolver().getInverse();
            pm = w.subtract(wx.multiply(xtwxInv).multiply(wx.transpose()));
            RealVector py = pm.operate(y);
            ypy = y.dotProduct(py);
            ypppy = py.dotProduct(py);
            trP = pm.getTrace();
        }
    }

    private static double estimateTau2(RealVector y, double[] v, RealMatrix x, TauSquared est) {
        int k = v.length;
        int p = x.getColumnDimension();
        double scale = 0;
        for (double vi : v) {
            scale += vi / k;
        }
        return switch (est) {
            case REML -> Roots.decreasingRoot(t -> {
                Parts q = new Parts(y, v, x, t);
                return q.ypppy - q.trP;
            }, scale);
            case ML -> Roots.decreasingRoot(t -> {
                Parts q = new Parts(y, v, x, t);
                return q.ypppy - q.trW;
            }, scale);
            case PM, EB -> Roots.decreasingRoot(t -> new Parts(y, v, x, t).ypy - (k - p), scale);
            case DL -> {
                Parts q = new Parts(y, v, x, 0);
                yield Math.max(0, (q.ypy - (k - p)) / q.trP);
            }
            case HS -> {
                Parts q = new Parts(y, v, x, 0);
                yield Math.max(0, (q.ypy - k) / q.trW);
            }
            case HE -> {
                double[] ones = new double[k];
                java.util.Arrays.fill(ones, 1);
                Parts ols = new Parts(y, ones, x, -0.0);
                // with unit weights P = I - X(X'X)^-1X'; RSS = y'Py and tr(PV) = sum_i P_ii v_i
                double trPV = 0;
                for (int i = 0; i < k; i++) {
                    trPV += ols.pm.getEntry(i, i) * v[i];
                }
                yield Math.max(0, (ols.ypy - trPV) / (k - p));
            }
            case SJ -> {
                double mean = 0;
                for (int i = 0; i < k; i++) {
                    mean += y.getEntry(i) / k;
                }
                double t0 = 0;
                for (int i = 0; i < k; i++) {
                    t0 += (y.getEntry(i) - mean) * (y.getEntry(i) - mean) / k;
                }
                yield t0 * new Parts(y, v, x, t0).ypy / (k - p);
            }
        };
    }
}
