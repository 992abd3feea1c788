package org.mscmeta.pool;

import org.mscmeta.effect.Expr;
import org.mscmeta.effect.Measure;
import org.mscmeta.effect.TwoByTwo;

/**
 * Mantel-Haenszel common-effect estimates on the raw counts (no continuity correction), as metafor's
 * {@code rma.mh()}. With {@code N = n1 + n2}, {@code b = n1 - a}, {@code d = n2 - c} per study:
 * <ul>
 *   <li>RR (Greenland and Robins 1985, Biometrics 41:55-68): {@code RR = sum(a n2/N) / sum(c n1/N)},
 *       {@code Var(log RR) = sum((n1 n2 (a+c) - a c N)/N^2) / (sum(a n2/N) sum(c n1/N))};</li>
 *   <li>OR (Robins, Breslow and Greenland 1986, Biometrics 42:311-23): {@code OR = sum(a d/N) / sum(b c/N)},
 *       variance of log OR from the sums of {@code P = (a+d)/N}, {@code Q = (b+c)/N}, {@code R = a d/N},
 *       {@code S = b c/N};</li>
 *   <li>RD (Greenland and Robins 1985; variance of Sato, Greenland and Robins 1989, Biometrics 45:1323-4):
 *       {@code RD = sum(w (a/n1 - c/n2)) / sum(w)} with {@code w = n1 n2/N}.</li>
 * </ul>
 * Study weights in percent are those of metafor's {@code weights.rma.mh()}: {@code c n1/N} (RR),
 * {@code b c/N} (OR), {@code n1 n2/N} (RD).
 *
 * <p>RevMan 5 and R meta ({@code MH.exact = FALSE}) add the continuity correction to the cells of studies with a
 * zero cell before applying the same formulas, and estimate the variance of the pooled RD as
 * {@code sum((a b n2^3 + c d n1^3) / (n1 n2 N^2)) / (sum(n1 n2 / N))^2} (Greenland and Robins 1985; Deeks and
 * Higgins 2010, "Statistical algorithms in Review Manager 5"), the pooled RD being the weighted mean of the
 * studies' raw differences: {@link #pool(Measure, TwoByTwo, boolean[], double, double[][], boolean)}.
 */
public final class MantelHaenszel {

    private MantelHaenszel() {
    }

    /**
     * A table's Mantel-Haenszel weight ({@code weights.rma.mh}) as a formula of its counts, for the workbook: RR
     * {@code c n1 / N}, OR {@code b c / N}, RD {@code n1 n2 / N}; with {@code corrected} (RevMan 5 and R meta), of the
     * cells with the correction {@code K1, K2} added, as the pooling below weighs them.
     */
    public static Expr weight(Measure measure, boolean corrected) {
        Expr k1 = corrected ? Expr.of(Expr.Var.K1) : Expr.num(0);
        Expr k2 = corrected ? Expr.of(Expr.Var.K2) : Expr.num(0);
        Expr a = Expr.of(Expr.Var.A).plus(k1);
        Expr c = Expr.of(Expr.Var.C).plus(k2);
        Expr n1 = Expr.of(Expr.Var.N1).plus(Expr.num(2).times(k1));
        Expr n2 = Expr.of(Expr.Var.N2).plus(Expr.num(2).times(k2));
        Expr n = n1.plus(n2);
        return switch (measure) {
            case RR -> c.times(n1).over(n);
            case OR -> n1.minus(a).times(c).over(n);
            case RD -> n1.times(n2).over(n);
            default -> throw new IllegalArgumentException("Mantel-Haenszel pools RR, OR or RD, not " + measure);
        };
    }

    /** Pools every table of {@code t} (as metafor's {@code rma.mh}, which keeps tables without events). */
    public static CommonEffect pool(Measure measure, TwoByTwo t, double level) {
        boolean[] all = new boolean[t.k()];
        java.util.Arrays.fill(all, true);
        return pool(measure, t, all, level);
    }

    /**
     * Pools the studies flagged in {@code use}.
     *
     * @return the estimate on the analysis scale; not estimable (NaN) when a ratio's numerator or
     *         denominator sum is zero
     */
    public static CommonEffect pool(Measure measure, TwoByTwo t, boolean[] use, double level) {
        double[] none = new double[t.k()];
        return pool(measure, t, use, level, new double[][] {none, none}, false);
    }

    /**
     * Pools the studies flagged in {@code use} after adding {@code increments} to their cells (RevMan 5 and R
     * meta conventions).
     *
     * @param increments        {@code {added to arm 1 cells, added to arm 2 cells}} per study
     * @param greenlandRobinsRd estimate the variance of a pooled RD by Greenland and Robins (RevMan) instead
     *                          of Sato, Greenland and Robins (metafor)
     */
    public static CommonEffect pool(Measure measure, TwoByTwo t, boolean[] use, double level, double[][] increments,
                                    boolean greenlandRobinsRd) {
        double[] i1 = increments[0];
        double[] i2 = increments[1];
        return switch (measure) {
            case RR -> riskRatio(t, use, level, i1, i2);
            case OR -> oddsRatio(t, use, level, i1, i2);
            case RD -> greenlandRobinsRd ? riskDifferenceGreenlandRobins(t, use, level, i1, i2)
                    : riskDifference(t, use, level);
            default -> throw new IllegalArgumentException("Mantel-Haenszel pools RR, OR or RD, not " + measure);
        };
    }

    private static CommonEffect riskRatio(TwoByTwo t, boolean[] use, double level, double[] i1, double[] i2) {
        double r = 0;
        double s = 0;
        double num = 0;
        double[] w = new double[t.k()];
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double a = t.a()[i] + i1[i];
            double c = t.c()[i] + i2[i];
            double n1 = t.n1()[i] + 2 * i1[i];
            double n2 = t.n2()[i] + 2 * i2[i];
            double n = n1 + n2;
            r += a * n2 / n;
            s += c * n1 / n;
            num += (n1 * n2 * (a + c) - a * c * n) / (n * n);
            w[i] = c * n1 / n;
        }
        double est = Math.log(r / s);
        double se = Math.sqrt(num / (r * s));
        return CommonEffect.wald("MH", est, se, level, w);
    }

    private static CommonEffect oddsRatio(TwoByTwo t, boolean[] use, double level, double[] i1, double[] i2) {
        double sr = 0;
        double ss = 0;
        double spr = 0;
        double sps = 0;
        double sqr = 0;
        double sqs = 0;
        double[] w = new double[t.k()];
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double a = t.a()[i] + i1[i];
            double c = t.c()[i] + i2[i];
            double b = t.n1()[i] - t.a()[i] + i1[i];
            double d = t.n2()[i] - t.c()[i] + i2[i];
            double n = a + b + c + d;
            double p = (a + d) / n;
            double q = (b + c) / n;
            double r = a * d / n;
            double s = b * c / n;
            sr += r;
            ss += s;
            spr += p * r;
            sps += p * s;
            sqr += q * r;
            sqs += q * s;
            w[i] = s;
        }
        double est = Math.log(sr / ss);
        double var = spr / (2 * sr * sr) + (sps + sqr) / (2 * sr * ss) + sqs / (2 * ss * ss);
        return CommonEffect.wald("MH", est, Math.sqrt(var), level, w);
    }

    private static CommonEffect riskDifference(TwoByTwo t, boolean[] use, double level) {
        double sw = 0;
        double swd = 0;
        double sp = 0;
        double sq = 0;
        double[] w = new double[t.k()];
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double a = t.a()[i];
            double c = t.c()[i];
            double n1 = t.n1()[i];
            double n2 = t.n2()[i];
            double n = n1 + n2;
            double wi = n1 * n2 / n;
            sw += wi;
            swd += wi * (a / n1 - c / n2);
            sp += (n1 * n1 * c - n2 * n2 * a + n1 * n2 * (n2 - n1) / 2) / (n * n);
            sq += (a * (n2 - c) + c * (n1 - a)) / (2 * n);
            w[i] = wi;
        }
        double est = swd / sw;
        double var = (est * sp + sq) / (sw * sw);
        return CommonEffect.wald("MH", est, Math.sqrt(var), level, w);
    }

    private static CommonEffect riskDifferenceGreenlandRobins(TwoByTwo t, boolean[] use, double level, double[] i1,
                                                              double[] i2) {
        double sw = 0;
        double swd = 0;
        double sr = 0;
        double[] w = new double[t.k()];
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double a = t.a()[i] + i1[i];
            double b = t.n1()[i] - t.a()[i] + i1[i];
            double c = t.c()[i] + i2[i];
            double d = t.n2()[i] - t.c()[i] + i2[i];
            double n1 = a + b;
            double n2 = c + d;
            double n = n1 + n2;
            double wi = n1 * n2 / n;
            sw += wi;
            swd += wi * ((double) t.a()[i] / t.n1()[i] - (double) t.c()[i] / t.n2()[i]);
            sr += (a * b * n2 * n2 * n2 + c * d * n1 * n1 * n1) / (n1 * n2 * n * n);
            w[i] = wi;
        }
        return CommonEffect.wald("MH", swd / sw, Math.sqrt(sr / (sw * sw)), level, w);
    }
}
