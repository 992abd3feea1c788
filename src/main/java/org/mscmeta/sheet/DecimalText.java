package org.mscmeta.sheet;

import java.util.regex.Pattern;

/**
 * A number as people write it in a sheet or on the command line: an optional sign, digits with an optional decimal
 * point, and an optional exponent ({@code 12}, {@code 12.0}, {@code .5}, {@code -0.3}, {@code 1e6}, {@code 2.5E-3}).
 * Nothing else: {@link Double#parseDouble} also takes Java's literal suffixes ({@code 12d}, {@code 40f}), hexadecimal
 * ({@code 0x1p3}), {@code NaN} and {@code Infinity}, so that a footnote's mark "d" or "f" after a count ("12d") would
 * be read as the count without a word; here such text is no number, and is refused (or hinted at) as any other.
 * Digits of other scripts are the digits they are: full-width ones ({@code １２}, as an East Asian keyboard types
 * them, with the full-width sign and point) and those of other decimal systems ({@code ١٢}), as a spreadsheet reads
 * them when they are typed.
 */
public final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private DecimalText() {
    }

    /**
     * {@code text}, stripped, as a finite number.
     *
     * @throws NumberFormatException when it is not written as a decimal number, or is beyond a double's range
     */
    public static double parse(String text) {
        String t = asciiDigits(text.strip());
        if (!DECIMAL.matcher(t).matches()) {
            throw new NumberFormatException("not a decimal number: " + t);
        }
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("beyond the range of a number: " + t);
        }
        return d;
    }

    /**
     * {@code t} with every decimal digit of another script (Unicode category Nd) as its ASCII digit, and the full-width
     * forms of the ASCII characters (U+FF01-U+FF5E: "＋", "－", "．", "ｅ") as those characters; {@code t} itself when
     * it is all ASCII.
     */
    public static String asciiDigits(String t) {
        int i = 0;
        while (i < t.length() && t.charAt(i) < 0x80) {
            i++;
        }
        if (i == t.length()) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int j = 0; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c >= 0x80 && Character.isDigit(c)) {
                sb.append((char) ('0' + Character.digit(c, 10)));
            } else if (c >= 0xFF01 && c <= 0xFF5E) {
                sb.append((char) (c - 0xFEE0));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
