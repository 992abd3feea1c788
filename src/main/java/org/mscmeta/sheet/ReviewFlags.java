package org.mscmeta.sheet;

import java.util.List;
import java.util.Locale;

/**
 * Rows a sheet marks as not yet settled: {@code needs_review = yes}, as {@code import-ctgov} writes it where a
 * trial's route or cell source was not found in its text, or its MSC group was taken from the arm type alone, with
 * the reason in {@code review_reason}. They are analysed as they are; the notice says so, so that a sheet imported
 * and analysed at once does not pass for a reviewed one.
 */
final class ReviewFlags {

    /** The column, as the importer names it (matched as headers are: case, spacing and punctuation aside). */
    static final String COLUMN = "needs_review";
    private static final String REASON = "review_reason";

    private ReviewFlags() {
    }

    /** The notice for the rows {@code columns} mark for review, or null when none is marked. */
    static Notice notice(String file, List<TextColumn> columns, IntArray rowNumbers) {
        TextColumn flag = column(columns, COLUMN);
        if (flag == null) {
            return null;
        }
        boolean[] yes = new boolean[flag.levels().size()];
        boolean any = false;
        for (int l = 0; l < yes.length; l++) {
            String v = flag.levels().get(l).strip().toLowerCase(Locale.ROOT);
            yes[l] = v.equals("yes") || v.equals("y") || v.equals("true") || v.equals("1");
            any |= yes[l];
        }
        if (!any) {
            return null;
        }
        int count = 0;
        int first = -1;
        for (int i = 0; i < flag.codes().length; i++) {
            if (yes[flag.codes()[i]]) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        TextColumn reason = column(columns, REASON);
        String why = reason == null ? "" : reason.get(first).strip();
        if (why.length() > 80) {
            why = why.substring(0, 79) + "…";
        }
        boolean one = count == 1;
        return new Notice("needs_review", null, String.format(Locale.ROOT, "%s: %s marked %s = yes (first: row %d%s),"
                + " analysed as %s: settle %s (import-ctgov's review/review.md says why each trial was flagged) or"
                + " leave %s out before relying on the results", file, Notice.count(count, "row", "rows"),
                flag.name(), rowNumbers.get(first), why.isEmpty() ? "" : ", " + why, one ? "it stands" : "they stand",
                one ? "it" : "them", one ? "it" : "them"));
    }

    private static TextColumn column(List<TextColumn> columns, String name) {
        String key = Field.headerKey(name);
        for (TextColumn c : columns) {
            if (Field.headerKey(c.name()).equals(key)) {
                return c;
            }
        }
        return null;
    }
}
