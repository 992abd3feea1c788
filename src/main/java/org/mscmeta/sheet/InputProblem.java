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

    /** One line a user can act on, e.g. {@code trials.csv: row 7, column 'n_msc': found "-3"; expected ...}. */
    public String message() {
        String found = value == null ? "nothing" : value.isEmpty() ? "a blank cell" : "\"" + value + "\"";
        return file + (row == COLUMN_NAMES ? ": the column names" : ": row " + row) + ", column '" + column + "': found " + found + "; expected " + expected;
    }
}
