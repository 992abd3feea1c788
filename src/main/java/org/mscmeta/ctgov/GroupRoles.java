package org.mscmeta.ctgov;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which adverse-event groups of a trial received MSCs and which are controls. Event groups are not linked
 * to protocol arms by any id (docs/ctgov-adverse-events.md §5.1), so a group is judged from its own title,
 * then its description, then the protocol arm whose label and description share most words with it (arm type and
 * intervention text). What cannot be told safely is flagged, never guessed: crossover designs, more than two
 * groups, pooled "Total" groups, groups with nobody at risk, several MSC or several control groups (several MSC
 * dose groups are merged only on request). A user mapping ({@code --groups}) overrides the judgement and resolves
 * the flags of the trials it names.
 */
public final class GroupRoles {

    /** Role of one event group. */
    public enum Role {
        MSC, CONTROL, EXCLUDE, UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One group's role and why. */
    public record Assigned(Trial.EventGroup group, Role role, String reason, Trial.Arm arm) {
    }

    /**
     * The outcome for one trial.
     *
     * @param groups  every group with its role
     * @param flags   reasons for review; rows are written only when empty
     * @param mapped  whether a user mapping decided the roles
     */
    public record Decision(List<Assigned> groups, List<String> flags, boolean mapped) {

        public List<Trial.EventGroup> withRole(Role r) {
            List<Trial.EventGroup> out = new ArrayList<>();
            for (Assigned a : groups) {
                if (a.role() == r) {
                    out.add(a.group());
                }
            }
            return out;
        }

        public List<Trial.Arm> mscArms() {
            List<Trial.Arm> out = new ArrayList<>();
            for (Assigned a : groups) {
                if (a.role() == Role.MSC && a.arm() != null) {
                    out.add(a.arm());
                }
            }
            return out;
        }

        public boolean usable() {
            return flags.isEmpty();
        }
    }

    private static final Pattern POOLED = Pattern.compile(
            "^(total|overall|all (participants|patients|subjects|randomi[sz]ed|enrolled|treated|arms))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Reason given to a treatment group taken from its arm type alone; rows of such trials need review. */
    static final String UNNAMED_MSC = "taken as the MSC group from its arm type, but its text names no MSC product";
    private static final Pattern SWITCH = Pattern.compile("->|\u2192|\\bswitch(ed|ing)?\\b|\\bcrossed over\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[^a-z0-9]+");

    private GroupRoles() {
    }

    /**
     * Assigns roles to the groups of {@code t}.
     *
     * @param mapping  the user's roles by NCT id and group id ({@code --groups}); empty for none
     * @param mergeMsc merge several MSC groups (doses) into one MSC arm
     */
    public static Decision decide(Trial t, Map<String, Map<String, Role>> mapping, boolean mergeMsc) {
        TextCues cues = TextCues.builtIn();
        Map<String, Role> mapped = mapping.getOrDefault(GroupMapping.key(t.nctId()), Map.of());
        List<Assigned> out = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        boolean changed = false;
        for (Trial.EventGroup g : t.groups()) {
            Trial.Arm arm = bestArm(g, t.arms());
            Assigned automatic = judge(g, arm, cues);
            Role user = mapped.get(GroupMapping.key(g.id()));
            // a role of the mapping's decides its group; a group the mapping leaves blank keeps its automatic role
            if (user != null) {
                out.add(new Assigned(g, user, user == automatic.role() ? automatic.reason() + "; confirmed in the"
                        + " group mapping" : "set in the group mapping", arm));
                changed |= user != automatic.role();
            } else {
                out.add(automatic);
            }
        }
        if (!t.hasAdverseEvents()) {
            flags.add("no adverse-events results in the record");
            return new Decision(out, flags, false);
        }
        if (t.groups().isEmpty()) {
            flags.add("no adverse-event groups in the record");
            return new Decision(out, flags, false);
        }
        int msc = 0;
        int control = 0;
        int kept = 0;
        for (Assigned a : out) {
            msc += a.role() == Role.MSC ? 1 : 0;
            control += a.role() == Role.CONTROL ? 1 : 0;
            kept += a.role() == Role.EXCLUDE ? 0 : 1;
        }
        // the same checks whether the roles came from the mapping or not: a mapping settles what it names, no more
        if (t.crossover()) {
            flags.add("crossover design: the groups are treatments given to the same participants, not"
                    + " independent arms");
        }
        for (Assigned a : out) {
            if (a.role() == Role.UNKNOWN) {
                flags.add("group " + a.group().label() + ": " + a.reason());
            }
            if (a.role() != Role.EXCLUDE && atRiskZero(a.group())) {
                flags.add("group " + a.group().label() + " has no participants at risk");
            }
        }
        if (msc == 0) {
            flags.add(mapped.isEmpty() ? "no group recognised as receiving MSCs" : "the group mapping names no MSC"
                    + " group");
        }
        if (msc > 1 && !mergeMsc) {
            flags.add(msc + " MSC groups (doses or cohorts?): merge them with --merge-msc-groups or exclude all but"
                    + " one in --groups");
        }
        if (control > 1) {
            flags.add(control + " control groups: keep one (exclude the others) in --groups");
        }
        if (kept > 2 && !(mergeMsc && msc + control == kept && control <= 1)) {
            flags.add(kept + " event groups for a two-arm comparison");
        }
        return new Decision(out, dedupe(flags), changed);
    }

    private static Assigned judge(Trial.EventGroup g, Trial.Arm arm, TextCues cues) {
        String title = g.title() == null ? "" : g.title();
        if (POOLED.matcher(title.strip()).find()) {
            return new Assigned(g, Role.UNKNOWN, "looks like a pooled group of all participants", arm);
        }
        if (SWITCH.matcher(title).find()) {
            return new Assigned(g, Role.UNKNOWN, "a switch group (one treatment, then another)", arm);
        }
        Role byTitle = role(cues, title);
        if (byTitle == Role.UNKNOWN) {
            return new Assigned(g, Role.UNKNOWN, "the title names both MSC and control treatment (a switch or"
                    + " combined group?)", arm);
        }
        if (byTitle != null) {
            return new Assigned(g, byTitle, "title '" + title + "'", arm);
        }
        Role byDescription = role(cues, g.description());
        if (byDescription != null && byDescription != Role.UNKNOWN) {
            return new Assigned(g, byDescription, "description", arm);
        }
        if (arm != null) {
            String type = arm.type() == null ? "" : arm.type().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (type.startsWith("PLACEBO") || type.startsWith("SHAM") || type.startsWith("NO_INTERVENTION")) {
                return new Assigned(g, Role.CONTROL, "arm '" + arm.label() + "' of type " + arm.type(), arm);
            }
            Role byArm = role(cues, arm.label() + " " + nz(arm.description()) + " "
                    + String.join(" ", arm.interventionNames()));
            if (byArm != null && byArm != Role.UNKNOWN) {
                return new Assigned(g, byArm, "arm '" + arm.label() + "'", arm);
            }
            if (type.equals("EXPERIMENTAL")) {
                return new Assigned(g, Role.MSC, UNNAMED_MSC + " (experimental arm '" + arm.label() + "')", arm);
            }
        }
        return new Assigned(g, Role.UNKNOWN, "neither MSC nor control could be told from its text", arm);
    }

    /** MSC, CONTROL, UNKNOWN when the text names both, null when it names neither. */
    private static Role role(TextCues cues, String text) {
        Map<String, String> found = cues.find("role", text);
        boolean msc = found.containsKey("msc");
        boolean control = found.containsKey("control");
        return msc && control ? Role.UNKNOWN : msc ? Role.MSC : control ? Role.CONTROL : null;
    }

    /** The arm sharing most words with the group's title and description (Jaccard >= 0.2), or null. */
    static Trial.Arm bestArm(Trial.EventGroup g, List<Trial.Arm> arms) {
        Set<String> gw = words(nz(g.title()) + " " + nz(g.description()));
        Trial.Arm best = null;
        double bestScore = 0.2;
        for (Trial.Arm a : arms) {
            Set<String> aw = words(nz(a.label()) + " " + nz(a.description()));
            Set<String> both = new HashSet<>(gw);
            both.retainAll(aw);
            Set<String> any = new HashSet<>(gw);
            any.addAll(aw);
            double score = any.isEmpty() ? 0 : (double) both.size() / any.size();
            if (score >= bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : WORD.split(s.toLowerCase(Locale.ROOT))) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean atRiskZero(Trial.EventGroup g) {
        Integer[] risks = {g.seriousAtRisk(), g.otherAtRisk(), g.deathsAtRisk()};
        boolean any = false;
        for (Integer r : risks) {
            if (r != null) {
                if (r > 0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static List<String> dedupe(List<String> flags) {
        return List.copyOf(new java.util.LinkedHashSet<>(flags));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
