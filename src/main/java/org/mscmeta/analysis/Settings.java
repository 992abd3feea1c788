package org.mscmeta.analysis;

import java.util.List;
import java.util.Objects;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.ContinuityCorrection;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.TauSquared;

/**
 * Everything that determines an analysis, with the defaults in one place ({@link #DEFAULTS}). Immutable;
 * the {@code with...} methods return a copy with one option changed, in any order: a combination that cannot be
 * analysed (Peto's method with a risk ratio, say) is named by {@link #conflict()} and refused by
 * {@link MetaAnalysis#run}, not by the {@code with...} call. Every result carries its settings.
 *
 * @param measure    RR (default), OR, RD, or a proportion of MSC recipients (PLOGIT, PFT, PRAW)
 * @param method     MH (default), IV, PETO or GLMM, as asked ({@link #method()}: the one in force)
 * @param tau2       tau2 estimator of the random-effects model (default REML), as asked ({@link #tau2()}: the one in
 *                   force); null for no random model
 * @param hksj       Hartung-Knapp-Sidik-Jonkman adjustment of the random-effects CI (default off); not with the
 *                   GLMM, whose interval is the Wald z interval ({@link Conflict#GLMM_HKSJ})
 * @param cc         continuity correction (default 0.5, only0)
 * @param doubleZero double-zero studies for RR and OR, as given (null: not given, exclude; RD and the proportion
 *                   measures keep them whatever is given: {@link #effectiveDoubleZero()})
 * @param level      confidence level (default 0.95)
 * @param by         subgroup variables; null means "route and cell_source where the sheet has them"
 * @param outcomes   analyse only these outcomes (names as in the sheet, any case); empty for all
 * @param moderators columns for the meta-regression of each outcome, numeric or categorical (default none); run
 *                   whatever {@code sensitivity} says, as it is asked for by name
 * @param sensitivity which sensitivity analyses to run (default {@link SensitivityMode#AUTO})
 * @param glmmModel  GLMM for odds ratios with {@code Method.GLMM}: "UM.FS" (default) or "UM.RS"
 * @param convention the program whose conventions to follow where programs differ (default metafor)
 * @param predictionInterval the prediction interval's quantile; null for the convention's own
 *                   ({@link #prediction()})
 * @param multiplicity the false-discovery-rate control across outcomes (default {@link Multiplicity#DEFAULT})
 * @param controlRisk the assumed control-arm risk of the summary of findings; NaN for the median control-arm risk
 *                   of each outcome's studies
 */
public record Settings(Measure measure, Method method, TauSquared tau2, boolean hksj, ContinuityCorrection cc,
                       DoubleZero doubleZero, double level, List<String> by, List<String> outcomes,
                       List<String> moderators, SensitivityMode sensitivity, String glmmModel,
                       Convention convention, PredictionInterval predictionInterval, Multiplicity multiplicity,
                       double controlRisk) {

    /** RR, MH, REML, no HKSJ, 0.5 only0, double zeros excluded, 95%, default subgroups, all outcomes. */
    public static final Settings DEFAULTS = new Settings(Measure.RR, Method.MH, TauSquared.REML, false,
            ContinuityCorrection.DEFAULT, null, 0.95, null, List.of(), List.of(),
            SensitivityMode.AUTO, "UM.FS", Convention.METAFOR, null, Multiplicity.DEFAULT, Double.NaN);

    public Settings {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(cc, "cc");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1 (e.g. 0.95), got " + level);
        }
        // the combinations of measure, method, tau2 and hksj are checked by conflict(), not here, so that the
        // with... methods can be called in any order (withMethod(PETO).withMeasure(OR)); method() and tau2() give
        // the values in force, the components keep what was asked
        by = by == null ? null : List.copyOf(by);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
        sensitivity = sensitivity == null ? SensitivityMode.AUTO : sensitivity;
        convention = convention == null ? Convention.METAFOR : convention;
        multiplicity = multiplicity == null ? Multiplicity.DEFAULT : multiplicity;
        glmmModel = glmmModel == null ? "UM.FS" : glmmModel.strip().toUpperCase(java.util.Locale.ROOT);
        if (!glmmModel.equals("UM.FS") && !glmmModel.equals("UM.RS")) {
            throw new IllegalArgumentException("--glmm-model: expected UM.FS or UM.RS, got '" + glmmModel + "'");
        }
        if (!Double.isNaN(controlRisk) && !(controlRisk > 0 && controlRisk < 1)) {
            throw new IllegalArgumentException("--control-risk: expected a proportion between 0 and 1 (e.g. 0.12),"
                    + " got " + controlRisk);
        }
    }

    /**
     * The common-effect method in force: the one asked for, except that a proportion (a single arm, with no
     * Mantel-Haenszel estimate) is pooled by inverse variance unless by the GLMM. The component keeps what was asked,
     * so that {@code withMeasure(PLOGIT).withMeasure(RR)} pools by Mantel-Haenszel again.
     */
    @Override
    public Method method() {
        return measure.isProportion() && method != Method.GLMM && method != Method.PETO ? Method.IV : method;
    }

    /**
     * The tau2 estimator in force: the one asked for, except that the GLMM, a likelihood model, estimates by maximum
     * likelihood where the default, REML, was asked (metafor's {@code rma.glmm} has no REML).
     */
    @Override
    public TauSquared tau2() {
        return method == Method.GLMM && tau2 == TauSquared.REML ? TauSquared.ML : tau2;
    }

    /**
     * Equal when the analyses are alike: the values in force ({@link #method()}, {@link #tau2()}) are compared, not
     * what was asked, so that a copy made from the accessors equals its original.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && measure == s.measure && method() == s.method() && tau2() == s.tau2()
                && hksj == s.hksj && cc.equals(s.cc) && doubleZero == s.doubleZero && level == s.level
                && Objects.equals(by, s.by) && outcomes.equals(s.outcomes) && moderators.equals(s.moderators)
                && sensitivity == s.sensitivity && glmmModel.equals(s.glmmModel) && convention == s.convention
                && predictionInterval == s.predictionInterval && multiplicity.equals(s.multiplicity)
                && Double.compare(controlRisk, s.controlRisk) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(measure, method(), tau2(), hksj, cc, doubleZero, level, by, outcomes, moderators,
                sensitivity, glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    /**
     * A combination of settings that cannot be analysed. The rules live here, once; the command line words them
     * with its options, the library with its methods ({@link #message()}).
     */
    public enum Conflict {
        /** The GLMM with a measure other than OR or PLOGIT. */
        GLMM_MEASURE("the GLMM fits odds ratios or logit proportions: withMeasure(Measure.OR) or"
                + " withMeasure(Measure.PLOGIT), or another method"),
        /** The GLMM with a tau2 estimator other than ML (REML, the default, is taken as ML). */
        GLMM_TAU2("the GLMM estimates tau\u00b2 by maximum likelihood: withTau2(TauSquared.ML), or withTau2(null)"
                + " for the common-effect GLMM alone"),
        /** The GLMM with the Hartung-Knapp adjustment, which belongs to the inverse-variance model. */
        GLMM_HKSJ("the Hartung-Knapp adjustment is for the inverse-variance random-effects model; the GLMM has a"
                + " Wald z interval (as metafor's rma.glmm): withHksj(false), or another method"),
        /** Peto's method with a measure other than OR. */
        PETO_MEASURE("Peto's method estimates odds ratios: withMeasure(Measure.OR), or another method");

        private final String message;

        Conflict(String message) {
            this.message = message;
        }

        /** What is wrong and how to put it right, in the library's words. */
        public String message() {
            return message;
        }
    }

    /**
     * The first combination of these settings that cannot be analysed, or null when there is none.
     * {@link MetaAnalysis#run} refuses settings with a conflict.
     */
    public Conflict conflict() {
        if (method == Method.GLMM) {
            if (measure != Measure.OR && measure != Measure.PLOGIT) {
                return Conflict.GLMM_MEASURE;
            }
            if (tau2 != null && tau2 != TauSquared.ML && tau2 != TauSquared.REML) {
                return Conflict.GLMM_TAU2;
            }
            if (hksj) {
                return Conflict.GLMM_HKSJ;
            }
        }
        if (method == Method.PETO && measure != Measure.OR) {
            return Conflict.PETO_MEASURE;
        }
        return null;
    }

    public Settings withMeasure(Measure m) {
        return new Settings(m, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withMethod(Method m) {
        return new Settings(measure, m, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withTau2(TauSquared t) {
        return new Settings(measure, method, t, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withHksj(boolean h) {
        return new Settings(measure, method, tau2, h, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withCc(double value, CcMode mode) {
        return new Settings(measure, method, tau2, hksj, new ContinuityCorrection(value, mode), doubleZero, level, by,
                outcomes, moderators, sensitivity, glmmModel, convention, predictionInterval, multiplicity,
                controlRisk);
    }

    public Settings withDoubleZero(DoubleZero d) {
        return new Settings(measure, method, tau2, hksj, cc, d, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withLevel(double l) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, l, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withBy(List<String> b) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, b, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    /** Only this outcome (null: all). */
    public Settings withOutcome(String o) {
        return withOutcomes(o == null ? List.of() : List.of(o));
    }

    /** Only these outcomes (empty: all). */
    public Settings withOutcomes(List<String> o) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, o, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withModerators(List<String> m) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, m, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withSensitivity(SensitivityMode m) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, m,
                glmmModel, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withGlmmModel(String g) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                g, convention, predictionInterval, multiplicity, controlRisk);
    }

    public Settings withConvention(Convention c) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, c, predictionInterval, multiplicity, controlRisk);
    }

    /** The prediction interval's quantile; null for the convention's own. */
    public Settings withPredictionInterval(PredictionInterval p) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, p, multiplicity, controlRisk);
    }

    public Settings withMultiplicity(Multiplicity m) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, m, controlRisk);
    }

    /** The assumed control-arm risk of the summary of findings; NaN for each outcome's median. */
    public Settings withControlRisk(double r) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcomes, moderators, sensitivity,
                glmmModel, convention, predictionInterval, multiplicity, r);
    }

    /** The double-zero handling in force: RD keeps double-zero studies whatever was asked. */
    public DoubleZero effectiveDoubleZero() {
        return !measure.dropsDoubleZero() ? DoubleZero.INCLUDE : doubleZero == null ? DoubleZero.EXCLUDE : doubleZero;
    }

    /**
     * The tau2 estimator of the models that are mixed-effects models whatever {@code --tau2}: the meta-regressions
     * (moderators, route x cell source) and the zero-event table's inverse-variance rows. The run's own, or REML
     * where it has none ({@code --tau2 none}), as the Cochrane Handbook advises in its section on meta-regression.
     */
    public TauSquared mixedEffectsTau2() {
        return tau2() == null ? TauSquared.REML : tau2();
    }

    /** The tau2 estimator's name, or "none". */
    public String tau2Name() {
        return tau2() == null ? "none" : tau2().name();
    }

    /**
     * The prediction interval in force: the one asked for, else the convention's: metafor's {@code predict()} uses
     * the normal quantile (t with k-1 df under Knapp-Hartung), RevMan 5 t with k-2 df, R meta t with k-1 df.
     */
    public PredictionInterval prediction() {
        if (predictionInterval != null) {
            return predictionInterval;
        }
        return switch (convention) {
            case METAFOR -> hksj ? PredictionInterval.T_K1 : PredictionInterval.Z;
            case REVMAN5 -> PredictionInterval.T_K2;
            case META -> PredictionInterval.T_K1;
        };
    }

    /** The first outcome asked for, or null for all (the API of one outcome). */
    public String outcome() {
        return outcomes.isEmpty() ? null : outcomes.get(0);
    }

    /**
     * A confidence level as the percentage it names, every digit it has and no more: 0.95 "95%", 0.975 "97.5%",
     * 0.015 "1.5%" (one form for every file and notice: rounded to whole percents, 97.5% was called 98% in some).
     */
    public static String percent(double level) {
        java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(level)).movePointRight(2)
                .round(new java.math.MathContext(12));
        return b.stripTrailingZeros().toPlainString() + "%";
    }
}
