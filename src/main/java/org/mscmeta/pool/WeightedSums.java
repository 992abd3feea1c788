package org.mscmeta.pool;

/**
 * Sums of a random-effects (or, at tau2 = 0, common-effect) inverse-variance fit of the intercept-only model
 * at a given tau2: weights {@code w = 1/(v + tau2)}, {@code mu = sum(w y)/sum(w)}, residuals {@code r = y - mu}.
 *
 * @param sw    sum of w
 * @param sw2   sum of w^2
 * @param mu    weighted mean
 * @param q     generalised Q: {@code sum(w r^2)}
 * @param qw2   {@code sum(w^2 r^2)}, the quadratic form {@code y'PPy} of the (RE)ML score
 * @param swv   {@code sum(w v)}
 */
record WeightedSums(double sw, double sw2, double mu, double q, double qw2, double swv) {

    static WeightedSums at(double[] y, double[] v, double tau2) {
        int k = y.length;
        double sw = 0;
        double sw2 = 0;
        double swy = 0;
        double swv = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (v[i] + tau2);
            sw += w;
            sw2 += w * w;
            swy += w * y[i];
            swv += w * v[i];
        }
        double mu = swy / sw;
        double q = 0;
        double qw2 = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (v[i] + tau2);
            double r = y[i] - mu;
            q += w * r * r;
            qw2 += w * w * r * r;
        }
        return new WeightedSums(sw, sw2, mu, q, qw2, swv);
    }
}
