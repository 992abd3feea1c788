package org.mscmeta.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.testing.ReferenceCases;

/**
 * Cases computed with metafor 3.8-1 by src/test/r/extra_reference.R for what cases.json does not cover: the tau2
 * estimators ML, HE, SJ, HS, EB; Q-profile intervals for tau2 and I2; continuity-correction modes all, if0all,
 * none, a non-default value and TACC; double-zero studies included; a 90% level. Run through {@code analyze},
 * compared to a relative 1e-6.
 */
class MetaforExtraReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        return ReferenceCases.load("reference-extra/extra_cases.json").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesMetafor(String name, JsonNode c, @TempDir Path out) throws IOException {
        Path input = ReferenceCases.resource(c.get("input").asText());
        JsonNode results = ReferenceCases.analyze(input, out, ReferenceCases.arguments(c.get("settings")));
        int compared = ReferenceCases.compare(c.get("expected"), results);
        assertTrue(compared >= 20, name + ": only " + compared + " values compared");
    }
}
