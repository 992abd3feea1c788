package org.mscmeta.sheet;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * @param fieldColumns  for each known field present, the index of its column in {@code columns}
 * @param notices       notices raised while reading (unknown vocabulary values, ...)
 */
public record ExtractionSheet(String file, int[] rowNumber, int[] eventsMsc, int[] nMsc, int[] eventsControl,
                              int[] nControl, TextColumn study, TextColumn outcome, int[] year,
                              TextColumn route, TextColumn cellSource, List<TextColumn> columns,
                              Map<Field, Integer> fieldColumns, List<Notice> notices) {

    static {
        // every use of the library makes a sheet first: SLF4J (Tablesaw's logging) chosen before a caller's Tablesaw
        // use would print its "no providers" warning, where the program has no provider (QuietLogging)
        org.mscmeta.files.QuietLogging.forSlf4j();
    }

    public ExtractionSheet {
        fieldColumns = Map.copyOf(fieldColumns);
    }

    /** A builder of a sheet in code, whose problems name the sheet {@code name} ({@link SheetBuilder}). */
    public static SheetBuilder builder(String name) {
        return SheetBuilder.named(name);
    }

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
     * A column usable as a subgroup variable. A name equal to a header gives that column; otherwise a known
     * field's name or alias gives the field's column. Route and cell source give the normalised values.
     *
     * @return the column, or null when the sheet has none of that name
     */
    public TextColumn subgroupColumn(String name) {
        int index = columnIndex(name);
        if (index < 0) {
            return null;
        }
        if (Integer.valueOf(index).equals(fieldColumns.get(Field.ROUTE))) {
            return route;
        }
        if (Integer.valueOf(index).equals(fieldColumns.get(Field.CELL_SOURCE))) {
            return cellSource;
        }
        return columns.get(index);
    }

    /**
     * Whether {@code name} (as {@link #subgroupColumn} finds it: the header, or a name of the field) is the column
     * that names each row's outcome, by which every analysis is already split.
     */
    public boolean isOutcomeColumn(String name) {
        int index = columnIndex(name);
        return index >= 0 && Integer.valueOf(index).equals(fieldColumns.get(Field.OUTCOME));
    }

    /** Whether {@code a} and {@code b} name the same column of the sheet (as {@link #subgroupColumn} finds them). */
    public boolean sameColumn(String a, String b) {
        int i = columnIndex(a);
        return i >= 0 && i == columnIndex(b);
    }

    /**
     * The headers of the columns {@code name} names by their header, as the sheet writes them, when it names more than
     * one ("dose" over two columns): {@link #subgroupColumn} would take the first of them. Else an empty list.
     */
    public List<String> columnsNamed(String name) {
        String key = Field.headerKey(name);
        List<String> named = new java.util.ArrayList<>();
        for (TextColumn c : columns) {
            if (Field.headerKey(c.name()).equals(key)) {
                named.add(c.name());
            }
        }
        return named.size() > 1 ? List.copyOf(named) : List.of();
    }

    /** The position of the column {@code name} names (its header, else a name of its field), or -1. */
    private int columnIndex(String name) {
        String key = Field.headerKey(name);
        for (int j = 0; j < columns.size(); j++) {
            if (Field.headerKey(columns.get(j).name()).equals(key)) {
                return j;
            }
        }
        Field f = Field.forHeader(name);
        Integer j = f == null ? null : fieldColumns.get(f);
        return j == null ? -1 : j;
    }

    /** True when the sheet has the column (under its name or an alias). */
    public boolean hasColumn(Field field) {
        return fieldColumns.containsKey(field);
    }

    /** True when the column exists and at least one row has a non-blank value in it. */
    public boolean hasValues(Field field) {
        TextColumn c = raw(field);
        if (c != null) {
            for (String level : c.levels()) {
                if (!level.isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The raw column for a field, or null. */
    public TextColumn raw(Field field) {
        Integer j = fieldColumns.get(field);
        return j == null ? null : columns.get(j);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExtractionSheet[%s, %d rows, %d columns]", file, size(), columns.size());
    }
}
