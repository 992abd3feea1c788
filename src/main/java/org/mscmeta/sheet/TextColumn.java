package org.mscmeta.sheet;

import java.util.Arrays;
import java.util.List;

/**
 * A column of text values, dictionary-encoded: each row holds a code into {@code levels}, which are kept in
 * order of first appearance. Repeated values (outcome, route, condition, source) cost one int per row.
 *
 * @param name   column name as written in the header (or a derived name such as {@code route})
 * @param levels distinct values in order of first appearance
 * @param codes  per row, the index of its value in {@code levels}
 */
public record TextColumn(String name, List<String> levels, int[] codes) {

    /** The value in row index {@code i} (0-based data row). */
    public String get(int i) {
        return levels.get(codes[i]);
    }

    /** Number of rows. */
    public int size() {
        return codes.length;
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + levels.size() + " levels, " + codes.length + " rows]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn t && t.name.equals(name) && t.levels.equals(levels)
                && Arrays.equals(t.codes, codes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(codes);
    }
}
