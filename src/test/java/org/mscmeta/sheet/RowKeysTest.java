package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both ways of keying rows for the duplicate check: equal keys exactly for equal (study, year, trial, outcome). */
class RowKeysTest {

    @Test
    void mixedRadixAndRankedKeysAgreeWithTheTuples() {
        Random r = new Random(17);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            int[][] ids = new int[4][n];
            for (int[] column : ids) {
                int levels = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    column[i] = r.nextInt(levels);
                }
            }
            for (boolean ranked : new boolean[] {false, true}) {
                long[] key = DuplicateRows.rowKeys(ids[0], ids[1], ids[2], ids[3], ranked);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        boolean same = ids[0][i] == ids[0][j] && ids[1][i] == ids[1][j] && ids[2][i] == ids[2][j]
                                && ids[3][i] == ids[3][j];
                        assertEquals(same, key[i] == key[j], "trial " + trial + " ranked " + ranked + " rows "
                                + i + ", " + j + " " + Arrays.toString(new int[] {ids[0][i], ids[0][j]}));
                    }
                }
            }
        }
    }
}
