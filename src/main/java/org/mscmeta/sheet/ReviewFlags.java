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
        int[] marked = rowsMarked(flag, yes);
        int count = marked[0];
        int first = marked[1];
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

    /** Words of a column that says whether a row is in the analysis ("Included (Y/N)"). */
    private static final java.util.Set<String> INCLUDE = java.util.Set.of("include", "included", "inclusion");
    /** Words of a column that says whether a row is out of it ("Excluded", "Exclude?"). */
    private static final java.util.Set<String> EXCLUDE = java.util.Set.of("exclude", "excluded", "exclusion");
    /** Values that say "out" under a column of {@link #INCLUDE}, and "in" under one of {@link #EXCLUDE}. */
    private static final java.util.Set<String> NO = java.util.Set.of("no", "n", "false", "0", "excluded", "exclude");
    /** Values that say "out" under a column of {@link #EXCLUDE}. */
    private static final java.util.Set<String> YES = java.util.Set.of("yes", "y", "true", "1", "x", "excluded",
            "exclude");

    /**
     * A notice for each column by which the sheet marks rows as left out of the analysis ("Included (Y/N)" = N,
     * "Excluded" = yes), as screening and extraction sheets often do: every row is analysed, so those rows are
     * pooled with the others, which the notice says, naming the first. A column of marks holds yes/no words alone (Y,
     * N, x, true, excluded, ...), not only digits: "Patients excluded" (0, 1, 2) and "Reason for exclusion" are not.
     */
    static List<Notice> leftOut(String file, List<TextColumn> columns, IntArray rowNumbers) {
        List<Notice> out = new java.util.ArrayList<>();
        for (TextColumn c : columns) {
            List<String> words = List.of(Field.headerKey(c.name()).split("_"));
            boolean include = words.stream().anyMatch(INCLUDE::contains);
            boolean exclude = words.stream().anyMatch(EXCLUDE::contains);
            if (include == exclude) {
                continue; // neither, or both ("included/excluded"): no telling which value means out
            }
            java.util.Set<String> marks = include ? NO : YES;
            boolean[] outMark = new boolean[c.levels().size()];
            boolean flags = true;
            boolean lettered = false;
            for (int l = 0; l < outMark.length; l++) {
                String v = c.levels().get(l).strip().toLowerCase(Locale.ROOT);
                outMark[l] = marks.contains(v);
                flags &= v.isEmpty() || YES.contains(v) || NO.contains(v) || v.equals("included")
                        || v.equals("include");
                lettered |= !v.isEmpty() && !v.chars().allMatch(Character::isDigit);
            }
            if (!flags || !lettered) {
                continue; // not a column of marks: reasons, or numbers ("Patients excluded": 0, 1, 2)
            }
            int[] marked = rowsMarked(c, outMark);
            int count = marked[0];
            int first = marked[1];
            if (count > 0) {
                boolean one = count == 1;
                out.add(new Notice("left_out", null, String.format(Locale.ROOT, "%s: column '%s' marks %s as left"
                        + " out ('%s'; first: row %d), but %s analysed like the others: to leave a study out, delete"
                        + " its rows", file, c.name(), Notice.count(count, "row", "rows"), c.get(first).strip(),
                        rowNumbers.get(first), one ? "it was" : "they were")));
            }
        }
        return out;
    }

    /** How many rows of {@code c} hold one of the levels {@code marked}, and the index of the first (-1: none). */
    static int[] rowsMarked(TextColumn c, boolean[] marked) {
        int count = 0;
        int first = -1;
        for (int i = 0; i < c.codes().length; i++) {
            if (marked[c.codes()[i]]) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        return new int[] {count, first};
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
