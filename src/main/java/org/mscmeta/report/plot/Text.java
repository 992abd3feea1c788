package org.mscmeta.report.plot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Fonts, text measurement and the number formats RevMan uses in forest plots. The plots use DejaVu Sans, bundled
 * with the program (fonts/, Bitstream Vera licence), so that a plot looks the same, and measures the same, on
 * every machine; the PDF writer embeds the same font.
 */
final class Text {

    private static final String FONTS = "fonts/";
    static final String REGULAR_FILE = FONTS + "DejaVuSans.ttf";
    static final String BOLD_FILE = FONTS + "DejaVuSans-Bold.ttf";
    private static final Font REGULAR = load(REGULAR_FILE);
    private static final Font BOLD = load(BOLD_FILE);
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private Text() {
    }

    private static Font load(String resource) {
        try (InputStream in = Text.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font resource " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the bundled font " + resource, e);
        }
    }

    /** The bytes of a bundled font file (for embedding in PDF). */
    static byte[] fontBytes(String resource) throws IOException {
        try (InputStream in = Text.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    /**
     * The plot font at {@code size}. The bold face also carries the BOLD style, which SVG output reads for its
     * font-weight (the face itself is bold, so Java2D does not embolden it again).
     */
    static Font font(float size, boolean bold) {
        return bold ? BOLD.deriveFont(Font.BOLD, size) : REGULAR.deriveFont(size);
    }

    static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /**
     * {@code s} as a drawing may show it: control characters (which XML, and so SVG, cannot hold, and which no font
     * draws) and unpaired surrogates as spaces.
     */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF
                    || (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? ' ' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code s}, cut with an ellipsis so that it fits in {@code max} points. */
    static String fit(String s, Font f, double max) {
        s = printable(s);
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
