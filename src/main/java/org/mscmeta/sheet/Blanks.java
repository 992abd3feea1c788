package org.mscmeta.sheet;

/**
 * White space as a spreadsheet's user sees it: {@link Character#isWhitespace}, and also the no-break spaces
 * (U+00A0, U+2007 figure space, U+202F narrow no-break space), the zero-width space (U+200B) and the byte-order
 * mark (U+FEFF) that numbers copied from a PDF's or a web page's table carry with them. Java's own {@code strip}
 * and {@code isBlank} leave those, so "6&#160;" (a count with a no-break space after it) was refused as not a
 * number while it looks like "6" in every spreadsheet. Cells are stripped of such space at either end; space
 * inside a text is kept as it is.
 */
final class Blanks {

    private Blanks() {
    }

    /**
     * Whether {@code c} is white space; printable ASCII, nearly every character at either end of a field, is
     * answered without {@link Character}'s table lookup (the lookup was a tenth of the reading under the quick
     * compiler).
     */
    static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7f) {
            return false;
        }
        return otherSpace(c); // 19 bytes of bytecode: small enough for the quick compiler to inline
    }

    private static boolean otherSpace(char c) {
        return Character.isWhitespace(c)
                || c >= 0x7f && (Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF');
    }

    /** {@code s} without white space ({@link #isSpace}) at either end; null as "". */
    static String strip(String s) {
        if (s == null) {
            return "";
        }
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /**
     * Whether {@code c} is a control character: the C0 and C1 controls (line breaks and tabs among them), DEL, and the
     * line and paragraph separators.
     */
    static boolean isControl(char c) {
        return c < ' ' || c >= 0x7f && (c <= 0x9f || c == '\u2028' || c == '\u2029');
    }

    /** Whether {@code s} holds a control character ({@link #isControl}). */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code s} with one space for each run of white space and control characters that holds a control character: a
     * label typed over two lines of a cell ("Smith&#x21b5;2020") reads as "Smith 2020".
     */
    static String controlsAsSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = i;
            boolean control = false;
            while (end < s.length() && (isSpace(s.charAt(end)) || isControl(s.charAt(end)))) {
                control |= isControl(s.charAt(end));
                end++;
            }
            if (end > i) {
                b.append(control ? " " : s.substring(i, end));
                i = end;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    /**
     * How a reader compares two labels naming one study or trial: in any case, and with each run of white space
     * ({@link #isSpace}, the no-break spaces included) as one space: "Smith  2020" and "smith 2020" are one study.
     */
    static String labelKey(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** "et al." as a study label writes it, in lower case: "Smith et al. 2020", "Smith et al, 2020", "Smith etal". */
    private static final java.util.regex.Pattern ET_AL = java.util.regex.Pattern.compile("\\bet\\.?\\s*al\\b\\.?");

    /**
     * How a reader compares two study labels: as {@link #labelKey}, and with "et al." and the signs between words
     * (commas, full stops, brackets, hyphens) aside: "Smith et al., 2020", "Smith (2020)" and "smith 2020" are one
     * study; "Smith 2020a" and "Smith 2020b", or "Smith 2020" and "Smith 2021", are two.
     */
    static String studyKey(String s) {
        String k = ET_AL.matcher(labelKey(s)).replaceAll(" ");
        StringBuilder b = new StringBuilder(k.length());
        boolean gap = false;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                gap = b.length() > 0;
                continue;
            }
            if (gap) {
                b.append(' ');
            }
            gap = false;
            b.append(c);
        }
        return b.toString();
    }

    /** Whether {@code s} is null or nothing but white space ({@link #isSpace}). */
    static boolean isBlank(String s) {
        return strip(s).isEmpty();
    }
}
