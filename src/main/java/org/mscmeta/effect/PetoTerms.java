package org.mscmeta.effect;

/**
 * The hypergeometric terms of Peto's method for one 2x2 table (Yusuf, Peto, Lewis, Collins and Sleight 1985,
 * Prog Cardiovasc Dis 27:335-71): observed minus expected events in the MSC arm and its variance.
 */
public final class PetoTerms {

    private static final Expr OBSERVED_MINUS_EXPECTED = EffectFormula.petoObservedMinusExpected();
    private static final Expr VARIANCE = EffectFormula.petoVariance();

    private PetoTerms() {
    }

    /** {@code O - E = a - (a + c) n1 / N} ({@link EffectFormula#petoObservedMinusExpected()}). */
    public static double observedMinusExpected(TwoByTwo t, int i) {
        double[] v = new double[Expr.Var.values().length];
        t.load(i, v);
        return OBSERVED_MINUS_EXPECTED.eval(v);
    }

    /** {@code V = (a + c)(b + d) n1 n2 / (N^2 (N - 1))} ({@link EffectFormula#petoVariance()}); 0 when N &lt;= 1. */
    public static double variance(TwoByTwo t, int i) {
        if ((long) t.n1()[i] + t.n2()[i] <= 1) {
            return 0;
        }
        double[] v = new double[Expr.Var.values().length];
        t.load(i, v);
        return VARIANCE.eval(v);
    }
}
