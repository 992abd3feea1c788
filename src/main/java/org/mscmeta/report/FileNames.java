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

    /** {@code "Death (day 7)"} -> {@code "death-day-7"}. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "outcome" : s;
    }
}
