package org.mscmeta.sensitivity;

import org.mscmeta.effect.StudyEffects;
import org.mscmeta.pool.CommonEffect;
import org.mscmeta.pool.InverseVariance;
import org.mscmeta.pool.RandomEffects;
import org.mscmeta.pool.RandomEffectsResult;
import org.mscmeta.pool.TauSquared;

/**
 * The model the sensitivity analyses refit: random effects with the chosen tau2 estimator (and HKSJ), or the
 * inverse-variance common-effect model when there is no random model (metafor refits the model it is given).
 *
 * @param tau2  tau2 estimator, null for the common-effect model
 * @param hksj  Hartung-Knapp-Sidik-Jonkman
 * @param level confidence level
 */
public record Model(TauSquared tau2, boolean hksj, double level) {

    /** A refit: estimate, CI (analysis scale) and tau2. */
    public record Fit(double estimate, double se, double ciLower, double ciUpper, double tau2, double q) {
    }

    /** Fits the model to the studies {@code y}, {@code v}. */
    public Fit fit(double[] y, double[] v) {
        StudyEffects e = effects(y, v);
        if (tau2 == null || y.length == 1) {
            CommonEffect c = InverseVariance.pool(e, level);
            return new Fit(c.estimate(), c.se(), c.ciLower(), c.ciUpper(), 0, q(y, v, c.estimate()));
        }
        RandomEffectsResult r = RandomEffects.fit(e, tau2, hksj, level);
        CommonEffect c = InverseVariance.pool(e, level);
        return new Fit(r.estimate(), r.se(), r.ciLower(), r.ciUpper(), r.tau2(), q(y, v, c.estimate()));
    }

    static StudyEffects effects(double[] y, double[] v) {
        boolean[] inc = new boolean[y.length];
        java.util.Arrays.fill(inc, true);
        return new StudyEffects(y, v, inc, new boolean[y.length], new boolean[y.length]);
    }

    private static double q(double[] y, double[] v, double centre) {
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            q += (y[i] - centre) * (y[i] - centre) / v[i];
        }
        return q;
    }
}
