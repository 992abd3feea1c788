package org.mscmeta.pool;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Adaptive Gauss-Hermite quadrature of one study's marginal binomial likelihood over a standard-normal random
 * effect b, as lme4's {@code glmer(nAGQ = n)} (Liu and Pierce 1994, Biometrika 81:624-9; Pinheiro and Bates 1995):
 * the integrand {@code f(y | b) phi(b)} is centred at its mode {@code b^} and scaled by
 * {@code s = (-h''(b^))^(-1/2)}, {@code h = log f + log phi}, and
 * {@code log int = log(sqrt 2 s) + log sum_k w_k exp(x_k^2) f(y | b^ + sqrt2 s x_k) phi(b^ + sqrt2 s x_k)}
 * with the nodes {@code x_k} and weights {@code w_k} of the {@code e^(-x^2)} rule (Commons Math). With one node it
 * is the Laplace approximation.
 *
 * <p>A study contributes binomial terms {@code y_j ~ Bin(n_j, expit(c_j + a_j b))}. The binomial coefficients are
 * constants of the data and are left out of the integral; {@link #logChoose} gives them for a reported
 * log-likelihood.
 */
public final class AdaptiveGaussHermite {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private final double[] nodes;
    private final double[] logWeights;

    /** A rule with {@code points} nodes (lme4's default in metafor: 7). */
    public AdaptiveGaussHermite(int points) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
        nodes = new double[points];
        logWeights = new double[points];
        for (int i = 0; i < points; i++) {
            nodes[i] = rule.getPoint(i);
            logWeights[i] = Math.log(rule.getWeight(i));
        }
    }

    /**
     * Log of {@code int prod_j Bin(y_j; n_j, expit(c_j + a_j b)) phi(b) db}.
     *
     * @param y events of each term
     * @param n trials of each term
     * @param c linear predictor of each term at b = 0
     * @param a coefficient of b in each term
     */
    public double logIntegral(int[] y, int[] n, double[] c, double[] a) {
        double b = mode(y, n, c, a);
        double h2 = -1;
        for (int j = 0; j < y.length; j++) {
            double p = expit(c[j] + a[j] * b);
            h2 -= a[j] * a[j] * n[j] * p * (1 - p);
        }
        double s = 1 / Math.sqrt(-h2);
        double scale = Math.sqrt(2) * s;
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            double bk = b + scale * nodes[k];
            terms[k] = logWeights[k] + nodes[k] * nodes[k] + logJoint(y, n, c, a, bk);
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return Math.log(scale) + max + Math.log(sum);
    }

    /**
     * The mode in b of {@code f(y | b) phi(b)} (lme4's conditional mode), by Newton's method with step halving (the
     * log-integrand is strictly concave; a full Newton step can overshoot far from the mode, where the binomial terms
     * are flat).
     */
    static double mode(int[] y, int[] n, double[] c, double[] a) {
        double b = 0;
        double h = logJoint(y, n, c, a, b);
        for (int iter = 0; iter < 200; iter++) {
            double d1 = -b;
            double d2 = -1;
            for (int j = 0; j < y.length; j++) {
                double p = expit(c[j] + a[j] * b);
                d1 += a[j] * (y[j] - n[j] * p);
                d2 -= a[j] * a[j] * n[j] * p * (1 - p);
            }
            double step = d1 / d2;
            double next = b - step;
            double hn = logJoint(y, n, c, a, next);
            double scale = 1;
            while (!(hn >= h) && scale > 1e-12) {
                scale /= 2;
                next = b - scale * step;
                hn = logJoint(y, n, c, a, next);
            }
            double moved = Math.abs(next - b);
            if (hn >= h) {
                b = next;
                h = hn;
            }
            if (moved < 1e-13 * Math.max(1, Math.abs(b))) {
                break;
            }
        }
        return b;
    }

    /** The sum of the log binomial coefficients of a study's terms. */
    public static double logChooseSum(int[] y, int[] n) {
        double s = 0;
        for (int j = 0; j < y.length; j++) {
            s += logChoose(n[j], y[j]);
        }
        return s;
    }

    /** {@code log f(y | b) + log phi(b)}. */
    private static double logJoint(int[] y, int[] n, double[] c, double[] a, double b) {
        double l = -0.5 * b * b - LOG_SQRT_2PI;
        for (int j = 0; j < y.length; j++) {
            l += logBinomial(y[j], n[j], c[j] + a[j] * b);
        }
        return l;
    }

    /** {@code log Bin(y; n, expit(eta))} without the binomial coefficient, stable for large |eta|. */
    public static double logBinomial(int y, int n, double eta) {
        // log p = -log(1 + e^-eta), log q = -log(1 + e^eta), from one exponential of -|eta|
        double l = Math.log(1 + Math.exp(-Math.abs(eta)));
        double logP = eta > 0 ? -l : eta - l;
        double logQ = eta > 0 ? -eta - l : -l;
        return y * logP + (n - y) * logQ;
    }

    static double logChoose(int n, int k) {
        return org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficientLog(n, k);
    }

    static double expit(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
