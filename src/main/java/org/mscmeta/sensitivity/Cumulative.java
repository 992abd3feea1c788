package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative meta-analysis (metafor {@code cumul}): studies added one at a time in a given order (by year, then
 * input order), the model refitted after each; the first step is the first study alone. As for
 * {@link LeaveOneOut}, this class only says which studies each refit takes; the refit is the analysed model.
 */
public final class Cumulative {

    private Cumulative() {
    }

    /**
     * The studies of each step: the units (the studies the model shown pools) added in {@code order}, together with
     * every study of {@code all} that is not a unit (a table without an estimate that the model still weighs, or
     * nothing), so that the last step is the whole analysis.
     *
     * @param all   the studies of the analysis (any ids, e.g. sheet rows)
     * @param units positions in {@code all} of the units
     * @param order the units' positions in {@code units}, in the order they are added
     * @return one array of ids per step, each in the order of {@code all}
     */
    public static List<int[]> subsets(int[] all, int[] units, int[] order) {
        boolean[] isUnit = new boolean[all.length];
        for (int u : units) {
            isUnit[u] = true;
        }
        boolean[] in = new boolean[all.length];
        for (int j = 0; j < all.length; j++) {
            in[j] = !isUnit[j];
        }
        List<int[]> out = new ArrayList<>(order.length);
        for (int step : order) {
            in[units[step]] = true;
            int n = 0;
            for (boolean b : in) {
                n += b ? 1 : 0;
            }
            int[] ids = new int[n];
            for (int j = 0, m = 0; j < all.length; j++) {
                if (in[j]) {
                    ids[m++] = all[j];
                }
            }
            out.add(ids);
        }
        return out;
    }
}
