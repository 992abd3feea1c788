package org.mscmeta.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Feeds the rows of one sheet of an .xlsx workbook (Apache POI) to a {@link SheetValidator}. */
final class XlsxRows {

    private XlsxRows() {
    }

    static void read(Path file, String name, String sheetName, SheetValidator validator)
            throws IOException, InvalidInputException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
            Sheet sheet;
            if (sheetName != null) {
                sheet = wb.getSheet(sheetName);
                if (sheet == null) {
                    StringBuilder names = new StringBuilder();
                    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                        names.append(i == 0 ? "" : ", ").append('\'').append(wb.getSheetName(i)).append('\'');
                    }
                    throw new InvalidInputException(name, "a sheet named '" + sheetName + "' (the workbook has "
                            + names + ")");
                }
            } else {
                sheet = wb.getSheetAt(0);
            }
            boolean headerSeen = false;
            for (Row row : sheet) {
                String[] cells = cells(row);
                if (!headerSeen) {
                    if (SheetReader.isBlank(cells)) {
                        continue;
                    }
                    if (row.getRowNum() != 0) {
                        throw new InvalidInputException(name, "the header in row 1, but row 1 of sheet '"
                                + sheet.getSheetName() + "' is blank");
                    }
                    headerSeen = true;
                    if (!validator.header(cells)) {
                        return;
                    }
                    continue;
                }
                if (!SheetReader.isBlank(cells)) {
                    validator.row(row.getRowNum() + 1, cells);
                }
            }
            if (!headerSeen) {
                throw new InvalidInputException(name, "a header row and data rows, but sheet '"
                        + sheet.getSheetName() + "' is empty");
            }
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new InvalidInputException(name, "an .xlsx workbook, but the file is not one (" + e.getMessage() + ")");
        }
    }

    private static String[] cells(Row row) {
        int n = Math.max(row.getLastCellNum(), 0);
        String[] out = new String[n];
        for (int j = 0; j < n; j++) {
            out[j] = text(row.getCell(j));
        }
        return out;
    }

    /** The cell as text; numbers without a trailing ".0", formulas by their cached value. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> number(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).toPlainString();
    }
}
