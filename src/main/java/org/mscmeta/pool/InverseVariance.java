package org.mscmeta.pool;

import org.mscmeta.effect.StudyEffects;

/**
 * Inverse-variance common-effect model: {@code theta = sum(w y) / sum(w)}, {@code w = 1/v},
 * {@code se = 1/sqrt(sum w)} (metafor {@code rma.uni(method="EE")}; Borenstein et al. 2009, ch. 11).
 */
public final class InverseVariance {

    private InverseVariance() {
    }

    /** Pools the included studies of {@code effects}. */
    public static CommonEffect pool(StudyEffects effects, double level) {
        double[] yi = effects.yi();
        double[] vi = effects.vi();
        boolean[] inc = effects.included();
        double[] w = new double[yi.length];
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < yi.length; i++) {
            if (inc[i]) {
                w[i] = 1 / vi[i];
                sw += w[i];
                swy += w[i] * yi[i];
            } else {
                w[i] = Double.NaN;
            }
        }
        return CommonEffect.wald("IV", swy / sw, Math.sqrt(1 / sw), level, w);
    }

    /**
     * The inverse-variance common-effect estimate of the first {@code n} studies, sum(y/v) / sum(1/v), with the same
     * operations in the same order as {@link #pool} (so the same double), without its weights and test: for
     * iterations that need only the estimate (trim and fill).
     */
    public static double estimate(double[] y, double[] v, int n) {
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < n; i++) {
            double w = 1 / v[i];
            sw += w;
            swy += w * y[i];
        }
        return swy / sw;
    }
}
