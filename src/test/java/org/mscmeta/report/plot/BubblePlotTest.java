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

    /**
     * The effect axis of a proportion is in the units it is labelled with: logit proportions on a logit axis labelled
     * in proportions, as the funnel plot's (it was a linear axis of logits, -4 to 0, titled "Proportion"), and the
     * Freeman-Tukey double arcsine titled as such.
     */
    @Test
    void aProportionsAxisIsInTheUnitsItIsLabelledWith() throws Exception {
        var sheet = SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"), null);
        Settings plogit = Settings.DEFAULTS.withOutcome("Death").withModerators(List.of("year"))
                .withMeasure(org.mscmeta.effect.Measure.PLOGIT).withMethod(Method.IV);
        DrawingInspector g = DrawingInspector.of(Plots.bubbles(MetaAnalysis.run(sheet, plogit), "Death").get(0)
                .pages().get(0));
        String all = g.allText().replaceAll("\\s+", " ");
        assertTrue(all.contains("Proportion (logit scale)"), all);
        // Lee 2010, the one study of 2010 (4 of 16 MSC recipients died: 0.25), lies between the ticks 0.2 and 0.3
        double lee = Double.NaN;
        double leftmost = Double.POSITIVE_INFINITY;
        for (DrawingInspector.Fill f : g.fills) {
            if (f.shape() instanceof java.awt.geom.Path2D && f.bounds().getWidth() < 40
                    && Math.abs(f.bounds().getWidth() - f.bounds().getHeight()) < 1e-6
                    && f.bounds().getCenterX() < leftmost) {
                leftmost = f.bounds().getCenterX();
                lee = f.bounds().getCenterY();
            }
        }
        double tick02 = tickY(g, "0.2");
        double tick03 = tickY(g, "0.3");
        assertTrue(lee < tick02 && lee > tick03, "0.25 between the ticks: " + tick02 + " > " + lee + " > " + tick03);
        g = DrawingInspector.of(Plots.bubbles(MetaAnalysis.run(sheet, plogit.withMeasure(
                org.mscmeta.effect.Measure.PFT)), "Death").get(0).pages().get(0));
        all = g.allText().replaceAll("\\s+", " ");
        assertTrue(all.contains("Freeman-Tukey double arcsine of the proportion")
                && all.contains("Fitted Freeman-Tukey double arcsine of the proportion with its 95% confidence band"),
                all);
    }

    /** The vertical centre of the tick label {@code label} (a y-axis label: the x axis has years). */
    private static double tickY(DrawingInspector g, String label) {
        for (DrawingInspector.TextBox t : g.texts) {
            if (t.text().equals(label)) {
                return t.box().getCenterY();
            }
        }
        throw new AssertionError("no tick " + label + ": " + g.allText());
    }
}
