package org.mscmeta.report.workbook;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.mscmeta.files.OfficeZip;

/**
 * POI's streaming workbook for registry-size sheets (rows flushed 200 at a time), zipped by {@link OfficeZip} (the
 * XML of a registry-scale workbook runs to hundreds of megabytes, and the fastest deflate level compresses it several
 * times faster than the default for a file about a fifth larger), each sheet's rows written through an
 * {@link UnlockedWriter}.
 */
final class StreamingXlsx extends SXSSFWorkbook {

    StreamingXlsx() {
        super(200);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        return new OfficeZip(out);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new SheetDataWriter() {
            @Override
            public Writer createWriter(File fd) throws IOException {
                return new UnlockedWriter(new OutputStreamWriter(decorateOutputStream(new FileOutputStream(fd)),
                        StandardCharsets.UTF_8));
            }

            @Override
            protected void outputEscapedString(String s) throws IOException {
                escape(s, _out);
            }
        };
    }

    /**
     * Writes {@code s} as the text of an XML element or attribute exactly as POI's {@code SheetDataWriter} does
     * (the five markup characters, tab, line feed, carriage return and the no-break space as references; another
     * control character, U+FFFE or U+FFFF as "?"; everything else as it is), but the runs between such characters
     * in one call each: POI writes every character with a call of its own, the largest single cost of the
     * registry-scale workbook (its formulas and texts run to about a hundred million characters).
     */
    static void escape(String s, Writer out) throws IOException {
        if (s == null) {
            return;
        }
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String ref = c <= '>' || c == '\u00a0' || c >= '\ufffe' ? reference(c) : null;
            if (ref != null) {
                out.write(s, run, i - run);
                out.write(ref);
                run = i + 1;
            }
        }
        out.write(s, run, s.length() - run);
    }

    /** What {@link #escape} writes for {@code c}, or null when it writes {@code c} itself. */
    private static String reference(char c) {
        switch (c) {
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '&':
                return "&amp;";
            case '"':
                return "&quot;";
            case '\n':
                return "&#xa;";
            case '\r':
                return "&#xd;";
            case '\t':
                return "&#x9;";
            case '\u00a0':
                return "&#xa0;";
            default:
                return c < ' ' || c >= '\ufffe' ? "?" : null;
        }
    }
}
