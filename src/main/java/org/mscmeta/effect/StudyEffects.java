package org.mscmeta.effect;

/**
 * Per-study effects on the analysis scale, as metafor's {@code escalc} returns them: {@code yi} and its
 * sampling variance {@code vi}. Arrays are indexed like the {@link TwoByTwo} they came from.
 *
 * @param yi         effect (log RR, log OR, RD, or Peto's log OR); NaN where not included
 * @param vi         sampling variance; NaN where not included
 * @param included   study contributes to the pooled estimates
 * @param doubleZero study had no events (or only events) in both arms and was left out for that reason
 * @param corrected  a continuity correction was added to the study's cells
 */
public record StudyEffects(double[] yi, double[] vi, boolean[] included, boolean[] doubleZero, boolean[] corrected,
                           Included compact) {

    /**
     * The included studies' effects and variances, made once (a fit reads them several times: the pooling, Q, tau2,
     * the random-effects model, I2). Shared: not to be changed.
     *
     * @param yi the included studies' effects, in order
     * @param vi their variances
     */
    public record Included(double[] yi, double[] vi) {
    }

    public StudyEffects(double[] yi, double[] vi, boolean[] included, boolean[] doubleZero, boolean[] corrected) {
        this(yi, vi, included, doubleZero, corrected, compact(yi, vi, included));
    }

    /** Studies that are all included, uncorrected, none a double zero: effects given directly. */
    public static StudyEffects allIncluded(double[] yi, double[] vi) {
        boolean[] inc = new boolean[yi.length];
        java.util.Arrays.fill(inc, true);
        return new StudyEffects(yi, vi, inc, new boolean[yi.length], new boolean[yi.length]);
    }

    /** The effects of the studies at {@code positions}, in that order. */
    public StudyEffects subset(int[] positions) {
        int n = positions.length;
        double[] y = new double[n];
        double[] v = new double[n];
        boolean[] inc = new boolean[n];
        boolean[] dz = new boolean[n];
        boolean[] cor = new boolean[n];
        for (int i = 0; i < n; i++) {
            int p = positions[i];
            y[i] = yi[p];
            v[i] = vi[p];
            inc[i] = included[p];
            dz[i] = doubleZero[p];
            cor[i] = corrected[p];
        }
        return new StudyEffects(y, v, inc, dz, cor);
    }

    /** Number of studies, included or not. */
    public int size() {
        return yi.length;
    }

    /** Number of included studies. */
    public int k() {
        return compact.yi().length;
    }

    /** Number of studies left out because they had no events (or only events) in both arms. */
    public int doubleZeroCount() {
        int n = 0;
        for (boolean b : doubleZero) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The yi of the included studies, in order (shared: not to be changed). */
    public double[] includedYi() {
        return compact.yi();
    }

    /** The vi of the included studies, in order (shared: not to be changed). */
    public double[] includedVi() {
        return compact.vi();
    }

    private static Included compact(double[] yi, double[] vi, boolean[] included) {
        int k = 0;
        for (boolean b : included) {
            k += b ? 1 : 0;
        }
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0, j = 0; i < yi.length; i++) {
            if (included[i]) {
                y[j] = yi[i];
                v[j++] = vi[i];
            }
        }
        return new Included(y, v);
    }
}
