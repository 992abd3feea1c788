package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out analysis (metafor {@code leave1out}): the model refitted k times, each time without one study.
 * This class only says which studies each refit takes; the refit itself is the analysed model (the analysis stage
 * calls its own model with the same settings), so that a refit can never differ from the analysis of the same
 * studies.
 */
public final class LeaveOneOut {

    private LeaveOneOut() {
    }

    /**
     * The studies of each refit: for each unit in turn (the studies the model shown pools; metafor's
     * {@code leave1out} of an {@code rma.mh} fit leaves out every table in turn, of an {@code rma.uni} fit every
     * study with an estimate), every study of {@code all} but that one.
     *
     * @param all   the studies of the analysis (any ids, e.g. sheet rows)
     * @param units positions in {@code all} of the studies to leave out in turn
     * @return one array of ids per unit, in the order of {@code units}
     */
    public static List<int[]> subsets(int[] all, int[] units) {
        List<int[]> out = new ArrayList<>(units.length);
        for (int u : units) {
            int[] rest = new int[all.length - 1];
            for (int j = 0, m = 0; j < all.length; j++) {
                if (j != u) {
                    rest[m++] = all[j];
                }
            }
            out.add(rest);
        }
        return out;
    }
}
