package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem's message shows a long value (a paragraph pasted into a count cell) cut, with its length. */
class InputProblemTest {

    @Test
    void aShortValueIsShownWhole() {
        assertEquals("t.csv: row 3, column 'n_msc': found \"-3\"; expected a count",
                new InputProblem("t.csv", 3, "n_msc", "-3", "a count").message());
    }

    @Test
    void aLongValueIsCutToSixtyCharactersWithItsLength() {
        String value = "x".repeat(InputProblem.SHOWN) + "y".repeat(4940);
        String m = new InputProblem("t.csv", 2, "events_msc", value, "a count").message();
        assertEquals("t.csv: row 2, column 'events_msc': found \"" + "x".repeat(InputProblem.SHOWN)
                + "...\" (5,000 characters); expected a count", m);
    }

    @Test
    void aCharacterInTwoHalvesIsNotCutInTheMiddle() {
        String value = "a".repeat(InputProblem.SHOWN - 1) + "\uD83D\uDE00" + "b".repeat(100);
        String m = new InputProblem("t.csv", 2, "study", value, "a name").message();
        assertTrue(m.contains("found \"" + "a".repeat(InputProblem.SHOWN - 1) + "...\" (161 characters)"), m);
    }

    @Test
    void aLongValueReadFromASheetIsCutInTheRefusal(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("long.csv"), "study,outcome,events_msc,n_msc,events_control,"
                + "n_control\nA,Fever," + "9".repeat(5000) + ",20,1,20\nB,Fever,2,20,1,20\n");
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> SheetReader.withBuiltInVocabulary().read(csv, null));
        assertTrue(e.getMessage().contains("found \"" + "9".repeat(60) + "...\" (5,000 characters)"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
}
