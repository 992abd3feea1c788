package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The merged cells of a worksheet's data rows, read as the sheet shows them: every row and column a merged cell
 * spans gets its value. An extraction sheet often merges a study's label (and its year, route or arm sizes) down
 * the rows of its outcomes; the file holds the value in the merged cell's first cell only, and its other cells are
 * empty (or, when LibreOffice was told to keep them, hold values no one sees). Merged cells that begin at or above
 * the header row are left as they are: they are titles, or a header of two rows.
 */
final class MergedCells {

    /** No merged cell. */
    static final MergedCells NONE = new MergedCells(List.of(), 1);

    /** The merged cells that begin below the header, by first row (0-based, as POI counts). */
    private final List<CellRangeAddress> ranges;
    /** The value of each range, once its first row was read. */
    private final String[] values;
    /** The ranges that reach the row being read, by index; the next range to begin. */
    private final List<Integer> active = new ArrayList<>();
    private int next;

    /**
     * @param ranges    a sheet's merged cells
     * @param headerRow the header's row, 1-based
     */
    MergedCells(List<CellRangeAddress> ranges, int headerRow) {
        List<CellRangeAddress> data = new ArrayList<>();
        for (CellRangeAddress r : ranges) {
            if (r.getFirstRow() + 1 > headerRow && r.getNumberOfCells() > 1) {
                data.add(r);
            }
        }
        data.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
        this.ranges = List.copyOf(data);
        this.values = new String[data.size()];
    }

    /** Whether any merged cell spans data rows. */
    boolean any() {
        return !ranges.isEmpty();
    }

    /** How many merged cells span data rows. */
    int count() {
        return ranges.size();
    }

    /** The first of them as a spreadsheet writes it, e.g. "A2:A4". */
    String first() {
        return ranges.get(0).formatAsString();
    }

    /**
     * The cells of row {@code row} (1-based), with each cell that a merged cell covers given that merged cell's value
     * (which its first row holds, read before the others: rows are read in order).
     */
    String[] fill(int row, String[] cells) {
        int r = row - 1;
        while (next < ranges.size() && ranges.get(next).getFirstRow() <= r) {
            active.add(next++);
        }
        active.removeIf(i -> ranges.get(i).getLastRow() < r);
        String[] out = cells;
        for (int i : active) {
            CellRangeAddress range = ranges.get(i);
            int first = range.getFirstColumn();
            if (r == range.getFirstRow()) {
                values[i] = first < cells.length ? cells[first] : "";
            }
            String v = values[i];
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (out.length <= range.getLastColumn()) {
                String[] longer = java.util.Arrays.copyOf(out, range.getLastColumn() + 1);
                java.util.Arrays.fill(longer, out.length, longer.length, "");
                out = longer;
            } else if (out == cells) {
                out = cells.clone();
            }
            for (int c = first; c <= range.getLastColumn(); c++) {
                out[c] = v;
            }
        }
        return out;
    }
}
