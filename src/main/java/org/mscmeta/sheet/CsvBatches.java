package org.mscmeta.sheet;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a FastCSV reader on its own thread and passes its records on in batches (a bounded queue, so that a fast
 * parser does not run far ahead of the reader of the batches). The last batch is marked and carries the parser's
 * exception, if any. {@link #cancel()} stops the parser when the consumer gives up early.
 */
final class CsvBatches implements Runnable {

    /** Records of one hand-over; {@code last} marks the end of the file or a failure. */
    record Batch(String[][] cells, int size, boolean last, RuntimeException failure) {
    }

    private static final int BATCH = 1024;

    private final CsvReader<CsvRecord> csv;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
    private volatile boolean cancelled;

    CsvBatches(CsvReader<CsvRecord> csv) {
        this.csv = csv;
    }

    @Override
    public void run() {
        String[][] cells = new String[BATCH][];
        int n = 0;
        RuntimeException failure = null;
        try (csv) {
            for (CsvRecord rec : csv) {
                cells[n++] = rec.getFields().toArray(new String[0]);
                if (n == BATCH) {
                    if (!put(new Batch(cells, n, false, null))) {
                        return;
                    }
                    cells = new String[BATCH][];
                    n = 0;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        }
        put(new Batch(cells, n, true, failure));
    }

    private boolean put(Batch b) {
        try {
            while (!cancelled) {
                if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next batch, waiting for the parser. */
    Batch take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the sheet");
        }
    }

    /** Stops the parser (it ends at its next hand-over). */
    void cancel() {
        cancelled = true;
    }
}
