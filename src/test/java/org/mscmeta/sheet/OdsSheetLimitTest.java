package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An .ods file whose content unpacks to more than the limit (a zip bomb) is refused in a sentence. */
class OdsSheetLimitTest {

    @Test
    void contentBeyondTheLimitIsRefused() throws Exception {
        Path ods = Path.of("src/test/resources/ods/trials.ods"); // its content.xml unpacks to about 10 KB
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OdsSheet.read(ods, "trials.ods",
                null, part -> new SheetValidator(part, Vocabulary.builtIn(), OutcomeMap.NONE), 4096));
        assertEquals(1, e.problems().size());
        assertEquals("trials.ods", e.problems().get(0).file());
        assertEquals("a spreadsheet whose content unpacks to at most 4096 bytes, but this one unpacks to more (a"
                + " damaged file, or a zip bomb)", e.problems().get(0).expected());
        // and under the limit it is read
        assertEquals(6, OdsSheet.read(ods, "trials.ods", null, part -> new SheetValidator(part, Vocabulary.builtIn(),
                OutcomeMap.NONE), 1 << 20).get(0).finish().size());
    }
}
