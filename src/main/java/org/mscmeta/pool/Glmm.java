package org.mscmeta.pool;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.mscmeta.effect.TwoByTwo;

/**
 * Generalised linear mixed models by maximum likelihood, as metafor's {@code rma.glmm} through lme4's {@code glmer}
 * (Stijnen, Hamza and Ozdemir 2010, Stat Med 29:3046-67). With {@code random} the between-study variance tau2 is
 * estimated ({@code method = "ML"}); without, it is 0: the common-effect GLMM ({@code method = "FE"}).
 * <ul>
 *   <li>{@code PLO}, single-arm proportions: {@code logit p_i = mu + tau b_i}, {@code b_i ~ N(0, 1)}, 7-point
 *       adaptive Gauss-Hermite quadrature; the common model is one logit for all studies (a binomial GLM);</li>
 *   <li>{@code UM.FS}, odds ratio with fixed study effects: {@code logit p_i1 = alpha_i + theta + tau b_i / 2},
 *       {@code logit p_i2 = alpha_i - tau b_i / 2} (metafor's {@code group12} coding), 7-point quadrature; the
 *       common model is the logistic regression with study effects;</li>
 *   <li>{@code UM.RS}, odds ratio with random study effects, lme4's {@code (group || study)}:
 *       {@code logit p_i1 = beta + sigma v_i + theta + tau b_i / 2}, {@code logit p_i2 = beta + sigma v_i - tau b_i / 2},
 *       independent standard-normal {@code v_i, b_i}: two random effects per study, so lme4 (and metafor) use the
 *       Laplace approximation {@code log L_i = h(m) + log(2 pi) - log det(-h''(m)) / 2} at the joint mode m; the
 *       common model keeps the random study intercepts (one random effect: 7-point quadrature).</li>
 * </ul>
 * Studies with no events, or only events, in both arms are left out by the caller (metafor drops them). The study
 * intercepts of UM.FS are profiled out study by study (Brent), which leaves the maximum and, by the Schur complement,
 * the variance of theta unchanged. The likelihood is maximised by {@link MaximumLikelihood} (Nelder-Mead from
 * starting values taken from the data, then Newton steps), and the standard error of the location is from the
 * inverse of the Hessian of the maximised log-likelihood over all parameters (the variance components on their
 * standard-deviation scale, as lme4's theta), Richardson-extrapolated; a variance at its boundary (tau = 0) is held
 * there. Wald z tests and intervals follow, as metafor's.
 *
 * @param estimate  theta (log OR) or mu (logit); NaN when the likelihood has no finite maximum
 * @param se        its standard error
 * @param tau2      between-study variance (0 for the common model)
 * @param logLik    maximised log-likelihood, binomial coefficients included
 * @param k         studies used
 */
public record Glmm(double estimate, double se, double tau2, double logLik, int k) {

    /** lme4's 7-point adaptive quadrature, metafor's default. */
    static final AdaptiveGaussHermite AGQ = new AdaptiveGaussHermite(7);

    /** One node: the Laplace approximation, which metafor uses for UM.RS. */
    static final AdaptiveGaussHermite LAPLACE = new AdaptiveGaussHermite(1);

    /** Beyond this |log OR| or |logit| the likelihood is taken to have no finite maximum. */
    private static final double FINITE = 15;

    /** No fit: too few studies for the model ({@code k}). */
    public static Glmm notFitted(int k) {
        return new Glmm(Double.NaN, Double.NaN, Double.NaN, Double.NaN, k);
    }

    /** True when the fit has a finite maximum with a standard error. */
    public boolean isEstimable() {
        return Math.abs(estimate) < FINITE && se > 0 && se < 100 && Double.isFinite(logLik);
    }

    /** Random-intercept logistic model for x_i events in n_i (metafor {@code measure = "PLO"}). */
    public static Glmm proportions(int[] x, int[] n, boolean random) {
        int k = x.length;
        double constant = 0;
        long sx = 0;
        long sn = 0;
        for (int i = 0; i < k; i++) {
            constant += AdaptiveGaussHermite.logChoose(n[i], x[i]);
            sx += x[i];
            sn += n[i];
        }
        double mu0 = Math.log((sx + 0.5) / (sn - sx + 0.5));
        ToDoubleFunction<double[]> ll = p -> {
            double tau = random ? Math.abs(p[1]) : 0;
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += AGQ.logIntegral(new int[] {x[i]}, new int[] {n[i]}, new double[] {p[0]}, new double[] {tau});
            }
            return sum;
        };
        double[] start = random ? new double[] {mu0, 0.5} : new double[] {mu0};
        double[] steps = random ? new double[] {0.5, 0.3} : new double[] {0.5};
        return fit(ll, start, steps, random ? 1 : -1, -1, 0, k, constant);
    }

    /** UM.FS odds-ratio model; {@code use} marks the studies to include (double zeros excluded by the caller). */
    public static Glmm oddsRatioFixedStudies(TwoByTwo t, boolean[] use, boolean random) {
        Arms arms = Arms.of(t, use);
        int[][] y = arms.y();
        int[][] n = arms.n();
        // each study's intercept at its last maximum: the next search starts there (the fit is one thread's)
        double[] alphas = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double p1 = (y[i][0] + y[i][1] + 0.5) / (n[i][0] + n[i][1] + 1.0);
            alphas[i] = Math.log(p1 / (1 - p1));
        }
        ToDoubleFunction<double[]> ll = p -> {
            double tau = random ? Math.abs(p[1]) : 0;
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += profileStudy(y[i], n[i], p[0], tau, alphas, i);
            }
            return sum;
        };
        double theta0 = arms.logOddsRatio();
        double[] start = random ? new double[] {theta0, 0.5} : new double[] {theta0};
        double[] steps = random ? new double[] {0.3, 0.3} : new double[] {0.3};
        return fit(ll, start, steps, random ? 1 : -1, -1, 0, y.length, arms.logChooseSum());
    }

    /** UM.RS odds-ratio model; {@code use} marks the studies to include. */
    public static Glmm oddsRatioRandomStudies(TwoByTwo t, boolean[] use, boolean random) {
        return oddsRatioRandomStudies(t, use, random, AGQ);
    }

    /**
     * UM.RS odds-ratio model whose common model integrates by {@code rule} (metafor fits every UM.RS model with the
     * Laplace approximation, one node, once the random-effects model is asked for, and with 7 nodes otherwise).
     */
    static Glmm oddsRatioRandomStudies(TwoByTwo t, boolean[] use, boolean random, AdaptiveGaussHermite rule) {
        Arms arms = Arms.of(t, use);
        int[][] y = arms.y();
        int[][] n = arms.n();
        double[] intercept = arms.randomInterceptStart();
        double beta0 = intercept[0];
        double sigma0 = intercept[1];
        double theta0 = arms.logOddsRatio();
        // parameters: beta, theta, sigma (, tau)
        ToDoubleFunction<double[]> ll = p -> {
            double sigma = Math.abs(p[2]);
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                if (random) {
                    sum += laplaceRandomStudy(y[i], n[i], p[0], p[1], sigma, Math.abs(p[3]));
                } else {
                    sum += rule.logIntegral(y[i], n[i], new double[] {p[0] + p[1], p[0]},
                            new double[] {sigma, sigma});
                }
            }
            return sum;
        };
        double[] start = random ? new double[] {beta0, theta0, sigma0, 0.3} : new double[] {beta0, theta0, sigma0};
        double[] steps = random ? new double[] {0.5, 0.3, 0.3, 0.2} : new double[] {0.5, 0.3, 0.3};
        return fit(ll, start, steps, random ? 3 : -1, 2, 1, y.length, arms.logChooseSum());
    }

    /**
     * Maximises {@code ll} and takes the location (parameter {@code location}) with its standard error. Parameter
     * {@code tauIndex} (or -1) is tau, which is held at 0 for the information when the maximum lies there; it and
     * parameter {@code sigmaIndex} (or -1) are standard deviations, which enter the likelihood as their absolute
     * values and are reported positive.
     */
    private static Glmm fit(ToDoubleFunction<double[]> ll, double[] start, double[] steps, int tauIndex,
                            int sigmaIndex, int location, int k, double constant) {
        if (k == 0) {
            return new Glmm(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        MaximumLikelihood.Maximum max = MaximumLikelihood.maximise(ll, start, steps);
        double[] x = max.point().clone();
        if (tauIndex >= 0) {
            x = higherOfInteriorAndBoundary(ll, x, max.value(), steps, tauIndex);
        }
        double tau = tauIndex >= 0 ? Math.abs(x[tauIndex]) : 0;
        if (tauIndex >= 0) {
            x[tauIndex] = tau;
        }
        boolean[] use = new boolean[x.length];
        java.util.Arrays.fill(use, true);
        if (tauIndex >= 0 && tau < 1e-5) {
            // held at the boundary: tau2 is 0, as lme4's (it printed 5e-16 from the search's last step)
            use[tauIndex] = false;
            x[tauIndex] = 0;
            tau = 0;
        }
        if (sigmaIndex >= 0) {
            x[sigmaIndex] = Math.abs(x[sigmaIndex]);
        }
        double[][] cov = MaximumLikelihood.covariance(ll, x, use);
        double se = cov == null ? Double.NaN : Math.sqrt(cov[location][location]);
        double estimate = x[location];
        if (!(Math.abs(estimate) < FINITE)) {
            return new Glmm(Double.NaN, Double.NaN, Double.NaN, Double.NaN, k);
        }
        return new Glmm(estimate, se, tau * tau, ll.applyAsDouble(x) + constant, k);
    }

    /**
     * The likelihood in tau can have a maximum at its boundary, tau = 0, and another inside, lower, that a search
     * started inside climbs to (k = 4 studies, two of them with no events in one arm: log-likelihood -17.09 at
     * tau = 4.25 inside, -16.45 at tau = 0, where lme4 ends): the other parameters are maximised with tau held at 0
     * as well, from the inner maximum, and the higher of the two maxima is the fit, as {@link TauSquared}'s ML and
     * REML take the highest of their maxima.
     *
     * @param inner    the maximum found from the start
     * @param value    the log-likelihood there
     * @param tauIndex the position of tau among the parameters
     * @return the parameters of the higher maximum (tau exactly 0 when it is the boundary's)
     */
    private static double[] higherOfInteriorAndBoundary(ToDoubleFunction<double[]> ll, double[] inner, double value,
                                                        double[] steps, int tauIndex) {
        int m = inner.length - 1;
        double[] start = new double[m];
        double[] step = new double[m];
        for (int i = 0, j = 0; i < inner.length; i++) {
            if (i != tauIndex) {
                start[j] = inner[i];
                step[j++] = steps[i];
            }
        }
        ToDoubleFunction<double[]> atZero = q -> ll.applyAsDouble(withTau(q, tauIndex, 0));
        MaximumLikelihood.Maximum boundary = MaximumLikelihood.maximise(atZero, start, step);
        // the boundary wins only when clearly higher: at an inner maximum next to 0 the two agree to rounding
        return boundary.value() > value + 1e-9 ? withTau(boundary.point(), tauIndex, 0) : inner;
    }

    private static double[] withTau(double[] others, int tauIndex, double tau) {
        double[] x = new double[others.length + 1];
        for (int i = 0, j = 0; i < x.length; i++) {
            x[i] = i == tauIndex ? tau : others[j++];
        }
        return x;
    }

    /**
     * The two arms of each included study: events {@code y[i] = {a, c}} and sizes {@code n[i] = {n1, n2}}.
     *
     * @param y events per study and arm
     * @param n participants per study and arm
     */
    record Arms(int[][] y, int[][] n) {

        static Arms of(TwoByTwo t, boolean[] use) {
            int k = 0;
            for (boolean u : use) {
                k += u ? 1 : 0;
            }
            int[][] y = new int[k][];
            int[][] n = new int[k][];
            for (int i = 0, j = 0; i < t.k(); i++) {
                if (use[i]) {
                    y[j] = new int[] {t.a()[i], t.c()[i]};
                    n[j++] = new int[] {t.n1()[i], t.n2()[i]};
                }
            }
            return new Arms(y, n);
        }

        /** The binomial constants of the log-likelihood. */
        double logChooseSum() {
            double c = 0;
            for (int i = 0; i < y.length; i++) {
                c += AdaptiveGaussHermite.logChooseSum(y[i], n[i]);
            }
            return c;
        }

        /** A starting value: the log odds ratio of the summed tables, with 0.5 added to each cell. */
        double logOddsRatio() {
            double a = 0.5;
            double b = 0.5;
            double c = 0.5;
            double d = 0.5;
            for (int i = 0; i < y.length; i++) {
                a += y[i][0];
                b += n[i][0] - y[i][0];
                c += y[i][1];
                d += n[i][1] - y[i][1];
            }
            return Math.log(a * d / (b * c));
        }

        /**
         * Starting values of random study intercepts: the mean and the standard deviation (at least 0.1) of the
         * control-arm logits.
         */
        double[] randomInterceptStart() {
            double[] base = controlLogits();
            double mean = 0;
            for (double b : base) {
                mean += b / base.length;
            }
            double var = 0;
            for (double b : base) {
                var += (b - mean) * (b - mean) / Math.max(1, base.length - 1);
            }
            return new double[] {mean, Math.max(0.1, Math.sqrt(var))};
        }

        /** Starting values: each study's control-arm logit, with 0.5 added. */
        double[] controlLogits() {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = Math.log((y[i][1] + 0.5) / (n[i][1] - y[i][1] + 0.5));
            }
            return out;
        }
    }

    /**
     * Laplace approximation of one study's UM.RS log-likelihood (binomial coefficients left out): the joint mode
     * of (v, b) by Newton's method with step halving (the log-integrand is strictly concave), then
     * {@code h(m) + log(2 pi) - log det(-h''(m)) / 2}.
     */
    static double laplaceRandomStudy(int[] y, int[] n, double beta, double theta, double sigma, double tau) {
        double[] dv = {sigma, sigma};
        double[] db = {tau / 2, -tau / 2};
        double v = 0;
        double b = 0;
        double h = logJoint(y, n, beta, theta, sigma, tau, v, b);
        double h11 = -1;
        double h22 = -1;
        double h12 = 0;
        for (int iter = 0; iter < 200; iter++) {
            double g1 = -v;
            double g2 = -b;
            h11 = -1;
            h22 = -1;
            h12 = 0;
            for (int j = 0; j < 2; j++) {
                double eta = beta + sigma * v + (j == 0 ? theta : 0) + db[j] * b;
                double p = AdaptiveGaussHermite.expit(eta);
                double r = y[j] - n[j] * p;
                double w = n[j] * p * (1 - p);
                g1 += dv[j] * r;
                g2 += db[j] * r;
                h11 -= dv[j] * dv[j] * w;
                h22 -= db[j] * db[j] * w;
                h12 -= dv[j] * db[j] * w;
            }
            double det = h11 * h22 - h12 * h12;
            double sv = (h22 * g1 - h12 * g2) / det;
            double sb = (h11 * g2 - h12 * g1) / det;
            double scale = 1;
            double nv = v - sv;
            double nb = b - sb;
            double hn = logJoint(y, n, beta, theta, sigma, tau, nv, nb);
            while (!(hn >= h) && scale > 1e-10) {
                scale /= 2;
                nv = v - scale * sv;
                nb = b - scale * sb;
                hn = logJoint(y, n, beta, theta, sigma, tau, nv, nb);
            }
            double moved = Math.abs(nv - v) + Math.abs(nb - b);
            if (hn >= h) {
                v = nv;
                b = nb;
                h = hn;
            }
            if (moved < 1e-12 * (1 + Math.abs(v) + Math.abs(b))) {
                break;
            }
        }
        // the Hessian at the mode
        h11 = -1;
        h22 = -1;
        h12 = 0;
        for (int j = 0; j < 2; j++) {
            double eta = beta + sigma * v + (j == 0 ? theta : 0) + db[j] * b;
            double p = AdaptiveGaussHermite.expit(eta);
            double w = n[j] * p * (1 - p);
            h11 -= dv[j] * dv[j] * w;
            h22 -= db[j] * db[j] * w;
            h12 -= dv[j] * db[j] * w;
        }
        double det = h11 * h22 - h12 * h12;
        return h + Math.log(2 * Math.PI) - 0.5 * Math.log(det);
    }

    /** {@code log f(y | v, b) + log phi(v) + log phi(b)} of a UM.RS study. */
    private static double logJoint(int[] y, int[] n, double beta, double theta, double sigma, double tau, double v,
                                   double b) {
        double eta1 = beta + sigma * v + theta + tau * b / 2;
        double eta2 = beta + sigma * v - tau * b / 2;
        return -0.5 * (v * v + b * b) - Math.log(2 * Math.PI) + AdaptiveGaussHermite.logBinomial(y[0], n[0], eta1)
                + AdaptiveGaussHermite.logBinomial(y[1], n[1], eta2);
    }

    /** Max over alpha of one study's UM.FS log-likelihood, from the study's last maximum {@code alphas[i]}. */
    private static double profileStudy(int[] y, int[] n, double theta, double tau, double[] alphas, int i) {
        return maximiseFrom(alpha -> AGQ.logIntegral(y, n, new double[] {alpha + theta, alpha},
                new double[] {tau / 2, -tau / 2}), alphas, i);
    }

    /**
     * The maximum of a smooth, log-concave function of one parameter: Newton's method on central differences from
     * {@code warm[i]} (which it updates to the maximum), with Brent's search when Newton does not settle.
     */
    static double maximiseFrom(UnivariateFunction f, double[] warm, int i) {
        double x = warm[i];
        double fx = f.value(x);
        for (int iter = 0; iter < 30; iter++) {
            double h = 1e-4 * Math.max(1, Math.abs(x));
            double up = f.value(x + h);
            double down = f.value(x - h);
            double g = (up - down) / (2 * h);
            double c = (up - 2 * fx + down) / (h * h);
            if (!(c < 0)) {
                break;
            }
            double step = -g / c;
            double next = x + step;
            double fn = f.value(next);
            double scale = 1;
            while (!(fn >= fx) && scale > 1e-6) {
                scale /= 2;
                next = x + scale * step;
                fn = f.value(next);
            }
            if (!(fn >= fx)) {
                break;
            }
            x = next;
            fx = fn;
            if (Math.abs(scale * step) < 1e-9 * Math.max(1, Math.abs(x))) {
                warm[i] = x;
                return fx;
            }
        }
        BrentOptimizer opt = new BrentOptimizer(1e-13, 1e-15);
        var best = opt.optimize(new MaxEval(10_000), new UnivariateObjectiveFunction(f), GoalType.MAXIMIZE,
                new SearchInterval(x - 20, x + 20, x));
        if (best.getValue() > fx) {
            warm[i] = best.getPoint();
            return best.getValue();
        }
        warm[i] = x;
        return fx;
    }
}
