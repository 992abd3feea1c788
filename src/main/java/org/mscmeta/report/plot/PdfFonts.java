package org.mscmeta.report.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The plot font for PDF: each document gets the bundled DejaVu Sans (regular and bold) as embedded subsets, so
 * that its text is text (searchable, editable in a figure editor, a fraction of the size of glyph outlines) in
 * the same face and metrics as the PNG and SVG. The font files are parsed once per thread (a parsed
 * {@link TrueTypeFont} is not safe to share between threads) and reused by every document written on it.
 *
 * <p>What a document embeds is first cut, once by the build ({@link PdfFontFiles}), to the scripts and signs a
 * forest plot of trials is written in (Latin with its extensions, Greek, Cyrillic, punctuation, super- and subscripts, currency, arrows,
 * mathematical operators, geometric shapes; about a quarter of DejaVu's glyphs): PDFBox reckons the widths of every
 * glyph of the font it is given for each document, which was a third of the cost of a PDF. A text with a character
 * outside those (a study label with a check mark or in Hebrew, say) is drawn in the PDF as its outline, from the
 * full font, so it still shows as in the PNG and SVG, which use the full font: {@link #embedded} tells the text
 * drawer so (left to itself, it tried the embedded font, failed, logged the error with its stack trace and drew
 * nothing, and the label was missing from the PDF).
 */
final class PdfFonts {

    private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal.withInitial(() -> new TrueTypeFont[] {
        parse(Text.REGULAR_FILE), parse(Text.BOLD_FILE)});

    private PdfFonts() {
    }

    /** Unicode ranges kept in the embedded font: [first, last] pairs. */
    private static final int[] KEPT = {
        0x0020, 0x024F, // Basic Latin, Latin-1, Latin Extended-A and -B
        0x0370, 0x03FF, // Greek
        0x0400, 0x04FF, // Cyrillic
        0x2000, 0x206F, // General Punctuation
        0x2070, 0x209F, // Superscripts and Subscripts
        0x20A0, 0x20CF, // Currency
        0x2100, 0x214F, // Letterlike symbols
        0x2190, 0x21FF, // Arrows
        0x2200, 0x22FF, // Mathematical operators
        0x25A0, 0x25FF, // Geometric shapes
    };

    /** The two faces cut to {@link #KEPT}, once per process (bytes, parsed again on each thread). */
    private static final byte[][] CUT = new byte[2][];

    /** Where the build puts a face cut to {@link #KEPT} ({@link PdfFontFiles}), beside the full face. */
    static String cutResource(String resource) {
        return resource.replace(Text.FONTS, Text.FONTS + "pdf/");
    }

    /**
     * A face cut to {@link #KEPT}: the one the build cut (the cut is a tenth of a second of a report's first PDF,
     * on which the other plot thread waited), or, when the classes were built without it (an IDE's build), cut now.
     */
    private static synchronized byte[] cut(String resource, int face) throws IOException {
        if (CUT[face] == null) {
            CUT[face] = Text.class.getResource(cutResource(resource)) != null
                    ? Text.fontBytes(cutResource(resource)) : cutNow(resource);
        }
        return CUT[face];
    }

    /** {@code resource}, a bundled face, cut to the glyphs of {@link #KEPT}. */
    static byte[] cutNow(String resource) throws IOException {
        TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(Text.fontBytes(resource)));
        try {
            org.apache.fontbox.ttf.TTFSubsetter subsetter = new org.apache.fontbox.ttf.TTFSubsetter(full);
            for (int r = 0; r < KEPT.length; r += 2) {
                for (int c = KEPT[r]; c <= KEPT[r + 1]; c++) {
                    subsetter.add(c);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            subsetter.writeToStream(out);
            return out.toByteArray();
        } finally {
            full.close();
        }
    }

    /** Whether every character of {@code text} has a glyph in both faces (the iterator is left at its start). */
    static boolean covered(AttributedCharacterIterator text, CmapLookup[] cmaps) {
        StringBuilder s = new StringBuilder(text.getEndIndex() - text.getBeginIndex());
        for (char c = text.first(); c != CharacterIterator.DONE; c = text.next()) {
            s.append(c);
        }
        text.first();
        return Text.everyGlyph(s, cp -> cmaps[0].getGlyphId(cp) != 0 && cmaps[1].getGlyphId(cp) != 0);
    }

    private static TrueTypeFont parse(String resource) {
        try {
            int face = resource.equals(Text.BOLD_FILE) ? 1 : 0;
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(cut(resource, face)));
            // Without its glyph-substitution table PDFBox writes each string's glyphs as they are, as Java2D
            // draws the PNG (no ligatures); with it, every string went through PDFBox's substitution engine,
            // a regular-expression tokenizer, which made PDF text the costliest part of a registry's plots.
            ttf.getTableMap().remove("GSUB");
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text drawer for {@code doc} that maps the plot fonts to their embedded subsets, and has a text with a
     * character the subsets lack drawn as outlines.
     */
    static PdfBoxGraphics2DFontTextDrawer embedded(PDDocument doc) throws IOException {
        TrueTypeFont[] ttf = PARSED.get();
        CmapLookup[] cmaps = {ttf[0].getUnicodeCmapLookup(), ttf[1].getUnicodeCmapLookup()};
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer() {
            @Override
            public boolean canDrawText(AttributedCharacterIterator text, IFontTextDrawerEnv env)
                    throws IOException, FontFormatException {
                return covered(text, cmaps) && super.canDrawText(text, env);
            }
        };
        drawer.registerFont(Text.font(10f, false).getFontName(), PDType0Font.load(doc, ttf[0], true));
        drawer.registerFont(Text.font(10f, true).getFontName(), PDType0Font.load(doc, ttf[1], true));
        return drawer;
    }
}
