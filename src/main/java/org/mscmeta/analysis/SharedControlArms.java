package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Of a trial: its id's level, or (without one) the first word of its label and its year. */
    private record Trial(int id, String author, int year) {
    }

    private record Arm(Trial trial, int events, int n) {
    }

    /** The notices for {@code outcome}'s two-arm rows {@code rows}: one per control arm that two rows or more share. */
    static List<Notice> check(ExtractionSheet sheet, String outcome, int[] rows) {
        if (rows.length < 2) {
            return List.of();
        }
        TextColumn trialId = sheet.raw(Field.TRIAL_ID);
        Map<Arm, List<Integer>> arms = new HashMap<>();
        for (int i : rows) {
            Trial t = trial(sheet, trialId, i);
            if (t != null) {
                arms.computeIfAbsent(new Arm(t, sheet.eventsControl()[i], sheet.nControl()[i]), a -> new ArrayList<>(2))
                        .add(i);
            }
        }
        Map<Integer, Notice> found = new LinkedHashMap<>(); // in the order of the sheet's rows
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
            String trial = arm.trial().id() >= 0 ? trialId.levels().get(arm.trial().id()) : null;
            found.put(shared.get(0), new Notice("shared_control", outcome, outcome + ": " + String.join(", ", named)
                    + (trial == null ? " look like arms of one trial" : " are arms of one trial (" + trial + ")")
                    + " with the same control counts (" + arm.events() + " of " + arm.n() + "): if they share one"
                    + " control arm, its participants are counted " + (shared.size() == 2 ? "twice" : shared.size()
                    + " times") + " in the pooled estimates; combine the MSC arms into one row (their events and"
                    + " participants summed), or split the control participants between them (Cochrane Handbook,"
                    + " section 23.3.4)"));
        }
        return found.keySet().stream().sorted().map(found::get).toList();
    }

    /** Row {@code i}'s trial, or null when it names none (no trial id, and no year to tell the author's trials apart). */
    private static Trial trial(ExtractionSheet sheet, TextColumn trialId, int i) {
        if (trialId != null && !trialId.get(i).isBlank()) {
            return new Trial(trialId.codes()[i], null, 0);
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
        return end == 0 ? null : new Trial(-1, label.substring(0, end).toLowerCase(Locale.ROOT), year);
    }
}
