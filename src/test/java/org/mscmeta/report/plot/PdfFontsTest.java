package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The faces the build cut for PDFs ({@link PdfFontFiles}) are the bundled faces cut as {@link PdfFonts} cuts them. */
class PdfFontsTest {

    @Test
    void theBuildsCutFacesAreTheBundledFacesCut() throws Exception {
        for (String face : new String[] {Text.REGULAR_FILE, Text.BOLD_FILE}) {
            assertNotNull(Text.class.getResource(PdfFonts.cutResource(face)), "the build's cut of " + face);
            byte[] built = Text.fontBytes(PdfFonts.cutResource(face));
            assertArrayEquals(PdfFonts.cutNow(face), built, face);
            assertTrue(built.length < Text.fontBytes(face).length / 2, face + " cut to a part of its glyphs");
        }
    }
}
