package org.mscmeta.pool;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariateOptimizer;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.mscmeta.effect.TwoByTwo;

/**
 * Generalised linear mixed models by maximum likelihood, as metafor's {@code rma.glmm(method = "ML")} through
 * lme4's {@code glmer} with {@code nAGQ = 7} (Stijnen, Hamza and Ozdemir 2010, Stat Med 29:3046-67):
 * <ul>
 *   <li>{@code PLO}, single-arm proportions: {@code logit p_i = mu + tau b_i}, {@code b_i ~ N(0, 1)};</li>
 *   <li>{@code UM.FS}, odds ratio with fixed study effects: {@code logit p_i1 = alpha_i + theta + tau b_i / 2},
 *       {@code logit p_i2 = alpha_i - tau b_i / 2} (metafor's {@code group12} coding); studies with no events, or
 *       only events, in both arms are dropped;</li>
 *   <li>{@code UM.RS}, odds ratio with random study effects, lme4's {@code (group || study)}:
 *       {@code logit p_i1 = beta + sigma v_i + theta + tau b_i / 2}, {@code logit p_i2 = beta + sigma v_i - tau b_i / 2},
 *       independent standard-normal {@code v_i, b_i}; two random effects per study, so lme4 (and metafor) use the
 *       Laplace approximation: {@code log L_i = h(m) + log(2 pi) - log det(-H(m)) / 2} at the joint mode m.</li>
 * </ul>
 * Each study's integral uses {@link AdaptiveGaussHermite}; the study intercepts of UM.FS are profiled out study
 * by study (Brent), and (theta, tau) maximised by Nelder-Mead. The standard error of theta (or mu) comes from
 * the observed information of the profile log-likelihood in (tau, theta), which equals the fixed-effect block of
 * the inverse of the full Hessian that lme4 uses; Wald z tests and intervals as metafor.
 *
 * @param estimate  theta (log OR) or mu (logit)
 * @param se        its standard error
 * @param tau2      between-study variance
 * @param logLik    maximised log-likelihood (binomial coefficients included)
 * @param k         studies used
 */
public record Glmm(double estimate, double se, double tau2, double logLik, int k) {

    private static final AdaptiveGaussHermite AGQ = new AdaptiveGaussHermite(7);

    /** Random-intercept logistic model for x_i events in n_i (metafor {@code measure = "PLO"}). */
    public static Glmm proportions(int[] x, int[] n) {
        ToDoubleFunction<double[]> ll = p -> {
            double mu = p[0];
            double tau = Math.abs(p[1]);
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += AGQ.logIntegral(new int[] {x[i]}, new int[] {n[i]}, new double[] {mu}, new double[] {tau});
            }
            return sum;
        };
        double s = 0;
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
            t += n[i];
        }
        double start = Math.log((s + 0.5) / (t - s + 0.5));
        double constant = 0;
        for (int i = 0; i < x.length; i++) {
            constant += AdaptiveGaussHermite.logChooseSum(new int[] {x[i]}, new int[] {n[i]});
        }
        return fit(ll, start, x.length, constant);
    }

    /** UM.FS odds-ratio model; {@code use} marks the studies to include (double zeros excluded by the caller). */
    public static Glmm oddsRatioFixedStudies(TwoByTwo t, boolean[] use) {
        Arms arms = Arms.of(t, use);
        int[][] y = arms.y();
        int[][] n = arms.n();
        double startTheta = 0;
        ToDoubleFunction<double[]> ll = p -> {
            double theta = p[0];
            double tau = Math.abs(p[1]);
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += profileStudy(y[i], n[i], theta, tau);
            }
            return sum;
        };
        return fit(ll, startTheta, y.length, arms.logChooseSum());
    }

    /**
     * The two arms of each included study: events {@code y[i] = {a, c}} and sizes {@code n[i] = {n1, n2}}.
     *
     * @param y events per study and arm
     * @param n participants per study and arm
     */
    private record Arms(int[][] y, int[][] n) {

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
    }

    /** UM.RS odds-ratio model (Laplace); {@code use} marks the studies to include. */
    public static Glmm oddsRatioRandomStudies(TwoByTwo t, boolean[] use) {
        Arms arms = Arms.of(t, use);
        int[][] y = arms.y();
        int[][] n = arms.n();
        int k = y.length;
        double constant = arms.logChooseSum();
        // parameters: beta, theta, sigma, tau
        ToDoubleFunction<double[]> ll = p -> {
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += laplaceRandomStudy(y[i], n[i], p[0], p[1], Math.abs(p[2]), Math.abs(p[3]));
            }
            return sum;
        };
        SimplexOptimizer opt = new SimplexOptimizer(1e-10, 1e-12);
        PointValuePair best = opt.optimize(new MaxEval(50_000), new ObjectiveFunction(ll::applyAsDouble),
                GoalType.MAXIMIZE, new InitialGuess(new double[] {-3, 0, 1, 0.5}),
                new NelderMeadSimplex(new double[] {0.5, 0.3, 0.3, 0.3}));
        best = opt.optimize(new MaxEval(50_000), new ObjectiveFunction(ll::applyAsDouble), GoalType.MAXIMIZE,
                new InitialGuess(best.getPoint()), new NelderMeadSimplex(new double[] {0.05, 0.05, 0.05, 0.05}));
        double[] x = best.getPoint().clone();
        x[2] = Math.abs(x[2]);
        x[3] = Math.abs(x[3]);
        x = newtonPolish(ll, x);
        double[][] h = hessian(ll, x);
        double se;
        try {
            var inv = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(h)).getSolver().getInverse();
            se = Math.sqrt(-inv.getEntry(1, 1));
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            se = Double.NaN;
        }
        return new Glmm(x[1], se, x[3] * x[3], ll.applyAsDouble(x) + constant, k);
    }

    /** Laplace approximation of one study's UM.RS log-likelihood (binomial coefficients left out). */
    private static double laplaceRandomStudy(int[] y, int[] n, double beta, double theta, double sigma, double tau) {
        double v = 0;
        double b = 0;
        double[] eta = new double[2];
        double h11 = -1;
        double h22 = -1;
        double h12 = 0;
        for (int iter = 0; iter < 100; iter++) {
            eta[0] = beta + sigma * v + theta + tau * b / 2;
            eta[1] = beta + sigma * v - tau * b / 2;
            double g1 = -v;
            double g2 = -b;
            h11 = -1;
            h22 = -1;
            h12 = 0;
            double[] dv = {sigma, sigma};
            double[] db = {tau / 2, -tau / 2};
            for (int j = 0; j < 2; j++) {
                double p = AdaptiveGaussHermite.expit(eta[j]);
                double r = y[j] - n[j] * p;
                double wgt = n[j] * p * (1 - p);
                g1 += dv[j] * r;
                g2 += db[j] * r;
                h11 -= dv[j] * dv[j] * wgt;
                h22 -= db[j] * db[j] * wgt;
                h12 -= dv[j] * db[j] * wgt;
            }
            double det = h11 * h22 - h12 * h12;
            double sv = (h22 * g1 - h12 * g2) / det;
            double sb = (h11 * g2 - h12 * g1) / det;
            v -= sv;
            b -= sb;
            if (Math.abs(sv) + Math.abs(sb) < 1e-13) {
                break;
            }
        }
        eta[0] = beta + sigma * v + theta + tau * b / 2;
        eta[1] = beta + sigma * v - tau * b / 2;
        double hm = -0.5 * (v * v + b * b) - Math.log(2 * Math.PI);
        for (int j = 0; j < 2; j++) {
            hm += AdaptiveGaussHermite.logBinomial(y[j], n[j], eta[j]);
        }
        double det = h11 * h22 - h12 * h12;
        return hm + Math.log(2 * Math.PI) - 0.5 * Math.log(det);
    }

    /** Newton steps in any dimension with central differences, kept only while the likelihood rises. */
    private static double[] newtonPolish(ToDoubleFunction<double[]> f, double[] x) {
        double fx = f.applyAsDouble(x);
        for (int iter = 0; iter < 30; iter++) {
            int p = x.length;
            double[] g = new double[p];
            for (int i = 0; i < p; i++) {
                double hstep = 1e-5 * Math.max(0.1, Math.abs(x[i]));
                double[] a = x.clone();
                a[i] += hstep;
                double[] b = x.clone();
                b[i] -= hstep;
                g[i] = (f.applyAsDouble(a) - f.applyAsDouble(b)) / (2 * hstep);
            }
            double[] step;
            try {
                step = new org.apache.commons.math3.linear.LUDecomposition(
                        new org.apache.commons.math3.linear.Array2DRowRealMatrix(hessian(f, x))).getSolver()
                        .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
            } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
                break;
            }
            double[] next = x.clone();
            double size = 0;
            for (int i = 0; i < p; i++) {
                next[i] -= step[i];
                size += Math.abs(step[i]);
            }
            double fn = f.applyAsDouble(next);
            if (!(fn >= fx)) {
                break;
            }
            x = next;
            fx = fn;
            if (size < 1e-10) {
                break;
            }
        }
        return x;
    }

    /** Central-difference Hessian of a log-likelihood. */
    private static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int p = x.length;
        double[][] h = new double[p][p];
        double[] step = new double[p];
        for (int i = 0; i < p; i++) {
            step[i] = 1e-4 * Math.max(0.1, Math.abs(x[i]));
        }
        double f0 = f.applyAsDouble(x);
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                if (i == j) {
                    double[] a = x.clone();
                    a[i] += step[i];
                    double[] b = x.clone();
                    b[i] -= step[i];
                    h[i][i] = (f.applyAsDouble(a) - 2 * f0 + f.applyAsDouble(b)) / (step[i] * step[i]);
                } else {
                    double[] pp = x.clone();
                    pp[i] += step[i];
                    pp[j] += step[j];
                    double[] pm = x.clone();
                    pm[i] += step[i];
                    pm[j] -= step[j];
                    double[] mp = x.clone();
                    mp[i] -= step[i];
                    mp[j] += step[j];
                    double[] mm = x.clone();
                    mm[i] -= step[i];
                    mm[j] -= step[j];
                    h[i][j] = (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm))
                            / (4 * step[i] * step[j]);
                    h[j][i] = h[i][j];
                }
            }
        }
        return h;
    }

    /** Max over alpha of one study's UM.FS log-likelihood. */
    private static double profileStudy(int[] y, int[] n, double theta, double tau) {
        UnivariateFunction f = alpha -> AGQ.logIntegral(y, n, new double[] {alpha + theta, alpha},
                new double[] {tau / 2, -tau / 2});
        double p1 = (y[0] + y[1] + 0.5) / (n[0] + n[1] + 1.0);
        double centre = Math.log(p1 / (1 - p1));
        UnivariateOptimizer opt = new BrentOptimizer(1e-11, 1e-13);
        UnivariatePointValuePair best = opt.optimize(new MaxEval(10_000), new UnivariateObjectiveFunction(f),
                GoalType.MAXIMIZE, new SearchInterval(centre - 12, centre + 12, centre));
        return best.getValue();
    }

    private static Glmm fit(ToDoubleFunction<double[]> ll, double startLocation, int k, double constant) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-9, 1e-11);
        PointValuePair best = null;
        for (double tau0 : new double[] {0.3, 1.0}) {
            PointValuePair p = opt.optimize(new MaxEval(20_000), new ObjectiveFunction(ll::applyAsDouble),
                    GoalType.MAXIMIZE, new InitialGuess(new double[] {startLocation, tau0}),
                    new NelderMeadSimplex(new double[] {0.2, 0.2}));
            if (best == null || p.getValue() > best.getValue()) {
                best = p;
            }
        }
        double[] x = newton(ll, best.getPoint().clone());
        double loc = x[0];
        double tau = Math.abs(x[1]);
        double se = standardError(ll, loc, tau);
        return new Glmm(loc, se, tau * tau, ll.applyAsDouble(new double[] {loc, tau}) + constant, k);
    }

    /** Newton steps with central-difference gradient and Hessian, accepted only while they raise the likelihood. */
    private static double[] newton(ToDoubleFunction<double[]> ll, double[] x) {
        double fx = ll.applyAsDouble(x);
        for (int iter = 0; iter < 30; iter++) {
            double h0 = 1e-4 * Math.max(1, Math.abs(x[0]));
            double h1 = 1e-4 * Math.max(0.1, Math.abs(x[1]));
            double fp0 = ll.applyAsDouble(new double[] {x[0] + h0, x[1]});
            double fm0 = ll.applyAsDouble(new double[] {x[0] - h0, x[1]});
            double fp1 = ll.applyAsDouble(new double[] {x[0], x[1] + h1});
            double fm1 = ll.applyAsDouble(new double[] {x[0], x[1] - h1});
            double fpp = ll.applyAsDouble(new double[] {x[0] + h0, x[1] + h1});
            double fpm = ll.applyAsDouble(new double[] {x[0] + h0, x[1] - h1});
            double fmp = ll.applyAsDouble(new double[] {x[0] - h0, x[1] + h1});
            double fmm = ll.applyAsDouble(new double[] {x[0] - h0, x[1] - h1});
            double g0 = (fp0 - fm0) / (2 * h0);
            double g1 = (fp1 - fm1) / (2 * h1);
            double a = (fp0 - 2 * fx + fm0) / (h0 * h0);
            double c = (fp1 - 2 * fx + fm1) / (h1 * h1);
            double b = (fpp - fpm - fmp + fmm) / (4 * h0 * h1);
            double det = a * c - b * b;
            if (!(a < 0 && det > 0)) {
                break;
            }
            double s0 = -(c * g0 - b * g1) / det;
            double s1 = -(a * g1 - b * g0) / det;
            double[] next = {x[0] + s0, x[1] + s1};
            double fn = ll.applyAsDouble(next);
            if (!(fn >= fx)) {
                break;
            }
            x = next;
            fx = fn;
            if (Math.abs(s0) < 1e-10 && Math.abs(s1) < 1e-10) {
                break;
            }
        }
        return x;
    }

    /** From the 2 x 2 observed information in (location, tau) by central differences; tau = 0: location only. */
    private static double standardError(ToDoubleFunction<double[]> ll, double loc, double tau) {
        double h1 = 1e-4 * Math.max(1, Math.abs(loc));
        double f0 = ll.applyAsDouble(new double[] {loc, tau});
        double fpp = ll.applyAsDouble(new double[] {loc + h1, tau});
        double fmm = ll.applyAsDouble(new double[] {loc - h1, tau});
        double d11 = (fpp - 2 * f0 + fmm) / (h1 * h1);
        if (tau < 1e-6) {
            return Math.sqrt(-1 / d11);
        }
        double h2 = 1e-4 * Math.max(0.1, tau);
        double gpp = ll.applyAsDouble(new double[] {loc, tau + h2});
        double gmm = ll.applyAsDouble(new double[] {loc, tau - h2});
        double d22 = (gpp - 2 * f0 + gmm) / (h2 * h2);
        double d12 = (ll.applyAsDouble(new double[] {loc + h1, tau + h2}) - ll.applyAsDouble(new double[] {loc + h1,
            tau - h2}) - ll.applyAsDouble(new double[] {loc - h1, tau + h2}) + ll.applyAsDouble(new double[] {loc - h1,
            tau - h2})) / (4 * h1 * h2);
        double det = d11 * d22 - d12 * d12;
        return Math.sqrt(-d22 / det);
    }
}
