package org.mscmeta.sensitivity;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/** Weighted least squares {@code b = (X'WX)^-1 X'Wy} with Commons Math's LU solver. */
final class WeightedLeastSquares {

    private WeightedLeastSquares() {
    }

    /**
     * The regression of {@code y} on the standard errors {@code sqrt(v)} with weights {@code 1/v}, the design of
     * Egger's test and of metafor's trim-and-fill side choice.
     *
     * @return {@code {x rows}, {weights}, {b}, {rss}}
     */
    static double[][][] onStandardError(double[] y, double[] v) {
        int k = y.length;
        double[][] x = new double[k][];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = new double[] {1, Math.sqrt(v[i])};
            w[i] = 1 / v[i];
        }
        double[][] fit = fit(x, y, w);
        return new double[][][] {x, {w}, {fit[0]}, {fit[1]}};
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
