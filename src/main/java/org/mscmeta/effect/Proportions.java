package org.mscmeta.effect;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Per-study effects of single-arm proportions {@code x/n}, as metafor's {@code escalc()}:
 * <ul>
 *   <li>PLOGIT ({@code "PLO"}): {@code yi = log(x/(n-x))}, {@code vi = 1/x + 1/(n-x)};</li>
 *   <li>PRAW ({@code "PR"}): {@code yi = x/n}, {@code vi = p(1-p)/n};</li>
 *   <li>PFT ({@code "PFT"}): {@code yi = (asin sqrt(x/(n+1)) + asin sqrt((x+1)/(n+1)))/2}, {@code vi = 1/(4n+2)}.</li>
 * </ul>
 * The continuity correction goes to {@code x} and {@code n-x} of studies with 0 or n events ({@code only0}) for
 * all three measures, as in the metafor reference cases (metafor applies {@code add} to PFT only when it is given
 * explicitly, which the reference generator does: {@code escalc("PFT", add=0.5, to="only0")}). The PFT
 * back-transformation uses the harmonic mean of the uncorrected n.
 * Study intervals are Clopper-Pearson exact intervals on {@code x/n}.
 */
public final class Proportions {

    private Proportions() {
    }

    /** yi and vi for every study. */
    public static StudyEffects compute(Measure measure, ContinuityCorrection cc, int[] x, int[] n) {
        int k = x.length;
        double[] yi = new double[k];
        double[] vi = new double[k];
        boolean[] included = new boolean[k];
        boolean[] corrected = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            anyZero |= x[i] == 0 || x[i] == n[i];
        }
        EffectFormula f = EffectFormula.proportion(measure);
        Expr yPlain = f.yi().fix(Expr.Var.K1, 0);
        Expr vPlain = f.vi().fix(Expr.Var.K1, 0);
        Expr add = cc.value() > 0 ? EffectFormula.proportionIncrement(cc.mode(), anyZero) : Expr.num(0);
        // only0 and tacc correct studies with 0 or all events: elsewhere the formula gives 0, and is not evaluated
        boolean extremesOnly = cc.mode() == CcMode.ONLY0 || cc.mode() == CcMode.TACC;
        double[] v = new double[Expr.Var.values().length];
        v[Expr.Var.CC.ordinal()] = cc.value();
        for (int i = 0; i < k; i++) {
            v[Expr.Var.A.ordinal()] = x[i];
            v[Expr.Var.N1.ordinal()] = n[i];
            double k1 = extremesOnly && x[i] != 0 && x[i] != n[i] ? 0 : add.eval(v);
            v[Expr.Var.K1.ordinal()] = k1;
            corrected[i] = k1 > 0;
            double y = corrected[i] ? f.yi().eval(v) : yPlain.eval(v);
            double var = corrected[i] ? f.vi().eval(v) : vPlain.eval(v);
            if (Double.isFinite(y) && Double.isFinite(var) && var > 0) {
                yi[i] = y;
                vi[i] = var;
                included[i] = true;
            } else {
                yi[i] = Double.NaN;
                vi[i] = Double.NaN;
            }
        }
        return new StudyEffects(yi, vi, included, new boolean[k], corrected);
    }

    /** The Freeman-Tukey double arcsine of a proportion {@code p} with sample size {@code n} (metafor transf.pft). */
    public static double freemanTukey(double p, double n) {
        double x = p * n;
        return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
    }

    /**
     * Clopper-Pearson exact interval for {@code x} events in {@code n}: Beta quantiles
     * {@code B(a/2; x, n-x+1)} and {@code B(1-a/2; x+1, n-x)}, 0 and 1 at the edges.
     */
    public static double[] clopperPearson(int x, int n, double level) {
        double alpha = 1 - level;
        double lo = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0, 1e-15).inverseCumulativeProbability(alpha / 2);
        double hi = x == n ? 1 : new BetaDistribution(null, x + 1.0, n - x, 1e-15)
                .inverseCumulativeProbability(1 - alpha / 2);
        return new double[] {lo, hi};
    }
}
