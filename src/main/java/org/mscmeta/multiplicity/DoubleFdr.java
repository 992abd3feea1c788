package org.mscmeta.multiplicity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The double false discovery rate of Mehrotra and Adewale (2012, Stat Med 31:1918-30) for adverse events grouped
 * by body (organ) system: within each system the terms' p-values are adjusted by Benjamini-Hochberg; each system's
 * smallest adjusted value is its p-value, and those are adjusted by Benjamini-Hochberg across the systems; systems
 * at or below {@code alpha1} are flagged, and within a flagged system the terms whose within-system adjusted value is
 * at or below {@code alpha2}. A term without a p-value (NaN) is neither counted nor flagged.
 */
public final class DoubleFdr {

    private DoubleFdr() {
    }

    /**
     * One system's result.
     *
     * @param system        its name
     * @param withinAdjusted each term's p-value adjusted within the system, in the order given
     * @param systemAdjusted the system's p-value (smallest within-adjusted value) adjusted across systems
     * @param systemFlagged  {@code systemAdjusted <= alpha1}
     * @param termFlagged    per term: in a flagged system and {@code withinAdjusted <= alpha2}
     */
    public record OrganSystem(String system, double[] withinAdjusted, double systemAdjusted, boolean systemFlagged,
                         boolean[] termFlagged) {
    }

    /**
     * Applies the procedure.
     *
     * @param systems each system's terms' p-values, systems in the order to report them
     * @param alpha1  the level at which systems are flagged
     * @param alpha2  the level at which terms within a flagged system are flagged
     */
    public static List<OrganSystem> adjust(Map<String, double[]> systems, double alpha1, double alpha2) {
        List<String> names = new ArrayList<>(systems.keySet());
        Map<String, double[]> within = new LinkedHashMap<>();
        double[] minima = new double[names.size()];
        for (int s = 0; s < names.size(); s++) {
            double[] adj = BenjaminiHochberg.adjust(systems.get(names.get(s)));
            within.put(names.get(s), adj);
            double min = Double.NaN;
            for (double a : adj) {
                if (!Double.isNaN(a) && (Double.isNaN(min) || a < min)) {
                    min = a;
                }
            }
            minima[s] = min;
        }
        double[] across = BenjaminiHochberg.adjust(minima);
        List<OrganSystem> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            double[] adj = within.get(names.get(s));
            boolean flagged = across[s] <= alpha1;
            boolean[] terms = new boolean[adj.length];
            for (int t = 0; t < adj.length; t++) {
                terms[t] = flagged && adj[t] <= alpha2;
            }
            out.add(new OrganSystem(names.get(s), adj, across[s], flagged, terms));
        }
        return out;
    }
}
