package org.mscmeta.ctgov;

/**
 * One row of the extraction sheet written by the importer (columns of docs/input-format.md plus the
 * importer's own: AE category, organ system, review flag and reason, the groups used, the source file).
 * Counts are participants (numAffected / numAtRisk), never event counts; a null control means a single-arm trial.
 */
public record SheetRow(String study, Integer year, String trialId, String condition, String cellSource,
                       String donor, String route, String outcome, String category, String organSystem,
                       int eventsMsc, int nMsc, Integer eventsControl, Integer nControl, boolean needsReview,
                       String reviewReason, String mscGroups, String controlGroups, String source) {

    /** Column names, in order. */
    public static final String[] HEADER = {"study", "year", "trial_id", "condition", "cell_source", "donor", "route",
        "outcome", "ae_category", "organ_system", "events_msc", "n_msc", "events_control", "n_control",
        "needs_review", "review_reason", "msc_groups", "control_groups", "source_file"};

    /** The same row with another outcome name (harmonised). */
    public SheetRow withOutcome(String name) {
        return new SheetRow(study, year, trialId, condition, cellSource, donor, route, name, category, organSystem,
                eventsMsc, nMsc, eventsControl, nControl, needsReview, reviewReason, mscGroups, controlGroups, source);
    }

    /** The row's cells as text, in {@link #HEADER} order (blank for absent values). */
    public String[] cells() {
        return new String[] {study, str(year), trialId, nz(condition), nz(cellSource), nz(donor), nz(route), outcome,
            category, nz(organSystem), Integer.toString(eventsMsc), Integer.toString(nMsc), str(eventsControl),
            str(nControl), needsReview ? "yes" : "no", nz(reviewReason), mscGroups, nz(controlGroups), source};
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
