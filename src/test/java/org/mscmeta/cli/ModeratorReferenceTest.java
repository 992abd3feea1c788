package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.testing.ReferenceCases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route x cell source through {@code analyze} against metafor 3.8-1 ({@code reference/moderator_cases.json}, REML
 * and DL, and {@code reference-extra/moderator_extra_cases.json}, src/test/r/moderator_reference.R: the other
 * estimators, an odds ratio and Knapp-Hartung): the main-effects model with factor moderators (tau2, QM, QE, R2), the
 * model with the interaction and its test ({@code anova(fit, btt = ...)}), and every combination pooled on its own,
 * each to a relative 1e-6.
 */
class ModeratorReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        return Stream.concat(ReferenceCases.load("reference/moderator_cases.json").stream(),
                ReferenceCases.load("reference-extra/moderator_extra_cases.json").stream())
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routeBySourceMatchesMetafor(String name, JsonNode c, @TempDir Path out) throws IOException {
        JsonNode results = ReferenceCases.analyze(ReferenceCases.resource(c.get("input").asString()), out,
                ReferenceCases.arguments(c.get("settings")));
        ObjectNode expected = ((ObjectNode) c.get("expected")).deepCopy();
        JsonNode cells = expected.remove("cells");
        int compared = ReferenceCases.compare(expected, results);
        JsonNode overall = results.get("analyses").get(0);
        JsonNode actualCells = overall.get("cells");
        assertNotNull(actualCells, "cells in results.json");
        assertEquals(cells.size(), actualCells.size(), "every combination with a study");
        for (JsonNode e : cells) {
            JsonNode match = null;
            for (JsonNode a : actualCells) {
                if (a.get("route").asString().equals(e.get("route").asString())
                        && a.get("cell_source").asString().equals(e.get("cell_source").asString())) {
                    match = a;
                }
            }
            assertNotNull(match, "cell " + e);
            for (String f : List.of("k", "tau2", "estimate", "ci_lower", "ci_upper", "p")) {
                double x = e.get(f).asDouble();
                double y = match.get(f).asDouble();
                assertTrue(Math.abs(x - y) <= ReferenceCases.REL_TOL * Math.max(Math.abs(x), 1e-8) + 1e-12,
                        name + " cell " + e.get("route") + " x " + e.get("cell_source") + " " + f + ": metafor " + x
                        + ", mscmeta " + y);
                compared++;
            }
        }
        assertTrue(compared > 40, "values compared: " + compared);
    }

    /**
     * {@code --moderators route,cell_source} asks by name for the model metafor fits as {@code rma(mods = ~ route +
     * cell_source)}, the main-effects model of the cases: its {@code meta_regression} has metafor's values, and is
     * there under {@code --sensitivity none} too (which once dropped it without a word).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void moderatorsAreFittedWhateverTheSensitivityOption(String name, JsonNode c, @TempDir Path out)
            throws IOException {
        List<String> args = new java.util.ArrayList<>(ReferenceCases.arguments(c.get("settings")));
        args.addAll(List.of("--sensitivity", "none"));
        JsonNode results = ReferenceCases.analyze(ReferenceCases.resource(c.get("input").asString()), out, args);
        ObjectNode expected = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        expected.set("meta_regression", c.get("expected").get("main_effects"));
        assertTrue(ReferenceCases.compare(expected, results) >= 5, name);
        assertTrue(results.get("analyses").get(0).get("leave_one_out").isEmpty(), "no refits under none");
        assertTrue(results.get("analyses").get(0).get("egger") == null, "no Egger test under none");
    }

    static Stream<Arguments> aliased() throws IOException {
        return ReferenceCases.load("reference-extra/aliased_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    /**
     * Designs with redundant columns, against metafor (reference-extra/aliased_cases.json,
     * src/test/r/aliased_reference.R): the terms R keeps, in R's order, and their values. An interaction term no
     * study tells apart is the one R drops (the kept one was another before, the same model written otherwise); a
     * cell source that repeats the route leaves 3 coefficients for 4 studies, which metafor fits (it was refused
     * as 4 studies for 4 coefficients).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("aliased")
    void redundantTermsAreTheOnesMetaforDrops(String name, JsonNode c, @TempDir Path out) throws IOException {
        JsonNode results = ReferenceCases.analyze(ReferenceCases.resource("reference-extra/" + c.get("input")
                .asString()), out, List.of("--outcome", c.get("outcome").asString(), "--method", "IV", "--tau2", "REML",
                "--moderators", "route,cell_source"));
        JsonNode overall = results.get("analyses").get(0);
        JsonNode expected = c.get("expected");
        List<String[]> models = new java.util.ArrayList<>(List.of(new String[] {"main_effects", "main_effects"},
                new String[] {"meta_regression", "main_effects"}));
        if (expected.has("interaction")) {
            models.add(new String[] {"interaction", "interaction"});
        }
        for (String[] m : models) {
            JsonNode e = expected.get(m[1]);
            JsonNode a = overall.get(m[0]);
            assertNotNull(a, name + ": " + m[0]);
            assertTrue(a.get("not_estimable") == null || a.get("not_estimable").isNull(), name + " " + m[0] + ": " + a);
            List<String> terms = new java.util.ArrayList<>();
            for (JsonNode t : a.get("coefficients")) {
                terms.add(t.get("term").asString());
            }
            List<String> expectedTerms = new java.util.ArrayList<>();
            for (JsonNode t : e.get("terms")) {
                expectedTerms.add(t.asString());
            }
            assertEquals(expectedTerms, terms, name + " " + m[0]);
            for (int j = 0; j < terms.size(); j++) {
                JsonNode coef = a.get("coefficients").get(j);
                near(e.get("estimate").get(j).asDouble(), coef.get("estimate").asDouble(), name + " " + terms.get(j));
                near(e.get("se").get(j).asDouble(), coef.get("se").asDouble(), name + " se " + terms.get(j));
            }
            for (String f : List.of("tau2", "QM", "QE")) {
                near(e.get(f).asDouble(), a.get(f).asDouble(), name + " " + m[0] + " " + f);
            }
            if (e.has("interaction_QM")) {
                near(e.get("interaction_QM").asDouble(), a.get("interaction_QM").asDouble(), name + " interaction QM");
                assertEquals(e.get("interaction_df").asInt(), a.get("interaction_df").asInt(), name);
            }
        }
    }

    /**
     * A factor that takes one value among an outcome's studies (every trial intravenous): R's {@code model.matrix}
     * refuses it; mscmeta leaves it out and says so, so that the fit on route and year is metafor's
     * {@code rma(mods = ~ year)}. With that factor alone there is no meta-regression, and a notice says why.
     */
    @org.junit.jupiter.api.Test
    void aFactorWithOneValueIsLeftOutWithANotice(@TempDir Path out) throws IOException {
        JsonNode c = new tools.jackson.databind.ObjectMapper().readTree(ReferenceCases.resource(
                "reference-extra/aliased_cases.json").toFile()).get("one_level_factor");
        Path input = ReferenceCases.resource("reference-extra/" + c.get("input").asString());
        JsonNode results = ReferenceCases.analyze(input, out.resolve("a"), List.of("--outcome", "One route",
                "--method", "IV", "--tau2", "REML", "--moderators", c.get("moderators").asString()));
        JsonNode reg = results.get("analyses").get(0).get("meta_regression");
        JsonNode e = c.get("expected");
        List<String> terms = new java.util.ArrayList<>();
        for (JsonNode t : reg.get("coefficients")) {
            terms.add(t.get("term").asString());
        }
        assertEquals(List.of("intercept", "year"), terms);
        for (int j = 0; j < terms.size(); j++) {
            near(e.get("estimate").get(j).asDouble(), reg.get("coefficients").get(j).get("estimate").asDouble(),
                    terms.get(j));
            near(e.get("se").get(j).asDouble(), reg.get("coefficients").get(j).get("se").asDouble(), terms.get(j));
        }
        for (String f : List.of("tau2", "QM", "QE")) {
            near(e.get(f).asDouble(), reg.get(f).asDouble(), f);
        }
        assertTrue(messages(results).contains("One route: route is intravenous in every study of the meta-regression;"
                + " a factor with one value has no coefficient, so it is left out of it"), messages(results).toString());

        JsonNode alone = ReferenceCases.analyze(input, out.resolve("b"), List.of("--outcome", "One route",
                "--moderators", "route"));
        // not fitted, and said so where the model would be, as a route x cell-source model says it (it was absent)
        JsonNode none = alone.get("analyses").get(0).get("meta_regression");
        assertEquals("no moderator varies among its 6 studies (route is intravenous in all)",
                none.get("not_estimable").asString(), none.toString());
        assertEquals("[\"route\"]", none.get("moderators").toString());
        assertTrue(none.get("QM").isNull() && none.get("coefficients").isEmpty(), none.toString());
        assertTrue(reg.get("not_estimable").isNull(), "a fitted model: " + reg);
        assertTrue(messages(alone).contains("One route: no meta-regression: no moderator varies among its 6 studies"
                + " (route is intravenous in all)"), messages(alone).toString());
    }

    /**
     * An outcome of one study, asked for a meta-regression, says why it has none: in results.json, the console, the
     * workbook and the run's notices. It said nothing anywhere, while an outcome of two studies said "too few
     * studies".
     */
    @org.junit.jupiter.api.Test
    void aMetaRegressionOfOneStudySaysWhyItIsNotThere(@TempDir Path out) throws Exception {
        Path sheet = java.nio.file.Files.writeString(out.resolve("one.csv"), "study,year,outcome,events_msc,n_msc,"
                + "events_control,n_control\nA 2019,2019,Fever,3,30,1,30\nB 2020,2020,Death,2,20,4,20\n"
                + "C 2021,2021,Death,1,25,3,24\nD 2022,2022,Death,5,40,6,41\n");
        var r = org.mscmeta.testing.Cli.run("analyze", sheet.toString(), "--out", out.resolve("o").toString(),
                "--moderators", "year");
        assertEquals(0, r.status(), r.all());
        String why = "1 study with an estimate of its own (a regression needs at least 2)";
        assertTrue(r.out().contains("  Meta-regression on year: not estimable: " + why), r.out());
        JsonNode results = new tools.jackson.databind.ObjectMapper().readTree(out.resolve("o/results.json").toFile());
        assertEquals(why, overall(results, "Fever").get("meta_regression").get("not_estimable").asString());
        assertTrue(messages(results).contains("Fever: no meta-regression: " + why), messages(results).toString());
        assertTrue(overall(results, "Death").get("meta_regression").get("not_estimable").isNull());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("o/results.xlsx").toFile())) {
            StringBuilder text = new StringBuilder();
            wb.getSheet("Sensitivity").forEach(row -> row.forEach(c -> text.append(c).append('\t')));
            assertTrue(text.toString().contains("Meta-regression on year: not estimable: " + why), text.toString());
        }
    }

    /** The overall analysis of {@code outcome} in results.json. */
    private static JsonNode overall(JsonNode results, String outcome) {
        for (JsonNode a : results.get("analyses")) {
            if (a.get("outcome").asString().equals(outcome) && a.get("subgroup").isNull()) {
                return a;
            }
        }
        throw new AssertionError("no overall analysis of " + outcome);
    }

    private static List<String> messages(JsonNode results) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : results.get("notices")) {
            out.add(n.get("message").asString());
        }
        return out;
    }

    private static void near(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= ReferenceCases.REL_TOL * Math.abs(expected) + 1e-9,
                what + ": metafor " + expected + ", mscmeta " + actual);
    }

    /**
     * Studies without a cell source are in no combination, and are named: in the example sheet two of the ten Death
     * trials (Adas 2021, Rebelatto) give none; the combinations hold the other eight.
     */
    @org.junit.jupiter.api.Test
    void studiesWithoutARouteOrCellSourceAreNamedAsLeftOut(@TempDir Path out) throws IOException {
        JsonNode results = ReferenceCases.analyze(Path.of("examples/msc_adverse_events.csv"), out, List.of());
        JsonNode death = overall(results, "Death");
        JsonNode rs = death.get("route_by_cell_source");
        assertEquals(2, rs.get("left_out").asInt());
        int inCells = 0;
        for (JsonNode cell : death.get("cells")) {
            inCells += cell.get("k").asInt();
        }
        assertEquals(8, inCells);
        boolean said = false;
        for (JsonNode n : rs.get("notes")) {
            // named, as the other notices about studies left out name them
            said |= n.asString().equals("2 studies without a route or a cell source reported (Adas 2021 (row 42),"
                    + " Rebelatto (row 45)) are not among the combinations; the subgroup analyses show them as"
                    + " 'not reported'");
        }
        assertTrue(said, rs.get("notes").toString());
    }

    /**
     * With route and cell source asked for but no cell source in the sheet, the outcome has no route x cell-source
     * analysis, and a notice says why (it went without a word).
     */
    @org.junit.jupiter.api.Test
    void noCellSourceAtAllIsSaid(@TempDir Path out) throws IOException {
        JsonNode results = ReferenceCases.analyze(java.nio.file.Files.writeString(out.resolve("nocs.csv"),
                "study,route,cell_source,outcome,events_msc,n_msc,events_control,n_control\n"
                + "A,intravenous,,Death,2,20,3,20\nB,intrathecal,,Death,1,15,2,14\nC,intravenous,,Death,4,30,5,31\n"),
                out.resolve("o"), List.of("--by", "route,cell_source"));
        assertTrue(overall(results, "Death").get("route_by_cell_source") == null);
        assertTrue(messages(results).contains("Death: no route x cell-source analysis: no study of the outcome has"
                + " both a route and a cell source reported"), messages(results).toString());
    }

    /**
     * An outcome whose studies share one route and one cell source has nothing to compare: its matrix says so, but
     * it is no notice of the run (it was one for each such outcome of the example, half its notices). An outcome
     * with more combinations keeps its notices.
     */
    @org.junit.jupiter.api.Test
    void oneCombinationIsNoNotice(@TempDir Path out) throws IOException {
        JsonNode results = ReferenceCases.analyze(Path.of("examples/msc_adverse_events.csv"), out, List.of());
        JsonNode fever = overall(results, "Fever");
        JsonNode rs = fever.get("route_by_cell_source");
        assertEquals(1, rs.get("routes").size());
        assertEquals(1, rs.get("cell_sources").size());
        assertEquals("one route and one cell source: nothing to compare",
                fever.get("interaction").get("not_estimable").asString());
        assertEquals("the route x cell source interaction is not estimable: one route and one cell source: nothing to"
                + " compare", rs.get("notes").get(0).asString());
        List<String> fevers = new java.util.ArrayList<>();
        List<String> serious = new java.util.ArrayList<>();
        for (JsonNode n : results.get("notices")) {
            if (n.get("category").asString().equals("route_by_cell_source")) {
                (n.get("outcome").asString().equals("Fever") ? fevers : serious).add(n.get("message").asString());
            }
            assertFalse(n.get("message").asString().endsWith("one route and one cell source: nothing to compare"),
                    n.toString());
        }
        // Malignancy has two cell sources, one of them without a study estimate: a notice, saying which studies
        assertTrue(messages(results).contains("Malignancy: the route x cell source interaction is not estimable: one"
                + " route and one cell source among the studies with an estimate of their own: nothing to compare"),
                messages(results).toString());
        assertEquals(List.of(), fevers);
        assertTrue(serious.contains("Serious adverse events: the route x cell source interaction is not estimable:"
                + " too few studies (2) for the intercept and the 1 coefficient of route x cell source (a model needs"
                + " more studies than coefficients)"), serious.toString());
    }
}
