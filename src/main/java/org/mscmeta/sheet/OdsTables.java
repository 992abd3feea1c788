package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The tables of an OpenDocument spreadsheet's {@code content.xml} (OpenDocument 1.2/1.3, part 3, section 9.1: tables,
 * rows, cells and their office:value-type), read in one pass with the JDK's StAX parser (no document type, no
 * external entities): each table's name, its rows that hold a value (numbered as the program shows them), which of
 * them are hidden or filtered out, which cells hold text, and its merged cells. A row or cell repeated
 * ({@code number-rows-repeated}, as LibreOffice writes runs of identical rows and the empty rows it formats) counts
 * as many rows; an empty one is not kept.
 */
final class OdsTables {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

    /** A worksheet's limits, as Excel's and LibreOffice's. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;

    /** A row that holds a value: its number (1-based), its cells as text, which of them are text. */
    record Row(int number, String[] cells, BitSet text, boolean hidden, boolean struck) {
    }

    /** A table (a sheet) of the document. */
    record Table(String name, List<Row> rows, List<CellRangeAddress> merged, boolean hidden) {
    }

    /** Thrown for a document beyond a worksheet's limits. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(String what) {
            super(what, null, false, false);
        }
    }

    private OdsTables() {
    }

    /**
     * A reader of one of the package's XML parts ({@code in}): no document type definition and no external entity
     * (a file's XML names nothing outside it), text in one piece.
     */
    static XMLStreamReader parser(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f.createXMLStreamReader(in);
    }

    /** The tables of {@code content} (a content.xml), in order. */
    static List<Table> read(InputStream content) throws XMLStreamException, TooLarge {
        XMLStreamReader x = parser(content);
        List<Table> tables = new ArrayList<>();
        // the automatic styles (before the tables) that hide a table: a sheet hidden in LibreOffice; and those that
        // strike a cell's text through
        java.util.Set<String> hiding = new java.util.HashSet<>();
        java.util.Set<String> striking = new java.util.HashSet<>();
        String style = null;
        try {
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (STYLE.equals(x.getNamespaceURI()) && "style".equals(x.getLocalName())) {
                    style = attr(x, STYLE, "name");
                } else if (STYLE.equals(x.getNamespaceURI()) && "table-properties".equals(x.getLocalName())
                        && "false".equals(attr(x, TABLE, "display")) && style != null) {
                    hiding.add(style);
                } else if (STYLE.equals(x.getNamespaceURI()) && "text-properties".equals(x.getLocalName())
                        && style != null && attr(x, STYLE, "text-line-through-style") != null
                        && !"none".equals(attr(x, STYLE, "text-line-through-style"))) {
                    striking.add(style);
                } else if (TABLE.equals(x.getNamespaceURI()) && "table".equals(x.getLocalName())) {
                    tables.add(table(x, hiding, striking));
                }
            }
        } finally {
            x.close();
        }
        return tables;
    }

    /** One table, from its start element to its end. */
    private static Table table(XMLStreamReader x, java.util.Set<String> hiding, java.util.Set<String> striking)
            throws XMLStreamException, TooLarge {
        String name = attr(x, TABLE, "name");
        boolean hidden = hiding.contains(attr(x, TABLE, "style-name"));
        List<Row> rows = new ArrayList<>();
        List<CellRangeAddress> merged = new ArrayList<>();
        int next = 0; // 0-based number of the next row
        for (int depth = 1; depth > 0; ) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (TABLE.equals(x.getNamespaceURI()) && "table-row".equals(x.getLocalName())) {
                    next = row(x, next, rows, merged, striking);
                } else {
                    depth++; // header rows, row groups: their rows are read as the table's
                }
            }
        }
        return new Table(name == null ? "" : name, rows, merged, hidden);
    }

    /** One row (and its repetitions); returns the number of the row after them. */
    private static int row(XMLStreamReader x, int at, List<Row> rows, List<CellRangeAddress> merged,
                           java.util.Set<String> striking) throws XMLStreamException, TooLarge {
        int repeat = count(attr(x, TABLE, "number-rows-repeated"));
        String visibility = attr(x, TABLE, "visibility");
        boolean hidden = "collapse".equals(visibility) || "filter".equals(visibility);
        List<String> cells = new ArrayList<>();
        BitSet text = new BitSet();
        int col = 0;
        int filled = 0;
        int struck = 0;
        while (true) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break; // the row's end
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            boolean cell = TABLE.equals(x.getNamespaceURI())
                    && ("table-cell".equals(x.getLocalName()) || "covered-table-cell".equals(x.getLocalName()));
            if (!cell) {
                skip(x);
                continue;
            }
            int times = count(attr(x, TABLE, "number-columns-repeated"));
            int spanCols = count(attr(x, TABLE, "number-columns-spanned"));
            int spanRows = count(attr(x, TABLE, "number-rows-spanned"));
            boolean isText = isText(x);
            boolean strike = striking.contains(attr(x, TABLE, "style-name"));
            String value = value(x);
            if ((spanCols > 1 || spanRows > 1) && repeat == 1) {
                merged.add(new CellRangeAddress(at, at + spanRows - 1, col, col + spanCols - 1));
            }
            if (!value.isEmpty()) {
                if ((long) col + times > MAX_COLUMNS) {
                    throw new TooLarge("more than " + MAX_COLUMNS + " columns in row " + (at + 1));
                }
                while (cells.size() < col) {
                    cells.add("");
                }
                for (int k = 0; k < times; k++) {
                    if (isText) {
                        text.set(cells.size());
                    }
                    cells.add(value);
                }
                filled += times;
                struck += strike ? times : 0;
            }
            col = (int) Math.min((long) col + times, Integer.MAX_VALUE);
        }
        if (!cells.isEmpty()) {
            if ((long) at + repeat > MAX_ROWS) {
                throw new TooLarge("more than " + MAX_ROWS + " rows");
            }
            String[] row = cells.toArray(String[]::new);
            for (int k = 0; k < repeat; k++) {
                rows.add(new Row(at + k + 1, row, text, hidden, WorkbookRows.struck(struck, filled)));
            }
        }
        return (int) Math.min((long) at + repeat, Integer.MAX_VALUE);
    }

    /** Whether a cell's value is text (a string, or no value type): a column's name can only be text. */
    private static boolean isText(XMLStreamReader x) {
        String type = attr(x, OFFICE, "value-type");
        return type == null || "string".equals(type);
    }

    /**
     * A cell's value as text, as the .xlsx readers give it (the reader is left at the cell's end): a number by its
     * value, not as it is displayed; a percentage by its fraction (15% is 0.15); a date as 2020-03-15, or as 2020 when
     * the cell shows its year alone (format YYYY, as {@link XlsxStyles#yearOnly}); a formula's error as the program
     * shows it (#DIV/0!).
     */
    private static String value(XMLStreamReader x) throws XMLStreamException {
        String type = attr(x, OFFICE, "value-type");
        String given = null;
        if (!"error".equals(attr(x, CALCEXT, "value-type")) && type != null) {
            given = switch (type) {
                case "float", "percentage", "currency" -> XlsxSheet.number(attr(x, OFFICE, "value"));
                case "date" -> date(attr(x, OFFICE, "date-value"));
                case "time" -> time(attr(x, OFFICE, "time-value"));
                case "boolean" -> bool(attr(x, OFFICE, "boolean-value"));
                case "string" -> attr(x, OFFICE, "string-value");
                default -> null;
            };
        }
        String shown = text(x);
        boolean yearAlone = "date".equals(type) && given != null && given.length() >= 10
                && shown.strip().equals(given.substring(0, 4));
        if (yearAlone) {
            return shown.strip();
        }
        return given != null ? given : shown;
    }

    /**
     * The text a cell shows: its paragraphs, one per line (comments, drawings, footnotes and the phonetic reading of
     * ruby text left out, and the white space between a pretty-printed cell's elements, which is not in a paragraph).
     */
    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder s = new StringBuilder();
        int paragraphs = 0;
        int inParagraph = 0; // the depth of the paragraph the reader is in, 0 outside one
        for (int depth = 1; depth > 0; ) {
            int e = x.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                if (inParagraph > 0) {
                    s.append(x.getText());
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth == inParagraph) {
                    inParagraph = 0;
                }
                depth--;
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                String ns = x.getNamespaceURI();
                String local = x.getLocalName();
                if (OFFICE.equals(ns) && "annotation".equals(local) || !TEXT.equals(ns) || "note".equals(local)
                        || "ruby-text".equals(local)) {
                    skip(x); // a comment, a drawing, a footnote, a reading above the text: not the cell's value
                    continue;
                }
                switch (local) {
                    case "p", "h" -> {
                        if (paragraphs++ > 0) {
                            s.append('\n');
                        }
                        if (inParagraph == 0) {
                            inParagraph = depth + 1;
                        }
                    }
                    case "s" -> s.append(" ".repeat(Math.min(count(attr(x, TEXT, "c")), 1000)));
                    case "tab" -> s.append('\t');
                    case "line-break" -> s.append('\n');
                    default -> {
                    }
                }
                depth++;
            }
        }
        return s.toString();
    }

    /** Skips the element the reader is at, with all it holds. */
    private static void skip(XMLStreamReader x) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String attr(XMLStreamReader x, String ns, String name) {
        return x.getAttributeValue(ns, name);
    }

    /** A repetition or span count: 1 when absent or not a positive number. */
    private static int count(String v) {
        if (v == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String date(String v) {
        if (v == null) {
            return null;
        }
        try {
            return v.contains("T") ? XlsxStyles.text(java.time.LocalDateTime.parse(v.strip()), false)
                    : java.time.LocalDate.parse(v.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String time(String v) {
        if (v == null) {
            return null;
        }
        try {
            return XlsxStyles.text(java.time.LocalDate.EPOCH.atStartOfDay().plus(java.time.Duration.parse(v.strip())),
                    true);
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static String bool(String v) {
        return v == null ? null : "true".equals(v.strip()) ? "TRUE" : "false".equals(v.strip()) ? "FALSE" : null;
    }
}
