package org.mscmeta.effect;

import static org.mscmeta.effect.Expr.asin;
import static org.mscmeta.effect.Expr.equal;
import static org.mscmeta.effect.Expr.ln;
import static org.mscmeta.effect.Expr.num;
import static org.mscmeta.effect.Expr.sqrt;
import static org.mscmeta.effect.Expr.when;

import org.mscmeta.effect.Expr.Var;

/**
 * The one definition of each per-study effect (metafor's {@code escalc}) and of the continuity correction, as
 * {@link Expr}s of a study's counts {@code A, N1, C, N2} and the amounts {@code K1, K2} added to the cells of each
 * arm: {@link EffectSizes} and {@link Proportions} evaluate them, the workbook writes them as cell formulas. With
 * {@code ai = A + K1}, {@code bi = N1 - A + K1}, {@code ci = C + K2}, {@code di = N2 - C + K2} (Viechtbauer 2010,
 * J Stat Softw 36(3); the conventions as {@link Convention} documents them):
 * <ul>
 *   <li>RR: {@code yi = ln(ai/(ai+bi)) - ln(ci/(ci+di))}, {@code vi = 1/ai - 1/(ai+bi) + 1/ci - 1/(ci+di)}; under
 *       R meta's convention the totals get the correction once, {@code N1 + K1}, and a study with every participant
 *       having the event in both arms keeps its raw events in the variance;</li>
 *   <li>OR: {@code yi = ln ai + ln di - ln bi - ln ci}, {@code vi = 1/ai + 1/bi + 1/ci + 1/di};</li>
 *   <li>RD: {@code p1 = ai/(ai+bi)}, {@code yi = p1 - p2} (RevMan 5 and meta: the raw {@code A/N1 - C/N2}),
 *       {@code vi = p1(1-p1)/(ai+bi) + p2(1-p2)/(ci+di)};</li>
 *   <li>Peto (Yusuf et al. 1985), on the raw counts: {@code O - E = A - (A+C) N1/N},
 *       {@code V = (A+C)(N-A-C) N1 N2 / (N^2 (N-1))}, {@code yi = (O-E)/V}, {@code vi = 1/V};</li>
 *   <li>single-arm proportions with {@code x = A + K1}, {@code n = N1 + 2 K1}: PLOGIT {@code ln(x/(n-x))},
 *       {@code 1/x + 1/(n-x)}; PRAW {@code x/n}, {@code p(1-p)/n}; PFT (Freeman and Tukey 1950)
 *       {@code (asin sqrt(x/(n+1)) + asin sqrt((x+1)/(n+1)))/2}, {@code 1/(4n+2)}.</li>
 * </ul>
 *
 * @param yi the effect on the analysis scale
 * @param vi its sampling variance
 */
public record EffectFormula(Expr yi, Expr vi) {

    private static final Expr A = Expr.of(Var.A);
    private static final Expr N1 = Expr.of(Var.N1);
    private static final Expr C = Expr.of(Var.C);
    private static final Expr N2 = Expr.of(Var.N2);
    private static final Expr K1 = Expr.of(Var.K1);
    private static final Expr K2 = Expr.of(Var.K2);
    private static final Expr CC = Expr.of(Var.CC);
    private static final Expr ZERO = num(0);
    private static final Expr ONE = num(1);

    /** The effect of a two-arm measure (RR, OR, RD) under a convention. */
    public static EffectFormula of(Measure measure, Convention convention) {
        Expr ai = A.plus(K1);
        Expr bi = N1.minus(A).plus(K1);
        Expr ci = C.plus(K2);
        Expr di = N2.minus(C).plus(K2);
        return switch (measure) {
            case RR -> {
                if (convention.rrTotalsTwice()) {
                    Expr m1 = ai.plus(bi);
                    Expr m2 = ci.plus(di);
                    yield new EffectFormula(ln(ai.over(m1)).minus(ln(ci.over(m2))),
                            ai.inverse().minus(m1.inverse()).plus(ci.inverse()).minus(m2.inverse()));
                }
                Expr t1 = N1.plus(K1);
                Expr t2 = N2.plus(K2);
                Expr.Condition allEvents = equal(A, N1).and(equal(C, N2));
                yield new EffectFormula(ln(ai.over(t1)).minus(ln(ci.over(t2))),
                        when(allEvents, A, ai).inverse().minus(t1.inverse()).plus(when(allEvents, C, ci).inverse())
                                .minus(t2.inverse()));
            }
            case OR -> new EffectFormula(ln(ai).plus(ln(di)).minus(ln(bi)).minus(ln(ci)),
                    ai.inverse().plus(bi.inverse()).plus(ci.inverse()).plus(di.inverse()));
            case RD -> {
                Expr m1 = ai.plus(bi);
                Expr m2 = ci.plus(di);
                Expr p1 = ai.over(m1);
                Expr p2 = ci.over(m2);
                Expr y = convention.rawRiskDifference() ? A.over(N1).minus(C.over(N2)) : p1.minus(p2);
                yield new EffectFormula(y, p1.times(ONE.minus(p1)).over(m1).plus(p2.times(ONE.minus(p2)).over(m2)));
            }
            default -> throw new IllegalArgumentException(measure + " is a single-arm measure: use proportion()");
        };
    }

    /** Peto's one-step log odds ratio of one table, on the raw counts. */
    public static EffectFormula peto() {
        Expr v = petoVariance();
        return new EffectFormula(petoObservedMinusExpected().over(v), v.inverse());
    }

    /** {@code O - E = A - (A + C) N1 / N}, Peto's observed minus expected events in the MSC arm. */
    public static Expr petoObservedMinusExpected() {
        Expr n = N1.plus(N2);
        return A.minus(A.plus(C).times(N1).over(n));
    }

    /** {@code V = (A + C)(N - A - C) N1 N2 / (N^2 (N - 1))}, the hypergeometric variance of Peto's method. */
    public static Expr petoVariance() {
        Expr n = N1.plus(N2);
        Expr events = A.plus(C);
        return events.times(n.minus(events)).times(N1).times(N2).over(n.times(n).times(n.minus(ONE)));
    }

    /** The effect of a single-arm proportion of MSC recipients (PLOGIT, PFT, PRAW), x = A + K1 of n = N1 + 2 K1. */
    public static EffectFormula proportion(Measure measure) {
        Expr x = A.plus(K1);
        Expr n = N1.plus(num(2).times(K1));
        return switch (measure) {
            case PLOGIT -> new EffectFormula(ln(x.over(n.minus(x))), x.inverse().plus(n.minus(x).inverse()));
            case PRAW -> new EffectFormula(x.over(n), x.over(n).times(ONE.minus(x.over(n))).over(n));
            case PFT -> new EffectFormula(num(0.5).times(asin(sqrt(x.over(n.plus(ONE))))
                    .plus(asin(sqrt(x.plus(ONE).over(n.plus(ONE)))))), num(4).times(n).plus(num(2)).inverse());
            default -> throw new IllegalArgumentException(measure + " is not a proportion measure");
        };
    }

    /**
     * The amount added to each cell of one arm of a two-arm study ({@code arm} 1: MSC, 2: control), as
     * {@link ContinuityCorrection#increments} applies it: {@code only0} to studies with a zero cell, {@code all} to
     * every study, {@code if0all} to every study when {@code anyZero} (a decision for the whole analysis),
     * {@code tacc} (Sweeting et al. 2004) {@code 2 cc N_arm / (N1 + N2)} to studies with a zero cell, {@code none}
     * to none. Studies left out as double zeros get nothing; the caller does not ask for them.
     */
    public static Expr increment(CcMode mode, int arm, boolean anyZero) {
        Expr.Condition zeroCell = equal(A, ZERO).or(equal(C, ZERO)).or(equal(A, N1)).or(equal(C, N2));
        return switch (mode) {
            case ALL -> CC;
            case ONLY0 -> when(zeroCell, CC, ZERO);
            case IF0ALL -> when(Expr.always(anyZero), CC, ZERO);
            case NONE -> ZERO;
            case TACC -> when(zeroCell, num(2).times(CC).times(arm == 1 ? N1 : N2).over(N1.plus(N2)), ZERO);
        };
    }

    /**
     * The amount added to the events and non-events of a single-arm study ({@code K1} of {@link #proportion}):
     * {@code only0} (and {@code tacc}, which has no second arm) to studies with 0 or all events, {@code all},
     * {@code if0all} when {@code anyExtreme}, {@code none}.
     */
    public static Expr proportionIncrement(CcMode mode, boolean anyExtreme) {
        Expr.Condition extreme = equal(A, ZERO).or(equal(A, N1));
        return switch (mode) {
            case ALL -> CC;
            case ONLY0, TACC -> when(extreme, CC, ZERO);
            case IF0ALL -> when(Expr.always(anyExtreme), CC, ZERO);
            case NONE -> ZERO;
        };
    }
}
