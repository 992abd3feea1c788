package org.mscmeta.report.plot;

import java.util.List;

/**
 * The horizontal scale of a forest or AE panel: logarithmic for ratios, linear for differences, chosen from a
 * fixed set of symmetric ranges so that every point estimate and pooled interval is inside (study intervals
 * that leave it end in an arrow).
 *
 * @param ratio   log scale
 * @param min     left end, natural scale
 * @param max     right end, natural scale
 * @param ticks   tick values, natural scale
 */
record Axis(boolean ratio, double min, double max, double[] ticks) {

    private static final double[][] RATIO = {
        {0.5, 0.7, 1, 1.5, 2},
        {0.2, 0.5, 1, 2, 5},
        {0.1, 0.2, 0.5, 1, 2, 5, 10},
        {0.05, 0.2, 1, 5, 20},
        {0.02, 0.1, 1, 10, 50},
        {0.01, 0.1, 1, 10, 100},
        {0.002, 0.1, 1, 10, 500},
        {0.001, 0.1, 1, 10, 1000},
    };
    private static final double[] DIFF = {0.02, 0.05, 0.1, 0.2, 0.5, 1};

    /** The smallest range that contains all {@code mustShow} values (natural scale, NaN ignored). */
    static Axis choose(boolean ratio, List<Double> mustShow) {
        if (ratio) {
            double need = 0;
            for (double v : mustShow) {
                if (Double.isFinite(v) && v > 0) {
                    need = Math.max(need, Math.abs(Math.log(v)));
                }
            }
            for (double[] t : RATIO) {
                if (Math.log(t[t.length - 1]) >= need * (1 + 1e-9)) {
                    return new Axis(true, t[0], t[t.length - 1], t);
                }
            }
            double[] t = RATIO[RATIO.length - 1];
            return new Axis(true, t[0], t[t.length - 1], t);
        }
        double need = 0;
        for (double v : mustShow) {
            if (Double.isFinite(v)) {
                need = Math.max(need, Math.abs(v));
            }
        }
        double m = DIFF[DIFF.length - 1];
        for (double d : DIFF) {
            if (d >= need * (1 + 1e-9)) {
                m = d;
                break;
            }
        }
        return new Axis(false, -m, m, new double[] {-m, -m / 2, 0, m / 2, m});
    }

    /** The axis of proportions: 0 to 1, no line of no effect. */
    static Axis proportion() {
        return new Axis(false, 0, 1, new double[] {0, 0.25, 0.5, 0.75, 1});
    }

    /** Position in [0, 1] of a natural-scale value (may fall outside for values beyond the ends). */
    double fraction(double v) {
        if (ratio) {
            return (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (v - min) / (max - min);
    }

    /** The no-effect value: 1 for ratios, 0 for differences. */
    double nullValue() {
        if (ratio) {
            return 1;
        }
        return min == 0 ? Double.NaN : 0;
    }

    static String tickLabel(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.startsWith("0.") ? s : s.replace("-0.", "-0.");
    }
}
