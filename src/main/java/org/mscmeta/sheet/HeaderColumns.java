package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An extraction sheet's header row mapped to the fields it names (docs/input-format.md): the column of each field,
 * found by its name first, then by an alias, then by a phrase sheets use ("Route of administration"), a firmer name
 * winning; arm columns that hold events and total in one cell ({@link ArmCells}) split in two; a sheet of one row per
 * arm ({@link ArmRows}) and the lowercase n of "n/N" recognised. What is wrong with the header (a required column
 * missing, two columns for one field, a row of data where the names should be) is listed as problems of the header
 * row, in the order the validator reports them; the values under the columns are not looked at here.
 *
 * @param armCells   arm columns of events and total in one cell, or null
 * @param armRows    the arm column and the arm's counts of a sheet of one row per arm, or null
 * @param headers    the column names as read (stripped, control characters as spaces), after any split
 * @param fieldColumn the column of each field the header names
 * @param shadowed   columns named by an alias beside the column of that very name (column, that column, field
 *                   ordinal): said once their values are known
 * @param notices    how columns were read (split cells, n of n/N)
 * @param problems   what is wrong with the header
 */
record HeaderColumns(ArmCells armCells, ArmRows armRows, String[] headers, Map<Field, Integer> fieldColumn,
                     List<int[]> shadowed, List<Notice> notices, List<Problem> problems) {

    /** A problem of the header row: its column, the value found (or null) and what was expected. */
    record Problem(String column, String value, String expected) {
    }

    /** The header {@code cells} of {@code file}, row {@code headerRow} of the sheet. */
    static HeaderColumns of(String file, int headerRow, String[] cells) {
        List<Notice> notices = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ArmCells armCells = ArmCells.of(cells);
        Field[] split = new Field[cells.length];
        if (armCells != null) {
            split = armCells.fields();
            cells = armCells.header();
            notices.add(armCells.notice(file));
        }
        ArmRows armRows = ArmRows.of(cells);
        if (armRows != null) {
            // each row an arm, validated as one under the sheet's own names, then paired (SheetValidator.finish)
            split[armRows.events()] = Field.EVENTS_MSC;
            split[armRows.total()] = Field.N_MSC;
        }
        Map<Integer, Field> ns = Phrases.lowercaseNs(cells);
        List<String> nNames = new ArrayList<>();
        for (int j = 0; j < cells.length; j++) {
            if (ns.containsKey(j) && split[j] == null) {
                split[j] = ns.get(j); // "MSC n" beside "MSC N" or "MSC total": the arm's events, as n/N
                nNames.add("'" + Blanks.strip(cells[j]) + "'");
            }
        }
        if (!nNames.isEmpty()) {
            notices.add(new Notice("columns", null, file + ": " + (nNames.size() == 1 ? "column " : "columns ")
                    + String.join(" and ", nNames) + (nNames.size() == 1 ? " was" : " were") + " read as the"
                    + " participants with the event, beside the column of the arm's participants (n/N, as papers"
                    + " write them)"));
        }
        String[] headers = new String[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String h = Blanks.strip(cells[j]);
            // "Events\n(MSC)", wrapped in its cell, is named on one line
            headers[j] = Blanks.hasControl(h) ? Blanks.controlsAsSpaces(h) : h;
        }
        Map<Field, Integer> fieldColumn = new EnumMap<>(Field.class);
        List<int[]> shadowed = new ArrayList<>();
        // exact names first, so that e.g. a 'source' column (an alias of cell_source) beside a 'cell_source'
        // column stays an ordinary column instead of clashing with it
        for (int j = 0; j < headers.length; j++) {
            if (split[j] != null) {
                fieldColumn.put(split[j], j); // an arm's events or total, split from one cell (ArmCells), or n of n/N
            }
        }
        for (int j = 0; j < headers.length; j++) {
            Field f = split[j] != null ? null : Field.forHeader(headers[j]);
            if (f != null && f.canonical().equals(Field.headerKey(headers[j]))) {
                Integer previous = fieldColumn.putIfAbsent(f, j);
                if (previous != null) {
                    problems.add(new Problem(headers[j], headers[j], "one column named " + f.canonical()
                            + ", but column " + (previous + 1) + " has the same name"));
                }
            }
        }
        // then aliases, then the phrases sheets use ("Route of administration"): a firmer name wins
        for (int tier = 1; tier <= 2; tier++) {
            for (int j = 0; j < headers.length; j++) {
                Field f = split[j] != null ? null : Field.forHeader(headers[j]);
                if (f == null || Field.tier(headers[j]) != tier) {
                    continue;
                }
                Integer previous = fieldColumn.get(f);
                if (previous == null) {
                    fieldColumn.put(f, j);
                } else if (split[previous] == null && Field.tier(headers[previous]) < tier) {
                    shadowed.add(new int[] {j, previous, f.ordinal()});
                } else {
                    problems.add(new Problem(headers[j], headers[j], "one column for " + f.describe() + ", but '"
                            + headers[previous] + "' names it too"));
                }
            }
        }
        missingColumns(headerRow, headers, fieldColumn, problems);
        return new HeaderColumns(armCells, armRows, headers, java.util.Collections.unmodifiableMap(fieldColumn),
                List.copyOf(shadowed), List.copyOf(notices), List.copyOf(problems));
    }

    /**
     * The problems of required columns the header does not name, or, where the header row holds data (a sort moved
     * the header down, or there is none), that one problem instead of one per missing column.
     */
    private static void missingColumns(int headerRow, String[] headers, Map<Field, Integer> fieldColumn,
                                       List<Problem> problems) {
        List<String> counts = new ArrayList<>();
        for (String h : headers) {
            // digits alone: a count, which no column is named (and no exception parsing a name as a number)
            if (digitsOnly(h) && counts.size() < 4) {
                counts.add(h);
            }
        }
        boolean dataRow = counts.size() >= 2 && !fieldColumn.containsKey(Field.STUDY)
                && !fieldColumn.containsKey(Field.EVENTS_MSC) && !fieldColumn.containsKey(Field.N_MSC);
        if (dataRow) {
            List<String> given = Arrays.stream(headers).filter(h -> !h.isEmpty()).toList();
            problems.add(new Problem(InputProblem.NO_COLUMN, String.join(", ", given.subList(0, Math.min(2,
                    given.size()))) + (given.size() > 2 ? ", ..." : ""), "a header row of column names (study, outcome,"
                    + " events_msc, n_msc, ...: docs/input-format.md), but row " + headerRow + " holds data ("
                    + String.join(", ", counts) + " are values, not column names): add the header row above the data,"
                    + " or, if sorting the sheet moved it down among the data, move it back to the top"));
            return;
        }
        for (Field f : Field.values()) {
            if (f.required() && !fieldColumn.containsKey(f)) {
                problems.add(new Problem(f.canonical(), null, "a column named " + f.describe()
                        + CellHint.nonEvents(f, headers) + CellHint.wideLayout(f, headers)
                        + CellHint.oneEvent(f, headers)));
            }
        }
        boolean hasEc = fieldColumn.containsKey(Field.EVENTS_CONTROL);
        boolean hasNc = fieldColumn.containsKey(Field.N_CONTROL);
        if (hasEc != hasNc) {
            Field missing = hasEc ? Field.N_CONTROL : Field.EVENTS_CONTROL;
            String hint = CellHint.nonEvents(missing, headers);
            problems.add(new Problem(missing.canonical(), null, "a column named " + missing.describe()
                    + (hint.isEmpty() ? " (the control arm needs both events_control and n_control)" : hint)));
        }
    }

    /** Whether {@code s} is digits alone (a count). */
    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
