package org.mscmeta.report.plot;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fonts, text measurement and the number formats RevMan uses in forest plots. The plots use DejaVu Sans, bundled
 * with the program (fonts/, Bitstream Vera licence), so that a plot looks the same, and measures the same, on
 * every machine; the PDF writer embeds the same font.
 */
final class Text {

    static final String FONTS = "fonts/";
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
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

    /**
     * Whether the plot font has a glyph for every character of {@code s} in both faces (white space and control
     * characters aside); where it has none, Java2D draws a box.
     */
    static boolean shows(String s) {
        return everyGlyph(s, cp -> REGULAR.canDisplay(cp) && BOLD.canDisplay(cp));
    }

    /**
     * Whether {@code hasGlyph} holds for every character of {@code s} but white space, control characters and
     * printable ASCII (which the plot font and its PDF subset both have).
     */
    static boolean everyGlyph(CharSequence s, java.util.function.IntPredicate hasGlyph) {
        return s.codePoints().allMatch(cp -> cp <= 0x7e || Character.isWhitespace(cp) || Character.isISOControl(cp)
                || hasGlyph.test(cp));
    }

    /** The width of {@code s} in points, in the font it is drawn in ({@link #fontFor}). */
    static double width(String s, Font f) {
        return fontFor(s, f).getStringBounds(s, FRC).getWidth();
    }

    /**
     * Draws {@code s} at ({@code x}, {@code y}) in {@code g}'s font, or, where that font lacks a glyph for one of its
     * characters, in {@link #fontFor the system font that has them}. Every text of a plot is drawn through here.
     */
    static void draw(java.awt.Graphics2D g, String s, double x, double y) {
        Font f = g.getFont();
        Font use = fontFor(s, f);
        if (use == f) {
            g.drawString(s, (float) x, (float) y);
            return;
        }
        g.setFont(use);
        try {
            g.drawString(s, (float) x, (float) y);
        } finally {
            g.setFont(f);
        }
    }

    /**
     * The font {@code s} is drawn in: {@code f} (the plot font) when the plot font has a glyph for every character
     * of it; else the system's sans-serif font at the same size and weight when that one has them all (Java's
     * logical "SansSerif", which on Linux is what fontconfig offers, a CJK font included where one is installed;
     * measured and drawn alike, so the layout holds; in a PDF such a text is drawn as its outline); else {@code f},
     * which shows a box for what it lacks ({@link #boxed}).
     */
    static Font fontFor(String s, Font f) {
        if (ascii(s) || shows(s)) {
            return f;
        }
        Font fallback = (f.isBold() ? SYSTEM_BOLD : SYSTEM_REGULAR).deriveFont(f.getSize2D());
        try {
            return everyGlyph(s, fallback::canDisplay) ? fallback : f;
        } catch (RuntimeException | InternalError | LinkageError e) {
            return f; // a JVM without a font configuration of the system's: the plot font's boxes, as before
        }
    }

    /** Whether the plots show a box for some character of {@code s}: neither the plot font nor the system's has it. */
    static boolean boxed(String s) {
        return fontFor(s, REGULAR) == REGULAR && !shows(s);
    }

    private static final Font SYSTEM_REGULAR = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font SYSTEM_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 10);

    /** Whether {@code s} is all printable ASCII (and so shown by the plot font): the plots' texts but a few. */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
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

    /**
     * {@code s} broken into lines no wider than {@code max} points at font {@code f}: at spaces, and within a word
     * that alone is wider (after a hyphen where one fits). Never empty (a blank text is one empty line).
     */
    static List<String> wrap(String s, Font f, double max) {
        String text = printable(s == null ? "" : s).strip();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : SPACES.split(text)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, f) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            // the word does not fit on this line: a word that fits a line of its own starts the next one whole
            // ("(Mantel-Haenszel)" is not split after "Mantel-"); a longer one is first cut at a hyphen, if the
            // part up to it fits
            String rest = word;
            int hyphen = width(word, f) <= max ? -1 : rest.lastIndexOf('-', rest.length() - 2);
            while (hyphen > 0 && width((line.length() == 0 ? "" : line + " ") + rest.substring(0, hyphen + 1), f)
                    > max) {
                hyphen = rest.lastIndexOf('-', hyphen - 1);
            }
            if (hyphen > 0) {
                line.append(line.length() == 0 ? "" : " ").append(rest, 0, hyphen + 1);
                rest = rest.substring(hyphen + 1);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(rest, f) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                int h = rest.lastIndexOf('-', cut - 1);
                if (h > 0 && width(rest.substring(0, h + 1), f) <= max) {
                    cut = h + 1;
                } else {
                    while (cut > 1 && width(rest.substring(0, cut), f) > max) {
                        cut--;
                    }
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
