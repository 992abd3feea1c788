package org.mscmeta.report.plot;

/**
 * What a user chooses about a plot beyond the analysis ({@link Plots}; the command line's plot options).
 *
 * @param order the order of the study rows ({@code --sort})
 */
public record PlotOptions(StudyOrder order) {

    /** Studies in input order. */
    public static final PlotOptions DEFAULTS = new PlotOptions(StudyOrder.INPUT);

    public PlotOptions {
        order = order == null ? StudyOrder.INPUT : order;
    }

    /** The same options with the study rows in {@code o}. */
    public PlotOptions withOrder(StudyOrder o) {
        return new PlotOptions(o);
    }
}
