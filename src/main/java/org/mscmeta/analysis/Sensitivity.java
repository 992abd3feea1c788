package org.mscmeta.analysis;

import java.util.List;
import org.mscmeta.sensitivity.BeggTest;
import org.mscmeta.sensitivity.EggerTest;
import org.mscmeta.sensitivity.MetaRegression;

/**
 * Sensitivity and small-study analyses of an outcome's overall analysis, natural scale unless named otherwise.
 *
 * @param leaveOneOut    the analysed model without each study in turn
 * @param cumulative     the analysed model as studies are added by year (then input order)
 * @param egger          Egger's regression test; null when k &lt; 3
 * @param begg           Begg's rank test; null when k &lt; 3
 * @param trimAndFill    trim and fill (common-effect IV model, L0); null when k &lt; 3
 * @param metaRegression meta-regression on the moderators asked for; null when none were asked or it cannot be
 *                       fitted
 * @param smallStudyNotEstimable why Egger's and Begg's tests and trim and fill are null: fewer than 3 studies with
 *                       an estimate of their own ({@link #fewerThanThree}), or every study with the same standard
 *                       error, where metafor's {@code regtest} and {@code trimfill} stop and {@code ranktest} gives
 *                       NA ({@link #SAME_PRECISION}); null where they exist
 * @param metaRegressionNotEstimable why {@code metaRegression} is null where moderators were asked (too few studies
 *                       with a value of every moderator for its coefficients, no moderator that varies); null
 *                       otherwise
 */
public record Sensitivity(List<Step> leaveOneOut, List<Step> cumulative, EggerTest egger, BeggTest begg,
                          Filled trimAndFill, MetaRegression metaRegression, String smallStudyNotEstimable,
                          String metaRegressionNotEstimable) {

    /** Without a reason for absent small-study tests or meta-regression. */
    public Sensitivity(List<Step> leaveOneOut, List<Step> cumulative, EggerTest egger, BeggTest begg,
                       Filled trimAndFill, MetaRegression metaRegression) {
        this(leaveOneOut, cumulative, egger, begg, trimAndFill, metaRegression, null, null);
    }

    /** The reason given when there are {@code k} &lt; 3 studies to test: the tests need three. */
    public static String fewerThanThree(int k) {
        return "fewer than 3 studies with an estimate of their own (k = " + k + "), which a test of funnel"
                + " asymmetry needs";
    }

    /** The reason given when every study has the same standard error. */
    public static final String SAME_PRECISION = "every study has the same standard error, so the funnel plot has no"
            + " spread of precision to test for asymmetry";

    /**
     * One refit: the analysed model (same method, estimator, convention and settings) on the studies of a step. The
     * values are those of the model the plots show: the random-effects model when there is one (as metafor's
     * {@code leave1out} and {@code cumul} of an {@code rma.uni} fit), else the common-effect model (of an
     * {@code rma.mh} / {@code rma.peto} fit).
     *
     * @param study        the study omitted (leave-one-out) or added (cumulative)
     * @param row          its spreadsheet row
     * @param model        "random" or "common"
     * @param k            studies in the refit's model
     * @param estimate     pooled estimate, natural scale
     * @param ciLower      lower limit
     * @param ciUpper      upper limit
     * @param logEstimate  estimate on the analysis scale
     * @param se           its standard error
     * @param statistic    z (t with {@code df} degrees of freedom under HKSJ)
     * @param df           degrees of freedom of t; NaN for z
     * @param p            two-sided p-value
     * @param tau2         tau2 of the refit; NaN for a common-effect model
     * @param q            Cochran's Q of the refit (around its common-effect estimate)
     * @param qp           p-value of Q
     * @param i2           I2 in percent: from tau2 for the random-effects model (as {@code rma.uni}), from Q for
     *                     the common-effect model (as {@code rma.mh})
     * @param h2           H2, likewise
     * @param notEstimable what does not exist and why (null when everything does)
     */
    public record Step(String study, int row, String model, int k, double estimate, double ciLower, double ciUpper,
                       double logEstimate, double se, double statistic, double df, double p, double tau2, double q,
                       double qp, double i2, double h2, String notEstimable) {
    }

    /**
     * Trim and fill, natural scale.
     *
     * @param side     where the filled studies go
     * @param k0       number of filled studies
     * @param estimate estimate with them
     * @param ciLower  lower limit
     * @param ciUpper  upper limit
     * @param filledEstimates the filled studies' effects, natural scale
     * @param filledSe their standard errors, analysis scale
     * @param filledYi the filled studies' effects, analysis scale
     */
    public record Filled(String side, int k0, double estimate, double ciLower, double ciUpper,
                         double[] filledEstimates, double[] filledSe, double[] filledYi) {
    }
}
