package org.mscmeta.pool;

/**
 * Cochran's Q and the statistics derived from it.
 *
 * <p>{@code Q = sum w (y - theta)^2} with {@code w = 1/v} around the common-effect estimate {@code theta} of
 * the chosen method (for MH around the MH estimate, as metafor's {@code rma.mh}; for Peto around Peto's),
 * {@code df = k - 1}, p from chi-square(df), {@code I2 = max(0, (Q - df)/Q) * 100} and {@code H2 = Q/df}
 * (Higgins and Thompson 2002, Stat Med 21:1539-58).
 *
 * <p>Confidence interval for tau2 by the Q-profile method (Viechtbauer 2007, Stat Med 26:37-52; metafor
 * {@code confint.rma.uni}): the tau2 at which the generalised Q equals the upper and lower chi-square(k-1)
 * quantiles; the I2 interval follows from it as {@code 100 tau2 / (tau2 + s2)} with the typical
 * within-study variance {@code s2 = (k-1) sum w / ((sum w)^2 - sum w^2)}.
 *
 * @param q            Cochran's Q
 * @param df           k - 1
 * @param p            p-value of Q; 1 when df = 0 (as metafor)
 * @param i2           I2 in percent; 0 when df = 0
 * @param h2           H2; 1 when df = 0
 * @param tau2Lower    Q-profile lower limit for tau2; NaN when k &lt; 2
 * @param tau2Upper    Q-profile upper limit for tau2
 * @param i2Lower      lower limit for I2, percent
 * @param i2Upper      upper limit for I2, percent
 * @param glmm         under the GLMM, the mixed model's own tests for heterogeneity ({@link HeterogeneityTests});
 *                     null otherwise
 */
public record Heterogeneity(double q, int df, double p, double i2, double h2,
                            double tau2Lower, double tau2Upper, double i2Lower, double i2Upper,
                            HeterogeneityTests glmm) {

    /** Q and what follows from it, without a mixed model's tests ({@link #glmm} null). */
    public Heterogeneity(double q, int df, double p, double i2, double h2, double tau2Lower, double tau2Upper,
                         double i2Lower, double i2Upper) {
        this(q, df, p, i2, h2, tau2Lower, tau2Upper, i2Lower, i2Upper, null);
    }

    /** The same with a mixed logistic model's Wald and likelihood-ratio tests for heterogeneity. */
    public Heterogeneity withGlmmTests(HeterogeneityTests tests) {
        return new Heterogeneity(q, df, p, i2, h2, tau2Lower, tau2Upper, i2Lower, i2Upper, tests);
    }

    /**
     * Computes Q around {@code center} and the Q-profile intervals.
     *
     * @param y      included studies' effects
     * @param v      their sampling variances
     * @param center the common-effect estimate of the chosen method
     * @param level  confidence level of the tau2 and I2 intervals
     */
    public static Heterogeneity of(double[] y, double[] v, double center, double level) {
        Heterogeneity plain = q(y, v, center);
        int k = y.length;
        int df = plain.df();
        if (df < 1) {
            return plain;
        }
        double q = plain.q();
        double alpha = 1 - level;
        double qHigh = Distributions.chiSquareQuantile(1 - alpha / 2, df);
        double qLow = Distributions.chiSquareQuantile(alpha / 2, df);
        double scale = 0;
        for (double vi : v) {
            scale += vi;
        }
        scale /= k;
        double tauLo = Roots.qProfileRoot(y, v, qHigh, scale);
        double tauHi = Roots.qProfileRoot(y, v, qLow, scale);
        double s2 = typicalVariance(v);
        return new Heterogeneity(q, df, plain.p(), plain.i2(), plain.h2(), tauLo, tauHi,
                100 * tauLo / (tauLo + s2), 100 * tauHi / (tauHi + s2));
    }

    /**
     * Q around {@code center}, its p-value, I2 and H2, without the Q-profile intervals (for refits, which do not
     * report them). With one study Q = 0 on 0 degrees of freedom, p = 1, I2 = 0 and H2 = 1, as metafor reports them.
     */
    public static Heterogeneity q(double[] y, double[] v, double center) {
        int k = y.length;
        double q = 0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - center;
            q += r * r / v[i];
        }
        int df = k - 1;
        double nan = Double.NaN;
        if (df < 1) {
            // the one residual is rounding (the center is w y / w), not heterogeneity
            return new Heterogeneity(0, Math.max(df, 0), 1, 0, 1, nan, nan, nan, nan);
        }
        double i2 = q > 0 ? Math.max(0, (q - df) / q) * 100 : 0;
        return new Heterogeneity(q, df, Distributions.pChiSquareUpper(q, df), i2, q / df, nan, nan, nan, nan);
    }

    /**
     * The typical within-study variance {@code s2 = (k-1) sum w / ((sum w)^2 - sum w^2)}, {@code w = 1/v}
     * (Higgins and Thompson 2002), from which metafor derives I2 and H2 from tau2; NaN when k &lt; 2.
     */
    public static double typicalVariance(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double sw = 0;
        double sw2 = 0;
        for (double vi : v) {
            sw += 1 / vi;
            sw2 += 1 / (vi * vi);
        }
        return (v.length - 1) * sw / (sw * sw - sw2);
    }

    /**
     * Why the Q-profile intervals of tau2 and I2 do not exist, or null when they do: they need two studies
     * (metafor's {@code confint} refuses one).
     */
    public String intervalNotEstimable() {
        return Double.isFinite(tau2Lower) && Double.isFinite(tau2Upper) ? null : df < 1
                ? "k < 2: the Q-profile intervals of tau2 and I2 need at least two studies"
                : "the Q-profile intervals of tau2 and I2 could not be computed";
    }
}
