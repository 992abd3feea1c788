package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative meta-analysis (metafor {@code cumul}): studies added one at a time in the given order (by year, then
 * input order), the model refitted after each; the first step is the first study alone.
 */
public final class Cumulative {

    /**
     * The fit after adding study {@code added}.
     *
     * @param added index of the study added (in the original order)
     * @param fit   the fit of the studies added so far
     */
    public record Step(int added, Model.Fit fit) {
    }

    private Cumulative() {
    }

    /** Adds the studies in {@code order} (indices into y, v). */
    public static List<Step> run(double[] y, double[] v, int[] order, Model model) {
        List<Step> out = new ArrayList<>(order.length);
        for (int n = 1; n <= order.length; n++) {
            double[] yy = new double[n];
            double[] vv = new double[n];
            for (int j = 0; j < n; j++) {
                yy[j] = y[order[j]];
                vv[j] = v[order[j]];
            }
            out.add(new Step(order[n - 1], model.fit(yy, vv)));
        }
        return out;
    }
}
