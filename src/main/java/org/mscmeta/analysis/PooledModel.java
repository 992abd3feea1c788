package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.EffectSizes;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.Proportions;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.effect.TwoByTwo;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.Distributions;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.pool.InverseVariance;
import org.mscmeta.pool.MantelHaenszel;
import org.mscmeta.pool.Peto;
import org.mscmeta.pool.RandomEffects;
import org.mscmeta.pool.RandomEffectsResult;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * Fits the common- and random-effects models to one set of studies (an outcome, or a subgroup of it) and turns
 * the analysis-scale results into an {@link Analysis}. Mirrors what metafor's {@code rma.mh} / {@code rma.peto}
 * / {@code rma.uni} report for the same data:
 * <ul>
 *   <li>per-study effects and CIs from {@link EffectSizes} (Peto's per-study ORs when the method is Peto);</li>
 *   <li>common effect by the chosen method; MH and Peto use the raw counts of all studies;</li>
 *   <li>Q around that common estimate with the per-study inverse-variance weights;</li>
 *   <li>random effects by inverse variance on the same per-study effects.</li>
 * </ul>
 */
final class PooledModel {

    private PooledModel() {
    }

    static Analysis fit(ExtractionSheet sheet, String outcome, Subgroup subgroup, int[] rows, Settings s) {
        if (s.measure().isProportion()) {
            return fitProportions(sheet, outcome, subgroup, rows, s, true);
        }
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
        TwoByTwo t = new TwoByTwo(a, n1, c, n2);
        Measure measure = s.measure();
        Convention conv = s.convention();
        boolean dropDz = s.effectiveDoubleZero() == DoubleZero.EXCLUDE;
        StudyEffects eff = s.method() == Method.PETO ? EffectSizes.peto(t)
                : EffectSizes.compute(measure, s.cc(), t, dropDz, conv);
        int included = eff.k();
        int dz = eff.doubleZeroCount();

        CommonEffect common = null;
        Heterogeneity het = null;
        RandomEffectsResult random = null;
        if (s.method() == Method.GLMM) {
            boolean[] use = new boolean[k];
            for (int j = 0; j < k; j++) {
                use[j] = !t.isDoubleZero(j);
            }
            random = included > 0 ? glmm(s.glmmModel().equals("UM.RS")
                    ? org.mscmeta.pool.Glmm.oddsRatioRandomStudies(t, use)
                    : org.mscmeta.pool.Glmm.oddsRatioFixedStudies(t, use), k, s) : null;
        } else if (included > 0) {
            boolean[] all = new boolean[k];
            java.util.Arrays.fill(all, true);
            common = switch (s.method()) {
                case MH -> mantelHaenszel(measure, t, all, s, eff.doubleZero());
                case PETO -> Peto.pool(t, all, s.level());
                case IV -> InverseVariance.pool(eff, s.level());
                case GLMM -> throw new IllegalStateException("GLMM is fitted above");
            };
            double center = common.isEstimable() ? common.estimate() : InverseVariance.pool(eff, s.level()).estimate();
            double[] yi = eff.includedYi();
            double[] vi = eff.includedVi();
            het = Heterogeneity.of(yi, vi, center, s.level());
            if (s.tau2() == TauSquared.DL && s.method() == Method.MH && conv.dlAroundMantelHaenszel()
                    && common.isEstimable()) {
                double tau2 = TauSquared.dersimonianLairdAround(yi, vi, center);
                random = RandomEffects.fit(eff, tau2, "DL", s.hksj(), s.level(), conv);
            } else if (s.tau2() != null) {
                random = RandomEffects.fit(eff, s.tau2(), s.hksj(), s.level(), conv);
            }
        }

        StudyTable studies = StudyTable.comparative(sheet, rows, a, n1, c, n2, eff, measure,
                Distributions.zCritical(s.level()), common == null ? null : common.weightPercent(),
                random == null ? null : random.weightPercent());
        return new Analysis(outcome, subgroup, included, dz, k - included - dz, sa, sn1, sc, sn2,
                common == null ? null : natural(common, measure),
                random == null ? null : natural(random, measure, i2(random, eff, s)), het, studies, null, null, List.of());
    }

    /**
     * Incidence among MSC recipients: the MSC arm of every row (single-arm and controlled trials), pooled by
     * inverse variance on the chosen transformation; study intervals are Clopper-Pearson; pooled values are
     * back-transformed (for PFT with the harmonic mean of the included studies' n, as metafor's
     * {@code transf.ipft.hm}).
     */
    /**
     * The incidence among MSC recipients shown beside a comparative analysis: the same fit without the study
     * intervals, which it does not show (each is an inverse Beta solve).
     */
    static Analysis incidence(ExtractionSheet sheet, String outcome, int[] rows, Settings s) {
        return fitProportions(sheet, outcome, null, rows, s.withMeasure(Measure.PLOGIT), false);
    }

    private static Analysis fitProportions(ExtractionSheet sheet, String outcome, Subgroup subgroup, int[] rows,
                                           Settings s, boolean studyIntervals) {
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
        Measure m = s.measure();
        StudyEffects eff = Proportions.compute(m, s.cc(), x, n);
        int included = eff.k();
        double invN = 0;
        for (int j = 0; j < k; j++) {
            if (eff.included()[j]) {
                invN += 1.0 / n[j];
            }
        }
        double nHarmonic = included / invN;
        CommonEffect common = null;
        Heterogeneity het = null;
        RandomEffectsResult random = null;
        if (s.method() == Method.GLMM) {
            random = glmm(org.mscmeta.pool.Glmm.proportions(x, n), k, s);
        } else if (included > 0) {
            common = InverseVariance.pool(eff, s.level());
            het = Heterogeneity.of(eff.includedYi(), eff.includedVi(), common.estimate(), s.level());
            if (s.tau2() != null) {
                random = RandomEffects.fit(eff, s.tau2(), s.hksj(), s.level(), s.convention());
            }
        }
        double[] lower = null;
        double[] upper = null;
        if (studyIntervals) {
            lower = new double[k];
            upper = new double[k];
            for (int j = 0; j < k; j++) {
                double[] ci = Proportions.clopperPearson(x[j], n[j], s.level());
                lower[j] = ci[0];
                upper[j] = ci[1];
            }
        }
        StudyTable studies = StudyTable.proportions(sheet, rows, x, n, eff, lower, upper,
                common == null ? null : common.weightPercent(), random == null ? null : random.weightPercent());
        CommonResult c = common == null ? null : new CommonResult(common.method(), common.estimate(), common.se(),
                common.z(), common.p(), m.toNatural(common.estimate(), nHarmonic),
                m.toNatural(common.ciLower(), nHarmonic), m.toNatural(common.ciUpper(), nHarmonic));
        RandomResult rr = random == null ? null : new RandomResult(random.tau2Method(), random.hksj(), random.tau2(),
                Math.sqrt(random.tau2()), random.estimate(), random.se(), random.statistic(), random.df(),
                random.p(), m.toNatural(random.estimate(), nHarmonic), m.toNatural(random.ciLower(), nHarmonic),
                m.toNatural(random.ciUpper(), nHarmonic), m.toNatural(random.piLower(), nHarmonic),
                m.toNatural(random.piUpper(), nHarmonic), i2(random, eff, s));
        return new Analysis(outcome, subgroup, included, 0, k - included, sx, sn, 0, 0, c, rr, het,
                studies, null, null, List.of());
    }

    /**
     * A GLMM fit as a random-effects result: Wald z interval and test, no weights, no prediction interval. With
     * fewer than two studies, or when the likelihood has no finite maximum (every study without events in one arm:
     * the estimate runs off beyond |log OR| = 15), the result is not estimable (NaN).
     */
    private static RandomEffectsResult glmm(org.mscmeta.pool.Glmm g, int k, Settings s) {
        double z = Distributions.zCritical(s.level());
        double[] w = new double[k];
        java.util.Arrays.fill(w, Double.NaN);
        if (g.k() < 2 || !(Math.abs(g.estimate()) < 15) || !(g.se() > 0 && g.se() < 100)) {
            double nan = Double.NaN;
            return new RandomEffectsResult("ML", false, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, w);
        }
        return new RandomEffectsResult("ML", false, g.tau2(), g.estimate(), g.se(), g.estimate() / g.se(),
                Distributions.pNormalTwoSided(g.estimate() / g.se()), g.estimate() - z * g.se(),
                g.estimate() + z * g.se(), Double.NaN, Double.NaN, Double.NaN, w);
    }

    /**
     * Mantel-Haenszel on the raw counts (metafor), or, under RevMan 5 and R meta conventions, with the continuity
     * correction added to the studies with a zero cell (double zeros left out unless included on request).
     */
    private static CommonEffect mantelHaenszel(Measure measure, TwoByTwo t, boolean[] all, Settings s,
                                               boolean[] dz) {
        if (!s.convention().correctedMantelHaenszel()) {
            return MantelHaenszel.pool(measure, t, all, s.level());
        }
        boolean[] use = new boolean[dz.length];
        for (int i = 0; i < dz.length; i++) {
            use[i] = !dz[i];
        }
        return MantelHaenszel.pool(measure, t, use, s.level(), s.cc().increments(t, dz), true);
    }

    private static CommonResult natural(CommonEffect c, Measure m) {
        return new CommonResult(c.method(), c.estimate(), c.se(), c.z(), c.p(), m.toNatural(c.estimate()),
                m.toNatural(c.ciLower()), m.toNatural(c.ciUpper()));
    }

    private static RandomResult natural(RandomEffectsResult r, Measure m, double i2) {
        return new RandomResult(r.tau2Method(), r.hksj(), r.tau2(), Math.sqrt(r.tau2()), r.estimate(), r.se(),
                r.statistic(), r.df(), r.p(), m.toNatural(r.estimate()), m.toNatural(r.ciLower()),
                m.toNatural(r.ciUpper()), m.toNatural(r.piLower()), m.toNatural(r.piUpper()), i2);
    }

    /** I2 from tau2 of an inverse-variance random-effects fit; NaN for a GLMM. */
    private static double i2(RandomEffectsResult r, StudyEffects eff, Settings s) {
        return s.method() == Method.GLMM ? Double.NaN : Heterogeneity.i2FromTau2(eff.includedVi(), r.tau2());
    }
}
