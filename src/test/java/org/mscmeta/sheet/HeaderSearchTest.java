package org.mscmeta.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The header of one row, or of group names over column names, as extraction sheets lay it out. */
class HeaderSearchTest {

    @Test
    void groupNamesReachOverTheNamedColumnsToTheirRight() {
        assertArrayEquals(new String[] {"Study", "Outcome", "MSC Events", "MSC Total", "Control Events", "Control N"},
                HeaderSearch.names(new String[] {"Study", "Outcome", "MSC", "", "Control"},
                        new String[] {"", "", "Events", "Total", "Events", "N"}));
        // the other way round: the count over the arm
        assertArrayEquals(new String[] {"Study", "Outcome", "Events MSC", "Events Control", "Total MSC",
            "Total Control"}, HeaderSearch.names(new String[] {"Study", "Outcome", "Events", "", "Total", ""},
                new String[] {"", "", "MSC", "Control", "MSC", "Control"}));
        // a column without a name below stops a group: "Notes" is not "MSC Notes"
        assertArrayEquals(new String[] {"MSC Events", "MSC Total", "", "Notes"},
                HeaderSearch.names(new String[] {"MSC", "", ""}, new String[] {"Events", "Total", "", "Notes"}));
    }

    @Test
    void theFirstRowNamingTheColumnsOrTwoRowsTogetherAreTheHeader() {
        HeaderSearch one = new HeaderSearch();
        assertFalse(one.offer(1, new String[] {"Table 2: adverse events"}).any());
        HeaderSearch.Found f = one.offer(2, new String[] {"study", "outcome", "events_msc", "n_msc"});
        assertEquals(new HeaderSearch.Found(2, false), f);
        assertEquals(2, f.first());

        HeaderSearch two = new HeaderSearch();
        assertFalse(two.offer(1, new String[] {"Study", "Outcome", "MSC", ""}).any());
        f = two.offer(2, new String[] {"", "", "Events", "Total"});
        assertEquals(new HeaderSearch.Found(2, true), f);
        assertEquals(1, f.first());

        // rows that are not next to each other (a workbook leaves a blank row out of its file) are not one header
        HeaderSearch apart = new HeaderSearch();
        assertFalse(apart.offer(1, new String[] {"Study", "Outcome", "MSC", ""}).any());
        assertFalse(apart.offer(3, new String[] {"", "", "Events", "Total"}).any());
        assertTrue(HeaderSearch.Found.NONE.row() < 0);
    }
}
