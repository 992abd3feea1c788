package org.mscmeta.pool;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** Root finding for the tau2 estimating equations, with Apache Commons Math's Brent solver. */
public final class Roots {

    private static final int MAX_EVALUATIONS = 10_000;

    private Roots() {
    }

    /**
     * The root in {@code [0, inf)} of a function that is positive at 0 and negative for large arguments
     * (the estimating equations of REML, ML, PM, EB and the Q-profile). Returns 0 when {@code f(0) <= 0}.
     *
     * @param scale a typical magnitude of the root, used to start the search for an upper bracket
     */
    public static double decreasingRoot(DoubleUnaryOperator f, double scale) {
        double f0 = f.applyAsDouble(0);
        if (!(f0 > 0)) {
            return 0;
        }
        double hi = Math.max(scale, 1e-4);
        int guard = 0;
        while (f.applyAsDouble(hi) > 0) {
            hi *= 4;
            if (++guard > 200) {
                return Double.POSITIVE_INFINITY;
            }
        }
        BrentSolver solver = new BrentSolver(1e-15, 1e-300, 1e-300);
        return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, 0, hi);
    }

    /**
     * The maximiser in {@code [0, inf)} of a log-likelihood of tau2 whose derivative has the sign of {@code score}
     * (the ML and REML estimating equations): every place where the score falls through 0 is a local maximum, and
     * so is 0 when the score is not positive there. Unlike Paule-Mandel's Q, these scores need not fall
     * monotonically: an imprecise study far from the others can give the likelihood a maximum at 0 and another
     * inside, or two inside. The score is evaluated at 0 and on a grid doubling from {@code 2^-20} times
     * {@code bound} to {@code bound} (and beyond while it is still positive; between 0 and the grid's first point
     * only a first fall is looked for), each fall through 0 is solved by
     * {@link #decreasingRoot}'s Brent solver, and the local maximum of the largest log-likelihood is returned, the
     * smaller tau2 on a tie. metafor's Fisher scoring climbs from the Hedges estimate to the nearest maximum and then
     * falls back to 0 if 0 is higher ({@code rma.uni}, "may have gotten stuck at a local maximum"); the two agree
     * unless the maximum it climbs to is not the highest.
     *
     * @param bound a tau2 beyond which the score is negative, or a typical magnitude of it
     */
    public static double likelihoodMaximum(DoubleUnaryOperator score, DoubleUnaryOperator logLik, double bound) {
        double top = Math.max(bound, 1e-4);
        double best = 0;
        double bestLogLik = Double.NEGATIVE_INFINITY;
        double lo = 0;
        double fLo = score.applyAsDouble(0);
        if (!(fLo > 0)) {
            best = 0;
            bestLogLik = logLik.applyAsDouble(0);
        }
        double hi = top * 0x1p-20;
        for (int guard = 0; guard < 240; guard++) {
            double fHi = score.applyAsDouble(hi);
            if (Double.isNaN(fHi)) {
                return best; // no number to search on (a variance that is not a number): the best found so far
            }
            if (fLo > 0 && fHi <= 0) {
                BrentSolver solver = new BrentSolver(1e-15, 1e-300, 1e-300);
                double root = fHi == 0 ? hi : solver.solve(MAX_EVALUATIONS, score::applyAsDouble, lo, hi);
                double l = logLik.applyAsDouble(root);
                if (l > bestLogLik) {
                    best = root;
                    bestLogLik = l;
                }
            }
            if (hi >= top && fHi <= 0) {
                return best;
            }
            lo = hi;
            fLo = fHi;
            hi *= 2;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** {@code sum log(v + tau2)}: the determinant term of the ML and REML log-likelihoods. */
    public static double sumLog(double[] v, double tau2) {
        double s = 0;
        for (double vi : v) {
            s += Math.log(vi + tau2);
        }
        return s;
    }

    /**
     * A tau2 beyond which the ML and REML scores of a model with an intercept and {@code p} coefficients in all are
     * negative, for {@link #likelihoodMaximum}. With {@code R} the range of the effects, the weighted residuals are at
     * most those around the weighted mean, so {@code y'PPy <= w_max y'Py <= w_max^2 k R^2}, while
     * {@code tr W >= k w_min} (ML) and {@code tr P >= (k - p) w_min} (REML; intercept only: {@code sum w - sum w^2 /
     * sum w}); for tau2 above the largest variance that is below them once tau2 exceeds {@code 2 k R^2 / (k - p)}.
     */
    public static double scoreBound(double[] y, double[] v, int p) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double vMax = 0;
        for (int i = 0; i < y.length; i++) {
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
            vMax = Math.max(vMax, v[i]);
        }
        return 2 * (2.0 * y.length / Math.max(y.length - p, 1) * (max - min) * (max - min) + vMax);
    }

    /**
     * The root in {@code [0, inf)} of the generalised Q minus {@code target}, {@code Q(t) = sum (y - mu(t))^2 / (v + t)}
     * (the Q-profile equation of Viechtbauer 2007): 0 when {@code Q(0) <= target}. Newton's method from 0, with the
     * derivative {@code dQ/dt = -sum w^2 r^2} that the same pass gives ({@link WeightedSums#qw2}): Q falls and is
     * convex in t, so each step lands short of the root and the steps rise to it in a few passes over the studies
     * (Brent's search took tens). A step that would pass the root, should Q not be convex there, hands over to
     * {@link #decreasingRoot}.
     */
    static double qProfileRoot(double[] y, double[] v, double target, double scale) {
        WeightedSums s = WeightedSums.at(y, v, 0);
        if (!(s.q() - target > 0)) {
            return 0;
        }
        double t = 0;
        for (int iter = 0; iter < 100; iter++) {
            double f = s.q() - target;
            double slope = -s.qw2();
            if (!(slope < 0)) {
                break;
            }
            double next = t - f / slope;
            WeightedSums at = WeightedSums.at(y, v, next);
            if (at.q() - target < 0) {
                // past the root: Q is not convex here; the bracketed search finishes
                return decreasingRoot(u -> WeightedSums.at(y, v, u).q() - target, Math.max(next, scale));
            }
            if (next - t <= 1e-15 * next) {
                return next;
            }
            t = next;
            s = at;
        }
        return decreasingRoot(u -> WeightedSums.at(y, v, u).q() - target, Math.max(t, scale));
    }
}
