package org.mscmeta.analysis;

import java.util.List;

/**
 * Whether harm depends on how the cells are given and where they come from: one outcome's studies by administration
 * route and cell source together. Every combination with a study to pool is pooled on its own, with the analysis'
 * model; then two meta-regressions on the studies' effects ({@code rma(yi, vi, mods = ~ route + cell_source)} and
 * {@code ~ route * cell_source}, factors coded as R's {@code factor()}, the first level alphabetically the
 * reference), and the test of the interaction ({@code anova(fit, btt = <interaction coefficients>)}).
 *
 * @param routes       the routes of the studies, in the order of the rows of the matrix
 * @param sources      the cell sources, in the order of its columns
 * @param cells        every combination with at least one study with an estimate
 * @param mainEffects  the model with route and cell source
 * @param interaction  the model with their interaction, and its test
 * @param notes        what a reader should know (combinations without studies, terms that could not be estimated,
 *                     studies left out)
 * @param leftOut      studies without a route or a cell source (not reported), in no combination
 * @param leftOutStudies those studies by name and row (the first eight, then how many in all); empty when none
 * @param withoutEstimate every combination whose studies have no estimate of their own (no events, or only
 *                     events, in both arms; or a zero cell and no continuity correction): k = 0 and the reason, so
 *                     that it is not shown as a combination without a study
 */
public record RouteBySource(List<String> routes, List<String> sources, List<Cell> cells, Model mainEffects,
                            Model interaction, List<String> notes, int leftOut, String leftOutStudies,
                            List<Cell> withoutEstimate) {

    /** How the reason of a combination in {@link #withoutEstimate} that no model gave one begins. */
    public static final String NO_OWN_ESTIMATE = "no study with an estimate of its own";

    /**
     * The reason of a combination without an estimate, in words shorter by {@link #NO_OWN_ESTIMATE} where it
     * begins so ("no events, or only events, in both arms"), for a note that says as much already; else as given.
     */
    public static String why(Cell c) {
        String r = c.notEstimable();
        return r.startsWith(NO_OWN_ESTIMATE + " (") && r.endsWith(")")
                ? r.substring(NO_OWN_ESTIMATE.length() + 2, r.length() - 1) : r;
    }

    /**
     * The note saying that {@code leftOut} studies, {@code named} ("Rebelatto (row 45), ..."), are in no combination,
     * as {@link #notes} has it.
     */
    static String leftOutNote(int leftOut, String named) {
        return org.mscmeta.sheet.Notice.count(leftOut, "study", "studies") + " without a route or a cell source"
                + " reported (" + named + ") " + (leftOut == 1 ? "is" : "are") + " not among the combinations; the"
                + " subgroup analyses show " + (leftOut == 1 ? "it" : "them") + " as 'not reported'";
    }

    /** The note saying which studies are in no combination, or null when every study is in one. */
    public String leftOutNote() {
        return leftOut == 0 ? null : leftOutNote(leftOut, leftOutStudies);
    }

    /**
     * The note saying why the interaction is not estimable, as {@link #notes} has it, or null when it is estimable
     * (a renderer that prints the model's own reason leaves this note out).
     */
    public String interactionNote() {
        return interaction.isEstimable() ? null : interactionNote(interaction.notEstimable());
    }

    /**
     * Whether a combination is a random-effects model of one study: under Hartung-Knapp its interval is that study's
     * own z interval (as metafor, HKSJ needs two studies), which a table or plot of the combinations then says.
     */
    public boolean anyOneStudyModel() {
        return cells.stream().anyMatch(c -> c.k() == 1 && "random".equals(c.model()));
    }

    static String interactionNote(String reason) {
        return "the route x cell source interaction is not estimable: " + reason;
    }

    public RouteBySource {
        routes = List.copyOf(routes);
        sources = List.copyOf(sources);
        cells = List.copyOf(cells);
        notes = List.copyOf(notes);
        withoutEstimate = List.copyOf(withoutEstimate);
    }

    /**
     * The combination of {@code route} and {@code source}: pooled ({@link #cells}), with studies but no estimate
     * ({@link #withoutEstimate}, k = 0), or null when no study has both.
     */
    public Cell find(String route, String source) {
        for (List<Cell> list : List.of(cells, withoutEstimate)) {
            for (Cell c : list) {
                if (c.route().equals(route) && c.source().equals(source)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * One combination pooled on its own, with the model the plots show.
     *
     * @param route        the route
     * @param source       the cell source
     * @param k            studies with an estimate
     * @param model        "random" or "common"
     * @param tau2         between-study variance of the random-effects model; NaN for the common-effect model
     * @param estimate     pooled estimate, natural scale
     * @param ciLower      lower confidence limit
     * @param ciUpper      upper confidence limit
     * @param p            p-value of the test of no effect
     * @param notEstimable why the estimate does not exist (null when it does)
     */
    public record Cell(String route, String source, int k, String model, double tau2, double estimate,
                       double ciLower, double ciUpper, double p, String notEstimable) {
    }

    /**
     * A meta-regression of the studies' effects on route and cell source.
     *
     * @param k              studies used
     * @param terms          its coefficients' terms ("intercept", "route = intrathecal", ...)
     * @param references     the reference level of each factor ("route: intra-articular")
     * @param dropped        terms no study could tell apart from the others, left out
     * @param coefficients   coefficients, analysis scale
     * @param se             their standard errors
     * @param p              their p-values
     * @param tau2           residual between-study variance
     * @param qm             test of all coefficients but the intercept
     * @param qmDf           its degrees of freedom
     * @param qmP            its p-value
     * @param qe             test of residual heterogeneity
     * @param qeDf           its degrees of freedom
     * @param qeP            its p-value
     * @param r2             percent of tau2 explained
     * @param interactionQm  test of the interaction coefficients (the model with the interaction); NaN otherwise
     * @param interactionDf  its degrees of freedom
     * @param interactionP   its p-value
     * @param qmNotEstimable why a fitted model has no QM (under Knapp-Hartung, an exact fit), or null
     * @param notEstimable   why the model could not be fitted (null when it was)
     */
    public record Model(int k, List<String> terms, List<String> references, List<String> dropped,
                        double[] coefficients, double[] se, double[] p, double tau2, double qm, int qmDf, double qmP,
                        double qe, int qeDf, double qeP, double r2, double interactionQm, int interactionDf,
                        double interactionP, String qmNotEstimable, String notEstimable) {

        /** A model that could not be fitted, and why. */
        static Model notEstimable(int k, String reason) {
            double nan = Double.NaN;
            return new Model(k, List.of(), List.of(), List.of(), new double[0], new double[0], new double[0], nan,
                    nan, 0, nan, nan, 0, nan, nan, nan, 0, nan, null, reason);
        }

        /** Whether the model was fitted. */
        public boolean isEstimable() {
            return notEstimable == null;
        }
    }
}
