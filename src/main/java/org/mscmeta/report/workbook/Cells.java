package org.mscmeta.report.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * The workbook's cell styles and the ways a cell is written: text is always stored as text (a leading
 * {@code = + - @} never makes a formula), a value that does not exist leaves its cell empty, and a formula cell is a
 * formula.
 */
final class Cells {

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
    private final CellStyle plain;
    private final Map<CellStyle, CellStyle> quotedVariants = new HashMap<>();

    Cells(Workbook wb) {
        this.wb = wb;
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
        textStyle = wb.createCellStyle();
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        est = wb.createCellStyle();
        est.setDataFormat(df.getFormat("0.000"));
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

    void headerRow(Sheet s, int row, String[] heads) {
        Row h = s.createRow(row);
        for (int j = 0; j < heads.length; j++) {
            cell(h, j, heads[j], header);
        }
    }

    /** A text cell with a style; text a spreadsheet could read as a formula gets a quote-prefixed copy of it. */
    void cell(Row r, int col, String v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v);
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
        c.setCellValue(v == null ? "" : v);
        // the default style given explicitly: a cell without one has its column's style looked up in the sheet's
        // XML whenever it is written (a third of the cells of a registry-scale workbook)
        c.setCellStyle(looksLikeFormula(v) ? quoted : plain);
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
        }
        c.setCellStyle(style);
    }

    /** The column letters of a 0-based column index. */
    static String letter(int col) {
        return CellReference.convertNumToColString(col);
    }
}
