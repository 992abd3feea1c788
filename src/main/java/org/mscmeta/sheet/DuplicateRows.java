package org.mscmeta.sheet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One row per study and outcome (docs/input-format.md): two rows of one study, year, trial id and outcome are the
 * same study entered twice, which would be pooled twice. Study labels are compared as a reader compares them
 * ({@link Blanks#studyKey}: case, spacing, punctuation and "et al." aside), trial ids and outcomes ignoring case and
 * spacing ({@link Blanks#labelKey}).
 *
 * <p>The rows' keys are numbers built from the columns' codes, so that a sheet of a million rows is checked without a
 * string per row; only the rare sheet with duplicates is walked in row order for the messages.
 */
final class DuplicateRows {

    /** Where the check records a problem: the row as the sheet numbers it, its column, value and what was wanted. */
    interface Problems {
        void add(int row, String column, String value, String expected);
    }

    private final int[] rowNumbers;
    private final TextColumn study;
    private final TextColumn outcome;
    private final TextColumn written;
    private final OutcomeMap outcomeMap;
    private final String studyHeader;
    private final Problems problems;

    /**
     * @param rowNumbers each row's number as the sheet shows it
     * @param outcome    the outcomes as pooled (variants merged, terms mapped); {@code written}: as written
     * @param studyHeader the study column's header, as problems name it
     */
    private DuplicateRows(int[] rowNumbers, TextColumn study, TextColumn outcome, TextColumn written,
                          OutcomeMap outcomeMap, String studyHeader, Problems problems) {
        this.rowNumbers = rowNumbers;
        this.study = study;
        this.outcome = outcome;
        this.written = written;
        this.outcomeMap = outcomeMap;
        this.studyHeader = studyHeader;
        this.problems = problems;
    }

    /**
     * Records a problem for each row that repeats an earlier row's study, year, trial id and outcome, and for each row
     * without a year beside a row of the same study, trial id and outcome with one. {@code year} and {@code trial}
     * are null when the sheet has no such column. Returns whether any was found.
     */
    static boolean check(int[] rowNumbers, TextColumn study, TextColumn outcome, TextColumn written, TextColumn year,
                         TextColumn trial, OutcomeMap outcomeMap, String studyHeader, Problems problems) {
        return new DuplicateRows(rowNumbers, study, outcome, written, outcomeMap, studyHeader, problems)
                .check(year, trial);
    }

    private boolean check(TextColumn year, TextColumn trial) {
        int n = rowNumbers.length;
        int[] s = labelIds(study, Blanks::studyKey);
        int[] o = labelIds(outcome, Blanks::labelKey);
        int[] y = year == null ? new int[n] : year.codes();
        int[] t = trial == null ? new int[n] : labelIds(trial, Blanks::labelKey);
        long[] key = rowKeys(s, y, t, o, false);
        boolean[] blankStudy = blankLevels(study);
        boolean[] blankOutcome = blankLevels(outcome);
        for (int i = 0; i < n; i++) {
            if (blankStudy[study.codes()[i]] || blankOutcome[outcome.codes()[i]]) {
                key[i] = -1 - i; // a row without study or outcome has its own problem, not a duplicate
            }
        }
        boolean found = year != null && yearless(s, y, t, o, blankLevels(year), key);
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        boolean any = false;
        for (int i = 1; i < n && !any; i++) {
            any = sorted[i] == sorted[i - 1];
        }
        if (!any) {
            return found;
        }
        Map<Long, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer first = key[i] < 0 ? null : firstIndex.putIfAbsent(key[i], i);
            if (first != null) {
                problems.add(rowNumbers[i], studyHeader, study.get(i), "one row per study and outcome, but row "
                        + rowNumbers[first] + " has the same study, year, trial_id and outcome ('" + outcome.get(i)
                        + "'" + oneOutcome(written.get(first), written.get(i), rowNumbers[first]) + ")"
                        + (study.get(first).equals(study.get(i)) ? "" : "; row " + rowNumbers[first]
                        + " writes the study '" + study.get(first) + "': labels that differ only in case, spacing,"
                        + " punctuation or 'et al.' name one study"));
            }
        }
        return true;
    }

    /**
     * Two rows of one study and outcome, one with a year and one without: the year tells apart two studies of one
     * label, but a row without it cannot be told from the other, and is most likely the same study entered twice (a
     * pasted copy, its year left out), which would be pooled twice. Looked for only where a year is blank.
     */
    private boolean yearless(int[] s, int[] y, int[] t, int[] o, boolean[] blankYear, long[] key) {
        int n = y.length;
        boolean anyBlank = false;
        for (int i = 0; i < n && !anyBlank; i++) {
            anyBlank = blankYear[y[i]];
        }
        if (!anyBlank) {
            return false;
        }
        long[] yearless = rowKeys(s, new int[n], t, o, false);
        Map<Long, Integer> firstDated = new HashMap<>();
        Map<Long, Integer> firstBlank = new HashMap<>();
        boolean found = false;
        for (int i = 0; i < n; i++) {
            if (key[i] < 0) {
                continue; // no study or outcome: its own problem
            }
            boolean blank = blankYear[y[i]];
            Integer other = blank ? firstDated.get(yearless[i]) : firstBlank.get(yearless[i]);
            if (other != null) {
                found = true;
                problems.add(rowNumbers[i], studyHeader, study.get(i), "one row per study and outcome, but row "
                        + rowNumbers[other] + " has the same study, trial_id and outcome ('" + outcome.get(i)
                        + "') and one of the two gives no year: the same study entered twice? If they are two"
                        + " studies, give each its year");
            }
            (blank ? firstBlank : firstDated).putIfAbsent(yearless[i], i);
        }
        return found;
    }

    /**
     * Why two rows' outcomes written apart ({@code a} in row {@code rowA}, {@code b} in this one) are one outcome, or
     * "" when they were written alike: the outcome map renamed one, or the names differ only in case, spacing or
     * punctuation ({@link OutcomeNames}). A duplicate named only by the merged name sent the reader looking for it.
     */
    private String oneOutcome(String a, String b, int rowA) {
        if (a.equals(b)) {
            return "";
        }
        boolean mapped = outcomeMap.outcomeFor(a) != null || outcomeMap.outcomeFor(b) != null;
        return ": row " + rowA + "'s '" + a + "' and this row's '" + b + "' are one outcome, " + (mapped
                ? "by the outcome map" + (outcomeMap.source().startsWith("(") ? "" : " " + outcomeMap.source())
                : "as names that differ only in case, spacing or punctuation");
    }

    /**
     * One number per row that is equal for two rows exactly when their four ids are: the ids as the digits of a
     * mixed-radix number when that fits in a long (and {@code ranked} is false), else each prefix replaced by its
     * rank among the distinct prefixes.
     */
    static long[] rowKeys(int[] s, int[] y, int[] t, int[] o, boolean ranked) {
        int n = s.length;
        long ny = 1 + max(y);
        long nt = 1 + max(t);
        long no = 1 + max(o);
        long[] key = new long[n];
        if (!ranked && (double) (1 + max(s)) * ny * nt * no < 0x1p62) {
            for (int i = 0; i < n; i++) {
                key[i] = ((s[i] * ny + y[i]) * nt + t[i]) * no + o[i];
            }
            return key;
        }
        for (int i = 0; i < n; i++) {
            key[i] = (long) s[i] * n + y[i];
        }
        int[] rank = denseRank(key);
        for (int i = 0; i < n; i++) {
            key[i] = (long) rank[i] * n + t[i];
        }
        rank = denseRank(key);
        for (int i = 0; i < n; i++) {
            key[i] = (long) rank[i] * n + o[i];
        }
        return key;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static boolean[] blankLevels(TextColumn c) {
        boolean[] blank = new boolean[c.levels().size()];
        for (int l = 0; l < blank.length; l++) {
            blank[l] = c.levels().get(l).isEmpty();
        }
        return blank;
    }

    /** Per row, an id of the label as a reader compares labels ({@code key}: {@link Blanks#labelKey} or studyKey). */
    private static int[] labelIds(TextColumn c, java.util.function.UnaryOperator<String> key) {
        Map<String, Integer> ids = new HashMap<>();
        int[] levelId = new int[c.levels().size()];
        for (int l = 0; l < levelId.length; l++) {
            levelId[l] = ids.computeIfAbsent(key.apply(c.levels().get(l)), v -> ids.size());
        }
        int[] codes = c.codes();
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = levelId[codes[i]];
        }
        return out;
    }

    /** Each key replaced by its rank among the distinct keys (0 .. distinct - 1). */
    private static int[] denseRank(long[] keys) {
        long[] distinct = keys.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        int[] rank = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rank[i] = Arrays.binarySearch(distinct, 0, m, keys[i]);
        }
        return rank;
    }
}
