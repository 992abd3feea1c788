package org.mscmeta.effect;

/**
 * The 2x2 tables of k studies as primitive arrays: events and participants per arm.
 * Arrays are owned by this record and must not be modified after construction.
 *
 * @param a  events in the MSC arm (metafor's {@code ai})
 * @param n1 participants at risk in the MSC arm ({@code n1i})
 * @param c  events in the control arm ({@code ci})
 * @param n2 participants at risk in the control arm ({@code n2i})
 */
public record TwoByTwo(int[] a, int[] n1, int[] c, int[] n2) {

    public TwoByTwo {
        int k = a.length;
        if (n1.length != k || c.length != k || n2.length != k) {
            throw new IllegalArgumentException("arrays of a 2x2 table set must have equal length");
        }
    }

    /** Number of studies. */
    public int k() {
        return a.length;
    }

    /** True when study i has no events in both arms, or only events in both arms (metafor's drop00). */
    public boolean isDoubleZero(int i) {
        return (a[i] == 0 && c[i] == 0) || (a[i] == n1[i] && c[i] == n2[i]);
    }

    /** Puts study i's counts into the variables {@code A, N1, C, N2} of an {@link Expr} ({@code v} by ordinal). */
    void load(int i, double[] v) {
        v[0] = a[i];
        v[1] = n1[i];
        v[2] = c[i];
        v[3] = n2[i];
    }

    /** True when study i has a zero cell (events or non-events) in either arm. */
    public boolean hasZeroCell(int i) {
        return a[i] == 0 || c[i] == 0 || a[i] == n1[i] || c[i] == n2[i];
    }
}
