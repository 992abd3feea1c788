package org.mscmeta.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a sheet of an .xls workbook (Excel 97-2003, the format of many older extraction sheets) with POI's HSSF,
 * opened whole (such a workbook holds at most 65,536 rows a sheet): the sheet chosen as in an .xlsx workbook
 * ({@code --sheet}, else the first whose first rows hold the required columns), its cells read as the sheet shows
 * them ({@link WorkbookRows}). A damaged, encrypted or older (Excel 5/95) file is refused with a sentence.
 */
final class XlsSheet {

    static {
        org.mscmeta.files.QuietLogging.forPoi();
    }

    /** Workbooks larger than this are refused (an .xls file is read whole). */
    static final long MAX_BYTES = 100L * 1024 * 1024;

    private XlsSheet() {
    }

    /** Reads the sheets {@link SheetChoice} chooses; {@code validators} makes a fresh validator for a sheet's name. */
    static List<SheetValidator> read(Path file, String name, String sheetName,
                                     Function<String, SheetValidator> validators)
            throws IOException, InvalidInputException {
        long size = Files.size(file);
        WorkbookRows.refuseBySize(name, ".xls", size, MAX_BYTES);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) { // an .xlsx saved with a password is such a container
                throw new InvalidInputException(name, "a workbook without a password, but this one is encrypted: open"
                        + " it, remove the password (or save a copy as .xlsx or CSV without one) and run again");
            }
            return read(fs, name, sheetName, validators);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException && !fromPoi(e)) {
                throw (RuntimeException) e;
            }
            throw new InvalidInputException(name, "an .xls workbook, but the file could not be opened as one (it is"
                    + " damaged, truncated, or of another type): open it in Excel or LibreOffice and save it as .xlsx,"
                    + " or save the data as CSV");
        }
    }

    /**
     * When the workbook's author is mscmeta (the results workbook saved as .xls by Excel or LibreOffice, which keep
     * its author and description in the file's summary information): its description, empty text when it has none;
     * empty when another program wrote it, or when the summary cannot be read.
     */
    private static java.util.Optional<String> writtenByMscmeta(HSSFWorkbook wb) {
        try {
            var summary = wb.getSummaryInformation();
            return summary == null ? java.util.Optional.empty()
                    : SheetChoice.ours(summary.getAuthor(), summary.getComments());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<SheetValidator> read(POIFSFileSystem fs, String name, String sheetName,
                                             Function<String, SheetValidator> validators)
            throws IOException, InvalidInputException {
        try (HSSFWorkbook wb = new HSSFWorkbook(fs)) {
            List<String> names = new ArrayList<>();
            List<HeaderSearch.Found> headers = new ArrayList<>();
            java.util.Set<String> hidden = new java.util.HashSet<>();
            for (Sheet s : wb) {
                names.add(s.getSheetName());
                int at = wb.getSheetIndex(s);
                if (wb.isSheetHidden(at) || wb.isSheetVeryHidden(at)) {
                    hidden.add(s.getSheetName());
                }
                headers.add(sheetName != null && !WorkbookRows.names(s.getSheetName(), sheetName)
                        ? HeaderSearch.Found.NONE : WorkbookRows.header(s));
            }
            SheetChoice choice = SheetChoice.of(name, sheetName, names, headers, hidden, writtenByMscmeta(wb));
            List<SheetValidator> parts = new ArrayList<>();
            for (int i = 0; i < choice.sheets().size(); i++) {
                String sheet = choice.sheets().get(i);
                String part = choice.partName(name, sheet);
                SheetValidator validator = choice.validator(i, name, validators);
                WorkbookRows.read(wb, wb.getSheet(sheet), choice.headers().get(i), validator, part);
                parts.add(validator);
            }
            return parts;
        } catch (InvalidInputException e) {
            throw e;
        } catch (org.apache.poi.hssf.OldExcelFormatException e) {
            throw new InvalidInputException(name, "an .xls workbook of Excel 97 or later, but this one is older (Excel"
                    + " 5.0/95 or before): open it in Excel or LibreOffice and save it as .xlsx, or save the data as CSV");
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new InvalidInputException(name, "a workbook without a password, but this one is encrypted: open"
                    + " it, remove the password (or save a copy as .xlsx or CSV without one) and run again");
        }
    }

    /** Whether an unchecked exception came from POI's reading of the file. */
    private static boolean fromPoi(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.apache.poi")) {
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
}
