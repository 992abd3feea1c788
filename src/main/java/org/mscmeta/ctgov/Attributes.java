package org.mscmeta.ctgov;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Route, cell source and donor of a trial's MSC product, read from the text that describes the MSC groups: the
 * groups' titles and descriptions, the protocol arms matched to them and those arms' interventions (name,
 * description, other names); the study title only when these say nothing. Several different values, or none,
 * set {@code needsReview} with the reason.
 */
record Attributes(String route, String cellSource, String donor, boolean needsReview, String reviewReason,
                  List<String> notes) {

    /** The same attributes with one more reason for review. */
    Attributes withReview(String reason) {
        return new Attributes(route, cellSource, donor, true,
                reviewReason.isEmpty() ? reason : reviewReason + "; " + reason, notes);
    }

    static Attributes infer(Trial t, GroupRoles.Decision d) {
        StringBuilder text = new StringBuilder();
        for (Trial.EventGroup g : d.withRole(GroupRoles.Role.MSC)) {
            text.append(nz(g.title())).append(". ").append(nz(g.description())).append(". ");
        }
        for (Trial.Arm a : d.mscArms()) {
            text.append(nz(a.label())).append(". ").append(nz(a.description())).append(". ")
                    .append(String.join(". ", a.interventionNames())).append(". ");
            for (Trial.Intervention iv : t.interventions()) {
                if (iv.armLabels().contains(a.label())) {
                    text.append(nz(iv.name())).append(". ").append(nz(iv.description())).append(". ")
                            .append(String.join(". ", iv.otherNames())).append(". ");
                }
            }
        }
        TextCues cues = TextCues.builtIn();
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String route = pick(cues, "route", text.toString(), t.title(), reasons, notes);
        String source = pick(cues, "cell_source", text.toString(), t.title(), reasons, notes);
        Map<String, String> donors = cues.find("donor", text + " " + (t.title() == null ? "" : t.title()));
        String donor = donors.size() == 1 ? donors.keySet().iterator().next() : null;
        return new Attributes(route, source, donor, !reasons.isEmpty(), String.join("; ", reasons), notes);
    }

    private static String pick(TextCues cues, String kind, String text, String title, List<String> reasons,
                               List<String> notes) {
        Map<String, String> found = cues.find(kind, text);
        String where = "intervention text";
        if (found.isEmpty()) {
            found = cues.find(kind, title);
            where = "study title";
        }
        String name = kind.replace('_', ' ');
        if (found.isEmpty()) {
            reasons.add(name + " not stated");
            return null;
        }
        if (found.size() > 1) {
            StringBuilder sb = new StringBuilder(name + " ambiguous:");
            found.forEach((v, w) -> sb.append(' ').append(v).append(" ('").append(w).append("')"));
            reasons.add(sb.toString());
            return null;
        }
        Map.Entry<String, String> e = found.entrySet().iterator().next();
        notes.add(name + " " + e.getKey() + " from the " + where + " ('" + e.getValue() + "')");
        return e.getKey();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
