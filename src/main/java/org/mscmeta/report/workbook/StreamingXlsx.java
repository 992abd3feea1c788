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
        };
    }
}
