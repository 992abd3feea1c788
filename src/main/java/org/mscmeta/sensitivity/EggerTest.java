package org.mscmeta.sensitivity;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.mscmeta.pool.Distributions;

/**
 * Egger's regression test for funnel-plot asymmetry (Egger, Davey Smith, Schneider and Minder 1997, BMJ
 * 315:629-34), in metafor's {@code regtest(model="lm", predictor="sei")} form: weighted least squares of
 * {@code y} on {@code se} with weights {@code 1/se^2} and a multiplicative dispersion; the slope of {@code se} is
 * the bias (it equals the intercept of the classic standardised-effect regression), tested with t on k-2 df;
 * the intercept is the limit estimate (the effect at se = 0, analysis scale).
 *
 * @param bias          slope of se
 * @param t             t statistic of the slope
 * @param df            k - 2
 * @param p             two-sided p-value
 * @param limitEstimate intercept, analysis scale
 */
public record EggerTest(double bias, double t, int df, double p, double limitEstimate) {

    /** Runs the test; needs k >= 3. */
    public static EggerTest of(double[] y, double[] v) {
        int k = y.length;
        WeightedLeastSquares reg = WeightedLeastSquares.onStandardError(y, v);
        double[] b = reg.b();
        int df = k - 2;
        double sigma2 = reg.rss() / df;
        RealMatrix cov = new LUDecomposition(WeightedLeastSquares.xtwx(reg.se(), reg.w())).getSolver().getInverse()
                .scalarMultiply(sigma2);
        double se = Math.sqrt(cov.getEntry(1, 1));
        double t = b[1] / se;
        return new EggerTest(b[1], t, df, Distributions.pTTwoSided(t, df), b[0]);
    }
}
