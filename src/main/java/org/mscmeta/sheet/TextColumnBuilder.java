package org.mscmeta.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accumulates a {@link TextColumn} row by row. */
final class TextColumnBuilder {

    private final String name;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private int[] codes = new int[256];
    private int size;

    TextColumnBuilder(String name) {
        this.name = name;
    }

    /** Appends a value and returns its code. */
    int add(String value) {
        Integer code = index.get(value);
        if (code == null) {
            code = levels.size();
            levels.add(value);
            index.put(value, code);
        }
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
        }
        codes[size++] = code;
        return code;
    }

    TextColumn build() {
        return new TextColumn(name, List.copyOf(levels), Arrays.copyOf(codes, size));
    }
}
