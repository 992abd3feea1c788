package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ModeratorDesignTest {

    /**
     * A moderator column is numeric when every value is a number as people write one; "5d" (a dose in days) or "2f"
     * is text, so the column is a factor, where Java's reading of literals had made them 5 and 2.
     */
    @Test
    void aNumericModeratorsValuesAreDecimalNumbersOnly() {
        assertEquals(1e6, ModeratorDesign.number("1e6"));
        assertEquals(2.5, ModeratorDesign.number(" 2.5 "));
        assertEquals(-0.5, ModeratorDesign.number("-.5"));
        assertNull(ModeratorDesign.number("5d"));
        assertNull(ModeratorDesign.number("2f"));
        assertNull(ModeratorDesign.number("0x1p3"));
        assertNull(ModeratorDesign.number("NaN"));
        assertNull(ModeratorDesign.number("Infinity"));
        assertNull(ModeratorDesign.number("1e999"));
        assertNull(ModeratorDesign.number(""));
    }
}
