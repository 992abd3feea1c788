package org.mscmeta.report.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.junit.jupiter.api.Test;

/** The streaming workbook's text escaping writes what POI's own would, character for character. */
class StreamingXlsxTest {

    /** POI's own {@code outputEscapedString}, into a string. */
    private static final class PoiEscaping extends SheetDataWriter {
        private final StringWriter text;

        PoiEscaping(StringWriter text) throws IOException {
            super(text);
            this.text = text;
        }

        String escaped(String s) throws IOException {
            text.getBuffer().setLength(0);
            outputEscapedString(s);
            _out.flush();
            return text.toString();
        }
    }

    private static String ours(String s) throws IOException {
        StringWriter out = new StringWriter();
        StreamingXlsx.escape(s, out);
        return out.toString();
    }

    @Test
    void everyCharacterIsWrittenAsPoiWritesIt() throws IOException {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            texts.add("a" + (char) c + "b");
            texts.add(String.valueOf((char) c));
        }
        texts.add("");
        texts.add("=IF(AND(E5>0,E5<F5),LN(E5/F5),\"\") & \"x\"\t\r\n\u00a0end");
        texts.add("study \ud83d\ude00 with an emoji, a lone \ud800 surrogate and \udc00 another");
        texts.add("\u0000\u0001\u001f \ufffe\uffff\ufffd");
        texts.add("<<>>&&\"\"");
        texts.add("x".repeat(20_000) + "<" + "y".repeat(20_000)); // longer than the writer's buffer
        try (PoiEscaping poi = new PoiEscaping(new StringWriter())) {
            for (String t : texts) {
                assertEquals(poi.escaped(t), ours(t), () -> "for " + t.codePoints().limit(8).boxed().toList());
            }
        }
        assertEquals("", ours(null));
    }
}
