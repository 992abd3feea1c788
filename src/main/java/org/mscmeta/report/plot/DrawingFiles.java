package org.mscmeta.report.plot;

import com.pngencoder.PngEncoder;
import com.pngencoder.PngEncoderPhysicalPixelDimensions;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
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
        return draw(d, scale, new BufferedImage(pixels(d.width(), scale), pixels(d.height(), scale),
                BufferedImage.TYPE_INT_RGB));
    }

    private static int pixels(double points, double scale) {
        return (int) Math.ceil(points * scale);
    }

    private static BufferedImage draw(Drawing d, double scale, BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Graphics2D g = img.createGraphics();
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
        return img;
    }

    /** PNG at {@link #DPI} with the resolution stored in the pHYs chunk. */
    public static void png(Drawing d, Path file) throws IOException {
        double scale = DPI / 72.0;
        int w = pixels(d.width(), scale);
        int h = pixels(d.height(), scale);
        java.lang.ref.SoftReference<int[]> spare = SPARE_PIXELS.poll();
        int[] pixels = spare == null ? null : spare.get();
        if (pixels == null || pixels.length < (long) w * h) {
            pixels = new int[Math.multiplyExact(w, h)];
        }
        // the layout of TYPE_INT_RGB (which BufferedImage reports for it), over a buffer that may have been used
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createPackedRaster(
                new java.awt.image.DataBufferInt(pixels, w * h), w, h, w, RGB_MASKS, null);
        BufferedImage img = draw(d, scale, new BufferedImage(RGB, raster, false, null));
        byte[] greys = null;
        try {
            greys = greys(pixels, w * h);
            BufferedImage encoded = greys == null ? img : new BufferedImage(GREYS, java.awt.image.Raster
                    .createInterleavedRaster(new java.awt.image.DataBufferByte(greys, w * h), w, h, w, 1,
                            new int[] {0}, null), false, null);
            AtomicFiles.write(file, out -> writePng(encoded, DPI, out));
        } finally {
            SPARE_PIXELS.add(new java.lang.ref.SoftReference<>(pixels));
            if (greys != null) {
                SPARE_GREYS.add(new java.lang.ref.SoftReference<>(greys));
            }
        }
    }

    /**
     * The pixels as grey levels, one byte each, when every pixel is a grey (red, green and blue equal), else null:
     * the AE panel, the leave-one-out, cumulative and zero-event plots and the summary of findings are drawn in black
     * and greys only, and written as one byte a pixel they are a third of the data to deflate. Written as an indexed
     * PNG whose palette is the 256 greys, in sRGB like the colour PNGs (a greyscale image of Java's would carry its
     * linear grey profile, which a viewer that honours it shows lighter).
     */
    private static byte[] greys(int[] pixels, int n) {
        // a colour plot's colour is a square or a line several pixels across, seen by looking at every 7th pixel
        // before a pixel-by-pixel pass turns a plot in greys into bytes
        for (int i = 0; i < n; i += 7) {
            int p = pixels[i];
            if (((p >>> 8 ^ p) & 0xffff) != 0) {
                return null;
            }
        }
        java.lang.ref.SoftReference<byte[]> spare = SPARE_GREYS.poll();
        byte[] out = spare == null ? null : spare.get();
        if (out == null || out.length < n) {
            out = new byte[n];
        }
        for (int i = 0; i < n; i++) {
            int p = pixels[i];
            if (((p >>> 8 ^ p) & 0xffff) != 0) {
                SPARE_GREYS.add(new java.lang.ref.SoftReference<>(out));
                return null;
            }
            out[i] = (byte) p;
        }
        return out;
    }

    private static final java.awt.image.IndexColorModel GREYS;

    static {
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = (byte) i;
        }
        GREYS = new java.awt.image.IndexColorModel(8, 256, ramp, ramp, ramp);
    }

    /** Grey-level buffers of PNGs already written, as {@link #SPARE_PIXELS}. */
    private static final java.util.Queue<java.lang.ref.SoftReference<byte[]>> SPARE_GREYS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static final int[] RGB_MASKS = {0xff0000, 0xff00, 0xff};
    private static final java.awt.image.DirectColorModel RGB =
            new java.awt.image.DirectColorModel(24, RGB_MASKS[0], RGB_MASKS[1], RGB_MASKS[2]);

    /**
     * Pixel buffers of PNGs already written, for the next one: a 300-dpi plot is up to 40 MB of pixels, and
     * allocated afresh for each of a few hundred plots they grew the heap by gigabytes, every new page zeroed by
     * the kernel. One per plot drawn at once; each grows to the largest plot; held softly, so that the collector
     * may take them back.
     */
    private static final java.util.Queue<java.lang.ref.SoftReference<int[]>> SPARE_PIXELS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Writes a PNG recording {@code dpi} in its pHYs chunk. Deflate level 1 on the calling thread: the plots are
     * already drawn in parallel, one per core, and encoding is most of a registry-scale report's CPU (a billion
     * pixels for 80,000 rows). Measured on a 3000 x 3211 forest plot: level 1 71 ms and 566 KB, level 3 78 ms and
     * 541 KB (level 6: twice the time of level 3 for a file a fifth smaller); the 80,000-row report 0.5 s faster
     * for 3% more PNG bytes.
     */
    public static void writePng(BufferedImage img, int dpi, OutputStream out) throws IOException {
        new PngEncoder().withBufferedImage(img)
                .withPhysicalPixelDimensions(PngEncoderPhysicalPixelDimensions.dotsPerInch(dpi))
                .withCompressionLevel(1)
                .withMultiThreadedCompressionEnabled(false)
                .toStream(out);
    }

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
