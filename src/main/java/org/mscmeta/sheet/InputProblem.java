package org.mscmeta.sheet;

/**
 * One problem found in an input sheet, located as a spreadsheet shows it: header = row 1, first data row = 2.
 *
 * @param file     the file's name as given
 * @param row      spreadsheet row number
 * @param column   the column's header as written in the file (or the expected name if it is missing)
 * @param value    the value found ("" when blank)
 * @param expected what was expected instead
 */
public record InputProblem(String file, int row, String column, String value, String expected) {

    /** The row of a problem with the column names of a table in memory, which has no header row. */
    public static final int COLUMN_NAMES = -1;
    /** The row of a problem with the whole file (unreadable, empty, of another type). */
    public static final int WHOLE_FILE = 0;
    /** The column of a problem with a whole row or file. */
    public static final String NO_COLUMN = "-";

    /** One line a user can act on, e.g. {@code trials.csv: row 7, column 'n_msc': found "-3"; expected ...}. */
    public String message() {
        String where = row == COLUMN_NAMES ? ": the column names" : row == WHOLE_FILE ? "" : ": row " + row;
        boolean cell = !NO_COLUMN.equals(column);
        if (cell) {
            where += ", column '" + cut(column) + "'";
        }
        if (row == WHOLE_FILE || !cell && (value == null || value.isEmpty())) {
            return file + where + ": expected " + expected;
        }
        String found = value == null ? "nothing" : value.isEmpty() ? "a blank cell" : quoted(value);
        return file + where + ": found " + found + "; expected " + expected;
    }

    /** The most characters of a value or a column name a message shows (a paragraph pasted into a count cell). */
    static final int SHOWN = 60;

    /** {@code v} in quotes, {@link #cut} with its length said when longer than {@link #SHOWN} characters. */
    private static String quoted(String v) {
        return v.length() <= SHOWN ? "\"" + v + "\"" : "\"" + cut(v) + "\" (" + String.format(java.util.Locale.ROOT,
                "%,d", v.length()) + " characters)";
    }

    /** {@code v}, or its first {@link #SHOWN} characters and "..." (a character in two halves kept whole or left out). */
    private static String cut(String v) {
        if (v.length() <= SHOWN) {
            return v;
        }
        return v.substring(0, Character.isHighSurrogate(v.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN) + "...";
    }
}
