package org.mscmeta.report;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Safe, unique file-name stems made from outcome names: ASCII letters, digits and hyphens only (no path
 * separators), at most 60 characters, a numeric suffix on clashes.
 */
public final class FileNames {

    private final Set<String> used = new HashSet<>();

    /** A stem for {@code name} not handed out before by this instance. */
    public String unique(String name) {
        String base = slug(name);
        String candidate = base;
        int n = 2;
        while (!used.add(candidate)) {
            candidate = base + "-" + n++;
        }
        return candidate;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern OTHERS = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern ENDS = java.util.regex.Pattern.compile("^-+|-+$");

    /** {@code "Death (day 7)"} -> {@code "death-day-7"}. */
    public static String slug(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD))
                .replaceAll("");
        String s = ENDS.matcher(OTHERS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        if (s.length() > 60) {
            s = ENDS.matcher(s.substring(0, 60)).replaceAll("");
        }
        return s.isEmpty() ? "outcome" : s;
    }
}
