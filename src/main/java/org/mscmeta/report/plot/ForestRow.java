package org.mscmeta.report.plot;

/**
 * One row of a forest plot, on the natural scale (ratios or differences), already formatted for the table.
 *
 * @param kind     what the row draws
 * @param label    first-column text
 * @param cells    the five numeric table columns (events, total, events, total, weight or k); may be blank
 * @param estText  the estimate-and-CI column, e.g. {@code 0.85 [0.62, 1.17]} or {@code Not estimable}
 * @param est      point estimate (NaN: no marker)
 * @param lo       lower limit
 * @param hi       upper limit
 * @param weight   weight in percent, for the square's size (NaN: standard size)
 * @param style    0 = default; for totals 0 common, 1 random
 */
record ForestRow(Kind kind, String label, String[] cells, String estText, double est, double lo, double hi,
                 double weight, int style) {

    enum Kind { GROUP, STUDY, TOTAL, PREDICTION, NOTE, BLANK }

    static ForestRow blank() {
        return new ForestRow(Kind.BLANK, "", new String[5], "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    static ForestRow note(String text) {
        return new ForestRow(Kind.NOTE, text, new String[5], "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    static ForestRow group(String text) {
        return new ForestRow(Kind.GROUP, text, new String[5], "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
