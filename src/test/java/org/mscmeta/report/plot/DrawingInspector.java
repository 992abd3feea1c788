package org.mscmeta.report.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drawing draws, recorded from the drawing itself: a {@link VectorGraphics2D} (the SVG writer's graphics)
 * that notes every string with its font and transform, and every filled shape with its colour, as the drawing paints
 * them. Text boxes are the strings' advance width by the font's ascent and descent, in page coordinates.
 */
final class DrawingInspector extends VectorGraphics2D {

    /** A string as drawn: its text, its box on the page, its size on the page in points and its font. */
    record TextBox(String text, Rectangle2D box, double sizePt, Font font) {
    }

    /** A filled shape: its bounds on the page and its colour. */
    record Fill(Rectangle2D bounds, Color color, Shape shape) {
    }

    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);
    final List<TextBox> texts = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    /** The bounds of every stroked shape (lines, ticks, outlines) on the page. */
    final List<Rectangle2D> strokes = new ArrayList<>();

    static DrawingInspector of(Drawing d) {
        DrawingInspector g = new DrawingInspector();
        d.draw(g);
        return g;
    }

    @Override
    public void drawString(String str, float x, float y) {
        record(str, x, y);
        super.drawString(str, x, y);
    }

    @Override
    public void drawString(String str, int x, int y) {
        record(str, x, y);
        super.drawString(str, x, y);
    }

    private void record(String str, double x, double y) {
        if (str.isBlank()) {
            return;
        }
        Font f = getFont();
        double w = f.getStringBounds(str, FRC).getWidth();
        LineMetrics lm = f.getLineMetrics(str, FRC);
        // the glyphs' extent: cap height and descenders (the font's ascent also holds room for accents above capitals)
        double up = lm.getAscent() * 0.8;
        double down = lm.getDescent();
        Rectangle2D local = new Rectangle2D.Double(x, y - up, w, up + down);
        AffineTransform t = getTransform();
        Rectangle2D page = t.createTransformedShape(local).getBounds2D();
        double scale = Math.sqrt(Math.abs(t.getDeterminant()));
        texts.add(new TextBox(str, page, f.getSize2D() * scale, f));
    }

    @Override
    public void fill(Shape s) {
        Shape page = getTransform().createTransformedShape(s);
        fills.add(new Fill(page.getBounds2D(), getColor(), page));
        super.fill(s);
    }

    @Override
    public void draw(Shape s) {
        // as wide as the stroke (a line's own bounds have no width, and an empty rectangle intersects nothing)
        java.awt.geom.Rectangle2D b = getTransform().createTransformedShape(s).getBounds2D();
        double half = getStroke() instanceof java.awt.BasicStroke bs ? bs.getLineWidth() / 2 : 0.5;
        strokes.add(new java.awt.geom.Rectangle2D.Double(b.getX() - half, b.getY() - half, b.getWidth() + 2 * half,
                b.getHeight() + 2 * half));
        super.draw(s);
    }

    /** Every text, joined by spaces. */
    String allText() {
        StringBuilder sb = new StringBuilder();
        for (TextBox t : texts) {
            sb.append(t.text()).append(' ');
        }
        return sb.toString();
    }
}
