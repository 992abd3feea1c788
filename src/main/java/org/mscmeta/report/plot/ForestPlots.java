package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;

/**
 * Builds forest plots from analysis results: per outcome, per outcome and subgroup variable, and the AE panel
 * (one row per outcome). Only formats what the engine computed; the model shown is the random-effects model
 * when there is one, else the common-effect model.
 */
public final class ForestPlots {

    /**
     * Above this many study rows a forest plot shows only its pooled rows (a plot of thousands of rows is neither
     * readable nor renderable at 300 dpi); the study rows are in the workbook and results.json.
     */
    public static final int MAX_STUDY_ROWS = 200;

    private ForestPlots() {
    }

    /** The forest plot of one outcome's overall analysis, studies in input order. */
    public static ForestPlot outcome(Analysis a, Settings s) {
        return outcome(a, s, StudyOrder.INPUT);
    }

    /** The forest plot of one outcome's overall analysis, studies in the given order. */
    public static ForestPlot outcome(Analysis a, Settings s, StudyOrder order) {
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        studyRows(a, s, rows, show, order);
        rows.add(ForestRow.blank());
        totalRows(a, s, rows, show, false);
        return plot(a.outcome(), s, rows, show, "Study or Subgroup", "Weight");
    }

    /** The forest plot of one outcome split by the levels of one subgroup variable. */
    public static ForestPlot subgroups(Analysis overall, List<Analysis> levels, List<SubgroupComparison> tests,
                                       Settings s) {
        return subgroups(overall, levels, tests, s, StudyOrder.INPUT);
    }

    /** As {@link #subgroups(Analysis, List, List, Settings)} with the study rows of each block in the given order. */
    public static ForestPlot subgroups(Analysis overall, List<Analysis> levels, List<SubgroupComparison> tests,
                                       Settings s, StudyOrder order) {
        String variable = levels.isEmpty() ? "" : levels.get(0).subgroup().variable();
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        boolean studies = overall.studies().size() <= MAX_STUDY_ROWS;
        if (!studies) {
            rows.add(ForestRow.note(overall.studies().size() + " studies: study rows are in results.xlsx and"
                    + " results.json; plots show them up to " + MAX_STUDY_ROWS + " studies"));
        }
        for (Analysis level : levels) {
            rows.add(ForestRow.group(variable.replace('_', ' ') + ": " + level.subgroup().level()));
            if (studies) {
                studyRows(level, s, rows, show, order);
            }
            totalRows(level, s, rows, show, true);
            rows.add(ForestRow.blank());
        }
        totalRows(overall, s, rows, show, false);
        boolean random = showsRandom(overall, s);
        for (SubgroupComparison t : tests) {
            if (t.model().equals(random ? "random" : "common")) {
                rows.add(ForestRow.note(String.format(Locale.ROOT,
                        "Test for subgroup differences: Chi\u00b2 = %s, df = %d (%s), I\u00b2 = %s",
                        Text.num2(t.q()), t.df(), Text.p(t.p()), Text.pct0(t.i2()))));
            }
        }
        rows.add(ForestRow.note("Study weights are within each subgroup."));
        return plot(overall.outcome() + " \u2014 by " + variable.replace('_', ' '), s, rows, show,
                "Study or Subgroup", "Weight");
    }

    /** One row per outcome with its pooled estimate: the safety profile in one picture. */
    public static ForestPlot aePanel(List<Analysis> overalls, Settings s) {
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        for (Analysis a : overalls) {
            boolean prop = s.measure().isProportion();
            String[] cells = {Long.toString(a.eventsMsc()), Long.toString(a.nMsc()),
                prop ? "" : Long.toString(a.eventsControl()), prop ? "" : Long.toString(a.nControl()),
                Integer.toString(a.k())};
            double[] e = shown(a, s);
            String text = Double.isFinite(e[0]) ? Text.ci(e[0], e[1], e[2]) : "Not estimable";
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, a.outcome(), cells, text, e[0], e[1], e[2], Double.NaN, 2));
            show.add(e[0]);
            show.add(e[1]);
            show.add(e[2]);
        }
        String model = s.tau2() == null ? "common effect (" + s.method().label() + ")"
                : "random effects (" + s.tau2Name() + (s.hksj() ? ", HKSJ" : "") + ") where k > 1";
        rows.add(ForestRow.blank());
        rows.add(ForestRow.note("Pooled " + s.measure().label().toLowerCase(Locale.ROOT) + ", " + model
                + "; studies with no events in both arms are not counted in k."));
        return plot("Adverse events after MSC: pooled " + s.measure().label().toLowerCase(Locale.ROOT) + " per outcome",
                s, rows, show, "Outcome", "Studies");
    }

    /** The zero-event sensitivity table as a small forest plot (ratio measures only); null when there is none. */
    public static ForestPlot zeroEvents(Analysis a, Settings s) {
        if (a.zeroEvents().isEmpty() || !s.measure().isRatio()) {
            return null;
        }
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        for (var z : a.zeroEvents()) {
            boolean ok = Double.isFinite(z.estimate());
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, z.method() + " (" + z.measure() + ")",
                    new String[] {"", "", "", "", Integer.toString(z.k())}, ok ? Text.ci(z.estimate(), z.ciLower(),
                    z.ciUpper()) : z.note(), z.estimate(), z.ciLower(), z.ciUpper(), Double.NaN, 2));
            show.add(z.estimate());
            show.add(z.ciLower());
            show.add(z.ciUpper());
        }
        rows.add(ForestRow.blank());
        rows.add(ForestRow.note("MH and Peto: common effect on the raw counts; GLMM and IV: random effects."));
        return plot("Zero-event sensitivity: " + a.outcome(), s, rows, show, "Method", "Studies").withGroupHeads("", "")
                .withEstimateHeadings("Pooled ratio", Text.pct0(s.level() * 100).replace("%", "") + "% CI");
    }

    /** Leave-one-out forest plot: the pooled estimate without each study in turn, then the full estimate. */
    public static ForestPlot leaveOneOut(Analysis a, Settings s) {
        return refits(a, s, a.sensitivity().leaveOneOut(), "Omitting ", "Leave-one-out analysis: " + a.outcome());
    }

    /** Cumulative forest plot: the pooled estimate as studies are added by year. */
    public static ForestPlot cumulative(Analysis a, Settings s) {
        return refits(a, s, a.sensitivity().cumulative(), "+ ", "Cumulative analysis by year: " + a.outcome());
    }

    private static ForestPlot refits(Analysis a, Settings s, List<org.mscmeta.analysis.Sensitivity.Step> steps,
                                     String prefix, String title) {
        List<ForestRow> rows = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        for (var st : steps) {
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, prefix + st.study(),
                    new String[] {"", "", "", "", Text.num2(st.tau2())}, Text.ci(st.estimate(), st.ciLower(),
                    st.ciUpper()), st.estimate(), st.ciLower(), st.ciUpper(), Double.NaN, 2));
            show.add(st.estimate());
            show.add(st.ciLower());
            show.add(st.ciUpper());
        }
        rows.add(ForestRow.blank());
        double[] e = shown(a, s);
        rows.add(new ForestRow(ForestRow.Kind.TOTAL, "All studies", new String[] {"", "", "", "",
            showsRandom(a, s) ? Text.num2(a.random().tau2()) : ""}, Double.isFinite(e[0]) ? Text.ci(e[0], e[1], e[2])
            : "Not estimable", e[0], e[1], e[2], Double.NaN, showsRandom(a, s) ? 1 : 0));
        ForestPlot base = plot(title, s, rows, show, "Analysis", "Tau\u00b2");
        return base.withGroupHeads("", "");
    }

    private static ForestPlot plot(String title, Settings s, List<ForestRow> rows, List<Double> show, String first,
                                   String fifth) {
        boolean prop = s.measure().isProportion();
        Axis axis = prop ? Axis.proportion() : Axis.choose(s.measure().isRatio(), show);
        String level = Text.pct0(s.level() * 100).replace("%", "") + "% CI";
        String model = s.tau2() == null ? "Fixed" : "Random (" + s.tau2Name() + (s.hksj() ? ", HKSJ" : "") + ")";
        String head2 = (prop ? s.measure().name() : s.method().label()) + ", " + model + ", " + level;
        List<ForestRow> all = new ArrayList<>(rows);
        all.add(ForestRow.note("Conventions of " + s.convention().displayName() + " (--convention "
                + s.convention().label() + ")."));
        return new ForestPlot(title, new String[] {"MSC", prop ? "" : "Control"},
                new String[] {"Events", "Total", prop ? "" : "Events", prop ? "" : "Total", fifth, first},
                s.measure().label(), head2, prop ? "" : "Favours MSC", prop ? "" : "Favours control", all, axis);
    }

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

    private static void studyRows(Analysis a, Settings s, List<ForestRow> rows, List<Double> show, StudyOrder order) {
        boolean random = showsRandom(a, s);
        if (a.studies().size() > MAX_STUDY_ROWS) {
            rows.add(ForestRow.note(a.studies().size() + " studies (" + a.k() + " pooled): study rows are in"
                    + " results.xlsx and results.json; plots show them up to " + MAX_STUDY_ROWS + " studies"));
            return;
        }
        for (StudyResult st : order.apply(a.studies(), random)) {
            boolean arm2 = st.nControl() >= 0;
            String[] cells = {Integer.toString(st.eventsMsc()), Integer.toString(st.nMsc()),
                arm2 ? Integer.toString(st.eventsControl()) : "", arm2 ? Integer.toString(st.nControl()) : "",
                st.included() ? Text.pct1(random ? st.weightRandom() : st.weightCommon()) : ""};
            if (st.included()) {
                rows.add(new ForestRow(ForestRow.Kind.STUDY, st.study(), cells,
                        Text.ci(st.estimate(), st.ciLower(), st.ciUpper()), st.estimate(), st.ciLower(),
                        st.ciUpper(), random ? st.weightRandom() : st.weightCommon(), 0));
                show.add(st.estimate());
            } else {
                rows.add(new ForestRow(ForestRow.Kind.STUDY, st.study(), cells, "Not estimable", Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, 0));
            }
        }
    }

    private static void totalRows(Analysis a, Settings s, List<ForestRow> rows, List<Double> show, boolean subtotal) {
        boolean random = showsRandom(a, s);
        String what = subtotal ? "Subtotal" : "Total";
        boolean prop = s.measure().isProportion();
        String n1 = Long.toString(a.nMsc());
        String n2 = prop ? "" : Long.toString(a.nControl());
        CommonResult c = a.common();
        boolean both = random && !subtotal;
        if (c.isFitted() && (!random || both)) {
            boolean ok = Double.isFinite(c.estimate());
            rows.add(new ForestRow(ForestRow.Kind.TOTAL,
                    both ? what + ", common effect (" + s.method().label() + ")" : what + " (" + ci(s) + ")",
                    new String[] {"", n1, "", n2, both ? "" : "100.0%"},
                    ok ? Text.ci(c.estimate(), c.ciLower(), c.ciUpper()) : "Not estimable",
                    c.estimate(), c.ciLower(), c.ciUpper(), Double.NaN, 0));
            show.add(c.ciLower());
            show.add(c.ciUpper());
        }
        if (random) {
            RandomResult r = a.random();
            rows.add(new ForestRow(ForestRow.Kind.TOTAL,
                    both ? what + ", random effects (" + s.tau2Name() + ")" : what + " (" + ci(s) + ")",
                    new String[] {"", n1, "", n2, "100.0%"},
                    Double.isFinite(r.estimate()) ? Text.ci(r.estimate(), r.ciLower(), r.ciUpper()) : "Not estimable",
                    r.estimate(), r.ciLower(), r.ciUpper(), Double.NaN, 1));
            show.add(r.ciLower());
            show.add(r.ciUpper());
            if (Double.isFinite(r.piLower())) {
                rows.add(new ForestRow(ForestRow.Kind.PREDICTION, "Prediction interval", new String[5],
                        "[" + Text.est(r.piLower()) + ", " + Text.est(r.piUpper()) + "]", Double.NaN, r.piLower(),
                        r.piUpper(), Double.NaN, 0));
            }
        }
        if (c == null && !random) {
            rows.add(new ForestRow(ForestRow.Kind.TOTAL, what + " (" + ci(s) + ")",
                    new String[] {"", n1, "", n2, ""}, "Not estimable", Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0));
        }
        rows.add(new ForestRow(ForestRow.Kind.STUDY, "Total events", new String[] {Long.toString(a.eventsMsc()), "",
            prop ? "" : Long.toString(a.eventsControl()), "", ""}, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0));
        rows.add(ForestRow.note(heterogeneity(a, random)));
        if (c != null && (!random || both) && Double.isFinite(c.z())) {
            rows.add(ForestRow.note(String.format(Locale.ROOT, "Test for overall effect%s: Z = %s (%s)",
                    both ? " (common)" : "", Text.num2(Math.abs(c.z())), Text.p(c.p()))));
        }
        if (random && Double.isFinite(a.random().statistic())) {
            RandomResult r = a.random();
            String stat = r.hksj() ? String.format(Locale.ROOT, "t = %s, df = %.0f", Text.num2(Math.abs(r.statistic())),
                    r.df()) : "Z = " + Text.num2(Math.abs(r.statistic()));
            rows.add(ForestRow.note(String.format(Locale.ROOT, "Test for overall effect%s: %s (%s)",
                    both ? " (random)" : "", stat, Text.p(r.p()))));
        }
    }

    private static String ci(Settings s) {
        return Text.pct0(s.level() * 100).replace("%", "") + "% CI";
    }

    private static String heterogeneity(Analysis a, boolean random) {
        Heterogeneity h = a.heterogeneity();
        if (h == null || h.df() < 1) {
            return "Heterogeneity: not applicable";
        }
        String tau = random ? "Tau\u00b2 = " + Text.num2(a.random().tau2()) + "; " : "";
        return String.format(Locale.ROOT, "Heterogeneity: %sChi\u00b2 = %s, df = %d (%s); I\u00b2 = %s", tau,
                Text.num2(h.q()), h.df(), Text.p(h.p()), Text.pct0(h.i2()));
    }
}
