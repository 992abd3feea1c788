package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.Distributions;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;
import org.mscmeta.sensitivity.MetaRegression;

/**
 * Bubble plot of a meta-regression on one numeric moderator, as metafor's {@code regplot}: each study's effect
 * against the moderator, bubble area proportional to its weight in the model, the fitted line with its confidence
 * band ({@code a' b +/- q sqrt(a' V a)}, the other moderators at their means over the studies), and the line of no
 * effect. The effect axis is drawn on the analysis scale and labelled in ratios for RR and OR, in proportions for
 * PLOGIT ({@link ChartFrame#effect}).
 */
public final class BubblePlot implements Drawing {

    private static final Color BUBBLE = new Color(0, 84, 147);
    private static final Color LINE = new Color(190, 30, 45);

    private final ChartFrame frame;
    private final double[] x;
    private final double[] y;
    private final double[] weightPercent;
    private final double[] lineX;
    private final double[] fit;
    private final double[] lower;
    private final double[] upper;
    private final double nullLine;
    private final double maxRadius;

    private BubblePlot(ChartFrame frame, double[] x, double[] y, double[] weightPercent, double[] lineX, double[] fit,
                       double[] lower, double[] upper, double nullLine) {
        this.frame = frame;
        this.x = x;
        this.y = y;
        this.weightPercent = weightPercent;
        this.lineX = lineX;
        this.fit = fit;
        this.lower = lower;
        this.upper = upper;
        this.nullLine = nullLine;
        this.maxRadius = Math.min(9, (frame.right - frame.left) / 22);
    }

    /**
     * One plot per numeric moderator of {@code m} (none without a regression; factor levels get no bubble plot).
     *
     * @param studies the outcome's studies with an estimate: those beyond the regression's k lack a moderator's value
     */
    static List<BubblePlot> all(String outcome, MetaRegression m, int studies, Settings s, PlotOptions o) {
        List<BubblePlot> out = new ArrayList<>();
        if (m != null) {
            for (int j = 1; j < m.terms().size(); j++) {
                if (!m.terms().get(j).contains(" = ")) {
                    out.add(forTerm(outcome, m, studies, s, o, j));
                }
            }
        }
        return out;
    }

    /** The numeric moderators of {@code m}, in the order of {@link #all}. */
    static List<String> numericTerms(MetaRegression m) {
        List<String> out = new ArrayList<>();
        if (m != null) {
            for (int j = 1; j < m.terms().size(); j++) {
                if (!m.terms().get(j).contains(" = ")) {
                    out.add(m.terms().get(j));
                }
            }
        }
        return out;
    }

    private static BubblePlot forTerm(String outcome, MetaRegression m, int studies, Settings s, PlotOptions o,
                                      int j) {
        int k = m.k();
        int p = m.terms().size();
        double[] mean = new double[p];
        for (int c = 0; c < p; c++) {
            for (int i = 0; i < k; i++) {
                mean[c] += m.x()[i][c] / k;
            }
        }
        double[] x = new double[k];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            x[i] = m.x()[i][j];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double q = m.hksj() ? Distributions.tCritical(s.level(), k - p) : Distributions.zCritical(s.level());
        int n = 60;
        double[] lx = new double[n];
        double[] f = new double[n];
        double[] l = new double[n];
        double[] u = new double[n];
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            lx[t] = lo + (hi - lo) * t / (n - 1);
            double[] a = mean.clone();
            a[0] = 1;
            a[j] = lx[t];
            double est = 0;
            double var = 0;
            for (int c = 0; c < p; c++) {
                est += a[c] * m.estimate()[c];
                for (int d = 0; d < p; d++) {
                    var += a[c] * m.covariance()[c][d] * a[d];
                }
            }
            f[t] = est;
            l[t] = est - q * Math.sqrt(Math.max(var, 0));
            u[t] = est + q * Math.sqrt(Math.max(var, 0));
            yLo = Math.min(yLo, l[t]);
            yHi = Math.max(yHi, u[t]);
        }
        double sumW = 0;
        for (double w : m.weights()) {
            sumW += w;
        }
        double[] wp = new double[k];
        for (int i = 0; i < k; i++) {
            wp[i] = 100 * m.weights()[i] / sumW;
            yLo = Math.min(yLo, m.y()[i]);
            yHi = Math.max(yHi, m.y()[i]);
        }
        Measure measure = s.measure();
        double nullLine = measure.isRatio() || measure == Measure.RD ? 0 : Double.NaN;
        if (Double.isFinite(nullLine)) {
            yLo = Math.min(yLo, nullLine);
            yHi = Math.max(yHi, nullLine);
        }
        double padX = (hi - lo) * 0.05 + 1e-9;
        ChartFrame.Scale xs = ChartFrame.linear(lo - padX, hi + padX);
        // the effects are on the analysis scale: logits on a logit axis labelled in proportions, as the funnel's
        ChartFrame.Scale ys = ChartFrame.effect(measure, yLo, yHi);
        String yTitle = ChartFrame.effectTitle(measure);
        String others = p > 2 ? "; other moderators at their means" : "";
        String title = "Meta-regression: " + outcome + " on " + m.terms().get(j) + " ("
                + ModelWords.waldTest("QM", m.qm(), m.qmDf(), m.qeDf(), m.hksj(), "\u00a0", "P", m.qmP(),
                m.qmNotEstimable())
                + others + ")";
        String left = studies <= k ? "k = " + k + " studies" : "k = " + k + " of the outcome's " + studies
                + " studies (" + (studies - k == 1 ? "the other has" : "the others have") + " no value of "
                + (p > 2 ? "a moderator" : m.terms().get(j)) + ")";
        List<String> legend = List.of("\u2014 Fitted " + (measure == Measure.PFT
                ? "Freeman-Tukey double arcsine of the proportion" : ModelWords.measure(measure)) + " with its "
                + Formats.level(s.level()) + " confidence band (shaded)", "Circle area: the study's weight",
                left);
        ChartFrame frame = new ChartFrame(o.size(), title, xs, m.terms().get(j), ys, yTitle, false, legend);
        return new BubblePlot(frame, x, m.y(), wp, lx, f, l, u, nullLine);
    }

    @Override
    public double width() {
        return frame.width;
    }

    @Override
    public double height() {
        return frame.height + 2 * maxRadius + frame.fs + 8;
    }

    @Override
    public void draw(Graphics2D g) {
        frame.drawFrame(g);
        Path2D band = new Path2D.Double();
        for (int t = 0; t < lineX.length; t++) {
            double px = frame.px(lineX[t]);
            double py = frame.py(clampY(upper[t]));
            if (t == 0) {
                band.moveTo(px, py);
            } else {
                band.lineTo(px, py);
            }
        }
        for (int t = lineX.length - 1; t >= 0; t--) {
            band.lineTo(frame.px(lineX[t]), frame.py(clampY(lower[t])));
        }
        band.closePath();
        g.setColor(new Color(190, 30, 45, 40));
        g.fill(band);
        if (Double.isFinite(nullLine)) {
            g.setColor(new Color(90, 90, 90));
            g.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {3f, 2.5f}, 0));
            g.draw(new Line2D.Double(frame.left, frame.py(nullLine), frame.right, frame.py(nullLine)));
        }
        g.setColor(LINE);
        g.setStroke(new BasicStroke(1f));
        Path2D line = new Path2D.Double();
        for (int t = 0; t < lineX.length; t++) {
            if (t == 0) {
                line.moveTo(frame.px(lineX[t]), frame.py(clampY(fit[t])));
            } else {
                line.lineTo(frame.px(lineX[t]), frame.py(clampY(fit[t])));
            }
        }
        g.draw(line);
        double maxW = 0;
        for (double w : weightPercent) {
            maxW = Math.max(maxW, w);
        }
        g.setStroke(new BasicStroke(0.5f));
        for (int i = 0; i < x.length; i++) {
            double r = maxRadius * Math.sqrt(weightPercent[i] / maxW);
            Ellipse2D e = new Ellipse2D.Double(frame.px(x[i]) - r, frame.py(y[i]) - r, 2 * r, 2 * r);
            g.setColor(new Color(0, 84, 147, 90));
            g.fill(e);
            g.setColor(BUBBLE);
            g.draw(e);
        }
        g.setColor(Color.BLACK);
        g.setFont(frame.font);
        double ly = frame.legendTop();
        for (String l : frame.legendLines) {
            Text.draw(g, l, 8.5, ly);
            ly += frame.fs * 1.5;
        }
        // the size legend: the largest weight, half and a quarter of it
        double cx = 8.5 + maxRadius;
        double cy = ly - frame.fs * 0.5 + maxRadius;
        for (double share : new double[] {1, 0.5, 0.25}) {
            double w = maxW * share;
            double r = maxRadius * Math.sqrt(share);
            g.setColor(BUBBLE);
            g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            g.setColor(Color.BLACK);
            String label = Formats.percent(w, 1);
            Text.draw(g, label, cx + maxRadius + 3, cy + frame.fs * 0.35);
            cx += 2 * maxRadius + 6 + Text.width(label, frame.font) + 10;
        }
    }

    private double clampY(double v) {
        return Math.max(frame.y.min(), Math.min(frame.y.max(), v));
    }
}
