package org.mscmeta.sheet;

import java.util.Locale;
import java.util.Set;

/**
 * Cell texts that mean "not reported" and are read as blank cells, in any column: {@code NA}, {@code N/A},
 * {@code #N/A}, {@code n.a.}, {@code NR} ({@code n.r.}, {@code n/r}), {@code ND} ({@code n.d.}, {@code n/d}),
 * {@code not reported}, {@code not available}, {@code not applicable}, {@code NaN}, {@code null}, {@code none}, and a lone
 * {@code -}, en or em dash or {@code .} (what R, Excel, pandas, SAS and hand-filled sheets write for a missing value).
 * Case is ignored. So a single-arm study may have "NA" in its control columns, and "NA" is never a route or a
 * subgroup of its own. The list is documented in docs/input-format.md.
 */
public final class MissingValues {

    private static final Set<String> TOKENS = Set.of("na", "n/a", "#n/a", "n.a.", "n.a", "nr", "n.r.", "n.r", "n/r",
            "nd", "n.d.", "n/d", "not reported", "not available", "not applicable", "nan", "null", "none", "-",
            "\u2013", "\u2014", ".", "--");

    /** The longest token ("not applicable"), for a quick length test on the reading hot path. */
    private static final int LONGEST = 14;

    private MissingValues() {
    }

    /** Whether {@code buf[off, off+len)}, already stripped of surrounding space, is a missing-value token. */
    static boolean isMissing(char[] buf, int off, int len) {
        if (len == 0 || len > LONGEST) {
            return false;
        }
        char c = buf[off];
        // every token starts with one of these: most cells are rejected on their first character
        if ("nNrR#-.\u2013\u2014".indexOf(c) < 0) {
            return false;
        }
        return TOKENS.contains(new String(buf, off, len).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code s}, stripped, is a missing-value token (a sheet reads it as a blank cell). */
    public static boolean isMissing(String s) {
        int len = s.length();
        if (len == 0 || len > LONGEST || "nNrR#-.\u2013\u2014".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return TOKENS.contains(s.toLowerCase(Locale.ROOT));
    }
}
