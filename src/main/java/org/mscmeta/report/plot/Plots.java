package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SubgroupComparison;

/**
 * Entry point of the plots: every figure of a report, drawn from a run's {@link Results}, laid out for a journal's
 * size and written as PNG, SVG or PDF ({@link Figure#write}). The report writes its plots through these calls.
 *
 * <pre>{@code
 * Plots.forest(results, "Death").write(Path.of("death.png"));
 * PlotOptions single = PlotOptions.DEFAULTS.withSize(PlotSize.SINGLE_COLUMN).withAxisLimits(0.1, 10);
 * Plots.forestBy(results, "Death", "route", single).write(Path.of("death-by-route.pdf"));
 * Plots.aePanel(results).write(Path.of("ae-panel.svg"));
 * }</pre>
 *
 * The plots of one outcome share one effect axis (unless {@link PlotOptions#withAxisLimits} fixes it). Outcomes and
 * subgroup variables are named as {@link Results#overall} and {@link Results#subgroup} take them; a figure that
 * cannot be drawn (a funnel of one study, a leave-one-out plot without refits) is refused with an
 * {@link IllegalArgumentException} that says why.
 */
public final class Plots {

    private Plots() {
    }

    /**
     * The outcome names and study labels of {@code results} with a character that neither the plot font (DejaVu Sans)
     * nor the system's sans-serif font has a glyph for, in order of first appearance: the plots show a box for it
     * (results.json and the workbook keep the text as it is). A text the plot font lacks a glyph for but the system's
     * font has is drawn in the latter.
     */
    public static List<String> textsWithoutGlyphs(Results results) {
        java.util.Set<String> seen = new java.util.HashSet<>(); // a registry's trials recur in every outcome
        List<String> out = new java.util.ArrayList<>();
        for (org.mscmeta.analysis.Analysis a : results.analyses()) {
            if (a.subgroup() != null) {
                continue;
            }
            for (int j = -1; j < a.studies().size(); j++) {
                String text = j < 0 ? a.outcome() : a.studies().study(j);
                if (seen.add(text) && Text.boxed(text)) {
                    out.add(text);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The columns that {@code options} names ({@code --columns}) and the forest plots leave out at its size for want
     * of width, each with the outcomes whose forest plot leaves it out, in the results' order; empty when
     * {@code options} names no columns. A reader who asked for the counts in one journal column learns why they are
     * not there.
     */
    public static java.util.Map<ForestColumn, List<String>> columnsLeftOut(Results results, PlotOptions options) {
        java.util.Map<ForestColumn, List<String>> out = new java.util.EnumMap<>(ForestColumn.class);
        if (options.columns() == null) {
            return out;
        }
        for (Analysis a : results.analyses()) {
            if (a.subgroup() != null) {
                continue;
            }
            for (ForestColumn c : ForestPlots.outcome(a, results.settings(), options, axis(results, a, options))
                    .columnsLeftOut(options)) {
                out.computeIfAbsent(c, x -> new java.util.ArrayList<>()).add(a.outcome());
            }
        }
        return out;
    }

    /** The forest plot of an outcome: its studies and the pooled estimates. */
    public static Figure forest(Results results, String outcome) {
        return forest(results, outcome, PlotOptions.DEFAULTS);
    }

    /** The forest plot of an outcome with the given options. */
    public static Figure forest(Results results, String outcome, PlotOptions options) {
        Analysis a = results.overall(outcome);
        return new Figure(ForestPlots.outcome(a, results.settings(), options, axis(results, a, options))
                .pages(options));
    }

    /** The forest plot of an outcome by the levels of a subgroup variable, with the tests for subgroup differences. */
    public static Figure forestBy(Results results, String outcome, String variable) {
        return forestBy(results, outcome, variable, PlotOptions.DEFAULTS);
    }

    /** As {@link #forestBy(Results, String, String)} with the given options. */
    public static Figure forestBy(Results results, String outcome, String variable, PlotOptions options) {
        Analysis overall = results.overall(outcome);
        List<SubgroupComparison> tests = results.subgroupTests(overall.outcome(), variable); // the variable checked
        List<Analysis> levels = levels(results, overall, variable);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no study of '" + overall.outcome() + "' has a value of " + variable);
        }
        return new Figure(ForestPlots.subgroups(overall, levels, tests, results.settings(), options,
                axis(results, overall, options)).pages(options));
    }

    /** The pooled estimate of every outcome in one plot. */
    public static Figure aePanel(Results results) {
        return aePanel(results, PlotOptions.DEFAULTS);
    }

    /** As {@link #aePanel(Results)} with the given options. */
    public static Figure aePanel(Results results, PlotOptions options) {
        List<Analysis> overalls = results.analyses().stream().filter(a -> a.subgroup() == null).toList();
        if (overalls.isEmpty()) {
            throw new IllegalArgumentException("no outcome was analysed");
        }
        return new Figure(ForestPlots.aePanel(overalls, results.settings(), options, results.falseDiscovery())
                .pages(options));
    }

    /** The leave-one-out plot of an outcome (its sensitivity analyses: {@code Settings.withSensitivity}). */
    public static Figure leaveOneOut(Results results, String outcome) {
        return leaveOneOut(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #leaveOneOut(Results, String)} with the given options. */
    public static Figure leaveOneOut(Results results, String outcome, PlotOptions options) {
        Analysis a = withRefits(results, outcome, "leave-one-out");
        return new Figure(ForestPlots.leaveOneOut(a, results.settings(), options, axis(results, a, options))
                .pages(options));
    }

    /** The cumulative plot of an outcome, studies added by year. */
    public static Figure cumulative(Results results, String outcome) {
        return cumulative(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #cumulative(Results, String)} with the given options. */
    public static Figure cumulative(Results results, String outcome, PlotOptions options) {
        Analysis a = withRefits(results, outcome, "cumulative");
        return new Figure(ForestPlots.cumulative(a, results.settings(), options, axis(results, a, options))
                .pages(options));
    }

    /** The funnel plot of an outcome's studies. */
    public static Figure funnel(Results results, String outcome) {
        return funnel(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #funnel(Results, String)} with the given options (size and title). */
    public static Figure funnel(Results results, String outcome, PlotOptions options) {
        Analysis a = results.overall(outcome);
        FunnelPlot d = FunnelPlot.of(a, results.settings(), options);
        if (d == null) {
            throw new IllegalArgumentException("no funnel plot of '" + a.outcome() + "': it needs two studies with an"
                    + " estimate and a pooled estimate (k = " + a.k() + ")");
        }
        return new Figure(d);
    }

    /** The zero-event sensitivity plot of an outcome (ratio measures, outcomes with a zero cell). */
    public static Figure zeroEvents(Results results, String outcome) {
        return zeroEvents(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #zeroEvents(Results, String)} with the given options. */
    public static Figure zeroEvents(Results results, String outcome, PlotOptions options) {
        Analysis a = results.overall(outcome);
        ForestPlot p = ForestPlots.zeroEvents(a, results.settings(), options);
        if (p == null) {
            throw new IllegalArgumentException("no zero-event sensitivity plot of '" + a.outcome() + "': it is drawn"
                    + " for a ratio measure when a study has a zero cell");
        }
        return new Figure(p.pages(options));
    }

    /**
     * The bubble plots of an outcome's meta-regression, one per numeric moderator ({@code Settings.withModerators});
     * empty without a regression.
     */
    public static List<Figure> bubbles(Results results, String outcome) {
        return bubbles(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #bubbles(Results, String)} with the given options. */
    public static List<Figure> bubbles(Results results, String outcome, PlotOptions options) {
        Analysis a = results.overall(outcome);
        List<Figure> out = new ArrayList<>();
        if (a.sensitivity() != null) {
            for (BubblePlot b : BubblePlot.all(a.outcome(), a.sensitivity().metaRegression(), a.k(), results.settings(),
                    options)) {
                out.add(new Figure(b));
            }
        }
        return List.copyOf(out);
    }

    /** The numeric moderators of an outcome's bubble plots, in the order {@link #bubbles} draws them. */
    public static List<String> bubbleModerators(Results results, String outcome) {
        Analysis a = results.overall(outcome);
        return a.sensitivity() == null ? List.of() : BubblePlot.numericTerms(a.sensitivity().metaRegression());
    }

    /**
     * The summary of findings as a table: per outcome the participants (studies), the relative effect, the risk with
     * control and with MSC and their difference, per 1,000 people. Drawn two journal columns wide at least (at
     * {@link PlotSize#SINGLE_COLUMN} too): its six columns do not fit one.
     */
    public static Figure summaryOfFindings(Results results) {
        return summaryOfFindings(results, PlotOptions.DEFAULTS);
    }

    /** As {@link #summaryOfFindings(Results)} with the given options. */
    public static Figure summaryOfFindings(Results results, PlotOptions options) {
        var s = results.settings();
        List<String[]> rows = new ArrayList<>();
        boolean ratio = s.measure().isRatio();
        for (Analysis a : results.analyses()) {
            var f = a.summaryOfFindings();
            if (a.subgroup() != null || f == null) {
                continue;
            }
            String participants = f.participants() + " (" + f.studies() + (f.studies() == 1 ? " study)" : " studies)");
            String rel = Double.isFinite(f.relative()) ? s.measure().name() + " " + org.mscmeta.report.Formats
                    .interval(f.relative(), f.relativeLower(), f.relativeUpper(), ratio)
                    : org.mscmeta.report.Formats.NOT_ESTIMABLE;
            // not estimable: the reason runs on across the empty columns of absolute effects
            rows.add(f.isEstimable() ? new String[] {a.outcome(), participants, rel,
                org.mscmeta.report.Formats.whole(1000 * f.controlRisk()),
                org.mscmeta.report.Formats.wholeRange(f.mscPer1000(), f.mscLower(), f.mscUpper(), false),
                org.mscmeta.report.Formats.wholeRange(f.differencePer1000(), f.differenceLower(), f.differenceUpper(),
                    true)}
                : new String[] {a.outcome(), participants, rel, f.notEstimable(), "", ""});
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no outcome has a summary of findings");
        }
        List<String> notes = List.of("Relative effect: " + org.mscmeta.report.ModelWords.shown(s) + ", "
                + org.mscmeta.report.Formats.level(s.level()) + " CI. Risk with control: "
                + org.mscmeta.analysis.SummaryOfFindings.controlRiskRule(s) + "; the risk with MSC (and its CI) is"
                + " that risk and the relative effect (and its CI) combined. Risks per 1,000 people."
                + org.mscmeta.report.ModelWords.findingsOwnZInterval(results),
                "Certainty of the evidence (GRADE): for the reviewers to rate; not assessed by mscmeta.");
        // no-break spaces: a header wraps between its words, never inside "(95% CI)" or "per 1,000"
        String ci = "(" + org.mscmeta.report.Formats.level(s.level()) + "\u00a0CI)";
        String per1000 = "per\u00a01,000";
        TableFigure t = new TableFigure("Summary of findings: MSC compared with control",
                new String[] {"Outcome", "Participants (studies)", "Relative effect " + ci,
                    "Risk with control " + per1000, "Risk with MSC " + per1000 + " " + ci,
                    "Difference " + per1000 + " " + ci}, rows, notes);
        // six columns do not fit one journal column: a table spans two at least, as journals print tables
        return new Figure(t.pages(options.size() == PlotSize.SINGLE_COLUMN ? PlotSize.DOUBLE_COLUMN : options.size()));
    }

    /** The route x cell-source heat map of an outcome (its combinations, and the test of the interaction). */
    public static Figure routeBySource(Results results, String outcome) {
        return routeBySource(results, outcome, PlotOptions.DEFAULTS);
    }

    /** As {@link #routeBySource(Results, String)} with the given options (size and title). */
    public static Figure routeBySource(Results results, String outcome, PlotOptions options) {
        Analysis a = results.overall(outcome);
        if (a.routeBySource() == null || a.routeBySource().cells().isEmpty()) {
            throw new IllegalArgumentException("no route x cell source analysis of '" + a.outcome() + "': it needs"
                    + " route and cell source among the subgroup variables, and a study with both");
        }
        return new Figure(new HeatMap(a.outcome() + ": route x cell source",
                a.routeBySource(), results.settings(), options.size()));
    }

    private static Axis axis(Results results, Analysis overall, PlotOptions options) {
        List<Analysis> all = new ArrayList<>();
        for (Analysis a : results.analyses()) {
            if (a.outcome().equals(overall.outcome())) {
                all.add(a);
            }
        }
        return ForestPlots.outcomeAxis(all, results.settings(), options);
    }

    private static List<Analysis> levels(Results results, Analysis overall, String variable) {
        List<Analysis> out = new ArrayList<>();
        String v = variable.strip().replace(' ', '_');
        for (Analysis l : results.analyses()) {
            if (l.subgroup() != null && l.outcome().equals(overall.outcome())
                    && l.subgroup().variable().equalsIgnoreCase(v)) {
                out.add(l);
            }
        }
        return out;
    }

    private static Analysis withRefits(Results results, String outcome, String what) {
        Analysis a = results.overall(outcome);
        if (a.sensitivity() == null || a.sensitivity().leaveOneOut().isEmpty()) {
            throw new IllegalArgumentException("no " + what + " plot of '" + a.outcome() + "': it needs at least two"
                    + " studies and the sensitivity analyses (k = " + a.k() + ", sensitivity "
                    + results.settings().sensitivity().id() + ")");
        }
        return a;
    }
}
