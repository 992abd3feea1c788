package org.mscmeta.report.plot;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.PaintContext;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ColorModel;
import java.awt.image.DirectColorModel;
import java.awt.image.ImageObserver;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * Draws onto a {@link BufferedImage#TYPE_3BYTE_BGR} image so that its bytes come out in the order a PNG stores them,
 * red, green, blue: every colour, paint and picture is given to Java2D with its red and blue exchanged, and Java2D,
 * which stores blue, green, red, leaves the true colour's bytes in red, green, blue order. Antialiasing and alpha
 * blending work channel by channel, so the pixels are those of the same drawing on an RGB image with the channels
 * in PNG's order, and {@link PngWriter} deflates the image's own bytes instead of converting each pixel (which was
 * a fifth of a plot's PNG time; a byte layout in RGB order of Java2D's own is drawn by its generic loops, 100 times
 * slower). {@link #getColor()}, {@link #getPaint()} and {@link #getBackground()} answer the colours the drawing set.
 */
final class RgbOrderGraphics extends Graphics2D {

    private final Graphics2D g;
    /** Whether anything but a grey was given to draw with, shared with the graphics {@link #create()}d from this. */
    private final boolean[] coloured;
    private Color color;
    private Paint paint;
    private Color background;

    /** Draws on {@code image}, a 3-byte BGR image. */
    RgbOrderGraphics(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("a 3-byte BGR image, not type " + image.getType());
        }
        this.g = image.createGraphics();
        this.coloured = new boolean[1];
        this.color = g.getColor();
        this.paint = g.getPaint();
        this.background = g.getBackground();
        g.setColor(swapped(color));
        g.setBackground(swapped(background));
    }

    private RgbOrderGraphics(Graphics2D g, boolean[] coloured, Color color, Paint paint, Color background) {
        this.g = g;
        this.coloured = coloured;
        this.color = color;
        this.paint = paint;
        this.background = background;
    }

    /**
     * Whether everything drawn so far was drawn in greys (colours with red, green and blue equal, greyscale text
     * antialiasing, no picture): then every pixel is a grey, as blending greys gives greys.
     */
    boolean onlyGreys() {
        return !coloured[0];
    }

    private void note(Color c) {
        if (c != null && (c.getRed() != c.getGreen() || c.getRed() != c.getBlue())) {
            coloured[0] = true;
        }
    }

    /** {@code c} with red and blue exchanged (alpha kept). */
    static Color swapped(Color c) {
        return new Color(c.getBlue(), c.getGreen(), c.getRed(), c.getAlpha());
    }

    private static Paint swapped(Paint p) {
        if (p instanceof Color) {
            return swapped((Color) p);
        }
        if (p instanceof GradientPaint) {
            GradientPaint gp = (GradientPaint) p;
            return new GradientPaint(gp.getPoint1(), swapped(gp.getColor1()), gp.getPoint2(), swapped(gp.getColor2()),
                    gp.isCyclic());
        }
        return p == null ? null : new SwappedPaint(p);
    }

    /**
     * Any other paint: its pixels read through its own colour model and handed on as ARGB with red and blue
     * exchanged (slow, and no plot paints so; it keeps such a paint right).
     */
    private static final class SwappedPaint implements Paint {
        private final Paint paint;

        SwappedPaint(Paint paint) {
            this.paint = paint;
        }

        @Override
        public int getTransparency() {
            return paint.getTransparency();
        }

        @Override
        public PaintContext createContext(ColorModel cm, Rectangle deviceBounds, Rectangle2D userBounds,
                AffineTransform xform, RenderingHints hints) {
            PaintContext context = paint.createContext(cm, deviceBounds, userBounds, xform, hints);
            return new PaintContext() {
                @Override
                public void dispose() {
                    context.dispose();
                }

                @Override
                public ColorModel getColorModel() {
                    return ColorModel.getRGBdefault();
                }

                @Override
                public Raster getRaster(int x, int y, int w, int h) {
                    Raster in = context.getRaster(x, y, w, h);
                    ColorModel model = context.getColorModel();
                    WritableRaster out = ColorModel.getRGBdefault().createCompatibleWritableRaster(w, h);
                    Object pixel = null;
                    for (int j = 0; j < h; j++) {
                        for (int i = 0; i < w; i++) {
                            pixel = in.getDataElements(in.getMinX() + i, in.getMinY() + j, pixel);
                            int argb = model.getRGB(pixel);
                            out.setDataElements(i, j, new int[] {argb & 0xff00ff00 | argb >>> 16 & 0xff
                                    | (argb & 0xff) << 16});
                        }
                    }
                    return out;
                }
            };
        }
    }

    /** {@code img} drawn onto an ARGB image read with red and blue exchanged (plots draw no pictures). */
    private BufferedImage swapped(Image img, ImageObserver observer) {
        coloured[0] = true;
        int w = img.getWidth(observer);
        int h = img.getHeight(observer);
        if (w <= 0 || h <= 0) {
            return null;
        }
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D copy = argb.createGraphics();
        try {
            copy.drawImage(img, 0, 0, observer);
        } finally {
            copy.dispose();
        }
        WritableRaster raster = SWAPPED_ARGB.createCompatibleWritableRaster(w, h);
        int[] pixels = ((java.awt.image.DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, ((java.awt.image.DataBufferInt) raster.getDataBuffer()).getData(), 0, w * h);
        return new BufferedImage(SWAPPED_ARGB, raster, false, null);
    }

    private BufferedImage swapped(RenderedImage img) {
        if (img instanceof Image) {
            return swapped((Image) img, null);
        }
        WritableRaster raster = img.getColorModel().createCompatibleWritableRaster(img.getWidth(), img.getHeight());
        img.copyData(raster.createWritableTranslatedChild(img.getMinX(), img.getMinY()));
        return swapped(new BufferedImage(img.getColorModel(), raster, img.getColorModel().isAlphaPremultiplied(),
                null), null);
    }

    /** ARGB pixels whose red is read from the blue byte and blue from the red. */
    private static final DirectColorModel SWAPPED_ARGB = new DirectColorModel(32, 0xff, 0xff00, 0xff0000, 0xff000000);

    @Override
    public void setColor(Color c) {
        if (c != null) {
            note(c);
            color = c;
            paint = c;
            g.setColor(swapped(c));
        }
    }

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public void setPaint(Paint p) {
        if (p != null) {
            paint = p;
            if (p instanceof Color) {
                color = (Color) p;
                note(color);
            } else {
                coloured[0] = true;
            }
            g.setPaint(swapped(p));
        }
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public void setBackground(Color c) {
        note(c);
        background = c;
        g.setBackground(c == null ? null : swapped(c));
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public void setXORMode(Color c) {
        coloured[0] = true;
        g.setXORMode(swapped(c));
    }

    @Override
    public void setPaintMode() {
        g.setPaintMode();
    }

    @Override
    public Graphics create() {
        return new RgbOrderGraphics((Graphics2D) g.create(), coloured, color, paint, background);
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        BufferedImage s = swapped(img, obs);
        return s == null || g.drawImage(s, xform, obs);
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        BufferedImage s = swapped(op == null ? img : op.filter(img, null), null);
        if (s != null) {
            g.drawImage(s, x, y, null);
        }
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        g.drawRenderedImage(swapped(img), xform);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        drawRenderedImage(img.createDefaultRendering(), xform);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, x, y, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, x, y, width, height, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, x, y, bgcolor == null ? null : swapped(bgcolor), observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor,
            ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, x, y, width, height, bgcolor == null ? null : swapped(bgcolor), observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
            Color bgcolor, ImageObserver observer) {
        BufferedImage s = swapped(img, observer);
        return s == null || g.drawImage(s, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2,
                bgcolor == null ? null : swapped(bgcolor), observer);
    }

    // Everything else is the image's own Graphics2D.

    @Override
    public void draw(Shape s) {
        g.draw(s);
    }

    @Override
    public void drawString(String str, int x, int y) {
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector gv, float x, float y) {
        g.drawGlyphVector(gv, x, y);
    }

    @Override
    public void fill(Shape s) {
        g.fill(s);
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        return g.hit(rect, s, onStroke);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return g.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        if (!(comp instanceof java.awt.AlphaComposite)) {
            coloured[0] = true; // a composite of its own may make colours of greys
        }
        g.setComposite(comp);
    }

    @Override
    public void setStroke(Stroke s) {
        g.setStroke(s);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key hintKey, Object hintValue) {
        g.setRenderingHint(hintKey, hintValue);
        noteHints();
    }

    /** Text antialiased for LCD screens has coloured fringes. */
    private void noteHints() {
        Object text = g.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING);
        if (text != null && text != RenderingHints.VALUE_TEXT_ANTIALIAS_ON && text != RenderingHints.VALUE_TEXT_ANTIALIAS_OFF
                && text != RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT && text != RenderingHints.VALUE_TEXT_ANTIALIAS_GASP) {
            coloured[0] = true;
        }
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key hintKey) {
        return g.getRenderingHint(hintKey);
    }

    @Override
    public void setRenderingHints(Map<?, ?> hints) {
        g.setRenderingHints(hints);
        noteHints();
    }

    @Override
    public void addRenderingHints(Map<?, ?> hints) {
        g.addRenderingHints(hints);
        noteHints();
    }

    @Override
    public RenderingHints getRenderingHints() {
        return g.getRenderingHints();
    }

    @Override
    public void translate(int x, int y) {
        g.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        g.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        g.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        g.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        g.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        g.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        g.transform(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        g.setTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return g.getTransform();
    }

    @Override
    public Composite getComposite() {
        return g.getComposite();
    }

    @Override
    public Stroke getStroke() {
        return g.getStroke();
    }

    @Override
    public void clip(Shape s) {
        g.clip(s);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return g.getFontRenderContext();
    }

    @Override
    public Font getFont() {
        return g.getFont();
    }

    @Override
    public void setFont(Font font) {
        g.setFont(font);
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return g.getFontMetrics(f);
    }

    @Override
    public Rectangle getClipBounds() {
        return g.getClipBounds();
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        g.clipRect(x, y, width, height);
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        g.setClip(x, y, width, height);
    }

    @Override
    public Shape getClip() {
        return g.getClip();
    }

    @Override
    public void setClip(Shape clip) {
        g.setClip(clip);
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        g.copyArea(x, y, width, height, dx, dy);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        g.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        g.fillRect(x, y, width, height);
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        g.clearRect(x, y, width, height);
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        g.drawRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        g.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        g.drawOval(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        g.fillOval(x, y, width, height);
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        g.drawArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        g.fillArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        g.drawPolyline(xPoints, yPoints, nPoints);
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        g.drawPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        g.fillPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public void dispose() {
        g.dispose();
    }
}
