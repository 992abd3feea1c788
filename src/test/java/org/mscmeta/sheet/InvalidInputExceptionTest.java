package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of problems a refusal prints: a column wrong in every row is shown by three rows and a count. */
class InvalidInputExceptionTest {

    private static final String NL = System.lineSeparator();
    private static final String COUNT = "a whole number of participants with the event, 0 or more";

    private static InputProblem bad(int row, String column) {
        return new InputProblem("t.csv", row, column, "x", COUNT);
    }

    @Test
    void aColumnWrongInEveryRowIsShownByThreeRowsAndTheRestCounted() {
        List<InputProblem> p = new ArrayList<>();
        for (int row = 2; row <= 501; row++) {
            p.add(bad(row, "events_msc"));
        }
        String m = new InvalidInputException(p, 1000).getMessage();
        assertEquals("1000 problems in the input:" + NL
                + "  t.csv: row 2, column 'events_msc': found \"x\"; expected " + COUNT + NL
                + "  t.csv: row 3, column 'events_msc': found \"x\"; expected " + COUNT + NL
                + "  t.csv: row 4, column 'events_msc': found \"x\"; expected " + COUNT + NL
                + "  t.csv, column 'events_msc': the same problem in 497 more rows (5-501)" + NL
                + "  ... and 500 more", m);
    }

    @Test
    void problemsOfKindsSeenAFewTimesStayOneALineInRowOrder() {
        List<InputProblem> p = List.of(bad(2, "events_msc"), bad(2, "events_control"), bad(3, "events_msc"),
                bad(3, "events_control"), bad(4, "events_msc"), bad(5, "events_msc"));
        String m = new InvalidInputException(p, p.size()).getMessage();
        List<String> lines = m.lines().skip(1).map(String::strip).toList();
        assertEquals(6, lines.size(), m);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.get(i).message(), lines.get(i));
        }
    }

    @Test
    void theRowsCountedAreGivenAsRanges() {
        List<InputProblem> p = new ArrayList<>();
        for (int row : new int[] {2, 3, 4, 7, 8, 9, 12, 20, 21, 30, 40, 50, 60, 70, 80, 90, 100}) {
            p.add(bad(row, "n_msc"));
        }
        List<String> lines = new InvalidInputException(p, p.size()).getMessage().lines().toList();
        assertEquals("  t.csv, column 'n_msc': the same problem in 14 more rows (7-9, 12, 20-21, 30, 40, 50, 60, 70,"
                + " ...)", lines.get(4));
        assertEquals(5, lines.size());
    }
}
