package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.pool.Distributions;

/**
 * Funnel plot of one outcome with XChart (as metafor's {@code funnel()}): each study's effect against its
 * standard error (the vertical axis runs downwards from 0), the common-effect estimate as a vertical line and the
 * pseudo confidence limits {@code theta +/- z se}. Ratios are drawn on a log axis.
 */
public final class FunnelPlot {

    private FunnelPlot() {
    }

    /** Builds the chart; null when fewer than two studies have an estimate. */
    public static XYChart chart(Analysis a, Settings s) {
        boolean ratio = s.measure().isRatio();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double maxSe = 0;
        for (StudyResult st : a.studies()) {
            if (st.included()) {
                double se = Math.sqrt(st.vi());
                x.add(ratio ? st.estimate() : st.yi());
                y.add(-se);
                maxSe = Math.max(maxSe, se);
            }
        }
        if (x.size() < 2 || !Double.isFinite(a.common().logEstimate())) {
            return null;
        }
        double theta = a.common().logEstimate();
        double z = Distributions.zCritical(s.level());
        double top = maxSe * 1.08;
        XYChart chart = new XYChartBuilder().width(620).height(460)
                .title("Funnel plot: " + Text.printable(a.outcome()))
                .xAxisTitle(s.measure().label() + (ratio ? " (log scale)" : s.measure().isProportion()
                        ? " (" + s.measure().name() + " scale)" : ""))
                .yAxisTitle("Standard error").build();
        var st = chart.getStyler();
        st.setLegendVisible(true);
        st.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setXAxisLogarithmic(ratio);
        st.setYAxisMax(0.0);
        st.setYAxisMin(-top);
        st.setyAxisTickLabelsFormattingFunction(v -> new java.text.DecimalFormat("0.0##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(Math.abs(v) < 1e-12 ? 0.0 : -v));
        st.setChartTitleFont(Text.font(13f, true));
        st.setAxisTitleFont(Text.font(11f, false));
        st.setAxisTickLabelsFont(Text.font(10f, false));
        st.setLegendFont(Text.font(10f, false));

        double[] lx = {back(theta - z * top, ratio), back(theta, ratio), back(theta + z * top, ratio)};
        double[] ly = {-top, 0, -top};
        XYSeries limits = chart.addSeries(String.format(Locale.ROOT, "Pseudo %.0f%% limits", s.level() * 100), lx, ly);
        limits.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        limits.setMarker(SeriesMarkers.NONE);
        limits.setLineColor(new Color(120, 120, 120));
        limits.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0));
        XYSeries centre = chart.addSeries(s.method().label() + " estimate",
                new double[] {back(theta, ratio), back(theta, ratio)}, new double[] {-top, 0});
        centre.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        centre.setMarker(SeriesMarkers.NONE);
        centre.setLineColor(Color.BLACK);
        XYSeries pts = chart.addSeries("Studies", x, y);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(new Color(0, 84, 147));
        var tf = a.sensitivity() == null ? null : a.sensitivity().trimAndFill();
        if (tf != null && tf.k0() > 0 && ratio == s.measure().isRatio()) {
            double[] fx = new double[tf.k0()];
            double[] fy = new double[tf.k0()];
            for (int j = 0; j < tf.k0(); j++) {
                fx[j] = ratio ? tf.filledEstimates()[j] : tf.filledEstimates()[j];
                fy[j] = -tf.filledSe()[j];
            }
            XYSeries filled = chart.addSeries("Filled by trim and fill (" + tf.k0() + ")", fx, fy);
            filled.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            filled.setMarker(SeriesMarkers.CIRCLE);
            filled.setMarkerColor(new Color(190, 30, 45));
        }
        return chart;
    }

    private static double back(double v, boolean ratio) {
        return ratio ? Math.exp(v) : v;
    }

    /** The funnel plot as a drawing; null when there is no funnel to draw (fewer than two studies). */
    public static Drawing drawing(Analysis a, Settings s) {
        XYChart chart = chart(a, s);
        if (chart == null) {
            return null;
        }
        return new Drawing() {
            @Override
            public double width() {
                return chart.getWidth();
            }

            @Override
            public double height() {
                return chart.getHeight();
            }

            @Override
            public void draw(java.awt.Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }

    /** Writes {@code base.png} (300 dpi) and {@code base.svg}; returns false when there is no funnel to draw. */
    public static boolean write(Analysis a, Settings s, Path dir, String base) throws IOException {
        XYChart chart = chart(a, s);
        Drawing drawing = drawing(a, s);
        if (drawing == null) {
            return false;
        }
        DrawingFiles.png(drawing, dir.resolve(base + ".png"));
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(base + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return true;
    }
}
