package org.mscmeta.pool;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The saturated model of the odds ratio with random study effects (UM.RS), as metafor's {@code rma.glmm} fits it
 * for its tests for heterogeneity: lme4's {@code glmer(cbind(x, n - x) ~ 0 + group1 + const + study:group1
 * + (1 | study))}, every study with a log odds ratio of its own ({@code theta_i}) and the study intercepts random:
 * {@code logit p_i1 = beta + sigma v_i + theta_i}, {@code logit p_i2 = beta + sigma v_i}, {@code v_i ~ N(0, 1)}
 * (Stijnen, Hamza and Ozdemir 2010, Stat Med 29:3046-67).
 *
 * <p>Each {@code theta_i} enters its own study's likelihood only, so it is profiled out study by study, and
 * {@code beta} and {@code sigma} are maximised over the profile. A study with no events, or only events, in the MSC
 * arm has no finite {@code theta_i}: its likelihood is the limit, the control arm's alone (in lme4 the coefficient
 * runs off with a variance that runs off faster).
 *
 * <p>The Wald statistic for {@code theta_1 = ... = theta_m} (the studies with a finite {@code theta_i}) uses the
 * covariance of the thetas as lme4's {@code vcov}: the inverse of an information matrix A over all parameters. The
 * inverse of the thetas' block of that covariance is the Schur complement {@code S = A_tt - A_tn A_nn^-1 A_nt} of
 * the nuisance block ({@code beta}, {@code sigma}), the thetas' own block being diagonal, and the statistic is
 * {@code theta' S theta - (1' S theta)^2 / (1' S 1)}, which equals the Wald test of any full set of contrasts
 * (metafor's: each study's coefficient against the last's).
 *
 * @param logLik the maximised log-likelihood, binomial coefficients left out
 * @param wald   the Wald statistic, 0 with fewer than two finite thetas, NaN when the information is singular
 */
record SaturatedRandomStudies(double logLik, double wald) {

    /** The fit of the studies {@code arms} under the quadrature {@code rule} (one node: Laplace). */
    static SaturatedRandomStudies fit(Glmm.Arms arms, AdaptiveGaussHermite rule) {
        int[][] y = arms.y();
        int[][] n = arms.n();
        int k = y.length;
        boolean[] finite = new boolean[k];
        double[] theta = new double[k];
        double[] controls = arms.controlLogits();
        for (int i = 0; i < k; i++) {
            finite[i] = y[i][0] > 0 && y[i][0] < n[i][0];
            double own = Math.log((y[i][0] + 0.5) / (n[i][0] - y[i][0] + 0.5));
            theta[i] = own - controls[i];
        }
        // parameters beta, sigma; each theta_i at its maximum given them (updated in place, the next search's start)
        java.util.function.ToDoubleFunction<double[]> profile = p -> {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += studyProfile(y[i], n[i], finite[i], p[0], Math.abs(p[1]), theta, i, rule);
            }
            return sum;
        };
        MaximumLikelihood.Maximum max = MaximumLikelihood.maximise(profile, arms.randomInterceptStart(),
                new double[] {0.5, 0.3});
        double beta = max.point()[0];
        double sigma = Math.abs(max.point()[1]);
        double logLik = profile.applyAsDouble(new double[] {beta, sigma});
        return new SaturatedRandomStudies(logLik, wald(y, n, finite, beta, sigma, theta, rule));
    }

    /** One study's log-likelihood at its own maximum in theta_i (the limit when the MSC arm is all or none). */
    private static double studyProfile(int[] y, int[] n, boolean finite, double beta, double sigma, double[] theta,
                                       int i, AdaptiveGaussHermite rule) {
        if (!finite) {
            return controlArm(y, n, beta, sigma, rule);
        }
        return Glmm.maximiseFrom(t -> study(y, n, beta, sigma, t, rule), theta, i);
    }

    private static double study(int[] y, int[] n, double beta, double sigma, double theta, AdaptiveGaussHermite rule) {
        return rule.logIntegral(y, n, new double[] {beta + theta, beta}, new double[] {sigma, sigma});
    }

    private static double controlArm(int[] y, int[] n, double beta, double sigma, AdaptiveGaussHermite rule) {
        return rule.logIntegral(new int[] {y[1]}, new int[] {n[1]}, new double[] {beta}, new double[] {sigma});
    }

    /**
     * The Wald statistic at the maximum. Its information is minus the Hessian in (beta, sigma, theta_i) of each study
     * (Richardson-extrapolated central differences; sigma, a standard deviation as lme4's theta, held out at its
     * boundary), as lme4's {@code vcov}, which falls back to the information given sigma ({@code RX}) when its Hessian
     * is not positive definite, as it is not when a study's MSC arm is all or none: then so does this.
     */
    private static double wald(int[][] y, int[][] n, boolean[] finite, double beta, double sigma, double[] theta,
                               AdaptiveGaussHermite rule) {
        int k = y.length;
        int m = 0;
        for (boolean f : finite) {
            m += f ? 1 : 0;
        }
        if (m < 2) {
            return 0;
        }
        boolean hessian = m == k;
        boolean withSigma = hessian && sigma >= 1e-5;
        int q = withSigma ? 2 : 1;
        double[][] ann = new double[q][q];
        double[][] ant = new double[m][q];
        double[] att = new double[m];
        double[] t = new double[m];
        for (int i = 0, j = 0; i < k; i++) {
            double[][] info = hessian ? minusHessian(y[i], n[i], beta, sigma, theta[i], withSigma, rule)
                    : informationGivenSigma(y[i], n[i], finite[i], beta, sigma, theta[i]);
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    ann[a][b] += info[a][b];
                }
            }
            if (finite[i]) {
                for (int a = 0; a < q; a++) {
                    ant[j][a] = info[q][a];
                }
                att[j] = info[q][q];
                t[j++] = theta[i];
            }
        }
        RealMatrix nuisanceInverse;
        try {
            nuisanceInverse = new LUDecomposition(new Array2DRowRealMatrix(ann)).getSolver().getInverse();
        } catch (SingularMatrixException e) {
            return Double.NaN;
        }
        RealMatrix cross = new Array2DRowRealMatrix(ant);
        RealMatrix s = cross.multiply(nuisanceInverse).multiply(cross.transpose()).scalarMultiply(-1);
        for (int j = 0; j < m; j++) {
            s.addToEntry(j, j, att[j]);
        }
        double[] st = s.operate(t);
        double[] s1 = s.operate(ones(m));
        double tst = 0;
        double ost = 0;
        double oso = 0;
        for (int j = 0; j < m; j++) {
            tst += t[j] * st[j];
            ost += st[j];
            oso += s1[j];
        }
        // the difference of two sums: below their rounding it is 0 (studies of one effect gave 2e-32)
        double w = tst - ost * ost / oso;
        return oso > 0 && Double.isFinite(w) ? (w > 1e-12 * tst ? w : 0) : Double.NaN;
    }

    /** Minus the Hessian of a study with a finite theta in (beta, sigma, theta) or, without sigma, (beta, theta). */
    private static double[][] minusHessian(int[] y, int[] n, double beta, double sigma, double theta,
                                           boolean withSigma, AdaptiveGaussHermite rule) {
        int q = withSigma ? 2 : 1;
        double[][] h = MaximumLikelihood.hessian(p -> study(y, n, p[0], withSigma ? Math.abs(p[1]) : 0, p[q], rule),
                withSigma ? new double[] {beta, sigma, theta} : new double[] {beta, theta});
        for (double[] row : h) {
            for (int a = 0; a < row.length; a++) {
                row[a] = -row[a];
            }
        }
        return h;
    }

    /**
     * A study's information on (beta, theta), or on beta alone when theta is not finite, given sigma, at the
     * conditional mode of its random intercept, as lme4's {@code RX}: {@code X'WX - X'Wz z'WX sigma^2 / (1 + sigma^2
     * z'Wz)}, {@code W} the binomial weights {@code n p (1 - p)} of the two arms and {@code z = (1, 1)}.
     */
    private static double[][] informationGivenSigma(int[] y, int[] n, boolean finite, double beta, double sigma,
                                                    double theta) {
        double[] c = finite ? new double[] {beta + theta, beta} : new double[] {beta};
        int[] ys = finite ? y : new int[] {y[1]};
        int[] ns = finite ? n : new int[] {n[1]};
        double[] a = finite ? new double[] {sigma, sigma} : new double[] {sigma};
        double v = AdaptiveGaussHermite.mode(ys, ns, c, a);
        double[] w = new double[ys.length];
        double total = 0;
        for (int j = 0; j < ys.length; j++) {
            double p = AdaptiveGaussHermite.expit(c[j] + sigma * v);
            w[j] = ns[j] * p * (1 - p);
            total += w[j];
        }
        double shrink = sigma * sigma / (1 + sigma * sigma * total);
        if (!finite) {
            return new double[][] {{total - shrink * total * total}};
        }
        double cross = w[0] - shrink * w[0] * total;
        return new double[][] {{total - shrink * total * total, cross}, {cross, w[0] - shrink * w[0] * w[0]}};
    }

    private static double[] ones(int m) {
        double[] o = new double[m];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
