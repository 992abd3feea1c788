package org.mscmeta.analysis;

import java.util.List;
import org.mscmeta.sensitivity.BeggTest;
import org.mscmeta.sensitivity.EggerTest;
import org.mscmeta.sensitivity.MetaRegression;

/**
 * Sensitivity and small-study analyses of an outcome's overall analysis, natural scale unless named otherwise.
 *
 * @param leaveOneOut    the model without each study in turn
 * @param cumulative     the model as studies are added by year (then input order)
 * @param egger          Egger's regression test; null when k &lt; 3
 * @param begg           Begg's rank test; null when k &lt; 3
 * @param trimAndFill    trim and fill (common-effect IV model, L0); null when k &lt; 3
 * @param metaRegression meta-regression on the moderators asked for; null when none or too few studies
 */
public record Sensitivity(List<Step> leaveOneOut, List<Step> cumulative, EggerTest egger, BeggTest begg,
                          Filled trimAndFill, MetaRegression metaRegression) {

    /**
     * One refit.
     *
     * @param study    the study omitted (leave-one-out) or added (cumulative)
     * @param estimate pooled estimate, natural scale
     * @param ciLower  lower limit
     * @param ciUpper  upper limit
     * @param tau2     tau2 of the refit (0 for a common-effect model)
     * @param q        Cochran's Q of the refit
     */
    public record Step(String study, double estimate, double ciLower, double ciUpper, double tau2, double q) {
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
     */
    public record Filled(String side, int k0, double estimate, double ciLower, double ciUpper,
                         double[] filledEstimates, double[] filledSe) {
    }
}
