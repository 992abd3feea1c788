package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.RouteBySource;
import org.mscmeta.analysis.Settings;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;

/**
 * Route x cell source as a heat map: routes as rows, cell sources as columns, each combination's pooled estimate
 * with its CI and number of studies in its cell, the cell shaded by the estimate (blue below no effect, red above,
 * on the log scale for ratios), combinations without a study left grey; below, the colour key and the test of the
 * interaction. Drawn from the engine's {@link RouteBySource}; it computes nothing.
 */
final class HeatMap implements Drawing {

    private static final Color EMPTY = new Color(235, 235, 235);

    private final String title;
    private final RouteBySource rs;
    private final boolean ratio;
    private final String measure;
    private final double width;
    private final double fs;
    private final Font font;
    private final Font bold;
    private final Font titleFont;
    private final double margin = 8.5;
    private final double labelW;
    private final double cellW;
    private final double line;
    private final List<String> titleLines;
    private final List<List<String>> rowLabels = new ArrayList<>();
    private final List<List<String>> colLabels = new ArrayList<>();
    private final double headH;
    private final double[] rowH;
    private final List<String> notes = new ArrayList<>();
    /** The colour scale's end: the largest |log estimate| shown, at least log 2 (or 0.1 for a difference). */
    private final double span;

    HeatMap(String title, RouteBySource rs, Settings s, PlotSize size) {
        this.title = title;
        this.rs = rs;
        this.ratio = s.measure().isRatio();
        this.measure = ModelWords.measureTitle(s.measure());
        this.width = size.width();
        this.fs = size.textPt();
        this.font = Text.font((float) fs, false);
        this.bold = Text.font((float) fs, true);
        this.titleFont = Text.font((float) (fs + 1.5), true);
        this.line = fs * 1.3;
        this.titleLines = Text.wrap(title, titleFont, width - 2 * margin);
        double longest = 0;
        for (String r : rs.routes()) {
            longest = Math.max(longest, Text.width(r, bold));
        }
        double inner = width - 2 * margin;
        this.labelW = Math.min(longest, inner * 0.28);
        this.cellW = (inner - labelW - 4) / Math.max(1, rs.sources().size());
        int head = 1;
        for (String src : rs.sources()) {
            List<String> l = Text.wrap(src, bold, cellW - 4);
            colLabels.add(l);
            head = Math.max(head, l.size());
        }
        this.headH = head * line + 4;
        this.rowH = new double[rs.routes().size()];
        double top = 0;
        for (int i = 0; i < rs.routes().size(); i++) {
            List<String> l = Text.wrap(rs.routes().get(i), bold, labelW);
            rowLabels.add(l);
            int lines = l.size();
            for (String src : rs.sources()) {
                RouteBySource.Cell c = cell(rs.routes().get(i), src);
                lines = Math.max(lines, cellLines(c).size());
            }
            rowH[i] = lines * line + 6;
            for (String src : rs.sources()) {
                RouteBySource.Cell c = cell(rs.routes().get(i), src);
                if (c != null && Double.isFinite(c.estimate())) {
                    top = Math.max(top, Math.abs(ratio ? Math.log(c.estimate()) : c.estimate()));
                }
            }
        }
        // a regular end of the colour scale: a ratio of 2, 5, 10, 100 or 1000, a difference of 0.1, 0.2, 0.5 or 1
        double end = ratio ? Math.log(1000) : 1;
        for (double e : ratio ? new double[] {2, 5, 10, 100, 1000} : new double[] {0.1, 0.2, 0.5, 1}) {
            if ((ratio ? Math.log(e) : e) >= top) {
                end = ratio ? Math.log(e) : e;
                break;
            }
        }
        this.span = end;
        var inter = rs.interaction();
        notes.add("Test of the interaction (route x cell source): " + (inter.isEstimable()
                ? ModelWords.waldTest("Chi\u00b2", inter.interactionQm(), inter.interactionDf(), inter.qeDf(), s.hksj(),
                "\u00a0", "P", inter.interactionP(), inter.qmNotEstimable())
                : Formats.notEstimable(inter.notEstimable()))
                + ".");
        var main = rs.mainEffects();
        if (main.isEstimable()) {
            notes.add("Route and cell source together (main effects): " + ModelWords.waldTest("QM", main.qm(),
                    main.qmDf(), main.qeDf(), s.hksj(), "\u00a0", "P", main.qmP(), main.qmNotEstimable())
                    + "; reference levels " + ModelWords.referenceLevels(main.references(), ", ") + ".");
        }
        // the tests' model, which under --tau2 none is not the cells' (a meta-regression is a mixed-effects model)
        notes.add("Tests: mixed-effects meta-regressions on route and cell source as factors ("
                + org.mscmeta.report.MethodsText.residualTau2(s) + ").");
        notes.add("Each cell: studies (k), " + ModelWords.measure(s.measure()) + " and "
                + Formats.level(s.level()) + " CI, " + ModelWords.shown(s) + "; grey: no study"
                + (rs.withoutEstimate().isEmpty() ? "" : ", or k\u00a0=\u00a00: studies without an estimate of their"
                + " own (" + String.join("; ", rs.withoutEstimate().stream().map(RouteBySource::why)
                .distinct().toList()) + ")")
                // as metafor, one study has its own z interval: Hartung-Knapp needs two
                + (s.hksj() && rs.anyOneStudyModel()
                ? "; " + ModelWords.ownZInterval("a cell") + "." : "."));
        if (rs.leftOut() > 0) {
            notes.add(rs.leftOutNote() + ".");
        }
        List<String> wrapped = new ArrayList<>();
        for (String n : notes) {
            wrapped.addAll(Text.wrap(n, font, width - 2 * margin));
        }
        notes.clear();
        notes.addAll(wrapped);
    }

    private RouteBySource.Cell cell(String route, String source) {
        return rs.find(route, source);
    }

    private List<String> cellLines(RouteBySource.Cell c) {
        List<String> out = new ArrayList<>();
        if (c == null) {
            out.addAll(Text.wrap("no study", font, cellW - 6));
            return out;
        }
        out.addAll(Text.wrap("k\u00a0=\u00a0" + c.k(), font, cellW - 6));
        if (Double.isFinite(c.estimate())) {
            out.addAll(Text.wrap(Formats.estimate(c.estimate(), ratio), font, cellW - 6));
            out.addAll(Text.wrap("[" + Formats.estimate(c.ciLower(), ratio) + ", " + Formats.estimate(c.ciUpper(), ratio)
                    + "]", font, cellW - 6));
        } else {
            out.addAll(Text.wrap(Formats.NOT_ESTIMABLE, font, cellW - 6));
        }
        return out;
    }

    private double gridTop() {
        return margin + titleLines.size() * (fs + 3) + 6;
    }

    private double gridBottom() {
        double y = gridTop() + headH;
        for (double h : rowH) {
            y += h;
        }
        return y;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return gridBottom() + 8 + 8 + 3 + 2 * line + 6 + notes.size() * line + margin;
    }

    /** Blue below no effect, white at it, red above, by the estimate's share of the scale's end. */
    private Color shade(double est) {
        double v = ratio ? Math.log(est) : est;
        double t = Math.max(-1, Math.min(1, v / span));
        int fade = (int) Math.round(255 - 140 * Math.abs(t));
        return t < 0 ? new Color(fade, fade + (255 - fade) / 3, 255) : new Color(255, fade + (255 - fade) / 3, fade);
    }

    @Override
    public void draw(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        double y = margin;
        for (String t : titleLines) {
            y += fs + 3;
            Text.draw(g, t, margin, y - 2);
        }
        double x0 = margin + labelW + 4;
        double top = gridTop();
        g.setFont(bold);
        for (int j = 0; j < colLabels.size(); j++) {
            for (int l = 0; l < colLabels.get(j).size(); l++) {
                String s = colLabels.get(j).get(l);
                Text.draw(g, s, x0 + j * cellW + (cellW - Text.width(s, bold)) / 2, top + fs + l * line);
            }
        }
        double ry = top + headH;
        for (int i = 0; i < rs.routes().size(); i++) {
            g.setFont(bold);
            g.setColor(Color.BLACK);
            for (int l = 0; l < rowLabels.get(i).size(); l++) {
                Text.draw(g, rowLabels.get(i).get(l), margin, ry + 3 + fs + l * line);
            }
            for (int j = 0; j < rs.sources().size(); j++) {
                RouteBySource.Cell c = cell(rs.routes().get(i), rs.sources().get(j));
                Rectangle2D box = new Rectangle2D.Double(x0 + j * cellW + 1, ry + 1, cellW - 2, rowH[i] - 2);
                g.setColor(c == null || !Double.isFinite(c.estimate()) ? EMPTY : shade(c.estimate()));
                g.fill(box);
                g.setColor(Color.BLACK);
                g.setFont(font);
                List<String> lines = cellLines(c);
                for (int l = 0; l < lines.size(); l++) {
                    String s = lines.get(l);
                    Text.draw(g, s, box.getCenterX() - Text.width(s, font) / 2, ry + 3 + fs + l * line);
                }
            }
            ry += rowH[i];
        }
        // the colour key
        double ky = gridBottom() + 8;
        double kw = Math.min(150, width - 2 * margin);
        double kx = margin;
        for (int p = 0; p < 64; p++) {
            double t = -1 + 2 * (p + 0.5) / 64;
            double v = t * span;
            g.setColor(shade(ratio ? Math.exp(v) : v));
            g.fill(new Rectangle2D.Double(kx + p * kw / 64, ky, kw / 64 + 0.3, 8));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(kx, ky, kw, 8));
        g.setFont(font);
        double[] at = {-1, 0, 1};
        for (double t : at) {
            double v = t * span;
            // labelled as an axis's ticks are (0.5, 1, 2), not as estimates (0.50, 1.00, 2.00)
            String s = ChartFrame.number(ratio ? Math.exp(v) : v);
            double px = kx + (t + 1) / 2 * kw;
            double lx = Math.max(margin, Math.min(px - Text.width(s, font) / 2, width - margin - Text.width(s, font)));
            Text.draw(g, s, lx, ky + 8 + 3 + fs);
        }
        String key = measure + (ratio ? " (log scale)" : "") + ": blue below no effect, red above";
        Text.draw(g, Text.fit(key, font, width - 2 * margin), kx, ky + 8 + 3 + line + fs);
        double ny = ky + 8 + 3 + 2 * line + 6;
        for (String n : notes) {
            Text.draw(g, n, margin, ny + fs);
            ny += line;
        }
    }
}
