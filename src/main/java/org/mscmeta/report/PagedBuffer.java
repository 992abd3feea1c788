package org.mscmeta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory output stream kept as a list of fixed-size pages. Unlike {@link java.io.ByteArrayOutputStream} it
 * never copies what it holds when it grows, and no page is large enough to count as a "humongous" object for the
 * G1 collector (half a heap region, at least 512 KiB), which makes megabyte-sized buffers costly to allocate.
 */
final class PagedBuffer extends OutputStream {

    private static final int PAGE = 1 << 15;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] page = new byte[PAGE];
    private int used;

    @Override
    public void write(int b) {
        if (used == PAGE) {
            nextPage();
        }
        page[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (used == PAGE) {
                nextPage();
            }
            int n = Math.min(len, PAGE - used);
            System.arraycopy(b, off, page, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void nextPage() {
        full.add(page);
        page = new byte[PAGE];
        used = 0;
    }

    /** Number of bytes written. */
    long size() {
        return (long) full.size() * PAGE + used;
    }

    /** Writes everything held to {@code out}, in order. */
    void writeTo(OutputStream out) throws IOException {
        for (byte[] p : full) {
            out.write(p, 0, PAGE);
        }
        out.write(page, 0, used);
    }
}
