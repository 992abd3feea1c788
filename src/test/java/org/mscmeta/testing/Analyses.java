package org.mscmeta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Runs `analyze` on a sheet as the tests of the sheet's layouts compare them, and what they compare. */
public final class Analyses {

    private Analyses() {
    }

    /** results.json of `analyze INPUT --out OUT --quiet --no-report OPTIONS`, which must succeed. */
    public static JsonNode results(Path input, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("analyze", input.toString(), "--out", out.toString(), "--quiet",
                "--no-report"));
        args.addAll(List.of(options));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.all());
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    /**
     * The analyses without the rows' numbers: two layouts of the same counts number their rows otherwise (a header
     * of two rows, one row per arm, a RevMan review's order).
     */
    public static JsonNode withoutRows(JsonNode analyses) {
        JsonNode copy = analyses.deepCopy();
        copy.findParents("row").forEach(p -> ((ObjectNode) p).remove("row"));
        return copy;
    }
}
