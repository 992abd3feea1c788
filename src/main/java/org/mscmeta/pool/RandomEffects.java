package org.mscmeta.pool;

import org.mscmeta.effect.StudyEffects;

/**
 * Inverse-variance random-effects model {@code y_i ~ N(mu, v_i + tau^2)} (metafor {@code rma.uni}):
 * {@code mu = sum(w y)/sum(w)}, {@code w = 1/(v + tau^2)}, {@code se = 1/sqrt(sum w)}, Wald z interval.
 *
 * <p>With Hartung-Knapp-Sidik-Jonkman ({@code hksj}; Hartung and Knapp 2001, Stat Med 20:3875-89; Sidik and
 * Jonkman 2002, Stat Med 21:3153-9; metafor {@code test="knha"}): {@code se^2 = sum(w r^2) / ((k-1) sum w)}
 * and t with k-1 degrees of freedom, without truncation.
 *
 * <p>Prediction interval (Higgins, Thompson and Spiegelhalter 2009, JRSS A 172:137-59), when k >= 3:
 * {@code mu +/- t(k-2) sqrt(tau^2 + se^2)}, se being the standard error used for the confidence interval.
 */
public final class RandomEffects {

    private RandomEffects() {
    }

    /** Fits the model to the included studies of {@code effects}; requires at least one included study. */
    public static RandomEffectsResult fit(StudyEffects effects, TauSquared estimator, boolean hksj, double level) {
        double[] y = effects.includedYi();
        double[] v = effects.includedVi();
        int k = y.length;
        double tau2 = estimator.estimate(y, v);
        WeightedSums s = WeightedSums.at(y, v, tau2);
        double mu = s.mu();
        double se;
        double crit;
        double stat;
        double p;
        double df = Double.NaN;
        if (hksj) {
            df = k - 1;
            se = k > 1 ? Math.sqrt(s.q() / ((k - 1) * s.sw())) : Double.NaN;
            stat = mu / se;
            crit = k > 1 ? Distributions.tCritical(level, df) : Double.NaN;
            p = k > 1 ? Distributions.pTTwoSided(stat, df) : Double.NaN;
        } else {
            se = Math.sqrt(1 / s.sw());
            stat = mu / se;
            crit = Distributions.zCritical(level);
            p = Distributions.pNormalTwoSided(stat);
        }
        double piLower = Double.NaN;
        double piUpper = Double.NaN;
        if (k >= 3) {
            double piCrit = Distributions.tCritical(level, k - 2);
            double piSe = Math.sqrt(tau2 + se * se);
            piLower = mu - piCrit * piSe;
            piUpper = mu + piCrit * piSe;
        }
        double[] yi = effects.yi();
        double[] vi = effects.vi();
        double[] w = new double[yi.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = effects.included()[i] ? 1 / (vi[i] + tau2) : Double.NaN;
        }
        return new RandomEffectsResult(estimator.name(), hksj, tau2, mu, se, stat, p,
                mu - crit * se, mu + crit * se, df, piLower, piUpper, Weights.toPercent(w));
    }
}
