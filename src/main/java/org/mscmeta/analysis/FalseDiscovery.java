package org.mscmeta.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mscmeta.multiplicity.BenjaminiHochberg;
import org.mscmeta.multiplicity.DoubleFdr;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.TextColumn;

/**
 * False discoveries across the outcomes (adverse-event terms) of a run ({@link Multiplicity}): each outcome's p-value
 * of the model its plots show, adjusted by Benjamini-Hochberg over every outcome with a p-value, and, where the
 * outcomes carry an organ system, the double FDR of Mehrotra and Adewale (2012).
 *
 * @param alpha1      the level at which organ systems are flagged
 * @param alpha2      the level at which terms are flagged (and the level of the Benjamini-Hochberg flags)
 * @param column      the sheet column the organ systems came from; null when the outcomes carry none
 * @param outcomes    one row per outcome, in the order of the run
 */
public record FalseDiscovery(double alpha1, double alpha2, String column, List<Row> outcomes) {

    /**
     * One outcome.
     *
     * @param outcome         its name
     * @param organSystem     its organ system; null without one
     * @param p               the p-value of the model its plots show; NaN when there is none
     * @param bh              adjusted by Benjamini-Hochberg across the outcomes
     * @param bhFlagged       {@code bh <= alpha2}
     * @param withinSystem    adjusted by Benjamini-Hochberg within its organ system (double FDR); NaN without one
     * @param systemAdjusted  its organ system's p-value adjusted across systems
     * @param systemFlagged   its organ system is flagged at alpha1
     * @param flagged         flagged by the double FDR: in a flagged system, {@code withinSystem <= alpha2}
     */
    public record Row(String outcome, String organSystem, double p, double bh, boolean bhFlagged,
                      double withinSystem, double systemAdjusted, boolean systemFlagged, boolean flagged) {
    }

    public FalseDiscovery {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes with a p-value, which the adjustments are made over (none for proportions). */
    public int tested() {
        int k = 0;
        for (Row r : outcomes) {
            k += Double.isFinite(r.p()) ? 1 : 0;
        }
        return k;
    }

    /** The row of an outcome, or null. */
    public Row of(String outcome) {
        for (Row r : outcomes) {
            if (r.outcome().equals(outcome)) {
                return r;
            }
        }
        return null;
    }

    /** Adjusts the overall analyses' p-values. */
    static FalseDiscovery of(ExtractionSheet sheet, List<Analysis> overalls, Settings s, List<Notice> notices) {
        Multiplicity m = s.multiplicity();
        int n = overalls.size();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            Analysis a = overalls.get(i);
            // an incidence (a proportion of the MSC arms) has no null hypothesis: its p-value tests a transformed
            // proportion of 0 (PFT, PRAW) or of one half (PLOGIT), and flagged every outcome of the example
            p[i] = s.measure().isProportion() ? Double.NaN : showsRandom(a, s) ? a.random().p() : a.common().p();
        }
        double[] bh = BenjaminiHochberg.adjust(p);
        String columnName = m.groupColumn() != null ? m.groupColumn() : Multiplicity.ORGAN_SYSTEM;
        TextColumn column = sheet.subgroupColumn(columnName);
        if (m.groupColumn() != null && column == null) {
            throw MetaAnalysis.noColumn(sheet, m.groupColumn(), "naming the organ systems (--organ-system)");
        }
        String[] system = new String[n];
        if (column != null) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(overalls.get(i).outcome(), i);
            }
            List<String> mixed = new ArrayList<>();
            for (int row = 0; row < sheet.size(); row++) {
                Integer i = index.get(sheet.outcome().get(row));
                String v = column.get(row).strip();
                if (i == null || v.isEmpty()) {
                    continue;
                }
                if (system[i] == null) {
                    system[i] = v;
                } else if (!system[i].equals(v) && !mixed.contains(overalls.get(i).outcome())) {
                    mixed.add(overalls.get(i).outcome());
                }
            }
            for (String o : mixed) {
                notices.add(new Notice("multiplicity", o, o + ": rows name more than one " + columnName
                        + "; the first row's is used for the double FDR"));
            }
        }
        boolean any = false;
        for (String sys : system) {
            any |= sys != null;
        }
        double[] within = new double[n];
        double[] sysAdj = new double[n];
        boolean[] sysFlag = new boolean[n];
        boolean[] flag = new boolean[n];
        java.util.Arrays.fill(within, Double.NaN);
        java.util.Arrays.fill(sysAdj, Double.NaN);
        if (any) {
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (system[i] != null) {
                    members.computeIfAbsent(system[i], x -> new ArrayList<>()).add(i);
                }
            }
            Map<String, double[]> ps = new LinkedHashMap<>();
            members.forEach((sys, idx) -> ps.put(sys, idx.stream().mapToDouble(i -> p[i]).toArray()));
            List<DoubleFdr.OrganSystem> result = DoubleFdr.adjust(ps, m.alpha1(), m.alpha2());
            for (DoubleFdr.OrganSystem r : result) {
                List<Integer> idx = members.get(r.system());
                for (int t = 0; t < idx.size(); t++) {
                    int i = idx.get(t);
                    within[i] = r.withinAdjusted()[t];
                    sysAdj[i] = r.systemAdjusted();
                    sysFlag[i] = r.systemFlagged();
                    flag[i] = r.termFlagged()[t];
                }
            }
            int without = 0;
            for (String sys : system) {
                without += sys == null ? 1 : 0;
            }
            if (without > 0) {
                notices.add(new Notice("multiplicity", null, without + " outcome(s) without a value of " + columnName
                        + " are left out of the double FDR (they keep their Benjamini-Hochberg adjustment)"));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(overalls.get(i).outcome(), system[i], p[i], bh[i], bh[i] <= m.alpha2(), within[i],
                    sysAdj[i], sysFlag[i], flag[i]));
        }
        return new FalseDiscovery(m.alpha1(), m.alpha2(), any ? columnName : null, rows);
    }

    private static boolean showsRandom(Analysis a, Settings s) {
        return s.tau2() != null && a.random().isFitted();
    }
}
