package org.mscmeta.report.plot;

import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SubgroupComparison;

/**
 * Entry point of the plots: every figure of a report, drawn from a run's {@link Results}, to be written as PNG,
 * SVG or PDF ({@link Figure#write}).
 *
 * <pre>{@code
 * Plots.forest(results, "Death").write(Path.of("death.png"));
 * Plots.forestBy(results, "Death", "route").write(Path.of("death-by-route.pdf"));
 * Plots.aePanel(results).write(Path.of("ae-panel.svg"));
 * }</pre>
 *
 * Outcomes and subgroup variables are named as {@link Results#overall} and {@link Results#subgroup} take them; a
 * figure that cannot be drawn (a funnel of one study, a leave-one-out plot without refits) is refused with an
 * {@link IllegalArgumentException} that says why.
 */
public final class Plots {

    private Plots() {
    }

    /** The forest plot of an outcome: its studies and the pooled estimates. */
    public static Figure forest(Results results, String outcome) {
        return forest(results, outcome, PlotOptions.DEFAULTS);
    }

    /** The forest plot of an outcome with the given options. */
    public static Figure forest(Results results, String outcome, PlotOptions options) {
        return new Figure(ForestPlots.outcome(results.overall(outcome), results.settings(), options.order()));
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
        return new Figure(ForestPlots.subgroups(overall, levels, tests, results.settings(), options.order()));
    }

    /** The pooled estimate of every outcome in one plot. */
    public static Figure aePanel(Results results) {
        List<Analysis> overalls = results.analyses().stream().filter(a -> a.subgroup() == null).toList();
        if (overalls.isEmpty()) {
            throw new IllegalArgumentException("no outcome was analysed");
        }
        return new Figure(ForestPlots.aePanel(overalls, results.settings()));
    }

    /** The leave-one-out plot of an outcome (its sensitivity analyses: {@code Settings.withSensitivity}). */
    public static Figure leaveOneOut(Results results, String outcome) {
        Analysis a = withRefits(results, outcome, "leave-one-out");
        return new Figure(ForestPlots.leaveOneOut(a, results.settings()));
    }

    /** The cumulative plot of an outcome, studies added by year. */
    public static Figure cumulative(Results results, String outcome) {
        Analysis a = withRefits(results, outcome, "cumulative");
        return new Figure(ForestPlots.cumulative(a, results.settings()));
    }

    /** The funnel plot of an outcome's studies. */
    public static Figure funnel(Results results, String outcome) {
        Analysis a = results.overall(outcome);
        Drawing d = FunnelPlot.drawing(a, results.settings());
        if (d == null) {
            throw new IllegalArgumentException("no funnel plot of '" + a.outcome() + "': it needs two studies with an"
                    + " estimate and a pooled estimate (k = " + a.k() + ")");
        }
        return new Figure(d);
    }

    /** The zero-event sensitivity plot of an outcome (ratio measures, outcomes with a zero cell). */
    public static Figure zeroEvents(Results results, String outcome) {
        Analysis a = results.overall(outcome);
        ForestPlot p = ForestPlots.zeroEvents(a, results.settings());
        if (p == null) {
            throw new IllegalArgumentException("no zero-event sensitivity plot of '" + a.outcome() + "': it is drawn"
                    + " for a ratio measure when a study has a zero cell");
        }
        return new Figure(p);
    }

    /**
     * The bubble plots of an outcome's meta-regression, one per moderator ({@code Settings.withModerators}); empty
     * without a regression.
     */
    public static List<Figure> bubbles(Results results, String outcome) {
        Analysis a = results.overall(outcome);
        List<Figure> out = new ArrayList<>();
        if (a.sensitivity() != null) {
            for (BubblePlot b : BubblePlot.all(a.outcome(), a.sensitivity().metaRegression(), results.settings())) {
                out.add(new Figure(b));
            }
        }
        return List.copyOf(out);
    }

    private static List<Analysis> levels(Results results, Analysis overall, String variable) {
        List<Analysis> out = new ArrayList<>();
        for (Analysis l : results.analyses()) {
            if (l.subgroup() != null && l.outcome().equals(overall.outcome())
                    && l.subgroup().variable().equalsIgnoreCase(variable.strip().replace(' ', '_'))) {
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
                    + results.settings().sensitivity().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return a;
    }
}
