package org.mscmeta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mscmeta.cli.Main;

/**
 * Runs metafor reference cases (src/test/resources/reference, the project copy of metafor's reference values) through the
 * {@code analyze} command exactly as a user would, and compares results.json with metafor's values.
 */
public final class ReferenceCases {

    /** Relative tolerance of the reference comparison. */
    public static final double REL_TOL = 1e-6;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceCases() {
    }

    /** The cases of one reference file under the test resources, e.g. {@code reference/cases.json}. */
    public static List<JsonNode> load(String file) throws IOException {
        try (InputStream in = ReferenceCases.class.getResourceAsStream("/" + file)) {
            JsonNode root = JSON.readTree(in);
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        }
    }

    /**
     * The path of a file under the test resources' reference folder, or, for a path that starts with
     * {@code reference-extra/}, under the test resources.
     */
    public static Path resource(String relative) {
        String name = relative.startsWith("reference-extra/") ? "/" + relative : "/reference/" + relative;
        try {
            return Path.of(ReferenceCases.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Command-line arguments for a case's settings (as documented for {@code analyze}). */
    public static List<String> arguments(JsonNode settings) {
        List<String> args = new ArrayList<>();
        add(args, settings, "measure", "--measure");
        add(args, settings, "method", "--method");
        add(args, settings, "glmm_model", "--glmm-model");
        add(args, settings, "tau2", "--tau2");
        if (settings.path("hksj").asBoolean(false)) {
            args.add("--hksj");
        }
        add(args, settings, "cc", "--cc");
        add(args, settings, "cc_mode", "--cc-mode");
        add(args, settings, "double_zero", "--double-zero");
        add(args, settings, "level", "--level");
        add(args, settings, "convention", "--convention");
        add(args, settings, "outcome", "--outcome");
        if (settings.hasNonNull("moderators")) {
            args.add("--moderators");
            args.add(joined(settings.get("moderators")));
        }
        if (settings.hasNonNull("by")) {
            args.add("--by");
            args.add(settings.get("by").asString());
        }
        return args;
    }

    /** A JSON array of numbers as doubles. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /**
     * Writes {@code csv} to a sheet in {@code dir}, runs {@code analyze} on it with {@code extra} and returns the first
     * analysis of results.json (the first outcome, overall).
     */
    public static JsonNode firstAnalysis(Path dir, String csv, String... extra) throws IOException {
        Path sheet = dir.resolve("sheet.csv");
        Files.writeString(sheet, csv);
        return analyze(sheet, dir.resolve("out"), List.of(extra)).get("analyses").get(0);
    }

    /** A JSON string, or an array of strings joined with commas (R's auto_unbox writes one-element arrays as strings). */
    public static String joined(JsonNode n) {
        if (!n.isArray()) {
            return n.asString();
        }
        List<String> parts = new ArrayList<>();
        n.forEach(x -> parts.add(x.asString()));
        return String.join(",", parts);
    }

    private static void add(List<String> args, JsonNode s, String key, String option) {
        if (s.hasNonNull(key)) {
            args.add(option);
            args.add(s.get(key).asString());
        }
    }

    /** Runs {@code analyze INPUT --out DIR --no-report ARGS} and returns the parsed results.json. */
    public static JsonNode analyze(Path input, Path out, List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", input.toString(), "--out", out.toString(),
                "--no-report", "--quiet"));
        args.addAll(extra);
        int status = Main.run(args.toArray(new String[0]));
        assertEquals(0, status, "analyze exit status for " + args);
        return JSON.readTree(Files.readString(out.resolve("results.json")));
    }

    /**
     * Compares a case's {@code expected} block with results.json: the overall analysis of the first outcome,
     * its studies, and, for subgroup cases, the level analyses and the subgroup tests.
     *
     * @return the number of values compared
     */
    public static int compare(JsonNode expected, JsonNode results) {
        return compare(expected, results, REL_TOL);
    }

    /** As {@link #compare(JsonNode, JsonNode)} with another relative tolerance (GLMM: 1e-4). */
    public static int compare(JsonNode expected, JsonNode results, double tolerance) {
        Comparison c = new Comparison(tolerance);
        JsonNode overall = null;
        for (JsonNode a : results.get("analyses")) {
            if (a.get("subgroup").isNull()) {
                overall = a;
                break;
            }
        }
        if (overall == null) {
            fail("results.json has no overall analysis");
        }
        String outcome = overall.get("outcome").asString();
        Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("subgroups")) {
                compareSubgroups(c, e.getValue(), results, outcome);
            } else {
                c.node("analysis." + e.getKey(), e.getValue(), overall.get(e.getKey()));
            }
        }
        c.assertOk();
        return c.count;
    }

    private static void compareSubgroups(Comparison c, JsonNode sg, JsonNode results, String outcome) {
        String variable = sg.get("variable").asString();
        for (JsonNode level : sg.get("levels")) {
            JsonNode actual = null;
            for (JsonNode a : results.get("analyses")) {
                JsonNode s = a.get("subgroup");
                if (a.get("outcome").asString().equals(outcome) && !s.isNull()
                        && s.get("variable").asString().equals(variable)
                        && s.get("level").asString().equals(level.get("level").asString())) {
                    actual = a;
                }
            }
            if (actual == null) {
                c.problems.add("no analysis for subgroup " + variable + " = " + level.get("level").asString());
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = level.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("level")) {
                    c.node("subgroup[" + level.get("level").asString() + "]." + e.getKey(), e.getValue(),
                            actual.get(e.getKey()));
                }
            }
        }
        for (String key : List.of("test_common", "test_random")) {
            JsonNode t = sg.get(key);
            if (t == null) {
                continue;
            }
            JsonNode actual = null;
            for (JsonNode a : results.get("subgroup_tests")) {
                if (a.get("outcome").asString().equals(outcome) && a.get("variable").asString().equals(variable)
                        && a.get("model").asString().equals(t.get("model").asString())) {
                    actual = a;
                }
            }
            c.node(key, t, actual);
        }
    }

    /**
     * Where {@code actual} lacks or differs from a value of {@code expected} (numbers to a relative
     * {@code tolerance}), one line per value, named by its JSON path from {@code path}; what {@code actual} has
     * beyond {@code expected} does not count.
     */
    public static List<String> differences(String path, JsonNode expected, JsonNode actual, double tolerance) {
        Comparison c = new Comparison(tolerance);
        c.node(path, expected, actual);
        return c.problems;
    }

    /** Walks expected and actual JSON side by side. */
    private static final class Comparison {
        final List<String> problems = new ArrayList<>();
        final double tolerance;
        int count;

        Comparison(double tolerance) {
            this.tolerance = tolerance;
        }

        void node(String path, JsonNode expected, JsonNode actual) {
            if (expected.isObject()) {
                if (actual == null || !actual.isObject()) {
                    problems.add(path + ": expected an object, got " + actual);
                    return;
                }
                Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    node(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()));
                }
            } else if (expected.isArray()) {
                if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                    problems.add(path + ": expected an array of " + expected.size() + ", got " + actual);
                    return;
                }
                for (int i = 0; i < expected.size(); i++) {
                    node(path + "[" + i + "]", expected.get(i), actual.get(i));
                }
            } else if (expected.isNull()) {
                count++;
                if (actual != null && !actual.isNull()) {
                    problems.add(path + ": expected null, got " + actual);
                }
            } else if (expected.isNumber()) {
                count++;
                double e = expected.asDouble();
                if (actual == null || !actual.isNumber()) {
                    problems.add(path + ": expected " + e + ", got " + actual);
                    return;
                }
                double a = actual.asDouble();
                if (Math.abs(a - e) > tolerance * Math.abs(e) + 1e-12) {
                    problems.add(path + ": expected " + e + ", got " + a + " (relative error "
                            + Math.abs(a - e) / Math.abs(e) + ")");
                }
            } else if (actual != null && actual.isArray() && actual.size() == 1) {
                // R's auto_unbox writes a one-element list as a scalar
                node(path, expected, actual.get(0));
            } else {
                count++;
                if (actual == null || !actual.asString().equals(expected.asString())) {
                    problems.add(path + ": expected " + expected + ", got " + actual);
                }
            }
        }

        void assertOk() {
            if (!problems.isEmpty()) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                pw.println(problems.size() + " value(s) differ from metafor:");
                problems.stream().limit(40).forEach(p -> pw.println("  " + p));
                fail(sw.toString());
            }
            assertTrue(count > 0, "nothing was compared");
        }
    }
}
