package org.mscmeta.sensitivity;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The weighted least-squares regression of Egger's test and of metafor's trim-and-fill side choice: {@code y} on an
 * intercept and the standard errors {@code sqrt(v)}, weights {@code 1/v}, {@code b = (X'WX)^-1 X'Wy} with Commons
 * Math's LU solver. The design is kept as its one non-constant column (a row array per study was most of the
 * garbage of a registry-scale analysis).
 *
 * @param se  the standard errors (the design's second column)
 * @param w   the weights
 * @param b   intercept and slope
 * @param rss weighted residual sum of squares
 */
record WeightedLeastSquares(double[] se, double[] w, double[] b, double rss) {

    static WeightedLeastSquares onStandardError(double[] y, double[] v) {
        int k = y.length;
        double[] se = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            se[i] = Math.sqrt(v[i]);
            w[i] = 1 / v[i];
        }
        double wy = 0;
        double wsy = 0;
        for (int i = 0; i < k; i++) {
            wy += w[i] * y[i];
            wsy += w[i] * se[i] * y[i];
        }
        RealVector xtwy = new ArrayRealVector(new double[] {wy, wsy}, false);
        double[] b = new LUDecomposition(xtwx(se, w)).getSolver().solve(xtwy).toArray();
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double fitted = b[0] + se[i] * b[1];
            rss += w[i] * (y[i] - fitted) * (y[i] - fitted);
        }
        return new WeightedLeastSquares(se, w, b, rss);
    }

    /** {@code X'WX} of the design (1, se). */
    static RealMatrix xtwx(double[] se, double[] w) {
        // summed in plain doubles, in study order (a matrix entry updated per study cost an index check and a call)
        double sw = 0;
        double sws = 0;
        double swss = 0;
        for (int i = 0; i < se.length; i++) {
            sw += w[i];
            sws += w[i] * se[i];
            swss += w[i] * se[i] * se[i];
        }
        return new Array2DRowRealMatrix(new double[][] {{sw, sws}, {sws, swss}}, false);
    }
}
