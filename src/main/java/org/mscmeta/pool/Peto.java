package org.mscmeta.pool;

import org.mscmeta.effect.PetoTerms;
import org.mscmeta.effect.TwoByTwo;

/**
 * Peto's one-step odds ratio on the raw counts (Yusuf et al. 1985; metafor {@code rma.peto()}):
 * {@code log OR = sum(O - E) / sum(V)}, {@code se = 1/sqrt(sum V)}; study weights are {@code V / sum(V)}.
 */
public final class Peto {

    private Peto() {
    }

    /** Pools the studies flagged in {@code use}. */
    public static CommonEffect pool(TwoByTwo t, boolean[] use, double level) {
        double soe = 0;
        double sv = 0;
        double[] w = new double[t.k()];
        for (int i = 0; i < t.k(); i++) {
            if (!use[i]) {
                w[i] = Double.NaN;
                continue;
            }
            double v = PetoTerms.variance(t, i);
            soe += PetoTerms.observedMinusExpected(t, i);
            sv += v;
            w[i] = v;
        }
        return CommonEffect.wald("PETO", soe / sv, Math.sqrt(1 / sv), level, w);
    }
}
