package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.OutcomeNames;

/**
 * Everything an {@code analyze} run found, ready for the renderers.
 *
 * @param settings       the settings in force (subgroup variables resolved)
 * @param input          the input file's name
 * @param rows           data rows read
 * @param analyses       per outcome: the overall analysis, then each subgroup level of each variable
 * @param subgroupTests  per outcome and variable: the common and the random test
 * @param notices        everything a user should know that is not an error
 * @param falseDiscovery the outcomes' p-values adjusted for false discoveries (Benjamini-Hochberg, double FDR)
 */
public record Results(Settings settings, String input, int rows, List<Analysis> analyses,
                      List<SubgroupComparison> subgroupTests, List<Notice> notices, FalseDiscovery falseDiscovery) {

    /** Results without the adjustment across outcomes. */
    public Results(Settings settings, String input, int rows, List<Analysis> analyses,
                   List<SubgroupComparison> subgroupTests, List<Notice> notices) {
        this(settings, input, rows, analyses, subgroupTests, notices,
                new FalseDiscovery(settings.multiplicity().alpha1(), settings.multiplicity().alpha2(), null, List.of()));
    }

    /** The outcomes analysed, in the order of their first row in the sheet. */
    public List<String> outcomes() {
        Set<String> names = new LinkedHashSet<>();
        for (Analysis a : analyses) {
            names.add(a.outcome());
        }
        return List.copyOf(names);
    }

    /**
     * The overall analysis of an outcome (named as in the sheet; case, spacing and punctuation aside). Its
     * {@link Analysis#estimate()}, {@link Analysis#common()} and {@link Analysis#random()} are never null.
     *
     * @throws IllegalArgumentException when the run has no such outcome (the message lists those it has)
     */
    public Analysis overall(String outcome) {
        String name = outcomeName(outcome);
        for (Analysis a : analyses) {
            if (a.subgroup() == null && a.outcome().equals(name)) {
                return a;
            }
        }
        throw new IllegalStateException("no overall analysis of '" + name + "'");
    }

    /**
     * The analysis of an outcome within one level of a subgroup variable, e.g.
     * {@code subgroup("Death", "route", "intrathecal")}. A level the sheet has but no study of this outcome belongs
     * to gives an analysis with k = 0 whose estimates are not estimable, with the reason.
     *
     * @throws IllegalArgumentException when the outcome, the variable (not among {@link Settings#by()}) or the level
     *                                  (in no analysis of the variable) is unknown; the message lists the known ones
     */
    public Analysis subgroup(String outcome, String variable, String level) {
        String name = outcomeName(outcome);
        String var = variableName(variable);
        Set<String> levels = new LinkedHashSet<>();
        for (Analysis a : analyses) {
            if (a.subgroup() != null && a.subgroup().variable().equals(var)) {
                levels.add(a.subgroup().level());
            }
        }
        String lev = levels.contains(level) ? level : levels.stream()
                .filter(l -> l.equalsIgnoreCase(level == null ? "" : level.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level '" + level + "' of " + var
                        + " in this run; its levels are: " + String.join(", ", levels)));
        for (Analysis a : analyses) {
            if (a.subgroup() != null && a.outcome().equals(name) && a.subgroup().variable().equals(var)
                    && a.subgroup().level().equals(lev)) {
                return a;
            }
        }
        String reason = "no study of '" + name + "' has " + var.replace('_', ' ') + " '" + lev + "'";
        return new Analysis(name, new Subgroup(var, lev), 0, 0, 0, 0, 0, 0, 0, CommonResult.absent(reason),
                RandomResult.absent(reason), null, StudyTable.EMPTY, null, null, List.of());
    }

    /**
     * The tests for subgroup differences of an outcome by a variable: the common-effect test, then the random-effects
     * test (when there is a random model); empty when the outcome has fewer than two levels of the variable.
     *
     * @throws IllegalArgumentException when the outcome or the variable is unknown
     */
    public List<SubgroupComparison> subgroupTests(String outcome, String variable) {
        String name = outcomeName(outcome);
        String var = variableName(variable);
        List<SubgroupComparison> out = new ArrayList<>();
        for (SubgroupComparison t : subgroupTests) {
            if (t.outcome().equals(name) && t.variable().equals(var)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private String outcomeName(String outcome) {
        List<String> names = outcomes();
        if (names.contains(outcome)) {
            return outcome;
        }
        String key = OutcomeNames.key(outcome == null ? "" : outcome);
        for (String n : names) {
            if (OutcomeNames.key(n).equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no outcome '" + outcome + "' in this run; its outcomes are: "
                + OutcomeNames.listed(names));
    }

    private String variableName(String variable) {
        String v = variable == null ? "" : variable.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (String b : settings.by()) {
            if (b.equalsIgnoreCase(v)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no subgroup variable '" + variable + "' in this run; its variables are: "
                + (settings.by().isEmpty() ? "none" : String.join(", ", settings.by())));
    }
}
