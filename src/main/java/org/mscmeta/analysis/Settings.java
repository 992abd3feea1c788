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
 * the {@code with...} methods return a copy with one option changed. Every result carries its settings.
 *
 * @param measure    RR (default), OR, RD, or a proportion of MSC recipients (PLOGIT, PFT, PRAW)
 * @param method     MH (default), IV, PETO or GLMM
 * @param tau2       tau2 estimator of the random-effects model (default REML); null for no random model
 * @param hksj       Hartung-Knapp-Sidik-Jonkman adjustment of the random-effects CI (default off); not used by the
 *                   GLMM, whose interval is the Wald z interval (the command line refuses the two together)
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
        if (measure.isProportion() && method != Method.GLMM) {
            method = Method.IV; // a single arm has no Mantel-Haenszel or Peto estimate
        }
        if (method == Method.GLMM && measure != Measure.OR && measure != Measure.PLOGIT) {
            throw new IllegalArgumentException("--method GLMM fits odds ratios (--measure OR) or logit proportions"
                    + " (--measure PLOGIT)");
        }
        if (method == Method.GLMM && tau2 != null && tau2 != TauSquared.ML) {
            if (tau2 != TauSquared.REML) {
                throw new IllegalArgumentException("--method GLMM estimates tau\u00b2 by maximum likelihood: use --tau2 ML"
                        + " (or --tau2 none for the common-effect GLMM alone), not --tau2 " + tau2.name());
            }
            tau2 = TauSquared.ML; // the default estimator, REML, has no GLMM counterpart: the GLMM's is ML
        }
        if (method == Method.PETO && measure != Measure.OR) {
            throw new IllegalArgumentException("Peto's method estimates odds ratios: use --measure OR with --method PETO");
        }
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

    /** The tau2 estimator's name, or "none". */
    public String tau2Name() {
        return tau2 == null ? "none" : tau2.name();
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
}
