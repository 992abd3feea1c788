package org.mscmeta.sensitivity;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Weighted least squares {@code b = (X'WX)^-1 X'Wy} with Commons Math's LU solver. */
final class WeightedLeastSquares {

    private WeightedLeastSquares() {
    }

    /** Returns {@code {b, {weighted residual sum of squares}}}. */
    static double[][] fit(double[][] x, double[] y, double[] w) {
        int p = x[0].length;
        RealVector xtwy = new ArrayRealVector(p);
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < p; a++) {
                xtwy.addToEntry(a, w[i] * x[i][a] * y[i]);
            }
        }
        double[] b = new LUDecomposition(EggerTest.xtwx(x, w)).getSolver().solve(xtwy).toArray();
        double rss = 0;
        for (int i = 0; i < x.length; i++) {
            double fitted = 0;
            for (int a = 0; a < p; a++) {
                fitted += x[i][a] * b[a];
            }
            rss += w[i] * (y[i] - fitted) * (y[i] - fitted);
        }
        return new double[][] {b, {rss}};
    }
}
