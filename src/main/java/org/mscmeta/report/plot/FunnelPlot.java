package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.Distributions;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;

/**
 * Funnel plot of one outcome, as metafor's {@code funnel()}: each study's effect on the analysis scale against its
 * standard error (the axis runs down from 0), the common-effect estimate as a vertical line, the pseudo confidence
 * limits {@code theta +/- z se}, and the studies trim and fill adds. The effect axis is drawn on the analysis scale
 * and labelled in the units printed elsewhere: ratios for RR and OR (a log axis), proportions for the logit.
 */
public final class FunnelPlot implements Drawing {

    private static final Color STUDY = new Color(0, 84, 147);
    private static final Color FILLED = new Color(190, 30, 45);

    private final ChartFrame frame;
    private final double[] x;
    private final double[] se;
    private final double[] filledX;
    private final double[] filledSe;
    private final double theta;
    private final double z;

    private FunnelPlot(ChartFrame frame, double[] x, double[] se, double[] filledX, double[] filledSe, double theta,
                       double z) {
        this.frame = frame;
        this.x = x;
        this.se = se;
        this.filledX = filledX;
        this.filledSe = filledSe;
        this.theta = theta;
        this.z = z;
    }

    /** The funnel plot; null when fewer than two studies have an estimate or there is no pooled estimate. */
    static FunnelPlot of(Analysis a, Settings s, PlotOptions o) {
        List<Double> xs = new ArrayList<>();
        List<Double> ses = new ArrayList<>();
        for (StudyResult st : a.studies()) {
            if (st.included()) {
                xs.add(st.yi());
                ses.add(Math.sqrt(st.vi()));
            }
        }
        if (xs.size() < 2 || !Double.isFinite(a.common().logEstimate()) && !Double.isFinite(a.common().estimate())) {
            return null;
        }
        Measure m = s.measure();
        double theta = Double.isFinite(a.common().logEstimate()) ? a.common().logEstimate() : a.common().estimate();
        if (m == Measure.PLOGIT) {
            theta = Math.log(a.common().estimate() / (1 - a.common().estimate()));
        }
        double crit = Distributions.zCritical(s.level());
        double maxSe = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.size(); i++) {
            maxSe = Math.max(maxSe, ses.get(i));
            lo = Math.min(lo, xs.get(i));
            hi = Math.max(hi, xs.get(i));
        }
        var tf = a.sensitivity() == null ? null : a.sensitivity().trimAndFill();
        double[] fx = new double[0];
        double[] fs = new double[0];
        if (tf != null && tf.k0() > 0 && tf.filledYi() != null) {
            fx = tf.filledYi().clone();
            fs = tf.filledSe().clone();
            for (int i = 0; i < fx.length; i++) {
                lo = Math.min(lo, fx[i]);
                hi = Math.max(hi, fx[i]);
                maxSe = Math.max(maxSe, fs[i]);
            }
        }
        double top = maxSe * 1.05;
        lo = Math.min(lo, theta - crit * top);
        hi = Math.max(hi, theta + crit * top);
        ChartFrame.Scale xs2 = ChartFrame.effect(m, lo, hi);
        String xTitle = ChartFrame.effectTitle(m);
        String yTitle = "Standard error" + switch (m) {
            case RR, OR -> " of the log " + ModelWords.measure(m);
            case PLOGIT -> " of the logit";
            case PFT -> " (transformed scale)";
            default -> "";
        };
        List<String> legend = new ArrayList<>(List.of("\u25cf Studies (" + xs.size() + ")",
                "\u2014 " + ModelWords.common(s) + " estimate",
                "- - Pseudo " + Formats.level(s.level()) + " confidence limits"));
        if (fx.length > 0) {
            legend.add("\u25cb Added by trim and fill (" + fx.length + ")");
        }
        ChartFrame frame = new ChartFrame(o.size(), "Funnel plot: " + a.outcome(), xs2,
                xTitle, ChartFrame.linear(0, top), yTitle, true, legend);
        return new FunnelPlot(frame, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ses.stream().mapToDouble(Double::doubleValue).toArray(), fx, fs, theta, crit);
    }

    @Override
    public double width() {
        return frame.width;
    }

    @Override
    public double height() {
        return frame.height;
    }

    @Override
    public void draw(Graphics2D g) {
        frame.drawFrame(g);
        double seTop = frame.y.min();
        double seBottom = frame.y.max();
        g.setColor(new Color(120, 120, 120));
        g.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2.5f},
                0));
        g.draw(new Line2D.Double(clipX(theta - z * seBottom), frame.py(seBottom), frame.px(theta), frame.py(seTop)));
        g.draw(new Line2D.Double(clipX(theta + z * seBottom), frame.py(seBottom), frame.px(theta), frame.py(seTop)));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Line2D.Double(frame.px(theta), frame.py(seTop), frame.px(theta), frame.py(seBottom)));
        double r = Math.max(1.6, frame.fs * 0.3);
        g.setStroke(new BasicStroke(0.6f));
        for (int i = 0; i < x.length; i++) {
            g.setColor(STUDY);
            g.fill(new Ellipse2D.Double(frame.px(x[i]) - r, frame.py(se[i]) - r, 2 * r, 2 * r));
        }
        for (int i = 0; i < filledX.length; i++) {
            g.setColor(FILLED);
            g.draw(new Ellipse2D.Double(frame.px(filledX[i]) - r, frame.py(filledSe[i]) - r, 2 * r, 2 * r));
        }
        g.setColor(Color.BLACK);
        g.setFont(frame.font);
        double ly = frame.legendTop();
        for (String line : frame.legendLines) {
            Text.draw(g, line, 8.5, ly);
            ly += frame.fs * 1.5;
        }
    }

    private double clipX(double v) {
        return frame.px(Math.max(frame.x.min(), Math.min(frame.x.max(), v)));
    }
}
