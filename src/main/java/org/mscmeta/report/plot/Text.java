package org.mscmeta.report.plot;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.Arrays;
import java.util.Locale;

/** Fonts, text measurement and the number formats RevMan uses in forest plots. */
final class Text {

    static final String FAMILY = pickFamily();
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private Text() {
    }

    private static String pickFamily() {
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
        for (String want : new String[] {"DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"}) {
            if (Arrays.asList(names).contains(want)) {
                return want;
            }
        }
        return Font.SANS_SERIF;
    }

    static Font font(float size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /** {@code s}, cut with an ellipsis so that it fits in {@code max} points. */
    static String fit(String s, Font f, double max) {
        if (width(s, f) <= max) {
            return s;
        }
        String e = "\u2026";
        int lo = 0;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(s.substring(0, mid) + e, f) <= max) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return s.substring(0, lo).stripTrailing() + e;
    }

    /** Estimates as RevMan prints them: two decimals, more for small values. */
    static String est(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        double a = Math.abs(v);
        if (a != 0 && a < 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String ci(double e, double lo, double hi) {
        return est(e) + " [" + est(lo) + ", " + est(hi) + "]";
    }

    static String p(double p) {
        if (!Double.isFinite(p)) {
            return "P = NA";
        }
        if (p < 0.00001) {
            return "P < 0.00001";
        }
        if (p < 0.001) {
            return String.format(Locale.ROOT, "P = %.5f", p).replaceAll("0+$", "");
        }
        return String.format(Locale.ROOT, "P = %.2f", p).equals("P = 0.00")
                ? String.format(Locale.ROOT, "P = %.3f", p) : String.format(Locale.ROOT, "P = %.2f", p);
    }

    static String num2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "NA";
    }

    static String pct0(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f%%", v) : "NA";
    }

    static String pct1(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v) : "";
    }
}
