package org.mscmeta.sheet;

/**
 * Reads a count cell without exceptions on the hot path: a whole number, possibly written as {@code 12.0}
 * (as spreadsheets export numbers). Other outcomes are signalled by the negative sentinels below.
 */
final class WholeNumber {

    static final long BLANK = Long.MIN_VALUE;
    static final long NOT_A_NUMBER = Long.MIN_VALUE + 1;
    static final long FRACTION = Long.MIN_VALUE + 2;
    static final long NEGATIVE = Long.MIN_VALUE + 3;

    private WholeNumber() {
    }

    static long parse(String s) {
        if (s == null || s.isEmpty()) {
            return BLANK;
        }
        long v = 0;
        int n = s.length();
        int i = 0;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            v = v * 10 + (ch - '0');
            if (v > Integer.MAX_VALUE) {
                return slow(s);
            }
        }
        if (i == n && n > 0) {
            return v;
        }
        return slow(s);
    }

    private static long slow(String s) {
        double d;
        try {
            d = DecimalText.parse(s);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return NOT_A_NUMBER;
        }
        if (d < 0) {
            return d == Math.rint(d) ? NEGATIVE : FRACTION;
        }
        if (d != Math.rint(d)) {
            return FRACTION;
        }
        return d > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) d;
    }
}
