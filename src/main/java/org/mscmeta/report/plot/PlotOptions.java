package org.mscmeta.report.plot;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user chooses about the plots beyond the analysis: the command line's plot options, and the library's
 * ({@link Plots}). Immutable; each {@code with...} returns a copy with one choice changed.
 *
 * @param size         the size drawn for ({@code --plot-size}; default both text columns)
 * @param order        the order of the study rows ({@code --sort})
 * @param title        the title of forest plots, {@code {outcome}} standing for the outcome's name; null for the
 *                     default (the outcome, and the subgroup variable)
 * @param axisMin      the left end of the effect axis (natural scale); NaN for the outcome's own range
 * @param axisMax      the right end; NaN for the outcome's own range
 * @param favoursLeft  the label under the left half of the axis; null for "Favours MSC" (ratios and differences)
 * @param favoursRight the label under the right half; null for "Favours control"
 * @param columns      the columns shown besides the study label ({@code --columns}); the single-column size shows
 *                     the estimate and the plot unless columns are named
 */
public record PlotOptions(PlotSize size, StudyOrder order, String title, double axisMin, double axisMax,
                          String favoursLeft, String favoursRight, Set<ForestColumn> columns) {

    /** Both text columns, input order, the outcome's own axis, "Favours MSC" / "Favours control", every column. */
    public static final PlotOptions DEFAULTS = new PlotOptions(PlotSize.DOUBLE_COLUMN, StudyOrder.INPUT, null,
            Double.NaN, Double.NaN, null, null, null);

    public PlotOptions {
        size = size == null ? PlotSize.DOUBLE_COLUMN : size;
        order = order == null ? StudyOrder.INPUT : order;
        columns = columns == null ? null : Set.copyOf(columns.isEmpty() ? EnumSet.of(ForestColumn.PLOT) : columns);
        if (Double.isFinite(axisMin) != Double.isFinite(axisMax) || (Double.isFinite(axisMin) && axisMin >= axisMax)) {
            throw new IllegalArgumentException("axis limits: give both ends, the left below the right (got "
                    + axisMin + " and " + axisMax + ")");
        }
    }

    public PlotOptions withSize(PlotSize s) {
        return new PlotOptions(s, order, title, axisMin, axisMax, favoursLeft, favoursRight, columns);
    }

    public PlotOptions withOrder(StudyOrder o) {
        return new PlotOptions(size, o, title, axisMin, axisMax, favoursLeft, favoursRight, columns);
    }

    public PlotOptions withTitle(String t) {
        return new PlotOptions(size, order, t, axisMin, axisMax, favoursLeft, favoursRight, columns);
    }

    /** The effect axis from {@code min} to {@code max} (natural scale, e.g. 0.1 and 10 for a ratio). */
    public PlotOptions withAxisLimits(double min, double max) {
        return new PlotOptions(size, order, title, min, max, favoursLeft, favoursRight, columns);
    }

    public PlotOptions withFavours(String left, String right) {
        return new PlotOptions(size, order, title, axisMin, axisMax, left, right, columns);
    }

    public PlotOptions withColumns(Set<ForestColumn> c) {
        return new PlotOptions(size, order, title, axisMin, axisMax, favoursLeft, favoursRight, c);
    }

    /** The columns in force: those named, else every column (the estimate and the plot at single-column size). */
    public Set<ForestColumn> shownColumns() {
        if (columns != null) {
            return columns;
        }
        return size == PlotSize.SINGLE_COLUMN ? EnumSet.of(ForestColumn.ESTIMATE, ForestColumn.PLOT)
                : ForestColumn.all();
    }

    /**
     * Why the axis limits cannot be drawn for {@code measure}, or null when they can (or none are given): a ratio or
     * difference axis must hold the line of no effect, and each scale has the range its values take
     * ({@code Axis.limitsProblem}).
     */
    public String axisLimitsProblem(org.mscmeta.effect.Measure measure) {
        if (!hasAxisLimits()) {
            return null;
        }
        return Axis.limitsProblem(Axis.Scale.of(measure), axisMin, axisMax);
    }

    /** Whether the user fixed the axis. */
    public boolean hasAxisLimits() {
        return Double.isFinite(axisMin);
    }

    /**
     * The title of an outcome's forest plot: the user's with {@code {outcome}} replaced, else {@code fallback} (its
     * subgroup plots add "by" the variable; the other plots keep their own titles, which say what they show).
     */
    public String titleFor(String outcome, String fallback) {
        return title == null ? fallback : title.replace("{outcome}", outcome);
    }
}
