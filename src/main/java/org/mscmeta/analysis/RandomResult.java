package org.mscmeta.analysis;

/**
 * Random-effects pooled result on both scales.
 *
 * <p>Never null in an {@link Analysis}: without a random-effects model (none asked for, or no study to pool) the
 * result is {@linkplain #isFitted() not fitted}, every number NaN and {@link #notEstimable()} says why.
 *
 * @param tau2Method  tau2 estimator, e.g. "REML" ("ML" for a GLMM); null when no model was fitted
 * @param hksj        Hartung-Knapp-Sidik-Jonkman adjustment used
 * @param k           studies in the model
 * @param tau2        between-study variance
 * @param tau         its square root
 * @param logEstimate mean effect on the analysis scale
 * @param se          its standard error (HKSJ when {@code hksj})
 * @param statistic   z, or t with {@code df} degrees of freedom
 * @param df          degrees of freedom of t; NaN for z
 * @param p           two-sided p-value
 * @param estimate    mean effect, natural scale (NaN: not estimable)
 * @param ciLower     lower limit, natural scale
 * @param ciUpper     upper limit, natural scale
 * @param piLower     lower prediction limit, natural scale (NaN when k &lt; 3)
 * @param piUpper     upper prediction limit, natural scale (NaN when k &lt; 3)
 * @param i2          I2 from tau2 in percent, {@code 100 tau2 / (tau2 + s2)} with the typical within-study
 *                    variance s2 (what metafor's {@code rma.uni} and {@code rma.glmm} print; RevMan and meta give I2
 *                    from Q, the analysis' heterogeneity I2)
 * @param h2          H2 from tau2, {@code (tau2 + s2) / s2} (metafor's {@code rma.uni})
 * @param logLik      maximised log-likelihood of a GLMM; NaN for inverse-variance models
 * @param notEstimable what does not exist and why, in words (null when everything does)
 */
public record RandomResult(String tau2Method, boolean hksj, int k, double tau2, double tau, double logEstimate,
                           double se, double statistic, double df, double p, double estimate, double ciLower,
                           double ciUpper, double piLower, double piUpper, double i2, double h2, double logLik,
                           String notEstimable) {

    /** The reason of a result without a random-effects model because none was asked for. */
    public static final String NOT_ASKED = "no random-effects model was asked for (--tau2 none)";

    /** True when there is no random-effects model because none was asked for. */
    public boolean notAsked() {
        return NOT_ASKED.equals(notEstimable) && !isFitted();
    }

    /** No model: every value NaN, the reason in {@link #notEstimable()}. */
    public static RandomResult absent(String reason) {
        double nan = Double.NaN;
        return new RandomResult(null, false, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                nan, reason);
    }

    /** True when a model was fitted (its estimate may still not exist: see {@link #isEstimable()}). */
    public boolean isFitted() {
        return tau2Method != null;
    }

    /** True when the pooled estimate exists. */
    public boolean isEstimable() {
        return Double.isFinite(estimate);
    }

    /**
     * Why a Hartung-Knapp model of two or more studies has no t and p: their effects are identical, so the
     * Hartung-Knapp standard error is 0 (Hartung and Knapp 2001 scale the variance by the studies' spread).
     */
    public static final String HK_IDENTICAL_WHY = "the studies' effects are identical, so the Hartung-Knapp standard"
            + " error is 0 and the interval has no width";

    /** {@link #HK_IDENTICAL_WHY} as {@link #notEstimable()} gives it. */
    public static final String HK_IDENTICAL = "t and p not estimable: " + HK_IDENTICAL_WHY;

    /** Why the model's test does not exist where its estimate does ({@link #HK_IDENTICAL_WHY}), or null. */
    public String testNotEstimable() {
        return isEstimable() && hksj && k >= 2 && !Double.isFinite(statistic) ? HK_IDENTICAL_WHY : null;
    }

    /** Why a prediction interval needs three studies (Higgins, Thompson and Spiegelhalter 2009; metafor's predict). */
    public static final String PI_TOO_FEW = "k < 3: a prediction interval needs at least three studies";

    /**
     * Why the model has no prediction interval, or null when it has one, or when there is no model (its own
     * {@link #notEstimable()} says why).
     */
    public String predictionNotEstimable() {
        return !isEstimable() || Double.isFinite(piLower) ? null : k < 3 ? PI_TOO_FEW
                : "the prediction interval could not be computed";
    }
}
