package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns mscmeta adds to the {@link SheetReader#RESULTS_DATA_SHEET} sheet of the results workbook it writes: the
 * row each input row had ({@link SheetReader#RESULTS_INPUT_ROW}), and the route and cell source as normalised beside
 * the columns as read. When that sheet is read back (a co-author's corrected copy), they are not input: they are left
 * out before the header is mapped, so that the run makes them again instead of carrying a second copy of each (and a
 * third after the next round). A normalised value that no longer agrees with its column as read was edited there
 * instead of in the column read; the edit is not read, and a notice says so. A normalised column whose column as read
 * the sheet no longer has (a co-author deleted the route as typed and kept the normalised one) is read in its place
 * ({@link #standingIn}): left out, the sheet would have no route at all.
 */
final class AddedColumns {

    private final int[] kept;
    /** The normalised route and cell source columns compared with the columns as read, or -1. */
    private final int routeAt;
    private final int sourceAt;
    /** The normalised route and cell source columns read in place of the columns as read ({@link #standingIn}), or -1. */
    private final int routeRead;
    private final int sourceRead;
    /** Rows passed to {@link #row}, with their normalised route and cell source as the sheet has them. */
    private final IntArray rows = new IntArray();
    private final List<String> routes = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

    private AddedColumns(int[] kept, int routeAt, int sourceAt, int routeRead, int sourceRead) {
        this.kept = kept;
        this.routeAt = routeAt;
        this.sourceAt = sourceAt;
        this.routeRead = routeRead;
        this.sourceRead = sourceRead;
    }

    /**
     * The added columns of {@code header} (the header row's cells), or null when none is left out: in the Data sheet
     * of a workbook mscmeta wrote ({@code ours}), each of them; in another sheet, only when it has both normalised
     * columns (a copy of such a Data sheet, saved as CSV, say), and then its 'Input row' too.
     */
    static AddedColumns of(String[] header, boolean ours) {
        int[] kept = new int[header.length];
        int n = 0;
        int routeAt = -1;
        int sourceAt = -1;
        for (int j = 0; j < header.length; j++) {
            String name = name(header, j);
            if (name.equals(SheetReader.RESULTS_ROUTE_NORMALISED)) {
                routeAt = j;
            } else if (name.equals(SheetReader.RESULTS_CELL_SOURCE_NORMALISED)) {
                sourceAt = j;
            } else if (!name.equals(SheetReader.RESULTS_INPUT_ROW)) {
                kept[n++] = j;
            }
        }
        if (n == header.length || !ours && (routeAt < 0 || sourceAt < 0)) {
            return null;
        }
        return new AddedColumns(java.util.Arrays.copyOf(kept, n), routeAt, sourceAt, -1, -1);
    }

    /**
     * These columns, with the normalised route read as the route when the columns kept name none ({@code route}
     * false: the sheet has no route as typed), and the normalised cell source likewise: it holds the values the run
     * would make from the missing column, and left out, the sheet would have none.
     */
    AddedColumns standingIn(boolean route, boolean cellSource) {
        int routeIn = !route ? routeAt : -1;
        int sourceIn = !cellSource ? sourceAt : -1;
        if (routeIn < 0 && sourceIn < 0) {
            return this;
        }
        int[] read = java.util.Arrays.copyOf(kept, kept.length + (routeIn >= 0 ? 1 : 0) + (sourceIn >= 0 ? 1 : 0));
        int n = kept.length;
        if (routeIn >= 0) {
            read[n++] = routeIn;
        }
        if (sourceIn >= 0) {
            read[n++] = sourceIn;
        }
        java.util.Arrays.sort(read);
        return new AddedColumns(read, routeIn >= 0 ? -1 : routeAt, sourceIn >= 0 ? -1 : sourceAt, routeIn, sourceIn);
    }

    /**
     * The header's {@code cells} without the added columns, a normalised column read in place of its column as read
     * named as that column ({@code route}, {@code cell_source}).
     */
    String[] header(String[] cells) {
        String[] names = keep(cells);
        for (int k = 0; k < kept.length; k++) {
            if (kept[k] == routeRead) {
                names[k] = Field.ROUTE.canonical();
            } else if (kept[k] == sourceRead) {
                names[k] = Field.CELL_SOURCE.canonical();
            }
        }
        return names;
    }

    private static String name(String[] header, int j) {
        return Blanks.strip(header[j] == null ? "" : header[j]);
    }

    /**
     * The notices of the added columns left out of {@code header} (the header row), of a results workbook's Data sheet
     * ({@code ours}) or of a sheet that looks like a copy of one, and of those read in place of a column as read.
     */
    List<Notice> notices(String file, String[] header, boolean ours) {
        List<String> names = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < header.length; j++) {
            if (k < kept.length && kept[k] == j) {
                k++;
            } else {
                names.add("'" + name(header, j) + "'");
            }
        }
        List<Notice> notices = new ArrayList<>();
        if (!names.isEmpty()) {
            notices.add(new Notice("columns", null, file + ": " + (names.size() == 1 ? "column " : "columns ")
                    + String.join(", ", names) + (names.size() == 1 ? " is" : " are") + " what mscmeta adds to the"
                    + " Data sheet of its workbook" + (ours ? "" : " (a copy of one?)") + ": not read, but made again"
                    + " by this run"));
        }
        for (int j : new int[] {routeRead, sourceRead}) {
            if (j >= 0) {
                String what = j == routeRead ? "route" : "cell source";
                notices.add(new Notice("columns", null, file + ": column '" + name(header, j) + "' was read as the "
                        + what + ", as the sheet has no " + what + " column of its own"));
            }
        }
        return notices;
    }

    /** {@code cells} without the added columns (a row shorter than the header gives empty cells). */
    String[] keep(String[] cells) {
        String[] read = new String[kept.length];
        for (int k = 0; k < kept.length; k++) {
            read[k] = kept[k] < cells.length ? cells[kept[k]] : "";
        }
        return read;
    }

    /** The sheet's column of column {@code j} of {@link #keep}'s cells. */
    int physical(int j) {
        return kept[j];
    }

    /** Keeps the normalised values of data row {@code rowNumber}, compared in {@link #disagreements}. */
    void row(int rowNumber, String[] cells) {
        rows.add(rowNumber);
        routes.add(at(cells, routeAt));
        sources.add(at(cells, sourceAt));
    }

    private static String at(String[] cells, int j) {
        return j < 0 || j >= cells.length || cells[j] == null ? null : Blanks.strip(cells[j]);
    }

    /**
     * The notices of rows whose normalised route or cell source differs from what their column as read gives
     * ({@code route}, {@code cellSource}: the run's normalised columns, for the rows {@code rowNumbers} kept; the
     * columns as read are named {@code routeColumn} and {@code sourceColumn}). A normalised column read in place of
     * its column ({@link #standingIn}) is not compared.
     */
    List<Notice> disagreements(String file, int[] rowNumbers, TextColumn route, TextColumn cellSource,
                               String routeColumn, String sourceColumn) {
        List<Notice> notices = new ArrayList<>();
        disagreement(file, rowNumbers, route, routes, routeAt, SheetReader.RESULTS_ROUTE_NORMALISED, routeColumn,
                "route", notices);
        disagreement(file, rowNumbers, cellSource, sources, sourceAt, SheetReader.RESULTS_CELL_SOURCE_NORMALISED,
                sourceColumn, "cell source", notices);
        return notices;
    }

    private void disagreement(String file, int[] rowNumbers, TextColumn made, List<String> asListed, int at,
                              String added, String column, String what, List<Notice> notices) {
        if (at < 0) {
            return;
        }
        int count = 0;
        String first = null;
        int r = 0;
        for (int i = 0; i < rowNumbers.length; i++) {
            while (r < rows.size() && rows.get(r) < rowNumbers[i]) {
                r++;
            }
            if (r == rows.size() || rows.get(r) != rowNumbers[i]) {
                continue;
            }
            String listed = asListed.get(r);
            if (listed != null && !listed.isEmpty() && !listed.equals(made.get(i))) { // blank: nothing said
                if (count++ == 0) {
                    first = "row " + rowNumbers[i] + ": '" + listed + "', where column '" + column + "' gives '"
                            + made.get(i) + "'";
                }
            }
        }
        if (count > 0) {
            notices.add(new Notice("columns", null, file + ": column '" + added + "' differs from the " + what
                    + " read in " + Notice.count(count, "row", "rows") + " (first: " + first + "). '" + added
                    + "' is made again from column '" + column + "' on every run, and was not read: correct the "
                    + what + " there"));
        }
    }
}
