package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of an x-y chart (funnel and bubble plots) at a journal's size: a wrapped title, the plot area, both
 * axes with regular ticks labelled in the units the reader knows (a ratio axis is drawn in logs and labelled in
 * ratios, a logit axis in proportions), the axis titles and a legend below. Text is at the size's text size (7 pt
 * or more).
 */
final class ChartFrame {

    /**
     * An axis: its range and where ticks go, in the plotted scale, and each tick's label ({@code labels[i]} that of
     * {@code ticks[i]}).
     */
    record Scale(double min, double max, double[] ticks, String[] labels) {

        /** The label of the tick at {@code position}, or the position as a number when no tick is there. */
        String label(double position) {
            for (int i = 0; i < ticks.length; i++) {
                if (Math.abs(ticks[i] - position) < 1e-12) {
                    return labels[i];
                }
            }
            return number(position);
        }
    }

    /**
     * The axis of an effect on its analysis scale, from {@code lo} to {@code hi} in that scale: a ratio on a log axis
     * and a logit proportion on a logit axis, labelled in ratios and proportions; the other measures on a linear axis
     * in their own units (the Freeman-Tukey double arcsine, whose back-transformation depends on each study's size,
     * in its own units too).
     */
    static Scale effect(org.mscmeta.effect.Measure m, double lo, double hi) {
        return switch (m) {
            case RR, OR -> mapped(lo, hi, ratioSeries(), Math::log, 3);
            case PLOGIT -> mapped(lo, hi, proportionSeries(), p -> Math.log(p / (1 - p)), 2);
            default -> linear(lo, hi);
        };
    }

    /** The title of {@link #effect}'s axis: "Risk ratio (log scale)", "Proportion (logit scale)", ... */
    static String effectTitle(org.mscmeta.effect.Measure m) {
        return switch (m) {
            case RR, OR -> org.mscmeta.report.ModelWords.measureTitle(m) + " (log scale)";
            case PLOGIT -> "Proportion (logit scale)";
            case PFT -> "Freeman-Tukey double arcsine of the proportion";
            default -> org.mscmeta.report.ModelWords.measureTitle(m);
        };
    }

    /** A linear scale with ticks at 1, 2, 2.5 or 5 times a power of ten, labelled as numbers. */
    static Scale linear(double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0)) {
            lo -= 0.5;
            hi += 0.5;
            span = 1;
        }
        double step = niceStep(span / 5);
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        List<Double> t = new ArrayList<>();
        for (double v = min; v <= max + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        double[] ticks = t.stream().mapToDouble(Double::doubleValue).toArray();
        return new Scale(min, max, ticks, t.stream().map(ChartFrame::number).toArray(String[]::new));
    }

    /**
     * A scale drawn in {@code f} (log, logit) with ticks at values of {@code series} (natural units) mapped by
     * {@code f}, labelled in natural units; the range widened to the nearest ticks. Too many ticks are thinned to
     * every {@code thinning}-th (3 keeps the decades of a 1-2-5 series), then to every second, always keeping the
     * tick at 0 in the plotted scale.
     */
    static Scale mapped(double lo, double hi, double[] series, java.util.function.DoubleUnaryOperator f,
                        int thinning) {
        double min = lo;
        double max = hi;
        for (double v : series) {
            double p = f.applyAsDouble(v);
            if (p <= lo) {
                min = p;
            }
        }
        for (int i = series.length - 1; i >= 0; i--) {
            double p = f.applyAsDouble(series[i]);
            if (p >= hi) {
                max = p;
            }
        }
        List<Double> values = new ArrayList<>();
        for (double v : series) {
            double p = f.applyAsDouble(v);
            if (p >= min - 1e-9 && p <= max + 1e-9) {
                values.add(v);
            }
        }
        for (int step = thinning; values.size() > 8; step = 2) {
            // every step-th tick, keeping the one at 0 in the plotted scale (a ratio of 1, a proportion of 0.5)
            int anchor = 0;
            for (int i = 0; i < values.size(); i++) {
                if (Math.abs(f.applyAsDouble(values.get(i))) < 1e-12) {
                    anchor = i;
                }
            }
            List<Double> thinner = new ArrayList<>();
            for (int i = anchor % step; i < values.size(); i += step) {
                thinner.add(values.get(i));
            }
            values = thinner;
        }
        return new Scale(min, max, values.stream().mapToDouble(f::applyAsDouble).toArray(),
                values.stream().map(ChartFrame::number).toArray(String[]::new));
    }

    /** The 1-2-5 series of ratios, 0.001 to 1000. */
    static double[] ratioSeries() {
        List<Double> s = new ArrayList<>();
        for (int e = -3; e <= 3; e++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v <= 1000) {
                    s.add(v);
                }
            }
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Proportions a logit axis is labelled with. */
    static double[] proportionSeries() {
        return new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98,
            0.99, 0.995, 0.998, 0.999};
    }

    static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v))) {
            return Long.toString(Math.round(v));
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double niceStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= rough * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    // ------------------------------------------------------------------ layout

    final double width;
    final double height;
    final double fs;
    final Font font;
    final Font titleFont;
    final List<String> titleLines;
    final double left;
    final double right;
    final double top;
    final double bottom;
    final Scale x;
    final Scale y;
    final boolean yDown;
    final String xTitle;
    final String yTitle;
    final List<String> legendLines;

    /**
     * @param yDown the y axis runs down from its minimum at the top (a funnel's standard error)
     * @param legend entries of the legend, drawn below the x axis title
     */
    ChartFrame(PlotSize size, String title, Scale x, String xTitle, Scale y, String yTitle, boolean yDown,
               List<String> legend) {
        this.width = size == PlotSize.SINGLE_COLUMN ? size.width() : Math.min(size.width(), 120 * 72 / 25.4);
        this.fs = size.textPt();
        this.font = Text.font((float) fs, false);
        this.titleFont = Text.font((float) (fs + 1.5), true);
        double margin = 8.5;
        this.titleLines = Text.wrap(title, titleFont, width - 2 * margin);
        double yTickW = 0;
        for (double t : y.ticks()) {
            yTickW = Math.max(yTickW, Text.width(y.label(t), font));
        }
        this.left = margin + fs * 1.3 + 4 + yTickW + 4;
        this.right = width - margin - 4;
        this.top = margin + titleLines.size() * (fs + 3) + 8;
        double plotH = (right - left) * 0.72;
        this.bottom = top + plotH;
        this.legendLines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String e : legend) {
            if (Text.width(e, font) + 14 > width - 2 * margin) {
                // an entry wider than the page: on lines of its own
                if (line.length() > 0) {
                    legendLines.add(line.toString());
                    line.setLength(0);
                }
                legendLines.addAll(Text.wrap(e, font, width - 2 * margin - 14));
                continue;
            }
            String candidate = line.length() == 0 ? e : line + "     " + e;
            if (Text.width(candidate, font) + 14 > width - 2 * margin && line.length() > 0) {
                legendLines.add(line.toString());
                line.setLength(0);
                line.append(e);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            legendLines.add(line.toString());
        }
        this.height = bottom + 4 + fs * 1.3 + 4 + fs * 1.3 + 6 + legendLines.size() * fs * 1.5 + margin;
        this.x = x;
        this.y = y;
        this.yDown = yDown;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    double px(double v) {
        return left + (v - x.min()) / (x.max() - x.min()) * (right - left);
    }

    double py(double v) {
        double f = (v - y.min()) / (y.max() - y.min());
        return yDown ? top + f * (bottom - top) : bottom - f * (bottom - top);
    }

    /** The y position of the first legend line's baseline. */
    double legendTop() {
        return bottom + 4 + fs * 1.3 + 4 + fs * 1.3 + 6 + fs;
    }

    /** Title, axes, ticks and axis titles; the caller draws the data and the legend's symbols. */
    void drawFrame(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        double ty = 8.5;
        for (String t : titleLines) {
            ty += fs + 3;
            Text.draw(g, t, 8.5, ty - 2);
        }
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        g.draw(new Line2D.Double(left, top, left, bottom));
        g.setFont(font);
        double[] xTicks = x.ticks();
        double[] lefts = new double[xTicks.length];
        double[] widths = new double[xTicks.length];
        for (int i = 0; i < xTicks.length; i++) {
            double px = px(xTicks[i]);
            g.draw(new Line2D.Double(px, bottom, px, bottom + 3));
            widths[i] = Text.width(x.label(xTicks[i]), font);
            lefts[i] = Math.min(Math.max(px - widths[i] / 2, 2), width - 2 - widths[i]);
        }
        // anchored at 0 in the plotted scale: no difference, or a ratio of 1 on a log scale
        TickLabels labels = new TickLabels(xTicks, 0, lefts, widths);
        for (int i = 0; i < xTicks.length; i++) {
            if (labels.shown(i)) {
                Text.draw(g, x.label(xTicks[i]), lefts[i], bottom + 4 + fs);
            }
        }
        double lastBase = Double.NaN;
        for (double t : y.ticks()) {
            double py = py(t);
            g.draw(new Line2D.Double(left - 3, py, left, py));
            String s = y.label(t);
            double base = py + fs * 0.35;
            if (Double.isNaN(lastBase) || Math.abs(base - lastBase) > fs + 1) {
                Text.draw(g, s, left - 5 - Text.width(s, font), base);
                lastBase = base;
            }
        }
        double xt = bottom + 4 + fs + 4 + fs * 1.1;
        Text.draw(g, Text.printable(xTitle), (left + right) / 2 - Text.width(xTitle, font) / 2, xt);
        AffineTransform old = g.getTransform();
        g.rotate(-Math.PI / 2);
        List<String> yt = Text.wrap(yTitle, font, bottom - top);
        Text.draw(g, yt.get(0), -(top + bottom) / 2 - Text.width(yt.get(0), font) / 2, 8.5 + fs);
        g.setTransform(old);
    }
}
