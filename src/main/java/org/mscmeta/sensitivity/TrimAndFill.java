package org.mscmeta.sensitivity;

import java.util.Arrays;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.InverseVariance;

/**
 * Trim and fill (Duval and Tweedie 2000, Biometrics 56:455-63) on the inverse-variance common-effect model with
 * the L0 estimator, as metafor's {@code trimfill()} on an {@code rma(method="EE")} fit: the side of the missing
 * studies from the sign of the slope of {@code y} on {@code sqrt(v)} (weights 1/v; negative: missing on the right);
 * k0 iterated on the trimmed data ({@code k0 = (4 S_r - k(k+1)) / (2k - 1)}, rounded half to even, at least 0);
 * the k0 most extreme studies reflected about the trimmed estimate and the model refitted.
 *
 * @param side     "left" or "right": where the filled studies go
 * @param k0       number of filled studies
 * @param fit      common-effect fit with the filled studies, analysis scale
 * @param filledY  effects of the filled studies
 * @param filledV  their variances
 */
public record TrimAndFill(String side, int k0, CommonEffect fit, double[] filledY, double[] filledV) {

    private static final int MAX_ITERATIONS = 100;

    /** Runs trim and fill; needs k >= 3. */
    public static TrimAndFill of(double[] y, double[] v, double level) {
        int k = y.length;
        boolean right = WeightedLeastSquares.onStandardError(y, v).b()[1] < 0;
        double sign = right ? -1 : 1;
        double[] key = new double[k];
        for (int i = 0; i < k; i++) {
            key[i] = sign * y[i];
        }
        int[] order = StableOrder.of(key);
        double[] ys = new double[k];
        double[] vs = new double[k];
        for (int i = 0; i < k; i++) {
            ys[i] = sign * y[order[i]];
            vs[i] = v[order[i]];
        }
        int k0 = 0;
        int previous = -1;
        double beta = 0;
        for (int iter = 0; k0 != previous && iter < MAX_ITERATIONS; iter++) {
            previous = k0;
            beta = InverseVariance.estimate(ys, vs, k - k0);
            double l0 = (4 * positiveRankSum(ys, beta) - (double) k * (k + 1)) / (2.0 * k - 1);
            k0 = (int) Math.max(0, Math.rint(l0));
        }
        double[] fy = new double[k0];
        double[] fv = new double[k0];
        for (int j = 0; j < k0; j++) {
            int i = k - k0 + j;
            fy[j] = sign * (2 * beta - ys[i]);
            fv[j] = vs[i];
        }
        double[] ally = Arrays.copyOf(y, k + k0);
        double[] allv = Arrays.copyOf(v, k + k0);
        System.arraycopy(fy, 0, ally, k, k0);
        System.arraycopy(fv, 0, allv, k, k0);
        CommonEffect fit = InverseVariance.pool(StudyEffects.allIncluded(ally, allv), level);
        return new TrimAndFill(right ? "right" : "left", k0, fit, fy, fv);
    }

    /**
     * Wilcoxon's S_r: the sum of the ranks of |ys - beta| (1 = smallest, ties in index order) over the studies
     * above beta. {@code ys} is ascending, so the distances below and above beta are two sorted runs, merged here
     * in O(k) instead of sorting the distances at every iteration; on a tie the study below beta (the smaller
     * index) comes first, as a stable sort by distance would place it.
     */
    static double positiveRankSum(double[] ys, double beta) {
        int k = ys.length;
        int p = 0;
        while (p < k && ys[p] - beta <= 0) {
            p++;
        }
        int below = p - 1;
        int above = p;
        double sr = 0;
        for (int rank = 1; rank <= k; rank++) {
            if (above < k && (below < 0 || ys[above] - beta < -(ys[below] - beta))) {
                sr += rank;
                above++;
            } else {
                below--;
            }
        }
        return sr;
    }
}
