package org.mscmeta.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The zip container of a workbook or a document written by Apache POI (an Office Open XML package, ECMA-376 Part 2):
 * POI writes into a {@link ZipArchiveOutputStream} it is given instead of one of its own, so the compression is
 * chosen here. The XML parts are deflated at the fastest level; pictures, which PNG has already deflated, are
 * stored as they are (deflating them again at POI's default level took as long as drawing them, for 15% of their size).
 */
public final class OfficeZip extends ZipArchiveOutputStream {

    /** A zip container writing into {@code out}, which it does not close before {@link #close}. */
    public OfficeZip(OutputStream out) {
        super(out);
        setLevel(Deflater.BEST_SPEED);
    }

    /** Writes a workbook or document POI built in memory into {@code file}, atomically ({@link AtomicFiles}). */
    public static void write(org.apache.poi.ooxml.POIXMLDocument doc, java.nio.file.Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (OfficeZip zip = new OfficeZip(out)) {
                doc.write(zip);
            }
        });
    }

    /**
     * Lets go of a workbook or document POI built in memory, once written. Its {@code close()} would save the whole
     * package a second time, at the default deflate level, into a buffer nobody reads (POI 5.3 closes a new package by
     * saving it): that was as costly as writing the file. Reverting the package discards it without saving.
     */
    public static void discard(org.apache.poi.ooxml.POIXMLDocument doc) {
        doc.getPackage().revert();
    }

    @Override
    public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        boolean compressed = name.endsWith(".png") || name.endsWith(".jpeg") || name.endsWith(".jpg");
        setLevel(compressed ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
        super.putArchiveEntry(entry);
    }
}
