package org.mscmeta.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of the first stage: reads an extraction sheet (delimited text as spreadsheet programs save it, a
 * sheet of an .xlsx, .xls or .ods workbook, or a RevMan 5 review), validates it and returns it column-wise. Text is
 * streamed with FastCSV ({@link CsvSheet}); .xlsx is streamed with Apache POI's SAX reading ({@link XlsxSheet}); .xls
 * is read whole with POI's HSSF ({@link XlsSheet}), .ods by StAX ({@link OdsSheet}); a RevMan review's XML
 * is parsed by SAX ({@link RevManFile}).
 */
public final class SheetReader {

    /**
     * The sheet of the workbook mscmeta writes (results.xlsx) that lists the input rows, which a co-author may edit:
     * that workbook given as the input is read from this sheet, with a notice saying so ({@code SheetChoice}).
     */
    public static final String RESULTS_DATA_SHEET = "Data";
    /** The first sheet of the results workbook: with {@link #RESULTS_METHODS_SHEET}, what tells it from mscmeta's others. */
    public static final String RESULTS_SUMMARY_SHEET = "Summary";
    /** The results workbook's sheet of methods, which names the run's input. */
    public static final String RESULTS_METHODS_SHEET = "Methods";
    /** The column of {@link #RESULTS_DATA_SHEET} that gives each input row's row in the input. */
    public static final String RESULTS_INPUT_ROW = "Input row";
    /** The column of {@link #RESULTS_DATA_SHEET} that gives the route as normalised (beside the route as read). */
    public static final String RESULTS_ROUTE_NORMALISED = "route (normalised)";
    /** The column of {@link #RESULTS_DATA_SHEET} that gives the cell source as normalised. */
    public static final String RESULTS_CELL_SOURCE_NORMALISED = "cell_source (normalised)";

    /**
     * The description (a document property, which spreadsheet programs keep) of a results workbook whose
     * {@link #RESULTS_DATA_SHEET} sheet lists only the first {@code listed} of the run's {@code rows} input rows: read
     * back, the sheet is refused rather than analysed as if it held them all ({@code SheetChoice}).
     */
    public static String resultsDataCut(int listed, long rows) {
        return "Sheet '" + RESULTS_DATA_SHEET + "' lists the first " + listed + " of the " + rows + " input rows of"
                + " the run (a worksheet holds no more).";
    }

    /** {@link #resultsDataCut}'s text: the rows listed and the run's input rows. */
    static final java.util.regex.Pattern RESULTS_DATA_CUT = java.util.regex.Pattern.compile("Sheet '"
            + RESULTS_DATA_SHEET + "' lists the first (\\d{1,9}) of the (\\d{1,12}) input rows of the run.*",
            java.util.regex.Pattern.DOTALL);

    private final Vocabulary vocabulary;
    private final OutcomeMap outcomeMap;

    public SheetReader(Vocabulary vocabulary) {
        this(vocabulary, OutcomeMap.NONE);
    }

    /** A reader that renames outcomes by an outcome harmonisation table ({@code --outcome-map}). */
    public SheetReader(Vocabulary vocabulary, OutcomeMap outcomeMap) {
        this.vocabulary = vocabulary;
        this.outcomeMap = outcomeMap == null ? OutcomeMap.NONE : outcomeMap;
    }

    /** The same reader with an outcome harmonisation table. */
    public SheetReader withOutcomeMap(OutcomeMap map) {
        return new SheetReader(vocabulary, map);
    }

    /** A reader with the built-in vocabulary. */
    public static SheetReader withBuiltInVocabulary() {
        return new SheetReader(Vocabulary.builtIn());
    }

    /** The files of a folder that could be sheets, as the refusal of the folder names them (" (it holds ...)"). */
    private static String sheetsIn(Path folder) {
        java.util.List<String> names;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(f -> f.toLowerCase(Locale.ROOT).matches(".*\\.(csv|tsv|txt|xlsx|xlsm|xls|ods|rm5)")
                            && !f.startsWith("~$") && !f.startsWith(".~lock"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        if (names.isEmpty()) {
            return " (it holds none of these)";
        }
        int shown = Math.min(names.size(), 5);
        return " (it holds " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "") + ")";
    }

    /**
     * Reads and validates a sheet.
     *
     * @param file      a delimited text file (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252), an .xlsx, .xls
     *                  or .ods workbook, or a RevMan 5 review (.rm5, {@link RevManFile}); a workbook or a review
     *                  under another name is read as what it is ({@link FileKind})
     * @param sheetName for a workbook: the sheet to read, or null for the first that holds the required columns
     * @throws InvalidInputException listing every problem found, each with its file, row and column
     * @throws IOException           when the file cannot be read at all
     */
    public ExtractionSheet read(Path file, String sheetName) throws InvalidInputException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file.toString(), "a sheet's file (a .csv, .tsv or .txt file, an .xlsx,"
                    + " .xls or .ods workbook, or a RevMan 5 review, .rm5), but this is a folder: name the file in it"
                    + sheetsIn(file));
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such input file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file.toString(), "a sheet's file, but this is not a file (a device or a"
                    + " pipe): save the sheet as a file and name it");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        java.util.function.Function<String, SheetValidator> validators =
                part -> new SheetValidator(part, vocabulary, outcomeMap);
        java.util.List<SheetValidator> parts;
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
            // by content, not by name: an .xls file may be an .xlsx renamed, or a web page a site exported as ".xls"
            FileKind kind = FileKind.of(file);
            if (kind == FileKind.OLE2) {
                parts = XlsSheet.read(file, name, sheetName, validators);
            } else if (kind == FileKind.TEXT) {
                return textUnderWorkbookName(file, name, lower.substring(lower.lastIndexOf('.')), sheetName,
                        () -> validators.apply(name));
            } else if (lower.endsWith(".xls") && kind != FileKind.ZIP && kind != FileKind.OPEN_DOCUMENT
                    || !kind.sheet()) {
                String save = ": open the workbook in Excel or LibreOffice and save it as .xlsx, or save the data as"
                        + " CSV";
                throw new InvalidInputException(name, "an " + (lower.endsWith(".xls") ? ".xls" : ".xlsx")
                        + " workbook, but the file is " + (Files.size(file) == 0 ? "empty" + save
                        : kind == FileKind.BINARY ? "none that could be opened (it is damaged, truncated, or of"
                        + " another type)" + save : markup(kind)));
            } else {
                parts = XlsxSheet.read(file, name, sheetName, validators);
            }
        } else if (lower.endsWith(".ods")) {
            parts = OdsSheet.read(file, name, sheetName, validators);
        } else if (lower.endsWith(".numbers") || lower.endsWith(".fods")) {
            throw new InvalidInputException(name, "an .xlsx, .xls or .ods workbook or a delimited text file (.csv,"
                    + " .tsv, .txt): " + (lower.endsWith(".fods") ? "this is a flat OpenDocument file; open it in"
                    + " LibreOffice and save it as .ods, .xlsx or CSV" : "open this one in Numbers and export it as"
                    + " .xlsx or CSV"));
        } else {
            // a workbook or a review under another name is read as what it is; markup is said to be what it is
            FileKind kind = lower.endsWith(".rm5") ? FileKind.REVMAN : FileKind.of(file);
            switch (kind) {
                case OLE2 -> parts = XlsSheet.read(file, name, sheetName, validators);
                case ZIP -> parts = XlsxSheet.read(file, name, sheetName, validators);
                case OPEN_DOCUMENT -> parts = OdsSheet.read(file, name, sheetName, validators);
                case SPREADSHEET_2003_XML, HTML, XML, RESULTS_JSON, CTGOV_RECORD, JSON, PDF, IMAGE ->
                        throw new InvalidInputException(name, "delimited text (.csv, .tsv, .txt: values separated by"
                        + " commas, semicolons or tabs) or a workbook, but the file is " + markup(kind));
                default -> {
                    if (sheetName != null) {
                        throw new InvalidInputException(name, "a workbook (.xlsx, .xls or .ods), as --sheet names one"
                                + " of its sheets, but this is " + (kind == FileKind.REVMAN ? "a RevMan 5 review"
                                : "read as delimited text") + ", which has none: leave --sheet out");
                    }
                    if (kind == FileKind.REVMAN) {
                        SheetValidator validator = validators.apply(name);
                        RevManFile.read(file, name, validator);
                        parts = java.util.List.of(validator);
                    } else {
                        parts = java.util.List.of(CsvSheet.read(file, name, () -> validators.apply(name)));
                    }
                }
            }
        }
        return parts.size() == 1 && parts.get(0).file().equals(name) ? parts.get(0).finish()
                : SheetParts.join(name, parts);
    }

    /**
     * A text file under a workbook's name ({@code .xls}, {@code .xlsx}, {@code .xlsm}), as some sites export a table
     * of tab-separated values: read as delimited text, as Excel opens it (after a warning), with a notice that says
     * so. Where the text is no sheet, the problems found in it follow a line that says it was read as text.
     */
    private static ExtractionSheet textUnderWorkbookName(Path file, String name, String extension, String sheetName,
                                                         java.util.function.Supplier<SheetValidator> validators)
            throws IOException, InvalidInputException {
        String holdsText = "the file holds text (as some sites export a table)";
        if (sheetName != null) {
            throw new InvalidInputException(name, "a workbook, as --sheet names one of its sheets, but " + holdsText
                    + ", which has no sheets: leave --sheet out");
        }
        try {
            SheetValidator read = CsvSheet.read(file, name, validators);
            read.notice(new Notice("sheet", null, name + ": the file holds text, not an " + extension + " workbook (as"
                    + " some sites export a table); it was read as delimited text, as"
                    + " Excel opens it (saving it as .csv, or as .xlsx from Excel, gives it the name of what it is)"));
            return read.finish();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": expected an " + extension + " workbook, but " + holdsText
                    + ": it was read as delimited text, in which" + (e.total() == 1 ? " this was found"
                    : " these were found"), e);
        }
    }

    /**
     * What a file of markup (or another file that is no sheet) is, and what to do instead, for a problem's "expected
     * ..., but the file is ...".
     */
    private static String markup(FileKind kind) {
        String save = ": open it in Excel or LibreOffice and save it as .xlsx, or save the data as CSV";
        String type = ": type the counts into a sheet (docs/input-format.md) and give that";
        return switch (kind) {
            case SPREADSHEET_2003_XML -> "an Excel 2003 XML spreadsheet (\"XML Spreadsheet 2003\"), which mscmeta does"
                    + " not read" + save;
            case HTML -> "a web page (HTML), as some sites export a table" + save;
            case RESULTS_JSON -> "the results of an earlier run of mscmeta (results.json), not an extraction sheet:"
                    + " give the sheet they were computed from (its name is under \"input\" in the file)";
            case CTGOV_RECORD -> "a ClinicalTrials.gov study record, not an extraction sheet: turn it into one"
                    + " with 'mscmeta import-ctgov FILE --out FOLDER', then analyse the sheet that writes";
            case JSON -> "JSON, not rows of values: export the data as CSV or .xlsx from the program that wrote it";
            case PDF -> "a PDF (a paper or a plot), from which mscmeta reads no table" + type;
            case IMAGE -> "a picture (PNG, JPEG or GIF), from which mscmeta reads no table" + type;
            default -> "XML, not rows of values: export the data as CSV or .xlsx from the program that wrote it";
        };
    }

    /**
     * Validates a table held in memory (a data frame's columns as text): {@code columnNames} are its header, each
     * element of {@code rows} one row's cells in that order ({@code null} or "" for a blank cell). Problems name the
     * row by its index from 0, as the table numbers it.
     *
     * @param name how problems and notices name the table, e.g. "table 'trials'"
     * @throws InvalidInputException listing every problem found
     */
    public ExtractionSheet read(String name, String[] columnNames, Iterable<String[]> rows) throws InvalidInputException {
        SheetValidator v = new SheetValidator(name, vocabulary, outcomeMap);
        v.numberRowsByIndex();
        if (v.header(columnNames)) {
            int i = 0;
            for (String[] row : rows) {
                v.row(i++, row);
            }
        }
        return v.finish();
    }

    static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!Blanks.isBlank(c)) {
                return false;
            }
        }
        return true;
    }
}
