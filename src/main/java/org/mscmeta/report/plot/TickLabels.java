package org.mscmeta.report.plot;

/**
 * Which ticks of an axis carry their label: every {@code stride}-th one counted from an anchor tick (the line of no
 * effect), with the smallest stride at which no two labels touch. The labels shown are then as regular as the ticks
 * (0.01, 1, 100), not whatever a left-to-right pass kept after collisions (0.001, 0.1, 1, 10, 100 without 0.01 and
 * 1000; a funnel's 0.1, 0.5, 2, 10 without 1).
 */
final class TickLabels {

    private final int anchor;
    private final int stride;

    /**
     * @param ticks  tick positions, ascending, in any scale
     * @param anchor the position whose tick is always labelled (when there is one; else the first)
     * @param lefts  each label's left edge, in drawing units
     * @param widths each label's width
     */
    TickLabels(double[] ticks, double anchor, double[] lefts, double[] widths) {
        int a = 0;
        for (int i = 0; i < ticks.length; i++) {
            if (Math.abs(ticks[i] - anchor) < 1e-12) {
                a = i;
            }
        }
        this.anchor = a;
        int s = 1;
        while (s < ticks.length && !fits(s, lefts, widths)) {
            s++;
        }
        this.stride = s;
    }

    private boolean fits(int s, double[] lefts, double[] widths) {
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lefts.length; i++) {
            if (shown(i, s)) {
                if (lefts[i] <= lastRight + 2) {
                    return false;
                }
                lastRight = lefts[i] + widths[i];
            }
        }
        return true;
    }

    private boolean shown(int i, int s) {
        return Math.floorMod(i - anchor, s) == 0;
    }

    /** Whether tick {@code i} carries its label. */
    boolean shown(int i) {
        return shown(i, stride);
    }
}
