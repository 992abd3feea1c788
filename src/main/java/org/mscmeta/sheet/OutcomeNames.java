package org.mscmeta.sheet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Outcome names as one adverse event: names that differ only in case, spacing or punctuation ("Serious adverse
 * events", "Serious Adverse Events", "serious adverse events.") are one outcome, named as most of its rows name it
 * (the first such name on a tie), with a notice listing the variants and their rows; names one or two letters apart
 * ("Anemia", "Anaemia") are listed in a warning but kept apart, as they may be different events (not those whose
 * letters differ in parts of opposite meaning: "Hypotension", "Hypertension"); and an
 * {@link OutcomeMap} (term to outcome, as examples/outcome_harmonisation.csv) renames terms first. Used by the
 * sheet reader and by the ClinicalTrials.gov import.
 */
public final class OutcomeNames {

    /** Rows named in a notice; more are counted. */
    private static final int ROWS_SHOWN = 5;

    /** Above this many distinct outcomes, near-duplicates are not looked for (every pair is compared). */
    static final int NEAR_MAX_LEVELS = 3000;

    private OutcomeNames() {
    }

    /**
     * The key two names share when they name one outcome: letters and digits only (Unicode-normalised, lower case),
     * words separated by single spaces.
     */
    public static String key(String name) {
        String n = name == null ? "" : name;
        if (!isAscii(n)) {
            n = Normalizer.normalize(n, Normalizer.Form.NFKC); // (its tables are loaded only for text that needs them)
        }
        n = n.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    /**
     * A notice naming the map's terms that are no outcome of the sheet (a misspelt term renames nothing, without
     * this, and a map of another column's terms renames nothing at all).
     */
    private static void unmatchedTerms(List<String> levels, int[] count, int mappedRows, OutcomeMap map,
                                       String file, List<Notice> notices) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int l = 0; l < levels.size(); l++) {
            if (count[l] > 0) {
                present.add(key(levels.get(l)));
            }
        }
        List<OutcomeMap.Term> unmatched = map.termsNotIn(present);
        if (unmatched.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (OutcomeMap.Term t : unmatched.subList(0, Math.min(5, unmatched.size()))) {
            shown.add("'" + t.text() + "'" + (t.row() > 0 ? " (row " + t.row() + ")" : ""));
        }
        String what = unmatched.size() == map.size()
                ? "none of the " + Notice.count(map.size(), "term", "terms") + " of the outcome map " + map.source()
                        + " is an outcome of the sheet, so it renamed nothing"
                : unmatched.size() + " of the " + Notice.count(map.size(), "term", "terms") + " of the outcome map "
                        + map.source() + (unmatched.size() == 1 ? " is not an outcome" : " are not outcomes")
                        + " of the sheet" + (mappedRows == 0 ? ", and it renamed nothing" : "");
        notices.add(new Notice("outcome_map", null, String.format(Locale.ROOT, "%s: %s (the map renames values of the"
                + " column 'outcome'): %s%s", file, what, String.join(", ", shown),
                unmatched.size() > shown.size() ? ", ..." : "")));
    }

    /**
     * The outcome column with variants merged and the map applied.
     *
     * @param outcome the outcome names as read, a code per row
     * @param rowNumber the spreadsheet row of each row, for the notices
     * @param map     terms to rename first (may be {@link OutcomeMap#NONE})
     * @param file    the file's name, for the notices
     * @param notices where the notices go
     */
    public static TextColumn harmonise(TextColumn outcome, int[] rowNumber, OutcomeMap map, String file,
                                       List<Notice> notices) {
        List<String> levels = outcome.levels();
        int[] codes = outcome.codes();
        if (map.size() == 0 && distinctKeys(levels)) {
            // the usual sheet: every name its own outcome, nothing to rename (and no pass over the rows)
            nearDuplicates(outcome, rowNumber, file, notices);
            return outcome;
        }
        int[] count = new int[levels.size()];
        int[] firstRow = new int[levels.size()];
        for (int i = codes.length - 1; i >= 0; i--) {
            count[codes[i]]++;
            firstRow[codes[i]] = i;
        }
        // the map first: each level renamed (or kept)
        String[] renamed = new String[levels.size()];
        int mappedRows = 0;
        List<String> examples = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            String to = map.outcomeFor(levels.get(l));
            renamed[l] = to == null ? levels.get(l) : to;
            if (to != null && !to.equals(levels.get(l))) {
                mappedRows += count[l];
                if (examples.size() < 3) {
                    examples.add("'" + levels.get(l) + "' \u2192 '" + to + "'");
                }
            }
        }
        if (mappedRows > 0) {
            notices.add(new Notice("outcome_map", null, String.format(Locale.ROOT, "%s: %s renamed by the outcome"
                    + " map %s (e.g. %s)", file, Notice.count(mappedRows, "row", "rows"), map.source(),
                    String.join(", ", examples))));
        }
        unmatchedTerms(levels, count, mappedRows, map, file, notices);
        // groups of names with one key, in order of first appearance
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Integer[] order = new Integer[levels.size()];
        for (int l = 0; l < order.length; l++) {
            order[l] = l;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(firstRow[x], firstRow[y]));
        for (int l : order) {
            if (count[l] > 0) {
                byKey.computeIfAbsent(key(renamed[l]), k -> new ArrayList<>()).add(l);
            }
        }
        List<String> outLevels = new ArrayList<>();
        int[] newCode = new int[levels.size()];
        Map<String, Integer> codeOfName = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
            // the name most rows give (a renamed level brings its rows to its new name)
            Map<String, Integer> rowsByName = new LinkedHashMap<>();
            for (int l : e.getValue()) {
                rowsByName.merge(renamed[l], count[l], Integer::sum);
            }
            String name = null;
            int most = -1;
            for (Map.Entry<String, Integer> n : rowsByName.entrySet()) {
                if (n.getValue() > most) {
                    most = n.getValue();
                    name = n.getKey();
                }
            }
            int code = codeOfName.computeIfAbsent(name, n -> {
                outLevels.add(n);
                return outLevels.size() - 1;
            });
            for (int l : e.getValue()) {
                newCode[l] = code;
            }
            if (rowsByName.size() > 1) {
                List<String> variants = new ArrayList<>();
                for (int l : e.getValue()) {
                    if (!renamed[l].equals(name)) {
                        variants.add("'" + renamed[l] + "' (" + rows(codes, l, rowNumber) + ")");
                    }
                }
                notices.add(new Notice("outcome_names", name, String.format(Locale.ROOT, "%s: outcome names that"
                        + " differ only in case, spacing or punctuation are one outcome, '%s': %s", file, name,
                        String.join(", ", variants))));
            }
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = newCode[codes[i]];
        }
        TextColumn merged = new TextColumn(outcome.name(), List.copyOf(outLevels), out);
        nearDuplicates(merged, rowNumber, file, notices);
        return merged;
    }

    /** Whether no two levels share a key (the blank level aside, which is no outcome). */
    private static boolean distinctKeys(List<String> levels) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String l : levels) {
            if (!l.isEmpty() && !seen.add(key(l))) {
                return false;
            }
        }
        return true;
    }

    /** A warning for each pair of outcomes one or two letters apart (not differing only in digits). */
    private static void nearDuplicates(TextColumn outcome, int[] rowNumber, String file, List<Notice> notices) {
        List<String> levels = outcome.levels();
        if (levels.size() > NEAR_MAX_LEVELS) {
            return;
        }
        String[] keys = new String[levels.size()];
        String[] letters = new String[levels.size()];
        int[][] histogram = new int[levels.size()][];
        for (int l = 0; l < keys.length; l++) {
            keys[l] = key(levels.get(l));
            letters[l] = withoutDigits(keys[l]);
            histogram[l] = histogram(keys[l]);
        }
        for (int a = 0; a < keys.length; a++) {
            for (int b = a + 1; b < keys.length; b++) {
                // two edits change the letter counts by at most four: most pairs are ruled out without the distance
                if (keys[a].length() < 4 || keys[b].length() < 4 || Math.abs(keys[a].length() - keys[b].length()) > 2
                        || histogramDistance(histogram[a], histogram[b]) > 4 || letters[a].equals(letters[b])) {
                    continue;
                }
                int d = distance(keys[a], keys[b], 2);
                if (d <= 2 && !opposites(keys[a], keys[b])) {
                    notices.add(new Notice("outcome_names", levels.get(a), String.format(Locale.ROOT, "%s: outcomes"
                            + " '%s' (%s) and '%s' (%s) are %s apart; if they are the same adverse event, give"
                            + " them one name in the sheet or with --outcome-map", file, levels.get(a),
                            rows(outcome.codes(), a, rowNumber), levels.get(b), rows(outcome.codes(), b, rowNumber),
                            d == 1 ? "one letter" : "two letters")));
                }
            }
        }
    }

    /**
     * Word parts of opposite meaning that are one or two letters apart: "Hypokalaemia" and "Hyperkalaemia",
     * "Hypotension" and "Hypertension", "Weight increased" and "Weight decreased" (MedDRA terms), "Microcytic" and
     * "Macrocytic" are different adverse events, not spellings of one.
     */
    private static final String[][] OPPOSITES = {{"hypo", "hyper"}, {"increase", "decrease"}, {"micro", "macro"}};

    /** Whether two keys differ only in parts of opposite meaning ({@link #OPPOSITES}). */
    private static boolean opposites(String a, String b) {
        for (String[] pair : OPPOSITES) {
            if (a.contains(pair[0]) && a.replace(pair[0], pair[1]).equals(b)
                    || b.contains(pair[0]) && b.replace(pair[0], pair[1]).equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Counts of characters in 37 bins (a-z, 0-9, the rest). */
    private static int[] histogram(String s) {
        int[] h = new int[37];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h[c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 36]++;
        }
        return h;
    }

    private static int histogramDistance(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The outcome of {@code levels} that {@code name} names ({@link #key}: "serious adverse events." names "Serious
     * adverse events"), or -1.
     */
    public static int find(String name, List<String> levels) {
        String k = key(name);
        for (int o = 0; o < levels.size(); o++) {
            if (key(levels.get(o)).equals(k)) {
                return o;
            }
        }
        return -1;
    }

    /** Names a message lists before it counts the rest. */
    static final int LISTED = 30;

    /**
     * {@code names} for a message: all of them, or the first {@link #LISTED} and how many more (a registry-scale
     * sheet has hundreds of outcomes).
     */
    public static String listed(List<String> names) {
        return names.size() <= LISTED + 1 ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }

    /**
     * The name of {@code levels} (outcomes, or a sheet's columns) one or two letters from {@code name} as {@link #key}
     * reads them (a typing slip), the closest; or null.
     */
    public static String closest(String name, List<String> levels) {
        String k = key(name);
        String best = null;
        int bestDistance = 3;
        for (String level : levels) {
            int d = distance(k, key(level), 2);
            if (d < bestDistance) {
                best = level;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance of {@code s} and {@code t}, or {@code max + 1} once it exceeds {@code max}. */
    static int distance(String s, String t, int max) {
        int[] prev = new int[t.length() + 1];
        int[] cur = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                best = Math.min(best, cur[j]);
            }
            if (best > max) {
                return max + 1;
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[t.length()];
    }

    /** "rows 3, 7, 12" (at most {@link #ROWS_SHOWN}, then how many in all). */
    private static String rows(int[] codes, int level, int[] rowNumber) {
        List<String> shown = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == level && n++ < ROWS_SHOWN) {
                shown.add(Integer.toString(rowNumber[i]));
            }
        }
        return (n == 1 ? "row " : "rows ") + String.join(", ", shown) + (n > ROWS_SHOWN ? ", ... (" + n + " rows)" : "");
    }
}
