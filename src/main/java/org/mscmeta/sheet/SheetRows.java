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
    private final List<String> header = new ArrayList<>();
    private int rows;
    private boolean headerDone;
    private boolean blankHeader;
    private boolean blank;
    private int fields;

    private final java.util.function.LongSupplier bytesRead;
    private final long fileSize;

    SheetRows(SheetValidator validator) {
        this(validator, () -> 0, 0);
    }

    /**
     * @param bytesRead how much of the file the parser has taken so far (with its read-ahead)
     * @param fileSize  the file's length: with the two, the rows still to come are estimated twice (after 4,096
     *                  and after 65,536 rows) and the columns make room for them, instead of doubling as they fill
     */
    SheetRows(SheetValidator validator, java.util.function.LongSupplier bytesRead, long fileSize) {
        this.validator = validator;
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
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        int from = offset;
        int to = offset + len;
        while (from < to && Character.isWhitespace(buf[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(buf[to - 1])) {
            to--;
        }
        blank &= from == to;
        fields = index + 1;
        if (!headerDone) {
            header.add(new String(buf, offset, len));
        } else {
            validator.field(index, buf, from, to - from);
        }
    }

    @Override
    protected RecordWrapper<Boolean> buildRecord() {
        rows++;
        if (!headerDone) {
            headerDone = true;
            if (blank) {
                blankHeader = true;
                return wrapRecord(false);
            }
            return wrapRecord(validator.header(header.toArray(new String[0])));
        }
        if (!blank) {
            validator.endRow(rows, fields);
        }
        if ((rows == 4096 || rows == 65536) && fileSize > 0) {
            long read = bytesRead.getAsLong();
            if (read > 0 && read < fileSize) {
                // the parser reads ahead, so rows are underestimated by up to its buffer: more margin early on
                double margin = rows == 4096 ? 1.08 : 1.02;
                validator.expectRows((int) Math.min(Integer.MAX_VALUE - 16, (double) rows * fileSize / read * margin));
            }
        }
        return wrapRecord(true);
    }
}
