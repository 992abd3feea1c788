package org.mscmeta.ctgov;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.mscmeta.sheet.OutcomeNames;

/**
 * Turns registry records into extraction-sheet rows: one row per trial and adverse-event term (serious and other
 * tables), plus the group totals as their own outcomes {@value #SERIOUS_ANY}, {@value #OTHER_ANY} and
 * {@value #DEATHS}. Counts are participants affected / at risk ({@code numAffected} / {@code numAtRisk}) of the
 * cell itself; term rows are never summed into totals. Several MSC (or control) groups chosen for a trial are
 * summed, being disjoint sets of participants. A cell that is absent, has nobody at risk or more affected than at
 * risk is not written and is listed in the trial's report.
 */
public final class CtgovImport {

    public static final String SERIOUS_ANY = "Serious adverse events (any)";
    public static final String OTHER_ANY = "Other adverse events (any)";
    public static final String DEATHS = "Deaths (all causes)";

    /**
     * What happened to one trial.
     *
     * @param trial    the record
     * @param decision group roles and flags
     * @param rows     rows written (none when flagged)
     * @param skipped  cells not written and why
     * @param notes    other remarks (route or source unclear, incomplete other-AE table, ...)
     */
    public record TrialReport(Trial trial, GroupRoles.Decision decision, List<SheetRow> rows, List<String> skipped,
                              List<String> notes) {
    }

    private CtgovImport() {
    }

    /** Imports {@code trial} with the user's group mapping (possibly empty). */
    public static TrialReport of(Trial trial, Map<String, Map<String, GroupRoles.Role>> mapping, boolean mergeMsc) {
        GroupRoles.Decision d = GroupRoles.decide(trial, mapping, mergeMsc);
        List<String> notes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (!d.usable()) {
            return new TrialReport(trial, d, List.of(), skipped, notes);
        }
        List<Trial.EventGroup> msc = d.withRole(GroupRoles.Role.MSC);
        List<Trial.EventGroup> control = d.withRole(GroupRoles.Role.CONTROL);
        Attributes at = Attributes.infer(trial, d);
        for (GroupRoles.Assigned a : d.groups()) {
            if (a.role() == GroupRoles.Role.MSC && a.reason().startsWith(GroupRoles.UNNAMED_MSC)) {
                at = at.withReview("group " + a.group().id() + " " + a.reason());
            }
        }
        notes.addAll(at.notes());
        if (trial.frequencyThreshold() != null && !trial.frequencyThreshold().strip().matches("0+(\\.0+)?")) {
            notes.add("other (non-serious) adverse events were reported only above " + trial.frequencyThreshold()
                    + "% frequency: their term rows are incomplete");
        }
        Base base = new Base(trial, at, ids(msc), control.isEmpty() ? null : ids(control));
        List<SheetRow> rows = new ArrayList<>();
        total(base, DEATHS, msc, control, 0, rows, skipped);
        total(base, SERIOUS_ANY, msc, control, 1, rows, skipped);
        total(base, OTHER_ANY, msc, control, 2, rows, skipped);
        // outcomes named apart as analyze tells them apart (OutcomeNames.key: "Sub Therapeutic INR" and
        // "Sub-Therapeutic INR" are one outcome there), so that no trial has two rows of one outcome
        Set<String> used = new HashSet<>(List.of(OutcomeNames.key(DEATHS), OutcomeNames.key(SERIOUS_ANY),
                OutcomeNames.key(OTHER_ANY)));
        for (Trial.AdverseEvent e : trial.events()) {
            String term = e.term() == null ? "(no term)" : e.term().replaceAll("\\s+", " ").strip();
            if (org.mscmeta.sheet.MissingValues.isMissing(term)) {
                // a term the sheet would read as a blank cell ("None", "NA"): kept in words analyze reads as a name
                term = "(no term: '" + term + "')";
            }
            String outcome = term;
            if (used.contains(OutcomeNames.key(outcome))) {
                outcome = term + (e.serious() ? " [" + e.organSystem() + "]" : " (non-serious)");
            }
            for (int n = 2; used.contains(OutcomeNames.key(outcome)); n++) {
                outcome = term + " (" + (e.serious() ? "serious" : "non-serious") + " #" + n + ")";
            }
            int[] m = sum(e, msc, term, skipped);
            int[] c = control.isEmpty() ? null : sum(e, control, term, skipped);
            if (m == null || (!control.isEmpty() && c == null)) {
                continue;
            }
            used.add(OutcomeNames.key(outcome));
            rows.add(base.row(outcome, e.serious() ? "serious" : "other", e.organSystem(), m, c));
        }
        return new TrialReport(trial, d, List.copyOf(rows), skipped, notes);
    }

    /** Totals row from the groups' deaths (0), serious (1) or other (2) counts. */
    private static void total(Base base, String outcome, List<Trial.EventGroup> msc, List<Trial.EventGroup> control,
                              int kind, List<SheetRow> rows, List<String> skipped) {
        int[] m = totals(msc, kind, outcome, skipped);
        int[] c = control.isEmpty() ? null : totals(control, kind, outcome, skipped);
        if (m != null && (control.isEmpty() || c != null)) {
            rows.add(base.row(outcome, "total", null, m, c));
        }
    }

    private static int[] totals(List<Trial.EventGroup> groups, int kind, String outcome, List<String> skipped) {
        int affected = 0;
        int atRisk = 0;
        for (Trial.EventGroup g : groups) {
            Integer a = kind == 0 ? g.deathsAffected() : kind == 1 ? g.seriousAffected() : g.otherAffected();
            Integer r = kind == 0 ? g.deathsAtRisk() : kind == 1 ? g.seriousAtRisk() : g.otherAtRisk();
            String why = check(a, r);
            if (why != null) {
                skipped.add(outcome + ": group " + g.id() + " " + why);
                return null;
            }
            affected += a;
            atRisk += r;
        }
        return new int[] {affected, atRisk};
    }

    private static int[] sum(Trial.AdverseEvent e, List<Trial.EventGroup> groups, String term, List<String> skipped) {
        int affected = 0;
        int atRisk = 0;
        for (Trial.EventGroup g : groups) {
            Trial.Count c = e.count(g.id());
            String why = c == null ? "has no count (not reported)" : check(c.affected(), c.atRisk());
            if (why != null) {
                skipped.add((e.serious() ? "serious" : "other") + " event '" + term + "': group " + g.id() + " " + why);
                return null;
            }
            affected += c.affected();
            atRisk += c.atRisk();
        }
        return new int[] {affected, atRisk};
    }

    private static String check(Integer affected, Integer atRisk) {
        if (affected == null || atRisk == null) {
            return "has no " + (affected == null ? "participants affected" : "participants at risk") + " (not reported)";
        }
        if (atRisk == 0) {
            return "has no participants at risk";
        }
        if (affected > atRisk) {
            return "has more participants affected (" + affected + ") than at risk (" + atRisk + ")";
        }
        return null;
    }

    private static String ids(List<Trial.EventGroup> groups) {
        StringJoiner j = new StringJoiner("+");
        groups.forEach(g -> j.add(g.id()));
        return j.toString();
    }

    /** The columns every row of a trial shares. */
    private record Base(Trial t, Attributes at, String msc, String control) {

        SheetRow row(String outcome, String category, String organ, int[] m, int[] c) {
            return new SheetRow(t.studyLabel(), t.year(), t.nctId(),
                    t.conditions().isEmpty() ? null : t.conditions().get(0), at.cellSource(), at.donor(), at.route(),
                    outcome, category, organ, m[0], m[1], c == null ? null : c[0], c == null ? null : c[1],
                    at.needsReview(), at.reviewReason(), msc, control, t.source());
        }
    }
}
