package org.mscmeta.pool;

/** Turning raw study weights into percentages. */
final class Weights {

    private Weights() {
    }

    /** {@code 100 w_i / sum(w)} over the finite weights; NaN entries stay NaN. */
    static double[] toPercent(double[] w) {
        double sum = 0;
        for (double x : w) {
            if (!Double.isNaN(x)) {
                sum += x;
            }
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Double.isNaN(w[i]) ? Double.NaN : 100 * w[i] / sum;
        }
        return out;
    }
}
