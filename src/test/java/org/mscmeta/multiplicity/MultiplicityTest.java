package org.mscmeta.multiplicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscmeta.testing.Cli;
import org.mscmeta.testing.ReferenceCases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benjamini-Hochberg and the double FDR against R: the published Example 4.1 of Mehrotra and Adewale (2012) through
 * the library ({@code reference/double_fdr_example.json}, R's {@code p.adjust}), and the adjustment of a run's own
 * p-values through {@code analyze} ({@code reference-extra/bh_example.json}, src/test/r/bh_reference.R).
 */
class MultiplicityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void doubleFdrOfThePublishedExample() throws Exception {
        JsonNode ex = JSON.readTree(ReferenceCases.resource("double_fdr_example.json").toFile());
        Map<String, double[]> systems = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (JsonNode s : ex.get("systems")) {
            double[] p = ReferenceCases.doubles(s.get("p"));
            systems.put(s.get("system").asString(), p);
            for (double v : p) {
                all.add(v);
            }
        }
        List<DoubleFdr.OrganSystem> result = DoubleFdr.adjust(systems, ex.get("alpha1").asDouble(),
                ex.get("alpha2").asDouble());
        int flaggedTerms = 0;
        for (int s = 0; s < result.size(); s++) {
            JsonNode e = ex.get("systems").get(s);
            DoubleFdr.OrganSystem r = result.get(s);
            double[] within = ReferenceCases.doubles(e.get("bh_within"));
            for (int t = 0; t < within.length; t++) {
                close(within[t], r.withinAdjusted()[t], r.system() + " term " + t + " within");
                assertEquals(e.get("term_flagged").get(t).asBoolean(), r.termFlagged()[t], r.system() + " term " + t);
                flaggedTerms += r.termFlagged()[t] ? 1 : 0;
            }
            close(e.get("system_adjusted").asDouble(), r.systemAdjusted(), r.system() + " adjusted");
            assertEquals(e.get("system_flagged").asBoolean(), r.systemFlagged(), r.system());
        }
        assertEquals(6, flaggedTerms, "the six terms of System 1 the paper flags");
        double[] bh = BenjaminiHochberg.adjust(all.stream().mapToDouble(Double::doubleValue).toArray());
        double[] expected = ReferenceCases.doubles(ex.get("bh_all"));
        for (int i = 0; i < bh.length; i++) {
            close(expected[i], bh[i], "BH across all terms, term " + i);
        }
    }

    @Test
    void missingPValuesAreLeftOutAsRDoes() {
        double[] bh = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.04, 0.03});
        // R: p.adjust(c(0.01, NA, 0.04, 0.03), "BH") = 0.03 NA 0.04 0.04
        assertEquals(0.03, bh[0], 1e-15);
        assertTrue(Double.isNaN(bh[1]));
        assertEquals(0.04, bh[2], 1e-15);
        assertEquals(0.04, bh[3], 1e-15);
    }

    @Test
    void aRunsPValuesAreAdjustedAsRAdjustsThem(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("analyze", "examples/msc_adverse_events.csv", "--out", dir.resolve("out").toString(),
                "--no-report", "--quiet");
        assertEquals(0, run.status(), run.all());
        JsonNode results = JSON.readTree(dir.resolve("out/results.json").toFile());
        JsonNode reference = JSON.readTree(Path.of("src/test/resources/reference-extra/bh_example.json").toFile());
        JsonNode outcomes = results.get("false_discovery").get("outcomes");
        assertEquals(reference.get("outcomes").size(), outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            JsonNode e = reference.get("outcomes").get(i);
            JsonNode a = outcomes.get(i);
            assertEquals(e.get("outcome").asString(), a.get("outcome").asString());
            assertEquals(e.get("p").asDouble(), a.get("p").asDouble(), 1e-12, "the run's p-value");
            close(e.get("p_bh").asDouble(), a.get("p_bh").asDouble(), "R's p.adjust BH of " + e.get("outcome"));
        }
    }

    /** An incidence has no null hypothesis: nothing is adjusted, nothing flagged, no note under the AE panel. */
    @Test
    void proportionsAreNotTested(@TempDir Path dir) throws Exception {
        Cli.Run run = Cli.run("analyze", "examples/msc_adverse_events.csv", "--out", dir.resolve("out").toString(),
                "--measure", "PFT");
        assertEquals(0, run.status(), run.all());
        JsonNode outcomes = JSON.readTree(dir.resolve("out/results.json").toFile()).get("false_discovery")
                .get("outcomes");
        assertTrue(outcomes.size() > 10);
        for (JsonNode o : outcomes) {
            assertTrue(o.get("p").isNull() && o.get("p_bh").isNull(), o.toString());
            assertFalse(o.get("flagged_bh").asBoolean(), o.toString());
        }
        assertFalse(run.all().contains("False discovery rate"), "no flags on the console");
        assertFalse(Files.readString(dir.resolve("out/plots/ae-panel.svg")).contains("Benjamini"), "none in the panel");
    }

    @Test
    void organSystemsGiveTheDoubleFdrThroughAnalyze(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("study,outcome,organ_system,events_msc,n_msc,events_control,n_control\n");
        String[][] terms = {{"Fever", "General disorders"}, {"Chills", "General disorders"},
            {"Arrhythmia", "Cardiac disorders"}, {"Heart failure", "Cardiac disorders"},
            {"Pneumonia", "Infections"}, {"Sepsis", "Infections"}};
        int[][] counts = {{30, 5}, {25, 6}, {8, 7}, {5, 4}, {12, 10}, {6, 5}};
        for (int t = 0; t < terms.length; t++) {
            for (int s = 1; s <= 3; s++) {
                csv.append("Trial ").append(s).append(',').append(terms[t][0]).append(',').append(terms[t][1])
                        .append(',').append(counts[t][0] + s).append(",100,").append(counts[t][1] + s).append(",100\n");
            }
        }
        Path sheet = Files.writeString(dir.resolve("ae.csv"), csv.toString());
        Cli.Run run = Cli.run("analyze", sheet.toString(), "--out", dir.resolve("out").toString(), "--no-report",
                "--quiet", "--fdr-alpha1", "0.05", "--fdr-alpha2", "0.05");
        assertEquals(0, run.status(), run.all());
        JsonNode fdr = JSON.readTree(dir.resolve("out/results.json").toFile()).get("false_discovery");
        assertEquals("organ_system", fdr.get("organ_system_column").asString());
        Map<String, List<Double>> bySystem = new LinkedHashMap<>();
        for (JsonNode o : fdr.get("outcomes")) {
            bySystem.computeIfAbsent(o.get("organ_system").asString(), x -> new ArrayList<>()).add(o.get("p").asDouble());
        }
        Map<String, double[]> systems = new LinkedHashMap<>();
        bySystem.forEach((k, v) -> systems.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        List<DoubleFdr.OrganSystem> expected = DoubleFdr.adjust(systems, 0.05, 0.05);
        int i = 0;
        boolean anyFlagged = false;
        for (DoubleFdr.OrganSystem s : expected) {
            for (int t = 0; t < s.withinAdjusted().length; t++, i++) {
                JsonNode o = fdr.get("outcomes").get(i);
                close(s.withinAdjusted()[t], o.get("p_within_system").asDouble(), o.get("outcome").asString());
                close(s.systemAdjusted(), o.get("system_p_adjusted").asDouble(), o.get("outcome").asString());
                assertEquals(s.termFlagged()[t], o.get("flagged").asBoolean(), o.get("outcome").asString());
                anyFlagged |= s.termFlagged()[t];
            }
        }
        assertTrue(anyFlagged, "Fever and Chills, far more frequent with MSC, are flagged");
        assertFalse(fdr.get("outcomes").get(4).get("flagged").asBoolean(), "Pneumonia is not");
        Cli.Run bad = Cli.run("analyze", sheet.toString(), "--out", dir.resolve("bad").toString(), "--no-report",
                "--organ-system", "soc");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("no column 'soc'"), bad.err());
    }
}
