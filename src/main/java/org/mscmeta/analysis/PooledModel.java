package org.mscmeta.analysis;

import java.util.List;
import java.util.Locale;
import org.mscmeta.effect.EffectSizes;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.Proportions;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.effect.TwoByTwo;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.Distributions;
import org.mscmeta.pool.Glmm;
import org.mscmeta.pool.HeterogeneityTests;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.pool.InverseVariance;
import org.mscmeta.pool.MantelHaenszel;
import org.mscmeta.pool.Peto;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.RandomEffects;
import org.mscmeta.pool.RandomEffectsResult;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * The one implementation of the pooled models: fits the common- and random-effects models to one set of studies (an
 * outcome, a subgroup of it, or a sensitivity refit of it) with the settings and convention in force, and turns the
 * analysis-scale results into natural-scale ones. Mirrors what metafor's {@code rma.mh} / {@code rma.peto} /
 * {@code rma.uni} / {@code rma.glmm} report for the same data:
 * <ul>
 *   <li>per-study effects and CIs from {@link EffectSizes} (Peto's per-study ORs when the method is Peto);</li>
 *   <li>common effect by the chosen method; MH and Peto use the raw counts of every table (under the RevMan 5 and
 *       R meta conventions MH adds the correction to tables with a zero cell and leaves double zeros out);</li>
 *   <li>Q around that common estimate with the per-study inverse-variance weights;</li>
 *   <li>random effects by inverse variance on the same per-study effects (tau2 by DerSimonian-Laird around the MH
 *       estimate where the convention says so), or the GLMM.</li>
 * </ul>
 * Everything that refits a model (leave-one-out, cumulative, the zero-event table) calls {@link #models}, so that a
 * refit is the analysed model on fewer studies.
 */
final class PooledModel {

    private PooledModel() {
    }

    /**
     * The pooled models of one set of studies, as an analysis and every refit of it report them.
     *
     * @param effects       the per-study effects
     * @param common        the common-effect model, or null when no table could be pooled
     * @param heterogeneity Q and what follows from it, or null when no study has an estimate
     * @param random        the random-effects model, or null without one (or with no study)
     * @param weightCommon  common-effect weights in percent by study, or null
     * @param weightRandom  random-effects weights in percent by study, or null
     */
    record Models(StudyEffects effects, CommonResult common, Heterogeneity heterogeneity, RandomResult random,
                  double[] weightCommon, double[] weightRandom) {

        /** Studies with an estimate. */
        int k() {
            return effects.k();
        }
    }

    /** The analysis of the studies on sheet rows {@code rows} (indices into the sheet's columns). */
    static Analysis fit(ExtractionSheet sheet, String outcome, Subgroup subgroup, int[] rows, Settings s) {
        return fit(sheet, outcome, subgroup, rows, s, null);
    }

    /**
     * As {@link #fit(ExtractionSheet, String, Subgroup, int[], Settings)}, with the studies' effects given (those of
     * the overall analysis, for a subgroup) or null to compute them.
     */
    static Analysis fit(ExtractionSheet sheet, String outcome, Subgroup subgroup, int[] rows, Settings s,
                        StudyEffects effects) {
        if (s.measure().isProportion()) {
            return fitProportions(sheet, outcome, subgroup, rows, s, true);
        }
        Tables t = Tables.of(sheet, rows);
        Models m = comparative(t.tables(), s, true, effects);
        StudyEffects eff = m.effects();
        int k = rows.length;
        StudyTable studies = StudyTable.comparative(sheet, rows, t.tables().a(), t.tables().n1(), t.tables().c(),
                t.tables().n2(), eff, s.measure(), Distributions.zCritical(s.level()), m.weightCommon(),
                m.weightRandom(), s.method() == Method.IV || s.method() == Method.GLMM);
        int included = eff.k();
        int dz = eff.doubleZeroCount();
        return new Analysis(outcome, subgroup, included, dz, k - included - dz, t.eventsMsc(), t.nMsc(),
                t.eventsControl(), t.nControl(), m.common(), random(m, s), m.heterogeneity(), studies, null, null,
                List.of());
    }

    /**
     * The random-effects result, or, where none was fitted, "not asked for" under {@code --tau2 none} (null otherwise,
     * for {@link Analysis} to give the reason): without it an analysis of no study said "random effects: not
     * estimable" although no random-effects model was asked for.
     */
    private static RandomResult random(Models m, Settings s) {
        return m.random() == null && s.tau2() == null ? RandomResult.absent(RandomResult.NOT_ASKED) : m.random();
    }

    /**
     * The models of the studies on sheet rows {@code rows}, for a refit: the same as {@link #fit} computes, without
     * the study table and without the Q-profile intervals of tau2 and I2.
     */
    static Models models(ExtractionSheet sheet, int[] rows, Settings s) {
        return models(sheet, rows, s, null);
    }

    /** As {@link #models(ExtractionSheet, int[], Settings)} with the studies' effects given (or null). */
    static Models models(ExtractionSheet sheet, int[] rows, Settings s, StudyEffects effects) {
        if (s.measure().isProportion()) {
            Arm arm = Arm.of(sheet, rows);
            return proportions(arm.x(), arm.n(), s, false);
        }
        return comparative(Tables.of(sheet, rows).tables(), s, false, effects);
    }

    /** Counts of the studies on some sheet rows, with their totals. */
    private record Tables(TwoByTwo tables, long eventsMsc, long nMsc, long eventsControl, long nControl) {
        static Tables of(ExtractionSheet sheet, int[] rows) {
            int k = rows.length;
            int[] a = new int[k];
            int[] n1 = new int[k];
            int[] c = new int[k];
            int[] n2 = new int[k];
            long sa = 0;
            long sn1 = 0;
            long sc = 0;
            long sn2 = 0;
            for (int j = 0; j < k; j++) {
                int r = rows[j];
                a[j] = sheet.eventsMsc()[r];
                n1[j] = sheet.nMsc()[r];
                c[j] = sheet.eventsControl()[r];
                n2[j] = sheet.nControl()[r];
                sa += a[j];
                sn1 += n1[j];
                sc += c[j];
                sn2 += n2[j];
            }
            return new Tables(new TwoByTwo(a, n1, c, n2), sa, sn1, sc, sn2);
        }
    }

    /** The MSC arm of the studies on some sheet rows. */
    private record Arm(int[] x, int[] n, long events, long total) {
        static Arm of(ExtractionSheet sheet, int[] rows) {
            int k = rows.length;
            int[] x = new int[k];
            int[] n = new int[k];
            long sx = 0;
            long sn = 0;
            for (int j = 0; j < k; j++) {
                x[j] = sheet.eventsMsc()[rows[j]];
                n[j] = sheet.nMsc()[rows[j]];
                sx += x[j];
                sn += n[j];
            }
            return new Arm(x, n, sx, sn);
        }
    }

    /**
     * The two-arm models; {@code profile}: with the Q-profile intervals of tau2 and I2; {@code given}: the studies'
     * effects, or null to compute them.
     */
    static Models comparative(TwoByTwo t, Settings s, boolean profile, StudyEffects given) {
        Measure measure = s.measure();
        int k = t.k();
        boolean dropDz = s.effectiveDoubleZero() == DoubleZero.EXCLUDE;
        StudyEffects eff = given != null ? given : s.method() == Method.PETO ? EffectSizes.peto(t)
                : EffectSizes.compute(measure, s.cc(), t, dropDz, s.convention());
        double[] yi = eff.includedYi();
        double[] vi = eff.includedVi();
        int included = yi.length;
        if (s.method() == Method.GLMM) {
            return glmm(t, eff, s, profile);
        }
        CommonEffect common = null;
        int kCommon = 0;
        boolean[] use = uses(t, eff, s, false);
        if (k > 0) {
            for (boolean u : use) {
                kCommon += u ? 1 : 0;
            }
            if (kCommon > 0) {
                common = switch (s.method()) {
                    case MH -> s.convention().correctedMantelHaenszel()
                            ? MantelHaenszel.pool(measure, t, use, s.level(), s.cc().increments(t, eff.doubleZero()),
                            true)
                            : MantelHaenszel.pool(measure, t, use, s.level());
                    case PETO -> Peto.pool(t, use, s.level());
                    case IV -> InverseVariance.pool(eff, s.level());
                    case GLMM -> throw new IllegalStateException("GLMM is fitted above");
                };
            }
        }
        Heterogeneity het = null;
        RandomEffectsResult random = null;
        if (included > 0) {
            double center = common != null && common.isEstimable() ? common.estimate()
                    : InverseVariance.pool(eff, s.level()).estimate();
            het = profile ? Heterogeneity.of(yi, vi, center, s.level()) : Heterogeneity.q(yi, vi, center);
            if (s.tau2() == TauSquared.DL && s.method() == Method.MH && s.convention().dlAroundMantelHaenszel()
                    && common != null && common.isEstimable()) {
                double tau2 = TauSquared.dersimonianLairdAround(yi, vi, center);
                random = RandomEffects.fit(eff, tau2, "DL", s.hksj(), s.level(), s.prediction());
            } else if (s.tau2() != null) {
                random = RandomEffects.fit(eff, s.tau2(), s.hksj(), s.level(), s.prediction());
            }
        }
        CommonResult c = common == null ? null : common(common, kCommon, measure, Double.NaN, Double.NaN,
                commonReason(common, t, use, measure));
        RandomResult r = random == null ? null : random(random, included, measure, Double.NaN, vi, Double.NaN, s);
        return new Models(eff, c, het, r, common == null ? null : common.weightPercent(),
                random == null ? null : random.weightPercent());
    }

    /**
     * Which studies a model pools: the GLMM every study but those with no events, or only events, in both arms
     * (metafor drops them); the random-effects model and the inverse-variance common effect the studies with an
     * estimate; Mantel-Haenszel every table (under the RevMan 5 and R meta conventions, every table but the double
     * zeros); Peto every table.
     */
    static boolean[] uses(TwoByTwo t, StudyEffects eff, Settings s, boolean random) {
        boolean[] use = new boolean[t.k()];
        for (int j = 0; j < use.length; j++) {
            use[j] = s.method() == Method.GLMM ? !t.isDoubleZero(j)
                    : random || s.method() == Method.IV ? eff.included()[j]
                    : s.method() == Method.MH ? !(s.convention().correctedMantelHaenszel() && eff.doubleZero()[j])
                    : true;
        }
        return use;
    }

    /**
     * The positions, among the studies on sheet rows {@code rows}, of the studies the model shown pools (the
     * random-effects model when {@code random}, else the common-effect model): the units that leave-one-out and
     * cumulative analyses leave out and add.
     */
    static int[] units(ExtractionSheet sheet, int[] rows, Settings s, boolean random) {
        boolean[] use;
        if (s.measure().isProportion()) {
            Arm arm = Arm.of(sheet, rows);
            use = s.method() == Method.GLMM ? null : Proportions.compute(s.measure(), s.cc(), arm.x(), arm.n())
                    .included();
        } else {
            TwoByTwo t = Tables.of(sheet, rows).tables();
            StudyEffects eff = s.method() == Method.PETO ? EffectSizes.peto(t)
                    : EffectSizes.compute(s.measure(), s.cc(), t, s.effectiveDoubleZero() == DoubleZero.EXCLUDE,
                    s.convention());
            use = uses(t, eff, s, random);
        }
        return java.util.stream.IntStream.range(0, rows.length).filter(j -> use == null || use[j]).toArray();
    }

    /** The GLMM: common effect (tau2 = 0, metafor's {@code method = "FE"}) and, with a random model, ML. */
    private static Models glmm(TwoByTwo t, StudyEffects eff, Settings s, boolean profile) {
        boolean[] use = uses(t, eff, s, true);
        int kg = 0;
        for (boolean u : use) {
            kg += u ? 1 : 0;
        }
        boolean rs = s.glmmModel().equals("UM.RS");
        Glmm common = kg == 0 ? null : rs ? Glmm.oddsRatioRandomStudies(t, use, false)
                : Glmm.oddsRatioFixedStudies(t, use, false);
        Glmm random = kg == 0 || s.tau2() == null ? null : kg < 2 ? Glmm.notFitted(kg)
                : rs ? Glmm.oddsRatioRandomStudies(t, use, true) : Glmm.oddsRatioFixedStudies(t, use, true);
        // the mixed models' own tests for an analysis, not for its refits (which show Q, I2 and tau2 only)
        HeterogeneityTests tests = !profile ? null
                : rs ? HeterogeneityTests.oddsRatioRandomStudies(t, use, common, random != null)
                : HeterogeneityTests.oddsRatio(t, use, common);
        return glmmModels(eff, common, random, tests, s, Double.NaN, profile);
    }

    private static Models glmmModels(StudyEffects eff, Glmm common, Glmm random, HeterogeneityTests tests,
                                     Settings s, double nHarmonic, boolean profile) {
        Measure m = s.measure();
        double[] vi = eff.includedVi();
        CommonResult c = common == null ? null : glmmCommon(common, m, nHarmonic, s.level());
        RandomResult r = random == null ? null : glmmRandom(random, m, nHarmonic, vi, s);
        Heterogeneity het = null;
        if (eff.k() > 0 && c != null && c.isEstimable()) {
            double[] yi = eff.includedYi();
            het = (profile ? Heterogeneity.of(yi, vi, c.logEstimate(), s.level())
                    : Heterogeneity.q(yi, vi, c.logEstimate())).withGlmmTests(tests);
        }
        return new Models(eff, c, het, r, null, null);
    }

    /**
     * Incidence among MSC recipients: the MSC arm of every row (single-arm and controlled trials), pooled by
     * inverse variance on the logit scale, without the study intervals (each an inverse Beta solve), which it does
     * not show.
     */
    static Analysis incidence(ExtractionSheet sheet, String outcome, int[] rows, Settings s) {
        // the estimator in force (ML under the GLMM, which takes REML as ML), not the one asked: withMethod(IV) alone
        // would bring back the REML the GLMM set aside, so that a run of --tau2 REML and one of --tau2 ML, equal
        // settings, differed in their incidence
        return fitProportions(sheet, outcome, null, rows, s.withMeasure(Measure.PLOGIT).withMethod(Method.IV)
                .withTau2(s.tau2()), false);
    }

    private static Analysis fitProportions(ExtractionSheet sheet, String outcome, Subgroup subgroup, int[] rows,
                                           Settings s, boolean studyIntervals) {
        Arm arm = Arm.of(sheet, rows);
        int k = rows.length;
        Models m = proportions(arm.x(), arm.n(), s, true);
        double[] lower = null;
        double[] upper = null;
        if (studyIntervals) {
            lower = new double[k];
            upper = new double[k];
            for (int j = 0; j < k; j++) {
                double[] ci = Proportions.clopperPearson(arm.x()[j], arm.n()[j], s.level());
                lower[j] = ci[0];
                upper[j] = ci[1];
            }
        }
        StudyTable studies = StudyTable.proportions(sheet, rows, arm.x(), arm.n(), m.effects(), lower, upper,
                m.weightCommon(), m.weightRandom());
        int included = m.k();
        return new Analysis(outcome, subgroup, included, 0, k - included, arm.events(), arm.total(), 0, 0,
                m.common(), random(m, s), m.heterogeneity(), studies, null, null, List.of());
    }

    /** Single-arm proportions: inverse variance on the chosen transformation, or the GLMM (PLOGIT). */
    private static Models proportions(int[] x, int[] n, Settings s, boolean profile) {
        Measure m = s.measure();
        StudyEffects eff = Proportions.compute(m, s.cc(), x, n);
        int included = eff.k();
        double invN = 0;
        for (int j = 0; j < x.length; j++) {
            if (eff.included()[j]) {
                invN += 1.0 / n[j];
            }
        }
        double nHarmonic = included / invN;
        if (s.method() == Method.GLMM) {
            Glmm common = x.length == 0 ? null : Glmm.proportions(x, n, false);
            Glmm random = x.length == 0 || s.tau2() == null ? null : x.length < 2 ? Glmm.notFitted(x.length)
                    : Glmm.proportions(x, n, true);
            return glmmModels(eff, common, random, profile ? HeterogeneityTests.proportions(x, n, common) : null, s,
                    nHarmonic, profile);
        }
        if (included == 0) {
            return new Models(eff, null, null, null, null, null);
        }
        CommonEffect common = InverseVariance.pool(eff, s.level());
        double[] yi = eff.includedYi();
        double[] vi = eff.includedVi();
        Heterogeneity het = profile ? Heterogeneity.of(yi, vi, common.estimate(), s.level())
                : Heterogeneity.q(yi, vi, common.estimate());
        RandomEffectsResult random = s.tau2() == null ? null
                : RandomEffects.fit(eff, s.tau2(), s.hksj(), s.level(), s.prediction());
        return new Models(eff, common(common, included, m, nHarmonic, Double.NaN, null), het,
                random == null ? null : random(random, included, m, nHarmonic, vi, Double.NaN, s),
                common.weightPercent(), random == null ? null : random.weightPercent());
    }

    // ------------------------------------------------------------------ natural scale, and what does not exist

    private static CommonResult common(CommonEffect c, int k, Measure m, double nHarmonic, double logLik,
                                       String reason) {
        if (!c.isEstimable()) {
            return new CommonResult(c.method(), k, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, logLik, reason);
        }
        String note = c.hasTest() ? null : "z and p not estimable: the estimate has no sampling variance (every"
                + " participant had the event, or none had it, in both arms of every table)";
        return new CommonResult(c.method(), k, c.estimate(), c.se(), c.hasTest() ? c.z() : Double.NaN,
                c.hasTest() ? c.p() : Double.NaN, m.toNatural(c.estimate(), nHarmonic),
                m.toNatural(c.ciLower(), nHarmonic), m.toNatural(c.ciUpper(), nHarmonic), logLik, note);
    }

    /** Why a Mantel-Haenszel or Peto estimate does not exist, from the tables' totals. */
    private static String commonReason(CommonEffect c, TwoByTwo t, boolean[] use, Measure m) {
        if (c.isEstimable()) {
            return null;
        }
        long a = 0;
        long c2 = 0;
        long b = 0;
        long d = 0;
        for (int j = 0; j < t.k(); j++) {
            if (use[j]) {
                a += t.a()[j];
                c2 += t.c()[j];
                b += t.n1()[j] - t.a()[j];
                d += t.n2()[j] - t.c()[j];
            }
        }
        String method = c.method().equals("PETO") ? "Peto" : c.method().equals("MH") ? "Mantel-Haenszel" : c.method();
        if (a + c2 == 0) {
            return "no participant had the event in any study";
        }
        if (c2 == 0 && m.isRatio()) {
            return "no events in the control arm of any study, so the " + method
                    + " " + m.name() + " is infinite";
        }
        if (a == 0 && m.isRatio()) {
            return "no events in the MSC arm of any study, so the " + method + " " + m.name()
                    + " is 0";
        }
        if ((b == 0 || d == 0) && m == Measure.OR) {
            return "every participant of one arm had the event in every study";
        }
        return "the " + method + " estimate does not exist for these tables";
    }

    private static RandomResult random(RandomEffectsResult r, int k, Measure m, double nHarmonic, double[] vi,
                                       double logLik, Settings s) {
        double s2 = Heterogeneity.typicalVariance(vi);
        double i2 = 100 * r.tau2() / (r.tau2() + s2);
        double h2 = (r.tau2() + s2) / s2;
        StringBuilder why = new StringBuilder();
        if (s.hksj() && k < 2) {
            why.append("one study: the Hartung-Knapp-Sidik-Jonkman interval needs at least 2, so the study's own z"
                    + " interval is given (as metafor)");
        }
        if (r.hksj() && k >= 2 && r.se() == 0) {
            why.append(why.length() == 0 ? "" : "; ").append(RandomResult.HK_IDENTICAL);
        }
        if (k < PredictionInterval.MIN_K) {
            why.append(why.length() == 0 ? "" : "; ").append("prediction interval not estimable: it needs at least ")
                    .append(PredictionInterval.MIN_K).append(" studies");
        }
        return new RandomResult(r.tau2Method(), r.hksj(), k, r.tau2(), Math.sqrt(r.tau2()), r.estimate(), r.se(),
                r.statistic(), r.df(), r.p(), m.toNatural(r.estimate(), nHarmonic),
                m.toNatural(r.ciLower(), nHarmonic), m.toNatural(r.ciUpper(), nHarmonic),
                m.toNatural(r.piLower(), nHarmonic), m.toNatural(r.piUpper(), nHarmonic), k < 2 ? 0 : i2,
                k < 2 ? 1 : h2, logLik, why.length() == 0 ? null : why.toString());
    }

    private static CommonResult glmmCommon(Glmm g, Measure m, double nHarmonic, double level) {
        if (!g.isEstimable()) {
            return new CommonResult("GLMM", g.k(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, g.logLik(), glmmReason(g, false, m));
        }
        double z = Distributions.zCritical(level);
        double stat = g.estimate() / g.se();
        return new CommonResult("GLMM", g.k(), g.estimate(), g.se(), stat, Distributions.pNormalTwoSided(stat),
                m.toNatural(g.estimate(), nHarmonic), m.toNatural(g.estimate() - z * g.se(), nHarmonic),
                m.toNatural(g.estimate() + z * g.se(), nHarmonic), g.logLik(), null);
    }

    /**
     * A GLMM fit as a random-effects result: Wald z interval and test, the prediction interval of the settings on
     * the GLMM's tau2 (as metafor's {@code predict.rma.glmm}), I2 from tau2 with the studies' escalc variances.
     */
    private static RandomResult glmmRandom(Glmm g, Measure m, double nHarmonic, double[] vi, Settings s) {
        double nan = Double.NaN;
        if (!g.isEstimable()) {
            return new RandomResult("ML", false, g.k(), nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                    nan, nan, g.logLik(), glmmReason(g, true, m));
        }
        double z = Distributions.zCritical(s.level());
        double stat = g.estimate() / g.se();
        double piCrit = s.prediction().critical(s.level(), g.k());
        double piSe = Math.sqrt(g.tau2() + g.se() * g.se());
        double s2 = vi.length >= 2 ? Heterogeneity.typicalVariance(vi) : nan;
        String why = g.k() < PredictionInterval.MIN_K ? "prediction interval not estimable: it needs at least "
                + PredictionInterval.MIN_K + " studies" : null;
        return new RandomResult("ML", false, g.k(), g.tau2(), Math.sqrt(g.tau2()), g.estimate(), g.se(), stat, nan,
                Distributions.pNormalTwoSided(stat), m.toNatural(g.estimate(), nHarmonic),
                m.toNatural(g.estimate() - z * g.se(), nHarmonic), m.toNatural(g.estimate() + z * g.se(), nHarmonic),
                m.toNatural(g.estimate() - piCrit * piSe, nHarmonic), m.toNatural(g.estimate() + piCrit * piSe,
                nHarmonic), 100 * g.tau2() / (g.tau2() + s2), (g.tau2() + s2) / s2, g.logLik(), why);
    }

    /** Why a GLMM fit does not exist; a study count limits only the {@code random}-effects model. */
    private static String glmmReason(Glmm g, boolean random, Measure m) {
        if (random && g.k() < 2 && !Double.isFinite(g.logLik())) {
            return String.format(Locale.ROOT, "the random-effects GLMM needs at least 2 studies (k = %d)",
                    g.k());
        }
        return m.isProportion() ? "the likelihood has no finite maximum (no events, or only events, among the MSC"
                + " recipients of every study)"
                : "the likelihood has no finite maximum (no events, or only events, in one arm of every study)";
    }
}
