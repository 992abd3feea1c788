package org.mscmeta.analysis;

/**
 * One row of the zero-event sensitivity table: an outcome pooled under one of the methods the field uses for
 * rare events (Cochrane Handbook 10.4.4; Sweeting et al. 2004; Friedrich et al. 2007).
 *
 * @param method   what was done, e.g. "Mantel-Haenszel, no correction"
 * @param measure  the measure of this row (Peto and GLMM estimate odds ratios)
 * @param model    "common" or "random"
 * @param k        studies pooled
 * @param estimate pooled estimate, natural scale (NaN when it does not exist)
 * @param ciLower  lower limit
 * @param ciUpper  upper limit
 * @param note     why a row has no estimate, else null
 */
public record ZeroEventRow(String method, String measure, String model, int k, double estimate, double ciLower,
                           double ciUpper, String note) {

    /**
     * The settings of the table's inverse-variance rows for a run of settings {@code s}: its random-effects model,
     * with REML where the run has none ({@code --tau2 none}), so that the corrected analyses are comparable with
     * the random-effects GLMM row.
     */
    public static Settings inverseVariance(Settings s) {
        return s.withBy(java.util.List.of()).withSensitivity(SensitivityMode.NONE).withMethod(Method.IV)
                .withTau2(s.mixedEffectsTau2());
    }
}
