package org.mscmeta.report.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Field;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.sheet.TextColumn;

/** The Data sheet: the input rows as read, the raw route and cell source beside the normalised values. */
final class DataSheet {

    private DataSheet() {
    }

    /** A whole number as digits, without leading zeros ("007" is a code, and stays text). */
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("0|[1-9]\\d{0,14}");
    /** A decimal number as a sheet writes one with a decimal point (a dose, a proportion, a mean age). */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?(0|[1-9]\\d{0,14})\\.\\d{1,17}");

    /** The input rows as read, at most {@code maxRows} of them; returns how many are listed. */
    static int write(Cells w, ExtractionSheet sheet, int maxRows) {
        Sheet s = w.wb.createSheet(Workbook.DATA);
        List<TextColumn> cols = sheet.columns();
        TextColumn route = sheet.raw(Field.ROUTE);
        TextColumn source = sheet.raw(Field.CELL_SOURCE);
        Row h = s.createRow(0);
        int j = 0;
        w.cell(h, j++, SheetReader.RESULTS_INPUT_ROW, w.header);
        for (TextColumn c : cols) {
            w.cell(h, j++, c.name(), w.header);
            if (c == route) {
                w.cell(h, j++, SheetReader.RESULTS_ROUTE_NORMALISED, w.header);
            }
            if (c == source) {
                w.cell(h, j++, SheetReader.RESULTS_CELL_SOURCE_NORMALISED, w.header);
            }
        }
        // numbers are written as numbers (whole ones as such, decimals with their point); each column holds few
        // distinct texts, so each is looked at once
        long[][] wholeByLevel = new long[cols.size()][];
        double[][] decimalByLevel = new double[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            List<String> levels = cols.get(k).levels();
            wholeByLevel[k] = new long[levels.size()];
            decimalByLevel[k] = new double[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                String v = levels.get(l);
                wholeByLevel[k][l] = WHOLE.matcher(v).matches() ? Long.parseLong(v) : -1;
                decimalByLevel[k][l] = wholeByLevel[k][l] < 0 && DECIMAL.matcher(v).matches() ? Double.parseDouble(v)
                        : Double.NaN;
            }
        }
        int listed = Math.min(sheet.size(), maxRows);
        for (int i = 0; i < listed; i++) {
            Row x = s.createRow(i + 1);
            j = 0;
            w.number(x, j++, sheet.rowNumber()[i], w.intStyle);
            for (int k = 0; k < cols.size(); k++) {
                TextColumn c = cols.get(k);
                int code = c.codes()[i];
                long whole = wholeByLevel[k][code];
                if (whole >= 0) {
                    w.number(x, j++, whole, w.intStyle);
                } else if (!Double.isNaN(decimalByLevel[k][code])) {
                    w.number(x, j++, decimalByLevel[k][code], w.plain);
                } else {
                    w.text(x, j++, c.levels().get(code));
                }
                if (c == route) {
                    w.text(x, j++, sheet.route().get(i));
                }
                if (c == source) {
                    w.text(x, j++, sheet.cellSource().get(i));
                }
            }
        }
        s.createFreezePane(1, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(listed, 1), 0, j - 1));
        for (int k = 0; k < j; k++) {
            s.setColumnWidth(k, 16 * 256);
        }
        return listed;
    }
}
