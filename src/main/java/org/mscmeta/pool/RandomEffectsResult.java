package org.mscmeta.pool;

/**
 * A fitted random-effects model, analysis scale.
 *
 * @param tau2Method    the tau2 estimator, e.g. "REML"
 * @param hksj          whether the Hartung-Knapp-Sidik-Jonkman adjustment was used
 * @param tau2          between-study variance
 * @param estimate      pooled mean effect mu
 * @param se            its standard error (HKSJ-adjusted when {@code hksj})
 * @param statistic     z, or t with {@code df} degrees of freedom when {@code hksj}
 * @param p             two-sided p-value
 * @param ciLower       lower confidence limit
 * @param ciUpper       upper confidence limit
 * @param df            degrees of freedom of the t statistic; NaN for z
 * @param piLower       lower prediction limit; NaN when k &lt; 3
 * @param piUpper       upper prediction limit; NaN when k &lt; 3
 * @param weightPercent each study's weight {@code 1/(v + tau2)} in percent, indexed like the input
 */
public record RandomEffectsResult(String tau2Method, boolean hksj, double tau2, double estimate, double se,
                                  double statistic, double p, double ciLower, double ciUpper, double df,
                                  double piLower, double piUpper, double[] weightPercent) {
}
