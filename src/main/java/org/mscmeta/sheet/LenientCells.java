package org.mscmeta.sheet;

import java.util.List;
import java.util.Locale;

/**
 * The cells a sheet's reading accepted in a form other than the one it asks for, read as what they say (a count
 * written with its percentage, a year typed into a date cell, a decimal comma), tallied by kind with the place of the
 * first, and the notice of each kind that says so: a reader is told what was read leniently, once per kind and file,
 * not once per cell. The validator decides what is read so; this class only counts and words it.
 */
final class LenientCells {

    /** A kind of cell read leniently, in the order its notice is given. */
    enum Kind {
        /** "NA", "N/A", "-": a mark of a value not reported, read as an empty cell. */
        MISSING,
        /** "6 (28.6%)": events written with the arm's percentage, read as the count. */
        PERCENTAGE,
        /** A year typed into a cell formatted as a date ({@link CellHint#yearShownAsDate}). */
        YEAR_AS_DATE,
        /** "1,5": a number with a decimal comma. */
        DECIMAL_COMMA,
        /** A label with a line break, tab or another control character, read with a space for it. */
        CONTROL,
        /** A dose that is no number, left blank (counted by row). */
        DOSE
    }

    private final String file;
    private final int[] count = new int[Kind.values().length];
    private final String[] first = new String[Kind.values().length];

    LenientCells(String file) {
        this.file = file;
    }

    /**
     * Counts one cell (or row) of {@code kind}; true when it is the first, whose place the caller then gives with
     * {@link #first} (composed only once, off the path of every other cell).
     */
    boolean count(Kind kind) {
        return count[kind.ordinal()]++ == 0;
    }

    /** The first cell of {@code kind}, as the notice names it ("'6 (28.6%)' in row 4, column 'events_msc'"). */
    void first(Kind kind, String place) {
        first[kind.ordinal()] = place;
    }

    /** The notices of the kinds {@code kinds} that were met, in that order. */
    void notices(List<Notice> out, Kind... kinds) {
        for (Kind k : kinds) {
            int n = count[k.ordinal()];
            if (n > 0) {
                out.add(notice(k, n, first[k.ordinal()]));
            }
        }
    }

    private Notice notice(Kind k, int n, String first) {
        String cells = Notice.count(n, "cell", "cells");
        String were = n == 1 ? "was" : "were";
        return switch (k) {
            case MISSING -> new Notice("missing_values", null, String.format(Locale.ROOT, "%s: %s holding 'NA', 'N/A',"
                    + " '-' or a similar mark of a value not reported %s read as empty (first: %s)", file, cells, were,
                    first));
            case PERCENTAGE -> new Notice("count_with_percentage", null, String.format(Locale.ROOT, "%s: %s of events"
                    + " written with the percentage of the arm, as a paper's table gives them, %s read as the count"
                    + " alone, each percentage checked against the arm's total (first: %s)", file, cells, were, first));
            case YEAR_AS_DATE -> new Notice("year_as_date", null, String.format(Locale.ROOT, "%s: %s of the year"
                    + " column %s, so that a year typed into one shows as %s; %s read as the year typed (first: %s);"
                    + " formatting the column as numbers shows %s", file, cells, n == 1 ? "is formatted as a date"
                    : "are formatted as dates", CellHint.yearShownAsDateExample(first.substring(1)), n == 1 ? "it was"
                    : "they were", first, n == 1 ? "it as a year" : "them as years"));
            case DECIMAL_COMMA -> new Notice("decimal_comma", null, String.format(Locale.ROOT, "%s: %s written with a"
                    + " decimal comma %s read as decimals (first: %s)", file, Notice.count(n, "number", "numbers"),
                    were, first));
            case CONTROL -> new Notice("control_characters", null, String.format(Locale.ROOT, "%s: %s held a line"
                    + " break, a tab or another control character, read as a space (first: %s)", file, cells, first));
            case DOSE -> new Notice("dose", null, file + ": " + Notice.count(n, "row has", "rows have") + " a dose"
                    + " that is not a number (first: " + first + "); dose is left blank there");
        };
    }
}
