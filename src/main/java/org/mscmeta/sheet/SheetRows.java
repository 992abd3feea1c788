package org.mscmeta.sheet;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.util.ArrayList;
import java.util.List;

/**
 * FastCSV's callback for an extraction sheet: the first record is the header (kept as text and given to the
 * validator); every later field is stripped of surrounding white space in the parser's buffer and handed to the
 * validator as characters ({@link SheetValidator#field}); a record of blank fields only is skipped. Each record
 * yields {@code true} while reading should go on, {@code false} once the header is rejected.
 */
final class SheetRows extends AbstractBaseCsvCallbackHandler<Boolean> {

    private final SheetValidator validator;
    /** Rows of titles above the header, skipped. */
    private final int titleRows;
    /** Whether the last of them holds group names over the column names. */
    private final boolean grouped;
    private boolean title;
    private final List<String> groups = new ArrayList<>();
    /** The current title row's cells, handed to the validator to be looked at ({@link SheetValidator#aboveHeader}). */
    private final List<String> titleCells = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private int rows;
    private boolean headerDone;
    private boolean blankHeader;
    private boolean blank;
    private int fields;
    /** The row's cells as text, when the validator takes rows whole ({@link SheetValidator#readsCells}), else null. */
    private List<String> cells;

    private final java.util.function.LongSupplier bytesRead;
    private final long fileSize;

    /** Records read when the sheet's length in rows is estimated (a sample long enough to be representative). */
    static final int ESTIMATE_AT = 65_536;

    /**
     * @param titleRows rows of titles above the header, not read (but counted: rows are numbered as a spreadsheet
     *                  shows them)
     * @param grouped   whether the last of them holds group names over the column names ({@link HeaderSearch})
     * @param bytesRead how much of the file the parser has taken so far (with its read-ahead)
     * @param fileSize  the file's length: with the two, the number of rows is estimated after
     *                  {@link #ESTIMATE_AT} of them and the columns make room for them at once, instead of doubling
     *                  as they fill (a large sheet's columns were allocated twice over, every new page faulted in)
     */
    SheetRows(SheetValidator validator, int titleRows, boolean grouped, java.util.function.LongSupplier bytesRead,
              long fileSize) {
        this.validator = validator;
        this.titleRows = titleRows;
        this.grouped = grouped;
        this.bytesRead = bytesRead;
        this.fileSize = fileSize;
    }

    /** Records read so far (the header is row 1). */
    int rows() {
        return rows;
    }

    /** The first record had no text at all. */
    boolean blankHeader() {
        return blankHeader;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        blank = true;
        fields = 0;
        title = rows < titleRows;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        int from = offset;
        int to = offset + len;
        while (from < to && Blanks.isSpace(buf[from])) {
            from++;
        }
        while (to > from && Blanks.isSpace(buf[to - 1])) {
            to--;
        }
        if (title) {
            titleField(index, new String(buf, offset, len), new String(buf, from, to - from));
            return;
        }
        blank &= from == to;
        fields = index + 1;
        if (!headerDone) {
            header.add(new String(buf, offset, len));
        } else if (cells != null) {
            while (cells.size() < index) {
                cells.add("");
            }
            cells.add(new String(buf, from, to - from));
        } else {
            validator.field(index, buf, from, to - from);
        }
    }

    /** A row above the header ends: its cells go to the validator to be looked at. */
    private void endTitle() {
        if (!titleCells.isEmpty()) {
            validator.aboveHeader(rows, titleCells.toArray(new String[0]));
            titleCells.clear();
        }
    }

    /** A field of a row above the header ({@code raw} as written, {@code stripped}), kept apart from the data's. */
    private void titleField(int index, String raw, String stripped) {
        if (grouped && rows == titleRows - 1) {
            groups.add(raw);
            return;
        }
        while (titleCells.size() < index) {
            titleCells.add("");
        }
        titleCells.add(stripped);
    }

    @Override
    protected RecordWrapper<Boolean> buildRecord() {
        rows++;
        if (title) {
            endTitle();
            return wrapRecord(true);
        }
        if (!headerDone) {
            headerDone = true;
            if (blank) {
                blankHeader = true;
                return wrapRecord(false);
            }
            String[] names = header.toArray(new String[0]);
            boolean go = validator.header(grouped ? HeaderSearch.names(groups.toArray(new String[0]), names) : names);
            cells = validator.readsCells() ? new ArrayList<>() : null;
            return wrapRecord(go);
        }
        if (cells != null) {
            if (!blank) {
                validator.row(rows, cells.toArray(new String[0]));
            }
            cells.clear();
        } else if (!blank) {
            validator.endRow(rows, fields);
        }
        if (rows == ESTIMATE_AT && fileSize > 0) {
            long read = bytesRead.getAsLong();
            if (read > 0 && read < fileSize) {
                // rows so far times the bytes still to come over the bytes per row so far; 2% more, as the parser
                // has read ahead of the row it is at (by its buffer: a fraction of a percent of 65,536 rows)
                validator.expectRows((int) Math.min(Integer.MAX_VALUE - 16, (double) rows * fileSize / read * 1.02));
            }
        }
        return wrapRecord(true);
    }
}
