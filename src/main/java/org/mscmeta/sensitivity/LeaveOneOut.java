package org.mscmeta.sensitivity;

import java.util.ArrayList;
import java.util.List;

/** Leave-one-out analysis (metafor {@code leave1out}): the model refitted k times, each time without one study. */
public final class LeaveOneOut {

    /**
     * One refit without study {@code omitted}.
     *
     * @param omitted index of the left-out study among those given
     * @param fit     the refit, analysis scale
     */
    public record Step(int omitted, Model.Fit fit) {
    }

    private LeaveOneOut() {
    }

    /** Refits without each study in turn; needs k >= 2. */
    public static List<Step> run(double[] y, double[] v, Model model) {
        int k = y.length;
        List<Step> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] yy = new double[k - 1];
            double[] vv = new double[k - 1];
            for (int j = 0, m = 0; j < k; j++) {
                if (j != i) {
                    yy[m] = y[j];
                    vv[m++] = v[j];
                }
            }
            out.add(new Step(i, model.fit(yy, vv)));
        }
        return out;
    }
}
