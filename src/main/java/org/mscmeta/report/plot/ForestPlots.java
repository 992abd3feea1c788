package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Sensitivity;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;
import org.mscmeta.report.StudyLabels;

/**
 * The content of the forest plots, from the engine's results: per outcome, per outcome and subgroup variable, the
 * refits (leave-one-out, cumulative), the zero-event table and the AE panel. Only formats what the engine computed
 * (numbers by {@link Formats}, models by {@link ModelWords}); the model shown is the random-effects model when there
 * is one, else the common-effect model, and every pooled row, weight column and test names its model.
 */
public final class ForestPlots {

    /**
     * Above this many study rows a forest plot shows only its pooled rows (a plot of thousands of rows is neither
     * readable nor renderable at 300 dpi); the study rows are in the workbook and results.json.
     */
    public static final int MAX_STUDY_ROWS = 200;

    private ForestPlots() {
    }

    // ------------------------------------------------------------------ axes

    /** The scale of the effect measure. */
    static Axis.Scale scale(Settings s) {
        return Axis.Scale.of(s.measure());
    }

    /**
     * The axis every plot of one outcome shares: the user's limits, else the regular range that holds each study's
     * estimate and every pooled estimate and interval of the outcome's analyses (overall, subgroups, refits), an
     * interval as far as {@link Axis#intervalBound} lets it widen the axis.
     */
    static Axis outcomeAxis(List<Analysis> analyses, Settings s, PlotOptions o) {
        if (o.hasAxisLimits()) {
            return Axis.limits(scale(s), o.axisMin(), o.axisMax());
        }
        List<Double> show = new ArrayList<>();
        for (Analysis a : analyses) {
            if (a.studies().size() <= MAX_STUDY_ROWS) {
                for (int j = 0; j < a.studies().size(); j++) {
                    if (a.studies().included(j)) {
                        show.add(a.studies().estimate(j));
                    }
                }
            }
            double[] e = shown(a, s);
            pooled(show, scale(s), e[0], e[1], e[2]);
            if (a.sensitivity() != null) {
                for (List<Sensitivity.Step> steps : List.of(a.sensitivity().leaveOneOut(),
                        a.sensitivity().cumulative())) {
                    for (Sensitivity.Step st : steps) {
                        show.add(st.estimate());
                    }
                }
            }
        }
        return Axis.forValues(scale(s), show);
    }

    /** What a pooled estimate asks of the axis: its estimate, and its interval as far as {@link Axis#intervalBound}. */
    private static void pooled(List<Double> show, Axis.Scale scale, double estimate, double lower, double upper) {
        show.add(estimate);
        show.add(Axis.intervalBound(scale, lower));
        show.add(Axis.intervalBound(scale, upper));
    }

    // ------------------------------------------------------------------ plots

    /** The forest plot of one outcome's overall analysis. */
    static ForestPlot outcome(Analysis a, Settings s, PlotOptions o, Axis axis) {
        List<ForestRow> rows = new ArrayList<>();
        studyRows(a, s, rows, o.order());
        rows.add(ForestRow.blank());
        totalRows(a, s, rows, false);
        rows.add(ForestRow.blank());
        equalSquares(a, s, rows);
        footnotes(s, rows);
        return plot(o.titleFor(a.outcome(), a.outcome()), s, o, rows, axis);
    }

    /** The forest plot of one outcome split by the levels of one subgroup variable. */
    static ForestPlot subgroups(Analysis overall, List<Analysis> levels, List<SubgroupComparison> tests, Settings s,
                                PlotOptions o, Axis axis) {
        String variable = levels.isEmpty() ? "" : levels.get(0).subgroup().variable().replace('_', ' ');
        List<ForestRow> rows = new ArrayList<>();
        boolean studies = overall.studies().size() <= MAX_STUDY_ROWS;
        if (!studies) {
            rows.add(ForestRow.note(overall.studies().size() + " studies: study rows are in results.xlsx and"
                    + " results.json; plots show them up to " + MAX_STUDY_ROWS + " studies"));
        }
        for (Analysis level : levels) {
            rows.add(ForestRow.group(variable + ": " + level.subgroup().level()));
            if (studies) {
                studyRows(level, s, rows, o.order());
            }
            totalRows(level, s, rows, true);
            rows.add(ForestRow.blank());
        }
        totalRows(overall, s, rows, false);
        boolean random = showsRandom(overall, s);
        ModelWords.subgroupTests(tests, random, s, t -> "Chi\u00b2\u00a0=\u00a0" + Formats.test(t.q())
                + ", df\u00a0=\u00a0" + t.df() + " (" + pText(t.p()) + "), I\u00b2\u00a0=\u00a0"
                + Formats.percent(t.i2(), 0)).forEach(line -> rows.add(ForestRow.note(line)));
        rows.add(ForestRow.blank());
        if (weighted(overall, random)) {
            rows.add(ForestRow.note("Weights are within each subgroup, " + (random ? "random effects" : "common effect")
                    + "."));
        }
        equalSquares(overall, s, rows);
        footnotes(s, rows);
        // the user's title of the outcome's forest plot, and which subgroups these are
        String title = o.titleFor(overall.outcome(), overall.outcome()) + " by " + variable;
        return plot(title, s, o, rows, axis);
    }

    /**
     * One row per outcome with its pooled estimate and the incidence among MSC recipients beside it: the safety
     * profile in one picture. Outcomes are grouped by organ system when the run has them (systems alphabetically,
     * outcomes in the run's order), and the outcomes flagged across the run are marked: {@code *} by
     * Benjamini-Hochberg, {@code †} by the double FDR.
     */
    static ForestPlot aePanel(List<Analysis> overalls, Settings s, PlotOptions o,
                              org.mscmeta.analysis.FalseDiscovery fdr) {
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        boolean prop = s.measure().isProportion();
        boolean ratio = s.measure().isRatio();
        boolean systems = fdr != null && fdr.column() != null;
        java.util.Map<String, List<Analysis>> groups = new java.util.TreeMap<>();
        for (Analysis a : overalls) {
            var row = fdr == null ? null : fdr.of(a.outcome());
            String key = !systems ? "" : row == null || row.organSystem() == null ? "\uffff" : row.organSystem();
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
        }
        boolean anyBh = false;
        boolean anyDouble = false;
        for (var g : groups.entrySet()) {
            if (systems) {
                rows.add(ForestRow.group(g.getKey().equals("\uffff") ? "No organ system" : g.getKey()));
            }
            for (Analysis a : g.getValue()) {
                var flags = fdr == null ? null : fdr.of(a.outcome());
                boolean bh = flags != null && flags.bhFlagged();
                boolean dbl = flags != null && flags.flagged();
                anyBh |= bh;
                anyDouble |= dbl;
                // a proportion's estimate is the incidence already: the column is left empty rather than repeat it
                double incidence = prop || a.incidence() == null ? Double.NaN
                        : a.incidence().random().isFitted() ? a.incidence().random().estimate()
                        : a.incidence().common().estimate();
                String[] cells = {Long.toString(a.eventsMsc()), Long.toString(a.nMsc()),
                    prop ? "" : Long.toString(a.eventsControl()), prop ? "" : Long.toString(a.nControl()),
                    Double.isFinite(incidence) ? Formats.percent(100 * incidence, 1) : ""};
                double[] e = shown(a, s);
                String label = a.outcome() + " (k\u00a0=\u00a0" + a.k() + ")" + (bh ? " *" : "") + (dbl ? " \u2020" : "");
                rows.add(new ForestRow(ForestRow.Kind.TOTAL, label, cells, Formats.interval(e[0], e[1], e[2], ratio),
                        e[0], e[1], e[2], Double.NaN, 2));
                pooled(show, scale(s), e[0], e[1], e[2]);
            }
        }
        rows.add(ForestRow.blank());
        // the model of each row as shown() takes it (it said "random effects where k > 1", which a row of k = 1 was)
        rows.add(ForestRow.note("Pooled " + ModelWords.measure(s.measure()) + " per outcome, "
                + ModelWords.panelModels(overalls, s)
                + (prop ? "; k: studies (the MSC arms of every trial, single-arm too)."
                : "; k: studies with an estimate (no events in both arms: not counted). Incidence: the pooled"
                + " proportion of MSC recipients with the event, every trial (single-arm too).")));
        if (fdr != null && fdr.tested() > 1) {
            rows.add(ForestRow.note("* flagged by Benjamini-Hochberg across the outcomes at "
                    + Formats.plain(fdr.alpha2()) + (anyBh ? "" : " (none)") + (systems ? "; \u2020 flagged by the"
                    + " double FDR (Mehrotra and Adewale 2012; organ systems at " + Formats.plain(fdr.alpha1())
                    + ", terms at " + Formats.plain(fdr.alpha2()) + ")" + (anyDouble ? "" : " (none)") : "") + "."));
        }
        footnotes(s, rows);
        Axis axis = o.hasAxisLimits() ? Axis.limits(scale(s), o.axisMin(), o.axisMax())
                : Axis.forValues(scale(s), show);
        return new ForestPlot("Adverse events after MSC: pooled " + ModelWords.measure(s.measure()) + " per outcome",
                "Outcome", new String[] {"MSC", prop ? "" : "Control", prop ? "" : "Incidence"},
                new String[] {"Events", "Total", prop ? "" : "Events", prop ? "" : "Total", prop ? "" : "with MSC"},
                estHead(s), ci(s), favours(o, s, true), favours(o, s, false), rows, axis);
    }

    /** The zero-event sensitivity table as a small forest plot (ratio measures only); null when there is none. */
    static ForestPlot zeroEvents(Analysis a, Settings s, PlotOptions o) {
        if (a.zeroEvents().isEmpty() || !s.measure().isRatio()) {
            return null;
        }
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        for (var z : a.zeroEvents()) {
            boolean ok = Double.isFinite(z.estimate());
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, z.method() + " (" + z.measure() + ", " + z.model() + ")",
                    new String[] {"", "", "", "", Integer.toString(z.k())}, ok ? Formats.interval(z.estimate(),
                    z.ciLower(), z.ciUpper(), true) : Formats.NOT_ESTIMABLE, z.estimate(), z.ciLower(), z.ciUpper(),
                    Double.NaN, 2));
            if (!ok && z.note() != null) {
                rows.add(ForestRow.note(z.note()));
            }
            pooled(show, scale(s), z.estimate(), z.ciLower(), z.ciUpper());
        }
        rows.add(ForestRow.blank());
        rows.add(ForestRow.note(ModelWords.zeroEventModels(s) + "."));
        footnotes(s, rows);
        Axis axis = o.hasAxisLimits() ? Axis.limits(scale(s), o.axisMin(), o.axisMax())
                : Axis.forValues(scale(s), show);
        return new ForestPlot("Zero-event sensitivity: " + a.outcome(), "Method", new String[] {"", "", ""},
                new String[] {"", "", "", "", "Studies"}, "Pooled ratio", ci(s), favours(o, s, true),
                favours(o, s, false), rows, axis);
    }

    /** Leave-one-out forest plot: the pooled estimate without each study in turn, then the full estimate. */
    static ForestPlot leaveOneOut(Analysis a, Settings s, PlotOptions o, Axis axis) {
        return refits(a, s, o, axis, a.sensitivity().leaveOneOut(), "Omitting ",
                "Leave-one-out analysis: " + a.outcome());
    }

    /** Cumulative forest plot: the pooled estimate as studies are added by year. */
    static ForestPlot cumulative(Analysis a, Settings s, PlotOptions o, Axis axis) {
        return refits(a, s, o, axis, a.sensitivity().cumulative(), "Adding ",
                "Cumulative analysis by year: " + a.outcome());
    }

    private static ForestPlot refits(Analysis a, Settings s, PlotOptions o, Axis axis, List<Sensitivity.Step> steps,
                                     String prefix, String title) {
        boolean ratio = s.measure().isRatio();
        boolean random = showsRandom(a, s);
        List<ForestRow> rows = new ArrayList<>();
        StudyLabels.ByRow labels = StudyLabels.of(a);
        for (var st : steps) {
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, prefix + labels.label(st.row(), st.study()),
                    new String[] {"", "", "", "", random ? Formats.tau2(st.tau2()) : Integer.toString(st.k())},
                    Formats.interval(st.estimate(), st.ciLower(), st.ciUpper(), ratio), st.estimate(), st.ciLower(),
                    st.ciUpper(), Double.NaN, 2));
            if (!Double.isFinite(st.estimate()) && st.notEstimable() != null) {
                // why, as results.json's step says it and a total's row below it does ("the random-effects GLMM
                // needs at least 2 studies (k = 1)")
                rows.add(ForestRow.note(Formats.notEstimable(st.notEstimable())));
            }
        }
        rows.add(ForestRow.blank());
        double[] e = shown(a, s);
        rows.add(new ForestRow(ForestRow.Kind.TOTAL, "All studies, " + (random && Double.isFinite(a.random().estimate())
                ? ModelWords.random(s, a.random()) : ModelWords.common(s)), new String[] {"", "", "",
            "", random ? Formats.tau2(a.random().tau2()) : Integer.toString(a.common().k())},
            Formats.interval(e[0], e[1], e[2], ratio), e[0], e[1], e[2], Double.NaN, random ? 1 : 0));
        rows.add(ForestRow.blank());
        // as metafor, a step of one study has that study's z interval: Hartung-Knapp needs two
        boolean oneUnderHk = random && s.hksj() && steps.stream().anyMatch(st -> st.k() == 1);
        // the model the steps refit (SensitivityAnalysis): the common-effect one where the analysis has no random one
        rows.add(ForestRow.note("Each row: " + (random ? ModelWords.shown(s) : ModelWords.common(s))
                + " refitted on the studies of that step"
                + (oneUnderHk ? "; " + ModelWords.ownZInterval("a step") + "." : ".")));
        footnotes(s, rows);
        return new ForestPlot(title, "Analysis", new String[] {"", "", ""},
                new String[] {"", "", "", "", random ? "Tau\u00b2" : "Studies"}, estHead(s), ci(s),
                favours(o, s, true), favours(o, s, false), rows, axis);
    }

    // ------------------------------------------------------------------ rows

    static boolean showsRandom(Analysis a, Settings s) {
        return s.tau2() != null && a.random().isFitted();
    }

    /** Estimate and CI of the model shown, natural scale. */
    private static double[] shown(Analysis a, Settings s) {
        if (showsRandom(a, s) && Double.isFinite(a.random().estimate())) {
            RandomResult r = a.random();
            return new double[] {r.estimate(), r.ciLower(), r.ciUpper()};
        }
        CommonResult c = a.common();
        if (Double.isFinite(c.estimate())) {
            return new double[] {c.estimate(), c.ciLower(), c.ciUpper()};
        }
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    private static void studyRows(Analysis a, Settings s, List<ForestRow> rows, StudyOrder order) {
        boolean random = showsRandom(a, s);
        boolean ratio = s.measure().isRatio();
        if (a.studies().size() > MAX_STUDY_ROWS) {
            rows.add(ForestRow.note(a.studies().size() + " studies (" + a.k() + " pooled): study rows are in"
                    + " results.xlsx and results.json; plots show them up to " + MAX_STUDY_ROWS + " studies"));
            return;
        }
        for (StudyResult st : order.apply(a.studies(), random)) {
            String label = StudyLabels.of(st.study(), st.year());
            boolean arm2 = st.nControl() >= 0 && !s.measure().isProportion();
            double w = random ? st.weightRandom() : st.weightCommon();
            String[] cells = {Integer.toString(st.eventsMsc()), Integer.toString(st.nMsc()),
                arm2 ? Integer.toString(st.eventsControl()) : "", arm2 ? Integer.toString(st.nControl()) : "",
                st.included() && Double.isFinite(w) ? Formats.percent(w, 1) : ""};
            if (st.included()) {
                rows.add(new ForestRow(ForestRow.Kind.STUDY, label, cells,
                        Formats.interval(st.estimate(), st.ciLower(), st.ciUpper(), ratio), st.estimate(),
                        st.ciLower(), st.ciUpper(), w, 0));
            } else {
                rows.add(new ForestRow(ForestRow.Kind.STUDY, label, cells, Formats.NOT_ESTIMABLE
                        + (st.exclusion() == null ? "" : " (" + ModelWords.exclusion(st, true) + ")"), Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, 0));
            }
        }
    }

    /** Whether a study of {@code a} included in the pooling has a weight in the model shown. */
    private static boolean weighted(Analysis a, boolean random) {
        for (int j = 0; j < a.studies().size(); j++) {
            double w = random ? a.studies().weightRandom(j) : a.studies().weightCommon(j);
            if (a.studies().included(j) && Double.isFinite(w)) {
                return true;
            }
        }
        return false;
    }

    private static void totalRows(Analysis a, Settings s, List<ForestRow> rows, boolean subtotal) {
        boolean random = showsRandom(a, s);
        boolean prop = s.measure().isProportion();
        boolean ratio = s.measure().isRatio();
        String what = subtotal ? "Subtotal" : "Total";
        String n1 = Long.toString(a.nMsc());
        String n2 = prop ? "" : Long.toString(a.nControl());
        CommonResult c = a.common();
        boolean both = random && !subtotal;
        // "100.0%" beside a pooled row only where its studies show weights (a GLMM gives none)
        String all = weighted(a, random) ? "100.0%" : "";
        if (!random || both) {
            boolean ok = Double.isFinite(c.estimate());
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, what + ", " + ModelWords.common(s),
                    new String[] {"", n1, "", n2, both ? "" : all},
                    ok ? Formats.interval(c.estimate(), c.ciLower(), c.ciUpper(), ratio) : Formats.NOT_ESTIMABLE,
                    c.estimate(), c.ciLower(), c.ciUpper(), Double.NaN, 0));
            if (!ok && c.notEstimable() != null) {
                rows.add(ForestRow.note(Formats.notEstimable(c.notEstimable())));
            }
        }
        if (random) {
            RandomResult r = a.random();
            boolean ok = Double.isFinite(r.estimate());
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, what + ", " + ModelWords.random(s, r),
                    new String[] {"", n1, "", n2, all},
                    ok ? Formats.interval(r.estimate(), r.ciLower(), r.ciUpper(), ratio) : Formats.NOT_ESTIMABLE,
                    r.estimate(), r.ciLower(), r.ciUpper(), Double.NaN, 1));
            if (!ok && r.notEstimable() != null) {
                rows.add(ForestRow.note(Formats.notEstimable(r.notEstimable())));
            }
            if (Double.isFinite(r.piLower())) {
                rows.add(new ForestRow(ForestRow.Kind.PREDICTION, "Prediction interval", new String[5],
                        "[" + Formats.estimate(r.piLower(), ratio) + ", " + Formats.estimate(r.piUpper(), ratio) + "]",
                        Double.NaN, r.piLower(), r.piUpper(), Double.NaN, 0));
            }
        } else if (s.tau2() != null && !a.random().isFitted() && a.random().notEstimable() != null
                && !c.isFitted() && !Formats.notEstimable(a.random().notEstimable())
                .equals(Formats.notEstimable(c.notEstimable()))) {
            // the random model's reason, unless the common row above said the same
            rows.add(ForestRow.note(Formats.notEstimable(a.random().notEstimable())));
        }
        rows.add(new ForestRow(ForestRow.Kind.STUDY, "Total events", new String[] {Long.toString(a.eventsMsc()), "",
            prop ? "" : Long.toString(a.eventsControl()), "", ""}, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            0));
        rows.add(ForestRow.note(heterogeneity(a, s, random)));
        String glmmTests = glmmTests(a.heterogeneity());
        if (glmmTests != null) {
            rows.add(ForestRow.note(glmmTests));
        }
        if (prop) {
            return; // an incidence has no null hypothesis worth a test
        }
        if ((!random || both) && Double.isFinite(c.z())) {
            rows.add(ForestRow.note("Test for overall effect, " + ModelWords.common(s) + ": Z\u00a0=\u00a0"
                    + Formats.test(Math.abs(c.z())) + " (" + pText(c.p()) + ")"));
        }
        if (random && a.random().testNotEstimable() != null) {
            rows.add(ForestRow.note("Test for overall effect, " + ModelWords.random(s, a.random()) + ": "
                    + Formats.NOT_ESTIMABLE + " (" + a.random().testNotEstimable() + ")"));
        }
        if (random && Double.isFinite(a.random().statistic())) {
            RandomResult r = a.random();
            String stat = r.hksj() ? "t\u00a0=\u00a0" + Formats.test(Math.abs(r.statistic())) + ", df\u00a0=\u00a0"
                    + Formats.fixed(r.df(), 0) : "Z\u00a0=\u00a0" + Formats.test(Math.abs(r.statistic()));
            rows.add(ForestRow.note("Test for overall effect, " + ModelWords.random(s, r) + ": " + stat + " ("
                    + pText(r.p()) + ")"));
        }
    }

    private static String heterogeneity(Analysis a, Settings s, boolean random) {
        Heterogeneity h = a.heterogeneity();
        if (h == null && a.k() >= 2) {
            // Q is taken around the common-effect estimate: a GLMM without one has none
            return "Heterogeneity: not estimable (no common-effect estimate to measure it around)";
        }
        if (h == null || h.df() < 1) {
            // two double zeros are two studies, but not two estimates to compare
            return "Heterogeneity: not applicable (fewer than two studies"
                    + (a.studies().size() >= 2 ? " with an estimate of their own)" : ")");
        }
        String tau = random ? "Tau\u00b2 (" + ModelWords.tau2Estimator(s) + ")"
                + Formats.is(Formats.tau2(a.random().tau2()), " ")
                + "; " : "";
        // under the GLMM, Cochran's Q (of the studies' own estimates) by its name: the mixed models' own tests, on the
        // next line, are chi-squared statistics too
        String q = s.method() == org.mscmeta.analysis.Method.GLMM ? "Cochran's\u00a0Q" : "Chi\u00b2";
        return "Heterogeneity: " + tau + q + "\u00a0=\u00a0" + Formats.test(h.q()) + ", df\u00a0=\u00a0"
                + h.df() + " (" + pText(h.p()) + "); I\u00b2\u00a0=\u00a0" + Formats.percent(h.i2(), 0);
    }

    /**
     * The mixed logistic models' own tests for heterogeneity, as metafor's {@code rma.glmm} prints them: "Tests for
     * heterogeneity, logistic models: Wald Chi² = 56.82 (P < 0.001), likelihood ratio Chi² = 68.68 (P < 0.001),
     * df = 21"; null without a GLMM, or with fewer than two studies (the line above says so).
     */
    static String glmmTests(Heterogeneity h) {
        if (h == null || h.glmm() == null || h.df() < 1) {
            return null;
        }
        org.mscmeta.pool.HeterogeneityTests t = h.glmm();
        String head = ModelWords.GLMM_HETEROGENEITY_TESTS + ": ";
        if (!t.isEstimable()) {
            return head + Formats.NOT_ESTIMABLE + " (" + t.notEstimable() + ")";
        }
        return head + "Wald Chi\u00b2\u00a0=\u00a0" + Formats.test(t.wald()) + " (" + pText(t.waldP())
                + "), likelihood ratio Chi\u00b2\u00a0=\u00a0" + Formats.test(t.lrt()) + " (" + pText(t.lrtP())
                + "), df\u00a0=\u00a0" + t.df();
    }

    /** "P = 0.23", "P < 0.001". */
    static String pText(double p) {
        return Formats.pIs("P", p, "\u00a0"); // no-break spaces: a wrapped note keeps "P = 0.23" on one line
    }

    private static String ci(Settings s) {
        return Formats.level(s.level()) + " CI";
    }

    private static String estHead(Settings s) {
        return ModelWords.measureTitle(s.measure());
    }

    private static String favours(PlotOptions o, Settings s, boolean left) {
        String given = left ? o.favoursLeft() : o.favoursRight();
        if (given != null) {
            return given;
        }
        if (s.measure().isProportion()) {
            return "";
        }
        return left ? "Favours MSC" : "Favours control";
    }

    /** Under the GLMM, which weighs no study, a note that the squares are all of one size. */
    private static void equalSquares(Analysis a, Settings s, List<ForestRow> rows) {
        if (s.method() == org.mscmeta.analysis.Method.GLMM && a.studies().size() > 0) {
            rows.add(ForestRow.note("Squares are " + ModelWords.EQUAL_SQUARES + "."));
        }
    }

    private static void footnotes(Settings s, List<ForestRow> rows) {
        rows.add(ForestRow.note(ModelWords.convention(s)));
    }

    private static ForestPlot plot(String title, Settings s, PlotOptions o, List<ForestRow> rows, Axis axis) {
        boolean prop = s.measure().isProportion();
        String weightModel = s.tau2() == null ? "common" : "random";
        // a model without study weights (the mixed logistic models) has no weight column, rather than an empty one
        boolean weighted = rows.stream().anyMatch(r -> r.kind() == ForestRow.Kind.STUDY && r.cells()[4] != null
                && !r.cells()[4].isEmpty());
        return new ForestPlot(title, "Study", new String[] {"MSC", prop ? "" : "Control", weighted ? "Weight" : ""},
                new String[] {"Events", "Total", prop ? "" : "Events", prop ? "" : "Total",
                    weighted ? "(" + weightModel + ")" : ""},
                estHead(s),
                ci(s), favours(o, s, true), favours(o, s, false), rows, axis);
    }
}
