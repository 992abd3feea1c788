package org.mscmeta.effect;

/**
 * Continuity correction added to the cells of 2x2 tables before per-study effects are computed.
 *
 * @param value amount added to each cell (metafor's {@code add}, default 0.5)
 * @param mode  which studies receive it (metafor's {@code to}, default {@code only0})
 */
public record ContinuityCorrection(double value, CcMode mode) {

    /** metafor's default: 0.5 added to the four cells of studies with a zero cell. */
    public static final ContinuityCorrection DEFAULT = new ContinuityCorrection(0.5, CcMode.ONLY0);

    public ContinuityCorrection {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("continuity correction must be a finite number >= 0, got " + value);
        }
        if (mode == null) {
            throw new IllegalArgumentException("continuity correction mode is required");
        }
    }

    /**
     * The amounts added to each arm's cells, study by study (metafor's {@code add}/{@code to}; meta's
     * {@code incr}/{@code method.incr}; TACC as Sweeting et al. 2004, {@code 2 cc n_arm / (n1 + n2)}), from the
     * formulas of {@link EffectFormula#increment}.
     *
     * @param t    the studies
     * @param skip studies left out (double zeros); they get nothing and do not trigger {@code if0all}
     * @return {@code {add to arm 1 cells, add to arm 2 cells}}, each indexed like {@code t}
     */
    public double[][] increments(TwoByTwo t, boolean[] skip) {
        int k = t.k();
        double[] add1 = new double[k];
        double[] add2 = new double[k];
        boolean anyZero = false;
        for (int i = 0; i < k && !anyZero; i++) {
            anyZero = !skip[i] && t.hasZeroCell(i);
        }
        if (value == 0 || mode == CcMode.NONE) {
            return new double[][] {add1, add2};
        }
        Expr first = EffectFormula.increment(mode, 1, anyZero);
        Expr second = EffectFormula.increment(mode, 2, anyZero);
        double[] v = new double[Expr.Var.values().length];
        v[Expr.Var.CC.ordinal()] = value;
        // only0 and tacc correct studies with a zero cell: elsewhere the formula gives 0, and is not evaluated
        boolean zeroCellsOnly = mode == CcMode.ONLY0 || mode == CcMode.TACC;
        for (int i = 0; i < k; i++) {
            if (skip[i] || (zeroCellsOnly && !t.hasZeroCell(i))) {
                continue;
            }
            t.load(i, v);
            add1[i] = first.eval(v);
            add2[i] = second.eval(v);
        }
        return new double[][] {add1, add2};
    }

    /** Whether any study not skipped has a zero cell (the trigger of {@code if0all}). */
    public static boolean anyZeroCell(TwoByTwo t, boolean[] skip) {
        for (int i = 0; i < t.k(); i++) {
            if (!skip[i] && t.hasZeroCell(i)) {
                return true;
            }
        }
        return false;
    }
}
