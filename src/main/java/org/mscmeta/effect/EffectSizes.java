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

    /** {@link #compute(Measure, ContinuityCorrection, TwoByTwo, boolean, Convention)} with metafor's conventions. */
    public static StudyEffects compute(Measure measure, ContinuityCorrection cc, TwoByTwo tables, boolean dropDoubleZero) {
        return compute(measure, cc, tables, dropDoubleZero, Convention.METAFOR);
    }

    /**
     * The studies a measure leaves out as double zeros: no events in both arms, or (except for RR under a
     * convention that keeps them) all participants with the event in both arms.
     */
    static boolean[] doubleZeros(Measure measure, TwoByTwo tables, boolean dropDoubleZero, Convention convention) {
        boolean[] dz = new boolean[tables.k()];
        if (!(dropDoubleZero && measure.dropsDoubleZero())) {
            return dz;
        }
        boolean onlyNoEvents = measure == Measure.RR && convention.keepsAllEventStudiesForRr();
        for (int i = 0; i < dz.length; i++) {
            dz[i] = onlyNoEvents ? tables.a()[i] == 0 && tables.c()[i] == 0 : tables.isDoubleZero(i);
        }
        return dz;
    }

    /**
     * Computes yi and vi for every study.
     *
     * @param measure        RR, OR or RD
     * @param cc             continuity correction and the studies it applies to
     * @param tables         the studies' counts
     * @param dropDoubleZero leave out double-zero studies (ignored for RD, which keeps them)
     * @param convention     the program whose per-study formulas to follow (see {@link Convention}): for RR
     *                       under R meta {@code log((a+i)/(n1+i)) - log((c+i)/(n2+i))} with variance
     *                       {@code 1/(a+i) - 1/(n1+i) + 1/(c+i) - 1/(n2+i)} (i left out of the event terms of
     *                       a study with all events in both arms); for RD under RevMan 5 and meta the raw
     *                       difference with the corrected variance
     */
    public static StudyEffects compute(Measure measure, ContinuityCorrection cc, TwoByTwo tables, boolean dropDoubleZero,
                                       Convention convention) {
        int k = tables.k();
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] included = new boolean[k];
        boolean[] dz = doubleZeros(measure, tables, dropDoubleZero, convention);
        boolean[] corrected = new boolean[k];
        double[][] inc = cc.increments(tables, dz);
        EffectFormula f = EffectFormula.of(measure, convention);
        Expr yf = f.yi();
        Expr vf = f.vi();
        // most studies have no correction: their formula with K1 = K2 = 0 folded away
        Expr yPlain = yf.fix(Expr.Var.K1, 0).fix(Expr.Var.K2, 0);
        Expr vPlain = vf.fix(Expr.Var.K1, 0).fix(Expr.Var.K2, 0);
        double[] vars = new double[Expr.Var.values().length];
        vars[Expr.Var.CC.ordinal()] = cc.value();
        for (int i = 0; i < k; i++) {
            yi[i] = Double.NaN;
            vi[i] = Double.NaN;
            if (dz[i]) {
                continue;
            }
            tables.load(i, vars);
            vars[Expr.Var.K1.ordinal()] = inc[0][i];
            vars[Expr.Var.K2.ordinal()] = inc[1][i];
            corrected[i] = inc[0][i] > 0 || inc[1][i] > 0;
            double y = corrected[i] ? yf.eval(vars) : yPlain.eval(vars);
            double v = corrected[i] ? vf.eval(vars) : vPlain.eval(vars);
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
            // yi = (O - E)/V and vi = 1/V: EffectFormula.peto(), of the terms PetoTerms evaluates
            if (v > 0) {
                yi[i] = oe / v;
                vi[i] = 1 / v;
                included[i] = true;
            }
        }
        return new StudyEffects(yi, vi, included, dz, new boolean[k]);
    }
}
