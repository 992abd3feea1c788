package org.mscmeta.effect;

/**
 * Per-study effect sizes from 2x2 tables: the equivalent of metafor's {@code escalc()} for
 * {@code measure = "RR", "OR", "RD", "PETO"}.
 *
 * <p>With cells {@code a, b = n1 - a, c, d = n2 - c} after continuity correction
 * (Viechtbauer 2010, J Stat Softw 36(3); metafor's escalc help page):
 * <ul>
 *   <li>RR: {@code yi = log(a/n1) - log(c/n2)}, {@code vi = 1/a - 1/n1 + 1/c - 1/n2};</li>
 *   <li>OR: {@code yi = log(a d / (b c))}, {@code vi = 1/a + 1/b + 1/c + 1/d};</li>
 *   <li>RD: {@code yi = a/n1 - c/n2}, {@code vi = p1(1-p1)/n1 + p2(1-p2)/n2};</li>
 *   <li>Peto: {@code yi = (a - E)/V}, {@code vi = 1/V} with {@code E = (a+c) n1/N},
 *       {@code V = (a+c)(b+d) n1 n2 / (N^2 (N-1))} on the uncorrected counts (Yusuf et al. 1985).</li>
 * </ul>
 * Studies with no events (or only events) in both arms are left out for RR, OR and Peto when
 * {@code dropDoubleZero} is set (metafor's {@code drop00 = TRUE}); for RD they are kept.
 * A study whose effect cannot be computed (a zero cell without correction, or zero variance) is left out.
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * Computes yi and vi for every study.
     *
     * @param measure        RR, OR or RD
     * @param cc             continuity correction and the studies it applies to
     * @param tables         the studies' counts
     * @param dropDoubleZero leave out double-zero studies (ignored for RD, which keeps them)
     */
    public static StudyEffects compute(Measure measure, ContinuityCorrection cc, TwoByTwo tables, boolean dropDoubleZero) {
        int k = tables.k();
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] included = new boolean[k];
        boolean[] dz = new boolean[k];
        boolean[] corrected = new boolean[k];
        boolean drop = dropDoubleZero && measure.dropsDoubleZero();

        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            if (!(drop && tables.isDoubleZero(i)) && tables.hasZeroCell(i)) {
                anyZero = true;
                break;
            }
        }
        int[] a = tables.a();
        int[] n1 = tables.n1();
        int[] c = tables.c();
        int[] n2 = tables.n2();
        for (int i = 0; i < k; i++) {
            yi[i] = Double.NaN;
            vi[i] = Double.NaN;
            if (drop && tables.isDoubleZero(i)) {
                dz[i] = true;
                continue;
            }
            boolean apply = switch (cc.mode()) {
                case ALL -> true;
                case ONLY0, TACC -> tables.hasZeroCell(i);
                case IF0ALL -> anyZero;
                case NONE -> false;
            };
            apply &= cc.value() > 0;
            double add1 = 0;
            double add2 = 0;
            if (apply) {
                if (cc.mode() == CcMode.TACC) {
                    double total = (double) n1[i] + n2[i];
                    add1 = 2 * cc.value() * n1[i] / total;
                    add2 = 2 * cc.value() * n2[i] / total;
                } else {
                    add1 = cc.value();
                    add2 = cc.value();
                }
                corrected[i] = true;
            }
            double ai = a[i] + add1;
            double bi = n1[i] - a[i] + add1;
            double ci = c[i] + add2;
            double di = n2[i] - c[i] + add2;
            double m1 = ai + bi;
            double m2 = ci + di;
            double y;
            double v;
            switch (measure) {
                case RR -> {
                    y = Math.log(ai / m1) - Math.log(ci / m2);
                    v = 1 / ai - 1 / m1 + 1 / ci - 1 / m2;
                }
                case OR -> {
                    y = Math.log(ai) + Math.log(di) - Math.log(bi) - Math.log(ci);
                    v = 1 / ai + 1 / bi + 1 / ci + 1 / di;
                }
                case RD -> {
                    double p1 = ai / m1;
                    double p2 = ci / m2;
                    y = p1 - p2;
                    v = p1 * (1 - p1) / m1 + p2 * (1 - p2) / m2;
                }
                default -> throw new IllegalArgumentException("unsupported measure " + measure);
            }
            if (Double.isFinite(y) && Double.isFinite(v) && v > 0) {
                yi[i] = y;
                vi[i] = v;
                included[i] = true;
            }
        }
        return new StudyEffects(yi, vi, included, dz, corrected);
    }

    /**
     * Peto's one-step log odds ratios (metafor {@code escalc(measure="PETO")}), on the raw counts.
     * Double-zero studies (V = 0) are always left out.
     */
    public static StudyEffects peto(TwoByTwo tables) {
        int k = tables.k();
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] included = new boolean[k];
        boolean[] dz = new boolean[k];
        for (int i = 0; i < k; i++) {
            yi[i] = Double.NaN;
            vi[i] = Double.NaN;
            if (tables.isDoubleZero(i)) {
                dz[i] = true;
                continue;
            }
            double oe = PetoTerms.observedMinusExpected(tables, i);
            double v = PetoTerms.variance(tables, i);
            if (v > 0) {
                yi[i] = oe / v;
                vi[i] = 1 / v;
                included[i] = true;
            }
        }
        return new StudyEffects(yi, vi, included, dz, new boolean[k]);
    }
}
