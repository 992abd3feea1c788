package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.Measure;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * The zero-event sensitivity table of an outcome with at least one zero cell: the pooled estimate under the
 * Mantel-Haenszel method without correction (raw counts, as metafor's {@code rma.mh}, under every convention),
 * Peto's odds ratio, the GLMM of odds ratios (the model of {@code --glmm-model}), inverse variance with the 0.5
 * correction, the treatment-arm correction, and with double-zero studies included. Each row is an ordinary
 * analysis with changed settings, so every number is one the engine validates elsewhere.
 */
final class ZeroEventSensitivity {

    /** GLMM fits are skipped above this many studies in AUTO mode (each takes seconds). */
    static final int GLMM_MAX_K = 60;
    /** The GLMM row's label, by the model of {@code --glmm-model} (UM.FS, or UM.RS). */
    private static String glmm(Settings s) {
        return s.glmmModel().equals("UM.RS") ? "Mixed logistic model (random study effects)"
                : "Mixed logistic model (fixed study effects)";
    }

    private ZeroEventSensitivity() {
    }

    /**
     * The table, or an empty list when no study has a zero cell, the measure is a proportion, or (in AUTO mode) the
     * outcome has more than {@link SensitivityMode#AUTO_MAX_K} studies.
     */
    static List<ZeroEventRow> run(ExtractionSheet sheet, String outcome, int[] rows, Settings s) {
        Measure m = s.measure();
        if (m.isProportion() || s.sensitivity() == SensitivityMode.NONE || !anyZeroCell(sheet, rows)
                || (s.sensitivity() == SensitivityMode.AUTO && rows.length > SensitivityMode.AUTO_MAX_K)) {
            return List.of();
        }
        Settings base = s.withBy(List.of()).withSensitivity(SensitivityMode.NONE);
        List<ZeroEventRow> out = new ArrayList<>();
        // raw counts as metafor's rma.mh pools them, whatever the convention: under RevMan 5's and R meta's,
        // Mantel-Haenszel itself adds the correction to studies with a zero cell (the row gave their corrected value)
        out.add(common("Mantel-Haenszel, no correction", base.withMethod(Method.MH)
                .withConvention(org.mscmeta.effect.Convention.METAFOR), sheet, outcome, rows));
        out.add(common("Peto", base.withMeasure(Measure.OR).withMethod(Method.PETO), sheet, outcome, rows));
        if (rows.length <= GLMM_MAX_K || s.sensitivity() == SensitivityMode.ALL) {
            out.add(random(glmm(s), base.withMeasure(Measure.OR).withTau2(org.mscmeta.pool.TauSquared.ML)
                    .withMethod(Method.GLMM), sheet, outcome, rows));
        } else {
            out.add(new ZeroEventRow(glmm(s), "OR", "random", rows.length, Double.NaN, Double.NaN, Double.NaN,
                    "skipped for k > " + GLMM_MAX_K + " (use --sensitivity all)"));
        }
        Settings iv = ZeroEventRow.inverseVariance(s);
        out.add(random("Inverse variance, correction 0.5", iv.withCc(0.5, CcMode.ONLY0), sheet, outcome, rows));
        out.add(random("Inverse variance, treatment-arm correction", iv.withCc(0.5, CcMode.TACC), sheet, outcome,
                rows));
        out.add(random("Inverse variance, double-zero studies included", iv.withCc(0.5, CcMode.ONLY0)
                .withDoubleZero(DoubleZero.INCLUDE), sheet, outcome, rows));
        return List.copyOf(out);
    }

    /** Whether a study of {@code rows} has a zero cell (no events, or only events, in an arm). */
    static boolean anyZeroCell(ExtractionSheet sheet, int[] rows) {
        for (int r : rows) {
            int a = sheet.eventsMsc()[r];
            int c = sheet.eventsControl()[r];
            if (a == 0 || c == 0 || a == sheet.nMsc()[r] || c == sheet.nControl()[r]) {
                return true;
            }
        }
        return false;
    }

    private static ZeroEventRow common(String label, Settings s, ExtractionSheet sheet, String outcome, int[] rows) {
        Analysis a = PooledModel.fit(sheet, outcome, null, rows, s.withTau2(null));
        CommonResult c = a.common();
        boolean ok = Double.isFinite(c.estimate());
        // k as the main analysis's common model counts it: Mantel-Haenszel and Peto pool every table, also those
        // without a study estimate of their own
        return new ZeroEventRow(label, s.measure().name(), "common", c.k(), ok ? c.estimate() : Double.NaN,
                ok ? c.ciLower() : Double.NaN, ok ? c.ciUpper() : Double.NaN,
                ok ? null : "not estimable: " + (c.notEstimable() != null ? c.notEstimable() : "no events in one arm"));
    }

    private static ZeroEventRow random(String label, Settings s, ExtractionSheet sheet, String outcome, int[] rows) {
        Analysis a = PooledModel.fit(sheet, outcome, null, rows, s);
        RandomResult r = a.random();
        boolean ok = Double.isFinite(r.estimate());
        return new ZeroEventRow(label, s.measure().name(), "random", a.k(), ok ? r.estimate() : Double.NaN,
                ok ? r.ciLower() : Double.NaN, ok ? r.ciUpper() : Double.NaN, ok ? null
                        : "not estimable: " + (r.notEstimable() != null ? r.notEstimable()
                        : a.k() < 2 ? "k < 2" : "no finite maximum"));
    }
}
