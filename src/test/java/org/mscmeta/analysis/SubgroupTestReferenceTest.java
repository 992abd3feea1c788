package org.mscmeta.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
