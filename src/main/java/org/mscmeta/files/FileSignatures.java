package org.mscmeta.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file is by its first bytes, whatever its name says. */
public final class FileSignatures {

    /** The first eight bytes of an OLE2 compound file (.xls, and an .xlsx saved with a password). */
    public static final long OLE2 = 0xD0CF11E0A1B11AE1L;

    private FileSignatures() {
    }

    /**
     * Whether {@code file} is a workbook (an .xlsx or .ods, which are zip files, or an .xls) rather than text: for the
     * tables read as text only (an outcome map, a vocabulary, a group mapping), which a user may have kept in Excel.
     */
    public static boolean isWorkbook(Path file) throws IOException {
        byte[] magic = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(magic, 0, magic.length);
        }
        return n == 8 && java.nio.ByteBuffer.wrap(magic).getLong() == OLE2
                || n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
}
