package org.mscmeta.report.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A plot ready to be written: PNG (300 dpi), SVG or PDF, chosen by the file's extension. Made by {@link Plots}.
 */
public final class Figure {

    private final Drawing drawing;

    Figure(Drawing drawing) {
        this.drawing = drawing;
    }

    /** Width in points (1/72 inch). */
    public double width() {
        return drawing.width();
    }

    /** Height in points. */
    public double height() {
        return drawing.height();
    }

    /** The drawing itself, to paint onto any {@link java.awt.Graphics2D} (units: points). */
    public Drawing drawing() {
        return drawing;
    }

    /**
     * Writes the figure to {@code file}: {@code .png} (300 dpi), {@code .svg} or {@code .pdf}. The file appears
     * whole or not at all.
     *
     * @throws IllegalArgumentException for another extension
     */
    public void write(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            DrawingFiles.png(drawing, file);
        } else if (name.endsWith(".svg")) {
            DrawingFiles.svg(drawing, file);
        } else if (name.endsWith(".pdf")) {
            DrawingFiles.pdf(drawing, file);
        } else {
            throw new IllegalArgumentException("a plot is written as .png, .svg or .pdf, not as '" + file + "'");
        }
    }

    /** Writes {@code base.png}, {@code base.svg} and {@code base.pdf} into {@code dir}. */
    public void writeAll(Path dir, String base) throws IOException {
        DrawingFiles.all(drawing, dir, base);
    }
}
