package org.mscmeta.pool;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The few distribution functions the pooling needs, from Apache Commons Math, in the forms that keep
 * precision in the far tails (p-values of 1e-30 are common with large trials): upper tails come from the
 * complementary error function and the regularized incomplete gamma function, not from {@code 1 - cdf}.
 */
public final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double SQRT2 = Math.sqrt(2);

    private Distributions() {
    }

    private static final double Z95 = STANDARD_NORMAL.inverseCumulativeProbability(0.975);

    /** Two-sided normal critical value for a confidence level, e.g. 1.959964 for 0.95. */
    public static double zCritical(double level) {
        return level == 0.95 ? Z95 : STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** Two-sided t critical value with {@code df} degrees of freedom. */
    public static double tCritical(double level, double df) {
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** Two-sided p-value of a standard normal statistic: {@code 2 (1 - Phi(|z|)) = erfc(|z|/sqrt 2)}. */
    public static double pNormalTwoSided(double z) {
        return Erf.erfc(Math.abs(z) / SQRT2);
    }

    /** Two-sided p-value of a t statistic with {@code df} degrees of freedom. */
    public static double pTTwoSided(double t, double df) {
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** Upper-tail probability {@code P(X >= q)} of a chi-square variable with {@code df} degrees of freedom. */
    public static double pChiSquareUpper(double q, double df) {
        if (q <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2, q / 2);
    }

    /** Quantile of the chi-square distribution with {@code df} degrees of freedom. */
    public static double chiSquareQuantile(double p, double df) {
        // chi-square(df) = Gamma(df/2, scale 2); built directly because ChiSquaredDistribution creates its Gamma
        // with a fresh random generator (a Well19937c seeded per call) that is never used
        return new GammaDistribution(null, df / 2, 2, 1e-14).inverseCumulativeProbability(p);
    }
}
