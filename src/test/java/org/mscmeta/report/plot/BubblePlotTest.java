package org.mscmeta.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.sheet.SheetReader;
import org.mscmeta.testing.ReferenceCases;

/** The bubble plot's legend says how many studies the regression has, and why the others are not drawn. */
class BubblePlotTest {

    private static String legend(Results r, String outcome) {
        List<String> texts = new ArrayList<>();
        for (Figure f : Plots.bubbles(r, outcome)) {
            for (Drawing page : f.pages()) {
                texts.add(DrawingInspector.of(page).allText());
            }
        }
        assertEquals(1, texts.size(), texts.toString());
        return texts.get(0).replaceAll("\\s+", " ");
    }

    @Test
    void studiesWithoutTheModeratorAreCountedOut() throws Exception {
        // Rebelatto has no year: the regression of death on year has 9 of its 10 studies
        Results example = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                Path.of("examples/msc_adverse_events.csv"), null), Settings.DEFAULTS.withOutcome("Death")
                .withModerators(List.of("year")));
        assertEquals(10, example.overall("Death").k());
        String death = legend(example, "Death");
        assertTrue(death.contains("k = 9 of the outcome's 10 studies (the other has no value of year)"), death);
        Results bcg = MetaAnalysis.run(SheetReader.withBuiltInVocabulary().read(
                ReferenceCases.resource("data/bcg.csv"), null), Settings.DEFAULTS.withMethod(Method.IV)
                .withModerators(List.of("ablat")));
        String outcome = bcg.analyses().get(0).outcome();
        String all = legend(bcg, outcome);
        assertTrue(all.contains("k = 13 studies"), all);
    }
}
