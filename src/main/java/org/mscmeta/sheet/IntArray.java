package org.mscmeta.sheet;

import java.util.Arrays;

/** A growable array of ints, so that counts are stored without boxing. */
final class IntArray {

    private int[] data = new int[256];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    /** Room for {@code n} values in all, so that appending up to there copies nothing. */
    void reserve(int n) {
        if (n > data.length) {
            data = Arrays.copyOf(data, n);
        }
    }

    int get(int i) {
        return data[i];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
