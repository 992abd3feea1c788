package org.mscmeta.report.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a PNG file (ISO/IEC 15948:2003, the W3C's Portable Network Graphics, second edition) of 8-bit samples as
 * they lie in memory: red, green and blue bytes (colour type 2), or grey levels as indices into a palette of the 256
 * greys (colour type 3: in sRGB like the colour files, where a greyscale file would be read with a linear grey by
 * some viewers). Each row unfiltered (filter type 0) and the whole deflated at level 1 by the JDK's zlib; the
 * resolution in a pHYs chunk. The framing (chunks of length, type, data and CRC-32) is all this class does: the
 * compression is zlib's and the checksum the JDK's.
 *
 * <p>Written here rather than by a PNG library because the plots are drawn straight into bytes in PNG's order
 * ({@link RgbOrderGraphics}): the library converted every pixel from an int, which was a fifth of a plot's PNG time
 * (docs/performance.md). Level 1, because the plots are drawn in parallel already and a registry-scale report's
 * PNGs are a billion pixels: measured on a 3000 x 3211 forest plot, level 1 71 ms and 566 KB, level 3 78 ms and
 * 541 KB, level 6 twice the time of level 3 for a file a fifth smaller.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Colour types (ISO/IEC 15948, 11.2.2). */
    private static final int RGB = 2;
    private static final int PALETTE = 3;
    /** Deflated data per IDAT chunk. */
    private static final int CHUNK = 1 << 15;
    /** Bytes of rows handed to zlib at a time. */
    private static final int BATCH = 1 << 18;
    private static final byte[] GREY_PALETTE = new byte[3 * 256];

    static {
        for (int i = 0; i < GREY_PALETTE.length; i++) {
            GREY_PALETTE[i] = (byte) (i / 3);
        }
    }

    private PngWriter() {
    }

    /** {@code width x height} pixels of three bytes each, red, green, blue, row after row. */
    static void rgb(byte[] pixels, int width, int height, int dpi, OutputStream out) throws IOException {
        write(pixels, width, height, RGB, dpi, out);
    }

    /** {@code width x height} grey levels, one byte each (0 black, 255 white), row after row. */
    static void greys(byte[] levels, int width, int height, int dpi, OutputStream out) throws IOException {
        write(levels, width, height, PALETTE, dpi, out);
    }

    private static void write(byte[] samples, int width, int height, int colourType, int dpi, OutputStream out)
            throws IOException {
        int rowBytes = Math.multiplyExact(width, colourType == RGB ? 3 : 1);
        if (width <= 0 || height <= 0 || samples.length < (long) rowBytes * height) {
            throw new IllegalArgumentException("a " + width + " x " + height + " image needs " + (long) rowBytes * height
                    + " bytes, not " + samples.length);
        }
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample; compression, filter and interlace methods 0
        header[9] = (byte) colourType;
        chunk(out, "IHDR", header, 0, header.length);
        byte[] physical = new byte[9];
        int perMetre = (int) Math.round(dpi / 0.0254);
        putInt(physical, 0, perMetre);
        putInt(physical, 4, perMetre);
        physical[8] = 1; // unit: the metre
        chunk(out, "pHYs", physical, 0, physical.length);
        if (colourType == PALETTE) {
            chunk(out, "PLTE", GREY_PALETTE, 0, GREY_PALETTE.length);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ImageData data = new ImageData(out);
            DeflaterOutputStream deflated = new DeflaterOutputStream(data, deflater, CHUNK);
            // rows gathered into a batch, so that zlib is called once a batch, not twice a row; the filter-type byte
            // before each row is never written: it stays 0, none
            int rowsPer = Math.max(1, BATCH / (rowBytes + 1));
            byte[] rows = new byte[rowsPer * (rowBytes + 1)];
            for (int y = 0; y < height; y += rowsPer) {
                int n = Math.min(rowsPer, height - y);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(samples, (y + i) * rowBytes, rows, i * (rowBytes + 1) + 1, rowBytes);
                }
                deflated.write(rows, 0, n * (rowBytes + 1));
            }
            deflated.finish();
            data.end();
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0, 0);
    }

    /** The zlib stream cut into IDAT chunks of {@link #CHUNK} bytes. */
    private static final class ImageData extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;

        ImageData(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == CHUNK) {
                    end();
                }
            }
        }

        /** Writes what is buffered as a chunk. */
        void end() throws IOException {
            if (filled > 0) {
                chunk(out, "IDAT", buffer, 0, filled);
                filled = 0;
            }
        }
    }

    /** A chunk: length, type, data and the CRC-32 of type and data (ISO/IEC 15948, 5.3). */
    private static void chunk(OutputStream out, String type, byte[] data, int off, int len) throws IOException {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, off, len);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(data, off, len);
        out.write(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
