package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Convention;
import org.mscmeta.pool.PredictionInterval;

/** The methods text states the prediction interval in force: the convention's, or the one asked for. */
class MethodsTextTest {

    private static String predictionReference(Settings s) {
        return MethodsText.references(s).stream().filter(r -> r[0].equals("Prediction interval")).findFirst()
                .orElseThrow()[1];
    }

    @Test
    void predictionIntervalFollowsTheConventionOrTheOption() {
        String metafor = predictionReference(Settings.DEFAULTS);
        assertTrue(metafor.contains("(quantile: the normal quantile)"), metafor);
        assertTrue(metafor.contains("IntHout"), metafor);
        assertTrue(predictionReference(Settings.DEFAULTS.withHksj(true)).contains("t with k-1 degrees of freedom"));
        String revman = predictionReference(Settings.DEFAULTS.withConvention(Convention.REVMAN5));
        assertTrue(revman.contains("t with k-2 degrees of freedom"), revman);
        assertFalse(revman.contains("IntHout"), revman);
        assertTrue(predictionReference(Settings.DEFAULTS.withConvention(Convention.META))
                .contains("t with k-1 degrees of freedom"));
        assertTrue(predictionReference(Settings.DEFAULTS.withPredictionInterval(PredictionInterval.T_K2))
                .contains("t with k-2 degrees of freedom"));
        assertTrue(MethodsText.paragraph(new org.mscmeta.analysis.Results(Settings.DEFAULTS.withBy(java.util.List.of()),
                "x.csv", 0, java.util.List.of(), java.util.List.of(), java.util.List.of()))
                .contains("prediction intervals (the normal quantile)"));
    }

    private static String paragraph(Settings s) {
        return MethodsText.paragraph(new org.mscmeta.analysis.Results(s, "x.csv", 0, java.util.List.of(),
                java.util.List.of(), java.util.List.of()));
    }

    private static java.util.List<String> referenced(Settings s) {
        return MethodsText.references(s).stream().map(r -> r[0]).toList();
    }

    /**
     * The convention's sentence names only the points of RevMan 5's or meta's conventions that the run's measure,
     * method and tau² estimator meet: "DerSimonian-Laird from Q around the Mantel-Haenszel estimate" was said of a
     * REML or Paule-Mandel run and of inverse-variance pooling, and the convention's prediction interval of a run
     * whose --prediction-interval chose another.
     */
    @Test
    void theConventionsSentenceNamesOnlyWhatTheRunUsed() {
        Settings revman = Settings.DEFAULTS.withBy(java.util.List.of()).withConvention(Convention.REVMAN5);
        String reml = paragraph(revman);
        assertTrue(reml.contains("Computations followed the conventions of RevMan 5 (Deeks and Higgins 2010): studies"
                + " in which every participant of both arms had the event kept, with the continuity correction; the"
                + " Mantel-Haenszel estimate with the continuity correction. "), reml);
        assertFalse(reml.contains("DerSimonian-Laird"), reml);
        assertFalse(reml.contains("prediction interval on t"), "the paragraph says which one, once: " + reml);
        assertTrue(reml.contains("prediction intervals (t with k-2 degrees of freedom)"), reml);
        String dl = paragraph(revman.withTau2(org.mscmeta.pool.TauSquared.DL));
        assertTrue(dl.contains("; DerSimonian-Laird from Q around the Mantel-Haenszel estimate. "), dl);
        String iv = paragraph(revman.withTau2(org.mscmeta.pool.TauSquared.DL)
                .withMethod(org.mscmeta.analysis.Method.IV));
        assertFalse(iv.contains("Mantel-Haenszel estimate"), iv);
        String meta = paragraph(Settings.DEFAULTS.withBy(java.util.List.of()).withConvention(Convention.META));
        assertTrue(meta.contains("conventions of the R package meta (Balduzzi et al. 2019): risk ratios of corrected"
                + " studies with n+0.5; studies in which every participant"), meta);
        String rd = paragraph(revman.withMeasure(org.mscmeta.effect.Measure.RD));
        assertTrue(rd.contains("risk differences of corrected studies from the uncorrected counts"), rd);
        assertFalse(rd.contains("n+0.5") || rd.contains("every participant"), rd);
        String proportion = paragraph(revman.withMeasure(org.mscmeta.effect.Measure.PLOGIT)
                .withMethod(org.mscmeta.analysis.Method.IV));
        assertTrue(proportion.contains("Computations followed the conventions of RevMan 5 (Deeks and Higgins 2010)."
                + " "), proportion);
    }

    /**
     * The paragraph and the references name the sensitivity and small-study analyses and the meta-regression a run
     * made (a paper's methods pasted from the kit said nothing of them), and only those.
     */
    @Test
    void theSensitivityAnalysesAndModeratorsOfTheRunAreStated() {
        Settings plain = Settings.DEFAULTS.withBy(java.util.List.of());
        String text = paragraph(plain);
        assertTrue(text.contains("leave-one-out and cumulative (by year) analyses of outcomes with at most 200"
                + " studies"), text);
        assertTrue(text.contains("Egger's regression test, Begg's rank correlation test and trim and fill"), text);
        String revman = paragraph(plain.withConvention(Convention.REVMAN5));
        assertTrue(revman.contains("Computations followed the conventions of RevMan 5"), revman);
        assertTrue(revman.endsWith("whose results are checked against the R package metafor (Viechtbauer 2010)."),
                "a RevMan 5 run's numbers are not metafor's defaults: " + revman);
        assertTrue(text.contains("For outcomes with a zero cell the pooled estimate was recomputed"), text);
        assertFalse(text.contains("meta-regression"), text);
        assertTrue(referenced(plain).containsAll(java.util.List.of("Egger's test", "Begg's test", "Trim and fill")));
        assertFalse(referenced(plain).contains("Meta-regression"));

        Settings none = plain.withSensitivity(org.mscmeta.analysis.SensitivityMode.NONE)
                .withModerators(java.util.List.of("dose_cells_per_kg"));
        String moderators = paragraph(none);
        assertFalse(moderators.contains("Egger"), moderators);
        assertFalse(moderators.contains("leave-one-out"), moderators);
        assertTrue(moderators.contains("Mixed-effects meta-regressions on dose cells per kg (numeric columns as"
                + " numbers, text columns as factors against their first level) estimated the residual tau\u00b2 by"
                + " restricted maximum likelihood."), moderators);
        assertTrue(referenced(none).contains("Meta-regression"));
        assertFalse(referenced(none).contains("Egger's test"));

        String glmm = paragraph(plain.withMeasure(org.mscmeta.effect.Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM));
        assertFalse(glmm.contains("leave-one-out"), "the GLMM's refits run under --sensitivity all only: " + glmm);
        assertTrue(glmm.contains("Small-study effects were assessed"), glmm);
        String proportions = paragraph(plain.withMeasure(org.mscmeta.effect.Measure.PLOGIT));
        assertFalse(proportions.contains("For outcomes with a zero cell"), proportions);
        // the incidence among MSC recipients, not a comparison with control (it said "the proportion of MSC versus
        // control across randomised trials" and discussed double-zero studies, which a single arm has not)
        assertTrue(proportions.contains("we pooled the incidence among MSC recipients across all trials, single-arm"
                + " trials included (logit-transformed proportions)"), proportions);
        assertFalse(proportions.contains("versus control"), proportions);
        assertFalse(proportions.contains("either arm"), proportions);
        assertTrue(referenced(Settings.DEFAULTS).contains("Meta-regression"), "route x cell source by default");
        // UM.RS is fitted with the Laplace approximation (the paragraph named the quadrature of UM.FS for both)
        String rs = paragraph(plain.withMeasure(org.mscmeta.effect.Measure.OR)
                .withMethod(org.mscmeta.analysis.Method.GLMM).withGlmmModel("UM.RS"));
        assertTrue(rs.contains("random study effects fitted by maximum likelihood with the Laplace approximation"), rs);
        assertTrue(glmm.contains("7-point adaptive Gauss-Hermite quadrature"), glmm);
        // the mixed model is the random-effects model (it said "the random-effects model used inverse-variance
        // weights", and claimed a Q-profile interval for a tau2 that is not the mixed model's)
        assertTrue(glmm.contains("(Stijnen et al. 2010), its between-study variance (tau\u00b2) estimated by maximum"
                + " likelihood; the common-effect estimate is the same model without between-study variance. "), glmm);
        assertFalse(glmm.contains("inverse-variance weights") || glmm.contains("Q-profile"), glmm);
        assertTrue(rs.contains("Laplace approximation (Stijnen et al. 2010), its between-study variance"), rs);
        // the mixed models' own tests for heterogeneity, which the plots and workbook give under UM.FS, UM.RS and PLO
        String tests = "and with Wald and likelihood-ratio tests of the common-effect logistic model against a model"
                + " with an effect for each study";
        assertTrue(glmm.contains("Heterogeneity was assessed with Cochran's Q and I\u00b2, " + tests), glmm);
        assertTrue(rs.contains(tests), rs);
        // --glmm-model names the odds-ratio model: proportions have their tests under either
        assertTrue(paragraph(plain.withMeasure(org.mscmeta.effect.Measure.PLOGIT)
                .withMethod(org.mscmeta.analysis.Method.GLMM).withGlmmModel("UM.RS")).contains(tests));
        assertFalse(paragraph(plain).contains(tests));
        assertTrue(paragraph(plain).contains("the random-effects model used inverse-variance weights with the"
                + " between-study variance (tau\u00b2) estimated by restricted maximum likelihood"));
        // a run without a random-effects model has no tau2 per subgroup
        String common = paragraph(Settings.DEFAULTS.withBy(java.util.List.of("route")).withTau2(null));
        assertTrue(common.contains("Subgroup analyses by route pooled each subgroup separately, and tested"), common);
        assertTrue(paragraph(Settings.DEFAULTS.withBy(java.util.List.of("route"))).contains("separately, with its own"
                + " tau\u00b2,"));
    }

    /**
     * The route x cell-source meta-regressions and the zero-event table's inverse-variance rows are mixed-effects
     * models whatever --tau2: the paragraph names their estimator (REML under --tau2 none, which it did not say) and,
     * under --hksj, their Knapp-Hartung F test (it said "a Wald test", where results.json gives an F statistic).
     */
    @Test
    void theMixedEffectsModelsAreStatedAsFitted() throws Exception {
        org.mscmeta.sheet.ExtractionSheet sheet = org.mscmeta.sheet.SheetReader.withBuiltInVocabulary()
                .read(java.nio.file.Path.of("examples/msc_adverse_events.csv"), null);
        String reml = MethodsText.paragraph(org.mscmeta.analysis.MetaAnalysis.run(sheet, Settings.DEFAULTS));
        assertTrue(reml.startsWith("For each of 29 adverse-event outcomes we pooled the risk ratio"), reml);
        assertTrue(MethodsText.paragraph(org.mscmeta.analysis.MetaAnalysis.run(sheet, Settings.DEFAULTS
                .withOutcome("Death"))).startsWith("For the adverse-event outcome we pooled the risk ratio of MSC"
                + " versus control"), "not 'for each of 1 adverse-event outcome'");
        assertTrue(reml.contains("mixed-effects meta-regressions on both as factors, without and with their interaction"
                + " (residual tau\u00b2 by restricted maximum likelihood), the interaction tested with a Wald test of"
                + " its coefficients;"), reml);
        assertTrue(reml.contains("a mixed logistic model, and random-effects inverse variance (tau\u00b2 by restricted"
                + " maximum likelihood) with a 0.5 or a treatment-arm continuity correction, or with double-zero"
                + " studies included."), reml);
        Settings noneHksj = Settings.DEFAULTS.withTau2(null).withHksj(true);
        org.mscmeta.analysis.Results r = org.mscmeta.analysis.MetaAnalysis.run(sheet, noneHksj);
        String none = MethodsText.paragraph(r);
        assertTrue(none.contains("without and with their interaction (residual tau\u00b2 by restricted maximum"
                + " likelihood, with Knapp-Hartung tests), the interaction tested with an F test of its coefficients;"),
                none);
        assertTrue(none.contains("random-effects inverse variance (tau\u00b2 by restricted maximum likelihood, with the"
                + " Hartung-Knapp-Sidik-Jonkman interval)"), none);
        // what the paragraph says is what was fitted: the interaction test is an F test with its own df under --hksj
        var rs = r.analyses().stream().filter(a -> a.subgroup() == null && a.outcome().equals("Death"))
                .findFirst().orElseThrow().routeBySource();
        assertEquals(org.mscmeta.pool.TauSquared.REML, noneHksj.mixedEffectsTau2());
        assertTrue(Double.isFinite(rs.mainEffects().tau2()), "the main-effects model has a residual tau2 under"
                + " --tau2 none");
        String dl = MethodsText.paragraph(org.mscmeta.analysis.MetaAnalysis.run(sheet, Settings.DEFAULTS
                .withTau2(org.mscmeta.pool.TauSquared.DL)));
        assertTrue(dl.contains("(residual tau\u00b2 by the DerSimonian-Laird method), the interaction tested with a"
                + " Wald test"), dl);
    }

    /** Mantel-Haenszel is "on the raw counts" only where it is: not under RevMan 5's or R meta's conventions. */
    @Test
    void mantelHaenszelIsOnTheRawCountsOnlyUnderMetafor() {
        for (Convention c : Convention.values()) {
            String text = MethodsText.paragraph(new org.mscmeta.analysis.Results(Settings.DEFAULTS.withConvention(c)
                    .withBy(java.util.List.of()), "x.csv", 0, java.util.List.of(), java.util.List.of(),
                    java.util.List.of()));
            assertTrue(text.contains("Mantel-Haenszel method"), text);
            assertTrue(text.contains("Mantel-Haenszel method on the raw counts") == !c.correctedMantelHaenszel(),
                    c + ": " + text);
        }
    }
}
