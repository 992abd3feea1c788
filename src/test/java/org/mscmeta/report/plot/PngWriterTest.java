package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.report.PngInfo;

/**
 * The PNG path: a drawing on a 3-byte image through {@link RgbOrderGraphics} leaves the bytes of the same drawing on
 * an RGB image in red, green, blue order, whatever it paints with; {@link PngWriter} frames them as a PNG that
 * decodes (by the JDK's ImageIO) to those pixels, with valid chunks, split into IDAT chunks of 32 KB.
 */
class PngWriterTest {

    @TempDir
    Path dir;

    /** A drawing that uses every way of giving colour: colours with alpha, a gradient, a texture, a picture. */
    private static final Consumer<Graphics2D> EVERY_PAINT = g -> {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setBackground(new Color(250, 240, 10));
        g.clearRect(0, 0, 200, 120);
        g.setColor(new Color(0, 84, 147));
        g.fill(new Ellipse2D.Double(10.3, 10.7, 60, 40));
        g.setColor(new Color(190, 30, 45, 90));
        g.setStroke(new BasicStroke(3.5f));
        g.draw(new Rectangle2D.Double(30.5, 20.25, 90, 50));
        g.setPaint(new GradientPaint(0, 0, new Color(255, 0, 0), 200, 0, new Color(0, 0, 255)));
        g.fill(new Rectangle2D.Double(0, 80, 200, 12));
        BufferedImage tile = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        tile.setRGB(0, 0, 0xff20c040);
        tile.setRGB(1, 2, 0x80ff0000);
        g.setPaint(new TexturePaint(tile, new Rectangle2D.Double(0, 0, 4, 4)));
        g.fill(new Rectangle2D.Double(130, 10, 60, 30));
        BufferedImage picture = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 20; x++) {
            for (int y = 0; y < 10; y++) {
                picture.setRGB(x, y, x * 12 << 16 | y * 25 << 8 | 200);
            }
        }
        g.drawImage(picture, 140, 50, null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
        g.setColor(Color.GREEN);
        g.drawString("MSC 0.73 [0.41, 1.30]", 12, 110);
    };

    @Test
    void bytesAreTheRgbImagesPixelsInPngOrder() {
        int w = 200;
        int h = 120;
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D plain = rgb.createGraphics();
        EVERY_PAINT.accept(plain);
        plain.dispose();
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D swapped = new RgbOrderGraphics(bgr);
        EVERY_PAINT.accept(swapped);
        swapped.dispose();
        byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        int mismatched = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int at = 3 * (y * w + x);
                int r = bytes[at] & 0xff;
                int g = bytes[at + 1] & 0xff;
                int b = bytes[at + 2] & 0xff;
                if (r != (p >> 16 & 0xff) || g != (p >> 8 & 0xff) || b != (p & 0xff)) {
                    mismatched++;
                }
            }
        }
        assertEquals(0, mismatched, "pixels whose bytes are not the RGB image's in red, green, blue order");
    }

    @Test
    void theDrawingSeesTheColoursItSet() {
        Graphics2D g = new RgbOrderGraphics(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR));
        Color c = new Color(10, 20, 30, 40);
        g.setColor(c);
        assertSame(c, g.getColor());
        assertSame(c, g.getPaint());
        GradientPaint gp = new GradientPaint(0, 0, Color.RED, 1, 1, Color.BLUE);
        g.setPaint(gp);
        assertSame(gp, g.getPaint());
        assertSame(c, g.getColor());
        g.setBackground(Color.ORANGE);
        assertEquals(Color.ORANGE, g.getBackground());
        Graphics2D child = (Graphics2D) g.create();
        assertSame(gp, child.getPaint());
        child.dispose();
        g.dispose();
        assertThrows(IllegalArgumentException.class,
                () -> new RgbOrderGraphics(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
    }

    /** What was drawn with is what tells a plot in greys (written one byte a pixel) from one in colour. */
    @Test
    void knowsWhetherOnlyGreysWereDrawnWith() {
        java.util.List<Consumer<Graphics2D>> coloured = java.util.List.of(
                g -> g.setColor(new Color(0, 84, 147)),
                g -> g.setPaint(new Color(1, 1, 2)),
                g -> g.setBackground(Color.RED),
                g -> g.setPaint(new GradientPaint(0, 0, Color.BLACK, 1, 1, Color.WHITE)),
                g -> g.drawImage(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), 0, 0, null),
                g -> g.setXORMode(Color.GRAY),
                g -> g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                        RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB),
                g -> ((Graphics2D) g.create()).setColor(Color.BLUE));
        for (Consumer<Graphics2D> draw : coloured) {
            RgbOrderGraphics g = new RgbOrderGraphics(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR));
            g.setColor(new Color(120, 120, 120, 100));
            assertTrue(g.onlyGreys());
            draw.accept(g);
            assertFalse(g.onlyGreys(), "drawn with colour");
        }
        RgbOrderGraphics g = new RgbOrderGraphics(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR));
        g.setBackground(Color.WHITE);
        g.setColor(Color.DARK_GRAY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.SrcOver.derive(0.3f));
        g.fillRect(0, 0, 2, 2);
        assertTrue(g.onlyGreys());
    }

    @Test
    void writesPngsThatDecodeToTheirPixels() throws Exception {
        // noise that deflates badly, so that the data runs over several IDAT chunks, and the RGB rows over more
        // than one of the batches handed to zlib (the last one partly filled)
        int w = 301;
        int h = 397;
        java.util.Random random = new java.util.Random(7);
        byte[] rgb = new byte[3 * w * h];
        random.nextBytes(rgb);
        byte[] greys = new byte[w * h];
        random.nextBytes(greys);
        for (boolean grey : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (grey) {
                PngWriter.greys(greys, w, h, 300, out);
            } else {
                PngWriter.rgb(rgb, w, h, 300, out);
            }
            Path png = dir.resolve(grey ? "greys.png" : "rgb.png");
            Files.write(png, out.toByteArray());
            PngInfo info = PngInfo.read(png); // every chunk's CRC checked
            assertEquals(new PngInfo(w, h, grey ? 3 : 2, 300), info);
            BufferedImage read = ImageIO.read(png.toFile());
            int[] expected = new int[w * h];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = grey ? 0xff000000 | (greys[i] & 0xff) * 0x010101
                        : 0xff000000 | (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | rgb[3 * i + 2] & 0xff;
            }
            assertArrayEquals(expected, read.getRGB(0, 0, w, h, null, 0, w), png.toString());
            assertEquals(grey ? 4 : 11, idatChunks(out.toByteArray()), "IDAT chunks of 32 KB");
        }
        assertThrows(IllegalArgumentException.class, () -> PngWriter.rgb(new byte[5], 2, 1, 300,
                new ByteArrayOutputStream()));
    }

    private static int idatChunks(byte[] png) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        int at = 8;
        int n = 0;
        while (at < png.length) {
            int len = b.getInt(at);
            if (new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("IDAT")) {
                n++;
            }
            at += 12 + len;
        }
        return n;
    }
}
