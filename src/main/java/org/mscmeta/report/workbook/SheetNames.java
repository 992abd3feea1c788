package org.mscmeta.report.workbook;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * Excel sheet names made from outcome names: characters Excel forbids replaced (POI's
 * {@link WorkbookUtil#createSafeSheetName}), at most 31 characters, unique without regard to case, never one of
 * the workbook's own sheets or Excel's reserved "History". A name too long is shortened at a word's end with an
 * ellipsis ("Serious adverse events (day…"), not cut mid-word; the outcome's full name heads its sheet.
 */
final class SheetNames {

    private final Set<String> used = new HashSet<>();

    SheetNames(String... reserved) {
        used.add("history");
        for (String r : reserved) {
            used.add(r.toLowerCase(Locale.ROOT));
        }
    }

    /** A sheet's longest name. */
    static final int MAX = 31;

    /** A valid, unused sheet name for {@code name}. */
    String unique(String name) {
        // a control character is no part of a sheet name (a formula naming the sheet cannot quote it)
        String full = name == null || name.isBlank() ? "Outcome" : name.replaceAll("[\\p{Cntrl}\u2028\u2029]+", " ")
                .strip();
        String base = WorkbookUtil.createSafeSheetName(shorten(full, MAX), '_');
        base = base.replaceAll("^'+|'+$", "");
        if (base.isEmpty()) {
            base = "Outcome";
        }
        String candidate = base;
        int n = 2;
        while (used.contains(candidate.toLowerCase(Locale.ROOT))) {
            String suffix = " (" + n++ + ")";
            candidate = shorten(full, MAX - suffix.length()) + suffix;
            candidate = WorkbookUtil.createSafeSheetName(candidate, '_').replaceAll("^'+|'+$", "");
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /** How a formula refers to the sheet {@code name}: quoted (its quotes doubled) and followed by "!". */
    static String reference(String name) {
        return "'" + name.replace("'", "''") + "'!";
    }

    /** {@code s} in at most {@code max} characters, cut after a whole word and marked with an ellipsis. */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String cut = s.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        if (space >= max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "\u2026";
    }
}
