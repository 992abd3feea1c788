package org.mscmeta.pool;

/**
 * Test for subgroup differences (Borenstein et al. 2009, ch. 19; Cochrane Handbook 10.11.3.1):
 * {@code Q = sum w_j (theta_j - theta_bar)^2} over the subgroups' pooled estimates with {@code w_j = 1/se_j^2},
 * {@code theta_bar = sum(w theta)/sum(w)}, {@code df = J - 1}, p from chi-square(df).
 *
 * @param q  between-subgroup Q
 * @param df number of subgroups with an estimate, minus one
 * @param p  p-value
 */
public record SubgroupTest(double q, int df, double p) {

    /** Tests the estimates (analysis scale) and standard errors of J subgroups; skips non-finite entries. */
    public static SubgroupTest between(double[] estimate, double[] se) {
        double sw = 0;
        double swy = 0;
        int j = 0;
        for (int i = 0; i < estimate.length; i++) {
            if (Double.isFinite(estimate[i]) && Double.isFinite(se[i]) && se[i] > 0) {
                double w = 1 / (se[i] * se[i]);
                sw += w;
                swy += w * estimate[i];
                j++;
            }
        }
        double mean = swy / sw;
        double q = 0;
        for (int i = 0; i < estimate.length; i++) {
            if (Double.isFinite(estimate[i]) && Double.isFinite(se[i]) && se[i] > 0) {
                double r = estimate[i] - mean;
                q += r * r / (se[i] * se[i]);
            }
        }
        int df = j - 1;
        return new SubgroupTest(q, df, df > 0 ? Distributions.pChiSquareUpper(q, df) : Double.NaN);
    }
}
