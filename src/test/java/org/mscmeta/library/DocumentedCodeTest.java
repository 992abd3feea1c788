package org.mscmeta.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java in the documentation is real: the README's program is compiled and run as a user would run it (its own
 * JVM, the example sheet beside it) and prints the numbers of results.json, with nothing on stderr (no logging
 * warning); every fragment of docs/library.md compiles against the library.
 */
class DocumentedCodeTest {

    private static final Pattern JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static List<String> javaBlocks(Path markdown) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA.matcher(Files.readString(markdown));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The test class path, as surefire gives it to this JVM. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static void compile(Path dir, Path source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, err, "-classpath", classPath(), "-d", dir.toString(), "-proc:none",
                source.toString());
        assertEquals(0, status, source.getFileName() + " does not compile:\n" + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyOptionOfAnalyzeIsInTheCommandLineGuide() throws Exception {
        org.mscmeta.testing.Cli.Run help = org.mscmeta.testing.Cli.run("analyze", "--help");
        assertEquals(0, help.status(), help.all());
        String guide = Files.readString(Path.of("docs/command-line.md"));
        Matcher m = Pattern.compile("(?m)^\\s+(?:-\\w,)?(--[a-z0-9-]+)").matcher(help.out());
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        assertTrue(options.size() >= 30, "options in --help: " + options);
        List<String> missing = new ArrayList<>();
        for (String option : options) {
            if (!guide.contains("`" + option)) {
                missing.add(option);
            }
        }
        assertEquals(List.of(), missing, "options of analyze --help missing from docs/command-line.md");
    }

    @Test
    void readmeProgramRunsAndPrintsTheNumbersOfResultsJson(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks(Path.of("README.md"));
        assertEquals(1, blocks.size(), "one Java program in the README");
        String program = blocks.get(0);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(program);
        assertTrue(name.find(), "a public class");
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, program);
        compile(dir, source);

        // run where a user would: a folder holding examples/
        Path work = Files.createDirectories(dir.resolve("work/examples"));
        Files.copy(Path.of("examples/msc_adverse_events.csv"), work.resolve("msc_adverse_events.csv"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classPath(), name.group(1))
                .directory(work.getParent().toFile());
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("", err, "nothing on stderr (no logging warning)");
        assertTrue(Files.size(work.getParent().resolve("forest-death.png")) > 10_000, "the plot was written");

        // the numbers printed are those of results.json for the same sheet
        Path json = dir.resolve("json");
        org.mscmeta.testing.Cli.Run r = org.mscmeta.testing.Cli.run("analyze", "examples/msc_adverse_events.csv",
                "--out", json.toString(), "--no-report", "--quiet");
        assertEquals(0, r.status(), r.all());
        JsonNode results = JsonMapper.builder().build().readTree(json.resolve("results.json").toFile());
        int compared = 0;
        for (JsonNode a : results.get("analyses")) {
            if (!a.get("subgroup").isNull()) {
                continue;
            }
            JsonNode random = a.get("random");
            String expected = a.get("outcome").asString() + ": " + String.format("RR %.2f [%.2f, %.2f], k = %d",
                    random.get("estimate").asDouble(), random.get("ci_lower").asDouble(),
                    random.get("ci_upper").asDouble(), random.get("k").asInt());
            assertTrue(out.contains(expected + System.lineSeparator()), "expected the line " + expected + " in\n" + out);
            compared++;
        }
        assertTrue(compared >= 20, "outcomes compared: " + compared);
        for (JsonNode a : results.get("analyses")) {
            JsonNode sg = a.get("subgroup");
            if (a.get("outcome").asString().equals("Death") && !sg.isNull()
                    && sg.get("level").asString().equals("intravenous")) {
                JsonNode random = a.get("random");
                assertTrue(out.contains(String.format("Death, intravenous: RR %.2f [%.2f, %.2f]",
                        random.get("estimate").asDouble(), random.get("ci_lower").asDouble(),
                        random.get("ci_upper").asDouble())), out);
            }
        }
    }

    /**
     * A caller's program that reads a workbook (Apache POI, which logs through Log4j), reads and writes Tablesaw
     * tables and writes a PDF (PDFBox, which logs through Commons Logging): nothing appears on stderr.
     */
    @Test
    void libraryUseWritesNothingOnStderr(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("trials.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet("trials");
            String[][] rows = {{"study", "outcome", "events_msc", "n_msc", "events_control", "n_control", "route"},
                {"A 2001", "Death", "2", "30", "4", "31", "intravenous"},
                {"B 2002", "Death", "1", "20", "3", "22", "intrathecal"},
                {"C 2003", "Death", "0", "15", "2", "14", "intravenous"}};
            for (int i = 0; i < rows.length; i++) {
                org.apache.poi.ss.usermodel.Row r = sh.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (i > 0 && j >= 2 && j <= 5) {
                        r.createCell(j).setCellValue(Integer.parseInt(rows[i][j]));
                    } else {
                        r.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
            try (java.io.OutputStream o = Files.newOutputStream(xlsx)) {
                wb.write(o);
            }
        }
        Path source = dir.resolve("Caller.java");
        Files.writeString(source, """
                import java.nio.file.Path;
                import org.mscmeta.analysis.*;
                import org.mscmeta.report.plot.Plots;
                import org.mscmeta.sheet.*;
                import org.mscmeta.tablesaw.*;
                import tech.tablesaw.api.Table;

                public class Caller {
                    public static void main(String[] args) throws Exception {
                        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(Path.of(args[0]), null);
                        Results results = MetaAnalysis.run(sheet, Settings.DEFAULTS);
                        Table pooled = ResultTables.analyses(results);
                        pooled.write().csv(args[1] + "/pooled.csv");
                        Table again = Table.read().csv(args[1] + "/pooled.csv");
                        Plots.forestBy(results, "Death", "route").write(Path.of(args[1], "death.pdf"));
                        System.out.println(again.rowCount() + " " + results.overall("Death").estimate().value());
                    }
                }
                """);
        compile(dir, source);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", dir + File.pathSeparator + classPath(), "Caller", xlsx.toString(),
                dir.toString()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("", err, "nothing on stderr");
        assertTrue(out.startsWith("3 "), out);
        assertTrue(Files.size(dir.resolve("death.pdf")) > 1000);
    }

    @Test
    void everyFragmentOfTheLibraryGuideCompiles(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks(Path.of("docs/library.md"));
        assertTrue(blocks.size() >= 6, "fragments: " + blocks.size());
        StringBuilder src = new StringBuilder("""
                import java.nio.file.Path;
                import java.util.List;
                import org.mscmeta.analysis.*;
                import org.mscmeta.effect.*;
                import org.mscmeta.pool.*;
                import org.mscmeta.report.plot.*;
                import org.mscmeta.sheet.*;
                import org.mscmeta.tablesaw.*;
                import tech.tablesaw.api.Table;

                @SuppressWarnings("unused")
                class LibraryGuide {
                    int[] a, n1, c, n2;
                    ExtractionSheet sheet;
                    Results results;
                """);
        for (int i = 0; i < blocks.size(); i++) {
            src.append("    void fragment").append(i).append("() throws Exception {\n").append(blocks.get(i))
                    .append("\n    }\n");
        }
        src.append("}\n");
        Path source = dir.resolve("LibraryGuide.java");
        Files.writeString(source, src.toString());
        compile(dir, source);
    }
}
