package org.mscmeta.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.effect.ContinuityCorrection;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.EffectSizes;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.Proportions;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.effect.TwoByTwo;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.pool.InverseVariance;
import org.mscmeta.pool.MantelHaenszel;
import org.mscmeta.pool.Peto;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.RandomEffects;
import org.mscmeta.pool.RandomEffectsResult;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sensitivity.BeggTest;
import org.mscmeta.sensitivity.Cumulative;
import org.mscmeta.sensitivity.EggerTest;
import org.mscmeta.sensitivity.LeaveOneOut;
import org.mscmeta.sensitivity.TrimAndFill;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;
import tools.jackson.databind.JsonNode;

/**
 * The stages called directly, as a library user calls them, on metafor's reference values (src/test/resources/
 * reference): per-study effects ({@link EffectSizes}, {@link Proportions}), common-effect pooling
 * ({@link MantelHaenszel}, {@link InverseVariance}, {@link Peto}), {@link Heterogeneity}, {@link TauSquared} and
 * {@link RandomEffects} with the prediction interval, and the sensitivity classes (leave-one-out and cumulative
 * subsets refitted, {@link EggerTest}, {@link BeggTest}, {@link TrimAndFill}). The sheet is read by the sheet stage;
 * nothing goes through {@code MetaAnalysis} or {@code analyze} (that path has its own test, MetaforReferenceTest).
 */
class StagesReferenceTest {

    private static final double TOL = ReferenceCases.REL_TOL;

    private static void close(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), 1e-8);
        assertTrue(Math.abs(expected - actual) <= TOL * scale + 1e-12,
                what + ": expected " + expected + ", got " + actual);
    }

    private static void close(JsonNode expected, String field, double actual, String what) {
        JsonNode v = expected.get(field);
        if (v != null && !v.isNull()) {
            close(v.asDouble(), actual, what + " " + field);
        }
    }

    private static ExtractionSheet sheet(JsonNode c) throws Exception {
        Path file = ReferenceCases.resource(c.get("input").asString());
        return SheetReader.withBuiltInVocabulary().read(file, null);
    }

    private static TwoByTwo tables(ExtractionSheet s) {
        return new TwoByTwo(s.eventsMsc(), s.nMsc(), s.eventsControl(), s.nControl());
    }

    private static double natural(Measure m, double y) {
        return m.isRatio() ? Math.exp(y) : y;
    }

    /** Binary cases the stages reproduce on their own: default correction, double zeros left out, no subgroups. */
    static Stream<JsonNode> binaryCases() throws Exception {
        return ReferenceCases.load("reference/cases.json").stream().filter(c -> {
            JsonNode s = c.get("settings");
            return s.get("cc_mode").asString().equals("only0") && s.get("double_zero").asString().equals("exclude")
                    && !s.hasNonNull("by") && s.get("cc").asDouble() == 0.5;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void binaryStages(JsonNode c) throws Exception {
        JsonNode s = c.get("settings");
        JsonNode e = c.get("expected");
        String name = c.get("name").asString();
        Measure m = Measure.valueOf(s.get("measure").asString());
        double level = s.get("level").asDouble();
        ExtractionSheet sheet = sheet(c);
        TwoByTwo t = tables(sheet);

        // effect: escalc
        StudyEffects eff = s.get("method").asString().equals("PETO") ? EffectSizes.peto(t)
                : EffectSizes.compute(m, ContinuityCorrection.DEFAULT, t, true, Convention.METAFOR);
        double z = new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability((1 + level) / 2);
        JsonNode studies = e.get("studies");
        for (int j = 0; j < studies.size(); j++) {
            JsonNode st = studies.get(j);
            assertEquals(st.get("included").asBoolean(), eff.included()[j], name + " study " + j + " included");
            if (eff.included()[j] && !s.get("method").asString().equals("PETO")) {
                close(st, "estimate", natural(m, eff.yi()[j]), name + " study " + j);
                close(st, "ci_lower", natural(m, eff.yi()[j] - z * Math.sqrt(eff.vi()[j])), name + " study " + j);
            }
        }
        assertEquals(e.get("k").asInt(), eff.k(), name + " k");

        // pool: the common effect of the chosen method
        boolean[] all = new boolean[t.k()];
        java.util.Arrays.fill(all, true);
        CommonEffect common = switch (s.get("method").asString()) {
            case "MH" -> MantelHaenszel.pool(m, t, level);
            case "PETO" -> Peto.pool(t, all, level);
            default -> InverseVariance.pool(eff, level);
        };
        JsonNode ec = e.get("common");
        close(ec, "estimate", natural(m, common.estimate()), name + " common");
        close(ec, "ci_lower", natural(m, common.ciLower()), name + " common");
        close(ec, "ci_upper", natural(m, common.ciUpper()), name + " common");
        close(ec, "se", common.se(), name + " common");
        close(ec, "p", common.p(), name + " common");

        // heterogeneity around the common estimate
        Heterogeneity h = Heterogeneity.q(eff.includedYi(), eff.includedVi(), common.estimate());
        close(e.get("heterogeneity"), "Q", h.q(), name);
        close(e.get("heterogeneity"), "I2", h.i2(), name);

        // random effects with the tau2 estimator, HKSJ and metafor's prediction interval
        JsonNode er = e.get("random");
        if (er == null || er.isNull()) {
            return;
        }
        boolean hksj = s.path("hksj").asBoolean(false);
        TauSquared estimator = TauSquared.valueOf(s.get("tau2").asString().toUpperCase(Locale.ROOT));
        RandomEffectsResult r = RandomEffects.fit(eff, estimator, hksj, level,
                hksj ? PredictionInterval.T_K1 : PredictionInterval.Z);
        close(er, "tau2", r.tau2(), name + " random");
        close(er, "log_estimate", r.estimate(), name + " random");
        close(er, "se", r.se(), name + " random");
        close(er, "estimate", natural(m, r.estimate()), name + " random");
        close(er, "ci_lower", natural(m, r.ciLower()), name + " random");
        close(er, "ci_upper", natural(m, r.ciUpper()), name + " random");
        close(er, "p", r.p(), name + " random");
        close(er, "pi_lower", natural(m, r.piLower()), name + " random");
        close(er, "pi_upper", natural(m, r.piUpper()), name + " random");
    }

    @Test
    void proportionStages() throws Exception {
        int checked = 0;
        for (JsonNode c : ReferenceCases.load("reference/proportion_cases.json")) {
            JsonNode s = c.get("settings");
            Measure m = Measure.valueOf(s.get("measure").asString());
            if (m != Measure.PLOGIT && m != Measure.PRAW) {
                continue; // PFT's back-transformation needs the harmonic mean: the analysis stage's, tested there
            }
            ExtractionSheet sheet = sheet(c);
            StudyEffects eff = Proportions.compute(m, ContinuityCorrection.DEFAULT, sheet.eventsMsc(), sheet.nMsc());
            double level = s.get("level").asDouble();
            CommonEffect common = InverseVariance.pool(eff, level);
            JsonNode e = c.get("expected");
            String name = c.get("name").asString();
            close(e.get("common"), "estimate", back(m, common.estimate()), name + " common");
            close(e.get("common"), "ci_upper", back(m, common.ciUpper()), name + " common");
            if (e.hasNonNull("random") && s.hasNonNull("tau2") && !s.get("tau2").asString().equals("none")) {
                RandomEffectsResult r = RandomEffects.fit(eff,
                        TauSquared.valueOf(s.get("tau2").asString().toUpperCase(Locale.ROOT)), false, level,
                        PredictionInterval.Z);
                close(e.get("random"), "tau2", r.tau2(), name + " random");
                close(e.get("random"), "estimate", back(m, r.estimate()), name + " random");
                close(e.get("random"), "ci_lower", back(m, r.ciLower()), name + " random");
                close(e.get("random"), "pi_upper", back(m, r.piUpper()), name + " random");
            }
            checked++;
        }
        assertTrue(checked >= 2, "proportion cases checked: " + checked);
    }

    private static double back(Measure m, double y) {
        return m == Measure.PLOGIT ? 1 / (1 + Math.exp(-y)) : y;
    }

    @Test
    void sensitivityStages() throws Exception {
        for (JsonNode c : ReferenceCases.load("reference/sensitivity_cases.json")) {
            JsonNode s = c.get("settings");
            JsonNode e = c.get("expected");
            String name = c.get("name").asString();
            Measure m = Measure.valueOf(s.get("measure").asString());
            TauSquared estimator = TauSquared.valueOf(s.get("tau2").asString());
            ExtractionSheet sheet = sheet(c);
            StudyEffects eff = EffectSizes.compute(m, ContinuityCorrection.DEFAULT, tables(sheet), true,
                    Convention.METAFOR);
            int[] all = IntStream.range(0, eff.size()).filter(j -> eff.included()[j]).toArray();
            int[] units = IntStream.range(0, all.length).toArray();

            // leave-one-out: each subset refitted with the same model
            List<int[]> loo = LeaveOneOut.subsets(all, units);
            assertEquals(e.get("leave_one_out").size(), loo.size(), name);
            for (int i = 0; i < loo.size(); i++) {
                RandomEffectsResult r = RandomEffects.fit(eff.subset(loo.get(i)), estimator, false, 0.95,
                        PredictionInterval.Z);
                JsonNode x = e.get("leave_one_out").get(i);
                close(x, "estimate", Math.exp(r.estimate()), name + " leave-one-out " + i);
                close(x, "ci_lower", Math.exp(r.ciLower()), name + " leave-one-out " + i);
                close(x, "tau2", r.tau2(), name + " leave-one-out " + i);
            }

            // cumulative: by year, then input order
            Integer[] byYear = IntStream.range(0, all.length).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(byYear, java.util.Comparator.comparingInt(u -> sheet.year()[all[u]]));
            int[] order = java.util.Arrays.stream(byYear).mapToInt(Integer::intValue).toArray();
            List<int[]> cum = Cumulative.subsets(all, units, order);
            for (int i = 0; i < cum.size(); i++) {
                RandomEffectsResult r = RandomEffects.fit(eff.subset(cum.get(i)), estimator, false, 0.95,
                        PredictionInterval.Z);
                JsonNode x = e.get("cumulative").get(i);
                close(x, "estimate", Math.exp(r.estimate()), name + " cumulative " + i);
                close(x, "ci_upper", Math.exp(r.ciUpper()), name + " cumulative " + i);
            }

            double[] y = eff.includedYi();
            double[] v = eff.includedVi();
            EggerTest egger = EggerTest.of(y, v);
            close(e.get("egger"), "bias", egger.bias(), name + " Egger");
            close(e.get("egger"), "p", egger.p(), name + " Egger");
            close(e.get("egger"), "limit_estimate", egger.limitEstimate(), name + " Egger");
            BeggTest begg = BeggTest.of(y, v);
            close(e.get("begg"), "kendall_tau", begg.kendallTau(), name + " Begg");
            close(e.get("begg"), "p", begg.p(), name + " Begg");
            TrimAndFill tf = TrimAndFill.of(y, v, 0.95);
            assertEquals(e.get("trim_and_fill").get("k0").asInt(), tf.k0(), name + " trim and fill k0");
            assertEquals(e.get("trim_and_fill").get("side").asString(), tf.side(), name + " trim and fill side");
            close(e.get("trim_and_fill"), "estimate", Math.exp(tf.fit().estimate()), name + " trim and fill");
            close(e.get("trim_and_fill"), "ci_lower", Math.exp(tf.fit().ciLower()), name + " trim and fill");
        }
    }

    /** Every binary case the stages reproduce is counted, so that a filter that drops them all fails. */
    @Test
    void mostBinaryCasesAreCheckedStageByStage() throws Exception {
        List<JsonNode> cases = new ArrayList<>();
        binaryCases().forEach(cases::add);
        assertTrue(cases.size() >= 25, "binary cases checked stage by stage: " + cases.size());
    }
}
