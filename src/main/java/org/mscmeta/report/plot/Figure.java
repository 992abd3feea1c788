package org.mscmeta.report.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plot ready to be written, in one page or several: PNG (300 dpi), SVG or PDF, chosen by the file's extension, at
 * the physical size it was laid out for ({@link PlotSize}). Made by {@link Plots}.
 */
public final class Figure {

    private final List<Drawing> pages;

    Figure(List<Drawing> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a figure has at least one page");
        }
        this.pages = List.copyOf(pages);
    }

    Figure(Drawing drawing) {
        this(List.of(drawing));
    }

    /** The pages, each a drawing in points (1/72 inch) to paint onto any {@link java.awt.Graphics2D}. */
    public List<Drawing> pages() {
        return pages;
    }

    /** Width of the first page in points. */
    public double width() {
        return pages.get(0).width();
    }

    /** Height of the first page in points. */
    public double height() {
        return pages.get(0).height();
    }

    /**
     * Writes the figure: {@code .pdf} as one document of every page; {@code .png} (300 dpi) and {@code .svg} one file
     * per page, the first at {@code file} and the next beside it as {@code name-page2.png}, ... Each file appears
     * whole or not at all.
     *
     * @return the files written, in page order
     * @throws IllegalArgumentException for another extension
     */
    public List<Path> write(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            DrawingFiles.pdf(pages, file);
            return List.of(file);
        }
        boolean png = lower.endsWith(".png");
        if (!png && !lower.endsWith(".svg")) {
            throw new IllegalArgumentException("a plot is written as .png, .svg or .pdf, not as '" + file + "'");
        }
        List<Path> out = new ArrayList<>();
        String stem = name.substring(0, name.length() - 4);
        String ext = name.substring(name.length() - 4);
        for (int i = 0; i < pages.size(); i++) {
            Path target = i == 0 ? file : file.resolveSibling(stem + "-page" + (i + 1) + ext);
            if (png) {
                DrawingFiles.png(pages.get(i), target);
            } else {
                DrawingFiles.svg(pages.get(i), target);
            }
            out.add(target);
        }
        return out;
    }

    /** Writes {@code base.png}, {@code base.svg} and {@code base.pdf} into {@code dir}; returns every file written. */
    public List<Path> writeAll(Path dir, String base) throws IOException {
        List<Path> out = new ArrayList<>(write(dir.resolve(base + ".png")));
        out.addAll(write(dir.resolve(base + ".svg")));
        out.addAll(write(dir.resolve(base + ".pdf")));
        return out;
    }
}
