package org.mscmeta.analysis;

/**
 * Common-effect pooled result on both scales.
 *
 * @param method      "MH", "IV" or "PETO"
 * @param logEstimate estimate on the analysis scale (log ratio, or the difference for RD)
 * @param se          standard error on the analysis scale
 * @param z           Wald statistic
 * @param p           two-sided p-value
 * @param estimate    estimate on the natural scale
 * @param ciLower     lower limit, natural scale
 * @param ciUpper     upper limit, natural scale
 */
public record CommonResult(String method, double logEstimate, double se, double z, double p, double estimate,
                           double ciLower, double ciUpper) {
}
