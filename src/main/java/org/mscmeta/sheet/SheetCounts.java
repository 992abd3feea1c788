package org.mscmeta.sheet;

import java.util.List;
import java.util.Map;

/**
 * The numbers of the rows of an extraction sheet made from the rows of others (the sheets of a workbook joined,
 * {@link SheetParts}; the arms of a study paired, {@link ArmRows}): each row's spreadsheet row, counts and year,
 * copied row by row.
 */
final class SheetCounts {

    final int[] rowNumber;
    final int[] eventsMsc;
    final int[] nMsc;
    final int[] eventsControl;
    final int[] nControl;
    final int[] year;

    SheetCounts(int rows) {
        rowNumber = new int[rows];
        eventsMsc = new int[rows];
        nMsc = new int[rows];
        eventsControl = new int[rows];
        nControl = new int[rows];
        year = new int[rows];
    }

    /** Row {@code to} is row {@code i} of {@code from}. */
    void copy(int to, ExtractionSheet from, int i) {
        rowNumber[to] = from.rowNumber()[i];
        eventsMsc[to] = from.eventsMsc()[i];
        nMsc[to] = from.nMsc()[i];
        eventsControl[to] = from.eventsControl()[i];
        nControl[to] = from.nControl()[i];
        year[to] = from.year()[i];
    }

    /** The sheet of these numbers and the given text columns. */
    ExtractionSheet sheet(String file, TextColumn study, TextColumn outcome, TextColumn route, TextColumn cellSource,
                          List<TextColumn> columns, Map<Field, Integer> fieldColumns, List<Notice> notices) {
        return new ExtractionSheet(file, rowNumber, eventsMsc, nMsc, eventsControl, nControl, study, outcome, year,
                route, cellSource, List.copyOf(columns), fieldColumns, List.copyOf(notices));
    }
}
