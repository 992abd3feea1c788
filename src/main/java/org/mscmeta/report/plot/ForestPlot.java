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
import java.util.Set;

/**
 * A forest plot in the layout of RevMan 5 (R meta's {@code layout = "RevMan5"}): a table of study rows (label,
 * events and totals per arm, weight, estimate with CI) beside the plot panel with squares whose area is proportional
 * to the study's weight, whiskers, diamonds for pooled estimates, a prediction-interval bar, the line of no effect
 * and the "Favours" labels. The content is made by {@link ForestPlots}; {@link #pages} lays it out at a journal's
 * size ({@link PlotSize}): column widths from the text they hold, long labels and notes wrapped, and pages no taller
 * than a printed page, each with the header and the axis.
 */
public final class ForestPlot {

    private static final Color SQUARE = new Color(0, 84, 147);
    private static final Color RANDOM_DIAMOND = new Color(90, 90, 90);
    private static final Color PI = new Color(190, 30, 45);
    private static final Color RULE = new Color(120, 120, 120);
    /** Space between columns, points. */
    private static final double GAP = 5;
    /** Room beside the panel for the arrows of values beyond the axis, points. */
    private static final double GUTTER = 6;

    final String title;
    final String[] groupHeads;
    final String[] cellHeads;
    final String firstHead;
    final String estHead1;
    final String estHead2;
    final String leftFavours;
    final String rightFavours;
    final List<ForestRow> rows;
    final Axis axis;

    /**
     * A row whose only content is counts (no estimate: "Total events"), in words for a layout without the count
     * columns: "MSC 83, Control 109" (the column groups' names); empty for any other row.
     */
    private String countsInWords(ForestRow r) {
        if (r.kind() != ForestRow.Kind.STUDY || !r.estText().isEmpty() || r.cells() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 4 && j < r.cells().length; j++) {
            String cell = r.cells()[j];
            if (cell != null && !cell.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(groupHeads[j / 2]).append(' ').append(cell);
            }
        }
        return sb.toString();
    }

    ForestPlot(String title, String firstHead, String[] groupHeads, String[] cellHeads, String estHead1,
               String estHead2, String leftFavours, String rightFavours, List<ForestRow> rows, Axis axis) {
        this.title = title;
        this.firstHead = firstHead;
        this.groupHeads = groupHeads;
        this.cellHeads = cellHeads;
        this.estHead1 = estHead1;
        this.estHead2 = estHead2;
        this.leftFavours = leftFavours == null ? "" : leftFavours;
        this.rightFavours = rightFavours == null ? "" : rightFavours;
        this.rows = List.copyOf(rows);
        this.axis = axis;
    }

    /** The rows' labels, in order (for tests and the workbook). */
    public List<String> rowLabels() {
        List<String> out = new ArrayList<>();
        for (ForestRow r : rows) {
            out.add(r.label());
        }
        return out;
    }

    /** The plot's title. */
    public String title() {
        return title;
    }

    /** The plot laid out for {@code o}: one drawing per page, each with the header and the axis. */
    public List<Drawing> pages(PlotOptions o) {
        Layout l = new Layout(o.size(), o.shownColumns());
        List<List<Placed>> split = l.paginate();
        List<Drawing> pages = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            pages.add(new Page(l, split.get(i), i, split.size()));
        }
        return pages;
    }

    /**
     * The columns {@code o} names ({@code --columns}) that the plot leaves out at {@code o}'s size, for want of width
     * beside readable study labels (the counts first, then the weights); empty when {@code o} names none.
     */
    java.util.Set<ForestColumn> columnsLeftOut(PlotOptions o) {
        java.util.Set<ForestColumn> out = java.util.EnumSet.noneOf(ForestColumn.class);
        if (o.columns() == null) {
            return out;
        }
        Layout l = new Layout(o.size(), o.columns());
        if (o.columns().contains(ForestColumn.COUNTS) && l.hasCounts && !l.counts) {
            out.add(ForestColumn.COUNTS);
        }
        if (o.columns().contains(ForestColumn.WEIGHT) && l.hasWeight && !l.weight) {
            out.add(ForestColumn.WEIGHT);
        }
        return out;
    }

    /**
     * A row with its wrapped lines and height; in a narrow layout the estimate's lines follow the label's
     * ({@code labelLines} of them).
     */
    private record Placed(ForestRow row, List<String> lines, int labelLines, boolean wide, double height) {
    }

    /** Column positions and fonts at one size. */
    private final class Layout {
        final PlotSize size;
        final double width;
        final double margin;
        final double fs;
        final double line;
        final Font font;
        final Font bold;
        final Font titleFont;
        final boolean counts;
        final boolean weight;
        /** Whether the rows have counts, and weights, to show. */
        final boolean hasCounts;
        final boolean hasWeight;
        final boolean estimate;
        /** Narrow: the estimate is written under the study's label instead of in a column of its own. */
        final boolean stacked;
        final boolean panel;
        /** Right edges of the four count columns and the weight column. */
        final double[] cellRight = new double[5];
        final double labelX;
        final double labelW;
        final double estX;
        final double estW;
        final double panelLeft;
        final double panelRight;
        final double x0;
        final double x1;
        final double noteW;
        final double maxSide;
        final double maxWeight;

        Layout(PlotSize size, Set<ForestColumn> columns) {
            this.size = size;
            width = size.width();
            margin = 8.5;
            fs = size.textPt();
            line = fs * 1.3;
            font = Text.font((float) fs, false);
            bold = Text.font((float) fs, true);
            titleFont = Text.font((float) (fs + 1.5), true);
            hasCounts = !String.join("", cellHeads[0], cellHeads[1], cellHeads[2], cellHeads[3]).isEmpty();
            hasWeight = !cellHeads[4].isEmpty();
            boolean c = columns.contains(ForestColumn.COUNTS) && hasCounts;
            boolean w = columns.contains(ForestColumn.WEIGHT) && hasWeight;
            estimate = columns.contains(ForestColumn.ESTIMATE);
            panel = columns.contains(ForestColumn.PLOT);
            double[] colW = new double[5];
            for (int j = 0; j < 5; j++) {
                colW[j] = Math.max(Text.width(cellHeads[j], bold), j < 4 ? Text.width(groupHeads[j / 2], bold) / 2
                    : groupHeads.length > 2 ? Text.width(groupHeads[2], bold) : 0);
                for (ForestRow r : rows) {
                    if (r.kind() == ForestRow.Kind.STUDY || r.kind() == ForestRow.Kind.TOTAL) {
                        String cell = r.cells()[j];
                        colW[j] = Math.max(colW[j], cell == null ? 0 : Text.width(cell, bold));
                    }
                }
            }
            double ew = Math.max(Text.width(estHead1, bold), Text.width(estHead2, font));
            for (ForestRow r : rows) {
                if (r.kind() == ForestRow.Kind.STUDY || r.kind() == ForestRow.Kind.TOTAL
                        || r.kind() == ForestRow.Kind.PREDICTION) {
                    ew = Math.max(ew, Text.width(r.estText(), bold));
                }
            }
            double inner = width - 2 * margin;
            stacked = estimate && inner < 300;
            if (stacked) {
                ew = 0;
            }
            // drop columns, counts first, until the label keeps a readable width
            boolean[] keep = {c, w};
            double labelMin = Math.min(inner * 0.22, 90);
            double lw;
            double pw;
            while (true) {
                double fixed = (keep[0] ? colW[0] + colW[1] + colW[2] + colW[3] + 4 * GAP : 0)
                        + (keep[1] ? colW[4] + GAP : 0) + (estimate && !stacked ? ew + GAP : 0);
                double rest = inner - fixed;
                pw = panel ? Math.max(Math.min(rest * 0.42, 200), Math.min(95, rest * 0.5)) : 0;
                lw = rest - pw - (panel ? GAP : 0);
                if (lw >= labelMin || (!keep[0] && !keep[1])) {
                    break;
                }
                if (keep[0]) {
                    keep[0] = false;
                } else {
                    keep[1] = false;
                }
            }
            counts = keep[0];
            weight = keep[1];
            labelX = margin;
            labelW = lw;
            double x = labelX + labelW + GAP;
            for (int j = 0; j < 4; j++) {
                if (counts) {
                    x += colW[j];
                    cellRight[j] = x;
                    x += GAP;
                }
            }
            if (weight) {
                x += colW[4];
                cellRight[4] = x;
                x += GAP;
            }
            estX = x;
            estW = estimate && !stacked ? ew : 0;
            x += estimate && !stacked ? ew + GAP : 0;
            panelLeft = x;
            panelRight = panel ? width - margin : x;
            x0 = panelLeft + GUTTER;
            x1 = panelRight - GUTTER;
            double table = (panel ? panelLeft - GAP : width - margin) - labelX;
            noteW = table >= 150 ? table : inner;
            maxSide = Math.min(line * 0.95, 10);
            double mw = 0;
            for (ForestRow r : rows) {
                if (r.kind() == ForestRow.Kind.STUDY && Double.isFinite(r.weight())) {
                    mw = Math.max(mw, r.weight());
                }
            }
            maxWeight = mw;
        }

        /** The title's height with the longest page suffix it may get. */
        double titleHeight() {
            return Text.wrap(title + " (page 10 of 10)", titleFont, width - 2 * margin).size() * (fs + 3) + 4;
        }

        double headerHeight() {
            return 2 * line + 5;
        }

        double axisHeight() {
            return panel ? 3 + 3 + line + 3 + Math.max(1, favoursLines()) * line + 2 : 4;
        }

        int favoursLines() {
            if (!panel || (leftFavours.isEmpty() && rightFavours.isEmpty())) {
                return 0;
            }
            double nx = axis.hasNullLine() ? px(axis.nullLine()) : (x0 + x1) / 2;
            return Math.max(Text.wrap(leftFavours, font, nx - 4 - margin).size(),
                    Text.wrap(rightFavours, font, width - margin - nx - 4).size());
        }

        List<List<Placed>> paginate() {
            List<Placed> placed = new ArrayList<>();
            for (ForestRow r : rows) {
                placed.add(place(r));
            }
            double room = Math.max(size.pageHeight() - 2 * margin - titleHeight() - headerHeight() - axisHeight(),
                    4 * line);
            List<List<Placed>> pages = new ArrayList<>();
            List<Placed> page = new ArrayList<>();
            double used = 0;
            ForestRow group = null;
            for (Placed p : placed) {
                if (!page.isEmpty() && used + p.height() > room) {
                    // a group heading does not end a page
                    Placed carry = page.get(page.size() - 1).row().kind() == ForestRow.Kind.GROUP
                            ? page.remove(page.size() - 1) : null;
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                    if (p.row().kind() == ForestRow.Kind.BLANK) {
                        group = null;
                        continue;
                    }
                    if (carry == null && group != null) {
                        // a subgroup that runs on to the next page is named again at its top
                        carry = place(ForestRow.group(group.label() + " (continued)"));
                    }
                    if (carry != null) {
                        page.add(carry);
                        used += carry.height();
                    }
                }
                if (p.row().kind() == ForestRow.Kind.GROUP) {
                    group = p.row();
                } else if (p.row().kind() == ForestRow.Kind.BLANK) {
                    group = null;
                }
                page.add(p);
                used += p.height();
            }
            pages.add(page);
            return pages;
        }

        /** A row with its text wrapped to its column and its height. */
        private Placed place(ForestRow r) {
            Font f = fontOf(r);
            List<String> lines;
            int labelLines;
            boolean wide = false;
            switch (r.kind()) {
                case BLANK -> lines = List.of("");
                case NOTE -> {
                    lines = Text.wrap(r.label(), font, noteW);
                    wide = noteW > (panel ? panelLeft - GAP - labelX : width) + 1e-6;
                }
                case GROUP -> {
                    lines = Text.wrap(r.label(), bold, (panel ? panelLeft - GAP : width - margin) - labelX);
                }
                default -> lines = Text.wrap(r.label(), f, labelW);
            }
            labelLines = lines.size();
            if (stacked && !r.estText().isEmpty() && (r.kind() == ForestRow.Kind.STUDY
                    || r.kind() == ForestRow.Kind.TOTAL || r.kind() == ForestRow.Kind.PREDICTION)) {
                lines = new ArrayList<>(lines);
                lines.addAll(Text.wrap(r.estText(), font, labelW));
            }
            String counted = counts ? "" : countsInWords(r);
            if (!counted.isEmpty()) {
                // the count columns are left out, and the counts are all the row says ("Total events")
                lines = new ArrayList<>(lines);
                lines.addAll(Text.wrap(counted, font, labelW));
            }
            double h = r.kind() == ForestRow.Kind.BLANK ? line * 0.6 : lines.size() * line + 1;
            return new Placed(r, lines, labelLines, wide, h);
        }

        Font fontOf(ForestRow r) {
            boolean strong = r.kind() == ForestRow.Kind.GROUP
                    || (r.kind() == ForestRow.Kind.TOTAL && r.style() != 2);
            return strong ? bold : font;
        }

        double px(double v) {
            return x0 + axis.fraction(v) * (x1 - x0);
        }
    }

    /** One page: title, header, rows, axis. */
    private final class Page implements Drawing {
        private final Layout l;
        private final List<Placed> rows;
        private final int index;
        private final int count;
        private final List<String> titleLines;

        Page(Layout l, List<Placed> rows, int index, int count) {
            this.l = l;
            this.rows = rows;
            this.index = index;
            this.count = count;
            String t = count > 1 ? title + " (page " + (index + 1) + " of " + count + ")" : title;
            this.titleLines = Text.wrap(t, l.titleFont, l.width - 2 * l.margin);
        }

        @Override
        public double width() {
            return l.width;
        }

        @Override
        public double height() {
            double h = 0;
            for (Placed p : rows) {
                h += p.height();
            }
            return l.margin + titleLines.size() * (l.fs + 3) + 4 + l.headerHeight() + h + l.axisHeight() + l.margin;
        }

        @Override
        public void draw(Graphics2D g) {
            g.setColor(Color.BLACK);
            double y = l.margin;
            g.setFont(l.titleFont);
            for (String t : titleLines) {
                y += l.fs + 3;
                Text.draw(g, t, l.labelX, y - 2);
            }
            y += 4;
            drawHeader(g, y);
            y += l.headerHeight();
            double top = y;
            // the line of no effect, in pieces: notes that run across the panel (one journal column) interrupt it,
            // each piece from its first mark (the first from the header's rule) to its last; the last piece runs on
            // to the axis when no such note follows it
            List<double[]> nullLine = new ArrayList<>();
            double from = top - 2;
            double to = Double.NaN;
            for (Placed p : rows) {
                drawRow(g, p, y);
                ForestRow.Kind kind = p.row().kind();
                // a row that draws a square, diamond or interval (not the total events, which draw none)
                boolean drawn = kind == ForestRow.Kind.PREDICTION ? Double.isFinite(p.row().lo())
                        : (kind == ForestRow.Kind.STUDY || kind == ForestRow.Kind.TOTAL)
                        && Double.isFinite(p.row().est());
                if (p.wide()) {
                    if (!Double.isNaN(to)) {
                        nullLine.add(new double[] {from, to});
                    }
                    from = Double.NaN;
                    to = Double.NaN;
                } else if (drawn) {
                    from = Double.isNaN(from) ? y : from;
                    to = y + p.height();
                }
                y += p.height();
            }
            if (!Double.isNaN(from)) {
                nullLine.add(new double[] {from, y + 3});
            }
            drawAxis(g, y, nullLine);
        }

        private void drawHeader(Graphics2D g, double y) {
            double line1 = y + l.fs;
            double line2 = y + l.fs + l.line;
            g.setFont(l.bold);
            if (l.stacked) {
                Text.draw(g, Text.printable(firstHead), l.labelX, line1);
                g.setFont(l.font);
                Text.draw(g, Text.printable(estHead1 + " [" + estHead2 + "]"), l.labelX, line2);
                g.setFont(l.bold);
            } else {
                Text.draw(g, Text.printable(firstHead), l.labelX, line2);
            }
            if (l.counts) {
                centre(g, groupHeads[0], (l.cellRight[0] - width(g, cellHeads[0]) + l.cellRight[1]) / 2, line1);
                centre(g, groupHeads[1], (l.cellRight[2] - width(g, cellHeads[2]) + l.cellRight[3]) / 2, line1);
                for (int j = 0; j < 4; j++) {
                    right(g, cellHeads[j], l.cellRight[j], line2);
                }
            }
            if (l.weight) {
                right(g, groupHeads.length > 2 ? groupHeads[2] : "", l.cellRight[4], line1);
                right(g, cellHeads[4], l.cellRight[4], line2);
            }
            if (l.estimate && !l.stacked) {
                Text.draw(g, Text.printable(estHead1), l.estX, line1);
                g.setFont(l.font);
                Text.draw(g, Text.printable(estHead2), l.estX, line2);
            }
            if (l.panel && !l.estimate) {
                g.setFont(l.bold);
                centre(g, estHead1, (l.x0 + l.x1) / 2, line1);
                g.setFont(l.font);
                centre(g, estHead2, (l.x0 + l.x1) / 2, line2);
            }
            g.setColor(RULE);
            g.setStroke(new BasicStroke(0.6f));
            double rule = y + l.headerHeight() - 2;
            g.draw(new Line2D.Double(l.margin, rule, l.width - l.margin, rule));
            g.setColor(Color.BLACK);
        }

        private void drawRow(Graphics2D g, Placed p, double y) {
            ForestRow r = p.row();
            Font f = l.fontOf(r);
            g.setFont(f);
            double base = y + l.fs;
            for (int i = 0; i < p.lines().size(); i++) {
                if (i == p.labelLines()) {
                    g.setFont(l.font);
                }
                Text.draw(g, p.lines().get(i), l.labelX, base + i * l.line);
            }
            g.setFont(f);
            if (r.kind() == ForestRow.Kind.BLANK || r.kind() == ForestRow.Kind.NOTE
                    || r.kind() == ForestRow.Kind.GROUP) {
                return;
            }
            for (int j = 0; j < 5; j++) {
                boolean shown = j < 4 ? l.counts : l.weight;
                if (shown && r.cells()[j] != null && !r.cells()[j].isEmpty()) {
                    right(g, r.cells()[j], l.cellRight[j], base);
                }
            }
            if (l.estimate && !l.stacked && !r.estText().isEmpty()) {
                Text.draw(g, Text.printable(r.estText()), l.estX, base);
            }
            if (!l.panel) {
                return;
            }
            double mid = y + l.line / 2 + 0.5;
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
            if (!Double.isFinite(r.est())) {
                return;
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(0.6f));
            whisker(g, r.lo(), r.hi(), mid);
            double x = l.px(r.est());
            double cx = clamp(x);
            if (r.style() == 2) {
                double h = Math.min(3.5, l.maxSide / 2);
                Path2D d = new Path2D.Double();
                d.moveTo(cx - h, mid);
                d.lineTo(cx, mid - h);
                d.lineTo(cx + h, mid);
                d.lineTo(cx, mid + h);
                d.closePath();
                g.setColor(RANDOM_DIAMOND);
                g.fill(d);
            } else {
                double w = Double.isFinite(r.weight()) && l.maxWeight > 0 ? Math.max(r.weight(), 0) / l.maxWeight : 1;
                double side = l.maxSide * Math.sqrt(w);
                // beyond the axis the square stays inside the panel, its edge at the end, and the arrow shows past it
                double sx = x < l.x0 ? l.x0 : x > l.x1 ? l.x1 - side : cx - side / 2;
                g.setColor(SQUARE);
                g.fill(new Rectangle2D.Double(sx, mid - side / 2, side, side));
            }
            g.setColor(Color.BLACK);
            if (x < l.x0) {
                arrow(g, l.x0 - 0.5, mid, -1);
            } else if (x > l.x1) {
                arrow(g, l.x1 + 0.5, mid, 1);
            }
        }

        /** The confidence interval's line, ending in an arrow beyond the axis. */
        private void whisker(Graphics2D g, double lo, double hi, double mid) {
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                return;
            }
            double a = l.px(lo);
            double b = l.px(hi);
            double left = clamp(a);
            double right = clamp(b);
            if (right > left) {
                g.draw(new Line2D.Double(left, mid, right, mid));
            }
            if (a < l.x0) {
                arrow(g, l.x0 - 0.5, mid, -1);
            }
            if (b > l.x1) {
                arrow(g, l.x1 + 0.5, mid, 1);
            }
        }

        /** An arrowhead in the gutter beside the panel, pointing out. */
        private void arrow(Graphics2D g, double x, double mid, int dir) {
            Path2D p = new Path2D.Double();
            p.moveTo(x + dir * (GUTTER - 1), mid);
            p.lineTo(x, mid - 2.2);
            p.lineTo(x, mid + 2.2);
            p.closePath();
            g.fill(p);
        }

        private void drawDiamond(Graphics2D g, ForestRow r, double mid) {
            if (!Double.isFinite(r.est())) {
                return;
            }
            double lo = Double.isFinite(r.lo()) ? l.px(r.lo()) : l.px(r.est());
            double hi = Double.isFinite(r.hi()) ? l.px(r.hi()) : l.px(r.est());
            double x = clamp(l.px(r.est()));
            double h = Math.min(l.line * 0.38, 4.2);
            Path2D p = new Path2D.Double();
            p.moveTo(clamp(lo), mid);
            p.lineTo(x, mid - h);
            p.lineTo(clamp(hi), mid);
            p.lineTo(x, mid + h);
            p.closePath();
            g.setColor(r.style() == 0 ? Color.BLACK : RANDOM_DIAMOND);
            g.fill(p);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(0.5f));
            g.draw(p);
            if (lo < l.x0) {
                arrow(g, l.x0 - 0.5, mid, -1);
            }
            if (hi > l.x1) {
                arrow(g, l.x1 + 0.5, mid, 1);
            }
        }

        private void drawPrediction(Graphics2D g, ForestRow r, double mid) {
            if (!Double.isFinite(r.lo()) || !Double.isFinite(r.hi())) {
                return;
            }
            double a = l.px(r.lo());
            double b = l.px(r.hi());
            g.setColor(PI);
            g.fill(new Rectangle2D.Double(clamp(a), mid - 1.4, clamp(b) - clamp(a), 2.8));
            if (a < l.x0) {
                arrow(g, l.x0 - 0.5, mid, -1);
            }
            if (b > l.x1) {
                arrow(g, l.x1 + 0.5, mid, 1);
            }
            g.setColor(Color.BLACK);
        }

        private double clamp(double x) {
            return Math.max(l.x0, Math.min(l.x1, x));
        }

        /** The axis under the rows, which end at {@code bottom}, and the pieces of the line of no effect (from, to). */
        private void drawAxis(Graphics2D g, double bottom, List<double[]> nullLine) {
            if (!l.panel) {
                return;
            }
            double y = bottom + 3;
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(0.6f));
            g.draw(new Line2D.Double(l.x0, y, l.x1, y));
            double nx = axis.hasNullLine() ? l.px(axis.nullLine()) : (l.x0 + l.x1) / 2;
            if (axis.hasNullLine()) {
                for (double[] piece : nullLine) {
                    g.draw(new Line2D.Double(nx, piece[0], nx, piece[1]));
                }
            }
            g.setFont(l.font);
            double labelY = y + 3 + l.fs + 1;
            double[] ticks = axis.ticks();
            double[] lefts = new double[ticks.length];
            double[] widths = new double[ticks.length];
            for (int i = 0; i < ticks.length; i++) {
                double x = l.px(ticks[i]);
                g.draw(new Line2D.Double(x, y, x, y + 3));
                widths[i] = Text.width(axis.tickLabel(ticks[i]), l.font);
                lefts[i] = Math.max(l.margin, Math.min(x - widths[i] / 2, l.width - l.margin - widths[i]));
            }
            TickLabels labels = new TickLabels(ticks, axis.hasNullLine() ? axis.nullLine() : ticks[0], lefts, widths);
            for (int i = 0; i < ticks.length; i++) {
                if (labels.shown(i)) {
                    Text.draw(g, axis.tickLabel(ticks[i]), lefts[i], labelY);
                }
            }
            double fy = labelY + 3 + l.line;
            List<String> left = Text.wrap(leftFavours, l.font, nx - 4 - l.margin);
            List<String> right = Text.wrap(rightFavours, l.font, l.width - l.margin - nx - 4);
            for (int i = 0; i < left.size(); i++) {
                right(g, left.get(i), nx - 4, fy + i * l.line);
            }
            for (int i = 0; i < right.size(); i++) {
                Text.draw(g, right.get(i), nx + 4, fy + i * l.line);
            }
        }

        private double width(Graphics2D g, String s) {
            return Text.width(s, g.getFont());
        }

        private void centre(Graphics2D g, String s, double x, double y) {
            Text.draw(g, Text.printable(s), x - Text.width(s, g.getFont()) / 2, y);
        }

        private void right(Graphics2D g, String s, double x, double y) {
            Text.draw(g, Text.printable(s), x - Text.width(s, g.getFont()), y);
        }
    }
}
