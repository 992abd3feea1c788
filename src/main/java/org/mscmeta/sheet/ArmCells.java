package org.mscmeta.sheet;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arm's events and total in one cell, as papers tabulate adverse events ("3/20", "3 / 20 (15%)", "3 of 20"): a
 * sheet with a column for each arm ("MSC", "Control", "Experimental", "Placebo", "MSC n/N") and no columns of the
 * arm's events and total apart. Each such column is read as two, "MSC (events)" and "MSC (total)", given the arm's
 * fields. The MSC arm's column is read so only when the sheet has no events_msc or n_msc column (else it is an
 * ordinary column) and the header cell after it is not blank (else it names a group of columns, "MSC" over "Events"
 * and "Total"), and the control arm's only beside it: a sheet whose MSC arm has columns of its own and whose
 * "control" column holds a description ("placebo") reads as before.
 *
 * @param physical the index of each split column in the sheet as written, ascending
 * @param arms     for each, whether it is the control arm
 * @param names    the sheet's own column names
 */
record ArmCells(int[] physical, boolean[] arms, String[] names) {

    /** Names of an MSC arm's column (header keys). */
    private static final Set<String> MSC = Set.of("msc", "mscs", "msc_arm", "msc_group", "msc_n_n", "n_n_msc",
            "msc_events_total", "msc_events_n", "experimental", "experimental_arm", "experimental_group",
            "experimental_n_n", "intervention_group", "intervention_arm", "treatment_group", "treatment_arm",
            "msc_treated", "msc_recipients");
    /** Names of a control arm's column (header keys). */
    private static final Set<String> CONTROL = Set.of("control", "controls", "control_arm", "control_group",
            "control_n_n", "n_n_control", "control_events_total", "control_events_n", "placebo", "placebo_arm",
            "placebo_group", "placebo_n_n");

    /** "3/20", "3 / 20", "3 of 20", with a percentage in brackets after it or not. */
    private static final Pattern EVENTS_OF_TOTAL = Pattern.compile(
            "(\\d+)\\s*(?:/|of)\\s*(\\d+)\\s*(?:\\(\\s*[\\d.,]+\\s*%?\\s*\\))?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( .*)?");

    /** The split columns of a header, or null when it has none. */
    static ArmCells of(String[] header) {
        boolean mscCounts = false;
        for (String h : header) {
            Field f = Field.forHeader(h);
            mscCounts |= f == Field.EVENTS_MSC || f == Field.N_MSC;
        }
        if (mscCounts) {
            return null;
        }
        int msc = -1;
        int control = -1;
        for (int j = 0; j < header.length; j++) {
            String key = Field.headerKey(header[j]);
            int arm = Phrases.armOfBothCounts(header[j]); // "MSC events (n/N)", "Placebo group: events/total"
            if (msc < 0 && (MSC.contains(key) || arm == 1)) {
                msc = j;
            } else if (control < 0 && (CONTROL.contains(key) || arm == 0)) {
                control = j;
            }
        }
        if (msc < 0 || msc + 1 < header.length && Blanks.isBlank(header[msc + 1])) {
            return null; // no arm column, or "MSC" over a blank cell: a group's name over its columns (HeaderSearch)
        }
        boolean controlCounts = false;
        for (String h : header) {
            Field f = Field.forHeader(h);
            controlCounts |= f == Field.EVENTS_CONTROL || f == Field.N_CONTROL;
        }
        if (control < 0 || controlCounts) {
            return new ArmCells(new int[] {msc}, new boolean[] {false}, header.clone());
        }
        return msc < control ? new ArmCells(new int[] {msc, control}, new boolean[] {false, true}, header.clone())
                : new ArmCells(new int[] {control, msc}, new boolean[] {true, false}, header.clone());
    }

    /** The header as read: each split column as its events and its total. */
    String[] header() {
        String[] out = new String[names.length + physical.length];
        expand((k, j, half) -> out[k] = half < 0 ? names[j] : names[j] + (half == 0 ? " (events)" : " (total)"));
        return out;
    }

    /** The field of each column of {@link #header()} that a split column gives, else null. */
    Field[] fields() {
        Field[] out = new Field[names.length + physical.length];
        expand((k, j, half) -> out[k] = half < 0 ? null : arms[split(j)]
                ? (half == 0 ? Field.EVENTS_CONTROL : Field.N_CONTROL) : (half == 0 ? Field.EVENTS_MSC : Field.N_MSC));
        return out;
    }

    /** A column of the header as read: its index {@code k}, the sheet's column {@code j}, and which half (-1: whole). */
    private interface Column {
        void at(int k, int j, int half);
    }

    /** Each column of the header as read, in order. */
    private void expand(Column c) {
        int k = 0;
        for (int j = 0; j < names.length; j++) {
            if (split(j) < 0) {
                c.at(k++, j, -1);
            } else {
                c.at(k++, j, 0);
                c.at(k++, j, 1);
            }
        }
    }

    /** A problem with a split cell: its row, its column as written, the value, what was expected. */
    interface Problem {
        void report(int row, String column, String value, String expected);
    }

    /**
     * A row as read: each split cell as its events and its total; null when a split cell is neither blank nor
     * events and total (reported to {@code problem}).
     */
    String[] row(int rowNumber, String[] cells, Problem problem) {
        String[] out = new String[names.length + physical.length];
        int k = 0;
        boolean ok = true;
        for (int j = 0; j < names.length; j++) {
            String v = j < cells.length && cells[j] != null ? Blanks.strip(cells[j]) : "";
            if (split(j) < 0) {
                out[k++] = v;
                continue;
            }
            Matcher m = EVENTS_OF_TOTAL.matcher(v);
            boolean blank = v.isEmpty() || MissingValues.isMissing(v); // "NA", "-": not reported
            if (blank && !arms[split(j)]) {
                ok = false;
                k += 2;
                problem.report(rowNumber, names[j], v, "the MSC arm's participants with the event and its participants"
                        + " as events/total, e.g. 3/20" + (v.isEmpty() ? "" : " ('" + v + "' is read as a mark of a"
                        + " value not reported)"));
            } else if (blank) {
                out[k++] = ""; // no control arm: a single-arm study
                out[k++] = "";
            } else if (m.matches()) {
                out[k++] = m.group(1);
                out[k++] = m.group(2);
            } else {
                ok = false;
                k += 2;
                problem.report(rowNumber, names[j], v, "the arm's participants with the event and its participants"
                        + " as events/total, e.g. 3/20" + (DATE.matcher(v).matches() ? " (a spreadsheet turns 3/20"
                        + " typed into a cell into a date: format the column as text and type the counts again)" : ""));
            }
        }
        return ok ? out : null;
    }

    /**
     * A control arm's column holding events and totals ("1/20") in a sheet whose MSC arm has columns of its own, which
     * is not read as the control arm (its studies would be single-arm): the column's index, or -1.
     *
     * @param levels each column's distinct values
     */
    static int unreadControl(String[] header, java.util.Map<Field, Integer> fieldColumn, List<List<String>> levels) {
        if (fieldColumn.containsKey(Field.EVENTS_CONTROL) || fieldColumn.containsKey(Field.N_CONTROL)) {
            return -1;
        }
        for (int j = 0; j < header.length; j++) {
            if (CONTROL.contains(Field.headerKey(header[j])) && !eventsOfTotal(levels.get(j)).isEmpty()) {
                return j;
            }
        }
        return -1;
    }

    /** The first value of {@code levels} that is events and total, or "". */
    static String eventsOfTotal(List<String> levels) {
        for (String v : levels) {
            if (EVENTS_OF_TOTAL.matcher(v).matches()) {
                return v;
            }
        }
        return "";
    }

    /** The notice that says how the columns were read. */
    Notice notice(String file) {
        List<String> shown = Arrays.stream(physical).mapToObj(j -> "'" + names[j] + "'").toList();
        return new Notice("columns", null, file + ": " + (shown.size() == 1 ? "column " : "columns ")
                + String.join(" and ", shown) + (shown.size() == 1 ? " holds" : " hold") + " an arm's events and"
                + " total in one cell (events/total) and " + (shown.size() == 1 ? "was read as two columns" : "were read as two"
                + " columns each") + " (events, total)");
    }

    private int split(int j) {
        for (int s = 0; s < physical.length; s++) {
            if (physical[s] == j) {
                return s;
            }
        }
        return -1;
    }
}
