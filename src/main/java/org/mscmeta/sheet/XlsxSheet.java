package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a sheet of an .xlsx workbook into a {@link SheetValidator}, streaming its XML with Apache POI's read-only
 * package and a SAX parser (hardened against external entities by POI's {@code XMLHelper}), so that memory does not
 * grow with the workbook: only the validator's columns are kept.
 *
 * <ul>
 *   <li>The sheet: the one named ({@code --sheet}), else the first whose first rows hold the required columns (a
 *       workbook that opens on a sheet of notes is read from its data sheet, with a notice naming it). The header may
 *       stand below a few rows of titles (then a notice says so).</li>
 *   <li>Formulas are read by the value the spreadsheet program saved with them. A formula without a saved value
 *       (workbooks written by openpyxl or pandas) is evaluated with POI's evaluator when the workbook is small enough
 *       to open whole ({@link #EVALUATE_MAX_BYTES}); one that cannot be evaluated is refused, naming its cell. It is
 *       never read as 0.</li>
 *   <li>Merged cells are read as the sheet shows them ({@link MergedCells}): they follow the rows in the sheet's
 *       XML, so a sheet with merged data cells is streamed a second time with them filled in. Hidden rows are read
 *       like the others, with a notice.</li>
 *   <li>Limits: at most {@link #MAX_ROWS} rows (a worksheet's own limit) and {@link #MAX_BYTES} bytes; a damaged,
 *       empty or foreign file, and a "zip bomb" (content that inflates far beyond its size), are refused with a
 *       sentence, not a library's message.</li>
 * </ul>
 */
final class XlsxSheet {

    static {
        org.mscmeta.files.QuietLogging.forPoi(); // before POI's first class: no Log4j warning for library callers
    }

    /** A worksheet holds at most this many rows (Excel's and LibreOffice's limit). */
    static final int MAX_ROWS = 1_048_576;

    /** Workbooks larger than this are refused (500 MB). */
    static final long MAX_BYTES = 500L * 1024 * 1024;

    /** Formulas without a saved value are evaluated when the workbook is at most this large (50 MB). */
    static final long EVALUATE_MAX_BYTES = 50L * 1024 * 1024;

    private XlsxSheet() {
    }

    /**
     * Reads the sheets {@link SheetChoice} chooses, each into validators of its own; {@code validators} makes a fresh
     * validator whose problems and notices name the sheet as given.
     */
    static List<SheetValidator> read(Path file, String name, String sheetName,
                                     java.util.function.Function<String, SheetValidator> validators)
            throws IOException, InvalidInputException {
        long size = Files.size(file);
        WorkbookRows.refuseBySize(name, ".xlsx", size, MAX_BYTES);
        refuseArchive(file, name);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (!pkg.getRelationshipsByType(
                    org.apache.poi.openxml4j.opc.PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
                // Excel's "Strict Open XML Spreadsheet": the same .xlsx name, its XML in other namespaces, which
                // POI reads only in part; said so, rather than "damaged" or a workbook of no sheets
                throw new InvalidInputException(name, "an .xlsx workbook as Excel saves it by default, but this one was"
                        + " saved as a Strict Open XML Spreadsheet, which mscmeta does not read: open it in Excel and"
                        + " save it again (File, Save As) as the type 'Excel Workbook (*.xlsx)', or save the data as"
                        + " CSV");
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            List<String> names = new ArrayList<>();
            List<HeaderSearch.Found> headers = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String n = it.getSheetName();
                    names.add(n);
                    headers.add(sheetName != null && !WorkbookRows.names(n, sheetName) ? HeaderSearch.Found.NONE
                            : headerOf(in, strings));
                }
            }
            SheetChoice choice = SheetChoice.of(name, sheetName, names, headers, hiddenSheets(reader),
                    writtenByMscmeta(pkg));
            XlsxStyles styles = XlsxStyles.of(reader);
            XSSFWorkbook[] whole = {null};
            List<SheetValidator> parts = new ArrayList<>();
            for (int i = 0; i < choice.sheets().size(); i++) {
                String sheet = choice.sheets().get(i);
                String part = choice.partName(name, sheet);
                HeaderSearch.Found header = choice.headers().get(i);
                int at = i;
                // each pass over the sheet reads into a fresh validator, with the notices about the sheet itself
                Supplier<SheetValidator> fresh = () -> choice.validator(at, name, validators);
                parts.add(readSheet(pkg, reader, strings, styles, sheet, header, fresh, part, size, whole));
            }
            return parts;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | SAXException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new InvalidInputException(name, whyNotReadable(e));
        } catch (RuntimeException e) {
            if (!fromReading(e)) {
                throw e;
            }
            throw new InvalidInputException(name, whyNotReadable(e));
        }
    }

    /**
     * Refuses a zip file that is no workbook (no {@code [Content_Types].xml}, which every Office Open XML package
     * holds): a folder of sheets zipped, named .xlsx or .csv, said to be what it is rather than "damaged". A zip that
     * cannot be opened is left to the workbook reader, which says so.
     */
    private static void refuseArchive(Path file, String name) throws InvalidInputException {
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                // another Office document: said to be what it is, rather than a workbook of no sheets
                String other = zip.getEntry("word/document.xml") != null ? "a Word document (.docx)"
                        : zip.getEntry("ppt/presentation.xml") != null ? "a PowerPoint presentation (.pptx)" : null;
                if (other != null) {
                    throw new InvalidInputException(name, "a sheet's file (delimited text or a workbook), but the file"
                            + " is " + other + ", from which mscmeta reads no table: copy its table into a"
                            + " spreadsheet and save that as .xlsx or CSV");
                }
                return;
            }
            zip.stream().filter(e -> !e.isDirectory()).limit(4).forEach(e -> entries.add(e.getName()));
            if (entries.isEmpty()) {
                return;
            }
            int count = (int) zip.stream().filter(e -> !e.isDirectory()).count();
            throw new InvalidInputException(name, "a sheet's file (delimited text or a workbook), but the file is a zip"
                    + " archive of "
                    + Notice.count(count, "file", "files") + " (" + String.join(", ", entries.subList(0,
                    Math.min(3, entries.size()))) + (count > 3 ? ", ..." : "") + "), not a workbook: unpack it and"
                    + " give the sheet inside");
        } catch (IOException | RuntimeException e) {
            // not a zip this reader can open: the workbook reader names the problem
        }
    }

    /**
     * One sheet into a validator from {@code fresh}: streamed, again with its merged cells filled in when it has
     * any, or, when formulas have no saved value, read from the workbook opened whole ({@code whole}, opened once).
     */
    private static SheetValidator readSheet(OPCPackage pkg, XSSFReader reader, ReadOnlySharedStringsTable strings,
                                            XlsxStyles styles, String sheet, HeaderSearch.Found header,
                                            Supplier<SheetValidator> fresh, String name, long size,
                                            XSSFWorkbook[] whole)
            throws IOException, SAXException, InvalidInputException,
            org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        SheetValidator validator = fresh.get();
        Streamed read = stream(reader, strings, styles, sheet, header, validator, name, MergedCells.NONE);
        List<String> unevaluated = read.unevaluated();
        if (unevaluated.isEmpty()) {
            MergedCells merged = new MergedCells(read.merged(), header.row());
            if (merged.any()) {
                // merged cells follow the rows in the sheet's XML: read again, the merged cells filled in
                validator = fresh.get();
                read = stream(reader, strings, styles, sheet, header, validator, name, merged);
            }
            WorkbookRows.layoutNotices(validator, name, sheet, read.hidden(), read.struck(), merged);
            return validator;
        }
        // formulas without a saved value: evaluated in a workbook opened whole, or refused
        if (size > EVALUATE_MAX_BYTES) {
            throw new InvalidInputException(name, "saved values for its formulas, but "
                    + Notice.count(unevaluated.size(), "formula cell has", "formula cells have")
                    + " none (first: cell " + unevaluated.get(0) + "), and the workbook is"
                    + " too large to evaluate them here: open it in Excel or LibreOffice and save it, which stores"
                    + " the values");
        }
        SheetValidator evaluated = fresh.get();
        if (whole[0] == null) {
            whole[0] = new XSSFWorkbook(pkg);
        }
        WorkbookRows.read(whole[0], whole[0].getSheet(sheet), header, evaluated, name);
        evaluated.notice(new Notice("formulas", null, name + ": "
                + Notice.count(unevaluated.size(), "formula cell", "formula cells")
                + " had no saved value (the workbook was written by a program that does not compute formulas) and"
                + (unevaluated.size() == 1 ? " was" : " were") + " evaluated here (first: cell "
                + unevaluated.get(0) + ")"));
        return evaluated;
    }

    /** Whether an unchecked exception came from reading the package (POI, XMLBeans, the zip reader, the parser). */
    private static boolean fromReading(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String c = t.getClass().getName();
            if (c.startsWith("org.apache.poi") || c.startsWith("org.apache.xmlbeans") || c.startsWith("java.util.zip")
                    || c.startsWith("org.apache.commons.compress") || c.contains("xerces")) {
                return true;
            }
            for (StackTraceElement el : t.getStackTrace()) {
                if (el.getClassName().startsWith("org.apache.poi")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A sentence for why a file could not be read as a workbook. */
    private static String whyNotReadable(Throwable e) {
        String text = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceed")
                && text.contains("maximum")) {
            return "an .xlsx workbook of ordinary content, but its compressed content expands far beyond its size"
                    + " (a 'zip bomb', or a damaged file); it was not read";
        }
        if (text.contains("DOCTYPE") || text.contains("DTD") || text.contains("entity")) {
            return "an .xlsx workbook, but its XML declares a document type or external entities, which a"
                    + " spreadsheet program never writes; it was not read";
        }
        return "an .xlsx workbook, but the file could not be opened as one (it is damaged, truncated, encrypted, or"
                + " of another type): open it in Excel or LibreOffice and save it as .xlsx, or save the data as CSV";
    }

    /** The header in the sheet's first {@link HeaderSearch#ROWS} rows. */
    private static HeaderSearch.Found headerOf(InputStream sheetXml, ReadOnlySharedStringsTable strings)
            throws IOException, SAXException {
        HeaderSearch.Found[] found = {HeaderSearch.Found.NONE};
        HeaderSearch search = new HeaderSearch();
        RowHandler handler = new RowHandler(strings, (row, cells, formulas, hidden, struck) -> {
            if (row > HeaderSearch.ROWS) {
                throw new Stop();
            }
            found[0] = search.offer(row, cells);
            if (found[0].any()) {
                throw new Stop();
            }
        });
        parse(sheetXml, handler);
        return found[0];
    }

    /**
     * What a pass over the sheet found besides its rows: the cells of formulas without a saved value (when there are
     * any, the rows after the first such are not read: the caller evaluates them), the hidden data rows, the data
     * rows struck through, and the sheet's merged cells.
     */
    private record Streamed(List<String> unevaluated, List<Integer> hidden, List<Integer> struck,
                            List<org.apache.poi.ss.util.CellRangeAddress> merged) {
    }

    /**
     * Streams the chosen sheet from its header into the validator, numbers in date styles ({@code styles}) as dates,
     * the cells of {@code merged} filled with their values.
     */
    private static Streamed stream(XSSFReader reader, ReadOnlySharedStringsTable strings, XlsxStyles styles,
                                   String sheet, HeaderSearch.Found header, SheetValidator validator, String name,
                                   MergedCells merged)
            throws IOException, SAXException, InvalidInputException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        List<String> unevaluated = new ArrayList<>();
        List<Integer> hiddenRows = new ArrayList<>();
        List<Integer> struckRows = new ArrayList<>();
        boolean[] go = {true};
        int headerRow = header.row();
        String[][] groups = {{}};
        InvalidInputException[] tooMany = new InvalidInputException[1];
        RowHandler handler = new RowHandler(strings, styles, (row, given, formulas, hidden, struck) -> {
            if (row > MAX_ROWS) {
                tooMany[0] = new InvalidInputException(name, "at most " + MAX_ROWS + " rows (a worksheet's limit),"
                        + " but sheet '" + sheet + "' has more: it was not written by a spreadsheet program; save the"
                        + " data as CSV");
                throw new Stop();
            }
            if (row < header.first()) {
                validator.aboveHeader(row, given);
                return;
            }
            if (!formulas.isEmpty()) {
                unevaluated.addAll(formulas);
                throw new Stop();
            }
            String[] cells = merged.fill(row, given);
            if (row < headerRow) {
                groups[0] = cells;
            } else if (row == headerRow) {
                go[0] = validator.header(header.grouped() ? HeaderSearch.names(groups[0], cells) : cells);
                if (!go[0]) {
                    throw new Stop();
                }
            } else if (!SheetReader.isBlank(cells)) {
                if (hidden) {
                    hiddenRows.add(row);
                }
                if (struck) {
                    struckRows.add(row);
                }
                validator.row(row, cells);
            }
        });
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                if (it.getSheetName().equals(sheet)) {
                    parse(in, handler);
                    break;
                }
            }
        }
        if (tooMany[0] != null) {
            throw tooMany[0];
        }
        return new Streamed(unevaluated, hiddenRows, struckRows, handler.merged);
    }

    /**
     * When the workbook's author, in its document properties, is mscmeta ("mscmeta 0.1.0"): its description (empty
     * text when it has none); empty when another program wrote it.
     */
    private static java.util.Optional<String> writtenByMscmeta(OPCPackage pkg) {
        try {
            var properties = pkg.getPackageProperties();
            return SheetChoice.ours(properties.getCreatorProperty().orElse(null),
                    properties.getDescriptionProperty().orElse(null));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            return java.util.Optional.empty(); // properties that cannot be read: a workbook like any other
        }
    }

    /** The workbook's hidden sheets ({@code state="hidden"} or {@code "veryHidden"} in workbook.xml), by name. */
    private static java.util.Set<String> hiddenSheets(XSSFReader reader)
            throws IOException, SAXException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        java.util.Set<String> hidden = new java.util.HashSet<>();
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    String state = a.getValue("state");
                    if ("sheet".equals(local) && state != null && !state.equals("visible")) {
                        hidden.add(a.getValue("name"));
                    }
                }
            });
        }
        return hidden;
    }

    /** Parses {@code xml} with POI's hardened SAX parser into {@code handler}, which may end it early ({@link Stop}). */
    static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(xml));
        } catch (Stop stop) {
            // the handler has what it needed
        }
    }

    /**
     * A number as text: whole numbers without ".0", others in plain notation; a value that is no number (NaN or
     * infinite, which only a damaged or hand-made file holds) as Java writes it, to be refused where a number is due.
     */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    /**
     * A number stored as text in a workbook's XML (an .xlsx cell's value, an .ods cell's office:value) as
     * {@link #number(double)} writes it, or null when {@code raw} is absent or no number.
     */
    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return number(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Ends a parse early (not an error). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * Whether a formula cell holds the value its spreadsheet program saved: a {@code <v>} element with a value. An
     * empty {@code <v></v>}, which openpyxl writes for every formula, is no saved value (POI's user model reads it as
     * 0), except for a formula whose result is text ({@code t="str"}), where it is the empty text.
     *
     * @param hasV  whether the cell has a {@code <v>} element
     * @param v     its text, or null
     * @param type  the cell's {@code t} attribute, or null
     */
    static boolean savedValue(boolean hasV, String v, String type) {
        return hasV && (v != null && !v.isEmpty() || "str".equals(type));
    }

    /**
     * What is done with each row: its 1-based number, its cells, the cells of formulas without a value, whether
     * the row is hidden (by a filter or by hand), and whether it is struck through (most of its cells with a value).
     */
    @FunctionalInterface
    private interface RowSink {
        void row(int row, String[] cells, List<String> formulasWithoutValue, boolean hidden, boolean struck);
    }

    /**
     * The SAX handler of a sheet's XML ({@code <row r>}, {@code <c r t>}, {@code <f>}, {@code <v>},
     * {@code <is><t>}): each row's cells as text by column, shared strings looked up, numbers without ".0".
     */
    private static final class RowHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();
        private final List<String> formulas = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int rowNumber;
        private int lastRow;
        private int column;
        private String ref;
        private String type;
        private boolean hasFormula;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        /**
         * Inside a text element of an inline string ({@code <is><t>}, or a rich run's {@code <r><t>}), and inside a
         * phonetic run ({@code <rPh>}, the reading a Japanese Excel adds to a string): the cell's text is its text
         * elements' characters, not the phonetic reading, nor the white space between the elements.
         */
        private boolean inText;
        private boolean inPhonetic;
        private String value;
        private boolean rowHidden;
        /** The current row's cells with a value, and of those the cells struck through. */
        private int filled;
        private int struck;
        private final XlsxStyles styles;
        private int style;
        /** The sheet's merged cells ({@code <mergeCell ref>}, which follow its rows). */
        private final List<org.apache.poi.ss.util.CellRangeAddress> merged = new ArrayList<>();

        RowHandler(ReadOnlySharedStringsTable strings, RowSink sink) {
            this(strings, XlsxStyles.NONE, sink);
        }

        /**
         * With {@code styles}, a number in a date style is read as its date ("2020-03-15"), and cells struck through
         * are counted.
         */
        RowHandler(ReadOnlySharedStringsTable strings, XlsxStyles styles, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowNumber = r == null ? lastRow + 1 : Integer.parseInt(r);
                    String h = atts.getValue("hidden");
                    rowHidden = "1".equals(h) || "true".equals(h);
                    cells.clear();
                    formulas.clear();
                    column = 0;
                    filled = 0;
                    struck = 0;
                }
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    String st = atts.getValue("s");
                    style = st == null || styles == XlsxStyles.NONE ? -1 : parseStyle(st);
                    hasFormula = false;
                    hasValue = false;
                    value = null;
                    if (ref != null) {
                        column = new CellReference(ref).getCol();
                    }
                }
                case "f" -> hasFormula = true;
                case "mergeCell" -> {
                    String r = atts.getValue("ref");
                    if (r != null) {
                        merged.add(org.apache.poi.ss.util.CellRangeAddress.valueOf(r));
                    }
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                    text.setLength(0);
                }
                case "is" -> {
                    inInline = true;
                    text.setLength(0);
                }
                case "t" -> inText = inInline;
                case "rPh" -> inPhonetic = inInline;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText && !inPhonetic) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v" -> {
                    inValue = false;
                    value = text.toString();
                }
                case "is" -> {
                    inInline = false;
                    value = text.toString();
                    hasValue = true;
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    String v = "";
                    if (hasFormula && !savedValue(hasValue, value, type)) {
                        formulas.add(ref == null ? "column " + (column + 1) + " of row " + rowNumber : ref);
                    } else if (value != null) {
                        v = switch (type == null ? "n" : type) {
                            case "s" -> strings.getItemAt(Integer.parseInt(value.strip())).getString();
                            case "b" -> value.strip().equals("1") ? "TRUE" : "FALSE";
                            case "n" -> styles.isDate(style) ? dateText(value, style) : numberText(value);
                            case "d" -> styles.isoText(value, style); // a date stored as ISO 8601 text
                            default -> value; // str, inlineStr, e (an error such as #DIV/0!)
                        };
                    }
                    if (!v.isEmpty()) {
                        filled++;
                        struck += styles.isStruck(style) ? 1 : 0;
                    }
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    if (cells.size() == column) {
                        cells.add(v);
                    } else {
                        cells.set(column, v);
                    }
                    column++;
                }
                case "row" -> {
                    lastRow = rowNumber;
                    sink.row(rowNumber, cells.toArray(new String[0]), formulas, rowHidden,
                            WorkbookRows.struck(struck, filled));
                }
                default -> {
                }
            }
        }

        private static int parseStyle(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private String dateText(String raw, int style) {
            try {
                return styles.text(Double.parseDouble(raw.strip()), style);
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private static String numberText(String raw) {
            String n = number(raw);
            return n == null ? raw : n;
        }
    }
}
