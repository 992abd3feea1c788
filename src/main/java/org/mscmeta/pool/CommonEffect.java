package org.mscmeta.pool;

/**
 * A common-effect (fixed-effect) pooled estimate on the analysis scale (log scale for RR and OR).
 *
 * @param method        "MH", "IV" or "PETO"
 * @param estimate      pooled effect on the analysis scale
 * @param se            its standard error
 * @param z             Wald statistic {@code estimate / se}
 * @param p             two-sided p-value
 * @param ciLower       lower confidence limit, analysis scale
 * @param ciUpper       upper confidence limit, analysis scale
 * @param weightPercent each study's weight in percent, indexed like the input tables (NaN where not used)
 */
public record CommonEffect(String method, double estimate, double se, double z, double p,
                           double ciLower, double ciUpper, double[] weightPercent) {

    /** Builds the Wald z, p and confidence interval from an estimate and its standard error. */
    static CommonEffect wald(String method, double estimate, double se, double level, double[] weights) {
        double z = estimate / se;
        double crit = Distributions.zCritical(level);
        return new CommonEffect(method, estimate, se, z, Distributions.pNormalTwoSided(z),
                estimate - crit * se, estimate + crit * se, Weights.toPercent(weights));
    }

    /**
     * True when the estimate exists (it does not when, e.g., no control arm had an event). Its standard error may
     * be 0 (the Mantel-Haenszel risk ratio of tables whose every participant had the event: log RR 0, as metafor),
     * and then z and p do not exist: {@link #hasTest()}.
     */
    public boolean isEstimable() {
        return Double.isFinite(estimate) && Double.isFinite(se) && se >= 0;
    }

    /** True when the estimate has a positive standard error, so that z, p and a proper interval exist. */
    public boolean hasTest() {
        return isEstimable() && se > 0;
    }
}
