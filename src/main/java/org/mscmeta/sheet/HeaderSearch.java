package org.mscmeta.sheet;

/**
 * Finds a sheet's header among its first {@link #ROWS} rows: the first row that names the required columns, or a
 * row of column names below a row of group names, as a forest plot's header and many extraction sheets have it
 * ("MSC" over "Events" and "Total", "Control" over "Events" and "Total"). Each column is then named by its group and
 * its name ("MSC Events", read as {@code events_msc}), a group standing over the columns to its right up to the next
 * group (a merged cell holds its value in its first cell only), and a column without a name below its group named by
 * the group alone ("Study").
 */
final class HeaderSearch {

    /**
     * The header is looked for in this many first rows (of a delimited file, in its first 16 KB): below a caption or
     * notes, or among the data where a sort of the whole sheet moved it (then the rows above it are refused, as
     * {@link SheetValidator#aboveHeader} says).
     */
    static final int ROWS = 1000;

    /**
     * Where the header is.
     *
     * @param row       the 1-based row of the column names, -1 when none was found
     * @param grouped   whether the row above holds group names
     * @param noOutcome whether the header names every required column but the outcome: a table of one adverse
     *                  event, as a workbook of one sheet per event has it (the event named by the sheet)
     */
    record Found(int row, boolean grouped, boolean noOutcome) {
        static final Found NONE = new Found(-1, false, false);

        Found(int row, boolean grouped) {
            this(row, grouped, false);
        }

        /** Whether a header was found. */
        boolean any() {
            return row > 0;
        }

        /** The 1-based row the header starts on. */
        int first() {
            return grouped ? row - 1 : row;
        }
    }

    private String[] previous;
    private int previousRow;

    /**
     * Looks at the next row, in order ({@code row} 1-based; a row missing from a workbook's file is blank): the
     * header found with it, or {@link Found#NONE}. A header without an outcome column is found too
     * ({@link Found#noOutcome}): a workbook's reader may read the sheet as the table of the event it is named after.
     */
    Found offer(int row, String[] cells) {
        String[] above = row == previousRow + 1 ? previous : null;
        previous = cells;
        previousRow = row;
        String[] grouped = above == null ? null : names(above, cells);
        if (Field.namesRequiredColumns(cells)) {
            return new Found(row, false);
        }
        if (grouped != null && Field.namesRequiredColumns(grouped)) {
            return new Found(row, true);
        }
        if (Field.namesRequiredColumnsButOutcome(cells)) {
            return new Found(row, false, true);
        }
        if (grouped != null && Field.namesRequiredColumnsButOutcome(grouped)) {
            return new Found(row, true, true);
        }
        return Found.NONE;
    }

    /**
     * The header among the first {@link #ROWS} of {@code rows}, read in order: {@code number} gives a row's 1-based
     * number, {@code names} its cells as column names ("" for a cell that names no column, such as a number).
     */
    static <R> Found among(Iterable<R> rows, java.util.function.ToIntFunction<R> number,
                           java.util.function.Function<R, String[]> names) {
        HeaderSearch search = new HeaderSearch();
        for (R r : rows) {
            int row = number.applyAsInt(r);
            if (row > ROWS) {
                break;
            }
            Found found = search.offer(row, names.apply(r));
            if (found.any()) {
                return found;
            }
        }
        return Found.NONE;
    }

    /** The column names of a header of two rows: {@code groups} over {@code names}, as the class describes. */
    static String[] names(String[] groups, String[] names) {
        int n = Math.max(groups.length, names.length);
        String[] out = new String[n];
        String group = "";
        for (int j = 0; j < n; j++) {
            String g = j < groups.length ? Blanks.strip(groups[j]) : "";
            String name = j < names.length ? Blanks.strip(names[j]) : "";
            if (!g.isEmpty()) {
                group = g;
            } else if (name.isEmpty() || j == 0 || Blanks.isBlank(j - 1 < names.length ? names[j - 1] : null)) {
                group = ""; // a group reaches only over named columns next to each other
            }
            out[j] = group.isEmpty() ? name : name.isEmpty() ? group : group + " " + name;
        }
        return out;
    }

    /**
     * The notice that the header is not the sheet's first row, or null when it is: where it is, and how many rows
     * above it were not read.
     *
     * @param where "" or " of sheet 'Data'"
     */
    static String notice(String name, Found header, String where) {
        if (header.first() <= 1 && !header.grouped()) {
            return null;
        }
        String rows = header.grouped() ? "rows " + header.first() + " and " + header.row() + where
                + " (group names above the column names, each column read as its group and name, e.g. 'MSC Events')"
                : "row " + header.row() + where;
        int above = header.first() - 1;
        return name + ": the header is " + rows + (above == 0 ? "" : "; the "
                + Notice.count(above, "row", "rows") + " above it " + (above == 1 ? "was" : "were") + " not read");
    }
}
