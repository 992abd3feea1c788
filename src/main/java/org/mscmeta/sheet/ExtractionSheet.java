package org.mscmeta.sheet;

import java.util.List;
import java.util.Locale;

/**
 * A validated extraction sheet, column-wise: counts in primitive arrays, text dictionary-encoded.
 * Row index {@code i} is the i-th data row; {@code rowNumber[i]} is its number as a spreadsheet shows it.
 *
 * @param file          the file's name as given
 * @param rowNumber     spreadsheet row number of each data row (header = 1)
 * @param eventsMsc     participants with the event in the MSC arm
 * @param nMsc          participants at risk in the MSC arm
 * @param eventsControl participants with the event in the control arm; -1 for a single-arm study
 * @param nControl      participants at risk in the control arm; -1 for a single-arm study
 * @param study         study labels
 * @param outcome       outcome names
 * @param year          publication year, or {@link #NO_YEAR}
 * @param route         normalised route ({@link Vocabulary#NOT_REPORTED} when blank)
 * @param cellSource    normalised cell source
 * @param columns       every column of the sheet as read, in header order (raw text)
 * @param notices       notices raised while reading (unknown vocabulary values, ...)
 */
public record ExtractionSheet(String file, int[] rowNumber, int[] eventsMsc, int[] nMsc, int[] eventsControl,
                              int[] nControl, TextColumn study, TextColumn outcome, int[] year,
                              TextColumn route, TextColumn cellSource, List<TextColumn> columns,
                              List<Notice> notices) {

    /** Marks a missing year. */
    public static final int NO_YEAR = Integer.MIN_VALUE;

    /** Number of data rows. */
    public int size() {
        return rowNumber.length;
    }

    /** True when row {@code i} has no control arm. */
    public boolean isSingleArm(int i) {
        return nControl[i] < 0;
    }

    /**
     * A column usable as a subgroup variable: {@code route} and {@code cell_source} (and their aliases) give the
     * normalised values; any other name is matched against the headers case-insensitively.
     *
     * @return the column, or null when the sheet has none of that name
     */
    public TextColumn subgroupColumn(String name) {
        Field f = Field.forHeader(name);
        if (f == Field.ROUTE) {
            return hasColumn(Field.ROUTE) ? route : null;
        }
        if (f == Field.CELL_SOURCE) {
            return hasColumn(Field.CELL_SOURCE) ? cellSource : null;
        }
        String key = Field.headerKey(name);
        for (TextColumn c : columns) {
            if (Field.headerKey(c.name()).equals(key) || (f != null && f == Field.forHeader(c.name()))) {
                return c;
            }
        }
        return null;
    }

    /** True when the sheet has the column (under its name or an alias). */
    public boolean hasColumn(Field field) {
        for (TextColumn c : columns) {
            if (Field.forHeader(c.name()) == field) {
                return true;
            }
        }
        return false;
    }

    /** True when the column exists and at least one row has a non-blank value in it. */
    public boolean hasValues(Field field) {
        for (TextColumn c : columns) {
            if (Field.forHeader(c.name()) == field) {
                for (String level : c.levels()) {
                    if (!level.isBlank()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The raw column for a field, or null. */
    public TextColumn raw(Field field) {
        for (TextColumn c : columns) {
            if (Field.forHeader(c.name()) == field) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExtractionSheet[%s, %d rows, %d columns]", file, size(), columns.size());
    }
}
