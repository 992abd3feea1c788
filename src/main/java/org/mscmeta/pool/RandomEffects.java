package org.mscmeta.pool;

import org.mscmeta.effect.StudyEffects;

/**
 * Inverse-variance random-effects model {@code y_i ~ N(mu, v_i + tau^2)} (metafor {@code rma.uni}):
 * {@code mu = sum(w y)/sum(w)}, {@code w = 1/(v + tau^2)}, {@code se = 1/sqrt(sum w)}, Wald z interval.
 *
 * <p>With Hartung-Knapp-Sidik-Jonkman ({@code hksj}; Hartung and Knapp 2001, Stat Med 20:3875-89; Sidik and
 * Jonkman 2002, Stat Med 21:3153-9; metafor {@code test="knha"}): {@code se^2 = sum(w r^2) / ((k-1) sum w)}
 * and t with k-1 degrees of freedom, without truncation; with one study, which has no such variance, the z interval
 * (as metafor, which sets {@code test = "z"} for k = 1).
 *
 * <p>Prediction interval (Higgins, Thompson and Spiegelhalter 2009, JRSS A 172:137-59), when k >= 3:
 * {@code mu +/- q sqrt(tau^2 + se^2)}, se being the standard error used for the confidence interval and {@code q}
 * the quantile of the {@link PredictionInterval} asked for (metafor's {@code predict.rma}: normal, or t(k-1) with
 * Knapp-Hartung).
 */
public final class RandomEffects {

    private RandomEffects() {
    }

    /**
     * Fits the model to the included studies of {@code effects} (at least one), with the prediction interval
     * {@code prediction}.
     */
    public static RandomEffectsResult fit(StudyEffects effects, TauSquared estimator, boolean hksj, double level,
                                          PredictionInterval prediction) {
        double[] y = effects.includedYi();
        double[] v = effects.includedVi();
        return fit(effects, y, v, estimator.estimate(y, v), estimator.name(), hksj, level, prediction);
    }

    /**
     * Fits the model with a given tau2 (for instance DerSimonian-Laird from Q around the Mantel-Haenszel
     * estimate, {@link TauSquared#dersimonianLairdAround}).
     */
    public static RandomEffectsResult fit(StudyEffects effects, double tau2, String tau2Method, boolean hksj,
                                          double level, PredictionInterval prediction) {
        return fit(effects, effects.includedYi(), effects.includedVi(), tau2, tau2Method, hksj, level, prediction);
    }

    /**
     * A generalised Q at most this share of {@code sum(w) mu^2} is rounding: the studies' effects are identical to
     * twelve digits.
     */
    private static final double IDENTICAL = 1e-24;

    /** {@code y} and {@code v}: the included studies' effects and variances (made once per fit: registry scale). */
    private static RandomEffectsResult fit(StudyEffects effects, double[] y, double[] v, double tau2,
                                           String tau2Method, boolean hksj, double level, PredictionInterval prediction) {
        int k = y.length;
        WeightedSums s = WeightedSums.at(y, v, tau2);
        double mu = s.mu();
        double se;
        double crit;
        double stat;
        double p;
        double df = Double.NaN;
        boolean knha = hksj && k > 1; // one study: its own z interval, as metafor ("Setting argument test='z'")
        if (knha) {
            df = k - 1;
            // the studies' effects identical (to rounding: two trials of the same counts, or risk differences of 0):
            // the Hartung-Knapp scale is 0, so is the standard error, and the interval has no width, as metafor's;
            // t = mu / 0 is no test (metafor gives Inf and p = 0, or NaN for mu = 0): not estimable
            boolean identical = s.q() <= IDENTICAL * s.sw() * mu * mu;
            se = identical ? 0 : Math.sqrt(s.q() / ((k - 1) * s.sw()));
            stat = identical ? Double.NaN : mu / se;
            crit = Distributions.tCritical(level, df);
            p = identical ? Double.NaN : Distributions.pTTwoSided(stat, df);
        } else {
            se = Math.sqrt(1 / s.sw());
            stat = mu / se;
            crit = Distributions.zCritical(level);
            p = Distributions.pNormalTwoSided(stat);
        }
        double piLower = Double.NaN;
        double piUpper = Double.NaN;
        if (k >= PredictionInterval.MIN_K) {
            double piCrit = prediction.critical(level, k);
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
        return new RandomEffectsResult(tau2Method, knha, tau2, mu, se, stat, p,
                mu - crit * se, mu + crit * se, df, piLower, piUpper, Weights.toPercent(w));
    }
}
