package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.Locale;
import org.mscmeta.analysis.Settings;
import org.mscmeta.sensitivity.MetaRegression;

/**
 * Bubble plot of a meta-regression on one moderator (as metafor's {@code regplot}): each study's effect (analysis
 * scale) against the moderator, bubble area proportional to its random-effects weight, and the fitted line
 * {@code b0 + b1 x}. Drawn with Java2D; the fitted values come from the engine's coefficients.
 */
public final class BubblePlot implements Drawing {

    private static final double W = 560;
    private static final double H = 400;
    private static final double L = 70;
    private static final double R = 20;
    private static final double T = 40;
    private static final double B = 55;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double b0;
    private final double b1;

    private BubblePlot(String title, String xLabel, String yLabel, double[] x, double[] y, double[] w, double b0,
                       double b1) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.x = x;
        this.y = y;
        this.w = w;
        this.b0 = b0;
        this.b1 = b1;
    }

    /** The plot for a regression on exactly one moderator; null otherwise. */
    public static BubblePlot of(String outcome, MetaRegression m, Settings s) {
        return m == null || m.terms().size() != 2 ? null : forModerator(outcome, m, s, 0);
    }

    /**
     * One plot per moderator of {@code m} (none when there is no regression). With several moderators, the line
     * of moderator j is the fitted effect with the other moderators held at their means over the studies used,
     * {@code b0 + sum_{l != j} b_l mean(x_l) + b_j x_j}, as metafor's {@code regplot(mod = j)}.
     */
    public static java.util.List<BubblePlot> all(String outcome, MetaRegression m, Settings s) {
        java.util.List<BubblePlot> out = new java.util.ArrayList<>();
        if (m != null) {
            for (int j = 0; j < m.terms().size() - 1; j++) {
                out.add(forModerator(outcome, m, s, j));
            }
        }
        return out;
    }

    private static BubblePlot forModerator(String outcome, MetaRegression m, Settings s, int j) {
        int mods = m.terms().size() - 1;
        double[] x = new double[m.k()];
        double intercept = m.estimate()[0];
        for (int l = 0; l < mods; l++) {
            double mean = 0;
            for (int i = 0; i < m.k(); i++) {
                mean += m.moderatorValues()[i][l] / m.k();
            }
            if (l != j) {
                intercept += m.estimate()[l + 1] * mean;
            }
        }
        for (int i = 0; i < m.k(); i++) {
            x[i] = m.moderatorValues()[i][j];
        }
        String scale = s.measure().isRatio() ? "log " + s.measure().name() : s.measure().name();
        String others = mods > 1 ? "; other moderators at their mean" : "";
        return new BubblePlot("Meta-regression: " + outcome + String.format(Locale.ROOT, " (QM = %s, p = %s%s)",
                Text.num2(m.qm()), Text.p(m.qmP()).replace("P = ", ""), others), m.terms().get(j + 1), scale, x,
                m.y(), m.weights(), intercept, m.estimate()[j + 1]);
    }

    @Override
    public double width() {
        return W;
    }

    @Override
    public double height() {
        return H;
    }

    @Override
    public void draw(Graphics2D g) {
        double[] xr = range(x);
        double[] yr = range(y);
        double maxW = 0;
        for (double v : w) {
            maxW = Math.max(maxW, v);
        }
        g.setColor(Color.BLACK);
        g.setFont(Text.font(10f, true));
        g.drawString(Text.fit(title, g.getFont(), W - 20), 10f, 20f);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Line2D.Double(L, H - B, W - R, H - B));
        g.draw(new Line2D.Double(L, T, L, H - B));
        g.setFont(Text.font(8f, false));
        double[] xt = ticks(xr);
        for (double t : xt) {
            double px = px(t, xr);
            g.draw(new Line2D.Double(px, H - B, px, H - B + 3));
            String s = label(t, xt);
            g.drawString(s, (float) (px - Text.width(s, g.getFont()) / 2), (float) (H - B + 13));
        }
        double[] yt = ticks(yr);
        for (double t : yt) {
            double py = py(t, yr);
            g.draw(new Line2D.Double(L - 3, py, L, py));
            String s = label(t, yt);
            g.drawString(s, (float) (L - 5 - Text.width(s, g.getFont())), (float) (py + 3));
        }
        g.setFont(Text.font(9f, false));
        g.drawString(Text.printable(xLabel), (float) ((L + W - R) / 2 - Text.width(xLabel, g.getFont()) / 2), (float) (H - 15));
        var old = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(Text.printable(yLabel), (float) (-(T + H - B) / 2 - Text.width(yLabel, g.getFont()) / 2), 18f);
        g.setTransform(old);
        g.setColor(new Color(190, 30, 45));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(px(xr[0], xr), py(b0 + b1 * xr[0], yr), px(xr[1], xr), py(b0 + b1 * xr[1], yr)));
        for (int i = 0; i < x.length; i++) {
            double r = 2 + 10 * Math.sqrt(w[i] / maxW);
            Ellipse2D e = new Ellipse2D.Double(px(x[i], xr) - r, py(y[i], yr) - r, 2 * r, 2 * r);
            g.setColor(new Color(0, 84, 147, 90));
            g.fill(e);
            g.setColor(new Color(0, 84, 147));
            g.setStroke(new BasicStroke(0.6f));
            g.draw(e);
        }
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        double pad = (hi - lo) * 0.08 + 1e-9;
        return new double[] {lo - pad, hi + pad};
    }

    private static double px(double v, double[] r) {
        return L + (v - r[0]) / (r[1] - r[0]) * (W - L - R);
    }

    private static double py(double v, double[] r) {
        return H - B - (v - r[0]) / (r[1] - r[0]) * (H - B - T);
    }

    /** About five round ticks inside the range. */
    private static double[] ticks(double[] r) {
        double span = r[1] - r[0];
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (span / (step * m) <= 6) {
                step *= m;
                break;
            }
        }
        double first = Math.ceil(r[0] / step) * step;
        int n = (int) Math.floor((r[1] - first) / step) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    /** Tick labels with the same number of decimals along an axis, as many as the tick step needs. */
    private static String label(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < 1e-12 ? 0.0 : v);
    }
}
