package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetBuilder;
import org.mscmeta.sheet.SheetReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GRADE summary-of-findings rows against values computed in R from metafor's pooled estimates
 * ({@code reference-extra/sof_cases.json}, src/test/r/sof_reference.R): the median control-arm risk, a given one, and
 * the pooled control-arm risk of a rare-event outcome whose median is 0; RR, OR and RD.
 */
class SummaryOfFindingsReferenceTest {

    private static final Path RESOURCES = Path.of("src/test/resources");

    private static void close(JsonNode expected, String field, double actual, String name) {
        double e = expected.get(field).asDouble();
        assertEquals(e, actual, 1e-6 * Math.max(1, Math.abs(e)), name + ": " + field);
    }

    @Test
    void rowsAgreeWithMetaforsEstimates() throws Exception {
        JsonNode cases = JsonMapper.builder().build()
                .readTree(RESOURCES.resolve("reference-extra/sof_cases.json").toFile()).get("cases");
        assertEquals(5, cases.size());
        for (JsonNode c : cases) {
            String name = c.get("name").asString();
            ExtractionSheet sheet = SheetReader.withBuiltInVocabulary()
                    .read(RESOURCES.resolve(c.get("input").asString()), null);
            Settings s = Settings.DEFAULTS.withMeasure(Measure.valueOf(c.get("measure").asString()))
                    .withTau2(TauSquared.valueOf(c.get("tau2").asString())).withBy(List.of());
            if (!c.get("control_risk_given").isNull()) {
                s = s.withControlRisk(c.get("control_risk_given").asDouble());
            }
            Results r = MetaAnalysis.run(sheet, s);
            SummaryOfFindings f = r.overall(r.outcomes().get(0)).summaryOfFindings();
            JsonNode e = c.get("expected");
            assertTrue(f.isEstimable(), name + ": " + f.notEstimable());
            assertEquals("random", f.model(), name);
            assertEquals(e.get("studies").asInt(), f.studies(), name);
            assertEquals(e.get("participants").asLong(), f.participants(), name);
            assertEquals(e.get("control_risk_source").asString(),
                    f.controlRiskSource().name().toLowerCase(Locale.ROOT), name);
            for (String field : List.of("relative", "relative_ci_lower", "relative_ci_upper", "control_risk",
                    "msc_per_1000", "msc_per_1000_ci_lower", "msc_per_1000_ci_upper", "difference_per_1000",
                    "difference_per_1000_ci_lower", "difference_per_1000_ci_upper")) {
                close(e, field, value(f, field), name);
            }
        }
    }

    private static double value(SummaryOfFindings f, String field) {
        return switch (field) {
            case "relative" -> f.relative();
            case "relative_ci_lower" -> f.relativeLower();
            case "relative_ci_upper" -> f.relativeUpper();
            case "control_risk" -> f.controlRisk();
            case "msc_per_1000" -> f.mscPer1000();
            case "msc_per_1000_ci_lower" -> f.mscLower();
            case "msc_per_1000_ci_upper" -> f.mscUpper();
            case "difference_per_1000" -> f.differencePer1000();
            case "difference_per_1000_ci_lower" -> f.differenceLower();
            case "difference_per_1000_ci_upper" -> f.differenceUpper();
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void withoutAnyControlEventTheAbsoluteEffectsAreNotEstimableAndSayWhy() throws Exception {
        SheetBuilder b = ExtractionSheet.builder("no control events");
        b.row().study("A 2010").outcome("Pneumonia").msc(2, 30).control(0, 30);
        b.row().study("B 2012").outcome("Pneumonia").msc(1, 20).control(0, 22);
        b.row().study("C 2015").outcome("Pneumonia").msc(3, 40).control(0, 41);
        ExtractionSheet sheet = b.build();
        SummaryOfFindings f = MetaAnalysis.run(sheet, Settings.DEFAULTS).overall("Pneumonia").summaryOfFindings();
        assertTrue(Double.isFinite(f.relative()), "the relative effect stays");
        assertTrue(!f.isEstimable() && f.notEstimable().endsWith("no assumed control risk was given for this review"),
                f.notEstimable());
        assertTrue(Double.isNaN(f.mscPer1000()));
        SummaryOfFindings given = MetaAnalysis.run(sheet, Settings.DEFAULTS.withControlRisk(0.01))
                .overall("Pneumonia").summaryOfFindings();
        assertTrue(given.isEstimable());
        assertEquals(SummaryOfFindings.ControlRisk.GIVEN, given.controlRiskSource());
        assertEquals(0.01 * 1000, given.controlRisk() * 1000, 1e-12);
    }

    /**
     * A risk difference is an absolute effect of its own: without any control event (a pooled control risk of 0) the
     * risk with MSC is the difference itself, kept within 0 and 1,000 (it was "not estimable", as for a ratio, whose
     * risk with MSC would be 0). The example sheet's Malignancy: metafor 3.8-1, {@code rma(measure = "RD", ai =
     * c(1, 0), n1i = c(110, 99), ci = c(0, 0), n2i = c(107, 99), method = "REML")}: 0.0033704109463608
     * (-0.0120313656008519 to 0.0187721874935735).
     */
    @Test
    void aRiskDifferenceFromAControlRiskOfZeroIsTheDifferenceItself() throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(Path.of("examples/msc_adverse_events.csv"),
                null);
        SummaryOfFindings f = MetaAnalysis.run(sheet, Settings.DEFAULTS.withMeasure(Measure.RD)
                .withOutcome("Malignancy")).overall("Malignancy").summaryOfFindings();
        assertTrue(f.isEstimable(), f.notEstimable());
        assertEquals(SummaryOfFindings.ControlRisk.POOLED, f.controlRiskSource());
        assertEquals(0, f.controlRisk(), 0);
        assertEquals(3.3704109463608, f.mscPer1000(), 1e-6);
        assertEquals(0, f.mscLower(), 1e-12, "kept within 0 and 1,000");
        assertEquals(18.7721874935735, f.mscUpper(), 1e-6);
        assertEquals(3.3704109463608, f.differencePer1000(), 1e-6);
        assertEquals(0, f.differenceLower(), 1e-12);
        assertEquals(18.7721874935735, f.differenceUpper(), 1e-6);
    }
}
