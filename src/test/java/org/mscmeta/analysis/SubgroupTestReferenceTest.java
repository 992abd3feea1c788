package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscmeta.effect.Measure;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.SheetBuilder;
import org.mscmeta.sheet.SheetReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests for subgroup differences when one subgroup's only study has no event in its MSC arm: that subgroup has a
 * random-effects estimate (the study's, corrected by 0.5) but no Mantel-Haenszel estimate on the raw counts. The
 * random-effects test was left out with the common-effect one ("fewer than two subgroups have a pooled estimate"),
 * though the plot showed both subgroups' random-effects subtotals. Against metafor
 * ({@code reference-extra/subgroup_cases.json}, src/test/r/subgroup_reference.R).
 */
class SubgroupTestReferenceTest {

    private static final Path RESOURCES = Path.of("src/test/resources");

    @Test
    void eachModelIsTestedOnTheSubgroupsThatHaveItsEstimate() throws Exception {
        JsonNode ref = JsonMapper.builder().build()
                .readTree(RESOURCES.resolve("reference-extra/subgroup_cases.json").toFile());
        Results r = MetaAnalysis.run(SheetReader.withBuiltInVocabulary()
                .read(RESOURCES.resolve(ref.get("input").asString()), null), Settings.DEFAULTS);
        List<SubgroupComparison> tests = r.subgroupTests("Death", ref.get("variable").asString());
        assertTrue(ref.get("common").isNull(), "metafor has one Mantel-Haenszel estimate of the two subgroups");
        assertEquals(List.of("random"), tests.stream().map(SubgroupComparison::model).toList());
        SubgroupComparison random = tests.get(0);
        JsonNode e = ref.get("random");
        assertEquals(e.get("Q").asDouble(), random.q(), 1e-6 * e.get("Q").asDouble());
        assertEquals(e.get("df").asInt(), random.df());
        assertEquals(e.get("p").asDouble(), random.p(), 1e-6);
        assertTrue(r.notices().stream().anyMatch(n -> n.message().equals("Death: no common-effect test for subgroup"
                + " differences by cell_source (fewer than two subgroups have a Mantel-Haenszel estimate)")),
                r.notices().toString());
    }

    /**
     * Under the risk difference, a subgroup whose trials had no event in either arm has a Mantel-Haenszel estimate of
     * 0 with no standard error: it cannot enter the common-effect test (its weight would be infinite). The test on the
     * other two subgroups is the test of a sheet without it, and a notice names the subgroup left out and why; the
     * random-effects test (corrected counts, a standard error) keeps all three.
     */
    @Test
    void aSubgroupWithoutAStandardErrorIsNamedWhenATestLeavesItOut() throws Exception {
        Settings rd = Settings.DEFAULTS.withMeasure(Measure.RD).withBy(List.of("route"));
        Results all = MetaAnalysis.run(sheet(true), rd);
        Results without = MetaAnalysis.run(sheet(false), rd);
        SubgroupComparison common = test(all, "common");
        SubgroupComparison commonWithout = test(without, "common");
        assertEquals(1, common.df(), "three subgroups, one left out");
        assertEquals(commonWithout.q(), common.q(), 1e-12);
        assertEquals(commonWithout.p(), common.p(), 1e-12);
        assertEquals(2, test(all, "random").df(), "the corrected counts give intra-articular a standard error");
        Analysis ia = all.analyses().stream().filter(a -> a.subgroup() != null
                && a.subgroup().level().equals("intra-articular")).findFirst().orElseThrow();
        assertEquals(0, ia.common().estimate(), 0, "an estimate of 0 exists");
        assertEquals(0, ia.common().se(), 0, "with no standard error");
        List<String> notices = all.notices().stream().map(Notice::message).toList();
        assertTrue(notices.contains("Death: the common-effect test for subgroup differences by route leaves out"
                + " intra-articular (no Mantel-Haenszel estimate with a standard error)"), notices.toString());
        assertTrue(notices.stream().noneMatch(n -> n.contains("random-effects test")), notices.toString());
        assertTrue(without.notices().stream().noneMatch(n -> n.message().contains("leaves out")));
    }

    private static SubgroupComparison test(Results r, String model) {
        return r.subgroupTests("Death", "route").stream().filter(t -> t.model().equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + model + " test"));
    }

    private static ExtractionSheet sheet(boolean withIntraArticular) throws Exception {
        SheetBuilder b = ExtractionSheet.builder("three routes");
        b.row().study("A 2019").outcome("Death").msc(3, 30).control(5, 31).route("intravenous");
        b.row().study("B 2020").outcome("Death").msc(2, 40).control(2, 38).route("intravenous");
        b.row().study("C 2021").outcome("Death").msc(4, 25).control(1, 24).route("intramuscular");
        b.row().study("D 2022").outcome("Death").msc(1, 20).control(1, 22).route("intramuscular");
        if (withIntraArticular) {
            b.row().study("E 2018").outcome("Death").msc(0, 12).control(0, 12).route("intra-articular");
            b.row().study("F 2019").outcome("Death").msc(0, 26).control(0, 24).route("intra-articular");
        }
        return b.build();
    }
}
