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
