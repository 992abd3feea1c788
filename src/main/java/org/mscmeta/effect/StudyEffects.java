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
public record StudyEffects(double[] yi, double[] vi, boolean[] included, boolean[] doubleZero, boolean[] corrected) {

    /** Studies that are all included, uncorrected, none a double zero: effects given directly. */
    public static StudyEffects allIncluded(double[] yi, double[] vi) {
        boolean[] inc = new boolean[yi.length];
        java.util.Arrays.fill(inc, true);
        return new StudyEffects(yi, vi, inc, new boolean[yi.length], new boolean[yi.length]);
    }

    /** Number of studies, included or not. */
    public int size() {
        return yi.length;
    }

    /** Number of included studies. */
    public int k() {
        int k = 0;
        for (boolean b : included) {
            if (b) {
                k++;
            }
        }
        return k;
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

    /** The yi of the included studies, in order. */
    public double[] includedYi() {
        return compact(yi);
    }

    /** The vi of the included studies, in order. */
    public double[] includedVi() {
        return compact(vi);
    }

    private double[] compact(double[] x) {
        double[] out = new double[k()];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (included[i]) {
                out[j++] = x[i];
            }
        }
        return out;
    }
}
