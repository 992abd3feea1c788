package org.mscmeta.report.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.files.AtomicFiles;
import org.mscmeta.files.OfficeZip;
import org.mscmeta.report.RunInfo;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;

/**
 * Entry point of the workbook a reviewer can audit (Apache POI, .xlsx): {@code Summary}, one sheet per outcome whose
 * study effects, intervals and weights are live formulas on the count cells, {@code Sensitivity}, {@code Data} (the
 * input as read), {@code Methods} and {@code Warnings}. Pooled values are the engine's numbers; nothing is computed
 * here that the workbook does not show as a formula. Each sheet is written by its own class; {@link Cells} holds the
 * styles and the ways a cell is written.
 */
public final class Workbook {

    static {
        org.mscmeta.files.QuietLogging.forPoi(); // before POI's first class: no Log4j warning for library callers
    }

    /** The file name inside the output folder. */
    public static final String FILE_NAME = "results.xlsx";
    /** The workbook's title in its properties. */
    static final String TITLE = "Adverse events of mesenchymal stromal cells: meta-analysis workbook";

    static final String SUMMARY = org.mscmeta.sheet.SheetReader.RESULTS_SUMMARY_SHEET;
    static final String DATA = org.mscmeta.sheet.SheetReader.RESULTS_DATA_SHEET;
    static final String METHODS = org.mscmeta.sheet.SheetReader.RESULTS_METHODS_SHEET;
    static final String WARNINGS = "Warnings";
    static final String SENSITIVITY = "Sensitivity";
    static final String FINDINGS = "Summary of findings";
    static final String ROUTE_SOURCE = "Route x cell source";

    /**
     * A workbook of more than this many rows ({@link #rows}) is written with POI's streaming writer
     * ({@link StreamingXlsx}), which holds 200 rows of a sheet at a time: POI's whole-workbook writer holds every cell
     * as an XML tree, about 1.4 KB a cell (20 MB a thousand rows), and a 12,000-row sheet of 400 AE terms ran out of a 700 MB heap in it.
     */
    public static final int STREAMING_ROWS = 10_000;

    /** Input rows a worksheet can list below its header (1,048,576 rows in all). */
    static final int DATA_ROWS_MAX = 1_048_575;

    private Workbook() {
    }

    /**
     * About how many rows the workbook holds: the input's rows (the Data sheet) and, for each analysis (an outcome
     * overall or in a subgroup), its study rows and a few rows of pooled results. What decides between the two
     * writers ({@link #STREAMING_ROWS}): many AE terms make many outcome sheets from a sheet of few rows.
     */
    public static long rows(ExtractionSheet sheet, Results r) {
        long rows = sheet.size();
        for (Analysis a : r.analyses()) {
            rows += a.k() + 8;
        }
        return rows;
    }

    /** Per outcome, the PNG pages of the forest plot to embed, first page first; may wait for them to be drawn. */
    @FunctionalInterface
    public interface ForestImages {
        /** The pages, or an empty list for none. */
        List<Path> forestPages(String outcome) throws IOException;
    }

    /**
     * Writes the workbook atomically.
     *
     * @param forestPng per outcome, the forest plot PNG to embed (may be empty)
     */
    public static void write(ExtractionSheet sheet, Results r, RunInfo run, Map<String, Path> forestPng, Path file)
            throws IOException {
        write(sheet, r, run, pages(forestPng), file, DATA_ROWS_MAX);
    }

    private static ForestImages pages(Map<String, Path> forestPng) {
        return outcome -> {
            Path png = forestPng.get(outcome);
            return png == null ? List.of() : List.of(png);
        };
    }

    /**
     * Writes the workbook atomically, asking {@code forestPng} for the plots only once every table is filled, so
     * that the plots can be drawn meanwhile.
     */
    public static void write(ExtractionSheet sheet, Results r, RunInfo run, ForestImages forestPng, Path file)
            throws IOException {
        write(sheet, r, run, forestPng, file, DATA_ROWS_MAX);
    }

    /** As {@link #write(ExtractionSheet, Results, RunInfo, Map, Path)}, listing at most {@code dataRows} input rows. */
    static void write(ExtractionSheet sheet, Results r, RunInfo run, Map<String, Path> forestPng, Path file,
                      int dataRows) throws IOException {
        write(sheet, r, run, pages(forestPng), file, dataRows);
    }

    /**
     * As {@link #write(ExtractionSheet, Results, RunInfo, Map, Path)}, by the streaming writer when {@code streamed}
     * whatever the workbook's size: for the tests, which compare the two writers' workbooks.
     */
    static void write(ExtractionSheet sheet, Results r, RunInfo run, Path file, boolean streamed) throws IOException {
        write(sheet, r, run, pages(Map.of()), file, DATA_ROWS_MAX, streamed);
    }

    /** Where an outcome's forest plot goes: below the tables of its sheet. */
    private record Plot(Sheet sheet, String outcome, int row) {
    }

    private static void write(ExtractionSheet sheet, Results r, RunInfo run, ForestImages forestPng, Path file,
                              int dataRows) throws IOException {
        write(sheet, r, run, forestPng, file, dataRows, rows(sheet, r) > STREAMING_ROWS);
    }

    private static void write(ExtractionSheet sheet, Results r, RunInfo run, ForestImages forestPng, Path file,
                              int dataRows, boolean streamed) throws IOException {
        org.apache.poi.ss.usermodel.Workbook wb = streamed ? new StreamingXlsx() : new XSSFWorkbook();
        if (wb instanceof XSSFWorkbook x) {
            // POI parses every formula it is given to validate it; ours are generated, and the tests recalculate
            // them (POI's evaluator and LibreOffice), which parses them: checked there, not again in every run
            x.setCellFormulaValidation(false);
        }
        try {
            Cells cells = new Cells(wb, r.settings().measure().isRatio());
            // each outcome's sheet named first: the Summary's overall rows refer to its pooled cells
            SheetNames names = new SheetNames(SUMMARY, DATA, METHODS, WARNINGS, SENSITIVITY, FINDINGS, ROUTE_SOURCE);
            // each overall analysis's sheet, its subgroups' blocks below its own (OutcomeSheet.layout); at registry
            // scale without them (they would more than double the rows, the file and the time it takes to write)
            boolean blocks = rows(sheet, r) <= STREAMING_ROWS;
            // by identity: an analysis's own hashCode is that of all it holds (every study, every model), and
            // hashing each overall analysis once was 45 ms of the example's report
            List<Analysis> overalls = new ArrayList<>();
            Map<Analysis, List<Analysis>> subgroups = new java.util.IdentityHashMap<>();
            Analysis overall = null;
            for (Analysis a : r.analyses()) {
                if (a.subgroup() == null) {
                    overall = a;
                    overalls.add(a);
                    subgroups.put(a, new ArrayList<>());
                } else if (blocks && overall != null && overall.outcome().equals(a.outcome())) {
                    subgroups.get(overall).add(a);
                }
            }
            Map<Analysis, OutcomeSheet.Placed> placed = new java.util.IdentityHashMap<>();
            for (Analysis a : overalls) {
                String name = names.unique(a.outcome());
                OutcomeSheet.layout(a, subgroups.get(a)).forEach((b, at) -> placed.put(b,
                        new OutcomeSheet.Placed(name, at)));
            }
            SummarySheet.write(cells, r, placed, subgroups);
            FindingsSheet.write(cells, r, placed);
            RouteSourceSheet.write(cells, r);
            List<Plot> plots = new ArrayList<>();
            for (Analysis a : overalls) {
                String name = placed.get(a).sheet();
                int below = OutcomeSheet.write(cells, name, a, subgroups.get(a), r.settings(), placed);
                plots.add(new Plot(wb.getSheet(name), a.outcome(), below));
            }
            SensitivitySheet.write(cells, r);
            int listed = DataSheet.write(cells, sheet, dataRows);
            MethodsSheet.write(cells, r, run, blocks);
            List<Notice> notices = new ArrayList<>(r.notices());
            if (listed < sheet.size()) {
                notices.add(0, new Notice("workbook", null, String.format(Locale.ROOT, "The %s sheet lists"
                        + " the first %,d of the %,d input rows (a worksheet holds no more); the analyses, results.json"
                        + " and the outcome sheets use every row.", DATA, listed, sheet.size())));
            }
            WarningsSheet.write(cells, notices);
            cells.fitHeaders(); // before the pictures: they are anchored to the columns
            for (Plot p : plots) {
                int row = p.row();
                for (Path png : forestPng.forestPages(p.outcome())) {
                    if (Files.exists(png)) {
                        // the pages one below the other, a row apart
                        row += Pictures.embed(wb, p.sheet(), png, row) + 1;
                    }
                }
            }
            printLayout(wb);
            wb.setForceFormulaRecalculation(true);
            XSSFWorkbook whole = wb instanceof SXSSFWorkbook sx ? sx.getXSSFWorkbook() : (XSSFWorkbook) wb;
            Pictures.anchorBySize(whole);
            org.mscmeta.files.DocumentProperties.set(whole, TITLE, "Computed from " + r.input());
            if (listed < sheet.size()) {
                whole.getProperties().getCoreProperties().setDescription(
                        org.mscmeta.sheet.SheetReader.resultsDataCut(listed, sheet.size()));
            }
            if (wb instanceof XSSFWorkbook x) {
                OfficeZip.write(x, file);
            } else {
                AtomicFiles.write(file, wb::write); // zipped by StreamingXlsx's own OfficeZip
            }
        } finally {
            if (wb instanceof SXSSFWorkbook sx) {
                sx.dispose();
                OfficeZip.discard(sx.getXSSFWorkbook());
            } else {
                OfficeZip.discard((XSSFWorkbook) wb);
            }
        }
    }

    /**
     * Every sheet that has not set its own layout (the Summary and the outcome sheets have) prints landscape, one page
     * wide.
     */
    private static void printLayout(org.apache.poi.ss.usermodel.Workbook wb) {
        for (Sheet s : wb) {
            if (!s.getFitToPage()) {
                Cells.printLayout(s, 1, null, null);
            }
        }
    }
}
