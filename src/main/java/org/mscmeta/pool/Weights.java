package org.mscmeta.pool;

/** Turning raw study weights into percentages. */
final class Weights {

    private Weights() {
    }

    /**
     * {@code 100 w_i / sum(w)} over the finite weights, in place ({@code w} is returned: every caller makes its
     * array for this); NaN entries stay NaN.
     */
    static double[] toPercent(double[] w) {
        double sum = 0;
        for (double x : w) {
            if (!Double.isNaN(x)) {
                sum += x;
            }
        }
        double scale = 100 / sum;
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return w;
    }
}
