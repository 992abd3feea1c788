package org.mscmeta.effect;

/**
 * The hypergeometric terms of Peto's method for one 2x2 table (Yusuf, Peto, Lewis, Collins and Sleight 1985,
 * Prog Cardiovasc Dis 27:335-71): observed minus expected events in the MSC arm and its variance.
 */
public final class PetoTerms {

    private PetoTerms() {
    }

    /** {@code O - E = a - (a + c) n1 / N}. */
    public static double observedMinusExpected(TwoByTwo t, int i) {
        double n = (double) t.n1()[i] + t.n2()[i];
        return t.a()[i] - (double) (t.a()[i] + t.c()[i]) * t.n1()[i] / n;
    }

    /** {@code V = (a + c)(b + d) n1 n2 / (N^2 (N - 1))}. */
    public static double variance(TwoByTwo t, int i) {
        double n1 = t.n1()[i];
        double n2 = t.n2()[i];
        double n = n1 + n2;
        double events = (double) t.a()[i] + t.c()[i];
        double nonEvents = n - events;
        if (n <= 1) {
            return 0;
        }
        return events * nonEvents * n1 * n2 / (n * n * (n - 1));
    }
}
