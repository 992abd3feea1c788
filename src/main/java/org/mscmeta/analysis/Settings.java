package org.mscmeta.analysis;

import java.util.List;
import java.util.Objects;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.ContinuityCorrection;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;

/**
 * Everything that determines an analysis, with the defaults in one place ({@link #DEFAULTS}). Immutable;
 * the {@code with...} methods return a copy with one option changed. Every result carries its settings.
 *
 * @param measure    RR (default), OR or RD
 * @param method     MH (default), IV or PETO
 * @param tau2       tau2 estimator of the random-effects model (default REML); null for no random model
 * @param hksj       Hartung-Knapp-Sidik-Jonkman adjustment of the random-effects CI (default off)
 * @param cc         continuity correction (default 0.5, only0)
 * @param doubleZero double-zero studies for RR and OR (default exclude; RD always keeps them)
 * @param level      confidence level (default 0.95)
 * @param by         subgroup variables; null means "route and cell_source where the sheet has them"
 * @param outcome    analyse only this outcome; null for all
 * @param moderators numeric columns for the meta-regression of each outcome (default none)
 * @param sensitivity which sensitivity analyses to run (default {@link SensitivityMode#AUTO})
 * @param glmmModel  GLMM for odds ratios with {@code Method.GLMM}: "UM.FS" (default) or "UM.RS"
 * @param convention the program whose conventions to follow where programs differ (default metafor)
 */
public record Settings(Measure measure, Method method, TauSquared tau2, boolean hksj, ContinuityCorrection cc,
                       DoubleZero doubleZero, double level, List<String> by, String outcome, List<String> moderators,
                       SensitivityMode sensitivity, String glmmModel,
                       Convention convention) {

    /** RR, MH, REML, no HKSJ, 0.5 only0, double zeros excluded, 95%, default subgroups, all outcomes. */
    public static final Settings DEFAULTS = new Settings(Measure.RR, Method.MH, TauSquared.REML, false,
            ContinuityCorrection.DEFAULT, DoubleZero.EXCLUDE, 0.95, null, null, List.of(),
            SensitivityMode.AUTO, "UM.FS", Convention.METAFOR);

    public Settings {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(cc, "cc");
        Objects.requireNonNull(doubleZero, "doubleZero");
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
        if (method == Method.PETO && measure != Measure.OR) {
            throw new IllegalArgumentException("Peto's method estimates odds ratios: use --measure OR with --method PETO");
        }
        by = by == null ? null : List.copyOf(by);
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
        sensitivity = sensitivity == null ? SensitivityMode.AUTO : sensitivity;
        convention = convention == null ? Convention.METAFOR : convention;
        glmmModel = glmmModel == null ? "UM.FS" : glmmModel.strip().toUpperCase(java.util.Locale.ROOT);
        if (!glmmModel.equals("UM.FS") && !glmmModel.equals("UM.RS")) {
            throw new IllegalArgumentException("--glmm-model: expected UM.FS or UM.RS, got '" + glmmModel + "'");
        }
    }

    public Settings withMeasure(Measure m) {
        return new Settings(m, method, tau2, hksj, cc, doubleZero, level, by, outcome, moderators, sensitivity,
                glmmModel, convention);
    }

    public Settings withMethod(Method m) {
        return new Settings(measure, m, tau2, hksj, cc, doubleZero, level, by, outcome, moderators,
                sensitivity, glmmModel, convention);
    }

    public Settings withTau2(TauSquared t) {
        return new Settings(measure, method, t, hksj, cc, doubleZero, level, by, outcome, moderators,
                sensitivity, glmmModel, convention);
    }

    public Settings withHksj(boolean h) {
        return new Settings(measure, method, tau2, h, cc, doubleZero, level, by, outcome, moderators,
                sensitivity, glmmModel, convention);
    }

    public Settings withCc(double value, CcMode mode) {
        return new Settings(measure, method, tau2, hksj, new ContinuityCorrection(value, mode), doubleZero, level, by,
                outcome, moderators, sensitivity, glmmModel, convention);
    }

    public Settings withDoubleZero(DoubleZero d) {
        return new Settings(measure, method, tau2, hksj, cc, d, level, by, outcome, moderators, sensitivity,
                glmmModel, convention);
    }

    public Settings withLevel(double l) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, l, by, outcome, moderators,
                sensitivity, glmmModel, convention);
    }

    public Settings withBy(List<String> b) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, b, outcome, moderators,
                sensitivity, glmmModel, convention);
    }

    public Settings withOutcome(String o) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, o, moderators, sensitivity,
                glmmModel, convention);
    }

    public Settings withModerators(List<String> m) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcome, m, sensitivity,
                glmmModel, convention);
    }

    public Settings withSensitivity(SensitivityMode m) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcome, moderators, m,
                glmmModel, convention);
    }

    public Settings withGlmmModel(String g) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcome, moderators,
                sensitivity, g, convention);
    }

    public Settings withConvention(Convention c) {
        return new Settings(measure, method, tau2, hksj, cc, doubleZero, level, by, outcome, moderators, sensitivity,
                glmmModel, c);
    }

    /** The double-zero handling in force: RD keeps double-zero studies whatever was asked. */
    public DoubleZero effectiveDoubleZero() {
        return measure.dropsDoubleZero() ? doubleZero : DoubleZero.INCLUDE;
    }

    /** The tau2 estimator's name, or "none". */
    public String tau2Name() {
        return tau2 == null ? "none" : tau2.name();
    }
}
