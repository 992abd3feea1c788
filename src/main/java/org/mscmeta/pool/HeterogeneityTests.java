package org.mscmeta.pool;

import org.mscmeta.effect.TwoByTwo;

/**
 * The tests for heterogeneity that metafor's {@code rma.glmm} reports beside a mixed logistic model
 * ({@code QE.Wld} and {@code QE.LRT}; Stijnen, Hamza and Ozdemir 2010, Stat Med 29:3046-67): the common-effect
 * logistic model against the saturated model, which gives every study an effect of its own, on k - 1 degrees of
 * freedom.
 * <ul>
 *   <li><b>Wald</b>: the saturated model's study effects all equal. Its estimates are each study's own log odds
 *       ratio (logit) with variance {@code 1/a + 1/b + 1/c + 1/d} ({@code 1/x + 1/(n - x)}), independent, so the test
 *       is Cochran's Q of those estimates around their inverse-variance mean. A study with an empty cell has no finite
 *       estimate of its own: in R's {@code glm} its coefficient runs off with a variance that runs off faster, and it
 *       adds nothing to the test, as here.</li>
 *   <li><b>Likelihood ratio</b>: {@code 2 (log L_saturated - log L_common)}, binomial coefficients included in both
 *       (the saturated model fits every arm's proportion exactly); 0 at least.</li>
 * </ul>
 * For the odds ratio with fixed study effects (UM.FS) and single-arm proportions (PLO) the common-effect model is a
 * plain logistic regression and the saturated model fits every arm exactly. Under random study effects (UM.RS) both
 * keep the random study intercepts (metafor fits them with lme4's {@code glmer}): the saturated model is
 * {@link SaturatedRandomStudies}, and both are integrated as metafor integrates them, by the Laplace approximation
 * when the random-effects model is fitted too (metafor then sets {@code nAGQ = 1} for every fit) and by 7-point
 * adaptive quadrature when only the common model is.
 *
 * @param wald         the Wald statistic, NaN when not estimable
 * @param waldP        its p-value from chi-square(df)
 * @param lrt          the likelihood-ratio statistic
 * @param lrtP         its p-value
 * @param df           k - 1
 * @param notEstimable why the tests do not exist, or null
 */
public record HeterogeneityTests(double wald, double waldP, double lrt, double lrtP, int df, String notEstimable) {

    /** The tests do not exist, for {@code reason}. */
    public static HeterogeneityTests notEstimable(String reason) {
        return new HeterogeneityTests(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, reason);
    }

    /**
     * The tests of the UM.FS odds-ratio model of the studies {@code use} marks, whose common model is
     * {@code common}.
     */
    public static HeterogeneityTests oddsRatio(TwoByTwo t, boolean[] use, Glmm common) {
        int k = 0;
        double saturated = 0;
        double[] y = new double[t.k()];
        double[] v = new double[t.k()];
        int finite = 0;
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                continue;
            }
            int a = t.a()[i];
            int b = t.n1()[i] - a;
            int c = t.c()[i];
            int d = t.n2()[i] - c;
            k++;
            saturated += saturatedArm(a, t.n1()[i]) + saturatedArm(c, t.n2()[i]);
            if (!t.hasZeroCell(i)) {
                y[finite] = Math.log((double) a * d / ((double) b * c));
                v[finite++] = 1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d;
            }
        }
        return of(k, saturated, y, v, finite, common);
    }

    /**
     * The tests of the UM.RS odds-ratio model of the studies {@code use} marks: the common model (random study
     * intercepts, one log odds ratio) against the saturated one, integrated by the Laplace approximation when
     * {@code laplace} and by 7-point quadrature otherwise, when {@code common} is that model.
     */
    public static HeterogeneityTests oddsRatioRandomStudies(TwoByTwo t, boolean[] use, Glmm common, boolean laplace) {
        Glmm.Arms arms = Glmm.Arms.of(t, use);
        int k = arms.y().length;
        HeterogeneityTests unavailable = unavailable(k, common);
        if (unavailable != null) {
            return unavailable;
        }
        AdaptiveGaussHermite rule = laplace ? Glmm.LAPLACE : Glmm.AGQ;
        Glmm fitted = laplace ? Glmm.oddsRatioRandomStudies(t, use, false, rule) : common;
        if (!fitted.isEstimable()) {
            return unavailable(k, fitted);
        }
        SaturatedRandomStudies saturated = SaturatedRandomStudies.fit(arms, rule);
        int df = k - 1;
        double lrt = Math.max(0, 2 * (saturated.logLik() + arms.logChooseSum() - fitted.logLik()));
        double wald = saturated.wald();
        if (!Double.isFinite(wald)) {
            return notEstimable("the saturated model's information matrix is singular");
        }
        return new HeterogeneityTests(wald, Distributions.pChiSquareUpper(wald, df), lrt,
                Distributions.pChiSquareUpper(lrt, df), df, null);
    }

    /** The tests of the PLO model of {@code x} events in {@code n}, whose common model is {@code common}. */
    public static HeterogeneityTests proportions(int[] x, int[] n, Glmm common) {
        double saturated = 0;
        double[] y = new double[x.length];
        double[] v = new double[x.length];
        int finite = 0;
        for (int i = 0; i < x.length; i++) {
            saturated += saturatedArm(x[i], n[i]);
            if (x[i] > 0 && x[i] < n[i]) {
                y[finite] = Math.log((double) x[i] / (n[i] - x[i]));
                v[finite++] = 1.0 / x[i] + 1.0 / (n[i] - x[i]);
            }
        }
        return of(x.length, saturated, y, v, finite, common);
    }

    /** The tests of {@code k} studies, {@code finite} of which have an estimate of their own ({@code y}, {@code v}). */
    private static HeterogeneityTests of(int k, double saturated, double[] y, double[] v, int finite, Glmm common) {
        HeterogeneityTests unavailable = unavailable(k, common);
        if (unavailable != null) {
            return unavailable;
        }
        int df = k - 1;
        double wald = finite < 2 ? 0 : WeightedSums.at(java.util.Arrays.copyOf(y, finite),
                java.util.Arrays.copyOf(v, finite), 0).q();
        double lrt = Math.max(0, 2 * (saturated - common.logLik()));
        return new HeterogeneityTests(wald, Distributions.pChiSquareUpper(wald, df), lrt,
                Distributions.pChiSquareUpper(lrt, df), df, null);
    }

    /** Why there is nothing to test: too few studies, or no common model to test against; null when there is. */
    private static HeterogeneityTests unavailable(int k, Glmm common) {
        if (k < 2) {
            return notEstimable("k < 2: a test for heterogeneity needs at least two studies");
        }
        if (common == null || !common.isEstimable()) {
            return notEstimable("the common-effect logistic model has no finite maximum to test against");
        }
        return null;
    }

    /**
     * The log-likelihood of {@code x} events in {@code n} at the proportion x / n, the binomial coefficient
     * included.
     */
    private static double saturatedArm(int x, int n) {
        double l = AdaptiveGaussHermite.logChoose(n, x);
        if (x > 0) {
            l += x * Math.log((double) x / n);
        }
        if (x < n) {
            l += (n - x) * Math.log((double) (n - x) / n);
        }
        return l;
    }

    /** Whether the tests exist. */
    public boolean isEstimable() {
        return notEstimable == null;
    }
}
