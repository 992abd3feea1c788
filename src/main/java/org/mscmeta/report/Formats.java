package org.mscmeta.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as every report prints them (the console, the plots, the document), in one place: estimates with the
 * digits that fit their size, capped at {@code <0.001} and {@code >999}, p-values, statistics and percentages. A
 * value that does not exist is never printed as a number: the callers print {@link #NOT_ESTIMABLE} with the reason
 * the result gives.
 */
public final class Formats {

    /** What is printed for a value that does not exist. */
    public static final String NOT_ESTIMABLE = "not estimable";

    /**
     * "not estimable: " and the reason, once: a reason that says what is not estimable itself ("z and p not
     * estimable: ...", "prediction interval not estimable: ...", where the estimate exists) is given as it is; a
     * missing reason gives {@link #NOT_ESTIMABLE} alone.
     */
    public static String notEstimable(String reason) {
        if (reason == null || reason.isBlank()) {
            return NOT_ESTIMABLE;
        }
        return reason.contains(NOT_ESTIMABLE) ? reason : NOT_ESTIMABLE + ": " + reason;
    }

    /** A reason's short form, its words before the first colon ("k &lt; 3"), where a column has room for no more. */
    public static String shortReason(String reason) {
        return reason.split(":")[0];
    }

    /**
     * A missing prediction interval with its reason's short form, for a column of notes: "prediction interval not
     * estimable (k &lt; 3)".
     */
    public static String predictionNotEstimable(String reason) {
        return "prediction interval " + NOT_ESTIMABLE + " (" + shortReason(reason) + ")";
    }

    /** Ratios below this print as {@code <0.001}. */
    public static final double RATIO_FLOOR = 0.001;

    /** Ratios above this print as {@code >999}. */
    public static final double RATIO_CEILING = 999;

    private Formats() {
    }

    /**
     * An estimate or limit on the natural scale. Ratios: {@code <0.001}, then three decimals below 0.01 (0.009),
     * two below 100 (0.19, 4.01, 13.20), none up to 999 (140), {@code >999} above. Differences and proportions: two
     * decimals, three below 0.01 in size (0.004), and as many as show the first digit of the distance from 1 above
     * 0.99 in size (0.996, 0.9997; {@code >0.9999}), so that only an exact 1 prints 1.00. Non-finite:
     * {@link #NOT_ESTIMABLE}.
     */
    public static String estimate(double v, boolean ratio) {
        if (!Double.isFinite(v)) {
            return NOT_ESTIMABLE;
        }
        if (ratio) {
            if (v < RATIO_FLOOR) {
                return "<0.001";
            }
            if (v > RATIO_CEILING) {
                return ">999";
            }
            return fixed(v, v < 0.01 ? 3 : v < 100 ? 2 : 0);
        }
        double a = Math.abs(v);
        if (a < 1e-12) {
            return fixed(0, 2); // 0, or a difference of two equal risks off by rounding (1e-17)
        }
        if (a < 0.00005) {
            return v > 0 ? "<0.0001" : ">-0.0001";
        }
        if (a < 1 && fixed(a, 2).startsWith("1")) {
            // a proportion (or difference) short of 1 keeps the first digit of its distance from 1: 0.996, 0.9997,
            // not "1.00", which an exact 1 (every participant had the event) prints
            for (int places = 3; places <= 4; places++) {
                String s = fixed(v, places);
                if (!s.startsWith("1") && !s.startsWith("-1")) {
                    return s;
                }
            }
            return v > 0 ? ">0.9999" : "<-0.9999";
        }
        // two decimals; a value below 0.01 keeps its first significant digit (0.004, 0.0003: not "0.000" beside an
        // exact "0.00")
        return fixed(v, a >= 0.01 ? 2 : a >= 0.00095 ? 3 : 4);
    }

    /** {@code 0.85 [0.62, 1.17]}; {@link #NOT_ESTIMABLE} without an estimate; the estimate alone without limits. */
    public static String interval(double est, double lo, double hi, boolean ratio) {
        if (!Double.isFinite(est)) {
            return NOT_ESTIMABLE;
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return estimate(est, ratio) + " [CI " + NOT_ESTIMABLE + "]";
        }
        return estimate(est, ratio) + " [" + estimate(lo, ratio) + ", " + estimate(hi, ratio) + "]";
    }

    /**
     * A p-value in words: {@code P = 0.23}, {@code P < 0.001} (not "P = &lt;0.001"), {@code P not estimable}, the letter
     * as given ("P" in a figure, "p" on the console) and {@code space} around the sign: a no-break space keeps a
     * wrapped note's "P = 0.23" on one line, "" gives the console's table form {@code p=0.23}.
     */
    public static String pIs(String letter, double p, String space) {
        if (!Double.isFinite(p)) {
            return letter + " " + NOT_ESTIMABLE;
        }
        return letter + is(p(p), space);
    }

    /**
     * " = 0.23" for a value formatted here, or " &lt; 0.0001" for one capped ({@code <0.0001}, {@code >999}), the sign
     * between {@code space}s: "Tau² = &lt;0.0001" reads as a typo.
     */
    public static String is(String formatted, String space) {
        boolean capped = formatted.startsWith("<") || formatted.startsWith(">");
        return capped ? space + formatted.charAt(0) + space + formatted.substring(1) : space + "=" + space + formatted;
    }

    /** A p-value: {@code <0.001}, three decimals below 0.1 (0.012), two above (0.45); {@link #NOT_ESTIMABLE}. */
    public static String p(double p) {
        if (!Double.isFinite(p)) {
            return NOT_ESTIMABLE;
        }
        if (p < 0.001) {
            return "<0.001";
        }
        return fixed(p, p < 0.1 ? 3 : 2);
    }

    /**
     * A test statistic (Z, t, Chi², F) as RevMan prints it: two decimals whatever its size (Z = 0.04, Chi² = 0.00);
     * from 10,000 a whole number with its thousands grouped (Chi² = 249,480: the decimals of such a value say nothing,
     * and a journal's reader does not read "2.49e+05"); {@link #NOT_ESTIMABLE}.
     */
    public static String test(double v) {
        if (!Double.isFinite(v)) {
            return NOT_ESTIMABLE;
        }
        return Math.abs(v) >= LARGE ? grouped(v) : fixed(v, 2);
    }

    /**
     * Tau²: four decimals below 0.1, where 0.0012 and 0.0000 differ in meaning, two up to 10,000, then a grouped
     * whole number; a positive estimate below 0.0001 as {@code <0.0001} (meta's summary prints it so), and one below
     * 1e-8 as 0.00: that is where an iterative fit stops at the boundary (a GLMM gave 2.74e-21), a between-study
     * standard deviation of 1e-4 on the log scale that no reader should take for a number.
     */
    public static String tau2(double v) {
        if (!Double.isFinite(v)) {
            return NOT_ESTIMABLE;
        }
        double a = Math.abs(v);
        if (a < 1e-8) {
            return fixed(0, 2);
        }
        if (v > 0 && v < 1e-4) {
            return "<0.0001";
        }
        return a >= LARGE ? grouped(v) : fixed(v, a < 0.1 ? 4 : 2);
    }

    /** From here a statistic prints as a grouped whole number. */
    private static final double LARGE = 1e4;

    /** A whole number with its thousands grouped by commas, 249,480 (exponent form beyond 1e15, where digits stop). */
    private static String grouped(double v) {
        return Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    /** A percentage with {@code places} decimals, {@code 12.3%}; {@link #NOT_ESTIMABLE}. */
    public static String percent(double v, int places) {
        return Double.isFinite(v) ? fixed(v, places) + "%" : NOT_ESTIMABLE;
    }

    /**
     * {@code d} with {@code places} decimals, the same as {@code String.format(Locale.ROOT, "%.nf", d)} (half up on
     * the shortest decimal representation) without parsing a format string at every call.
     */
    public static String fixed(double d, int places) {
        if (!Double.isFinite(d)) {
            return NOT_ESTIMABLE;
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).setScale(places, RoundingMode.HALF_UP);
        String s = b.toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative && b.signum() == 0 ? "-" + s : s;
    }

    /**
     * A confidence level as the percentage it names, every digit it has and no more: 0.95 "95%", 0.975 "97.5%",
     * 0.999 "99.9%", by {@link org.mscmeta.analysis.Settings#percent}, which the notices use too.
     */
    public static String level(double level) {
        return org.mscmeta.analysis.Settings.percent(level);
    }

    /** A setting as typed, without trailing zeros or an exponent: 0.5, 0.0001, 1 (a continuity correction). */
    public static String plain(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** A whole number (a count per 1,000): rounded, never "-0". */
    public static String whole(double v) {
        String t = fixed(v, 0);
        return t.equals("-0") ? "0" : t;
    }

    /** A signed whole number: "+12", "-3", "0". */
    public static String signedWhole(double v) {
        String t = whole(v);
        return v > 0 && !t.equals("0") ? "+" + t : t;
    }

    /**
     * A count per 1,000 with its interval as a summary-of-findings table prints it: "119 (88 to 161)"; signed
     * ({@code +12 (-5 to +30)}) for a difference.
     */
    public static String wholeRange(double v, double lower, double upper, boolean signed) {
        return signed ? signedWhole(v) + " (" + signedWhole(lower) + " to " + signedWhole(upper) + ")"
                : whole(v) + " (" + whole(lower) + " to " + whole(upper) + ")";
    }

    /** {@code s} padded with spaces on the right to {@code width} (as {@code %-Ns}). */
    public static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code s} padded with spaces on the left to {@code width} (as {@code %Ns}). */
    public static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
