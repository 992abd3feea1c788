package org.mscmeta.report.workbook;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffering writer that takes no lock. POI's streaming sheet writer writes a registry-size sheet through its
 * writer one character or a few at a time (escaping text cell values character by character); through
 * {@link java.io.BufferedWriter}, which locks and checks that it is open on every call, that was a tenth of the CPU
 * of the 80,000-row report. Used by one thread only.
 */
final class UnlockedWriter extends Writer {
    private final Writer out;
    private final char[] buf = new char[1 << 14];
    private int used;

    UnlockedWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buf.length) {
            drain();
        }
        buf[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len > buf.length - used) {
            drain();
            if (len > buf.length) {
                out.write(chars, off, len);
                return;
            }
        }
        System.arraycopy(chars, off, buf, used, len);
        used += len;
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        if (len > buf.length - used) {
            drain();
            if (len > buf.length) {
                out.write(str, off, len);
                return;
            }
        }
        str.getChars(off, off + len, buf, used);
        used += len;
    }

    @Override
    public void write(String str) throws IOException {
        write(str, 0, str.length());
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buf, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
