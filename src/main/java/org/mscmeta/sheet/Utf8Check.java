package org.mscmeta.sheet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a file stops being UTF-8: for the error that names the row of the first byte that is not. */
final class Utf8Check {

    private Utf8Check() {
    }

    /**
     * The problem at the first malformed or unmappable byte sequence: its line (a sheet row, unless a quoted cell
     * spans lines) and that line's text as far as it decodes; null when the whole file is UTF-8.
     */
    static InputProblem firstProblem(Path file, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int at = in.position();
                int line = 1;
                int lineStart = 0;
                for (int i = 0; i < at; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
                String shown = (before.length() > 40 ? "…" + before.substring(before.length() - 40) : before)
                        + String.format("\\x%02X", bytes[at] & 0xFF);
                return new InputProblem(name, line, "-", shown, "UTF-8 text, but byte " + (at + 1)
                        + " is not (the sheet looks saved in another encoding, such as Windows-1252: in Excel"
                        + " choose 'CSV UTF-8' when saving)");
            }
            if (result.isUnderflow()) {
                return null;
            }
            out.clear();
        }
    }
}
