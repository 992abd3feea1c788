package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The phrases extraction sheets name their columns by, beyond the fields' names and aliases. */
class PhrasesTest {

    @Test
    void anArmAndACountInWordsNameTheCount() {
        String[][] cases = {
            {"MSC group events", "events_msc"}, {"MSC group N", "n_msc"}, {"Control group events", "events_control"},
            {"Control group N", "n_control"}, {"No. of patients (control)", "n_control"},
            {"Number of events, MSC arm", "events_msc"}, {"Placebo arm: total", "n_control"},
            {"Patients with AE (MSC)", "events_msc"}, {"MSC patients", "n_msc"}, {"N events (MSC)", "events_msc"},
            {"Standard care: events", "events_control"}, {"Active control events", "events_control"},
            {"MSC + standard care: events", "events_msc"}, {"Experimental group (n)", "n_msc"},
            {"Events (C)", "events_control"}, {"Total (E)", "n_msc"}, {"Stem cell group, n randomised", "n_msc"},
            {"Events in controls", "events_control"}, {"Ctl total", "n_control"}, {"Cases (saline)", "events_control"},
            // an arm that adds to the care every arm has is the MSC arm; one that adds to a placebo or control is not
            {"MSC plus standard care events", "events_msc"}, {"Experimental plus standard care: events", "events_msc"},
            {"Intervention + SOC, N", "n_msc"}, {"Treatment + usual care (total)", "n_msc"},
            {"Placebo plus standard care events", "events_control"}, {"Placebo + SOC: N", "n_control"},
            {"Active control + standard care events", "events_control"}, {"Standard care alone: N", null},
            {"Usual care events", "events_control"}, {"Treatment standard care events", "events_control"},
        };
        for (String[] c : cases) {
            Field f = Field.forHeader(c[0]);
            assertEquals(c[1], f == null ? null : f.canonical(), c[0]);
            assertEquals(c[1] == null ? -1 : 2, Field.tier(c[0]), c[0]);
        }
    }

    @Test
    void theRouteCellSourceStudyAndOutcomeHaveTheirPhrases() {
        String[][] cases = {
            {"Route of administration", "route"}, {"Delivery route", "route"}, {"Mode of administration", "route"},
            {"Cell type", "cell_source"}, {"Source of MSCs", "cell_source"}, {"Tissue of origin", "cell_source"},
            {"First author", "study"}, {"Author, year", "study"}, {"Adverse event term", "outcome"},
            {"MedDRA preferred term", "outcome"}, {"Adverse events", "outcome"}, {"Study ID", "study"},
        };
        for (String[] c : cases) {
            Field f = Field.forHeader(c[0]);
            assertEquals(c[1], f == null ? null : f.canonical(), c[0]);
        }
        assertEquals(0, Field.tier("Route"));
        assertEquals(1, Field.tier("Administration"));
        assertEquals(2, Field.tier("Route of administration"));
        assertEquals(-1, Field.tier("Notes"));
    }

    /**
     * A header with a word that is neither an arm, a count nor a filler names nothing, nor does one naming both arms,
     * both counts at once (the events/total cells of ArmCells), or no arm (the arm-per-row layout of ArmRows).
     */
    @Test
    void aHeaderThatSaysMoreOrLessNamesNothing() {
        for (String h : new String[] {"MSC dose", "events_msc (%)", "MSC and control events", "MSC plus control n/N", "MSC events/n",
            "MSC n/N", "Control n/N", "MSC events/total", "Fever MSC", "Events", "Total", "Arm", "N", "MSC",
            "Control", "Treatment arm", "MSC recipients", "Follow-up (months), MSC", "Deaths MSC", ""}) {
            assertNull(Field.forHeader(h), h);
            assertEquals(-1, Field.tier(h), h);
        }
    }
}
