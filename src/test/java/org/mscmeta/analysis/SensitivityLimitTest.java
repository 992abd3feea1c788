package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetBuilder;

/**
 * Beyond k = 200 under {@code --sensitivity auto} the leave-one-out and cumulative refits and the zero-event table
 * are skipped; the notice names every one it skips (it named the refits alone, and the zero-event table went without
 * a word).
 */
class SensitivityLimitTest {

    private static ExtractionSheet studies(int k, boolean zeroCells) throws Exception {
        SheetBuilder b = ExtractionSheet.builder("many");
        for (int i = 0; i < k; i++) {
            b.row().study("Trial " + i).year(2000 + i % 20).outcome("Fever")
                    .msc(zeroCells && i % 7 == 0 ? 0 : 1 + i % 5, 40).control(1 + i % 3, 40);
        }
        return b.build();
    }

    private static List<String> sensitivityNotices(Results r) {
        return r.notices().stream().filter(n -> n.category().equals("sensitivity")).map(n -> n.message()).toList();
    }

    @Test
    void theNoticeNamesTheZeroEventTableItSkips() throws Exception {
        Results zero = MetaAnalysis.run(studies(201, true), Settings.DEFAULTS.withBy(List.of()));
        assertTrue(zero.overall("Fever").zeroEvents().isEmpty());
        assertEquals(List.of("Fever: leave-one-out and cumulative analyses and the zero-event sensitivity table skipped"
                + " for k = 201 > 200 (use --sensitivity all)"), sensitivityNotices(zero));
        Results none = MetaAnalysis.run(studies(201, false), Settings.DEFAULTS.withBy(List.of()));
        assertEquals(List.of("Fever: leave-one-out and cumulative analyses skipped for k = 201 > 200 (use"
                + " --sensitivity all)"), sensitivityNotices(none), "no zero cell: no table to skip");
        Results all = MetaAnalysis.run(studies(201, true), Settings.DEFAULTS.withBy(List.of())
                .withSensitivity(SensitivityMode.ALL));
        assertEquals(6, all.overall("Fever").zeroEvents().size(), "with --sensitivity all, the table");
    }
}
