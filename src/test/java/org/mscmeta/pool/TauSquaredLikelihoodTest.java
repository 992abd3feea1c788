package org.mscmeta.pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ML and REML against their definition: the estimate's (restricted) log-likelihood is at least that of every point of
 * a dense grid over [0, 100], on data made to give the likelihood two maxima (an imprecise study far from the
 * others). The metafor cases are in reference-extra/likelihood_cases.json.
 */
class TauSquaredLikelihoodTest {

    private static double logLik(double[] y, double[] v, double t, boolean reml) {
        double sw = 0;
        double swy = 0;
        double sumLog = 0;
        for (int i = 0; i < y.length; i++) {
            sw += 1 / (v[i] + t);
            swy += y[i] / (v[i] + t);
            sumLog += Math.log(v[i] + t);
        }
        double mu = swy / sw;
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            q += (y[i] - mu) * (y[i] - mu) / (v[i] + t);
        }
        return -0.5 * (sumLog + q + (reml ? Math.log(sw) : 0));
    }

    @Test
    void estimateIsTheHighestPointOfTheLikelihood() {
        Random r = new Random(20261203);
        int twoMaxima = 0;
        for (int trial = 0; trial < 600; trial++) {
            int k = 2 + r.nextInt(5);
            double[] y = new double[k];
            double[] v = new double[k];
            for (int i = 0; i < k; i++) {
                y[i] = r.nextGaussian() * 0.5;
                v[i] = 0.01 + r.nextDouble() * 0.3;
            }
            y[0] = 2 + 4 * r.nextDouble(); // far from the others
            v[0] = 0.5 + 3 * r.nextDouble(); // and imprecise
            for (boolean reml : new boolean[] {false, true}) {
                double est = (reml ? TauSquared.REML : TauSquared.ML).estimate(y, v);
                double at = logLik(y, v, est, reml);
                int maxima = 0;
                double previous = logLik(y, v, 0, reml);
                boolean rising = false;
                for (int g = 1; g <= 1500; g++) {
                    double t = 100 * Math.pow(g / 1500.0, 3);
                    double l = logLik(y, v, t, reml);
                    assertTrue(at >= l - 1e-9, (reml ? "REML" : "ML") + " trial " + trial + ": tau2 " + est
                            + " has log-likelihood " + at + ", below " + l + " at " + t);
                    maxima += (g == 1 && l < previous) || (rising && l < previous) ? 1 : 0;
                    rising = l > previous;
                    previous = l;
                }
                twoMaxima += maxima >= 2 ? 1 : 0;
            }
        }
        assertTrue(twoMaxima >= 20, "only " + twoMaxima + " likelihoods with two maxima were tried");
    }
}
