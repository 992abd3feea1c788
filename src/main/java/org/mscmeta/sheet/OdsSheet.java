package org.mscmeta.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a sheet of an OpenDocument spreadsheet (.ods, the format LibreOffice and OpenOffice save in): its tables
 * parsed from {@code content.xml} in one pass ({@link OdsTables}), the sheet chosen as in an .xlsx workbook
 * ({@code --sheet}, else the first whose first rows hold the required columns, or every sheet of a workbook of one
 * sheet per adverse event), its rows read as an .xlsx workbook's are ({@link WorkbookRows#feed}): merged cells
 * filled in, hidden and filtered-out rows read and named. An .xlsx workbook named .ods is read as what it is; a
 * damaged file, a file saved with a password, another OpenDocument (a text document) or a file whose content unpacks
 * to more than {@link #MAX_CONTENT} bytes is refused with a sentence.
 *
 * <p>Not SODS, the one library for .ods in Java: it reads a sheet in time that grows with the square of its rows
 * (20,000 rows took 89 s) and leaves out a row repeated more than 10,000 times, numbering the rows after it wrongly.
 */
final class OdsSheet {

    /** Files larger than this are refused (an .ods file is read whole). */
    static final long MAX_BYTES = 100L * 1024 * 1024;
    /** The most a document's content may unpack to (a zip bomb is refused). */
    static final long MAX_CONTENT = 2L * 1024 * 1024 * 1024;

    private static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

    private OdsSheet() {
    }

    /** Reads the sheets {@link SheetChoice} chooses; {@code validators} makes a fresh validator for a sheet's name. */
    static List<SheetValidator> read(Path file, String name, String sheetName,
                                     Function<String, SheetValidator> validators)
            throws IOException, InvalidInputException {
        return read(file, name, sheetName, validators, MAX_CONTENT);
    }

    /** As {@link #read(Path, String, String, Function)}, refusing content that unpacks to more than {@code max}. */
    static List<SheetValidator> read(Path file, String name, String sheetName,
                                     Function<String, SheetValidator> validators, long max)
            throws IOException, InvalidInputException {
        WorkbookRows.refuseBySize(name, ".ods", Files.size(file), MAX_BYTES);
        List<OdsTables.Table> tables;
        java.util.Optional<String> ours;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XlsxSheet.read(file, name, sheetName, validators); // an .xlsx saved under another name
            }
            ZipEntry content = zip.getEntry("content.xml");
            ZipEntry type = zip.getEntry("mimetype");
            String mimetype = type == null ? "" : new String(zip.getInputStream(type).readNBytes(200),
                    StandardCharsets.US_ASCII).strip();
            if (content == null || !mimetype.isEmpty() && !mimetype.equals(MIMETYPE)) {
                throw new InvalidInputException(name, "an .ods workbook, but the file is " + (mimetype.contains(
                        "opendocument") ? "another OpenDocument (" + mimetype.substring(mimetype.lastIndexOf('.') + 1)
                        + ")" : "not one") + ": open it in LibreOffice and save the sheet as .ods, .xlsx or CSV");
            }
            if (encrypted(zip)) {
                throw new InvalidInputException(name, "a spreadsheet without a password, but this one was saved with"
                        + " one: open it in LibreOffice and save a copy without the password (or as .xlsx or CSV)");
            }
            try (InputStream in = new Bounded(zip.getInputStream(content), name, max)) {
                tables = OdsTables.read(in);
            }
            ours = writtenByMscmeta(zip);
        } catch (InvalidInputException e) {
            throw e;
        } catch (OdsTables.TooLarge e) {
            throw new InvalidInputException(name, "a sheet of at most " + OdsTables.MAX_ROWS + " rows and "
                    + OdsTables.MAX_COLUMNS + " columns, but it has " + e.getMessage() + ": save the data as CSV");
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // the parser hands on the stream's exception as its nested one
            Throwable cause = e instanceof XMLStreamException x ? x.getNestedException() : e;
            if (cause instanceof TooMuch t) {
                throw t.refusal;
            }
            throw new InvalidInputException(name, "an .ods workbook, but the file could not be read as one (it is"
                    + " damaged or truncated): open it in LibreOffice and save it again, or save it as .xlsx or CSV");
        }
        List<String> names = new ArrayList<>();
        List<HeaderSearch.Found> headers = new ArrayList<>();
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (OdsTables.Table t : tables) {
            names.add(t.name());
            if (t.hidden()) {
                hidden.add(t.name());
            }
            headers.add(sheetName != null && !WorkbookRows.names(t.name(), sheetName)
                    ? HeaderSearch.Found.NONE : header(t));
        }
        SheetChoice choice = SheetChoice.of(name, sheetName, names, headers, hidden, ours);
        List<SheetValidator> parts = new ArrayList<>();
        for (int i = 0; i < choice.sheets().size(); i++) {
            String sheet = choice.sheets().get(i);
            OdsTables.Table t = tables.get(names.indexOf(sheet));
            String part = choice.partName(name, sheet);
            SheetValidator validator = choice.validator(i, name, validators);
            HeaderSearch.Found header = choice.headers().get(i);
            java.util.Iterator<OdsTables.Row> rows = t.rows().iterator();
            WorkbookRows.feed(header, validator, part, sheet, new MergedCells(t.merged(), header.row()), () -> {
                if (!rows.hasNext()) {
                    return null;
                }
                OdsTables.Row r = rows.next();
                return new WorkbookRows.GridRow(r.number(), r.cells(), r.hidden(), r.struck());
            });
            parts.add(validator);
        }
        return parts;
    }

    /** The header in the first {@link HeaderSearch#ROWS} rows: their text cells (a number is no column name). */
    private static HeaderSearch.Found header(OdsTables.Table t) {
        return HeaderSearch.among(t.rows(), OdsTables.Row::number, r -> {
            String[] cells = new String[r.cells().length];
            for (int j = 0; j < cells.length; j++) {
                cells[j] = r.text().get(j) ? r.cells()[j] : "";
            }
            return cells;
        });
    }

    /** Whether the document's manifest says its parts are encrypted (saved with a password). */
    /**
     * When mscmeta wrote the workbook first (the results workbook saved as .ods by LibreOffice, which keeps its author
     * as the document's initial creator in meta.xml): its description (empty text when it has none); empty when
     * another program did, or when the meta data cannot be read (a workbook like any other).
     */
    private static java.util.Optional<String> writtenByMscmeta(ZipFile zip) {
        ZipEntry meta = zip.getEntry("meta.xml");
        if (meta == null) {
            return java.util.Optional.empty();
        }
        try (InputStream in = zip.getInputStream(meta)) {
            javax.xml.stream.XMLStreamReader x = OdsTables.parser(in);
            String author = null;
            String description = null;
            while (x.hasNext()) {
                if (x.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (x.getLocalName().equals("initial-creator") && META.equals(x.getNamespaceURI())) {
                    author = x.getElementText();
                } else if (x.getLocalName().equals("description") && DC.equals(x.getNamespaceURI())) {
                    description = x.getElementText();
                }
            }
            return SheetChoice.ours(author, description);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The namespaces of OpenDocument's meta data and of Dublin Core's elements in it. */
    private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private static boolean encrypted(ZipFile zip) throws IOException {
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(manifest)) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).contains("encryption-data");
        }
    }

    /** The refusal of a document that unpacks to too much, carried out of the XML parser. */
    private static final class TooMuch extends IOException {
        private static final long serialVersionUID = 1L;
        final transient InvalidInputException refusal;

        TooMuch(InvalidInputException refusal) {
            super(null, null);
            this.refusal = refusal;
        }
    }

    /** The content's bytes, refused beyond a limit. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long max;
        private long read;

        Bounded(InputStream in, String name, long max) {
            super(in);
            this.name = name;
            this.max = max;
        }

        private void counted(long n) throws TooMuch {
            read += Math.max(n, 0);
            if (read > max) {
                String limit = max >= 1L << 30 ? (max >> 30) + " GB" : max >= 1L << 20 ? (max >> 20) + " MB"
                        : max + " bytes";
                throw new TooMuch(new InvalidInputException(name, "a spreadsheet whose content unpacks to at most "
                        + limit + ", but this one unpacks to more (a damaged file, or a zip bomb)"));
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            counted(n);
            return n;
        }
    }
}
