package org.mscmeta.report.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build ({@code process-classes}): writes the plot font's two faces cut to the scripts a PDF embeds
 * ({@link PdfFonts}) beside the full faces in the classes folder, so that a report does not cut them at its first
 * PDF. Not part of the library's API.
 */
public final class PdfFontFiles {

    private PdfFontFiles() {
    }

    /** {@code args[0]}: the classes folder (target/classes). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PdfFontFiles CLASSES_FOLDER");
        }
        Path root = Path.of(args[0]).resolve(PdfFontFiles.class.getPackageName().replace('.', '/'));
        for (String face : new String[] {Text.REGULAR_FILE, Text.BOLD_FILE}) {
            Path file = root.resolve(PdfFonts.cutResource(face));
            Files.createDirectories(file.getParent());
            Files.write(file, PdfFonts.cutNow(face));
        }
    }
}
