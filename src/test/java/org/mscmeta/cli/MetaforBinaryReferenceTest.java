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
 * Every case of shared/reference/cases.json (metafor 3.8-1: RR, OR, RD; MH, IV, Peto; DL, REML, PM; HKSJ;
 * subgroups) run through {@code analyze}; every number must equal metafor's to a relative 1e-6.
 */
class MetaforBinaryReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        return ReferenceCases.load("reference/cases.json").stream()
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
