package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot in the layout of RevMan 5 (R meta's {@code layout = "RevMan5"}): a table of study rows
 * (label, events and totals per arm, weight, estimate with CI) beside the plot panel with squares sized by
 * weight, whiskers, diamonds for pooled estimates, a prediction-interval bar, the line of no effect and the
 * "Favours" labels. Drawn with Java2D in points; the height grows with the rows. Built by {@link ForestPlots}.
 */
public final class ForestPlot implements Drawing {

    static final double WIDTH = 720;
    private static final double MARGIN = 18;
    private static final double ROW = 12.5;
    private static final double LABEL_W = 152;
    private static final double[] CELL_RIGHT = {204, 238, 280, 314, 356};
    private static final double EST_X = 366;
    private static final double PANEL_X0 = 498;
    private static final double PANEL_X1 = WIDTH - MARGIN - 6;
    private static final double HEADER_H = 48;
    private static final double AXIS_H = 42;
    private static final Color SQUARE = new Color(0, 84, 147);
    private static final Color RANDOM_DIAMOND = new Color(90, 90, 90);
    private static final Color PI = new Color(190, 30, 45);
    private static final Color RULE = new Color(120, 120, 120);

    private final String title;
    private final String[] groupHeads;
    private final String[] cellHeads;
    private final String estHead1;
    private final String estHead2;
    private final String leftFavours;
    private final String rightFavours;
    private final List<ForestRow> rows;
    private final Axis axis;
    private final Font font = Text.font(8f, false);
    private final Font bold = Text.font(8f, true);
    private final Font small = Text.font(7.2f, false);

    ForestPlot(String title, String[] groupHeads, String[] cellHeads, String estHead1, String estHead2,
               String leftFavours, String rightFavours, List<ForestRow> rows, Axis axis) {
        this.title = title;
        this.groupHeads = groupHeads;
        this.cellHeads = cellHeads;
        this.estHead1 = estHead1;
        this.estHead2 = estHead2;
        this.leftFavours = leftFavours;
        this.rightFavours = rightFavours;
        this.rows = List.copyOf(rows);
        this.axis = axis;
    }

    /** The same plot with other group headings over the count columns (blank for plots without counts). */
    ForestPlot withGroupHeads(String msc, String control) {
        String[] cells = cellHeads.clone();
        if (msc.isEmpty() && control.isEmpty()) {
            for (int j = 0; j < 4; j++) {
                cells[j] = "";
            }
        }
        return new ForestPlot(title, new String[] {msc, control}, cells, estHead1, estHead2, leftFavours, rightFavours,
                rows, axis);
    }

    /** The same plot with other headings over the estimate column and the panel. */
    ForestPlot withEstimateHeadings(String line1, String line2) {
        return new ForestPlot(title, groupHeads, cellHeads, line1, line2, leftFavours, rightFavours, rows, axis);
    }

    /** The rows, for tests and for the workbook. */
    public List<String> rowLabels() {
        List<String> out = new ArrayList<>();
        for (ForestRow r : rows) {
            out.add(r.label());
        }
        return out;
    }

    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return HEADER_H + rows.size() * ROW + AXIS_H + MARGIN;
    }

    @Override
    public void draw(Graphics2D g) {
        g.setColor(Color.BLACK);
        double y = MARGIN;
        g.setFont(Text.font(9.5f, true));
        g.drawString(Text.fit(title, g.getFont(), WIDTH - 2 * MARGIN), (float) MARGIN, (float) (y + 9));
        y += 20;
        drawHeader(g, y);
        y += HEADER_H - 20;
        double top = y;
        for (ForestRow r : rows) {
            drawRow(g, r, y);
            y += ROW;
        }
        drawAxis(g, top, y);
    }

    private double px(double v) {
        return PANEL_X0 + axis.fraction(v) * (PANEL_X1 - PANEL_X0);
    }

    private void drawHeader(Graphics2D g, double y) {
        g.setFont(bold);
        double line1 = y + 8;
        double line2 = y + 20;
        g.drawString(Text.printable(cellHeads.length > 5 ? cellHeads[5] : "Study"), (float) MARGIN, (float) line2);
        centre(g, groupHeads[0], (CELL_RIGHT[0] - 28 + CELL_RIGHT[1]) / 2, line1);
        centre(g, groupHeads[1], (CELL_RIGHT[2] - 28 + CELL_RIGHT[3]) / 2, line1);
        for (int j = 0; j < 5; j++) {
            right(g, cellHeads[j], CELL_RIGHT[j], line2);
        }
        g.drawString(Text.printable(estHead1), (float) EST_X, (float) line1);
        g.setFont(small);
        g.drawString(Text.fit(estHead2, small, PANEL_X0 - EST_X - 4), (float) EST_X, (float) line2);
        g.setFont(bold);
        centre(g, estHead1, (PANEL_X0 + PANEL_X1) / 2, line1);
        g.setFont(small);
        centre(g, estHead2, (PANEL_X0 + PANEL_X1) / 2, line2);
        g.setColor(RULE);
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(MARGIN, y + 24, WIDTH - MARGIN, y + 24));
        g.setColor(Color.BLACK);
    }

    private void drawRow(Graphics2D g, ForestRow r, double y) {
        double base = y + 9;
        double mid = y + 6;
        switch (r.kind()) {
            case BLANK -> {
                return;
            }
            case NOTE -> {
                g.setFont(small);
                g.drawString(Text.fit(r.label(), small, PANEL_X0 - MARGIN - 8), (float) MARGIN, (float) base);
                return;
            }
            case GROUP -> {
                g.setFont(bold);
                g.drawString(Text.fit(r.label(), bold, PANEL_X0 - MARGIN - 8), (float) MARGIN, (float) base);
                return;
            }
            default -> {
            }
        }
        boolean strong = r.kind() == ForestRow.Kind.TOTAL && r.style() != 2;
        Font f = strong ? bold : font;
        g.setFont(f);
        g.drawString(Text.fit(r.label(), f, LABEL_W), (float) MARGIN, (float) base);
        for (int j = 0; j < 5; j++) {
            if (r.cells()[j] != null && !r.cells()[j].isEmpty()) {
                right(g, r.cells()[j], CELL_RIGHT[j], base);
            }
        }
        g.drawString(Text.fit(r.estText(), f, PANEL_X0 - EST_X - 4), (float) EST_X, (float) base);
        if (!Double.isFinite(r.est()) && r.kind() != ForestRow.Kind.PREDICTION) {
            return;
        }
        switch (r.kind()) {
            case STUDY -> drawStudy(g, r, mid);
            case TOTAL -> {
                if (r.style() == 2) {
                    drawStudy(g, r, mid);
                } else {
                    drawDiamond(g, r, mid);
                }
            }
            case PREDICTION -> drawPrediction(g, r, mid);
            default -> {
            }
        }
    }

    private void drawStudy(Graphics2D g, ForestRow r, double mid) {
        double left = Math.max(PANEL_X0, px(r.lo()));
        double rightEnd = Math.min(PANEL_X1, px(r.hi()));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.7f));
        if (rightEnd > left) {
            g.draw(new Line2D.Double(left, mid, rightEnd, mid));
        }
        if (px(r.lo()) < PANEL_X0) {
            arrow(g, PANEL_X0, mid, -1);
        }
        if (px(r.hi()) > PANEL_X1) {
            arrow(g, PANEL_X1, mid, 1);
        }
        double x = px(r.est());
        if (r.style() == 2 && x >= PANEL_X0 && x <= PANEL_X1) {
            Path2D d = new Path2D.Double();
            d.moveTo(x - 4, mid);
            d.lineTo(x, mid - 4);
            d.lineTo(x + 4, mid);
            d.lineTo(x, mid + 4);
            d.closePath();
            g.setColor(RANDOM_DIAMOND);
            g.fill(d);
            g.setColor(Color.BLACK);
            g.draw(d);
        } else if (x >= PANEL_X0 && x <= PANEL_X1) {
            double w = Double.isFinite(r.weight()) ? r.weight() : 5;
            double side = Math.max(2.2, Math.min(9.5, 9.5 * Math.sqrt(Math.max(w, 0) / 30.0)));
            g.setColor(SQUARE);
            g.fill(new Rectangle2D.Double(x - side / 2, mid - side / 2, side, side));
        }
        g.setColor(Color.BLACK);
    }

    private void arrow(Graphics2D g, double x, double mid, int dir) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, mid);
        p.lineTo(x - dir * 4, mid - 2.5);
        p.lineTo(x - dir * 4, mid + 2.5);
        p.closePath();
        g.fill(p);
    }

    private void drawDiamond(Graphics2D g, ForestRow r, double mid) {
        double lo = clamp(px(r.lo()));
        double hi = clamp(px(r.hi()));
        double x = clamp(px(r.est()));
        Path2D p = new Path2D.Double();
        p.moveTo(lo, mid);
        p.lineTo(x, mid - 4.2);
        p.lineTo(hi, mid);
        p.lineTo(x, mid + 4.2);
        p.closePath();
        g.setColor(r.style() == 0 ? Color.BLACK : RANDOM_DIAMOND);
        g.fill(p);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.6f));
        g.draw(p);
    }

    private void drawPrediction(Graphics2D g, ForestRow r, double mid) {
        if (!Double.isFinite(r.lo())) {
            return;
        }
        double lo = clamp(px(r.lo()));
        double hi = clamp(px(r.hi()));
        g.setColor(PI);
        g.fill(new Rectangle2D.Double(lo, mid - 1.6, hi - lo, 3.2));
        if (px(r.lo()) < PANEL_X0) {
            arrow(g, PANEL_X0, mid, -1);
        }
        if (px(r.hi()) > PANEL_X1) {
            arrow(g, PANEL_X1, mid, 1);
        }
        g.setColor(Color.BLACK);
    }

    private double clamp(double x) {
        return Math.max(PANEL_X0, Math.min(PANEL_X1, x));
    }

    private void drawAxis(Graphics2D g, double top, double bottom) {
        double y = bottom + 4;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.7f));
        g.draw(new Line2D.Double(PANEL_X0, y, PANEL_X1, y));
        double nx = Double.isNaN(axis.nullValue()) ? (PANEL_X0 + PANEL_X1) / 2 : px(axis.nullValue());
        if (!Double.isNaN(axis.nullValue())) {
            g.draw(new Line2D.Double(nx, top - 2, nx, y));
        }
        g.setFont(small);
        for (double t : axis.ticks()) {
            double x = px(t);
            g.draw(new Line2D.Double(x, y, x, y + 3));
            centre(g, Axis.tickLabel(t), x, y + 12);
        }
        g.setFont(font);
        right(g, leftFavours, nx - 6, y + 25);
        g.drawString(Text.printable(rightFavours), (float) (nx + 6), (float) (y + 25));
    }

    private static void centre(Graphics2D g, String s, double x, double y) {
        g.drawString(Text.printable(s), (float) (x - Text.width(s, g.getFont()) / 2), (float) y);
    }

    private static void right(Graphics2D g, String s, double x, double y) {
        g.drawString(Text.printable(s), (float) (x - Text.width(s, g.getFont())), (float) y);
    }
}
