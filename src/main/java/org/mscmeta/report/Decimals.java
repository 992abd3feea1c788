package org.mscmeta.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point text of a double, the same as {@code String.format(Locale.ROOT, "%.nf", d)} (Java's Formatter
 * rounds the shortest decimal representation, {@link Double#toString}, half up; a negative value that rounds to
 * zero keeps its minus sign) without parsing a format string at every call: the console summary prints thousands of
 * numbers at registry scale, and java.util.Formatter's parse made it a tenth of a short run.
 */
final class Decimals {

    private Decimals() {
    }

    /** {@code d} with {@code places} decimals; "NaN", "Infinity" and "-Infinity" as Formatter writes them. */
    static String fixed(double d, int places) {
        if (!Double.isFinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).setScale(places, RoundingMode.HALF_UP);
        String s = b.toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative && b.signum() == 0 ? "-" + s : s;
    }

    /** {@code s} padded with spaces on the right to {@code width} (as {@code %-Ns}). */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code s} padded with spaces on the left to {@code width} (as {@code %Ns}). */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
