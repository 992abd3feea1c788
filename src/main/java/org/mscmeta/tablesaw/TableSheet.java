package org.mscmeta.tablesaw;

import java.util.AbstractList;
import java.util.List;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.InvalidInputException;
import org.mscmeta.sheet.SheetBuilder;
import org.mscmeta.sheet.SheetReader;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An extraction sheet from a Tablesaw {@link Table}: its column names are the header (the same names and aliases as
 * a file's), each row one trial arm pair and outcome. Validated as a file is, with the same rules and messages;
 * problems name the row by its index in the table (from 0) and the column.
 *
 * <pre>{@code
 * Table trials = Table.read().csv("trials.csv");
 * ExtractionSheet sheet = TableSheet.read(trials);
 * }</pre>
 *
 * <p>Counts may be integer or floating-point columns holding whole numbers; a missing value is a blank cell (a
 * single-arm study leaves both control columns missing).
 */
public final class TableSheet {

    static {
        org.mscmeta.files.QuietLogging.forSlf4j(); // before Tablesaw's first class: no SLF4J warning
    }

    private TableSheet() {
    }

    /** Validates {@code table} with the built-in route and cell-source vocabulary. */
    public static ExtractionSheet read(Table table) throws InvalidInputException {
        return read(table, SheetReader.withBuiltInVocabulary());
    }

    /** Validates {@code table} with a reader's vocabulary and outcome map. */
    public static ExtractionSheet read(Table table, SheetReader reader) throws InvalidInputException {
        List<Column<?>> columns = table.columns();
        String[] names = new String[columns.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = columns.get(j).name();
        }
        String name = table.name() == null || table.name().isBlank() ? "the table" : "table '" + table.name() + "'";
        List<String[]> rows = new AbstractList<>() {
            @Override
            public String[] get(int i) {
                String[] cells = new String[columns.size()];
                for (int j = 0; j < cells.length; j++) {
                    cells[j] = text(columns.get(j), i);
                }
                return cells;
            }

            @Override
            public int size() {
                return table.rowCount();
            }
        };
        return reader.read(name, names, rows);
    }

    /** A cell as a sheet would hold it: numbers without exponent or trailing zeros, a missing value blank. */
    private static String text(Column<?> c, int i) {
        if (c.isMissing(i)) {
            return "";
        }
        if (c instanceof NumericColumn<?> n) {
            return SheetBuilder.plain(n.getDouble(i));
        }
        return c.getUnformattedString(i);
    }
}
