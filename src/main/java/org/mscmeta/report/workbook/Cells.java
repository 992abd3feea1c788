package org.mscmeta.report.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The workbook's cell styles and the ways a cell is written: text is always stored as text (a leading
 * {@code = + - @} never makes a formula), a value that does not exist leaves its cell empty, and a formula cell is a
 * formula.
 */
final class Cells {

    /** The number format of a ratio: 0.000 from 0.001 to 99,999.999, scientific notation outside (2.51E-06). */
    static final String RATIO_FORMAT = "[<0.001]0.00E+00;[<100000]0.000;0.00E+00";

    final Workbook wb;
    final CellStyle header;
    final CellStyle title;
    final CellStyle textStyle;
    final CellStyle wrap;
    final CellStyle est;
    final CellStyle pStyle;
    final CellStyle num4;
    final CellStyle pct;
    final CellStyle intStyle;
    final CellStyle bold;
    private final CellStyle quoted;
    /** The workbook's default style: text, and a setting's number as typed (0.95, 0.5, 0). */
    final CellStyle plain;
    /**
     * Each style used in a row of wrapped text, by index, as the same style at the top of its cell: the labels and
     * numbers beside a wrapped text, level with its first line (left at the bottom, as a spreadsheet puts them, they
     * stood a line or more below it).
     */
    private final Map<Short, CellStyle> atTop = new HashMap<>();
    private final Map<CellStyle, CellStyle> quotedVariants = new HashMap<>();

    /**
     * @param ratioScale estimates are ratios (RR, OR): positive, from far below 0.001 to far above 1000, so a
     *                   value outside 0.001-99,999.999 is shown in scientific notation rather than as 0.000 or as
     *                   more digits than its column holds; other estimates (differences, proportions) as 0.000
     */
    Cells(Workbook wb, boolean ratioScale) {
        this.wb = wb;
        org.mscmeta.files.NormalStyle.name(wb instanceof org.apache.poi.xssf.streaming.SXSSFWorkbook sx
                ? sx.getXSSFWorkbook() : (org.apache.poi.xssf.usermodel.XSSFWorkbook) wb);
        DataFormat df = wb.createDataFormat();
        Font hf = wb.createFont();
        hf.setBold(true);
        header = wb.createCellStyle();
        header.setFont(hf);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        Font tf = wb.createFont();
        tf.setBold(true);
        tf.setFontHeightInPoints((short) 13);
        title = wb.createCellStyle();
        title.setFont(tf);
        bold = wb.createCellStyle();
        bold.setFont(hf);
        // a label at the top of its row, level with the first line of a wrapped value beside it (a one-line row
        // looks the same)
        bold.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        textStyle = wb.createCellStyle();
        // a setting's number at the left of its value column, as the texts above and below it (not 100 characters
        // to the right)
        textStyle.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
        textStyle.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        est = wb.createCellStyle();
        est.setDataFormat(df.getFormat(ratioScale ? RATIO_FORMAT : "0.000"));
        pStyle = wb.createCellStyle();
        pStyle.setDataFormat(df.getFormat("[<0.0001]\"<0.0001\";0.0000"));
        num4 = wb.createCellStyle();
        num4.setDataFormat(df.getFormat("0.0000"));
        pct = wb.createCellStyle();
        pct.setDataFormat(df.getFormat("0.0"));
        intStyle = wb.createCellStyle();
        intStyle.setDataFormat(df.getFormat("0"));
        plain = wb.getCellStyleAt(0);
    }

    /** {@code style} at the top of its cell ({@link #atTop}). */
    private CellStyle atTop(CellStyle style) {
        if (style.getVerticalAlignment() == org.apache.poi.ss.usermodel.VerticalAlignment.TOP) {
            return style;
        }
        return atTop.computeIfAbsent(style.getIndex(), i -> {
            CellStyle top = wb.createCellStyle();
            top.cloneStyleFrom(style);
            top.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            return top;
        });
    }

    /**
     * Makes every header readable as a spreadsheet wraps it: each column at least as wide as the longest piece of
     * its header that cannot break (a header breaks at a space or after a hyphen), each header row as tall as its
     * header of most lines. Widths count characters of the default font's digits, which a bold header's letters
     * about match. Call once the sheets' widths are set and before pictures are anchored to the columns; rows a
     * streamed sheet has already written out are left as they are.
     */
    void fitHeaders() {
        for (Sheet s : wb) {
            List<CellRangeAddress> merged = s.getMergedRegions();
            List<Row> headerRows = new ArrayList<>(); // a header row starts with a header: one look at other rows
            for (Row r : s) {
                Cell first = r.getCell(r.getFirstCellNum() < 0 ? 0 : r.getFirstCellNum());
                if (first != null && isHeader(first)) {
                    headerRows.add(r);
                }
            }
            for (Row r : headerRows) {
                for (Cell c : r) {
                    if (isHeader(c) && span(merged, c) == null) {
                        int longest = 0;
                        for (String piece : pieces(c.getStringCellValue())) {
                            longest = Math.max(longest, piece.strip().length());
                        }
                        if (longest * 256 > s.getColumnWidth(c.getColumnIndex())) {
                            s.setColumnWidth(c.getColumnIndex(), (longest + 1) * 256);
                        }
                    }
                }
            }
            for (Row r : headerRows) {
                int lines = 1;
                for (Cell c : r) {
                    if (isHeader(c)) {
                        lines = Math.max(lines, lines(c.getStringCellValue(), width(s, merged, c)));
                    }
                }
                float need = lines * s.getDefaultRowHeightInPoints();
                if (r.getHeightInPoints() < need) {
                    r.setHeightInPoints(need);
                }
            }
        }
    }

    private boolean isHeader(Cell c) {
        if (c.getCellType() != CellType.STRING) {
            return false;
        }
        short style = c.getCellStyle().getIndex();
        CellStyle quotedHeader = quotedVariants.get(header);
        return style == header.getIndex() || quotedHeader != null && style == quotedHeader.getIndex();
    }

    private static CellRangeAddress span(List<CellRangeAddress> merged, Cell c) {
        for (CellRangeAddress m : merged) {
            if (m.isInRange(c)) {
                return m;
            }
        }
        return null;
    }

    /** Width in characters of a cell's column, or of the merged cells it heads. */
    private static int width(Sheet s, List<CellRangeAddress> merged, Cell c) {
        CellRangeAddress m = span(merged, c);
        int last = m == null ? c.getColumnIndex() : m.getLastColumn();
        int chars = 0;
        for (int col = c.getColumnIndex(); col <= last; col++) {
            chars += s.getColumnWidth(col) / 256;
        }
        return Math.max(1, chars);
    }

    /**
     * The pieces a header may break between, in order: each word with the space before it (but the first), split
     * after its hyphens ("Q", " term", " (DerSimonian-", "Laird)").
     */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        String s = text.strip();
        int at = 0;
        do {
            int end = s.indexOf(' ', at);
            end = end < 0 ? s.length() : end;
            int from = at;
            for (int k = at; k < end - 1; k++) {
                if (s.charAt(k) == '-' && !lineBreak(s.charAt(k + 1))) {
                    out.add(piece(s, from, k + 1, at));
                    from = k + 1;
                }
            }
            out.add(piece(s, from, end, at));
            at = end;
            while (at < s.length() && s.charAt(at) == ' ') {
                at++;
            }
        } while (at < s.length());
        return out;
    }

    /** {@code s[from, to)}, with a space before it when it starts a word other than the first (at {@code word}). */
    private static String piece(String s, int from, int to, int word) {
        return from == word && word > 0 ? " " + s.substring(from, to) : s.substring(from, to);
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * {@code text} in cell {@code col} of {@code x}, wrapped in a column {@code widthDigits} digits wide (the width a
     * sheet sets), the row as tall as its lines: a spreadsheet keeps a row written by POI at one line's height, and the
     * wrapped lines ran over the rows around it (the Warnings sheet's longer notices, the Methods sheet's references).
     * Text runs narrower than digits: a line holds about a twelfth more characters than the column's digits.
     */
    void wrapped(Row x, int col, String text, int widthDigits) {
        cell(x, col, text, wrap);
        int lines = lines(text, widthDigits + widthDigits / 12);
        float need = lines * x.getSheet().getDefaultRowHeightInPoints();
        if (lines > 1 && x.getHeightInPoints() < need) {
            x.setHeightInPoints(need);
            for (Cell c : x) {
                c.setCellStyle(atTop(c.getCellStyle()));
            }
        }
    }

    /**
     * Lines of {@code text} wrapped at {@code chars} characters, a line broken only between pieces: a header's, and
     * the route x cell source sheet's reasons'.
     */
    static int lines(String text, int chars) {
        int lines = 1;
        int used = 0;
        for (String piece : pieces(text)) {
            if (used > 0 && used + piece.length() > chars) {
                lines++;
                used = piece.strip().length();
            } else {
                used += used == 0 ? piece.strip().length() : piece.length();
            }
        }
        return lines;
    }

    /**
     * Prints {@code s} landscape on A4, at most {@code pagesWide} pages across and as many down as it takes, with
     * {@code repeatRows} (a range such as "5:5", or null) and {@code repeatColumns} ("A:A", or null) on every page.
     */
    static void printLayout(Sheet s, int pagesWide, String repeatRows, String repeatColumns) {
        s.setAutobreaks(true);
        s.setFitToPage(true);
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setFitWidth((short) pagesWide);
        s.getPrintSetup().setFitHeight((short) 0);
        if (repeatRows != null) {
            s.setRepeatingRows(CellRangeAddress.valueOf(repeatRows));
        }
        if (repeatColumns != null) {
            s.setRepeatingColumns(CellRangeAddress.valueOf(repeatColumns));
        }
    }

    void headerRow(Sheet s, int row, String[] heads) {
        Row h = s.createRow(row);
        for (int j = 0; j < heads.length; j++) {
            cell(h, j, heads[j], header);
        }
    }

    /** A text cell with a style; text a spreadsheet could read as a formula gets a quote-prefixed copy of it. */
    void cell(Row r, int col, String v, CellStyle style) {
        Cell c = r.createCell(col);
        setText(c, v);
        c.setCellStyle(looksLikeFormula(v) ? quotedVariants.computeIfAbsent(style, st -> {
            CellStyle q = wb.createCellStyle();
            q.cloneStyleFrom(st);
            q.setQuotePrefixed(true);
            return q;
        }) : style);
    }

    private static boolean looksLikeFormula(String v) {
        return v != null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0;
    }

    /** A text cell; text that a spreadsheet could read as a formula is marked as quoted text. */
    void text(Row r, int col, String v) {
        Cell c = r.createCell(col);
        setText(c, v == null ? "" : v);
        // the default style given explicitly: a cell without one has its column's style looked up in the sheet's
        // XML whenever it is written (a third of the cells of a registry-scale workbook)
        c.setCellStyle(looksLikeFormula(v) ? quoted : plain);
    }

    /**
     * Text stored in the cell itself (an inline string, as the streaming workbook stores every text) instead of in
     * the workbook's table of shared strings, where POI writes each string out as XML to look it up (a fifth of the
     * workbook's time).
     */
    static void setText(Cell c, String v) {
        if (!(c instanceof org.apache.poi.xssf.usermodel.XSSFCell)) {
            c.setCellValue(v);
            return;
        }
        org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell ct =
                ((org.apache.poi.xssf.usermodel.XSSFCell) c).getCTCell();
        ct.setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR);
        ct.addNewIs().setT(v);
        if (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1)))) {
            // leading or trailing white space kept (xml:space="preserve"), as POI keeps it in a shared string
            try (org.apache.xmlbeans.XmlCursor cursor = ct.getIs().xgetT().newCursor()) {
                cursor.toNextToken();
                cursor.insertAttributeWithValue(new javax.xml.namespace.QName("http://www.w3.org/XML/1998/namespace",
                        "space"), "preserve");
            }
        }
    }

    /** A number; nothing when it does not exist. */
    void number(Row r, int col, double v, CellStyle style) {
        if (!Double.isFinite(v)) {
            return;
        }
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    void formula(Row r, int col, String f, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellFormula(f);
        c.setCellStyle(style);
    }

    /**
     * A formula with its value as the engine computed it, stored as the formula's cached result: a reader that does
     * not recalculate (a preview, a phone, pandas or openpyxl) shows the number; one that does computes the same.
     */
    void formula(Row r, int col, String f, CellStyle style, double cached) {
        Cell c = r.createCell(col);
        c.setCellFormula(f);
        if (Double.isFinite(cached)) {
            c.setCellValue(cached);
        } else if (c instanceof org.apache.poi.xssf.streaming.SXSSFCell) {
            // no value, as the whole-workbook writer leaves it: POI's streaming writer would store 0 for a formula
            // given none (a reader that does not recalculate showed 0 where the engine has no number), and an error
            // for NaN; an empty text is written as a formula without a stored value
            c.setCellValue("");
        }
        c.setCellStyle(style);
    }

    /** The column letters of a 0-based column index. */
    static String letter(int col) {
        return CellReference.convertNumToColString(col);
    }
}
