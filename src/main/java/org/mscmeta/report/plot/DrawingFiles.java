package org.mscmeta.report.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.mscmeta.files.AtomicFiles;

/**
 * Writes a {@link Drawing} as PNG (raster, with its dpi recorded), SVG and PDF (vector; text as text in the
 * embedded plot font). Each file is atomic.
 */
public final class DrawingFiles {

    /** Resolution of the PNG files: journal print quality. */
    public static final int DPI = 300;

    private DrawingFiles() {
    }

    /** Renders to an image at {@code dpi}. */
    public static BufferedImage image(Drawing d, int dpi) {
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage(pixels(d.width(), scale), pixels(d.height(), scale),
                BufferedImage.TYPE_INT_RGB);
        draw(d, scale, img.createGraphics(), img.getWidth(), img.getHeight());
        return img;
    }

    private static int pixels(double points, double scale) {
        return (int) Math.ceil(points * scale);
    }

    private static void draw(Drawing d, double scale, Graphics2D g, int w, int h) {
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            d.draw(g);
        } finally {
            g.dispose();
        }
    }

    /**
     * PNG at {@link #DPI} with the resolution stored in the pHYs chunk: drawn into bytes in the file's order
     * ({@link RgbOrderGraphics}), written as they are ({@link PngWriter}), or as one byte a pixel when the plot was
     * drawn in greys only ({@link RgbOrderGraphics#onlyGreys}, {@link #greys}).
     */
    public static void png(Drawing d, Path file) throws IOException {
        double scale = DPI / 72.0;
        int w = pixels(d.width(), scale);
        int h = pixels(d.height(), scale);
        int n = Math.multiplyExact(w, h);
        byte[] rgb = spare(SPARE_RGB, Math.multiplyExact(3, n));
        byte[] greys = null;
        try {
            // the layout of TYPE_3BYTE_BGR (which BufferedImage reports for it), over a buffer that may have been used
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                    new java.awt.image.DataBufferByte(rgb, 3 * n), w, h, 3 * w, 3, new int[] {2, 1, 0}, null);
            RgbOrderGraphics g = new RgbOrderGraphics(new BufferedImage(BGR, raster, false, null));
            draw(d, scale, g, w, h);
            greys = g.onlyGreys() ? greys(rgb, n) : null;
            byte[] levels = greys;
            AtomicFiles.write(file, out -> {
                if (levels == null) {
                    PngWriter.rgb(rgb, w, h, DPI, out);
                } else {
                    PngWriter.greys(levels, w, h, DPI, out);
                }
            });
        } finally {
            SPARE_RGB.add(new java.lang.ref.SoftReference<>(rgb));
            if (greys != null) {
                SPARE_GREYS.add(new java.lang.ref.SoftReference<>(greys));
            }
        }
    }

    /** A spare buffer of at least {@code n} bytes from {@code spares}, or a new one. */
    private static byte[] spare(java.util.Queue<java.lang.ref.SoftReference<byte[]>> spares, int n) {
        java.lang.ref.SoftReference<byte[]> spare = spares.poll();
        byte[] b = spare == null ? null : spare.get();
        return b == null || b.length < n ? new byte[n] : b;
    }

    /**
     * The grey levels of a drawing in greys only, one byte a pixel: the AE panel, the leave-one-out, cumulative and
     * zero-event plots and the summary of findings are drawn in black and greys, and written as one byte a pixel
     * they are a third of the data to deflate.
     */
    private static byte[] greys(byte[] rgb, int n) {
        byte[] out = spare(SPARE_GREYS, n);
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            out[i] = rgb[j];
        }
        return out;
    }

    /** The colour model of TYPE_3BYTE_BGR. */
    private static final java.awt.image.ColorModel BGR = new java.awt.image.ComponentColorModel(
            java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), new int[] {8, 8, 8}, false,
            false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);

    /**
     * Pixel buffers of PNGs already written, for the next one: a 300-dpi plot is up to 30 MB of pixels, and
     * allocated afresh for each of a few hundred plots they grew the heap by gigabytes, every new page zeroed by
     * the kernel. One per plot drawn at once; each grows to the largest plot; held softly, so that the collector
     * may take them back.
     */
    private static final java.util.Queue<java.lang.ref.SoftReference<byte[]>> SPARE_RGB =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Grey-level buffers of PNGs already written, as {@link #SPARE_RGB}. */
    private static final java.util.Queue<java.lang.ref.SoftReference<byte[]>> SPARE_GREYS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * SVG (text kept as text), sized in millimetres: the root's {@code width} and {@code height} are the drawing's
     * physical size, its {@code viewBox} in points.
     */
    public static void svg(Drawing d, Path file) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(mm(d.width()), mm(d.height()), SVGUnits.MM);
        // coordinates to a thousandth of a point (0.35 um), not the 17 digits of a float widened to a double
        g.setGeomDoubleConverter(v -> Double.toString(Math.rint(v * 1000) / 1000));
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, d.width(), d.height()));
        d.draw(g);
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, d.width(), d.height()), null, null) + "\n";
        AtomicFiles.write(file, o -> o.write(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** {@code points} in millimetres, to a hundredth. */
    private static double mm(double points) {
        return new java.math.BigDecimal(PlotSize.mm(points)).setScale(2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** PDF, one page the size of the drawing. */
    public static void pdf(Drawing d, Path file) throws IOException {
        pdf(java.util.List.of(d), file);
    }

    /** PDF, one page per drawing, each the size of its drawing (PDF units are points: the physical size). */
    public static void pdf(java.util.List<Drawing> pages, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (PDDocument doc = new PDDocument()) {
                // the trailer /ID is seeded from this instead of the clock, so that a re-run writes the same bytes
                doc.setDocumentId((long) file.getFileName().toString().hashCode());
                var fonts = PdfFonts.embedded(doc); // one embedded subset per face for every page
                for (Drawing d : pages) {
                    PDRectangle size = new PDRectangle((float) d.width(), (float) d.height());
                    PDPage page = new PDPage(size);
                    doc.addPage(page);
                    PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, size);
                    g.setFontTextDrawer(fonts);
                    g.setColor(Color.WHITE);
                    g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, d.width(), d.height()));
                    d.draw(g);
                    g.dispose();
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        cs.drawForm(g.getXFormObject());
                    }
                }
                doc.save(out);
            }
        });
    }

    /** PNG, SVG and PDF beside each other: {@code base.png}, {@code base.svg}, {@code base.pdf}. */
    public static void all(Drawing d, Path dir, String base) throws IOException {
        png(d, dir.resolve(base + ".png"));
        svg(d, dir.resolve(base + ".svg"));
        pdf(d, dir.resolve(base + ".pdf"));
    }

    /**
     * Width and height of a PNG, from its header chunk (IHDR), which the format places right after the signature
     * (ISO/IEC 15948, 5.2 and 11.2.2); ImageIO's reader registry took a tenth of a second to start for this.
     */
    public static int[] pngSize(Path png) throws IOException {
        byte[] head = new byte[24];
        try (var in = java.nio.file.Files.newInputStream(png)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                throw new IOException(png + ": not a PNG file (too short)");
            }
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
        if (b.getLong(0) != 0x89504E470D0A1A0AL || b.getInt(12) != 0x49484452) {
            throw new IOException(png + ": not a PNG file");
        }
        return new int[] {b.getInt(16), b.getInt(20)};
    }
}
