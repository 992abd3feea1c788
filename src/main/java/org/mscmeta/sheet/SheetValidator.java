package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an extraction sheet row by row while storing it column-wise, and reports every problem at once.
 *
 * <p>Rules (shared/docs/input-format.md): required columns present; study label and outcome not blank;
 * counts whole numbers >= 0; participants >= 1; events <= participants; the control arm either fully given
 * or fully blank (a single-arm study); year a whole number; one row per study, year, trial id and outcome.
 * Unknown route and cell-source values are kept as written and noted, not rejected.
 */
public final class SheetValidator {

    /** At most this many problems are kept; the rest are counted. */
    public static final int MAX_PROBLEMS = 500;

    private final String file;
    private final Vocabulary vocabulary;
    private final List<InputProblem> problems = new ArrayList<>();
    private int problemCount;

    private String[] headers;
    private final Map<Field, Integer> fieldColumn = new EnumMap<>(Field.class);
    private TextColumnBuilder[] raw;
    private final IntArray rowNumbers = new IntArray();
    private final IntArray eventsMsc = new IntArray();
    private final IntArray nMsc = new IntArray();
    private final IntArray eventsControl = new IntArray();
    private final IntArray nControl = new IntArray();
    private final IntArray years = new IntArray();
    private final TextColumnBuilder study = new TextColumnBuilder("study");
    private final TextColumnBuilder outcome = new TextColumnBuilder("outcome");
    private final TextColumnBuilder route = new TextColumnBuilder("route");
    private final TextColumnBuilder cellSource = new TextColumnBuilder("cell_source");
    private final Map<String, Integer> firstRowOfKey = new HashMap<>();
    private final Map<String, List<Integer>> unknownRoute = new LinkedHashMap<>();
    private final Map<String, List<Integer>> unknownSource = new LinkedHashMap<>();
    private final Map<String, String> routeCache = new HashMap<>();
    private final Map<String, String> sourceCache = new HashMap<>();
    private int badDoseRows;
    private int firstBadDoseRow;
    private boolean headerOk;
    private final List<Notice> aliasNotices = new ArrayList<>();

    public SheetValidator(String file, Vocabulary vocabulary) {
        this.file = file;
        this.vocabulary = vocabulary;
    }

    /** Takes the header row (spreadsheet row 1). Returns false when the sheet cannot be read further. */
    public boolean header(String[] cells) {
        headers = new String[cells.length];
        raw = new TextColumnBuilder[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String h = cells[j] == null ? "" : cells[j].strip();
            if (j == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            headers[j] = h;
            raw[j] = new TextColumnBuilder(h);
        }
        // exact names first, so that e.g. a 'source' column (an alias of cell_source) beside a 'cell_source'
        // column stays an ordinary column instead of clashing with it
        for (int j = 0; j < headers.length; j++) {
            Field f = Field.forHeader(headers[j]);
            if (f != null && f.canonical().equals(Field.headerKey(headers[j]))) {
                Integer previous = fieldColumn.putIfAbsent(f, j);
                if (previous != null) {
                    problem(1, headers[j], headers[j], "one column named " + f.canonical() + ", but column "
                            + (previous + 1) + " has the same name");
                }
            }
        }
        for (int j = 0; j < headers.length; j++) {
            Field f = Field.forHeader(headers[j]);
            if (f == null || f.canonical().equals(Field.headerKey(headers[j]))) {
                continue;
            }
            Integer previous = fieldColumn.get(f);
            if (previous == null) {
                fieldColumn.put(f, j);
            } else if (f.canonical().equals(Field.headerKey(headers[previous]))) {
                aliasNotices.add(new Notice("columns", null, file + ": column '" + headers[j]
                        + "' is read as an ordinary column, because '" + headers[previous] + "' gives " + f.canonical()));
            } else {
                problem(1, headers[j], headers[j], "one column for " + f.describe() + ", but '" + headers[previous]
                        + "' names it too");
            }
        }
        for (Field f : Field.values()) {
            if (f.required() && !fieldColumn.containsKey(f)) {
                problem(1, f.canonical(), null, "a column named " + f.describe());
            }
        }
        boolean hasEc = fieldColumn.containsKey(Field.EVENTS_CONTROL);
        boolean hasNc = fieldColumn.containsKey(Field.N_CONTROL);
        if (hasEc != hasNc) {
            Field missing = hasEc ? Field.N_CONTROL : Field.EVENTS_CONTROL;
            problem(1, missing.canonical(), null, "a column named " + missing.describe()
                    + " (the control arm needs both events_control and n_control)");
        }
        headerOk = problemCount == 0;
        return headerOk;
    }

    /** Takes one data row with its spreadsheet row number; blank rows are skipped by the caller. */
    public void row(int rowNumber, String[] cells) {
        if (!headerOk) {
            return;
        }
        if (cells.length > headers.length) {
            for (int j = headers.length; j < cells.length; j++) {
                if (cells[j] != null && !cells[j].isBlank()) {
                    problem(rowNumber, "column " + (j + 1), cells[j], "no value beyond the last header column ("
                            + headers.length + " columns)");
                    break;
                }
            }
        }
        for (int j = 0; j < headers.length; j++) {
            raw[j].add(j < cells.length && cells[j] != null ? cells[j].strip() : "");
        }
        rowNumbers.add(rowNumber);
        String studyLabel = cell(cells, Field.STUDY);
        String outcomeName = cell(cells, Field.OUTCOME);
        if (studyLabel.isEmpty()) {
            problem(rowNumber, header(Field.STUDY), studyLabel, "a study label such as 'Bowdish 2023'");
        }
        if (outcomeName.isEmpty()) {
            problem(rowNumber, header(Field.OUTCOME), outcomeName, "an adverse-event outcome such as 'Death'");
        }
        study.add(studyLabel);
        outcome.add(outcomeName);

        int e1 = count(rowNumber, cells, Field.EVENTS_MSC, 0);
        int n1 = count(rowNumber, cells, Field.N_MSC, 1);
        if (e1 >= 0 && n1 >= 1 && e1 > n1) {
            problem(rowNumber, header(Field.EVENTS_MSC), cell(cells, Field.EVENTS_MSC),
                    "at most n_msc = " + n1 + " (counts are participants with the event, not events)");
        }
        eventsMsc.add(e1);
        nMsc.add(n1);

        String ecText = cell(cells, Field.EVENTS_CONTROL);
        String ncText = cell(cells, Field.N_CONTROL);
        if (ecText.isEmpty() && ncText.isEmpty()) {
            eventsControl.add(-1);
            nControl.add(-1);
        } else if (ecText.isEmpty() || ncText.isEmpty()) {
            Field blank = ecText.isEmpty() ? Field.EVENTS_CONTROL : Field.N_CONTROL;
            Field filled = ecText.isEmpty() ? Field.N_CONTROL : Field.EVENTS_CONTROL;
            problem(rowNumber, header(blank), "", "a count, because " + header(filled)
                    + " is filled (leave both control columns blank for a single-arm study)");
            eventsControl.add(-1);
            nControl.add(-1);
        } else {
            int e2 = count(rowNumber, cells, Field.EVENTS_CONTROL, 0);
            int n2 = count(rowNumber, cells, Field.N_CONTROL, 1);
            if (e2 >= 0 && n2 >= 1 && e2 > n2) {
                problem(rowNumber, header(Field.EVENTS_CONTROL), ecText,
                        "at most n_control = " + n2 + " (counts are participants with the event, not events)");
            }
            eventsControl.add(e2);
            nControl.add(n2);
        }

        years.add(year(rowNumber, cells));
        checkDose(rowNumber, cells);
        route.add(normalise(Vocabulary.Kind.ROUTE, cell(cells, Field.ROUTE), rowNumber, unknownRoute));
        cellSource.add(normalise(Vocabulary.Kind.CELL_SOURCE, cell(cells, Field.CELL_SOURCE), rowNumber,
                unknownSource));

        if (!studyLabel.isEmpty() && !outcomeName.isEmpty()) {
            String key = studyLabel.toLowerCase(Locale.ROOT) + '\u0000' + cell(cells, Field.YEAR) + '\u0000'
                    + cell(cells, Field.TRIAL_ID).toLowerCase(Locale.ROOT) + '\u0000'
                    + outcomeName.toLowerCase(Locale.ROOT);
            Integer first = firstRowOfKey.putIfAbsent(key, rowNumber);
            if (first != null) {
                problem(rowNumber, header(Field.STUDY), studyLabel, "one row per study and outcome, but row "
                        + first + " has the same study, year, trial_id and outcome ('" + outcomeName + "')");
            }
        }
    }

    /** Finishes the sheet: the validated data, or every problem found. */
    public ExtractionSheet finish() throws InvalidInputException {
        if (headerOk && rowNumbers.size() == 0) {
            problem(2, "-", "", "at least one data row below the header");
        }
        if (problemCount > 0) {
            throw new InvalidInputException(problems, problemCount);
        }
        List<Notice> notices = new ArrayList<>(aliasNotices);
        unknownNotices(notices, "route", unknownRoute);
        unknownNotices(notices, "cell_source", unknownSource);
        if (badDoseRows > 0) {
            notices.add(new Notice("dose", null, file + ": " + badDoseRows + " row(s) have a dose that is not a number"
                    + " (first: row " + firstBadDoseRow + "); dose is left blank there"));
        }
        List<TextColumn> columns = new ArrayList<>();
        for (TextColumnBuilder b : raw) {
            columns.add(b.build());
        }
        return new ExtractionSheet(file, rowNumbers.toArray(), eventsMsc.toArray(), nMsc.toArray(),
                eventsControl.toArray(), nControl.toArray(), study.build(), outcome.build(), years.toArray(),
                route.build(), cellSource.build(), List.copyOf(columns), new EnumMap<>(fieldColumn),
                List.copyOf(notices));
    }

    private void unknownNotices(List<Notice> out, String column, Map<String, List<Integer>> unknown) {
        for (Map.Entry<String, List<Integer>> e : unknown.entrySet()) {
            List<Integer> rows = e.getValue();
            out.add(new Notice("vocabulary", null, String.format(Locale.ROOT,
                    "%s value \"%s\" is not in the vocabulary (row%s %s%s); kept as written", column, e.getKey(),
                    rows.size() == 1 ? "" : "s", joinRows(rows), rows.size() > 5 ? ", ..." : "")));
        }
    }

    private static String joinRows(List<Integer> rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, rows.size()); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(rows.get(i));
        }
        return sb.toString();
    }

    private String normalise(Vocabulary.Kind kind, String value, int rowNumber, Map<String, List<Integer>> unknown) {
        Map<String, String> cache = kind == Vocabulary.Kind.ROUTE ? routeCache : sourceCache;
        String hit = cache.get(value);
        if (hit == null) {
            hit = vocabulary.normalise(kind, value);
            if (hit == null) {
                unknown.computeIfAbsent(value, v -> new ArrayList<>()).add(rowNumber);
                return value;
            }
            cache.put(value, hit);
        }
        return hit;
    }

    private int year(int rowNumber, String[] cells) {
        String text = cell(cells, Field.YEAR);
        if (text.isEmpty()) {
            return ExtractionSheet.NO_YEAR;
        }
        long v = WholeNumber.parse(text);
        if (v < 0 || v > 9999) {
            problem(rowNumber, header(Field.YEAR), text, "a year as a whole number such as 2021, or a blank cell");
            return ExtractionSheet.NO_YEAR;
        }
        return (int) v;
    }

    private void checkDose(int rowNumber, String[] cells) {
        String text = cell(cells, Field.DOSE);
        if (!text.isEmpty()) {
            try {
                Double.parseDouble(text);
            } catch (NumberFormatException e) {
                if (badDoseRows++ == 0) {
                    firstBadDoseRow = rowNumber;
                }
            }
        }
    }

    /** Parses a count; returns -1 (and records a problem) when it is not a whole number >= min. */
    private int count(int rowNumber, String[] cells, Field field, int min) {
        String text = cell(cells, field);
        long v = WholeNumber.parse(text);
        String what = min == 1 ? "a whole number of participants, at least 1"
                : "a whole number of participants with the event, 0 or more";
        if (v == WholeNumber.BLANK) {
            problem(rowNumber, header(field), text, what);
            return -1;
        }
        if (v == WholeNumber.FRACTION) {
            problem(rowNumber, header(field), text, what + " (not a fraction)");
            return -1;
        }
        if (v == WholeNumber.NOT_A_NUMBER) {
            problem(rowNumber, header(field), text, what);
            return -1;
        }
        if (v < 0 || v == WholeNumber.NEGATIVE) {
            problem(rowNumber, header(field), text, what + " (not negative)");
            return -1;
        }
        if (v < min) {
            problem(rowNumber, header(field), text, what + " (a study arm with zero participants cannot be analysed)");
            return -1;
        }
        if (v > Integer.MAX_VALUE / 4) {
            problem(rowNumber, header(field), text, what + " below " + Integer.MAX_VALUE / 4);
            return -1;
        }
        return (int) v;
    }

    private String cell(String[] cells, Field f) {
        Integer j = fieldColumn.get(f);
        if (j == null || j >= cells.length || cells[j] == null) {
            return "";
        }
        return cells[j].strip();
    }

    private String header(Field f) {
        Integer j = fieldColumn.get(f);
        return j == null ? f.canonical() : headers[j];
    }

    private void problem(int row, String column, String value, String expected) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new InputProblem(file, row, column, value, expected));
        }
    }
}
