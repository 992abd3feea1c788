package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mscmeta.concurrent.InOrder;
import org.mscmeta.effect.CcMode;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.SubgroupTest;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Field;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.TextColumn;

/**
 * Entry point of the analysis stage: every outcome of a validated sheet pooled overall and within each level
 * of each subgroup variable, with the tests for subgroup differences. Outcomes are analysed in parallel; the
 * result lists keep the order of first appearance in the sheet.
 *
 * <pre>{@code
 * ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(Path.of("trials.csv"), null);
 * Results results = MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(Measure.OR));
 * }</pre>
 */
public final class MetaAnalysis {

    private MetaAnalysis() {
    }

    /**
     * Runs the analysis.
     *
     * @throws IllegalArgumentException when a subgroup variable or the selected outcome is not in the sheet, or the
     *                                  settings are a combination that cannot be analysed
     *                                  ({@link Settings#conflict()})
     */
    public static Results run(ExtractionSheet sheet, Settings settings) {
        return run(sheet, settings, (done, total) -> { });
    }

    /** Told of each outcome as it is done; called from several threads. */
    @FunctionalInterface
    public interface Progress {
        /** How many outcomes are done, of how many. */
        void outcomesDone(int done, int total);

        /**
         * The analyses of the {@code index}-th outcome (overall, then its subgroups; the order of
         * {@link Results#analyses()}), as soon as they are done, before {@link #outcomesDone}: in about index order,
         * as outcomes are started in that order. Empty for an outcome with no comparative rows.
         */
        default void outcomeAnalysed(int index, List<Analysis> analyses) {
        }
    }

    /**
     * The settings a run of {@code settings} on {@code sheet} reports ({@link Results#settings()}): the subgroup
     * variables resolved (route and cell source when the sheet has them, unless named).
     *
     * @throws IllegalArgumentException when a subgroup variable is not a column of the sheet, or the settings are a
     *                                  combination that cannot be analysed ({@link Settings#conflict()})
     */
    public static Settings resolve(ExtractionSheet sheet, Settings settings) {
        Settings.Conflict conflict = settings.conflict();
        if (conflict != null) {
            throw new IllegalArgumentException("these settings cannot be analysed: " + conflict.message());
        }
        List<String> by = resolveBy(sheet, settings.by());
        for (String b : by) {
            if (sheet.subgroupColumn(b) == null) {
                throw noColumn(sheet, b, "to form subgroups (--by)");
            }
            oneColumn(sheet, b, "--by");
            if (sheet.isOutcomeColumn(b)) {
                // each outcome is analysed on its own: its one subgroup would repeat its analysis
                throw new IllegalArgumentException("'" + b + "' is the outcome column of " + sheet.file() + ", and"
                        + " every outcome is analysed on its own already: subgroups by it (--by) would repeat each"
                        + " analysis; choose another column, such as route or cell_source");
            }
        }
        onceEach(sheet, by, "--by");
        onceEach(sheet, settings.moderators(), "--moderators");
        for (String m : settings.moderators()) {
            if (sheet.subgroupColumn(m) == null) {
                throw noColumn(sheet, m, "for --moderators");
            }
            oneColumn(sheet, m, "--moderators");
            if (sheet.isOutcomeColumn(m)) {
                throw new IllegalArgumentException("'" + m + "' is the outcome column of " + sheet.file() + ", one"
                        + " value within each outcome's analysis: it cannot be a moderator (--moderators); choose"
                        + " another column");
            }
        }
        String group = settings.multiplicity().groupColumn();
        if (group != null) {
            if (sheet.subgroupColumn(group) == null) {
                throw noColumn(sheet, group, "naming the organ systems (--organ-system)");
            }
            oneColumn(sheet, group, "--organ-system");
        }
        return settings.withBy(by);
    }

    /**
     * As {@link #run(ExtractionSheet, Settings)}, reporting each finished outcome to {@code progress}. Outcomes are
     * started in order on as many threads as there are cores ({@link InOrder}).
     */
    public static Results run(ExtractionSheet sheet, Settings settings, Progress progress) {
        Settings resolved = resolve(sheet, settings);
        List<String> by = resolved.by();
        List<TextColumn> byColumns = new ArrayList<>();
        for (String b : by) {
            byColumns.add(blankNotReported(sheet.subgroupColumn(b)));
        }

        TextColumn outcomes = sheet.outcome();
        int nOutcomes = outcomes.levels().size();
        boolean proportions = settings.measure().isProportion();
        // comparative measures use the controlled trials; incidence among MSC recipients uses every row
        int[][] rowsByOutcome = groupRows(outcomes.codes(), nOutcomes, sheet, proportions ? 0 : -1);
        int[][] singleArmByOutcome = proportions ? new int[nOutcomes][0] : groupRows(outcomes.codes(), nOutcomes, sheet, 1);
        int[][] allRowsByOutcome = proportions ? rowsByOutcome : groupRows(outcomes.codes(), nOutcomes, sheet, 0);
        List<Integer> selected = selectOutcomes(sheet, settings.outcomes());

        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        OutcomeResult[] perOutcome = new OutcomeResult[selected.size()];
        InOrder.run(selected.size(), i -> {
            OutcomeResult r = analyseOutcome(sheet, outcomes.levels().get(selected.get(i)),
                    rowsByOutcome[selected.get(i)], singleArmByOutcome[selected.get(i)],
                    allRowsByOutcome[selected.get(i)], by, byColumns, resolved);
            perOutcome[i] = r;
            progress.outcomeAnalysed(i, List.copyOf(r.analyses()));
            progress.outcomesDone(done.incrementAndGet(), selected.size());
        });

        List<Analysis> analyses = new ArrayList<>();
        List<SubgroupComparison> tests = new ArrayList<>();
        List<Notice> notices = new ArrayList<>(sheet.notices());
        notices.addAll(unusedSettings(resolved));
        notices.addAll(outsideConvention(resolved));
        notices.addAll(narrowLevel(resolved));
        notices.addAll(noControlArm(sheet, resolved));
        notices.addAll(SensitivityAnalysis.mixedModerators(sheet, resolved));
        for (OutcomeResult r : perOutcome) {
            analyses.addAll(r.analyses());
            tests.addAll(r.tests());
            notices.addAll(r.notices());
        }
        List<Analysis> overalls = analyses.stream().filter(a -> a.subgroup() == null).toList();
        FalseDiscovery fdr = FalseDiscovery.of(sheet, overalls, resolved, notices);
        return new Results(resolved, sheet.file(), sheet.size(), List.copyOf(analyses), List.copyOf(tests),
                List.copyOf(notices), fdr);
    }

    /**
     * A comparison asked of a sheet none of whose rows has a control arm: nothing is compared, and each outcome's
     * notice of its single-arm rows does not say why. Names the columns of whole numbers the sheet does not read,
     * which may be the control arm's counts under a name mscmeta does not know ("Events (ctl)"), and the measure of an
     * incidence among MSC recipients alone.
     */
    static List<Notice> noControlArm(ExtractionSheet sheet, Settings s) {
        if (s.measure().isProportion() || sheet.size() == 0) {
            return List.of();
        }
        for (int i = 0; i < sheet.size(); i++) {
            if (!sheet.isSingleArm(i)) {
                return List.of();
            }
        }
        List<String> counts = new ArrayList<>();
        for (int j = 0; j < sheet.columns().size(); j++) {
            TextColumn c = sheet.columns().get(j);
            if (sheet.fieldColumns().containsValue(j) || c.name().isBlank()) {
                continue;
            }
            boolean whole = false;
            for (String v : c.levels()) {
                if (!v.isBlank() && !v.strip().matches("\\d{1,9}")) {
                    whole = false;
                    break;
                }
                whole |= !v.isBlank();
            }
            if (whole) {
                counts.add("'" + c.name() + "'");
            }
        }
        boolean columns = sheet.hasColumn(Field.EVENTS_CONTROL) || sheet.hasColumn(Field.N_CONTROL);
        return List.of(new Notice("single_arm", null, sheet.file() + ": no row has a control arm ("
                + (columns ? "its events_control and n_control cells are empty" : "the sheet has no column"
                + " events_control or n_control") + "), so no outcome is compared" + (counts.size() >= 2
                ? "; columns " + String.join(", ", counts) + " hold whole numbers: if two of them are the control"
                + " arm's counts, name them events_control and n_control" : "")
                + "; for the incidence among MSC recipients alone use --measure PLOGIT"));
    }

    /**
     * A confidence level below 50%, which no review means: "--level 1.5" is a 1.5% interval (a number above 1 is a
     * percentage, as metafor reads it), not 98.5%. The run goes on, as metafor's would, with a notice saying what it
     * computed.
     */
    static List<Notice> narrowLevel(Settings s) {
        if (s.level() >= 0.5) {
            return List.of();
        }
        return List.of(new Notice("settings", null, "--level: the intervals are " + Settings.percent(s.level())
                + " confidence intervals,"
                + " narrower than any a review reports (a number above 1 is read as a percentage, as metafor reads"
                + " it: 1.5 is 1.5%); for 95% intervals give 0.95 or 95"));
    }

    /**
     * The settings that have nothing to act on in this run, one notice each (category {@code settings}): the
     * analysis is what it would be without them, and results.json echoes them as they were given.
     */
    static List<Notice> unusedSettings(Settings s) {
        List<Notice> out = new ArrayList<>();
        String noRandom = ", and --tau2 none fits no random-effects model";
        if (s.hksj() && s.tau2() == null) {
            List<String> still = modelsFittedWithRemlAllTheSame(s);
            out.add(new Notice("settings", null, still.isEmpty()
                    ? "--hksj has no effect: it adjusts the interval of the random-effects model" + noRandom
                    : "--hksj leaves the pooled analyses as they are: it adjusts the interval of the random-effects"
                    + " model" + noRandom + "; it adjusts only the models fitted by REML all the same: "
                    + String.join(", ", still)));
        }
        if (s.predictionInterval() != null && s.tau2() == null) {
            out.add(new Notice("settings", null, "--prediction-interval has no effect: it chooses the quantile of the"
                    + " random-effects model's prediction interval" + noRandom));
        }
        String measure = "--measure " + s.measure().name();
        String single = measure + " pools the incidence among MSC recipients, one arm of each trial";
        if (s.measure().isProportion() && !Double.isNaN(s.controlRisk())) {
            out.add(new Notice("settings", null, "--control-risk has no effect: it is the assumed control-arm risk of"
                    + " the summary of findings, which compares MSC with control; " + single + ", which has none"));
        }
        if (s.measure().isProportion() && s.cc().mode() == CcMode.TACC) {
            out.add(new Notice("settings", null, "--cc-mode tacc corrects as only0 does here: the treatment-arm"
                    + " correction (Sweeting 2004) shares the correction between the two arms of a trial; " + single));
        }
        if (s.doubleZero() == DoubleZero.EXCLUDE && !s.measure().dropsDoubleZero()) {
            out.add(new Notice("settings", null, "--double-zero exclude has no effect: " + (s.measure().isProportion()
                    ? single + ", where a trial without events is an incidence of 0, not a double zero"
                    : measure + " keeps trials without events in both arms, whose risk difference is 0 with a finite"
                    + " variance (as metafor)")));
        }
        if (s.glmmModel().equals("UM.RS") && (s.measure().isProportion()
                || s.method() != Method.GLMM && s.sensitivity() == SensitivityMode.NONE)) {
            out.add(new Notice("settings", null, "--glmm-model has no effect: it chooses the GLMM of odds ratios of"
                    + " --method GLMM and of the zero-event sensitivity table, and " + (s.measure().isProportion()
                    ? "the GLMM of " + measure + " is the logistic model of the MSC arm (metafor's PLO)"
                    : "this run fits neither (--sensitivity none)")));
        }
        return out;
    }

    /**
     * The models a run fits by REML whatever its {@code --tau2}, which {@code --hksj} adjusts even under
     * {@code --tau2 none} (docs/methods.md, meta-regression; docs/results-json.md, zero-event sensitivity).
     */
    private static List<String> modelsFittedWithRemlAllTheSame(Settings s) {
        List<String> out = new ArrayList<>();
        if (RouteBySourceAnalysis.wanted(s)) {
            out.add("the route x cell source models");
        }
        if (!s.moderators().isEmpty()) {
            out.add("the meta-regression on --moderators");
        }
        if (!s.measure().isProportion() && s.sensitivity() != SensitivityMode.NONE) {
            out.add("the inverse-variance rows of the zero-event sensitivity table (outcomes with a zero cell)");
        }
        return out;
    }

    /**
     * A setting the convention's program does not have, so that the run is not that program's analysis although it
     * follows its conventions (category {@code settings}): RevMan 5 fits its random-effects model by
     * DerSimonian-Laird only, while the default estimator here is REML (metafor's and R meta's default).
     */
    static List<Notice> outsideConvention(Settings s) {
        if (s.convention() != org.mscmeta.effect.Convention.REVMAN5 || s.tau2() == null
                || s.tau2() == org.mscmeta.pool.TauSquared.DL || s.method() == Method.GLMM) {
            return List.of();
        }
        return List.of(new Notice("settings", null, "--convention revman5: RevMan 5 estimates tau\u00b2 by"
                + " DerSimonian-Laird only, and this run's random-effects model uses " + s.tau2().name()
                + (s.tau2() == org.mscmeta.pool.TauSquared.REML ? " (the default)" : "") + ": add --tau2 DL to reproduce RevMan 5's"
                + " random-effects results"));
    }

    private record OutcomeResult(List<Analysis> analyses, List<SubgroupComparison> tests, List<Notice> notices) {
    }

    private static OutcomeResult analyseOutcome(ExtractionSheet sheet, String outcome, int[] rows, int[] singleArm,
                                                int[] allRows, List<String> by, List<TextColumn> byColumns,
                                                Settings s) {
        List<Analysis> analyses = new ArrayList<>();
        List<SubgroupComparison> tests = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        if (singleArm.length > 0) {
            notices.add(new Notice("single_arm", outcome, outcome + ": "
                    + Notice.count(singleArm.length, "single-arm row", "single-arm rows")
                    + " (no control arm) left out of the comparative analysis ("
                    + (singleArm.length == 1 ? "row " : "rows ") + rowList(sheet, singleArm) + ")"));
        }
        if (rows.length == 0) {
            return new OutcomeResult(analyses, tests, notices);
        }
        notices.addAll(SharedControlArms.check(sheet, outcome, rows));
        Analysis overall = PooledModel.fit(sheet, outcome, null, rows, s);
        overall = overall.withSensitivity(SensitivityAnalysis.run(sheet, overall, rows, s, notices));
        overall = overall.withZeroEvents(ZeroEventSensitivity.run(sheet, outcome, rows, s));
        if (!s.measure().isProportion()) {
            // beside the comparison: how often MSC recipients of all trials (single-arm too) had the event
            overall = overall.withIncidence(PooledModel.incidence(sheet, outcome, allRows, s));
        }
        overall = overall.withSummaryOfFindings(SummaryOfFindings.of(overall, s));
        if (RouteBySourceAnalysis.wanted(s)) {
            overall = overall.withRouteBySource(RouteBySourceAnalysis.run(sheet, overall, rows, s, notices));
        }
        analyses.add(overall);
        describe(overall, s, notices);

        for (int v = 0; v < by.size(); v++) {
            TextColumn col = byColumns.get(v);
            String variable = by.get(v);
            int[][] levels = levelsInOrder(col, rows);
            List<Analysis> levelAnalyses = new ArrayList<>();
            for (int[] positions : levels) {
                int[] levelRows = new int[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    levelRows[i] = rows[positions[i]];
                }
                String level = col.get(levelRows[0]);
                // each study's effect is its own (but under if0all, whose correction depends on the other studies):
                // a subgroup takes the overall analysis' effects instead of computing them again
                StudyEffects effects = s.cc().mode() == CcMode.IF0ALL ? null
                        : overall.studies().effects().subset(positions);
                Analysis a = PooledModel.fit(sheet, outcome, new Subgroup(variable, level), levelRows, s, effects);
                levelAnalyses.add(a);
            }
            analyses.addAll(levelAnalyses);
            if (levelAnalyses.size() < 2) {
                continue;
            }
            double[] est = new double[levelAnalyses.size()];
            double[] se = new double[levelAnalyses.size()];
            for (int j = 0; j < est.length; j++) {
                CommonResult c = levelAnalyses.get(j).common();
                est[j] = c.logEstimate();
                se[j] = c.se();
            }
            // each model's test on the subgroups that have that model's estimate: a subgroup whose only study has
            // no event in one arm has a random-effects estimate (its corrected study estimate) but no
            // Mantel-Haenszel one on the raw counts, and the random-effects test was left out with the common one
            SubgroupTest commonTest = SubgroupTest.between(est, se);
            SubgroupTest randomTest = null;
            if (s.tau2() != null) {
                for (int j = 0; j < est.length; j++) {
                    RandomResult r = levelAnalyses.get(j).random();
                    est[j] = r.logEstimate();
                    se[j] = r.se();
                }
                randomTest = SubgroupTest.between(est, se);
            }
            boolean common = commonTest.df() >= 1;
            boolean random = randomTest != null && randomTest.df() >= 1;
            if (common) {
                tests.add(comparison(outcome, variable, "common", commonTest));
            }
            if (random) {
                tests.add(comparison(outcome, variable, "random", randomTest));
            }
            String commonWords = s.method().words() + " estimate";
            if (!common && !random) {
                notices.add(new Notice("subgroup_test", outcome, outcome + ": no test for subgroup differences by "
                        + variable + " (fewer than two subgroups have a pooled estimate"
                        + withStandardError(levelAnalyses, false) + ")"));
            } else if (!common) {
                notices.add(new Notice("subgroup_test", outcome, outcome + ": no common-effect test for subgroup"
                        + " differences by " + variable + " (fewer than two subgroups have a " + commonWords
                        + withStandardError(levelAnalyses, false) + ")"));
            } else if (randomTest != null && !random) {
                notices.add(new Notice("subgroup_test", outcome, outcome + ": no random-effects test for subgroup"
                        + " differences by " + variable + " (fewer than two subgroups have a random-effects"
                        + " estimate with a standard error)"));
            }
            // a test that stands on some of the subgroups names those it leaves out: its df alone would not
            if (common) {
                leftOut(outcome, variable, "common-effect", commonWords, levelAnalyses, false, notices);
            }
            if (random) {
                leftOut(outcome, variable, "random-effects", "random-effects estimate", levelAnalyses, true, notices);
            }
        }
        return new OutcomeResult(analyses, tests, notices);
    }

    /** " with a standard error" when a level left out of a test has that model's estimate but no standard error. */
    private static String withStandardError(List<Analysis> levels, boolean random) {
        for (Analysis a : levels) {
            if (Double.isFinite(random ? a.random().logEstimate() : a.common().logEstimate())
                    && !a.entersSubgroupTest(random)) {
                return " with a standard error";
            }
        }
        return "";
    }

    private static void leftOut(String outcome, String variable, String model, String estimateWords,
                                List<Analysis> levels, boolean random, List<Notice> notices) {
        List<String> names = new ArrayList<>();
        for (Analysis a : levels) {
            if (!a.entersSubgroupTest(random)) {
                names.add(a.subgroup().level());
            }
        }
        if (!names.isEmpty()) {
            notices.add(new Notice("subgroup_test", outcome, outcome + ": the " + model + " test for subgroup"
                    + " differences by " + variable + " leaves out " + String.join(", ", names) + " (no "
                    + estimateWords + withStandardError(levels, random) + ")"));
        }
    }

    private static SubgroupComparison comparison(String outcome, String variable, String model, SubgroupTest t) {
        double i2 = t.df() > 0 && t.q() > 0 ? Math.max(0, (t.q() - t.df()) / t.q()) * 100 : Double.NaN;
        return new SubgroupComparison(outcome, variable, model, t.q(), t.df(), t.p(), i2);
    }

    private static void describe(Analysis a, Settings s, List<Notice> notices) {
        StudyTable studies = a.studies();
        if (a.kDoubleZeroExcluded() > 0) {
            notices.add(new Notice("double_zero", a.outcome(), a.outcome() + ": "
                    + Notice.count(a.kDoubleZeroExcluded(), "study", "studies")
                    + " with no events (or only events) in both arms left out of the " + s.measure()
                    + " analysis: " + named(studies, j -> StudyTable.DOUBLE_ZERO.equals(studies.exclusion(j)))
                    + " (use --double-zero include to keep " + (a.kDoubleZeroExcluded() == 1 ? "it" : "them")
                    + " with the continuity correction)"));
        }
        if (a.kNotEstimable() > 0) {
            notices.add(new Notice("not_estimable", a.outcome(), a.outcome() + ": "
                    + Notice.count(a.kNotEstimable(), "study", "studies") + " whose " + s.measure()
                    + " cannot be computed without a continuity correction " + (a.kNotEstimable() == 1 ? "was" : "were")
                    + " left out: " + named(studies, j -> StudyTable.NOT_ESTIMABLE.equals(studies.exclusion(j)))));
        }
        int nCorrected = 0;
        for (int j = 0; j < studies.size(); j++) {
            nCorrected += studies.corrected(j) ? 1 : 0;
        }
        if (nCorrected > 0) {
            notices.add(new Notice("continuity_correction", a.outcome(), a.outcome()
                    + (s.cc().mode() == org.mscmeta.effect.CcMode.TACC ? ": treatment-arm continuity correction "
                    : ": continuity correction ") + fmt(s.cc().value())
                    + " added to the cells of " + Notice.count(nCorrected, "study", "studies")
                    + " for " + (nCorrected == 1 ? "its" : "their") + " own estimates"
                    + (s.method() == Method.GLMM ? " (the logistic models use the raw counts)"
                            : s.method() == Method.IV ? " and the pooling"
                            : s.method() == Method.MH && s.convention().correctedMantelHaenszel()
                            ? " and the pooling (the " + s.method().words() + " estimate included, as in "
                            + s.convention().displayName() + ")"
                            : (s.tau2() == null ? " (the " : " and the random-effects model (the ")
                            + s.method().words() + " estimate uses the raw counts)")
                    + ": " + named(studies, studies::corrected)));
        }
        if (!a.common().isFitted() && a.k() == 0) {
            notices.add(new Notice("not_pooled", a.outcome(), a.outcome()
                    + ": no study could be pooled (no estimable effect); only the study rows are reported"));
        } else if (a.common().isFitted() && !a.common().isEstimable()) {
            notices.add(new Notice("not_pooled", a.outcome(), a.outcome() + ": the " + s.method().words()
                    + " estimate is not estimable: " + a.common().notEstimable()));
        }
        if (a.common().isFitted() && a.common().k() != a.k() && s.method() != Method.IV) {
            int extra = a.common().k() - a.k();
            notices.add(new Notice("models", a.outcome(), a.outcome() + ": the " + methodName(s.method())
                    + " estimate pools " + Notice.count(a.common().k(), "table", "tables") + ", " + extra
                    + " more than the " + Notice.count(a.k(), "study", "studies")
                    + " with a study estimate (tables with " + a.withoutOwnEstimate() + " have no "
                    + s.measure() + " of their own but still count in " + methodName(s.method()) + ")"));
        }
        RandomResult rr = a.random();
        if (rr.isEstimable() && rr.k() >= PredictionInterval.MIN_K && rr.k() < PREDICTION_FEW
                && s.prediction() != PredictionInterval.T_K2) {
            notices.add(new Notice("prediction_interval", a.outcome(), a.outcome() + ": the prediction interval"
                    + " uses " + s.prediction().words() + " on k = " + rr.k() + " studies, which understates its width"
                    + " with few studies; IntHout et al. (BMJ Open 2016;6:e010247) recommend t with k-2 degrees of"
                    + " freedom (--prediction-interval t(k-2))"));
        }
        if (rr.isEstimable() && a.k() > 1 && a.k() < 5 && !s.hksj()) {
            notices.add(new Notice("small_k", a.outcome(), a.outcome() + (s.method() == Method.GLMM
                    ? ": random-effects GLMM on k = " + a.k() + " studies; with fewer than 5 studies its tau\u00b2 is"
                    + " imprecise and its Wald interval may be too narrow"
                    : ": random-effects model on k = " + a.k() + " studies; with fewer than 5 studies consider --hksj")));
        }
    }

    /** Below this many studies, a prediction interval not on t(k-2) gets a notice. */
    static final int PREDICTION_FEW = 10;

    private static String methodName(Method m) {
        return switch (m) {
            case MH -> "Mantel-Haenszel";
            case PETO -> "Peto";
            case IV -> "inverse-variance";
            case GLMM -> "GLMM";
        };
    }

    /**
     * The outcome codes to analyse: all, or those named (each name matched to an outcome of the sheet ignoring
     * case and surrounding space).
     *
     * @throws IllegalArgumentException naming an outcome the sheet does not have, and the outcomes it has
     */
    private static List<Integer> selectOutcomes(ExtractionSheet sheet, List<String> names) {
        List<String> levels = sheet.outcome().levels();
        List<Integer> selected = new ArrayList<>();
        if (names.isEmpty()) {
            for (int o = 0; o < levels.size(); o++) {
                selected.add(o);
            }
            return selected;
        }
        boolean[] chosen = new boolean[levels.size()];
        for (String name : names) {
            int hit = org.mscmeta.sheet.OutcomeNames.find(name, levels);
            if (hit < 0) {
                String near = org.mscmeta.sheet.OutcomeNames.closest(name, levels);
                String hint = name.contains(",") ? " (to analyse several outcomes, give --outcome once for each)"
                        : near != null ? "; did you mean '" + near + "'?" : "";
                throw new IllegalArgumentException("no outcome '" + name + "' in " + sheet.file() + hint
                        + (near != null && !name.contains(",") ? " The" : "; the") + " outcomes are: "
                        + org.mscmeta.sheet.OutcomeNames.listed(levels));
            }
            chosen[hit] = true;
        }
        for (int o = 0; o < levels.size(); o++) {
            if (chosen[o]) {
                selected.add(o);
            }
        }
        return selected;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Studies named in a notice; more are counted. */
    static final int ABBREVIATED = 8;

    /** The studies of {@code st} that {@code which} picks, by name and row, the first {@link #ABBREVIATED} of them. */
    static String named(StudyTable st, java.util.function.IntPredicate which) {
        List<String> names = new ArrayList<>();
        int count = 0;
        for (int j = 0; j < st.size(); j++) {
            if (which.test(j) && count++ < ABBREVIATED) {
                names.add(st.study(j) + " (row " + st.row(j) + ")");
            }
        }
        return abbreviate(names, count);
    }

    /** The first names of {@code count} items, and how many there are when not all are named. */
    static String abbreviate(List<String> first, int count) {
        String named = String.join(", ", first);
        return count <= first.size() ? named : named + ", ... (" + count + " in all)";
    }

    /** Refuses a column name that names two columns of the sheet: the first would be taken without a word. */
    private static void oneColumn(ExtractionSheet sheet, String name, String option) {
        List<String> named = sheet.columnsNamed(name);
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(option + " names '" + name + "', but " + named.size() + " columns of "
                    + sheet.file() + " have that name (" + org.mscmeta.sheet.OutcomeNames.listed(named.stream()
                    .map(n -> "'" + n + "'").toList()) + "): give"
                    + " each column a name of its own and name the one meant");
        }
    }

    /** Refuses a list of columns that names one column twice (the same name, or a name and its alias). */
    private static void onceEach(ExtractionSheet sheet, List<String> columns, String option) {
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                if (sheet.sameColumn(columns.get(i), columns.get(j))) {
                    String twice = columns.get(i).equals(columns.get(j))
                            ? "the column '" + columns.get(i) + "' of " + sheet.file() + " twice"
                            : "one column of " + sheet.file() + " twice, as '" + columns.get(i) + "' and '"
                            + columns.get(j) + "'";
                    throw new IllegalArgumentException(option + " names " + twice + ": give each column once");
                }
            }
        }
    }

    /** Route and cell source when the sheet has values for them, unless the user named variables. */
    private static List<String> resolveBy(ExtractionSheet sheet, List<String> by) {
        if (by != null) {
            List<String> out = new ArrayList<>();
            for (String b : by) {
                if (!b.isBlank()) {
                    out.add(b.strip());
                }
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        if (sheet.hasValues(Field.ROUTE)) {
            out.add(Field.ROUTE.canonical());
        }
        if (sheet.hasValues(Field.CELL_SOURCE)) {
            out.add(Field.CELL_SOURCE.canonical());
        }
        return out;
    }

    /** Row indices per outcome code: comparative rows ({@code arms = -1}), single-arm ({@code 1}) or all ({@code 0}). */
    private static int[][] groupRows(int[] codes, int n, ExtractionSheet sheet, int arms) {
        int[] counts = new int[n];
        boolean single = arms == 1;
        for (int i = 0; i < codes.length; i++) {
            if (arms == 0 || sheet.isSingleArm(i) == single) {
                counts[codes[i]]++;
            }
        }
        int[][] out = new int[n][];
        for (int o = 0; o < n; o++) {
            out[o] = new int[counts[o]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < codes.length; i++) {
            if (arms == 0 || sheet.isSingleArm(i) == single) {
                out[codes[i]][fill[codes[i]]++] = i;
            }
        }
        return out;
    }

    /**
     * The positions in {@code rows} of each level of {@code col} among them, levels in order of first appearance.
     */
    private static int[][] levelsInOrder(TextColumn col, int[] rows) {
        int nLevels = col.levels().size();
        int[] order = new int[nLevels];
        Arrays.fill(order, -1);
        int[] counts = new int[nLevels];
        int seen = 0;
        int[] firstSeen = new int[nLevels];
        for (int r : rows) {
            int code = col.codes()[r];
            if (order[code] < 0) {
                order[code] = seen;
                firstSeen[seen++] = code;
            }
            counts[code]++;
        }
        int[][] out = new int[seen][];
        int[] fill = new int[seen];
        for (int j = 0; j < seen; j++) {
            out[j] = new int[counts[firstSeen[j]]];
        }
        for (int p = 0; p < rows.length; p++) {
            int j = order[col.codes()[rows[p]]];
            out[j][fill[j]++] = p;
        }
        return out;
    }

    private static String rowList(ExtractionSheet sheet, int[] rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(rows.length, 8); i++) {
            sb.append(i == 0 ? "" : ", ").append(sheet.rowNumber()[rows[i]]);
        }
        if (rows.length > 8) {
            sb.append(", ...");
        }
        return sb.toString();
    }

    /**
     * A subgroup variable whose blank cells are the level "not reported", as a blank route or cell source is
     * ({@link org.mscmeta.sheet.Vocabulary#NOT_REPORTED}): a subgroup named by nothing was a heading without a name in
     * the console, results.json and the plots.
     */
    static TextColumn blankNotReported(TextColumn c) {
        int blank = c.levels().indexOf("");
        if (blank < 0) {
            return c;
        }
        String notReported = org.mscmeta.sheet.Vocabulary.NOT_REPORTED;
        int existing = c.levels().indexOf(notReported);
        if (existing < 0) {
            List<String> levels = new ArrayList<>(c.levels());
            levels.set(blank, notReported);
            return new TextColumn(c.name(), List.copyOf(levels), c.codes());
        }
        int[] codes = c.codes().clone();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == blank) {
                codes[i] = existing;
            }
        }
        return new TextColumn(c.name(), c.levels(), codes); // the blank level is then used by no row
    }

    /**
     * The refusal of a column the sheet does not have, asked for {@code purpose} ("to form subgroups (--by)"): with
     * the one column whose name holds the word asked for, or else the column a letter or two from it, when there is
     * one, and the sheet's columns.
     */
    static IllegalArgumentException noColumn(ExtractionSheet sheet, String name, String purpose) {
        List<String> names = new ArrayList<>();
        for (TextColumn c : sheet.columns()) {
            names.add(c.name());
        }
        // a column whose name holds the word asked for ("dose" in dose_description), else one a letter or two off
        String word = "_" + org.mscmeta.sheet.Field.headerKey(name) + "_";
        List<String> holding = names.stream()
                .filter(n -> ("_" + org.mscmeta.sheet.Field.headerKey(n) + "_").contains(word)).toList();
        String near = holding.size() == 1 ? holding.get(0) : org.mscmeta.sheet.OutcomeNames.closest(name, names);
        // "route;cell_source", "route cell_source": columns each, given with another separator than a comma
        String[] parts = name.strip().split("\\s*[;|/+&]\\s*|\\s+");
        boolean several = parts.length > 1;
        for (String part : parts) {
            several &= sheet.subgroupColumn(part) != null;
        }
        if (several) {
            return new IllegalArgumentException("no column '" + name + "' in " + sheet.file() + " " + purpose
                    + ": to name several columns, separate them with commas ('" + String.join(",", parts) + "')");
        }
        return new IllegalArgumentException("no column '" + name + "' in " + sheet.file() + " " + purpose
                + (near != null ? "; did you mean '" + near + "'? The" : "; the") + " columns are: "
                + org.mscmeta.sheet.OutcomeNames.listed(names));
    }
}
