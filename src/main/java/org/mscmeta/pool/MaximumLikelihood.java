package org.mscmeta.pool;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximising a smooth log-likelihood of a few parameters and its observed information, for the GLMMs: Nelder-Mead
 * (Commons Math) from the given start, restarted from its own optimum, then Newton steps on Richardson-extrapolated
 * derivatives with step halving, kept only while the likelihood rises.
 *
 * <p>Derivatives are central differences extrapolated as R's numDeriv does ({@code method = "Richardson"}:
 * initial step {@code 0.1 |x| + 1e-4}, four halvings, Richardson's extrapolation; Gilbert and Varadhan, numDeriv),
 * which is also how lme4's own Hessian can be checked: the standard errors of a GLMM are the square roots of the
 * diagonal of the inverse of minus this Hessian over all parameters, as lme4 computes them
 * ({@code vcov(use.hessian = TRUE)}).
 */
final class MaximumLikelihood {

    private MaximumLikelihood() {
    }

    /** A maximum: the point, the log-likelihood there, and whether Newton's steps converged to it. */
    record Maximum(double[] point, double value, boolean converged) {
    }

    /**
     * Maximises {@code f} from {@code start}; {@code steps} sets the size of the first simplex in each coordinate.
     * The result is never less likely than the start.
     */
    static Maximum maximise(ToDoubleFunction<double[]> f, double[] start, double[] steps) {
        ToDoubleFunction<double[]> safe = x -> {
            double v = f.applyAsDouble(x);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        };
        double[] x = start.clone();
        double fx = safe.applyAsDouble(x);
        double[] simplex = steps.clone();
        // Nelder-Mead to the neighbourhood of the maximum, Newton to the maximum; a second simplex when Newton
        // could not finish (a saddle, a flat direction)
        for (int round = 0; round < 2; round++) {
            SimplexOptimizer opt = new SimplexOptimizer(1e-7, 1e-9);
            try {
                PointValuePair p = opt.optimize(new MaxEval(20_000), new ObjectiveFunction(safe::applyAsDouble),
                        GoalType.MAXIMIZE, new InitialGuess(x), new NelderMeadSimplex(simplex));
                if (p.getValue() > fx) {
                    x = p.getPoint();
                    fx = p.getValue();
                }
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                // keep the best point so far
            }
            Maximum polished = polish(safe, x, fx);
            x = polished.point();
            fx = polished.value();
            if (polished.converged()) {
                break;
            }
            for (int i = 0; i < simplex.length; i++) {
                simplex[i] = simplex[i] / 10;
            }
        }
        return new Maximum(x, fx, true);
    }

    /**
     * Newton steps with step halving, on central differences (step 1e-4 relative: the steps need not be exact, only
     * point uphill; the information at the end uses the Richardson-extrapolated Hessian).
     */
    private static Maximum polish(ToDoubleFunction<double[]> f, double[] x, double fx) {
        int p = x.length;
        for (int iter = 0; iter < 50; iter++) {
            double[][] h = new double[p][p];
            double[] g = new double[p];
            centralDifferences(f, x, fx, g, h);
            double[] step;
            try {
                RealMatrix neg = new Array2DRowRealMatrix(h).scalarMultiply(-1);
                step = new LUDecomposition(neg).getSolver().solve(new ArrayRealVector(g)).toArray();
            } catch (SingularMatrixException e) {
                break;
            }
            boolean better = false;
            double scale = 1;
            for (int half = 0; half < 30 && !better; half++, scale /= 2) {
                double[] next = new double[p];
                for (int i = 0; i < p; i++) {
                    next[i] = x[i] + scale * step[i];
                }
                double fn = f.applyAsDouble(next);
                if (fn > fx) {
                    double size = 0;
                    for (int i = 0; i < p; i++) {
                        size = Math.max(size, Math.abs(next[i] - x[i]));
                    }
                    x = next;
                    fx = fn;
                    better = true;
                    if (size < 1e-10 * (1 + maxAbs(x))) {
                        return new Maximum(x, fx, true);
                    }
                }
            }
            if (!better) {
                // no step raises the likelihood: at the maximum to the precision of the derivatives, if the gradient
                // is about zero
                double gmax = 0;
                for (double gi : g) {
                    gmax = Math.max(gmax, Math.abs(gi));
                }
                return new Maximum(x, fx, gmax < 1e-4);
            }
        }
        return new Maximum(x, fx, false);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** Gradient and Hessian by plain central differences (2p + 2p(p-1) evaluations). */
    private static void centralDifferences(ToDoubleFunction<double[]> f, double[] x, double f0, double[] g,
                                           double[][] h) {
        int p = x.length;
        double[] s = new double[p];
        for (int i = 0; i < p; i++) {
            s[i] = 1e-4 * Math.max(0.1, Math.abs(x[i]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += s[i];
            down[i] -= s[i];
            double fu = f.applyAsDouble(up);
            double fd = f.applyAsDouble(down);
            g[i] = (fu - fd) / (2 * s[i]);
            h[i][i] = (fu - 2 * f0 + fd) / (s[i] * s[i]);
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                h[i][j] = (at(f, x, i, s[i], j, s[j]) - at(f, x, i, s[i], j, -s[j]) - at(f, x, i, -s[i], j, s[j])
                        + at(f, x, i, -s[i], j, -s[j])) / (4 * s[i] * s[j]);
                h[j][i] = h[i][j];
            }
        }
    }

    /** The initial step of coordinate {@code i}, as numDeriv: {@code 0.1 |x| + 1e-4}. */
    private static double step(double x) {
        return 0.1 * Math.abs(x) + 1e-4;
    }

    private static final int HALVINGS = 4;

    /** Richardson-extrapolated central-difference gradient. */
    static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        int p = x.length;
        double[] g = new double[p];
        for (int i = 0; i < p; i++) {
            double h = step(x[i]);
            double[] a = new double[HALVINGS];
            for (int r = 0; r < HALVINGS; r++, h /= 2) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                a[r] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
            }
            g[i] = richardson(a);
        }
        return g;
    }

    /** Richardson-extrapolated central-difference Hessian (symmetric). */
    static double[][] hessian(ToDoubleFunction<double[]> f, double[] x) {
        int p = x.length;
        double f0 = f.applyAsDouble(x);
        double[][] h = new double[p][p];
        for (int i = 0; i < p; i++) {
            double s = step(x[i]);
            double[] a = new double[HALVINGS];
            for (int r = 0; r < HALVINGS; r++, s /= 2) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += s;
                down[i] -= s;
                a[r] = (f.applyAsDouble(up) - 2 * f0 + f.applyAsDouble(down)) / (s * s);
            }
            h[i][i] = richardson(a);
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double si = step(x[i]);
                double sj = step(x[j]);
                double[] a = new double[HALVINGS];
                for (int r = 0; r < HALVINGS; r++, si /= 2, sj /= 2) {
                    a[r] = (at(f, x, i, si, j, sj) - at(f, x, i, si, j, -sj) - at(f, x, i, -si, j, sj)
                            + at(f, x, i, -si, j, -sj)) / (4 * si * sj);
                }
                h[i][j] = richardson(a);
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        y[j] += dj;
        return f.applyAsDouble(y);
    }

    /**
     * Richardson's extrapolation of estimates at steps h, h/2, h/4, ... of a central difference (error in even
     * powers of h): each round removes the next power, {@code (4^m a[r+1] - a[r]) / (4^m - 1)}.
     */
    private static double richardson(double[] a) {
        double[] t = a.clone();
        int n = t.length;
        double four = 4;
        for (int m = 1; m < n; m++, four *= 4) {
            for (int r = 0; r < n - m; r++) {
                t[r] = (four * t[r + 1] - t[r]) / (four - 1);
            }
        }
        return t[0];
    }

    /**
     * The covariance matrix of the estimates, the inverse of minus the Hessian over the parameters flagged in
     * {@code use} (the others held at their values: a variance at its boundary, 0); null when it is singular or not
     * negative definite.
     */
    static double[][] covariance(ToDoubleFunction<double[]> f, double[] x, boolean[] use) {
        int m = 0;
        for (boolean u : use) {
            m += u ? 1 : 0;
        }
        int[] idx = new int[m];
        for (int i = 0, j = 0; i < use.length; i++) {
            if (use[i]) {
                idx[j++] = i;
            }
        }
        ToDoubleFunction<double[]> sub = y -> {
            double[] full = x.clone();
            for (int j = 0; j < idx.length; j++) {
                full[idx[j]] = y[j];
            }
            return f.applyAsDouble(full);
        };
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = x[idx[j]];
        }
        double[][] h = hessian(sub, y);
        try {
            RealMatrix neg = new Array2DRowRealMatrix(h).scalarMultiply(-1);
            RealMatrix inv = new LUDecomposition(neg).getSolver().getInverse();
            double[][] out = new double[x.length][x.length];
            for (int a = 0; a < m; a++) {
                if (!(inv.getEntry(a, a) > 0)) {
                    return null;
                }
                for (int b = 0; b < m; b++) {
                    out[idx[a]][idx[b]] = inv.getEntry(a, b);
                }
            }
            return out;
        } catch (SingularMatrixException e) {
            return null;
        }
    }
}
