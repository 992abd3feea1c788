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
}
