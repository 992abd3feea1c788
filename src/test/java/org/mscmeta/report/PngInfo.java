package org.mscmeta.report;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Width, height, colour type (2 RGB, 3 indexed: ISO/IEC 15948, 11.2.2) and the dpi of a PNG's pHYs chunk, read from
 * the file's chunks, every one of which is checked against its CRC-32 up to IEND, which must end the file.
 */
public record PngInfo(int width, int height, int colourType, int dpi) {

    public static PngInfo read(Path png) throws IOException {
        try (InputStream raw = Files.newInputStream(png); DataInputStream in = new DataInputStream(raw)) {
            in.skipNBytes(8);
            int width = 0;
            int height = 0;
            int colourType = -1;
            int dpi = 0;
            while (true) {
                int len = in.readInt();
                String type = new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII);
                byte[] data = in.readNBytes(len);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                crc.update(data);
                if (in.readInt() != (int) crc.getValue()) {
                    throw new IOException(png + ": the CRC of a " + type + " chunk is wrong");
                }
                var d = new DataInputStream(new java.io.ByteArrayInputStream(data));
                if (type.equals("IHDR")) {
                    width = d.readInt();
                    height = d.readInt();
                    d.readUnsignedByte(); // bit depth
                    colourType = d.readUnsignedByte();
                } else if (type.equals("pHYs")) {
                    int perMetre = d.readInt();
                    d.readInt();
                    if (d.readUnsignedByte() == 1) {
                        dpi = (int) Math.round(perMetre * 0.0254);
                    }
                } else if (type.equals("IEND")) {
                    if (in.read() != -1) {
                        throw new IOException(png + ": bytes after IEND");
                    }
                    return new PngInfo(width, height, colourType, dpi);
                }
            }
        }
    }
}
