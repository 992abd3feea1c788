package org.mscmeta.ctgov;

import java.util.List;

/**
 * One registry record's adverse-event results and the protocol text needed to attribute them, whatever format it
 * came in (API v2 JSON, legacy API v1 JSON, legacy XML, AACT tables). Field names follow ClinicalTrials.gov's API v2
 * ({@code protocolSection}, {@code resultsSection.adverseEventsModule}); absent values are null.
 *
 * @param nctId              {@code identificationModule.nctId}, read from the content (file names can be wrong)
 * @param acronym            study acronym, e.g. "START"
 * @param title              brief title (official title when there is none)
 * @param year               year the results were first posted (else primary completion, else start); null if none
 * @param conditions         conditions studied
 * @param interventionModel  {@code designInfo.interventionModel}, e.g. PARALLEL, CROSSOVER; null when absent
 * @param arms               protocol arm groups
 * @param interventions      protocol interventions
 * @param groups             adverse-event groups (EG000...)
 * @param events             serious and other adverse-event terms
 * @param hasAdverseEvents   whether the record has an adverse-events module at all
 * @param frequencyThreshold "other" events below this percentage are not reported; null when absent
 * @param source             file the record was read from
 * @param format             "API v2 JSON", "API v1 JSON", "legacy XML" or "AACT tables"
 */
public record Trial(String nctId, String acronym, String title, Integer year, List<String> conditions,
                    String interventionModel, List<Arm> arms, List<Intervention> interventions,
                    List<EventGroup> groups, List<AdverseEvent> events, boolean hasAdverseEvents,
                    String frequencyThreshold, String source, String format) {

    /** A protocol arm: label, type (EXPERIMENTAL, PLACEBO_COMPARATOR, ...), description, intervention names. */
    public record Arm(String label, String type, String description, List<String> interventionNames) {
    }

    /** A protocol intervention with the arms it belongs to. */
    public record Intervention(String type, String name, String description, List<String> armLabels,
                               List<String> otherNames) {
    }

    /** An adverse-event group with its totals (participants affected / at risk), each possibly absent. */
    public record EventGroup(String id, String title, String description, Integer deathsAffected,
                             Integer deathsAtRisk, Integer seriousAffected, Integer seriousAtRisk,
                             Integer otherAffected, Integer otherAtRisk) {

        /**
         * The group as the review names it: "EG001 'MSC 1x10^6/kg'", or where the records give it no title (AACT's
         * reported_events without its result_groups table) "EG001 (untitled)".
         */
        public String label() {
            return id + (title == null || title.isBlank() ? " (untitled)" : " '" + title + "'");
        }
    }

    /** One adverse-event term of the serious or the other table. */
    public record AdverseEvent(boolean serious, String term, String organSystem, String vocabulary,
                               List<Count> counts) {

        /** The count of group {@code groupId}; null when the record has none. */
        public Count count(String groupId) {
            for (Count c : counts) {
                if (groupId.equals(c.groupId())) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Participants affected and at risk (and events, often absent) for one term in one group. */
    public record Count(String groupId, Integer affected, Integer atRisk, Integer events) {
    }

    /** Whether the design is a crossover (ClinicalTrials.gov {@code CROSSOVER} or "Crossover Assignment"). */
    public boolean crossover() {
        return interventionModel != null && interventionModel.toUpperCase(java.util.Locale.ROOT).contains("CROSSOVER");
    }

    /** The label used in the extraction sheet's study column: acronym and NCT id, or the NCT id. */
    public String studyLabel() {
        return acronym == null || acronym.isBlank() ? nctId : acronym.strip() + " (" + nctId + ")";
    }
}
