package org.mscmeta.analysis;

/**
 * One pooled estimate as a reader quotes it: the value on the natural scale (RR, OR, RD or a proportion) with its
 * confidence interval and p-value, or "not estimable" with the reason. Never null where the library returns it.
 *
 * @param model        "random" or "common"
 * @param method       the common-effect method ("MH", "IV", "PETO", "GLMM") or the tau2 estimator of the random
 *                     model ("REML", "DL", ...); null when no model was fitted
 * @param k            studies (tables) in the model
 * @param value        the estimate, natural scale; NaN when not estimable
 * @param ciLower      lower confidence limit; NaN when not estimable
 * @param ciUpper      upper confidence limit; NaN when not estimable
 * @param p            two-sided p-value of the test of no effect; NaN when it does not exist
 * @param notEstimable why the estimate (or its p-value) does not exist, in words; null when they do
 */
public record Estimate(String model, String method, int k, double value, double ciLower, double ciUpper, double p,
                       String notEstimable) {

    /** The random-effects model's estimate. */
    public static Estimate of(RandomResult r) {
        return new Estimate("random", r.tau2Method(), r.k(), r.estimate(), r.ciLower(), r.ciUpper(), r.p(),
                reason(r.isEstimable(), r.p(), r.notEstimable()));
    }

    /** The common-effect model's estimate. */
    public static Estimate of(CommonResult c) {
        return new Estimate("common", c.method(), c.k(), c.estimate(), c.ciLower(), c.ciUpper(), c.p(),
                reason(c.isEstimable(), c.p(), c.notEstimable()));
    }

    /** The model's reason where the estimate or its p-value does not exist (not the prediction interval's). */
    private static String reason(boolean estimable, double p, String given) {
        if (estimable && Double.isFinite(p)) {
            return null;
        }
        return given != null ? given : "not estimable";
    }

    /** True when the estimate exists. */
    public boolean isEstimable() {
        return Double.isFinite(value);
    }
}
