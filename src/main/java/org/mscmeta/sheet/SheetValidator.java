package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an extraction sheet row by row while storing it column-wise, and reports every problem at once.
 *
 * <p>Rules (docs/input-format.md): required columns present; study label and outcome not blank;
 * counts whole numbers &ge; 0; participants &ge; 1; events &le; participants; the control arm either fully given
 * or fully blank (a single-arm study); year a whole number; one row per study, year, trial id and outcome.
 * Unknown route and cell-source values are kept as written and noted, not rejected. Cells holding "NA" and similar
 * marks ({@link MissingValues}) are empty; a leading apostrophe before {@code = + - @} (how a formula-safe sheet such
 * as the ClinicalTrials.gov import's writes text a spreadsheet would take for a formula) is removed; a cell of more
 * than {@value #MAX_CELL_CHARS} characters is refused; outcome names that differ only in case, spacing or punctuation
 * are one outcome ({@link OutcomeNames}).
 *
 * <p>Every column is dictionary-encoded as it is read (a code per row into the column's distinct texts), and the
 * checks work on the codes: a count, year or dose is parsed once per distinct text, a route or cell source
 * normalised once per distinct text, and duplicate rows are found by sorting numeric keys made of the codes
 * ({@link DuplicateRows}).
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
    private final TextColumnBuilder route = new TextColumnBuilder("route");
    private final TextColumnBuilder cellSource = new TextColumnBuilder("cell_source");
    /** Column of each field (by ordinal), or -1; set by {@link #header}. */
    private final int[] column = new int[Field.values().length];
    /**
     * Whether the sheet is a results workbook's Data sheet, whose added columns are left out ({@link AddedColumns});
     * another sheet's only when it has both normalised columns.
     */
    private boolean leaveOutAdded;
    /** Those columns in the header read, or null. */
    private AddedColumns added;
    /** The current row's cells as codes into the columns' levels, one per header column ({@link #EMPTY}: blank). */
    private int[] rowCodes;
    /** Per column, the code of the blank level once a row has needed it, else -1. */
    private int[] blankCode;
    /** Per column, counts, years and doses parsed once per distinct text ({@link #UNPARSED} until needed). */
    private long[][] parsed;
    private static final int EMPTY = -1;
    private static final long UNPARSED = Long.MIN_VALUE + 100;
    /** CSV: the first non-blank cell of the current row beyond the last header column, if any. */
    private int extraColumn = -1;
    private String extraText;
    private final Map<String, List<Integer>> unknownRoute = new LinkedHashMap<>();
    private final Map<String, List<Integer>> unknownSource = new LinkedHashMap<>();
    private final Normalised routes = new Normalised(Vocabulary.Kind.ROUTE, route, unknownRoute);
    private final Normalised sources = new Normalised(Vocabulary.Kind.CELL_SOURCE, cellSource, unknownSource);
    private boolean headerOk;
    /** The number problems with the header carry, and the first data row's: a spreadsheet's 1 and 2 by default. */
    private int headerRow = 1;
    private int firstDataRow = 2;
    /** Notices of the reading itself: column aliases, the encoding and separator read, decimal commas. */
    private final List<Notice> readNotices = new ArrayList<>();
    /** Columns named by an alias beside the column of that very name (column, that column, field ordinal). */
    private final List<int[]> shadowed = new ArrayList<>();
    private final OutcomeMap outcomeMap;
    /**
     * Rows are numbered as a table in memory numbers them: data rows by their index from 0 (as given to {@link #row}),
     * problems with the column names at no row ({@link InputProblem#COLUMN_NAMES}).
     */
    void numberRowsByIndex() {
        headerRow = InputProblem.COLUMN_NAMES;
        firstDataRow = 0;
    }

    /**
     * The sheet is the Data sheet of a results workbook mscmeta wrote: the columns it adds there are left out
     * ({@link AddedColumns}), to be made again by the run. (In another sheet they are only when it has both
     * normalised columns, with a notice.)
     */
    void leaveOutAddedColumns() {
        leaveOutAdded = true;
    }

    /**
     * The sheet is the table of one adverse event, {@code outcome}, and has no outcome column: the header gains one
     * ({@link #OUTCOME_HEADER}, after the sheet's own columns) and every row holds {@code outcome} in it.
     */
    void outcomeOfEveryRow(String outcome) {
        outcomeOfEveryRow = outcome;
    }

    /** The header of the outcome column a sheet of one adverse event is given ({@link #outcomeOfEveryRow}). */
    static final String OUTCOME_HEADER = "outcome";

    /** The outcome of every row of a sheet without an outcome column, or null. */
    private String outcomeOfEveryRow;
    /** Columns of the sheet as written (with the outcome column it was given); {@link #headers} may split some. */
    private int physicalColumns;
    /** Arm columns holding events and total in one cell, read as two columns each, or null. */
    private ArmCells armCells;
    /** The arm column and the arm's counts of a sheet of one row per arm, or null. */
    private ArmRows armRows;

    /**
     * Whether rows must come whole, as text ({@link #row}), rather than field by field ({@link #field}): the sheet
     * has cells split in two ({@link ArmCells}), or columns left out ({@link AddedColumns}).
     */
    boolean readsCells() {
        return armCells != null || added != null;
    }

    /** The header is row {@code row} of the sheet (below rows of titles), its first data row the next. */
    void headerRow(int row) {
        headerRow = row;
        firstDataRow = row + 1;
    }

    /** Numbers may carry decimal commas (a delimited sheet separated by anything but commas). */
    private boolean decimalComma;
    /** Per column, the kind of each level once looked at (see {@link #levelKind}). */
    private byte[][] levelKinds;
    /** Per column, how many levels are classified, and whether one is not plain. */
    private int[] classified;
    private boolean[] special;
    private static final byte PLAIN = 1;
    private static final byte MISSING = 2;
    private static final byte TOO_LONG = 3;
    /** A label holding a line break, a tab or another control character: read with a space in its place. */
    private static final byte CONTROL = 4;
    /** Per column, for each {@link #CONTROL} level, the code of the label as read (with spaces), or EMPTY. */
    private int[][] controlRead;
    /** A spreadsheet cell holds at most this many characters (and the workbook writes every cell). */
    public static final int MAX_CELL_CHARS = 32_767;

    /**
     * How a row of totals or of a pooled result is labelled in a paper's table, RevMan's forest plot or Stata's
     * output: "Total", "Total (95% CI)", "Subtotal", "Overall (I-squared = 0.0%)", "Pooled"...
     */
    private static final java.util.Set<String> TOTALS = java.util.Set.of("total", "totals", "total events",
            "subtotal", "sub-total", "sub total", "overall", "pooled", "pooled estimate", "pooled effect", "sum",
            "combined", "all studies", "all trials", "summary");

    /** Per level of the study column, whether it is a label of totals; levels up to {@link #studyLevelsSeen} known. */
    private final java.util.BitSet totalsLevels = new java.util.BitSet();
    private int studyLevelsSeen;

    /**
     * Whether this row's study label (its level in column {@code j}) is that of a row of totals: each label looked
     * at once, when it first occurs (a registry repeats each study's label on every row of its outcomes).
     */
    private boolean totalsLevel(int j) {
        int code = rowCodes[j];
        if (code >= studyLevelsSeen) {
            for (int c = studyLevelsSeen; c <= code; c++) {
                if (isTotalsLabel(raw[j].level(c))) {
                    totalsLevels.set(c);
                }
            }
            studyLevelsSeen = code + 1;
        }
        return totalsLevels.get(code);
    }

    /**
     * Whether a study label is that of a row of totals or of a pooled result: one of {@link #TOTALS} (ignoring case),
     * alone or before a parenthesis or a colon. "Total 2015" or "Sum 2019" (a trial's name and year) is a study.
     */
    static boolean isTotalsLabel(String label) {
        String s = label.strip();
        if (s.isEmpty() || "tTsSoOpPcCaA".indexOf(s.charAt(0)) < 0) {
            return false; // most labels begin with another letter
        }
        s = s.toLowerCase(Locale.ROOT);
        int cut = s.length();
        for (char stop : new char[] {'(', ':', '['}) {
            int at = s.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return TOTALS.contains(s.substring(0, cut).strip());
    }

    /** The cells read leniently (a mark of a value not reported, a count with its percentage, ...), by kind. */
    private final LenientCells lenient;
    /** Rows whose MSC events exceed the arm's participants: most of them, and the columns are swapped. */
    private int eventsOverTotal;
    /** Per column, the current row's cell when it was a mark of a value not reported ("NA", "NR"), else null. */
    private String[] marks;
    /** Whether a cell of the current row is in {@link #marks}. */
    private boolean rowHasMarks;
    /** Columns of counts, year and dose: numbers. */
    private boolean[] numericColumn;
    /** CSV: per column, whether it is a known column of labels (study, outcome, route, ...): no decimal commas. */
    private boolean[] labelColumn;
    private final char[] scratch = new char[64];
    /**
     * CSV: per column, whether the current row's number is ambiguous ("1.000" with decimal commas); such a cell gets
     * that one problem, and nothing is checked against what it would be read as (a count compared with "1.000" read
     * as 1 gave "at most n_control = 1").
     */
    private boolean[] ambiguous;
    /**
     * CSV: per column, whether the current row's cell was written with a decimal comma ("10,5", kept as "10.5"), so
     * that a problem quotes it as the sheet has it; {@link #commaRow}: whether any is set.
     */
    private boolean[] commaCell;
    private boolean commaRow;
    /** Whether {@link #ambiguous} has a column set in the current row. */
    private boolean ambiguousRow;
    /** Whether the problem being recorded is an ambiguous number's own. */
    private boolean reportingAmbiguous;

    public SheetValidator(String file, Vocabulary vocabulary) {
        this(file, vocabulary, OutcomeMap.NONE);
    }

    /** A validator that renames outcomes by {@code outcomeMap} (as {@code --outcome-map}). */
    public SheetValidator(String file, Vocabulary vocabulary, OutcomeMap outcomeMap) {
        this.file = file;
        this.vocabulary = vocabulary;
        this.outcomeMap = outcomeMap == null ? OutcomeMap.NONE : outcomeMap;
        this.lenient = new LenientCells(file);
    }

    /** How the problems and notices name the sheet: its file (and, for one of several sheets, the sheet). */
    String file() {
        return file;
    }

    /** Adds a notice about how the sheet was read (encoding, separator, sheet chosen). */
    void notice(Notice n) {
        readNotices.add(n);
    }

    /** Numbers may carry decimal commas: {@code 1,5} reads as 1.5, and a count such as {@code 1.000} is refused. */
    void decimalComma(boolean on) {
        decimalComma = on;
    }

    /** Takes the header row (spreadsheet row 1). Returns false when the sheet cannot be read further. */
    public boolean header(String[] cells) {
        if (outcomeOfEveryRow != null) {
            cells = Arrays.copyOf(cells, cells.length + 1);
            cells[cells.length - 1] = OUTCOME_HEADER;
        }
        physicalColumns = cells.length;
        added = AddedColumns.of(cells, leaveOutAdded);
        if (added != null) {
            // a normalised column stands in for its column as read when the sheet has none
            Map<Field, Integer> named = HeaderColumns.of(file, headerRow, added.keep(cells)).fieldColumn();
            added = added.standingIn(named.containsKey(Field.ROUTE), named.containsKey(Field.CELL_SOURCE));
            readNotices.addAll(added.notices(file, cells, leaveOutAdded));
            cells = added.header(cells);
        }
        HeaderColumns mapped = HeaderColumns.of(file, headerRow, cells);
        armCells = mapped.armCells();
        armRows = mapped.armRows();
        headers = mapped.headers();
        readNotices.addAll(mapped.notices());
        fieldColumn.putAll(mapped.fieldColumn());
        shadowed.addAll(mapped.shadowed()); // said in finish(), when their values are known
        for (HeaderColumns.Problem p : mapped.problems()) {
            problem(headerRow, p.column(), p.value(), p.expected());
        }
        raw = new TextColumnBuilder[headers.length];
        for (int j = 0; j < headers.length; j++) {
            raw[j] = new TextColumnBuilder(headers[j]);
        }
        java.util.Arrays.fill(column, -1);
        fieldColumn.forEach((f, j) -> column[f.ordinal()] = j);
        this.rowCodes = new int[headers.length];
        this.marks = new String[headers.length];
        this.blankCode = new int[headers.length];
        Arrays.fill(blankCode, -1);
        this.parsed = new long[headers.length][];
        this.levelKinds = new byte[headers.length][16];
        this.classified = new int[headers.length];
        this.special = new boolean[headers.length];
        this.numericColumn = new boolean[headers.length];
        this.ambiguous = new boolean[headers.length];
        this.commaCell = new boolean[headers.length];
        this.labelColumn = new boolean[headers.length];
        for (Field f : Field.values()) {
            if (column[f.ordinal()] >= 0) {
                (f.numeric() ? numericColumn : labelColumn)[column[f.ordinal()]] = true;
            }
        }
        dataAboveHeader();
        headerOk = problemCount == 0;
        return headerOk;
    }

    /** A row above the header, as the sheet has it: its number and cells. */
    private record AboveRow(int row, String[] cells) {
    }

    /** The rows above the header that are not blank ({@link #aboveHeader}). */
    private final List<AboveRow> aboveHeader = new ArrayList<>();

    /**
     * Row {@code row} lies above the header (a title, a caption, notes): it is not read as data. It is looked at once
     * the header is known, and refused if it holds a study's counts ({@link #dataAboveHeader}). Called before
     * {@link #header}, for the rows the header search passed over.
     */
    void aboveHeader(int row, String[] cells) {
        if (!SheetReader.isBlank(cells)) {
            aboveHeader.add(new AboveRow(row, cells));
        }
    }

    /**
     * Refuses rows above the header that hold a study: a label under the study column and whole numbers under the
     * MSC arm's events and total. A sort of the whole sheet, its header row taken in, moves the header down among
     * the data; the rows sorted above it would otherwise be passed over as titles, and lost without a word.
     */
    private void dataAboveHeader() {
        int study = column[Field.STUDY.ordinal()];
        int events = column[Field.EVENTS_MSC.ordinal()];
        int total = column[Field.N_MSC.ordinal()];
        if (aboveHeader.isEmpty() || armCells != null || study < 0 || events < 0 || total < 0) {
            return;
        }
        AboveRow first = null;
        int count = 0;
        for (AboveRow r : aboveHeader) {
            if (!Blanks.isBlank(above(r.cells(), study)) && WholeNumber.parse(above(r.cells(), events)) >= 0
                    && WholeNumber.parse(above(r.cells(), total)) >= 0) {
                if (count++ == 0) {
                    first = r;
                }
            }
        }
        if (first != null) {
            problem(first.row(), headers[study], above(first.cells(), study), "the header in the first row, or"
                    + " only titles above it: the header is row " + headerRow + ", and " + (count == 1 ? "this row holds a study's"
                    + " counts" : "this row and " + Notice.count(count - 1, "other", "others") + " above it hold"
                    + " studies' counts") + ", which would not be read: move the header row to the top of the sheet"
                    + " (sorting the whole sheet with its header row in it moves the header down)");
        }
    }

    /** Cell {@code j} of the header's columns in a row above the header, as the sheet has it. */
    private String above(String[] cells, int j) {
        return cellOf(cells, added == null ? j : added.physical(j));
    }

    /** Cell {@code j} of {@code cells}, stripped; "" beyond the row's end. */
    private static String cellOf(String[] cells, int j) {
        return j < cells.length && cells[j] != null ? Blanks.strip(cells[j]) : "";
    }

    /** About {@code rows} data rows are coming in all: the columns make room for them at once. */
    void expectRows(int rows) {
        if (raw == null) {
            return;
        }
        for (TextColumnBuilder b : raw) {
            b.reserve(rows);
        }
        route.reserve(rows);
        cellSource.reserve(rows);
        for (IntArray a : new IntArray[] {rowNumbers, eventsMsc, nMsc, eventsControl, nControl, years}) {
            a.reserve(rows);
        }
    }

    /** Takes one data row with its spreadsheet row number; blank rows are skipped by the caller. */
    public void row(int rowNumber, String[] given) {
        if (!headerOk) {
            return;
        }
        if (outcomeOfEveryRow != null) {
            // the sheet's own columns, then the outcome column it was given
            int own = physicalColumns - 1;
            for (int j = own; j < given.length; j++) {
                if (!Blanks.isBlank(given[j])) {
                    beyondHeader(rowNumber, j, given[j]);
                    break;
                }
            }
            int length = given.length;
            given = Arrays.copyOf(given, physicalColumns);
            if (length < own) {
                Arrays.fill(given, length, own, "");
            }
            given[own] = outcomeOfEveryRow;
        } else if (given.length > physicalColumns) {
            for (int j = physicalColumns; j < given.length; j++) {
                if (!Blanks.isBlank(given[j])) {
                    beyondHeader(rowNumber, j, given[j]);
                    break;
                }
            }
        }
        if (added != null) {
            added.row(rowNumber, given);
            given = added.keep(given);
        }
        if (armCells != null) {
            given = armCells.row(rowNumber, given, this::problem);
            if (given == null) {
                return;
            }
        }
        for (int j = 0; j < headers.length; j++) {
            String v = j < given.length ? Blanks.strip(given[j]) : "";
            if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
                v = v.substring(1);
            }
            rowCodes[j] = v.isEmpty() ? EMPTY : raw[j].intern(v);
        }
        validateRow(rowNumber);
    }

    /**
     * CSV, straight from the parser's buffer: field {@code j} of the current row, already stripped of surrounding
     * white space (length 0 when blank). Rows are ended with {@link #endRow}; blank rows are neither.
     */
    void field(int j, char[] buf, int off, int len) {
        if (len > 1 && buf[off] == '\'' && "=+-@".indexOf(buf[off + 1]) >= 0) {
            // the apostrophe a formula-safe sheet puts before text a spreadsheet would take for a formula
            off++;
            len--;
        }
        if (j < rowCodes.length) {
            if (decimalComma && len > 0 && len < scratch.length && !labelColumn[j]) {
                int comma = decimalCommaAt(buf, off, len);
                if (comma >= 0) {
                    // "1,5" is 1.5: stored with a point, as every number is parsed
                    System.arraycopy(buf, off, scratch, 0, len);
                    scratch[comma - off] = '.';
                    buf = scratch;
                    off = 0;
                    commaCell[j] = true;
                    commaRow = true;
                    if (lenient.count(LenientCells.Kind.DECIMAL_COMMA)) {
                        lenient.first(LenientCells.Kind.DECIMAL_COMMA, "'" + new String(scratch, 0, len)
                                .replace('.', ',') + "' in column '" + headers[j] + "'");
                    }
                } else if (numericColumn[j] && isDotThousands(buf, off, len)) {
                    ambiguous[j] = true;
                    ambiguousRow = true;
                }
            }
            rowCodes[j] = len == 0 ? EMPTY : raw[j].intern(buf, off, len);
        } else if (len > 0 && extraColumn < 0) {
            extraColumn = j;
            extraText = new String(buf, off, len);
        }
    }

    /** Whether {@code header} names a column whose number in the current CSV row is ambiguous. */
    private boolean isAmbiguous(String header) {
        for (int j = 0; j < ambiguous.length; j++) {
            if (ambiguous[j] && headers[j].equals(header)) {
                return true;
            }
        }
        return false;
    }

    /** The position of the comma of a number written with a decimal comma ({@code 12,5}, {@code -0,3}), or -1. */
    private static int decimalCommaAt(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        if (buf[i] == '-' || buf[i] == '+') {
            i++;
        }
        int digits = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
            digits++;
        }
        if (digits == 0 || i >= end - 1 || buf[i] != ',') {
            return -1;
        }
        int comma = i++;
        int decimals = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            i++;
            decimals++;
        }
        return i == end && decimals > 0 ? comma : -1;
    }

    /** {@code 1.000}, {@code 12.345.678}: digits grouped by points in threes, a thousands separator. */
    private static boolean isDotThousands(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        int lead = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9' && lead < 4) {
            i++;
            lead++;
        }
        if (lead == 0 || lead > 3 || i == end) {
            return false;
        }
        while (i < end) {
            if (buf[i] != '.' || end - i < 4) {
                return false;
            }
            for (int k = 1; k <= 3; k++) {
                if (buf[i + k] < '0' || buf[i + k] > '9') {
                    return false;
                }
            }
            i += 4;
        }
        return true;
    }

    /** CSV: ends the current (non-blank) row, which had {@code fieldCount} fields. */
    void endRow(int rowNumber, int fieldCount) {
        if (!headerOk) {
            return;
        }
        csvRow = rowNumber;
        csvFields = fieldCount;
        if (ambiguousRow) {
            reportingAmbiguous = true;
            for (int j = 0; j < ambiguous.length; j++) {
                if (ambiguous[j]) {
                    String text = raw[j].level(rowCodes[j]);
                    problem(rowNumber, headers[j], text, "a number without a thousands separator (the sheet uses"
                            + " decimal commas, where '" + text + "' may mean a thousand times what another program"
                            + " reads: write the digits alone)");
                }
            }
            reportingAmbiguous = false;
        }
        // a row with more or fewer values than the header: every problem of the row says how a value may have moved
        // (a line of one value is a note, which validateRow says as such)
        String moved = "if a text holds the separator without quotes, the values after it have moved to the right"
                + " (write such a text in double quotes)";
        if (extraColumn >= 0) {
            problem(rowNumber, "column " + (extraColumn + 1), extraText, "no value beyond the last header column ("
                    + headers.length + " columns): " + moved);
            extraColumn = -1;
            shiftedRow = rowNumber;
            shiftHint = "; the row has values beyond the header's " + headers.length + " columns: " + moved;
        } else if (fieldCount < rowCodes.length && fieldCount > 1 && !shortRow(rowNumber, fieldCount)) {
            shiftedRow = rowNumber;
            shiftHint = "; the row has " + fieldCount + " values but the header has " + headers.length + " columns: if"
                    + " a separator is missing, the values after it have moved to the left";
        }
        for (int j = fieldCount; j < rowCodes.length; j++) {
            rowCodes[j] = EMPTY;
        }
        validateRow(rowNumber);
        shiftedRow = Integer.MIN_VALUE;
        csvRow = Integer.MIN_VALUE;
        if (ambiguousRow) {
            Arrays.fill(ambiguous, false);
            ambiguousRow = false;
        }
        if (commaRow) {
            Arrays.fill(commaCell, false);
            commaRow = false;
        }
    }

    /** CSV: the row {@link #endRow} is ending, and its number of values; none: MIN_VALUE. */
    private int csvRow = Integer.MIN_VALUE;
    private int csvFields;

    /**
     * CSV: the column of the row {@link #endRow} is ending whose value runs over lines of the file that hold the
     * separator, as rows do: a double quote opening the value and never closed read the rows after it into it. -1
     * when there is none. Looked for only once the row has a problem, off the reading's way.
     */
    private int swallowedRows() {
        for (int j = 0; j < csvFields && j < rowCodes.length; j++) {
            if (rowCodes[j] == EMPTY) {
                continue;
            }
            if (runsOverRows(raw[j].level(rowCodes[j]))) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Whether a line holds about as many separators (of one kind) as a row of the header's columns does, not the few
     * commas of a note.
     */
    private boolean likeARow(String line) {
        int enough = Math.max(2, headers.length - 2);
        for (char sep : new char[] {',', ';', '\t'}) {
            if (line.chars().filter(c -> c == sep).count() >= enough) {
                return true;
            }
        }
        return false;
    }

    /** CSV: the row whose values may have moved ({@link #endRow}), and what its problems add; none: MIN_VALUE. */
    private int shiftedRow = Integer.MIN_VALUE;
    private String shiftHint;

    /**
     * A row with fewer values than the header has columns (a line cut short, not empty cells: a spreadsheet
     * program writes every separator). When the missing columns include a known one, the row cannot be read: its
     * control arm would silently become a single arm.
     *
     * @return whether a problem was reported
     */
    private boolean shortRow(int rowNumber, int fieldCount) {
        int missingKnown = -1;
        for (int j = fieldCount; j < rowCodes.length && missingKnown < 0; j++) {
            if (Field.forHeader(headers[j]) != null && fieldColumn.containsValue(j)) {
                missingKnown = j;
            }
        }
        if (missingKnown >= 0) {
            problem(rowNumber, headers[missingKnown], null, "a value or an empty cell: the row has " + fieldCount
                    + " values but the header has " + headers.length + " columns, so '" + headers[missingKnown]
                    + "' and the columns after it are missing (for a single-arm study keep the separators and"
                    + " leave the control cells empty)");
        }
        return missingKnown >= 0;
    }

    /** A value beyond the header's columns in a row of a workbook or a table (no separator to blame). */
    private void beyondHeader(int rowNumber, int index, String value) {
        int own = outcomeOfEveryRow == null ? physicalColumns : physicalColumns - 1; // as the sheet has them
        problem(rowNumber, "column " + (index + 1), value, "no value beyond the last header column ("
                + own + " columns)");
    }

    /**
     * Classifies the levels of column {@code j} up to {@code code} that are new ({@link #PLAIN}, {@link #MISSING}
     * for "NA" and the like, {@link #TOO_LONG}): each level once, and a column is looked at row by row only once one
     * of its levels is not plain.
     */
    private void classify(int j, int code) {
        byte[] kinds = levelKinds[j];
        if (code >= kinds.length) {
            kinds = Arrays.copyOf(kinds, Math.max(2 * kinds.length, code + 1));
            levelKinds[j] = kinds;
        }
        for (int l = classified[j]; l <= code; l++) {
            String text = raw[j].level(l);
            byte k = text.length() > MAX_CELL_CHARS ? TOO_LONG : !numericColumn[j] && Blanks.hasControl(text)
                    && !runsOverRows(text) ? CONTROL : MissingValues.isMissing(text) ? MISSING : PLAIN;
            kinds[l] = k;
            special[j] |= k != PLAIN;
        }
        classified[j] = code + 1;
    }

    /**
     * The code of the label of level {@code code} of column {@code j} read with a space for each run of control
     * characters (a line break typed in a cell, a tab, a DOS end-of-file mark), set as the row's cell; EMPTY when
     * nothing else is left. Counted for the notice.
     */
    private int controlRead(int rowNumber, int j, int code) {
        if (controlRead == null) {
            controlRead = new int[headers.length][];
        }
        int[] read = controlRead[j];
        if (read == null || code >= read.length) {
            read = read == null ? new int[Math.max(16, code + 1)] : Arrays.copyOf(read, Math.max(2 * read.length,
                    code + 1));
            controlRead[j] = read;
        }
        if (read[code] == 0) {
            String text = Blanks.strip(Blanks.controlsAsSpaces(raw[j].level(code)));
            read[code] = (text.isEmpty() ? EMPTY : raw[j].intern(text)) + 2; // 0: not read yet
            raw[j].levelsRemapped();
        }
        if (lenient.count(LenientCells.Kind.CONTROL)) {
            lenient.first(LenientCells.Kind.CONTROL, "row " + rowNumber + ", column '" + headers[j] + "'");
        }
        rowCodes[j] = read[code] - 2;
        return rowCodes[j];
    }

    /**
     * Whether the row just appended holds nothing but blank cells, once its control characters are read as spaces (a
     * DOS end-of-file mark on a line of its own): then it is a blank row, taken back out of every column.
     */
    private boolean blankRow() {
        for (int j = 0; j < rowCodes.length; j++) {
            if (rowCodes[j] != blankCode[j] || marks != null && marks[j] != null) {
                return false;
            }
        }
        for (TextColumnBuilder b : raw) {
            b.dropLast();
        }
        return true;
    }

    /** Whether a label's lines after its first look like rows of the sheet (a CSV's unclosed double quote). */
    private boolean runsOverRows(String text) {
        String[] lines = text.split("\r\n|\r|\n");
        for (int l = 1; l < lines.length; l++) {
            if (likeARow(lines[l])) {
                return true;
            }
        }
        return false;
    }

    private void validateRow(int rowNumber) {
        if (rowHasMarks) {
            Arrays.fill(marks, null);
            rowHasMarks = false;
        }
        boolean controlled = false;
        for (int j = 0; j < rowCodes.length; j++) {
            int code = rowCodes[j];
            if (code != EMPTY && code >= classified[j]) {
                classify(j, code);
            }
            if (code != EMPTY && special[j]) {
                byte kind = levelKinds[j][code];
                if (kind == CONTROL) {
                    code = controlRead(rowNumber, j, code);
                    controlled = true;
                    if (code != EMPTY && code >= classified[j]) {
                        classify(j, code);
                    }
                    kind = code == EMPTY ? PLAIN : levelKinds[j][code];
                }
                if (kind == MISSING) {
                    if (lenient.count(LenientCells.Kind.MISSING)) {
                        lenient.first(LenientCells.Kind.MISSING, "'" + raw[j].level(rowCodes[j]) + "' in row "
                                + rowNumber + ", column '" + headers[j] + "'");
                    }
                    marks[j] = raw[j].level(rowCodes[j]);
                    rowHasMarks = true;
                    rowCodes[j] = EMPTY;
                } else if (kind == TOO_LONG) {
                    problem(rowNumber, headers[j], raw[j].level(rowCodes[j]).substring(0, 40) + "\u2026 ("
                            + raw[j].level(rowCodes[j]).length() + " characters)", "at most " + MAX_CELL_CHARS
                            + " characters, what a spreadsheet cell holds");
                    rowCodes[j] = EMPTY;
                }
            }
            if (rowCodes[j] == EMPTY) {
                if (blankCode[j] < 0) {
                    blankCode[j] = raw[j].intern("");
                }
                rowCodes[j] = blankCode[j];
            }
            raw[j].append(rowCodes[j]);
        }
        if (controlled && blankRow()) {
            return;
        }
        rowNumbers.add(rowNumber);
        String studyLabel = cell(Field.STUDY);
        String outcomeName = cell(Field.OUTCOME);
        if (studyLabel.equalsIgnoreCase(header(Field.STUDY)) && outcomeName.equalsIgnoreCase(header(Field.OUTCOME))) {
            // the header again (a second table pasted below the first): one problem, not one per count column
            problem(rowNumber, header(Field.STUDY), studyLabel, "a data row, but this row repeats the header (a second"
                    + " table pasted below the first?): delete it");
            explainedRow = rowNumber;
        } else if (studyLabel.isEmpty() && outcomeName.isEmpty() && isWord(cell(Field.EVENTS_MSC))
                && isWord(cell(Field.N_MSC))) {
            // sub-headings or units under the column names ("n", "N", "n (%)"): one problem, not one per column
            problem(rowNumber, header(Field.EVENTS_MSC), cell(Field.EVENTS_MSC), "a data row, but this row holds no"
                    + " study and words where the counts go ('" + cell(Field.EVENTS_MSC) + "', '" + cell(Field.N_MSC)
                    + "'): a second header row of sub-headings or units? Delete it, or write its words into the column"
                    + " names above");
            explainedRow = rowNumber;
        } else if (cell(Field.EVENTS_MSC).isEmpty() && cell(Field.N_MSC).isEmpty()) {
            int alone = loneCell();
            if (alone >= 0) {
                // a note below the table (abbreviations, a source), a subgroup's heading, a forest plot's statistics:
                // one problem, not one per empty column
                String text = raw[alone].level(rowCodes[alone]);
                problem(rowNumber, headers[alone], text, "a data row, but " + (rowNumber == csvRow && likeARow(text)
                        ? "this row is one text holding separators as a whole row does: a double quote (\") at its"
                        + " start that is never closed makes the rest of the file one value: delete that double"
                        + " quote, or close it" : CellHint.loneText(text)));
                explainedRow = rowNumber;
            }
        }
        if (studyLabel.isEmpty()) {
            String mark = mark(Field.STUDY);
            problem(rowNumber, header(Field.STUDY), shown(Field.STUDY), "a study label such as 'Bowdish 2023'"
                    + (mark == null ? writtenAbove(lastStudy, "study") : marked(mark)));
        } else if (totalsLevel(column[Field.STUDY.ordinal()])) {
            shiftedRow = Integer.MIN_VALUE; // a row of totals has its own number of values
            problem(rowNumber, header(Field.STUDY), studyLabel, "a study, but this is a row of totals or of a pooled"
                    + " result (as copied from a paper's table), whose participants the studies' rows already count:"
                    + " delete the row, mscmeta pools the studies itself (a trial so named: add its year to the"
                    + " label)");
            explainedRow = rowNumber; // its blank outcome and totals are that
        }
        if (outcomeName.isEmpty()) {
            String mark = mark(Field.OUTCOME);
            problem(rowNumber, header(Field.OUTCOME), shown(Field.OUTCOME), "an adverse-event outcome such as"
                    + " 'Death'" + (mark == null ? writtenAbove(lastOutcome, "outcome") : marked(mark)));
        }
        if (!studyLabel.isEmpty()) {
            lastStudy = new String[] {studyLabel, Integer.toString(rowNumber)};
        }
        if (!outcomeName.isEmpty()) {
            lastOutcome = new String[] {outcomeName, Integer.toString(rowNumber)};
        }

        int e1 = count(rowNumber, Field.EVENTS_MSC, 0);
        int n1 = count(rowNumber, Field.N_MSC, 1);
        if (e1 >= 0 && n1 >= 1 && e1 > n1) {
            problem(rowNumber, header(Field.EVENTS_MSC), cell(Field.EVENTS_MSC),
                    "at most n_msc = " + n1 + " (counts are participants with the event, not events)");
            eventsOverTotal++;
        }
        eventsMsc.add(e1);
        nMsc.add(n1);

        String ecText = cell(Field.EVENTS_CONTROL);
        String ncText = cell(Field.N_CONTROL);
        if (ecText.isEmpty() && ncText.isEmpty()) {
            eventsControl.add(-1);
            nControl.add(-1);
        } else if (ecText.isEmpty() || ncText.isEmpty()) {
            Field blank = ecText.isEmpty() ? Field.EVENTS_CONTROL : Field.N_CONTROL;
            Field filled = ecText.isEmpty() ? Field.N_CONTROL : Field.EVENTS_CONTROL;
            problem(rowNumber, header(blank), shown(blank), "a count, because " + header(filled)
                    + " is filled (leave both control columns blank for a single-arm study)" + marked(mark(blank)));
            eventsControl.add(-1);
            nControl.add(-1);
        } else {
            int e2 = count(rowNumber, Field.EVENTS_CONTROL, 0);
            int n2 = count(rowNumber, Field.N_CONTROL, 1);
            if (e2 >= 0 && n2 >= 1 && e2 > n2) {
                problem(rowNumber, header(Field.EVENTS_CONTROL), ecText,
                        "at most n_control = " + n2 + " (counts are participants with the event, not events)");
            }
            eventsControl.add(e2);
            nControl.add(n2);
        }

        years.add(year(rowNumber));
        checkDose(rowNumber);
        routes.add(Field.ROUTE, rowNumber);
        sources.add(Field.CELL_SOURCE, rowNumber);
    }

    /** Finishes the sheet: the validated data, or every problem found. */
    public ExtractionSheet finish() throws InvalidInputException {
        if (headerOk && rowNumbers.size() == 0) {
            problem(firstDataRow, "-", "", headerRow < 0 ? "at least one row" : "at least one data row below the header");
        }
        TextColumn study = headerOk ? rename(raw[column[Field.STUDY.ordinal()]].build(), "study") : null;
        TextColumn outcome = headerOk ? rename(raw[column[Field.OUTCOME.ordinal()]].build(), "outcome") : null;
        List<Notice> notices = new ArrayList<>(readNotices);
        TextColumn written = outcome;
        if (headerOk && problemCount == 0) {
            // variants of one outcome name are one outcome (and the map renames terms) before duplicates are sought
            outcome = OutcomeNames.harmonise(outcome, rowNumbers.toArray(), outcomeMap, file, notices);
        }
        List<TextColumn> columns = new ArrayList<>();
        if (headerOk) {
            for (TextColumnBuilder b : raw) {
                columns.add(b.build());
            }
            ColumnNotices read = new ColumnNotices(file, headers, columns, vocabulary);
            notices.addAll(0, read.shadowed(shadowed));
            notices.addAll(0, read.lookalikes(fieldColumn));
            notices.addAll(0, read.unnamed());
            if (armRows == null) {
                // a sheet of arms: checked as its arms are paired
                int yearColumn = column[Field.YEAR.ordinal()];
                int trialColumn = column[Field.TRIAL_ID.ordinal()];
                if (DuplicateRows.check(rowNumbers.toArray(), study, outcome, written,
                        yearColumn < 0 ? null : columns.get(yearColumn), trialColumn < 0 ? null
                        : columns.get(trialColumn), outcomeMap, header(Field.STUDY), this::problem)) {
                    problems.sort(java.util.Comparator.comparingInt(InputProblem::row));
                }
            }
        }
        if (headerOk) {
            int control = ArmCells.unreadControl(headers, fieldColumn, columns.stream().map(TextColumn::levels).toList());
            if (control >= 0) {
                problems.add(0, new InputProblem(file, headerRow, headers[control], ArmCells.eventsOfTotal(
                        columns.get(control).levels()), "the control arm's counts in events_control and n_control:"
                        + " this column holds events and totals, but the MSC arm's counts are in columns of their"
                        + " own, so it would not be read and every study would be single-arm (write the control"
                        + " arm's events and total in two columns, or both arms as events/total in columns 'MSC' and"
                        + " 'Control')"));
                problemCount++;
            }
        }
        if (eventsOverTotal >= 3 && 2L * eventsOverTotal >= rowNumbers.size()) {
            // most rows at once: the columns, not the counts (first, before the rows' own problems)
            problems.add(0, new InputProblem(file, headerRow, InputProblem.NO_COLUMN, "", "the participants with the"
                    + " event in events_msc and the arm's participants in n_msc, but in " + eventsOverTotal + " of "
                    + rowNumbers.size() + " rows '" + header(Field.EVENTS_MSC) + "' holds more than '"
                    + header(Field.N_MSC) + "', as if the two columns held each other's values: check which is which"));
            problemCount++;
        }
        if (problemCount > 0) {
            throw new InvalidInputException(problems, problemCount);
        }
        lenient.notices(notices, LenientCells.Kind.MISSING, LenientCells.Kind.PERCENTAGE,
                LenientCells.Kind.YEAR_AS_DATE, LenientCells.Kind.DECIMAL_COMMA, LenientCells.Kind.CONTROL);
        Notice review = ReviewFlags.notice(file, columns, rowNumbers);
        if (review != null) {
            notices.add(review);
        }
        notices.addAll(ReviewFlags.leftOut(file, columns, rowNumbers));
        notices.addAll(new ColumnNotices(file, headers, columns, vocabulary).mscComparators(rowNumbers, nControl));
        unknownNotices(notices, "route", unknownRoute);
        unknownNotices(notices, "cell_source", unknownSource);
        lenient.notices(notices, LenientCells.Kind.DOSE);
        TextColumn routes = route.build();
        TextColumn cellSources = cellSource.build();
        if (added != null) {
            notices.addAll(added.disagreements(file, rowNumbers.toArray(), routes, cellSources, header(Field.ROUTE),
                    header(Field.CELL_SOURCE)));
        }
        ExtractionSheet sheet = new ExtractionSheet(file, rowNumbers.toArray(), eventsMsc.toArray(), nMsc.toArray(),
                eventsControl.toArray(), nControl.toArray(), study, outcome, years.toArray(),
                routes, cellSources, List.copyOf(columns), new EnumMap<>(fieldColumn), List.copyOf(notices));
        return armRows == null ? sheet : armRows.pair(sheet, file);
    }

    private static TextColumn rename(TextColumn c, String name) {
        return new TextColumn(name, c.levels(), c.codes());
    }

    private void unknownNotices(List<Notice> out, String column, Map<String, List<Integer>> unknown) {
        for (Map.Entry<String, List<Integer>> e : unknown.entrySet()) {
            List<Integer> rows = e.getValue();
            out.add(new Notice("vocabulary", null, String.format(Locale.ROOT,
                    "%s: %s value \"%s\" is not in the vocabulary (row%s %s%s); kept as written", file, column,
                    e.getKey(), rows.size() == 1 ? "" : "s", joinRows(rows), rows.size() > 5 ? ", ..." : "")));
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

    /**
     * A vocabulary column (route, cell source): each distinct raw text is normalised once, and its code in the
     * normalised column kept by raw code; a value outside the vocabulary is kept as written and its rows noted.
     */
    private final class Normalised {
        private final Vocabulary.Kind kind;
        private final TextColumnBuilder out;
        private final Map<String, List<Integer>> unknownRows;
        /** Per raw code: the normalised column's code + 1 (0: not seen yet); negative when outside the vocabulary. */
        private int[] byRawCode = new int[16];
        private int absent;

        Normalised(Vocabulary.Kind kind, TextColumnBuilder out, Map<String, List<Integer>> unknownRows) {
            this.kind = kind;
            this.out = out;
            this.unknownRows = unknownRows;
        }

        void add(Field f, int rowNumber) {
            int j = column[f.ordinal()];
            if (j < 0) {
                if (absent == 0) {
                    absent = lookUp("");
                }
                record(absent, "", rowNumber);
                return;
            }
            int raw = rowCodes[j];
            if (raw >= byRawCode.length) {
                byRawCode = Arrays.copyOf(byRawCode, Math.max(2 * byRawCode.length, raw + 1));
            }
            if (byRawCode[raw] == 0) {
                byRawCode[raw] = lookUp(cell(f));
            }
            record(byRawCode[raw], byRawCode[raw] < 0 ? cell(f) : null, rowNumber);
        }

        /** The normalised code + 1, negated when the value is outside the vocabulary (then kept as written). */
        private int lookUp(String value) {
            String hit = vocabulary.normalise(kind, value);
            return hit == null ? -(out.intern(value) + 1) : out.intern(hit) + 1;
        }

        private void record(int entry, String value, int rowNumber) {
            if (entry < 0) {
                unknownRows.computeIfAbsent(value, v -> new ArrayList<>()).add(rowNumber);
                out.append(-entry - 1);
            } else {
                out.append(entry - 1);
            }
        }
    }

    private int year(int rowNumber) {
        long v = whole(Field.YEAR);
        if (v == WholeNumber.BLANK) {
            return ExtractionSheet.NO_YEAR;
        }
        if (v < 0 || v > 9999) {
            int typed = CellHint.yearShownAsDate(cell(Field.YEAR));
            if (typed >= 0) {
                if (lenient.count(LenientCells.Kind.YEAR_AS_DATE)) {
                    lenient.first(LenientCells.Kind.YEAR_AS_DATE, "'" + cell(Field.YEAR) + "' in row " + rowNumber
                            + ", column '" + header(Field.YEAR) + "', read as " + typed);
                }
                return typed;
            }
            problem(rowNumber, header(Field.YEAR), cell(Field.YEAR), "a year as a whole number such as 2021, or a blank cell"
                    + CellHint.year(cell(Field.YEAR)));
            return ExtractionSheet.NO_YEAR;
        }
        if (v < FIRST_YEAR || v > LAST_YEAR_BUILT && v > lastYear()) {
            problem(rowNumber, header(Field.YEAR), cell(Field.YEAR), "the year the study was published, from "
                    + FIRST_YEAR + " to " + lastYear() + ", or a blank cell (" + v
                    + " cannot be a publication year: a typo?)");
            return ExtractionSheet.NO_YEAR;
        }
        return (int) v;
    }

    /** The earliest publication year read; a year before it is a typo (202 for 2020). */
    static final int FIRST_YEAR = 1900;

    /** Years up to this one are always accepted; a later year is compared with the clock (see {@link #lastYear}). */
    private static final int LAST_YEAR_BUILT = 2026;

    /**
     * The latest publication year read: next year (a paper published early, or a sheet dated ahead), from the clock
     * as a count of average Gregorian years since 1970, which is off by a day at most around New Year.
     */
    static int lastYear() {
        return 1970 + (int) (System.currentTimeMillis() / 31_556_952_000L) + 1;
    }

    private void checkDose(int rowNumber) {
        if (perLevel(Field.DOSE, SheetValidator::badDose) == 1 && lenient.count(LenientCells.Kind.DOSE)) {
            lenient.first(LenientCells.Kind.DOSE, "row " + rowNumber);
        }
    }

    /** Parses a count; returns -1 (and records a problem) when it is not a whole number >= min. */
    private int count(int rowNumber, Field field, int min) {
        if (ambiguousRow && ambiguous[column[field.ordinal()]]) {
            return -1; // its one problem given (endRow)
        }
        long v = whole(field);
        if (v >= min && v <= Integer.MAX_VALUE / 4) {
            return (int) v;
        }
        if (v == WholeNumber.NOT_A_NUMBER && min == 0) {
            int withShare = CellHint.countWithPercentage(cell(field), whole(totalOf(field)));
            if (withShare >= 0) {
                if (lenient.count(LenientCells.Kind.PERCENTAGE)) {
                    lenient.first(LenientCells.Kind.PERCENTAGE, "'" + cell(field) + "' in row " + rowNumber
                            + ", column '" + header(field) + "'");
                }
                return withShare;
            }
        }
        countProblem(rowNumber, field, min, v);
        return -1;
    }

    /** The arm's total of an events field. */
    private static Field totalOf(Field events) {
        return events == Field.EVENTS_MSC ? Field.N_MSC : Field.N_CONTROL;
    }

    /** Records why a count cell is not usable (kept out of {@link #count}, the hot path). */
    private void countProblem(int rowNumber, Field field, int min, long v) {
        String text = cell(field);
        String what = min == 1 ? "a whole number of participants, at least 1"
                : "a whole number of participants with the event, 0 or more";
        if (v == WholeNumber.BLANK) {
            String mark = mark(field);
            problem(rowNumber, header(field), shown(field), what + marked(mark) + (mark == null ? "" : "; a study"
                    + " that did not report an outcome has no row for it"));
        } else if (v == WholeNumber.FRACTION) {
            problem(rowNumber, header(field), text, what + " (not a fraction" + asPercentage(text) + ")");
        } else if (v == WholeNumber.NOT_A_NUMBER) {
            problem(rowNumber, header(field), text, what + (min == 0 ? CellHint.count(text, whole(totalOf(field)))
                    : CellHint.count(text)));
        } else if (v < 0 || v == WholeNumber.NEGATIVE) {
            problem(rowNumber, header(field), text, what + " (not negative)");
        } else if (v < min) {
            // 0 of 0 in the control columns: how some sheets write a study without a control arm
            boolean noControl = field == Field.N_CONTROL && whole(Field.EVENTS_CONTROL) == 0;
            problem(rowNumber, header(field), text, what + " (a study arm with zero participants cannot be analysed"
                    + (noControl ? "; for a single-arm study leave both control columns blank" : "") + ")");
        } else {
            // "at least 1 below 536870911" read as one number; the limit, accepted, is far above any trial
            problem(rowNumber, header(field), text, what + " and at most " + String.format(java.util.Locale.ROOT, "%,d",
                    Integer.MAX_VALUE / 4) + " (no trial is larger)");
        }
    }

    /**
     * For a number between 0 and 1 in a count cell, "; if it is a proportion or a percentage (10%), give the number
     * of participants": a workbook's cell typed as 10% holds 0.1, which is what the sheet gives to read; else "".
     */
    private static String asPercentage(String text) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(text.strip());
            if (d.signum() > 0 && d.compareTo(java.math.BigDecimal.ONE) < 0) {
                return "; if it is a proportion or a percentage (" + d.movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "%), give the number of participants instead";
            }
        } catch (NumberFormatException e) {
            // not a plain decimal (an exponent form reads as one; anything else is not a fraction here)
        }
        return "";
    }

    /** The current row's cell of a field when it was a mark of a value not reported ("NR"), else null. */
    private String mark(Field f) {
        int j = column[f.ordinal()];
        return j < 0 ? null : marks[j];
    }

    /** The current row's cell of a field as the sheet holds it: a mark of a value not reported as written. */
    private String shown(Field f) {
        String mark = mark(f);
        return mark == null ? cell(f) : mark;
    }

    /** The current row's stripped cell of a field, or "" when the sheet has no such column. */
    private String cell(Field f) {
        int j = column[f.ordinal()];
        return j < 0 ? "" : raw[j].level(rowCodes[j]);
    }

    /** 1 when a dose is given but is not a number, else 0. */
    private static long badDose(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            DecimalText.parse(text);
            return 0;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The current row's cell of a field read as a whole number ({@link WholeNumber}), parsed once per text. */
    private long whole(Field f) {
        return perLevel(f, WholeNumber::parse);
    }

    /**
     * {@code parse} of the current row's cell of a field, computed once per distinct text of the column (each
     * column serves one field); {@link WholeNumber#BLANK} when the sheet has no such column.
     */
    private long perLevel(Field f, java.util.function.ToLongFunction<String> parse) {
        int j = column[f.ordinal()];
        if (j < 0) {
            return WholeNumber.BLANK;
        }
        int code = rowCodes[j];
        long[] cache = parsed[j];
        if (cache == null || code >= cache.length) {
            int old = cache == null ? 0 : cache.length;
            cache = cache == null ? new long[Math.max(16, raw[j].levelCount())]
                    : Arrays.copyOf(cache, Math.max(2 * old, raw[j].levelCount()));
            Arrays.fill(cache, old, cache.length, UNPARSED);
            parsed[j] = cache;
        }
        long v = cache[code];
        if (v == UNPARSED) {
            v = parse.applyAsLong(raw[j].level(code));
            cache[code] = v;
        }
        return v;
    }

    private String header(Field f) {
        Integer j = fieldColumn.get(f);
        return j == null ? f.canonical() : headers[j];
    }

    /** Whether a cell holds a word and no digit ("n", "N", "Total"): no count, nor a count written badly. */
    private static boolean isWord(String cell) {
        return !cell.isEmpty() && cell.chars().noneMatch(Character::isDigit)
                && cell.chars().anyMatch(Character::isLetter);
    }

    /** The column of the current row's only non-empty cell, or -1 when it has none or more than one. */
    private int loneCell() {
        int found = -1;
        for (int j = 0; j < rowCodes.length; j++) {
            if (!raw[j].level(rowCodes[j]).isEmpty()) {
                if (found >= 0) {
                    return -1;
                }
                found = j;
            }
        }
        return found;
    }

    /** The row last found to be other than data (the header again, a note): its other problems are that one. */
    private int explainedRow = Integer.MIN_VALUE;

    /** For a required label that was a mark of a value not reported: why it counts as missing. */
    /**
     * The study and the outcome last written in their columns, with the row (null before the first): a blank cell
     * below is named as a sheet grouped by study or outcome leaves it, written on the group's first row alone.
     */
    private String[] lastStudy;
    private String[] lastOutcome;

    /** What a blank study or outcome cell below {@code last} may be, and what to do; "" when none was written. */
    private static String writtenAbove(String[] last, String what) {
        return last == null ? "" : " (is the " + what + " written on row " + last[1] + " alone, as '" + last[0] + "',"
                + " for the rows below it too? a sheet grouped by " + what + ", or merged cells saved as text, leaves"
                + " the cells below it blank: write the " + what + " on each of its rows)";
    }

    private static String marked(String mark) {
        return mark == null ? "" : " ('" + mark + "' is read as a mark of a value not reported)";
    }

    private void problem(int row, String column, String value, String expected) {
        if (row == explainedRow || ambiguousRow && !reportingAmbiguous && isAmbiguous(column)) {
            return;
        }
        if (row == csvRow) {
            csvRow = Integer.MIN_VALUE; // looked for once
            int j = swallowedRows();
            if (j >= 0) {
                // the row's one problem: what else is wrong with it follows from that
                String[] lines = raw[j].level(rowCodes[j]).split("\r\n|\r|\n", -1);
                shiftedRow = Integer.MIN_VALUE;
                problem(row, headers[j], lines[0] + " ...", "one value, but it runs over " + lines.length + " lines"
                        + " of the file, and the lines after its first look like rows of the sheet: a double quote"
                        + " (\") opens the value and is not closed where it ends, so the rows after it were read into"
                        + " it: delete that double quote, or close it");
                explainedRow = row;
                return;
            }
        }
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            if (commaRow) {
                value = asWritten(column, value);
            }
            String place = rowPlaces.get(row);
            problems.add(new InputProblem(place == null ? file : file + " (" + place + ")", row, column, value,
                    row == shiftedRow ? expected + shiftHint : expected));
        }
    }

    /** A cell of the current row read with a decimal comma ("10.5") as the sheet has it ("10,5"); else as given. */
    private String asWritten(String column, String value) {
        for (int j = 0; j < commaCell.length; j++) {
            if (commaCell[j] && headers[j].equals(column) && value.equals(raw[j].level(rowCodes[j]))) {
                return value.replace('.', ',');
            }
        }
        return value;
    }

    /** Where a row is in a file that has no rows of its own (a RevMan review: its analysis and study), by row. */
    private final Map<Integer, String> rowPlaces = new HashMap<>();

    /** Row {@code row} is {@code place} ("analysis 1.2 'Death', study 'Lee 2010'"), as its problems say. */
    void placeRow(int row, String place) {
        rowPlaces.put(row, place);
    }
}
