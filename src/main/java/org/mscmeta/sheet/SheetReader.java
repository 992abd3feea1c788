package org.mscmeta.sheet;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of the first stage: reads an extraction sheet (CSV, or the first or a named sheet of an .xlsx
 * workbook), validates it and returns it column-wise. CSV is streamed with FastCSV; .xlsx is read with
 * Apache POI (see {@link XlsxRows}).
 */
public final class SheetReader {

    private final Vocabulary vocabulary;

    public SheetReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A reader with the built-in vocabulary. */
    public static SheetReader withBuiltInVocabulary() {
        return new SheetReader(Vocabulary.builtIn());
    }

    /**
     * Reads and validates a sheet.
     *
     * @param file      a .csv (UTF-8, comma) or .xlsx file
     * @param sheetName for .xlsx: the sheet to read, or null for the first
     * @throws InvalidInputException listing every problem found, each with its file, row and column
     * @throws IOException           when the file cannot be read at all
     */
    public ExtractionSheet read(Path file, String sheetName) throws InvalidInputException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such input file");
        }
        SheetValidator validator = new SheetValidator(name, vocabulary);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
            XlsxRows.read(file, name, sheetName, validator);
        } else if (lower.endsWith(".xls")) {
            throw new InvalidInputException(name, "an .xlsx or .csv file (save the old .xls workbook as .xlsx)");
        } else {
            readCsv(file, name, validator);
        }
        return validator.finish();
    }

    /**
     * Reads a CSV sheet: FastCSV tokenises, and each field goes from its character buffer straight into the
     * validator's dictionary-encoded columns ({@link SheetRows}), so that no String is made for a value seen
     * before. Rows are counted as records (a quoted field may span lines), as a spreadsheet numbers them.
     */
    private static void readCsv(Path file, String name, SheetValidator validator)
            throws IOException, InvalidInputException {
        long[] read = new long[1];
        java.io.InputStream counted = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        SheetRows rows = new SheetRows(validator, () -> read[0], Files.size(file));
        // a strict decoder: text that is not UTF-8 (a sheet saved as Windows-1252, say) is an error, not
        // replacement characters; a byte-order mark reaches the first header, which drops it
        try (Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder());
             CsvReader<Boolean> csv = CsvReader.builder()
                .skipEmptyLines(false)
                .ignoreDifferentFieldCount(true)
                .build(rows, reader)) {
            for (Boolean more : csv) {
                if (!more) {
                    break;
                }
            }
        } catch (CsvParseException e) {
            throw new InvalidInputException(name, "well-formed CSV after row " + rows.rows() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                InputProblem p = Utf8Check.firstProblem(file, name);
                throw p == null ? new InvalidInputException(name, "UTF-8 text (save the sheet as 'CSV UTF-8')")
                        : new InvalidInputException(java.util.List.of(p), 1);
            }
            throw e.getCause();
        }
        if (rows.rows() == 0) {
            throw new InvalidInputException(name, "a header row and data rows, but the file is empty");
        }
        if (rows.blankHeader()) {
            throw new InvalidInputException(name, "a header row in row 1 (study, outcome, events_msc, n_msc, ...)");
        }
    }

    static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
