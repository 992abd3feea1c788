package org.mscmeta.pool;

import java.util.Locale;

/**
 * The distribution of the prediction interval of a random-effects model, {@code mu +/- q sqrt(tau2 + se^2)} with
 * {@code se} the standard error of {@code mu} used for its confidence interval (Higgins, Thompson and
 * Spiegelhalter 2009, J R Stat Soc A 172:137-59). Programs differ in the quantile {@code q}:
 * <ul>
 *   <li>{@link #Z}: the normal quantile, metafor's {@code predict.rma()} for a model tested with z;</li>
 *   <li>{@link #T_K1}: t with k - 1 degrees of freedom, metafor's {@code predict.rma()} under Knapp-Hartung
 *       ({@code test = "knha"}) and R meta's {@code method.predict = "V"};</li>
 *   <li>{@link #T_K2}: t with k - 2 degrees of freedom, Higgins et al. (2009) and RevMan 5, the interval IntHout
 *       et al. recommend (BMJ Open 2016;6:e010247) because the normal quantile understates the uncertainty when
 *       there are few studies.</li>
 * </ul>
 * Whatever the quantile, the interval is given only when at least {@link #MIN_K} studies are pooled.
 */
public enum PredictionInterval {
    /** Normal quantile. */
    Z("z", "the normal quantile"),
    /** t with k - 1 degrees of freedom. */
    T_K1("t(k-1)", "t with k-1 degrees of freedom"),
    /** t with k - 2 degrees of freedom. */
    T_K2("t(k-2)", "t with k-2 degrees of freedom");

    /** The fewest studies with a prediction interval. */
    public static final int MIN_K = 3;

    private final String label;
    private final String words;

    PredictionInterval(String label, String words) {
        this.label = label;
        this.words = words;
    }

    /** The name on the command line and in results.json: {@code z}, {@code t(k-1)} or {@code t(k-2)}. */
    public String label() {
        return label;
    }

    /** The quantile in words, for the methods text and the plots: "t with k-2 degrees of freedom". */
    public String words() {
        return words;
    }

    /** The two-sided quantile for {@code k} studies at confidence {@code level}; NaN below {@link #MIN_K}. */
    public double critical(double level, int k) {
        if (k < MIN_K) {
            return Double.NaN;
        }
        return switch (this) {
            case Z -> Distributions.zCritical(level);
            case T_K1 -> Distributions.tCritical(level, k - 1);
            case T_K2 -> Distributions.tCritical(level, k - 2);
        };
    }

    /**
     * Parses a command-line value, leniently: {@code z} (or {@code normal}), {@code t(k-1)} (or {@code tk1},
     * {@code k-1}), {@code t(k-2)} (or {@code tk2}, {@code k-2}), in any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PredictionInterval parse(String s) {
        String v = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        switch (v) {
            case "z", "normal", "norm", "zk" -> {
                return Z;
            }
            case "tk1", "k1", "t1", "tkminus1" -> {
                return T_K1;
            }
            case "tk2", "k2", "t2", "tkminus2" -> {
                return T_K2;
            }
            default -> throw new IllegalArgumentException("--prediction-interval: expected z, t(k-1) or t(k-2), got '"
                    + s + "'");
        }
    }
}
