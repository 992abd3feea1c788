package org.mscmeta.sheet;

import java.util.Arrays;
import java.util.List;

/**
 * Accumulates a {@link TextColumn} row by row. Values are interned into the column's levels either from a
 * String or straight from the parser's character buffer, so that a repeated value (the usual case: outcomes,
 * routes, counts) costs a hash and a comparison but no String. The table is open addressing on the levels'
 * String hash codes.
 */
final class TextColumnBuilder {

    private final String name;
    /** The levels' texts by code, {@link #levelCount} of them. */
    private String[] levels = new String[16];
    private int levelCount;
    /** Each level's characters, compared with the parser's buffer ({@link #sameChars}). */
    private char[][] levelChars = new char[16][];
    private int[] levelHash = new int[16];
    /** code + 1 of the level in each slot, 0 when empty; the length is a power of two. */
    private int[] slots = new int[32];
    private int[] codes = new int[256];
    private int size;
    /** The code {@link #intern(char[], int, int)} returned last: sheets sorted by study repeat it row after row. */
    private int last = -1;
    /** Whether some rows' codes were replaced ({@link #levelsRemapped}). */
    private boolean remapped;

    TextColumnBuilder(String name) {
        this.name = name;
    }

    /** Appends a value and returns its code. */
    int add(String value) {
        int code = intern(value);
        append(code);
        return code;
    }

    /** Room for {@code n} rows in all, so that appending up to there copies nothing. */
    void reserve(int n) {
        if (n > codes.length) {
            codes = Arrays.copyOf(codes, n);
        }
    }

    /** Appends the code of a level (from {@link #intern}). */
    void append(int code) {
        if (size == codes.length) {
            codes = Arrays.copyOf(codes, size * 2);
        }
        codes[size++] = code;
    }

    /** The code of {@code value}, added as a new level if it is not one yet. */
    int intern(String value) {
        int h = value.hashCode();
        int mask = slots.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return newLevel(value, h, i);
            }
            if (levelHash[s - 1] == h && levels[s - 1].equals(value)) {
                return s - 1;
            }
        }
    }

    /** The code of the characters {@code buf[off, off + len)}, added as a new level if they are not one yet. */
    int intern(char[] buf, int off, int len) {
        if (last >= 0 && sameChars(levelChars[last], buf, off, len)) {
            return last;
        }
        last = find(buf, off, len);
        return last;
    }

    private int find(char[] buf, int off, int len) {
        int h = 0;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + buf[k];
        }
        int mask = slots.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return newLevel(new String(buf, off, len), h, i);
            }
            if (levelHash[s - 1] == h && sameChars(levelChars[s - 1], buf, off, len)) {
                return s - 1;
            }
        }
    }

    /** The text of a level. */
    String level(int code) {
        return levels[code];
    }

    /** Number of levels so far. */
    int levelCount() {
        return levelCount;
    }

    /**
     * Whether a level's characters are {@code buf[off, off + len)}: a plain loop, since cells are short and the quick
     * compiler the command line runs with does not vectorise {@code Arrays.equals} (whose range checks and mismatch
     * search cost more than the compare on ten characters).
     */
    private static boolean sameChars(char[] level, char[] buf, int off, int len) {
        if (level.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (level[k] != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private int newLevel(String value, int h, int slot) {
        int code = levelCount++;
        if (code == levelHash.length) {
            levels = Arrays.copyOf(levels, code * 2);
            levelHash = Arrays.copyOf(levelHash, code * 2);
            levelChars = Arrays.copyOf(levelChars, code * 2);
        }
        levels[code] = value;
        levelChars[code] = value.toCharArray();
        levelHash[code] = h;
        slots[slot] = code + 1;
        if (2 * levelCount > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int code = 0; code < levelCount; code++) {
            int i = mix(levelHash[code]) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = code + 1;
        }
    }

    /** Takes back the row appended last. */
    void dropLast() {
        size--;
    }

    /**
     * Some rows' codes were replaced by other levels' (a label read with spaces for its control characters): the
     * column is built with only the levels its rows hold.
     */
    void levelsRemapped() {
        remapped = true;
    }

    TextColumn build() {
        if (remapped) {
            return compacted();
        }
        return new TextColumn(name, List.of(Arrays.copyOf(levels, levelCount)), Arrays.copyOf(codes, size));
    }

    /** The column with the levels its rows hold, in the order of their first row. */
    private TextColumn compacted() {
        int[] next = new int[levelCount];
        Arrays.fill(next, -1);
        List<String> kept = new java.util.ArrayList<>();
        int[] out = new int[size];
        for (int r = 0; r < size; r++) {
            int c = codes[r];
            if (next[c] < 0) {
                next[c] = kept.size();
                kept.add(levels[c]);
            }
            out[r] = next[c];
        }
        return new TextColumn(name, List.copyOf(kept), out);
    }
}
