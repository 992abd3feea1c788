package org.mscmeta.sensitivity;

import java.util.concurrent.ConcurrentHashMap;
import org.mscmeta.effect.StudyEffects;
import org.mscmeta.pool.Distributions;
import org.mscmeta.pool.TauSquared;

/**
 * The model the sensitivity analyses refit: random effects with the chosen tau2 estimator (and HKSJ), or the
 * inverse-variance common-effect model when there is no random model (metafor refits the model it is given).
 * A refit computes only what the sensitivity tables show (estimate, CI, tau2, Q), in two passes over the data,
 * with the critical values computed once.
 *
 * @param tau2  tau2 estimator, null for the common-effect model
 * @param hksj  Hartung-Knapp-Sidik-Jonkman
 * @param level confidence level
 */
public record Model(TauSquared tau2, boolean hksj, double level) {

    private static final ConcurrentHashMap<Long, Double> T_CRITICAL = new ConcurrentHashMap<>();

    /** A refit: estimate, CI (analysis scale), tau2 and Cochran's Q around the common-effect estimate. */
    public record Fit(double estimate, double se, double ciLower, double ciUpper, double tau2, double q) {
    }

    /** Fits the model to the studies {@code y}, {@code v} (same formulas as {@code RandomEffects}). */
    public Fit fit(double[] y, double[] v) {
        int k = y.length;
        double t2 = tau2 == null || k == 1 ? 0 : tau2.estimate(y, v);
        double sw0 = 0;
        double swy0 = 0;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            double w0 = 1 / v[i];
            sw0 += w0;
            swy0 += w0 * y[i];
            double w = 1 / (v[i] + t2);
            sw += w;
            swy += w * y[i];
        }
        double common = swy0 / sw0;
        double mu = swy / sw;
        double q = 0;
        double qr = 0;
        for (int i = 0; i < k; i++) {
            double r0 = y[i] - common;
            q += r0 * r0 / v[i];
            double r = y[i] - mu;
            qr += r * r / (v[i] + t2);
        }
        double se;
        double crit;
        if (hksj && tau2 != null && k > 1) {
            se = Math.sqrt(qr / ((k - 1) * sw));
            crit = T_CRITICAL.computeIfAbsent(Double.doubleToLongBits(level) * 31 + k - 1,
                    key -> Distributions.tCritical(level, k - 1));
        } else {
            se = Math.sqrt(1 / sw);
            crit = Distributions.zCritical(level);
        }
        return new Fit(mu, se, mu - crit * se, mu + crit * se, t2, q);
    }

    static StudyEffects effects(double[] y, double[] v) {
        boolean[] inc = new boolean[y.length];
        java.util.Arrays.fill(inc, true);
        return new StudyEffects(y, v, inc, new boolean[y.length], new boolean[y.length]);
    }
}
