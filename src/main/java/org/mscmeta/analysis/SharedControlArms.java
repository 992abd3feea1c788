package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Field;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.TextColumn;

/**
 * Rows of one outcome that look like two MSC arms of one trial against the same control arm (a dose-finding trial
 * entered once per dose): the same trial ({@code trial_id}, or without one the same first word of the study label
 * and the same year) and the same control counts. Pooled as they are, a shared control arm's participants count
 * twice, a unit-of-analysis error (Cochrane Handbook for Systematic Reviews of Interventions, version 6.4, section
 * 23.3.4: combine the intervention groups, or split the shared group). A control arm already split evenly between
 * the arms gives the same counts in each row, so the rows cannot tell: they are pooled as given, with a notice naming
 * them, and the reviewer decides.
 */
final class SharedControlArms {

    private SharedControlArms() {
    }

    /**
     * A control arm of a trial: the trial's id (its level in the trial_id column, or -1) or, without one, the first
     * word of its label and its year; the control counts. A plain class, not a record: a record's equals and hashCode
     * are bootstrapped at their first call, a few hundredths of a second of every run.
     */
    private static final class Arm {
        final int trial;
        final String author;
        final int year;
        final int events;
        final int n;

        Arm(int trial, String author, int year, int events, int n) {
            this.trial = trial;
            this.author = author;
            this.year = year;
            this.events = events;
            this.n = n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Arm a && a.trial == trial && a.year == year && a.events == events && a.n == n
                    && java.util.Objects.equals(a.author, author);
        }

        @Override
        public int hashCode() {
            return ((trial * 31 + year) * 31 + events) * 31 + n + (author == null ? 0 : author.hashCode());
        }
    }

    /** The notices for {@code outcome}'s two-arm rows {@code rows}: one per control arm that two rows or more share. */
    static List<Notice> check(ExtractionSheet sheet, String outcome, int[] rows) {
        if (rows.length < 2) {
            return List.of();
        }
        TextColumn trialId = sheet.raw(Field.TRIAL_ID);
        if (!mayRepeat(sheet, trialId, rows)) {
            return List.of();
        }
        Map<Arm, List<Integer>> arms = new HashMap<>();
        boolean repeated = false;
        for (int i : rows) {
            Arm arm = arm(sheet, trialId, i);
            if (arm != null) {
                List<Integer> same = arms.get(arm);
                if (same == null) {
                    same = new ArrayList<>(2);
                    arms.put(arm, same);
                }
                same.add(i);
                repeated |= same.size() > 1;
            }
        }
        if (!repeated) {
            return List.of();
        }
        java.util.TreeMap<Integer, Notice> found = new java.util.TreeMap<>(); // by the first row: the sheet's order
        for (Map.Entry<Arm, List<Integer>> e : arms.entrySet()) {
            List<Integer> shared = e.getValue();
            if (shared.size() < 2) {
                continue;
            }
            Arm arm = e.getKey();
            List<String> named = new ArrayList<>();
            for (int i : shared) {
                named.add(sheet.study().get(i) + " (row " + sheet.rowNumber()[i] + ")");
            }
            String trial = arm.trial >= 0 ? trialId.levels().get(arm.trial) : null;
            found.put(shared.get(0), new Notice("shared_control", outcome, outcome + ": " + String.join(", ", named)
                    + (trial == null ? " look like arms of one trial" : " are arms of one trial (" + trial + ")")
                    + " with the same control counts (" + arm.events + " of " + arm.n + "): if they share one"
                    + " control arm, its participants are counted " + (shared.size() == 2 ? "twice" : shared.size()
                    + " times") + " in the pooled estimates; combine the MSC arms into one row (their events and"
                    + " participants summed), or split the control participants between them (Cochrane Handbook,"
                    + " section 23.3.4)"));
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Whether two of the rows may be arms of one trial: a trial id on two of them, or two without one (then the label
     * and year tell). Looked at first, with the ids' codes in an array: a registry has every trial once per outcome,
     * and the run does not build a key per row to learn it.
     */
    private static boolean mayRepeat(ExtractionSheet sheet, TextColumn trialId, int[] rows) {
        int withoutId = 0;
        int blank = trialId == null ? -1 : trialId.levels().indexOf("");
        boolean[] seen = trialId == null ? null : new boolean[trialId.levels().size()];
        for (int i : rows) {
            int code = trialId == null ? blank : trialId.codes()[i];
            if (code != blank) {
                if (seen[code]) {
                    return true;
                }
                seen[code] = true;
            } else if (sheet.year()[i] != ExtractionSheet.NO_YEAR && ++withoutId > 1) {
                return true;
            }
        }
        return false;
    }

    /** Row {@code i}'s control arm, or null when it names no trial (no trial id, and no year to tell them apart). */
    private static Arm arm(ExtractionSheet sheet, TextColumn trialId, int i) {
        int events = sheet.eventsControl()[i];
        int n = sheet.nControl()[i];
        if (trialId != null && !trialId.get(i).isBlank()) {
            return new Arm(trialId.codes()[i], null, 0, events, n);
        }
        int year = sheet.year()[i];
        if (year == ExtractionSheet.NO_YEAR) {
            return null;
        }
        String label = sheet.study().get(i).strip();
        int end = 0;
        while (end < label.length() && (Character.isLetter(label.charAt(end)) || label.charAt(end) == '\''
                || label.charAt(end) == '-')) {
            end++;
        }
        return end == 0 ? null : new Arm(-1, label.substring(0, end).toLowerCase(Locale.ROOT), year, events, n);
    }
}
