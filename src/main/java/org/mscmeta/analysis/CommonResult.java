package org.mscmeta.analysis;

/**
 * Common-effect pooled result on both scales.
 *
 * @param method       "MH", "IV", "PETO" or "GLMM"
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

    /** True when the pooled estimate exists. */
    public boolean isEstimable() {
        return Double.isFinite(estimate);
    }
}
