package org.mscmeta.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An extraction sheet built in code, row by row, with typed values, validated as a file is
 * ({@link SheetValidator}: the same rules and the same messages). Rows are numbered by their index from 0, in
 * the order they were added, and every problem names its row index and column.
 *
 * <pre>{@code
 * SheetBuilder b = ExtractionSheet.builder("my trials");
 * b.row().study("Lee 2004").year(2004).outcome("Death").msc(2, 30).control(3, 31)
 *         .route("intravenous").cellSource("bone marrow");
 * b.row().study("Hare 2009").year(2009).outcome("Death").msc(0, 39).control(1, 21)
 *         .route("intravenous").cellSource("bone marrow");
 * ExtractionSheet sheet = b.build();   // or InvalidInputException listing every problem
 * }</pre>
 *
 * <p>Counts are {@code int}s; a row without {@link Row#control} is a single-arm study. Columns other than the
 * known ones ({@link Field}), such as a numeric moderator or {@code organ_system}, are set with
 * {@link Row#set(String, String)} or {@link Row#set(String, Number)}.
 */
public final class SheetBuilder {

    private final String name;
    private Vocabulary vocabulary = Vocabulary.builtIn();
    private OutcomeMap outcomeMap = OutcomeMap.NONE;
    private final List<Row> rows = new ArrayList<>();

    private SheetBuilder(String name) {
        this.name = name == null || name.isBlank() ? "the sheet built in code" : "sheet '" + name + "'";
    }

    /** A builder whose problems name the sheet {@code name}: "sheet 'my trials': row 3, column 'n_msc': ...". */
    public static SheetBuilder named(String name) {
        return new SheetBuilder(name);
    }

    /** Route and cell-source vocabulary other than the built-in one. */
    public SheetBuilder vocabulary(Vocabulary v) {
        this.vocabulary = v;
        return this;
    }

    /** An outcome harmonisation table, as {@code --outcome-map}. */
    public SheetBuilder outcomeMap(OutcomeMap map) {
        this.outcomeMap = map == null ? OutcomeMap.NONE : map;
        return this;
    }

    /** Appends a row (index {@code rowCount()} before the call) and returns it to be filled in. */
    public Row row() {
        Row r = new Row();
        rows.add(r);
        return r;
    }

    /** Rows added so far. */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Validates the rows and returns the sheet.
     *
     * @throws InvalidInputException listing every problem, each with its row index and column
     */
    public ExtractionSheet build() throws InvalidInputException {
        List<String> columns = new ArrayList<>();
        for (Field f : Field.values()) {
            // a required column nobody set is named in the problems, as it is for a file
            if (f.required() || rows.stream().anyMatch(r -> r.known.containsKey(f))) {
                columns.add(f.canonical());
            }
        }
        List<String> extra = new ArrayList<>();
        for (Row r : rows) {
            for (String c : r.other.keySet()) {
                if (!extra.contains(c)) {
                    extra.add(c);
                }
            }
        }
        columns.addAll(extra);
        int knownColumns = columns.size() - extra.size();
        List<String[]> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String[] row = new String[columns.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = j < knownColumns ? r.known.get(Field.forHeader(columns.get(j))) : r.other.get(columns.get(j));
            }
            cells.add(row);
        }
        return new SheetReader(vocabulary, outcomeMap).read(name, columns.toArray(new String[0]), cells);
    }

    /** One row of the sheet; every setter returns the row. A value set twice keeps the last. */
    public final class Row {

        private final Map<Field, String> known = new EnumMap<>(Field.class);
        private final Map<String, String> other = new LinkedHashMap<>();

        private Row() {
        }

        private Row put(Field f, String value) {
            known.put(f, value);
            return this;
        }

        /** The study label, e.g. "Lee 2004". */
        public Row study(String label) {
            return put(Field.STUDY, label);
        }

        /** The publication year. */
        public Row year(int year) {
            return put(Field.YEAR, Integer.toString(year));
        }

        /** The trial's registration, e.g. "NCT01234567". */
        public Row trialId(String id) {
            return put(Field.TRIAL_ID, id);
        }

        /** The condition treated. */
        public Row condition(String condition) {
            return put(Field.CONDITION, condition);
        }

        /** The tissue the cells come from, e.g. "bone marrow", "umbilical cord" ({@link Vocabulary}). */
        public Row cellSource(String source) {
            return put(Field.CELL_SOURCE, source);
        }

        /** "autologous" or "allogeneic". */
        public Row donor(String donor) {
            return put(Field.DONOR, donor);
        }

        /** The administration route, e.g. "intravenous", "intrathecal" ({@link Vocabulary}). */
        public Row route(String route) {
            return put(Field.ROUTE, route);
        }

        /** The dose in cells per kilogram. */
        public Row dose(double cellsPerKg) {
            return put(Field.DOSE, plain(cellsPerKg));
        }

        /** The adverse-event outcome, e.g. "Death". */
        public Row outcome(String outcome) {
            return put(Field.OUTCOME, outcome);
        }

        /** The MSC arm: participants with the event, and participants at risk. */
        public Row msc(int events, int total) {
            put(Field.EVENTS_MSC, Integer.toString(events));
            return put(Field.N_MSC, Integer.toString(total));
        }

        /** The control arm: participants with the event, and participants at risk. Not called: a single-arm study. */
        public Row control(int events, int total) {
            put(Field.EVENTS_CONTROL, Integer.toString(events));
            return put(Field.N_CONTROL, Integer.toString(total));
        }

        /**
         * Any column by its header, e.g. {@code set("organ_system", "Cardiac disorders")}; a known column's name or
         * alias sets that column. A null value leaves the cell blank.
         */
        public Row set(String column, String value) {
            Field f = Field.forHeader(column);
            if (f != null) {
                return put(f, value);
            }
            other.put(column, value);
            return this;
        }

        /** A numeric column by its header, e.g. a moderator: {@code set("dose_millions", 2.5)}. */
        public Row set(String column, Number value) {
            return set(column, value == null ? null : value instanceof Double || value instanceof Float
                    ? plain(value.doubleValue()) : value.toString());
        }
    }

    /** A number as a sheet's cell holds it: no exponent, no trailing zeros ("2.5", "10000000"); not finite: blank. */
    public static String plain(double d) {
        if (!Double.isFinite(d)) {
            return "";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
