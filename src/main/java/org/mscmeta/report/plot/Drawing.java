package org.mscmeta.report.plot;

import java.awt.Graphics2D;

/** A picture drawn with Java2D in points (1/72 inch), renderable to PNG, SVG and PDF by {@link DrawingFiles}. */
public interface Drawing {

    /** Width in points. */
    double width();

    /** Height in points. */
    double height();

    /** Draws the picture; the origin is the top-left corner, units are points. */
    void draw(Graphics2D g);
}
