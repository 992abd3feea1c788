package org.mscmeta.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory output stream kept as a list of fixed-size pages. Unlike {@link java.io.ByteArrayOutputStream} it
 * never copies what it holds when it grows, and no page is large enough to count as a "humongous" object for the
 * G1 collector (half a heap region, at least 512 KiB), which makes megabyte-sized buffers costly to allocate.
 * Pages can be recycled through a shared queue, so that writing a large document a window at a time allocates
 * about one window's worth of pages.
 */
final class PagedBuffer extends OutputStream {

    private static final int PAGE = 1 << 15;

    private final List<byte[]> full = new ArrayList<>();
    private final java.util.Queue<byte[]> spare;
    private byte[] page;
    private int used;

    /** A buffer that takes its pages from {@code spare} when it has any (see {@link #release()}). */
    PagedBuffer(java.util.Queue<byte[]> spare) {
        this.spare = spare;
        this.page = newPage();
    }

    private byte[] newPage() {
        byte[] p = spare.poll();
        return p != null ? p : new byte[PAGE];
    }

    /** Gives the pages back to the spare queue; the buffer is empty afterwards. */
    void release() {
        spare.addAll(full);
        spare.add(page);
        full.clear();
        page = newPage();
        used = 0;
    }

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
        page = newPage();
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
