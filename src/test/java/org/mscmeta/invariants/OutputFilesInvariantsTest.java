package org.mscmeta.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mscmeta.analysis.MetaAnalysis;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.effect.Convention;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.ReportWriter;
import org.mscmeta.report.RunInfo;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.SheetReader;
import tools.jackson.databind.ObjectMapper;

/**
 * Every file a run writes, under options off the default path and on an extreme sheet, is free of NaN and Infinity
 * and parses: results.json (Jackson), each SVG (an XML parser), each PDF (PDFBox, every operand of every content
 * stream finite), the workbook's XML parts.
 */
class OutputFilesInvariantsTest {

    private static final Pattern NON_FINITE = Pattern.compile("\\bNaN\\b|\\bInfinity\\b");

    @TempDir
    static Path dir;

    static Stream<Arguments> runs() throws IOException {
        Path example = Path.of("examples/msc_adverse_events.csv");
        Path extreme = ExtremeSheet.write(dir.resolve("extreme.csv"));
        Settings d = Settings.DEFAULTS;
        return Stream.of(
                Arguments.of("example hksj", example, d.withHksj(true)),
                Arguments.of("example revman5 DL", example, d.withConvention(Convention.REVMAN5).withTau2(TauSquared.DL)),
                Arguments.of("example meta", example, d.withConvention(Convention.META)),
                Arguments.of("example PLOGIT", example, d.withMeasure(Measure.PLOGIT)),
                Arguments.of("example OR GLMM", example, d.withMeasure(Measure.OR).withMethod(Method.GLMM)),
                Arguments.of("example RD common only", example, d.withMeasure(Measure.RD).withTau2(null)),
                Arguments.of("extreme default", extreme, d),
                Arguments.of("extreme hksj PM", extreme, d.withHksj(true).withTau2(TauSquared.PM)),
                Arguments.of("extreme OR Peto", extreme, d.withMeasure(Measure.OR).withMethod(Method.PETO)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void everyFileIsFiniteAndParses(String name, Path input, Settings settings) throws Exception {
        ExtractionSheet sheet = SheetReader.withBuiltInVocabulary().read(input, null);
        Results r = MetaAnalysis.run(sheet, settings);
        Path out = dir.resolve(name.replace(' ', '-'));
        ReportWriter.write(sheet, r, new RunInfo(input.toString(), "0", "2026-12-02T00:00:00Z"), out, false);
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files++;
                String n = f.getFileName().toString();
                if (n.endsWith(".json")) {
                    String text = Files.readString(f);
                    new ObjectMapper().readTree(text);
                    check(problems, n, text);
                } else if (n.endsWith(".svg")) {
                    String text = Files.readString(f);
                    parseXml(Files.newInputStream(f));
                    check(problems, n, text);
                } else if (n.endsWith(".pdf")) {
                    pdf(problems, f);
                } else if (n.endsWith(".xlsx")) {
                    xlsx(problems, f);
                }
            }
        }
        assertTrue(files > 10, name + ": only " + files + " files");
        assertEquals(List.of(), problems);
    }

    /** "not estimable" said twice over, as reasons that said it themselves were once prefixed again. */
    private static final Pattern TWICE = Pattern.compile("not estimable: not estimable|\"not_estimable\": \"not estimable");

    private static void check(List<String> problems, String file, String text) {
        for (Pattern p : List.of(NON_FINITE, TWICE)) {
            var m = p.matcher(text);
            if (m.find()) {
                int at = m.start();
                problems.add(file + ": " + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40)));
            }
        }
    }

    private static void parseXml(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        try (in) {
            f.newDocumentBuilder().parse(in);
        }
    }

    /** Every numeric operand of every page's content (and its forms) is finite. */
    private static void pdf(List<String> problems, Path f) throws IOException {
        try (PDDocument doc = Loader.loadPDF(f.toFile())) {
            for (PDPage page : doc.getPages()) {
                operands(problems, f.getFileName().toString(), new PDFStreamParser(page).parse());
                for (var name : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(name);
                    if (x instanceof PDFormXObject form) {
                        operands(problems, f.getFileName().toString(), new PDFStreamParser(form).parse());
                    }
                }
            }
        }
    }

    private static void operands(List<String> problems, String file, List<Object> tokens) {
        for (Object t : tokens) {
            if (t instanceof COSNumber n && !Double.isFinite(n.floatValue())) {
                problems.add(file + ": non-finite operand " + n);
            }
        }
    }

    private static void xlsx(List<String> problems, Path f) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".xml")) {
                    byte[] bytes = zip.readAllBytes();
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    parseXml(new java.io.ByteArrayInputStream(bytes));
                    var m = Pattern.compile("<v>(NaN|-?Infinity|#NUM!)</v>").matcher(text);
                    if (m.find()) {
                        problems.add(f.getFileName() + "/" + e.getName() + ": " + m.group());
                    }
                }
            }
        }
        formulasParse(problems, f);
    }

    /**
     * Every formula of the workbook parses as a spreadsheet formula: the workbook is written without POI's validation
     * of each formula as it is set (it cost a quarter of the report's time), so it is checked here, over the grid.
     */
    private static void formulasParse(List<String> problems, Path f) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(f.toFile())) {
            var parsing = org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook.create(wb);
            int formulas = 0;
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                for (var row : wb.getSheetAt(i)) {
                    for (var cell : row) {
                        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
                            continue;
                        }
                        formulas++;
                        try {
                            org.apache.poi.ss.formula.FormulaParser.parse(cell.getCellFormula(), parsing,
                                    org.apache.poi.ss.formula.FormulaType.CELL, i, row.getRowNum());
                        } catch (RuntimeException e) {
                            problems.add(f.getFileName() + "/" + wb.getSheetName(i) + "!"
                                    + cell.getAddress() + ": " + cell.getCellFormula() + ": " + e.getMessage());
                        }
                    }
                }
            }
            if (formulas == 0) {
                problems.add(f.getFileName() + ": no formula at all");
            }
        }
    }
}
