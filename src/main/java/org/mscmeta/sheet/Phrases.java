package org.mscmeta.sheet;

import java.util.Map;
import java.util.Set;

/**
 * The phrases extraction sheets name the known columns by, beyond the fields' names and aliases ({@link Field}):
 * "Route of administration", "Cell type", "First author", "Adverse event term", and the four counts written as an
 * arm and a count in words ("MSC group events", "No. of patients (control)", "Placebo arm N"). A header matches only
 * when every word of it is one of the words below: "MSC dose", "events (%)" or "MSC and control events" name
 * nothing.
 */
final class Phrases {

    private Phrases() {
    }

    /** Whole phrases, as header keys ({@link Field#headerKey}). */
    private static final Map<String, Field> WHOLE = whole();

    private static Map<String, Field> whole() {
        Map<String, Field> m = new java.util.HashMap<>();
        for (String k : new String[] {"first_author", "study_name", "author_year", "first_author_year",
            "first_author_and_year", "study_author", "study_id"}) {
            m.put(k, Field.STUDY);
        }
        for (String k : new String[] {"adverse_events", "adverse_event_term", "adverse_event_type", "ae_type",
            "type_of_ae", "type_of_adverse_event", "event_type", "outcome_measure", "safety_outcome", "aes",
            "meddra_term", "preferred_term", "meddra_preferred_term"}) {
            m.put(k, Field.OUTCOME);
        }
        for (String k : new String[] {"route_of_administration", "administration_route", "mode_of_administration",
            "route_of_delivery", "delivery_route", "route_of_injection", "injection_route",
            "route_of_transplantation", "transplantation_route", "route_of_msc_administration",
            "msc_administration_route"}) {
            m.put(k, Field.ROUTE);
        }
        for (String k : new String[] {"cell_type", "msc_type", "msc_source", "mscs_source", "cell_origin",
            "msc_origin", "origin_of_cells", "origin_of_msc", "origin_of_mscs", "source_of_cells", "source_of_msc",
            "source_of_mscs", "tissue_source", "source_tissue", "tissue_of_origin"}) {
            m.put(k, Field.CELL_SOURCE);
        }
        return Map.copyOf(m);
    }

    /** Words that name the MSC arm whatever else the header says ("MSC plus standard care"). */
    private static final Set<String> MSC_SPECIFIC = Set.of("msc", "mscs", "mesenchymal", "stem", "stromal", "cell",
            "cells");
    /** Words of a control arm ("active control", "placebo"). */
    private static final Set<String> CONTROL = Set.of("control", "controls", "ctrl", "placebo", "sham", "vehicle",
            "untreated", "comparator", "saline", "c", "ctl");
    /**
     * Words of the care every arm has, which name the control arm alone ("standard care events") and the MSC arm
     * when something is added to them ("Experimental plus standard care events", "Intervention + SOC: N").
     */
    private static final Set<String> BACKGROUND = Set.of("standard", "usual", "care", "soc", "conventional");
    /** The word of an arm that adds to another ("MSC plus standard care"); a "+" in a header reads as it. */
    static final String PLUS = "plus";
    /** Words of the MSC arm unless a control word is there too. */
    private static final Set<String> MSC_GENERIC = Set.of("experimental", "experiment", "exp", "intervention",
            "treatment", "treated", "active", "e");
    /** Words of the participants with the event. */
    private static final Set<String> EVENTS = Set.of("events", "event", "ae", "aes", "cases", "affected");
    /** Words of the arm's participants. */
    private static final Set<String> TOTAL = Set.of("n", "total", "randomised", "randomized", "enrolled",
            "analysed", "analyzed", "size", "sample", "denominator");
    /** Words of people, the arm's participants unless an event word is there too ("patients with AE"). */
    private static final Set<String> PEOPLE = Set.of("patients", "participants", "subjects", "persons", "people");
    /** Words that say nothing of which count or arm. */
    private static final Set<String> FILLER = Set.of("group", "groups", "arm", "arms", "of", "the", "no", "nr",
            "number", "num", "in", "with", "at", "risk", "per", "adverse", "any");

    /**
     * The field a header key names by a phrase, or null; {@code slash} when the header holds a slash ("events/n",
     * events and total in one cell, against "events (n)", the number of participants with the event).
     */
    static Field field(String key, boolean slash) {
        Field f = WHOLE.get(key);
        return f != null || key.isEmpty() ? f : count(key.split("_"), slash);
    }

    /** The count an arm and a count in words name ("msc_group_events"), or null. */
    private static Field count(String[] words, boolean slash) {
        Words w = Words.of(words, slash);
        if (w == null || w.arm() < 0 || w.ns > 1) {
            return null; // no arm, or "n/N": events and total in one cell (ArmCells)
        }
        boolean msc = w.arm() == 1;
        boolean isEvents = w.events > 0 && w.totals == w.nsBefore;
        boolean isTotal = w.events == 0 && (w.totals > 0 || w.people);
        if (isEvents) {
            return msc ? Field.EVENTS_MSC : Field.EVENTS_CONTROL;
        }
        return isTotal ? (msc ? Field.N_MSC : Field.N_CONTROL) : null;
    }

    /**
     * Whether a header names an arm and both its counts, as a column of events/total in one cell is headed ("MSC
     * events (n/N)", "Placebo group, n/N", "MSC: events/total"): 1 for the MSC arm, 0 for the control arm, -1 for
     * neither (no arm, one count, or a word of another kind).
     */
    static int armOfBothCounts(String header) {
        String key = Field.headerKey(header == null ? "" : header.replace("+", " " + PLUS + " "));
        Words w = key.isEmpty() ? null : Words.of(key.split("_"), true);
        boolean both = w != null && (w.ns == 2 && w.totals == 2 || w.events == 1 && w.totals == 1);
        return both ? w.arm() : -1;
    }

    /** The words of a header that names an arm and a count, counted by kind ({@link #of}). */
    private static final class Words {
        boolean specific;
        boolean control;
        boolean background;
        boolean plus;
        boolean generic;
        int events;
        int totals;
        int ns;
        int nsBefore; // "N events": a number of events; "events/n": events and total in one cell
        boolean people;

        /** The words counted, or null when one is of no kind here ("MSC dose"). */
        static Words of(String[] words, boolean slash) {
            Words k = new Words();
            for (String w : words) {
                if (MSC_SPECIFIC.contains(w)) {
                    k.specific = true;
                } else if (CONTROL.contains(w)) {
                    k.control = true;
                } else if (BACKGROUND.contains(w)) {
                    k.background = true;
                } else if (w.equals(PLUS)) {
                    k.plus = true;
                } else if (MSC_GENERIC.contains(w)) {
                    k.generic = true;
                } else if (EVENTS.contains(w)) {
                    k.events++;
                } else if (w.equals("n") && k.events > 0 && !slash) {
                    continue; // "MSC events (n)", "Patients with AE, n": the number of them, as tables head a count
                } else if (TOTAL.contains(w)) {
                    k.totals++;
                    k.ns += w.equals("n") ? 1 : 0;
                    k.nsBefore += w.equals("n") && k.events == 0 ? 1 : 0;
                } else if (PEOPLE.contains(w)) {
                    k.people = true;
                } else if (!FILLER.contains(w)) {
                    return null;
                }
            }
            return k;
        }

        /**
         * 1 for the MSC arm, 0 for the control arm, -1 for none: "Active control", "Experimental standard care" are
         * the control arm, "Experimental plus standard care" the MSC arm.
         */
        int arm() {
            boolean msc = specific || generic && !control && (plus || !background);
            return msc ? 1 : control || background ? 0 : -1;
        }
    }

    /**
     * The columns that name an arm's events by a lowercase "n" beside a column that names its total by an uppercase
     * "N" ("MSC n" and "MSC N", "n (control)" and "N (control)", or "MSC group" over "n" and "N" in a header of two
     * rows), as papers write n/N, or by a word of the total ("MSC n" and "MSC total"): both read as the arm's total by
     * their words, the "n" column is the arm's events when no column names them otherwise. Maps each such column to
     * its events field.
     */
    static Map<Integer, Field> lowercaseNs(String[] cells) {
        Map<Integer, Field> events = new java.util.HashMap<>();
        for (Field[] arm : new Field[][] {{Field.N_MSC, Field.EVENTS_MSC}, {Field.N_CONTROL, Field.EVENTS_CONTROL}}) {
            int lower = -1;
            int lowers = 0;
            int totals = 0;
            boolean named = false;
            for (int j = 0; j < cells.length; j++) {
                Field f = cells[j] == null ? null : Field.forHeader(cells[j]);
                named |= f == arm[1];
                char n = f == arm[0] ? totalBy(cells[j]) : 0;
                if (n == 'n') {
                    lower = j;
                    lowers++;
                } else if (n == 'N' || n == 'T') {
                    totals++;
                }
            }
            if (lowers == 1 && totals == 1 && !named) {
                events.put(lower, arm[1]);
            }
        }
        return events;
    }

    /**
     * How a header names an arm's total: {@code 'n'} or {@code 'N'} by that letter alone, as written ("MSC n",
     * "N (MSC)"), with no other word of a count; {@code 'T'} by a word such as "total" or "randomised" ("MSC total");
     * 0 otherwise, and {@code 'n'}/{@code 'N'} are 0 too for a field's own name typed as such ("n_msc").
     */
    private static char totalBy(String header) {
        String h = Blanks.strip(header);
        char n = 0;
        boolean twice = false;
        boolean countWord = false;
        for (String w : h.split("[^\\p{L}\\p{N}]+")) {
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (w.equals("n") || w.equals("N")) {
                twice |= n != 0;
                n = w.charAt(0);
            } else if (TOTAL.contains(lower)) {
                return 'T';
            } else if (EVENTS.contains(lower) || PEOPLE.contains(lower)) {
                countWord = true;
            }
        }
        boolean ownName = h.toLowerCase(java.util.Locale.ROOT).equals(Field.headerKey(h)); // "n_msc": the total
        return twice || countWord || ownName ? 0 : n;
    }
}
