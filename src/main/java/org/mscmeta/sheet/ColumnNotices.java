package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notices about columns read as ordinary columns although their values could be what a known column holds
 * (docs/input-format.md, "Columns"): a column named by an alias beside the column of that very name, a column of
 * routes or cell sources under a name mscmeta does not know, and a column of values under a blank header cell.
 * Without them, the analyses by route or cell source would be left out, or run on values as written, without a word.
 */
final class ColumnNotices {

    private final String file;
    private final String[] headers;
    private final List<TextColumn> columns;
    private final Vocabulary vocabulary;

    /**
     * @param file     how notices name the sheet
     * @param headers  the sheet's column names as read
     * @param columns  the sheet's columns, in the order of {@code headers}
     */
    ColumnNotices(String file, String[] headers, List<TextColumn> columns, Vocabulary vocabulary) {
        this.file = file;
        this.headers = headers;
        this.columns = columns;
        this.vocabulary = vocabulary;
    }

    /**
     * A notice for each column named by an alias beside the column of that name, which is read instead ("column
     * 'source' is read as an ordinary column, because 'cell_source' gives cell_source"), unless it is plainly
     * something else: an alias of route or cell source whose values the vocabulary does not know (the example's
     * {@code source} column of URLs beside {@code cell_source}), or a phrase beside the column itself ("Study ID"
     * beside "Study").
     *
     * @param shadowed each such column, the column read instead and the field's ordinal
     */
    List<Notice> shadowed(List<int[]> shadowed) {
        List<Notice> out = new ArrayList<>();
        for (int[] s : shadowed) {
            Field f = Field.values()[s[2]];
            Vocabulary.Kind kind = kind(f);
            if (kind == null && Field.tier(headers[s[0]]) == 2) {
                continue;
            }
            String like = kind == null ? null : hits(s[0], kind).firstAny;
            if (kind != null && like == null) {
                continue;
            }
            out.add(new Notice("columns", null, file + ": column '" + headers[s[0]] + "'"
                    + (like == null ? "" : " (values such as '" + like + "')") + " is read as an ordinary column,"
                    + " because '" + headers[s[1]] + "' gives " + f.canonical()));
        }
        return out;
    }

    /**
     * For a sheet without a route (or cell-source) column, a notice for each column under another name whose values
     * are mostly routes (cell sources) of the vocabulary: it is read as an ordinary column, so without the notice the
     * analyses by route would be left out, or, with {@code --by} naming it, run on its values as written ("IV" and
     * "intravenous" two subgroups).
     *
     * @param fieldColumn the column each known field is read from
     */
    List<Notice> lookalikes(Map<Field, Integer> fieldColumn) {
        List<Notice> out = new ArrayList<>();
        for (Field f : new Field[] {Field.ROUTE, Field.CELL_SOURCE}) {
            if (fieldColumn.containsKey(f)) {
                continue;
            }
            for (int j = 0; j < columns.size(); j++) {
                if (headers[j].isEmpty() || fieldColumn.containsValue(j) || Field.forHeader(headers[j]) != null) {
                    continue;
                }
                Hits h = hits(j, kind(f));
                if (h.mostlyKnown()) {
                    String what = f == Field.ROUTE ? "routes" : "cell sources";
                    out.add(new Notice("columns", null, file + ": column '" + headers[j] + "' holds " + what
                            + " (values such as '" + h.firstKnown + "'), but " + what + " are read from a column"
                            + " named " + f.canonical() + " (or an alias of it: docs/input-format.md), so '"
                            + headers[j] + "' is read as an ordinary column, its values as written: rename it "
                            + f.canonical() + " to pool by " + f.canonical().replace('_', ' ')
                            + ", its values normalised"));
                }
            }
        }
        return out;
    }

    /**
     * A notice for each column without a name in the header row that holds values: it is read as no column, so what
     * was typed there (a route, a control arm's counts under a header left blank) would be left out without a word.
     * Named by the column before it, which a reader finds in any program.
     */
    List<Notice> unnamed() {
        List<Notice> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!headers[j].isEmpty()) {
                continue;
            }
            TextColumn c = columns.get(j);
            boolean[] filled = new boolean[c.levels().size()];
            for (int l = 0; l < filled.length; l++) {
                filled[l] = c.levels().get(l) != null && !c.levels().get(l).isBlank();
            }
            int[] marked = ReviewFlags.rowsMarked(c, filled);
            int rows = marked[0];
            if (rows == 0 || rowIndex(c)) {
                continue; // nothing there, or the row numbers pandas writes in a column of no name
            }
            String before = null;
            for (int i = j - 1; i >= 0 && before == null; i--) {
                before = headers[i].isEmpty() ? null : headers[i];
            }
            String like = null;
            for (Field f : new Field[] {Field.ROUTE, Field.CELL_SOURCE}) {
                if (like == null && hits(j, kind(f)).mostlyKnown()) {
                    like = f.canonical();
                }
            }
            out.add(new Notice("columns", null, file + ": the column " + (before == null ? "first in the sheet"
                    : "after '" + before + "'") + " has no name in the header row but holds values in "
                    + Notice.count(rows, "row", "rows") + " (such as '" + c.get(marked[1]).strip() + "'): it was not"
                    + " used; "
                    + (like == null ? "give it a name to use it (docs/input-format.md)" : "name it " + like
                    + " to pool by it")));
        }
        return out;
    }

    /** Column names of a description of the control arm, as header keys. */
    private static final java.util.Set<String> COMPARATOR = java.util.Set.of("control", "comparator", "control_arm",
            "control_group", "comparison", "control_intervention", "comparator_arm");
    /** Words that name MSCs in a description. */
    private static final java.util.Set<String> MSC = java.util.Set.of("msc", "mscs", "mesenchymal", "stromal", "stem");
    /** Words that deny what follows or precedes them ("without MSC", "no MSC", "MSC-free medium"). */
    private static final java.util.Set<String> DENIAL = java.util.Set.of("no", "non", "not", "without", "free",
            "minus");

    /**
     * A notice for the rows with a control arm whose description (a column {@code control} or {@code comparator})
     * names MSCs without denying them ("low-dose MSC", "BM-MSC 1x10^6/kg"): a trial of two MSC arms (doses, routes)
     * entered as MSC against control compares MSCs with MSCs, and its risk ratio would be pooled as a safety signal
     * of MSCs against control. "Standard care without MSC" and "MSC-free medium" are control arms.
     *
     * @param rowNumbers each row's number as the sheet shows it
     * @param nControl   each row's control participants, negative for a single-arm row
     */
    List<Notice> mscComparators(IntArray rowNumbers, IntArray nControl) {
        List<Notice> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!COMPARATOR.contains(Field.headerKey(headers[j]))) {
                continue;
            }
            TextColumn c = columns.get(j);
            boolean[] msc = new boolean[c.levels().size()];
            for (int l = 0; l < msc.length; l++) {
                List<String> words = List.of(Field.headerKey(c.levels().get(l)).split("_"));
                msc[l] = words.stream().anyMatch(w -> MSC.contains(w) || w.endsWith("msc") || w.endsWith("mscs"))
                        && words.stream().noneMatch(DENIAL::contains);
            }
            List<Integer> rows = new ArrayList<>();
            int first = -1;
            for (int i = 0; i < c.codes().length; i++) {
                if (msc[c.codes()[i]] && nControl.get(i) >= 0) {
                    rows.add(rowNumbers.get(i));
                    first = first < 0 ? i : first;
                }
            }
            if (!rows.isEmpty()) {
                out.add(new Notice("control_arm", null, file + ": column '" + headers[j] + "' describes the control"
                        + " arm of " + Notice.count(rows.size(), "row", "rows") + " as MSCs ('" + c.get(first).strip()
                        + "'; " + Notice.rows(rows, 5) + "):"
                        + " a trial of two MSC arms (doses, routes) compares MSCs with MSCs, not with a control; if"
                        + " so, leave its control columns blank (a single-arm trial) or leave the trial out"));
            }
        }
        return out;
    }

    /** Whether every row holds its own index, from 0 or from 1 (a data frame's row labels). */
    private static boolean rowIndex(TextColumn c) {
        int[] codes = c.codes();
        for (int from = 0; from <= 1; from++) {
            boolean all = codes.length > 0;
            for (int i = 0; i < codes.length && all; i++) {
                all = c.levels().get(codes[i]).strip().equals(Integer.toString(i + from));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static Vocabulary.Kind kind(Field f) {
        return f == Field.ROUTE ? Vocabulary.Kind.ROUTE : f == Field.CELL_SOURCE ? Vocabulary.Kind.CELL_SOURCE : null;
    }

    /**
     * What the vocabulary makes of a column's distinct values that are not blank: how many there are, how many name
     * a route (cell source) it knows, the first of those, and the first it knows or reads as "other".
     */
    private record Hits(int values, int known, String firstKnown, String firstAny) {
        /** Whether most of the values name a route (cell source) the vocabulary knows. */
        boolean mostlyKnown() {
            return known > 0 && 2 * known > values;
        }
    }

    private Hits hits(int column, Vocabulary.Kind kind) {
        int values = 0;
        int known = 0;
        String firstKnown = null;
        String firstAny = null;
        for (String v : columns.get(column).levels()) {
            if (v == null || v.isBlank()) {
                continue;
            }
            values++;
            String hit = vocabulary.normalise(kind, v);
            boolean names = hit != null && Vocabulary.namesOne(hit);
            if (names) {
                known++;
                firstKnown = firstKnown == null ? v.strip() : firstKnown;
            }
            if (firstAny == null && (names || Vocabulary.OTHER.equals(hit))) {
                firstAny = v.strip();
            }
        }
        return new Hits(values, known, firstKnown, firstAny);
    }
}
