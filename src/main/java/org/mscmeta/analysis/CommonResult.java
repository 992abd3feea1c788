package org.mscmeta.analysis;

/**
 * Common-effect pooled result on both scales.
 *
 * <p>Never null in an {@link Analysis}: where no common-effect model could be fitted (no study to pool) the result
 * is {@linkplain #isFitted() not fitted}, every number NaN and {@link #notEstimable()} says why.
 *
 * @param method       "MH", "IV", "PETO" or "GLMM"; null when no model was fitted
 * @param k            studies (tables) the model used: Mantel-Haenszel and Peto pool every table, including those
 *                     without a study estimate (no events, or only events, in both arms), as metafor's
 *                     {@code rma.mh} and {@code rma.peto} count them; inverse variance and the GLMM the studies
 *                     with an estimate
 * @param logEstimate  estimate on the analysis scale (log ratio, or the difference for RD)
 * @param se           standard error on the analysis scale
 * @param z            Wald statistic (NaN when se = 0)
 * @param p            two-sided p-value (NaN when se = 0)
 * @param estimate     estimate on the natural scale (NaN: not estimable)
 * @param ciLower      lower limit, natural scale
 * @param ciUpper      upper limit, natural scale
 * @param logLik       maximised log-likelihood of a GLMM; NaN for the other methods
 * @param notEstimable what does not exist and why, in words (null when everything does)
 */
public record CommonResult(String method, int k, double logEstimate, double se, double z, double p, double estimate,
                           double ciLower, double ciUpper, double logLik, String notEstimable) {

    /** No model: every value NaN, the reason in {@link #notEstimable()}. */
    public static CommonResult absent(String reason) {
        double nan = Double.NaN;
        return new CommonResult(null, 0, nan, nan, nan, nan, nan, nan, nan, nan, reason);
    }

    /** True when a model was fitted (its estimate may still not exist: see {@link #isEstimable()}). */
    public boolean isFitted() {
        return method != null;
    }

    /** True when the pooled estimate exists. */
    public boolean isEstimable() {
        return Double.isFinite(estimate);
    }
}
