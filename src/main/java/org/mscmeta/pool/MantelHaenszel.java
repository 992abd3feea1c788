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

    /**
     * The per-table terms whose sums give the pooled estimate and its variance ({@link #combine}), as formulas of a
     * table's counts (with the correction {@code K1, K2} added under {@code corrected}), for the workbook's live
     * pooled formulas: RR {@code R = a n2/N, S = c n1/N, V = (n1 n2 (a+c) - a c N)/N^2}; OR {@code R = a d/N,
     * S = b c/N, PR, PS, QR, QS}; RD (Sato) {@code W = n1 n2/N, WD = W (a/n1 - c/n2), P, Q}; RD (Greenland and
     * Robins, RevMan 5) {@code W, WD} with the raw difference, {@code R = (a b n2^3 + c d n1^3)/(n1 n2 N^2)}.
     *
     * @return the terms' names and formulas, in the order {@link #combine} takes their sums
     */
    public static java.util.LinkedHashMap<String, Expr> terms(Measure measure, boolean corrected,
                                                              boolean greenlandRobinsRd) {
        Expr k1 = corrected ? Expr.of(Expr.Var.K1) : Expr.num(0);
        Expr k2 = corrected ? Expr.of(Expr.Var.K2) : Expr.num(0);
        Expr rawA = Expr.of(Expr.Var.A);
        Expr rawC = Expr.of(Expr.Var.C);
        Expr rawN1 = Expr.of(Expr.Var.N1);
        Expr rawN2 = Expr.of(Expr.Var.N2);
        Expr a = rawA.plus(k1);
        Expr c = rawC.plus(k2);
        Expr b = rawN1.minus(rawA).plus(k1);
        Expr d = rawN2.minus(rawC).plus(k2);
        Expr n1 = a.plus(b);
        Expr n2 = c.plus(d);
        Expr n = n1.plus(n2);
        java.util.LinkedHashMap<String, Expr> t = new java.util.LinkedHashMap<>();
        switch (measure) {
            case RR -> {
                t.put("R", a.times(n2).over(n));
                t.put("S", c.times(n1).over(n));
                t.put("V", n1.times(n2).times(a.plus(c)).minus(a.times(c).times(n)).over(n.times(n)));
            }
            case OR -> {
                Expr p = a.plus(d).over(n);
                Expr q = b.plus(c).over(n);
                Expr r = a.times(d).over(n);
                Expr sv = b.times(c).over(n);
                t.put("R", r);
                t.put("S", sv);
                t.put("PR", p.times(r));
                t.put("PS", p.times(sv));
                t.put("QR", q.times(r));
                t.put("QS", q.times(sv));
            }
            case RD -> {
                if (greenlandRobinsRd) {
                    Expr w = n1.times(n2).over(n);
                    t.put("W", w);
                    t.put("WD", w.times(rawA.over(rawN1).minus(rawC.over(rawN2))));
                    t.put("R", a.times(b).times(n2).times(n2).times(n2).plus(c.times(d).times(n1).times(n1).times(n1))
                            .over(n1.times(n2).times(n).times(n)));
                } else {
                    Expr w = rawN1.times(rawN2).over(rawN1.plus(rawN2));
                    Expr nn = rawN1.plus(rawN2);
                    t.put("W", w);
                    t.put("WD", w.times(rawA.over(rawN1).minus(rawC.over(rawN2))));
                    t.put("P", rawN1.times(rawN1).times(rawC).minus(rawN2.times(rawN2).times(rawA))
                            .plus(rawN1.times(rawN2).times(rawN2.minus(rawN1)).over(Expr.num(2))).over(nn.times(nn)));
                    t.put("Q", rawA.times(rawN2.minus(rawC)).plus(rawC.times(rawN1.minus(rawA)))
                            .over(Expr.num(2).times(nn)));
                }
            }
            default -> throw new IllegalArgumentException("Mantel-Haenszel pools RR, OR or RD, not " + measure);
        }
        return t;
    }

    /**
     * The pooled estimate (analysis scale) and its standard error from the sums of {@link #terms}, in their order.
     */
    public static double[] combine(Measure measure, boolean greenlandRobinsRd, double[] sums) {
        return switch (measure) {
            case RR -> new double[] {Math.log(sums[0] / sums[1]), Math.sqrt(sums[2] / (sums[0] * sums[1]))};
            case OR -> new double[] {Math.log(sums[0] / sums[1]), Math.sqrt(sums[2] / (2 * sums[0] * sums[0])
                    + (sums[3] + sums[4]) / (2 * sums[0] * sums[1]) + sums[5] / (2 * sums[1] * sums[1]))};
            case RD -> {
                double est = sums[1] / sums[0];
                yield greenlandRobinsRd ? new double[] {est, Math.sqrt(sums[2] / (sums[0] * sums[0]))}
                        : new double[] {est, Math.sqrt((est * sums[2] + sums[3]) / (sums[0] * sums[0]))};
            }
            default -> throw new IllegalArgumentException("Mantel-Haenszel pools RR, OR or RD, not " + measure);
        };
    }

    /** {@link #combine} as spreadsheet formulas of the cells holding the sums: {estimate, standard error}. */
    public static String[] combineExcel(Measure measure, boolean greenlandRobinsRd, String[] s) {
        return switch (measure) {
            case RR -> new String[] {"LN(" + s[0] + "/" + s[1] + ")", "SQRT(" + s[2] + "/(" + s[0] + "*" + s[1] + "))"};
            case OR -> new String[] {"LN(" + s[0] + "/" + s[1] + ")", "SQRT(" + s[2] + "/(2*" + s[0] + "^2)+(" + s[3]
                    + "+" + s[4] + ")/(2*" + s[0] + "*" + s[1] + ")+" + s[5] + "/(2*" + s[1] + "^2))"};
            case RD -> greenlandRobinsRd ? new String[] {s[1] + "/" + s[0], "SQRT(" + s[2] + "/" + s[0] + "^2)"}
                    : new String[] {s[1] + "/" + s[0], "SQRT((" + s[1] + "/" + s[0] + "*" + s[2] + "+" + s[3] + ")/"
                    + s[0] + "^2)"};
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
        double[] es = combine(Measure.RR, false, new double[] {r, s, num});
        return CommonEffect.wald("MH", es[0], es[1], level, w);
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
        double[] es = combine(Measure.OR, false, new double[] {sr, ss, spr, sps, sqr, sqs});
        return CommonEffect.wald("MH", es[0], es[1], level, w);
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
        double[] es = combine(Measure.RD, false, new double[] {sw, swd, sp, sq});
        return CommonEffect.wald("MH", es[0], es[1], level, w);
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
        double[] es = combine(Measure.RD, true, new double[] {sw, swd, sr});
        return CommonEffect.wald("MH", es[0], es[1], level, w);
    }
}
