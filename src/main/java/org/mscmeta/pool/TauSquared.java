package org.mscmeta.pool;

import java.util.Locale;

/**
 * Estimators of the between-study variance tau^2 of the intercept-only random-effects model
 * {@code y_i ~ N(mu, v_i + tau^2)}, with the definitions of metafor's {@code rma.uni(method=...)}
 * (Viechtbauer 2005, J Educ Behav Stat 30:261-93; Veroniki et al. 2016, Res Synth Methods 7:55-79).
 * Notation: {@code w_i = 1/(v_i + tau^2)}, {@code mu} the w-weighted mean, {@code r_i = y_i - mu},
 * {@code k} the number of studies. Iterative estimators are solved to machine precision and truncated at 0.
 */
public enum TauSquared {
    /** DerSimonian-Laird (1986): {@code max(0, (Q - (k-1)) / (sum w - sum w^2 / sum w))} at tau^2 = 0. */
    DL {
        @Override
        double compute(double[] y, double[] v) {
            WeightedSums s = WeightedSums.at(y, v, 0);
            return Math.max(0, (s.q() - (y.length - 1)) / (s.sw() - s.sw2() / s.sw()));
        }
    },
    /**
     * Restricted maximum likelihood (Viechtbauer 2005): the maximiser over {@code [0, inf)} of
     * {@code -1/2 (sum log(v + tau^2) + log sum w + sum w r^2)}, among the roots of
     * {@code sum(w^2 r^2) = sum w - sum w^2 / sum w} and 0 ({@link Roots#likelihoodMaximum}).
     */
    REML {
        @Override
        double compute(double[] y, double[] v) {
            return Roots.likelihoodMaximum(t -> {
                WeightedSums s = WeightedSums.at(y, v, t);
                return s.qw2() - (s.sw() - s.sw2() / s.sw());
            }, t -> {
                WeightedSums s = WeightedSums.at(y, v, t);
                return -0.5 * (Roots.sumLog(v, t) + Math.log(s.sw()) + s.q());
            }, Roots.scoreBound(y, v, 1));
        }
    },
    /** Paule-Mandel (1982): root of the generalised Q, {@code sum(w r^2) = k - 1}. */
    PM {
        @Override
        double compute(double[] y, double[] v) {
            return Roots.decreasingRoot(t -> WeightedSums.at(y, v, t).q() - (y.length - 1), start(y, v));
        }
    },
    /**
     * Maximum likelihood (Hardy and Thompson 1996): the maximiser over {@code [0, inf)} of
     * {@code -1/2 (sum log(v + tau^2) + sum w r^2)}, among the roots of {@code sum(w^2 r^2) = sum w} and 0
     * ({@link Roots#likelihoodMaximum}).
     */
    ML {
        @Override
        double compute(double[] y, double[] v) {
            return Roots.likelihoodMaximum(t -> {
                WeightedSums s = WeightedSums.at(y, v, t);
                return s.qw2() - s.sw();
            }, t -> -0.5 * (Roots.sumLog(v, t) + WeightedSums.at(y, v, t).q()), Roots.scoreBound(y, v, 1));
        }
    },
    /**
     * Hedges (1983) / Hedges-Olkin method of moments with unweighted least squares:
     * {@code max(0, (sum (y - ybar)^2 - (k-1)/k sum v) / (k - 1))}.
     */
    HE {
        @Override
        double compute(double[] y, double[] v) {
            int k = y.length;
            double ybar = mean(y);
            double rss = 0;
            double sv = 0;
            for (int i = 0; i < k; i++) {
                rss += (y[i] - ybar) * (y[i] - ybar);
                sv += v[i];
            }
            return Math.max(0, (rss - sv * (k - 1) / k) / (k - 1));
        }
    },
    /**
     * Sidik-Jonkman (2005): {@code tau0^2 = sum (y - ybar)^2 / k}, then
     * {@code tau^2 = tau0^2 sum(w0 r^2) / (k - 1)} with {@code w0 = 1/(v + tau0^2)}.
     */
    SJ {
        @Override
        double compute(double[] y, double[] v) {
            int k = y.length;
            double ybar = mean(y);
            double t0 = 0;
            for (double yi : y) {
                t0 += (yi - ybar) * (yi - ybar);
            }
            t0 /= k;
            return t0 * WeightedSums.at(y, v, t0).q() / (k - 1);
        }
    },
    /** Hunter-Schmidt (2004): {@code max(0, (Q - k) / sum w)} with {@code w = 1/v}. */
    HS {
        @Override
        double compute(double[] y, double[] v) {
            WeightedSums s = WeightedSums.at(y, v, 0);
            return Math.max(0, (s.q() - y.length) / s.sw());
        }
    },
    /**
     * Empirical Bayes (Morris 1983; Berkey et al. 1995): root of
     * {@code sum w (k/(k-1) r^2 - v - tau^2) = 0}; in the intercept-only model its value equals Paule-Mandel's.
     */
    EB {
        @Override
        double compute(double[] y, double[] v) {
            int k = y.length;
            return Roots.decreasingRoot(t -> {
                WeightedSums s = WeightedSums.at(y, v, t);
                return (double) k / (k - 1) * s.q() - s.swv() - t * s.sw();
            }, start(y, v));
        }
    };

    /** Estimates tau^2 from the studies' effects and sampling variances; 0 when fewer than 2 studies. */
    public double estimate(double[] y, double[] v) {
        if (y.length < 2) {
            return 0;
        }
        return compute(y, v);
    }

    /**
     * DerSimonian-Laird with Q taken around a given estimate instead of the inverse-variance one:
     * {@code max(0, (sum w (y - center)^2 - (k-1)) / (sum w - sum w^2 / sum w))}, {@code w = 1/v}. RevMan 5 and R
     * meta ({@code Q.Cochrane}) use the Mantel-Haenszel estimate as the center.
     */
    public static double dersimonianLairdAround(double[] y, double[] v, double center) {
        if (y.length < 2) {
            return 0;
        }
        double sw = 0;
        double sw2 = 0;
        double q = 0;
        for (int i = 0; i < y.length; i++) {
            double w = 1 / v[i];
            sw += w;
            sw2 += w * w;
            q += w * (y[i] - center) * (y[i] - center);
        }
        return Math.max(0, (q - (y.length - 1)) / (sw - sw2 / sw));
    }

    abstract double compute(double[] y, double[] v);

    /** Parses a command-line value such as {@code reml}; throws for unknown names. */
    public static TauSquared parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double x : y) {
            s += x;
        }
        return s / y.length;
    }

    /** A scale for the bracket search: the larger of the spread of the effects and their mean variance. */
    private static double start(double[] y, double[] v) {
        double ybar = mean(y);
        double ss = 0;
        double sv = 0;
        for (int i = 0; i < y.length; i++) {
            ss += (y[i] - ybar) * (y[i] - ybar);
            sv += v[i];
        }
        return Math.max(ss / y.length, sv / y.length);
    }
}
