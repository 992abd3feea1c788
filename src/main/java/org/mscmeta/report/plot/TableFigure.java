package org.mscmeta.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A table drawn as a figure (the summary of findings): a title, a heading row, rows of wrapped cells and footnotes,
 * laid out at a journal's size with every column as wide as its text needs up to a share of the page, and split into
 * pages no taller than a page.
 */
final class TableFigure {

    private final String title;
    private final String[] headings;
    private final List<String[]> rows;
    private final List<String> footnotes;

    TableFigure(String title, String[] headings, List<String[]> rows, List<String> footnotes) {
        this.title = title;
        this.headings = headings;
        this.rows = List.copyOf(rows);
        this.footnotes = List.copyOf(footnotes);
    }

    /** The pages at {@code size}. */
    List<Drawing> pages(PlotSize size) {
        double width = size.width();
        double margin = 8.5;
        double fs = size.textPt();
        Font font = Text.font((float) fs, false);
        Font bold = Text.font((float) fs, true);
        Font titleFont = Text.font((float) (fs + 1.5), true);
        double line = fs * 1.3;
        double gap = 6;
        int n = headings.length;
        double inner = width - 2 * margin - gap * (n - 1);
        // each column's natural width (its longest cell, its heading's longest word); the columns of numbers get
        // theirs (their headings may wrap), the first (the labels) what is left, and wraps its labels
        double[] want = new double[n];
        double[] cellWidth = new double[n];
        double[] least = new double[n];
        for (int j = 0; j < n; j++) {
            for (String word : headings[j].split(" ")) {
                least[j] = Math.max(least[j], Text.width(word, bold));
            }
            for (String[] r : rows) {
                if (spanned(r, j) == 0) { // a cell running on into empty cells (a sentence) does not size its column
                    cellWidth[j] = Math.max(cellWidth[j], Text.width(r[j], font));
                }
                for (String word : r[j].split(" ")) {
                    least[j] = Math.max(least[j], Text.width(word, font));
                }
            }
            cellWidth[j] = Math.max(cellWidth[j], least[j]);
            want[j] = Math.max(cellWidth[j], Text.width(headings[j], bold));
        }
        double[] w = new double[n];
        double total = 0;
        double numbers = 0;
        for (int j = 0; j < n; j++) {
            total += want[j];
            numbers += j == 0 ? 0 : cellWidth[j];
        }
        if (total <= inner) {
            System.arraycopy(want, 0, w, 0, n);
            w[0] += inner - total;
        } else if (numbers + least[0] <= inner) {
            // the numbers whole; then the headings of the numbers and the labels share what is left, by need
            double left = inner - numbers;
            double need = want[0];
            for (int j = 1; j < n; j++) {
                need += want[j] - cellWidth[j];
            }
            double share = Math.min(1, left / need);
            w[0] = Math.max(least[0], want[0] * share);
            double rest = left - w[0];
            double headNeed = need - want[0];
            for (int j = 1; j < n; j++) {
                w[j] = cellWidth[j] + (headNeed <= 0 ? 0 : rest * (want[j] - cellWidth[j]) / headNeed);
            }
        } else {
            double floor = 0;
            for (double v : least) {
                floor += v;
            }
            for (int j = 0; j < n; j++) {
                w[j] = floor >= inner ? inner * least[j] / floor
                        : least[j] + (inner - floor) * (want[j] - least[j]) / Math.max(total - floor, 1e-9);
            }
        }
        double[] x = new double[n];
        x[0] = margin;
        for (int j = 1; j < n; j++) {
            x[j] = x[j - 1] + w[j - 1] + gap;
        }
        List<List<String>> headLines = new ArrayList<>();
        int headHeight = 1;
        for (int j = 0; j < n; j++) {
            headLines.add(Text.wrap(headings[j], bold, w[j]));
            headHeight = Math.max(headHeight, headLines.get(j).size());
        }
        List<List<List<String>>> cellLines = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        for (String[] r : rows) {
            List<List<String>> cells = new ArrayList<>();
            int h = 1;
            for (int j = 0; j < n; j++) {
                int m = spanned(r, j);
                cells.add(Text.wrap(r[j], font, x[j + m] + w[j + m] - x[j]));
                h = Math.max(h, cells.get(j).size());
            }
            cellLines.add(cells);
            heights.add(h * line + 3);
        }
        List<String> notes = new ArrayList<>();
        for (String f : footnotes) {
            notes.addAll(Text.wrap(f, font, width - 2 * margin));
        }
        List<String> titleLines = Text.wrap(title + " (page 10 of 10)", titleFont, width - 2 * margin);
        double fixed = 2 * margin + titleLines.size() * (fs + 3) + 6 + headHeight * line + 6 + notes.size() * line + 4;
        double room = Math.max(size.pageHeight() - fixed, 3 * line);
        List<List<Integer>> split = new ArrayList<>();
        List<Integer> page = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!page.isEmpty() && used + heights.get(i) > room) {
                split.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(i);
            used += heights.get(i);
        }
        split.add(page);
        List<Drawing> pages = new ArrayList<>();
        for (int p = 0; p < split.size(); p++) {
            List<Integer> mine = split.get(p);
            String t = split.size() > 1 ? title + " (page " + (p + 1) + " of " + split.size() + ")" : title;
            List<String> tl = Text.wrap(t, titleFont, width - 2 * margin);
            int fh = headHeight;
            double body = 0;
            for (int i : mine) {
                body += heights.get(i);
            }
            double height = 2 * margin + tl.size() * (fs + 3) + 6 + fh * line + 6 + body + notes.size() * line + 4;
            pages.add(new Drawing() {
                @Override
                public double width() {
                    return width;
                }

                @Override
                public double height() {
                    return height;
                }

                @Override
                public void draw(Graphics2D g) {
                    g.setColor(Color.BLACK);
                    double y = margin;
                    g.setFont(titleFont);
                    for (String s : tl) {
                        y += fs + 3;
                        Text.draw(g, s, margin, y - 2);
                    }
                    y += 6;
                    g.setFont(bold);
                    for (int j = 0; j < n; j++) {
                        for (int l = 0; l < headLines.get(j).size(); l++) {
                            Text.draw(g, headLines.get(j).get(l), x[j], y + fs + l * line);
                        }
                    }
                    y += fh * line + 3;
                    g.setColor(new Color(120, 120, 120));
                    g.setStroke(new BasicStroke(0.6f));
                    g.draw(new Line2D.Double(margin, y, width - margin, y));
                    y += 3;
                    g.setColor(Color.BLACK);
                    g.setFont(font);
                    for (int i : mine) {
                        List<List<String>> cells = cellLines.get(i);
                        for (int j = 0; j < n; j++) {
                            for (int l = 0; l < cells.get(j).size(); l++) {
                                Text.draw(g, cells.get(j).get(l), x[j], y + fs + l * line);
                            }
                        }
                        y += heights.get(i);
                    }
                    g.setColor(new Color(120, 120, 120));
                    g.draw(new Line2D.Double(margin, y, width - margin, y));
                    g.setColor(Color.BLACK);
                    y += 2;
                    for (String s : notes) {
                        y += line;
                        Text.draw(g, s, margin, y - line + fs);
                    }
                }
            });
        }
        return pages;
    }

    /** How many empty cells follow cell {@code j} of {@code row} to the row's end: the cell runs on into them. */
    private static int spanned(String[] row, int j) {
        if (row[j].isEmpty()) {
            return 0;
        }
        int m = 0;
        while (j + m + 1 < row.length && row[j + m + 1].isEmpty()) {
            m++;
        }
        return j + m + 1 == row.length ? m : 0;
    }
}
