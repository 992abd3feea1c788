package org.mscmeta.report.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
final class PdfFonts {

    private static final ThreadLocal<TrueTypeFont[]> PARSED = ThreadLocal.withInitial(() -> new TrueTypeFont[] {
        parse(Text.REGULAR_FILE), parse(Text.BOLD_FILE)});

    private PdfFonts() {
    }

    private static TrueTypeFont parse(String resource) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(Text.fontBytes(resource)));
            // Without its glyph-substitution table PDFBox writes each string's glyphs as they are, as Java2D
            // draws the PNG (no ligatures); with it, every string went through PDFBox's substitution engine,
            // a regular-expression tokenizer, which made PDF text the costliest part of a registry's plots.
            ttf.getTableMap().remove("GSUB");
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text drawer for {@code doc} that maps the plot fonts to their embedded subsets. */
    static PdfBoxGraphics2DFontTextDrawer embedded(PDDocument doc) throws IOException {
        TrueTypeFont[] ttf = PARSED.get();
        PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
        drawer.registerFont(Text.font(10f, false).getFontName(), PDType0Font.load(doc, ttf[0], true));
        drawer.registerFont(Text.font(10f, true).getFontName(), PDType0Font.load(doc, ttf[1], true));
        return drawer;
    }
}
