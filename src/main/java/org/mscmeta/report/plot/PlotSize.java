package org.mscmeta.report.plot;

import java.util.Locale;

/**
 * The size a figure is drawn for, as journals give it: the width of one text column, of both columns, or a whole
 * page turned sideways. Figures are drawn at that size in points (PDF and SVG declare it in physical units; PNG at
 * 300 dpi), with no text smaller than 7 pt, and split into pages no taller than a page's printable height.
 */
public enum PlotSize {
    /** One text column: 85 mm wide, 7 pt text; forest plots show the study, the estimate and the plot. */
    SINGLE_COLUMN(85, 234, 7),
    /** Both text columns: 174 mm wide, 7 pt text (the default). */
    DOUBLE_COLUMN(174, 234, 7),
    /** A full page turned sideways: 234 mm wide and at most 174 mm tall per page, 8 pt text. */
    FULL_PAGE(234, 174, 8);

    private static final double POINTS_PER_MM = 72 / 25.4;

    private final double widthMm;
    private final double pageHeightMm;
    private final double textPt;

    PlotSize(double widthMm, double pageHeightMm, double textPt) {
        this.widthMm = widthMm;
        this.pageHeightMm = pageHeightMm;
        this.textPt = textPt;
    }

    /** Width in millimetres. */
    public double widthMm() {
        return widthMm;
    }

    /** Width in points. */
    public double width() {
        return widthMm * POINTS_PER_MM;
    }

    /** The tallest a page may be, in points. */
    public double pageHeight() {
        return pageHeightMm * POINTS_PER_MM;
    }

    /** The size of the table text and of every other text but titles, in points (at least 7). */
    public double textPt() {
        return textPt;
    }

    /** Points in millimetres. */
    public static double mm(double points) {
        return points / POINTS_PER_MM;
    }

    /** The option's value: {@code single}, {@code double}, {@code page}. */
    public String id() {
        return switch (this) {
            case SINGLE_COLUMN -> "single";
            case DOUBLE_COLUMN -> "double";
            case FULL_PAGE -> "page";
        };
    }

    /** Parses {@code single}, {@code double} or {@code page}. */
    public static PlotSize parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (PlotSize p : values()) {
            if (p.id().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--plot-size: expected single, double or page, got '" + s + "'");
    }
}
