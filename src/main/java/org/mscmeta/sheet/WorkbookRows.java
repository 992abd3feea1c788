package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rows of a sheet of a workbook opened whole with POI's user model: an .xlsx whose formulas were saved without
 * their values (evaluated here), and every .xls (Excel 97-2003) workbook. Cells are read as the sheet shows them,
 * as the streaming .xlsx reader reads them: a formula by its value, a date as a date, a merged cell's value in every
 * cell it spans; hidden rows and rows struck through are read and named. Also the notices both readers give about
 * the sheet they read.
 */
final class WorkbookRows {

    /** Rows listed in a notice before "..." and how many in all. */
    private static final int ROWS_SHOWN = 10;

    private WorkbookRows() {
    }

    /** The header in the first {@link HeaderSearch#ROWS} rows of {@code sheet}: their text cells. */
    static HeaderSearch.Found header(Sheet sheet) {
        return HeaderSearch.among(sheet, row -> row.getRowNum() + 1, row -> {
            String[] cells = new String[Math.max(row.getLastCellNum(), 0)];
            for (int j = 0; j < cells.length; j++) {
                Cell c = row.getCell(j);
                cells[j] = c != null && c.getCellType() == CellType.STRING ? c.getStringCellValue() : "";
            }
            return cells;
        });
    }

    /** Reads {@code sheet} from its header row into {@code validator}, evaluating formulas that have no saved value. */
    static void read(Workbook wb, Sheet sheet, HeaderSearch.Found header, SheetValidator validator, String name)
            throws InvalidInputException {
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        boolean date1904 = wb instanceof XSSFWorkbook x ? x.isDate1904()
                : wb instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h && h.getInternalWorkbook().isUsing1904DateWindowing();
        List<InputProblem> refused = new ArrayList<>();
        java.util.Iterator<Row> rows = sheet.iterator();
        String[][] heads = {new String[0]}; // the header row's names, once read: a refused formula names its column
        boolean read = feed(header, validator, name, sheet.getSheetName(),
                new MergedCells(sheet.getMergedRegions(), header.row()),
                () -> {
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        int r = row.getRowNum() + 1;
                        // a row above the header is only looked at: a formula there that fails is not its problem
                        List<InputProblem> problems = r < header.first() ? new ArrayList<>() : refused;
                        int n = Math.max(row.getLastCellNum(), 0);
                        String[] given = new String[n];
                        int filled = 0;
                        int struck = 0;
                        for (int j = 0; j < n; j++) {
                            Cell cell = row.getCell(j);
                            given[j] = text(cell, evaluator, date1904, problems, name, r,
                                    j < heads[0].length ? heads[0][j] : "");
                            if (!given[j].isEmpty()) {
                                filled++;
                                struck += wb.getFontAt(cell.getCellStyle().getFontIndex()).getStrikeout() ? 1 : 0;
                            }
                        }
                        if (r == header.row()) {
                            heads[0] = given;
                        }
                        return new GridRow(r, given, row.getZeroHeight(), struck(struck, filled));
                    }
                    return null;
                });
        if (read && !refused.isEmpty()) {
            throw new InvalidInputException(refused, refused.size());
        }
    }

    /**
     * A row of a sheet as a workbook reader has it: its number (1-based), its cells as text, whether it is hidden, and
     * whether it is struck through (most of its cells with a value).
     */
    record GridRow(int number, String[] cells, boolean hidden, boolean struck) {
    }

    /** Whether a row is struck through: most of its {@code filled} cells with a value, {@code struck} of them so. */
    static boolean struck(int struck, int filled) {
        return 2 * struck > filled;
    }

    /** A sheet's rows from the header's first row on, in order; null after the last. */
    @FunctionalInterface
    interface GridRows {
        GridRow next();
    }

    /**
     * Hands a workbook sheet's rows to {@code validator} as the sheet shows them: merged cells filled in, the group
     * names of a header of two rows joined to the column names, blank rows skipped; then the notices of its hidden
     * rows and merged cells.
     *
     * @return false when the validator rejected the header (and nothing more was read)
     */
    static boolean feed(HeaderSearch.Found header, SheetValidator validator, String name, String sheetName,
                        MergedCells merged, GridRows rows) throws InvalidInputException {
        int headerRow = header.row();
        List<Integer> hidden = new ArrayList<>();
        List<Integer> struck = new ArrayList<>();
        String[] groups = {};
        for (GridRow row = rows.next(); row != null; row = rows.next()) {
            int r = row.number();
            if (r < header.first()) {
                validator.aboveHeader(r, row.cells());
                continue;
            }
            String[] cells = merged.fill(r, row.cells());
            if (r < headerRow) {
                groups = cells;
            } else if (r == headerRow) {
                if (!validator.header(header.grouped() ? HeaderSearch.names(groups, cells) : cells)) {
                    return false;
                }
            } else if (!SheetReader.isBlank(cells)) {
                if (row.hidden()) {
                    hidden.add(r);
                }
                if (row.struck()) {
                    struck.add(r);
                }
                validator.row(r, cells);
            }
        }
        layoutNotices(validator, name, sheetName, hidden, struck, merged);
        return true;
    }

    /** A refused formula's column: its header's name, or "cell G2" in a row above the header or without a name. */
    private static String where(String column, String ref) {
        return column == null || column.isBlank() ? "cell " + ref : column;
    }

    /** Whether the formula cell {@code x} holds a saved value ({@link XlsxSheet#savedValue}). */
    private static boolean savedValue(XSSFCell x) {
        var ct = x.getCTCell();
        return XlsxSheet.savedValue(ct.isSetV(), ct.isSetV() ? ct.getV() : null,
                ct.isSetT() ? ct.getT().toString() : null);
    }

    /** A date cell's value as text, as its format shows it: see {@link XlsxStyles#text(double, boolean, boolean)}. */
    private static String dateText(double serial, Cell cell, boolean date1904) {
        String format = cell.getCellStyle().getDataFormatString();
        return XlsxStyles.text(serial, date1904, format != null && XlsxStyles.yearOnly(format));
    }

    /** A cell as text; a formula by its saved value, or evaluated when it has none. */
    private static String text(Cell cell, FormulaEvaluator evaluator, boolean date1904, List<InputProblem> refused,
                               String name, int row, String column) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA && cell instanceof XSSFCell x && !savedValue(x)) {
            String ref = new CellReference(cell).formatAsString(false);
            try {
                CellValue v = evaluator.evaluate(cell);
                return switch (v.getCellType()) {
                    case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dateText(v.getNumberValue(), cell, date1904)
                            : XlsxSheet.number(v.getNumberValue());
                    case STRING -> v.getStringValue();
                    case BOOLEAN -> v.getBooleanValue() ? "TRUE" : "FALSE";
                    case BLANK -> "";
                    default -> {
                        refused.add(new InputProblem(name, row, where(column, ref), "=" + cell.getCellFormula(),
                                "a value: the formula in cell " + ref + " has no saved value and evaluates to an"
                                + " error"));
                        yield "";
                    }
                };
            } catch (RuntimeException e) {
                refused.add(new InputProblem(name, row, where(column, ref), "=" + cell.getCellFormula(), "a value:"
                        + " the formula in cell " + ref + " has no saved value and cannot be evaluated here (open and"
                        + " save the workbook in Excel or LibreOffice, which stores the value, or type the number)"));
                return "";
            }
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dateText(cell.getNumericCellValue(), cell, date1904)
                    : XlsxSheet.number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            // the error as the spreadsheet shows it (#N/A, #DIV/0!, ...), as a CSV export of the sheet holds it: "#N/A"
            // then reads as a missing value, and any other as a value that is not a number
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> "";
        };
    }

    /** The text a spreadsheet shows for an error code ("#N/A", "#DIV/0!", ...). */
    private static String errorText(byte code) {
        return org.apache.poi.ss.usermodel.FormulaError.isValidCode(code)
                ? org.apache.poi.ss.usermodel.FormulaError.forInt(code).getString() : "#ERROR";
    }

    /**
     * Refuses a workbook file that is empty or larger than {@code max} bytes.
     *
     * @param kind ".xlsx" or ".xls", as the message names the workbook
     */
    static void refuseBySize(String name, String kind, long size, long max) throws InvalidInputException {
        if (size == 0) {
            throw new InvalidInputException(name, "an " + kind + " workbook, but the file is empty (0 bytes)");
        }
        if (size > max) {
            throw new InvalidInputException(name, String.format(java.util.Locale.ROOT, "an %s workbook of at most %d MB,"
                    + " but it has %d MB: save the data as CSV, which is read as a stream", kind, max >> 20, size >> 20));
        }
    }

    /**
     * Whether {@code --sheet given} names the sheet {@code name}: ignoring case, as Excel does (it allows no two
     * sheets whose names differ in case only), and white space at either end.
     */
    static boolean names(String name, String given) {
        return Blanks.strip(name).equalsIgnoreCase(Blanks.strip(given));
    }

    /**
     * Notices of what the sheet shows otherwise than its file holds: hidden rows and rows struck through (read like
     * the others, as R's readxl and pandas read them) and merged cells (read as the sheet shows them).
     */
    static void layoutNotices(SheetValidator validator, String name, String sheet, List<Integer> hidden,
                              List<Integer> struck, MergedCells merged) {
        // "trials.xlsx, sheet 'AE': row 7 is hidden", where the part's name names the sheet already
        String ofSheet = name.endsWith(", sheet '" + sheet + "'") ? "" : " of sheet '" + sheet + "'";
        if (!hidden.isEmpty()) {
            validator.notice(new Notice("sheet", null, name + ": " + Notice.rows(hidden, ROWS_SHOWN) + ofSheet + " "
                    + (hidden.size() == 1 ? "is" : "are") + " hidden (by a filter or by hand) and "
                    + (hidden.size() == 1 ? "was" : "were") + " analysed like the others; to leave a study out, delete"
                    + " its rows"));
        }
        if (!struck.isEmpty()) {
            // struck through, as a reviewer marks a study left out: but every row is analysed
            validator.notice(new Notice("sheet", null, name + ": " + Notice.rows(struck, ROWS_SHOWN) + ofSheet + " "
                    + (struck.size() == 1 ? "is" : "are") + " struck through and " + (struck.size() == 1 ? "was"
                    : "were") + " analysed like the others; to leave a study out, delete its rows"));
        }
        if (merged.any()) {
            validator.notice(new Notice("sheet", null, name + ": " + Notice.count(merged.count(), "merged cell",
                    "merged cells") + ofSheet + " " + (merged.count() == 1 ? "spans" : "span")
                    + " data rows or columns (first: " + merged.first() + "); every cell of a merged cell was read with"
                    + " its value, as the sheet shows it"));
        }
    }
}
