package org.mscmeta.report;

/**
 * Text from a user's sheet made safe to print on a terminal: control characters (an ESC byte starts a terminal
 * command; a carriage return overwrites the line) and the bidirectional overrides that reorder what a reader sees are
 * shown as escapes ({@code \x1B}, {@code \u202E}); a tab becomes a space. Everything else is kept as written.
 */
public final class Terminal {

    private Terminal() {
    }

    /** As {@link #safe}, keeping the line breaks of a message of several lines (one problem of an input per line). */
    public static String safeLines(String s) {
        if (s == null) {
            return "";
        }
        String[] lines = s.split("\r?\n", -1);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : System.lineSeparator()).append(safe(lines[i]));
        }
        return sb.toString();
    }

    /** {@code s} with control and direction-override characters escaped; null as "". */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = null;
            if (c == '\t') {
                replacement = " ";
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                replacement = String.format("\\x%02X", (int) c);
            } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F) {
                replacement = String.format("\\u%04X", (int) c);
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
