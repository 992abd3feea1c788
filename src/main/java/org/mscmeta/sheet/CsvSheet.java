package org.mscmeta.sheet;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a delimited text sheet into a {@link SheetValidator}: its {@link CsvDialect} first (encoding, separator,
 * Excel's {@code sep=} line), then FastCSV's callback parser straight into the validator's columns
 * ({@link SheetRows}). Text that is not UTF-8 (and has no byte-order mark) is read again as Windows-1252, which
 * Excel's plain "CSV" writes on Windows, or as Mac OS Roman, which it writes on a Mac, as its accented letters suggest
 * ({@link CsvDialect#asSingleByte}), with a notice; text that is neither is refused, naming the row of the first
 * byte that is not. Rows are counted as a spreadsheet shows them: the header is row 1, or the row below a caption
 * ({@link CsvDialect#titleRows}); the {@code sep=} line, which Excel does not show, is not counted.
 */
final class CsvSheet {

    private CsvSheet() {
    }

    /** Reads {@code file}; {@code validators} makes a fresh validator (a second reading starts afresh). */
    static SheetValidator read(Path file, String name, java.util.function.Supplier<SheetValidator> validators)
            throws IOException, InvalidInputException {
        CsvDialect dialect = CsvDialect.sniff(file);
        SheetValidator validator = validators.get();
        List<String[]> export = revManExport(file, dialect);
        if (export != null) {
            if (RevManFile.isExport(export.get(0))) {
                RevManFile.readExport(export, name, validator);
            } else {
                RevManFile.readDataRows(export, name, validator);
            }
            return validator;
        }
        try {
            parse(file, name, dialect, validator);
        } catch (CharacterCodingException e) {
            if (dialect.byteOrderMark()) {
                throw new InvalidInputException(name, "text in " + dialect.charset().displayName() + ", as its"
                        + " byte-order mark says, but it is not (save the sheet again as 'CSV UTF-8')");
            }
            InputProblem utf8 = Utf8Check.firstProblem(file, name);
            dialect = dialect.asSingleByte(file);
            validator = validators.get();
            try {
                parse(file, name, dialect, validator);
            } catch (CharacterCodingException again) {
                throw utf8 == null ? new InvalidInputException(name, "UTF-8 text (save the sheet as 'CSV UTF-8')")
                        : new InvalidInputException(java.util.List.of(utf8), 1);
            }
            boolean mac = dialect.charset().name().equals(CsvDialect.MAC_ROMAN);
            validator.notice(new Notice("encoding", null, name + ": the file is not UTF-8; it was read as"
                    + (mac ? " Mac OS Roman, the encoding of Excel's plain 'CSV' on a Mac, which its accented letters"
                    + " suggest" : " Windows-1252, the encoding of Excel's plain 'CSV' on Windows")
                    + " (check accented letters; saving as 'CSV UTF-8' avoids the guess)"));
        }
        String header = HeaderSearch.notice(name, new HeaderSearch.Found(dialect.titleRows() + 1,
                dialect.groupedHeader()), "");
        if (header != null) {
            validator.notice(new Notice("sheet", null, header));
        }
        if (dialect.separator() != ',') {
            validator.notice(new Notice("separator", null, name + ": fields separated by " + dialect.separatorName()
                    + (dialect.sepLine() ? " (Excel's sep= line)" : "") + (dialect.decimalComma()
                    ? "; numbers may use decimal commas" : "")));
        }
        return validator;
    }

    /**
     * The records of RevMan 5's "Data and analyses" export ({@link RevManFile#isExport}) or of a Cochrane data
     * package's table of study data ({@link RevManFile#isDataRows}), or null for any other file: only its first 8 KB
     * are looked at then (for "Comparison Number" or "Analysis group" in its first line). Such a file is small (a
     * review's analyses), so it is read whole.
     */
    private static List<String[]> revManExport(Path file, CsvDialect dialect) throws IOException {
        if (dialect.titleRows() > 0 || dialect.sepLine()) {
            return null;
        }
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String start = new String(head, 0, n, dialect.charset());
        int lineEnd = start.indexOf('\n');
        String firstLine = start.substring(Math.min(dialect.bomBytes() > 0 ? 1 : 0, start.length()),
                lineEnd < 0 ? start.length() : lineEnd);
        if (!firstLine.contains("Comparison Number") && !firstLine.contains("Analysis group")) {
            return null; // every other sheet: its first line only
        }
        String text;
        try {
            text = decode(file, dialect);
        } catch (CharacterCodingException e) {
            text = decode(file, dialect.asSingleByte(file));
        }
        try {
            CsvReader<de.siegmar.fastcsv.reader.CsvRecord> records = CsvReader.builder()
                    .fieldSeparator(dialect.separator()).skipEmptyLines(true).ignoreDifferentFieldCount(true)
                    .ofCsvRecord(text);
            List<String[]> all = new java.util.ArrayList<>();
            for (de.siegmar.fastcsv.reader.CsvRecord r : records) {
                String[] fields = r.getFields().toArray(String[]::new);
                if (all.isEmpty() && !RevManFile.isExport(fields) && !RevManFile.isDataRows(fields)) {
                    return null;
                }
                all.add(fields);
            }
            return all.isEmpty() ? null : all;
        } catch (CsvParseException e) {
            return null; // the sheet's own reading says what is wrong
        }
    }

    /** The file's text in the dialect's encoding, strictly, without a byte-order mark. */
    private static String decode(Path file, CsvDialect dialect) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return dialect.strictDecoder().decode(java.nio.ByteBuffer.wrap(bytes, dialect.bomBytes(),
                bytes.length - dialect.bomBytes())).toString();
    }

    private static void parse(Path file, String name, CsvDialect dialect, SheetValidator validator)
            throws IOException, InvalidInputException, CharacterCodingException {
        long[] read = new long[1];
        InputStream counted = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        validator.decimalComma(dialect.decimalComma());
        SheetRows rows = new SheetRows(validator, dialect.titleRows(), dialect.groupedHeader(), () -> read[0],
                Files.size(file));
        validator.headerRow(dialect.titleRows() + 1);
        // a strict decoder: text that is not in the encoding is an error, not replacement characters
        try (Reader reader = new InputStreamReader(skip(counted, dialect.bomBytes()), dialect.strictDecoder())) {
            if (dialect.sepLine()) {
                skipLine(reader);
            }
            try (CsvReader<Boolean> csv = CsvReader.builder()
                    .fieldSeparator(dialect.separator())
                    .skipEmptyLines(false)
                    .ignoreDifferentFieldCount(true)
                    .build(rows, reader)) {
                for (Boolean more : csv) {
                    if (!more) {
                        break;
                    }
                }
            }
        } catch (CsvParseException e) {
            throw new InvalidInputException(name, "well-formed delimited text after row " + rows.rows()
                    + " (a quote may be left open: a field that starts with a double quote must end with one)");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw c;
            }
            throw e.getCause();
        }
        if (rows.rows() <= dialect.titleRows()) {
            throw new InvalidInputException(name, "a header row and data rows, but the file is empty");
        }
        if (rows.blankHeader()) {
            throw new InvalidInputException(name, "a header row in row 1 (study, outcome, events_msc, n_msc, ...)");
        }
    }

    private static InputStream skip(InputStream in, int bytes) throws IOException {
        in.skipNBytes(bytes);
        return in;
    }

    /** Consumes the {@code sep=} line (ended by LF, or CR LF: the LF is consumed with it). */
    private static void skipLine(Reader r) throws IOException {
        int c;
        while ((c = r.read()) >= 0 && c != '\n') {
            // a lone CR ends no line of Excel's: read on to the LF
        }
    }
}
