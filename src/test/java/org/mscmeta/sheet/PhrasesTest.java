package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            // "(n)" after an event word is the number of them, as tables head a count; "events/n" is both counts
            {"MSC events (n)", "events_msc"}, {"Patients with AE, n (control)", "events_control"},
            {"Events MSC n", "events_msc"}, {"MSC total (N)", "n_msc"}, {"MSC events/n", null},
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

    /**
     * n/N, as papers write an arm's counts: a lowercase n beside an uppercase N names the participants with the event
     * and the arm's participants. Before, both read as the arm's total and the sheet was refused (or, below a title,
     * its header was not found). An n beside a column of the arm's total by its word ("MSC total") is its events too
     * (before, refused); the field's own name n_msc stays a total.
     */
    @Test
    void aLowercaseNBesideAnUppercaseNIsTheArmsEvents(@TempDir Path dir) throws Exception {
        String rows = "A 2020,Death,3,20,4,21\nB 2021,Death,1,22,2,23\n";
        String[] headers = {"MSC n,MSC N,Control n,Control N", "n (MSC),N (MSC),n (control),N (control)",
            "MSC group n,MSC group N,Control group n,Control group N", "MSC n,MSC total,Control n,Control total",
            "n (MSC),Total randomised (MSC),n (control),Total randomised (control)"};
        for (String h : headers) {
            Path csv = Files.writeString(dir.resolve("nN.csv"), "Table 2. Adverse events\nstudy,outcome," + h + "\n"
                    + rows);
            ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(csv, null);
            assertEquals("[3, 1] [20, 22] [4, 2] [21, 23]", java.util.Arrays.toString(sheet.eventsMsc()) + " "
                    + java.util.Arrays.toString(sheet.nMsc()) + " " + java.util.Arrays.toString(sheet.eventsControl())
                    + " " + java.util.Arrays.toString(sheet.nControl()), h);
            String[] names = h.split(",");
            assertTrue(sheet.notices().stream().anyMatch(n -> n.message().equals("nN.csv: columns '" + names[0]
                    + "' and '" + names[2] + "' were read as the participants with the event, beside the column of the"
                    + " arm's participants (n/N, as papers write them)")), sheet.notices().toString());
        }
        // "MSC group" over "n" and "N", a header of two rows
        Path grouped = Files.writeString(dir.resolve("grouped.csv"), "study,outcome,MSC group,,Control group,\n"
                + ",,n,N,n,N\n" + rows);
        assertEquals(22, SheetReader.withBuiltInVocabulary().read(grouped, null).nMsc()[1]);
        // the field's own names; an n beside two columns of the arm's total, which is which is not said
        for (String h : new String[] {"n_msc,N_MSC,Control n,Control N", "MSC n,MSC N,MSC total,Control n,Control N"}) {
            Path csv = Files.writeString(dir.resolve("other.csv"), "study,outcome," + h + "\n"
                    + (h.contains("total") ? rows.replace(",3,20,", ",3,20,20,").replace(",1,22,", ",1,22,22,") : rows));
            assertThrows(InvalidInputException.class, () -> SheetReader.withBuiltInVocabulary().read(csv, null), h);
        }
    }

    /**
     * A column of an arm's events/total in one cell, headed by the arm and both counts in words ("MSC events (n/N)",
     * "Placebo group: events/total", "Stem cell arm (n/N)"): before, only a fixed list of headers ("MSC n/N", "MSC
     * group") was read so and these sheets were refused for want of an events_msc column.
     */
    @Test
    void anArmAndBothCountsNameAColumnOfEventsOverTotal(@TempDir Path dir) throws Exception {
        String[] headers = {"MSC events (n/N),Control events (n/N)", "Stem cell arm (n/N),Placebo group: events/total",
            "Experimental + SOC: events/total,SOC: events/total"};
        for (String h : headers) {
            Path csv = Files.writeString(dir.resolve("cells.csv"), "study,outcome," + h
                    + "\nA 2020,Death,3/20,4/21\nB 2021,Death,1/22,2/23\n");
            ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(csv, null);
            assertEquals("[3, 1] [20, 22] [4, 2] [21, 23]", java.util.Arrays.toString(sheet.eventsMsc()) + " "
                    + java.util.Arrays.toString(sheet.nMsc()) + " " + java.util.Arrays.toString(sheet.eventsControl())
                    + " " + java.util.Arrays.toString(sheet.nControl()), h);
        }
        assertEquals(1, Phrases.armOfBothCounts("MSC group, n/N"));
        assertEquals(0, Phrases.armOfBothCounts("Placebo: events/total"));
        for (String h : new String[] {"MSC events", "MSC dose (n/N)", "Events (n/N)", "MSC and control n/N"}) {
            assertEquals(-1, Phrases.armOfBothCounts(h), h);
        }
    }
}
