package org.mscmeta.report.docx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.analysis.SummaryOfFindings;
import org.mscmeta.files.OfficeZip;
import org.mscmeta.report.Formats;
import org.mscmeta.report.MethodsText;
import org.mscmeta.report.ModelWords;

/**
 * The manuscript kit, {@code report.docx} (Apache POI), for co-authors who write in Word: the methods paragraph,
 * the summary-of-findings table, the AE panel and the main forest plots (each outcome pooled from at least two
 * studies, by route and by cell source, largest k first) with their legends. Only formats what the engine computed.
 */
public final class ManuscriptKit {

    static {
        org.mscmeta.files.QuietLogging.forPoi(); // before POI's first class: no Log4j warning for library callers
    }

    /** The file name inside the output folder. */
    public static final String FILE_NAME = "report.docx";
    /** The kit's heading and its title in the file's properties. */
    static final String TITLE = "Adverse events of mesenchymal stromal cells: meta-analysis results";

    /** At most this many outcomes get their subgroup forest plots in the kit; the rest are in plots/. */
    static final int MAX_OUTCOMES = 8;

    /** A figure to include: its PNG pages, first page first, and its legend (below the last page). */
    public record Figure(List<Path> pages, String legend) {
        public Figure {
            pages = List.copyOf(pages);
        }
    }

    private ManuscriptKit() {
    }

    /**
     * The figures of the kit, in order, from the plots written: {@code png(name)} gives the PNG pages of the plot
     * named {@code name} ("ae-panel", "forest-death-by-route"), first page first, or an empty list when there is
     * none.
     */
    public static List<Figure> figures(Results r, java.util.function.Function<String, List<Path>> png,
                                       java.util.function.Function<String, String> stem) {
        List<Figure> out = new ArrayList<>();
        var s = r.settings();
        String measure = ModelWords.measure(s.measure());
        List<Path> panel = png.apply("ae-panel");
        boolean incidence = s.measure().isProportion();
        if (!panel.isEmpty()) {
            out.add(new Figure(panel, (incidence
                    ? "Pooled incidence of each adverse-event outcome among MSC recipients, all trials including"
                    + " single-arm ones."
                    : "Pooled " + measure + " of each adverse-event outcome, MSC versus control, with the incidence"
                    + " among MSC recipients.")
                    + " Diamonds: pooled estimates with " + ci(s) + " confidence intervals. Model: "
                    + ModelWords.panelModels(r.analyses().stream().filter(a -> a.subgroup() == null).toList(), s)
                    + "."));
        }
        List<Analysis> main = r.analyses().stream().filter(a -> a.subgroup() == null && a.k() >= 2)
                .sorted((a, b) -> Integer.compare(b.k(), a.k())).limit(MAX_OUTCOMES).toList();
        for (Analysis a : main) {
            for (String variable : s.by()) {
                List<Path> p = png.apply("forest-" + stem.apply(a.outcome()) + "-by-" + variable.replace('_', '-'));
                if (p.isEmpty()) {
                    continue;
                }
                boolean named = variable.equals("route") || variable.equals("cell_source");
                String words = variable.equals("route") ? "administration route" : variable.equals("cell_source")
                        ? "cell source" : variable.replace('_', ' ');
                // "within each cell source", but "within each subgroup of donor", not "within each donor"
                String within = named ? words : "subgroup of " + words;
                String squares = ModelWords.squares(s, "the study's weight within its subgroup");
                StringBuilder legend = new StringBuilder(a.outcome() + " by " + words + ": " + (incidence
                        ? "incidence among MSC recipients" : measure + " of MSC versus control")
                        + " in each study (squares, " + squares + "; lines, " + ci(s)
                        + " confidence intervals) and pooled within each " + within
                        + " and overall (diamonds). " + model(s));
                List<SubgroupComparison> tests = r.subgroupTests(a.outcome(), variable);
                // the models the figure shows, in its order: the common effect, and random effects when fitted
                ModelWords.subgroupTests(tests, s.tau2() != null && a.random().isFitted(), s, t -> "Chi\u00b2 = "
                        + Formats.test(t.q()) + ", df = " + t.df() + ", " + Formats.pIs("P", t.p(), " "))
                        .forEach(line -> legend.append(' ').append(line).append('.'));
                out.add(new Figure(p, legend.toString()));
            }
        }
        return out;
    }

    /**
     * The model a figure pools by, as a sentence of its own ("Model: random effects (REML)."), so that no caption
     * nests the method's parentheses in its own.
     */
    private static String model(org.mscmeta.analysis.Settings s) {
        return "Model: " + ModelWords.shown(s) + ".";
    }

    private static String ci(org.mscmeta.analysis.Settings s) {
        return Formats.level(s.level());
    }

    /** Writes the kit atomically. */
    public static void write(Results r, List<Figure> figures, Path file) throws IOException {
        XWPFDocument doc = new XWPFDocument();
        try {
            org.mscmeta.files.DocumentProperties.set(doc, TITLE, "Computed from " + r.input());
            heading(doc, TITLE, 16);
            text(doc, "Generated by mscmeta from " + r.input() + " (" + org.mscmeta.sheet.Notice.count(r.rows(), "row",
                    "rows") + "). Every number is in results.json and results.xlsx" + (r.analyses().isEmpty() ? "."
                    : "; every plot in plots/ as PNG, SVG and PDF."), false);
            heading(doc, "Methods", 13);
            text(doc, MethodsText.paragraph(r), false);
            heading(doc, "Summary of findings", 13);
            findings(doc, r);
            if (!figures.isEmpty()) {
                heading(doc, "Figures", 13);
            }
            int n = 1;
            for (Figure f : figures) {
                XWPFParagraph last = null;
                for (Path page : f.pages()) {
                    last = picture(doc, page);
                }
                if (last != null) {
                    keepNext(last); // the legend on the page of the figure (its last page)
                }
                XWPFParagraph p = doc.createParagraph();
                XWPFRun label = p.createRun();
                label.setBold(true);
                label.setText("Figure " + n++ + ". ");
                label.setFontSize(9);
                XWPFRun legend = p.createRun();
                legend.setText(typeset(f.legend()));
                legend.setFontSize(9);
            }
            OfficeZip.write(doc, file);
        } finally {
            OfficeZip.discard(doc);
        }
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        keepNext(p); // never alone at the foot of a page, its text or figure on the next

        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    /** Keeps {@code p} on the page of the paragraph after it (POI's setKeepNext needs the properties to exist). */
    private static void keepNext(XWPFParagraph p) {
        if (!p.getCTP().isSetPPr()) {
            p.getCTP().addNewPPr();
        }
        p.setKeepNext(true);
    }

    /**
     * A negative number's sign as the minus sign (U+2212), as journals typeset it: Word and LibreOffice break a line
     * after a hyphen-minus, which split "[-0.10, 0.07]" into "[-" and "0.10, 0.07]" in a narrow table column. A hyphen
     * between words or numbers ("Freeman-Tukey", "day 0-14") stays.
     */
    static String typeset(String text) {
        return NEGATIVE.matcher(text).replaceAll("$1\u2212");
    }

    /** A hyphen-minus at the start or after a space or an opening bracket, before a digit or a decimal point. */
    private static final java.util.regex.Pattern NEGATIVE = java.util.regex.Pattern.compile("(^|[\\s(\\[])-(?=[0-9.])");

    private static void text(XWPFDocument doc, String text, boolean small) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        XWPFRun run = p.createRun();
        run.setText(typeset(text));
        run.setFontSize(small ? 9 : 11);
    }

    /** The GRADE table: outcome, participants (studies), relative effect, risks per 1,000, difference. */
    private static void findings(XWPFDocument doc, Results r) {
        var s = r.settings();
        boolean ratio = s.measure().isRatio();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Outcome", "Participants (studies)", "Relative effect (" + ci(s) + "\u00a0CI)",
            "Risk with control (per 1,000)", "Risk with MSC (per 1,000)", "Difference (per 1,000)",
            "Certainty (GRADE)"});
        for (Analysis a : r.analyses()) {
            SummaryOfFindings f = a.summaryOfFindings();
            if (a.subgroup() != null || f == null || s.measure().isProportion()) {
                continue; // a proportion measure has no comparison to summarise: the sentence below says so once
            }
            String rel = Double.isFinite(f.relative()) ? s.measure().name() + " " + Formats.interval(f.relative(),
                    f.relativeLower(), f.relativeUpper(), ratio) : Formats.NOT_ESTIMABLE;
            // not estimable: the reason across the three columns of absolute effects
            rows.add(f.isEstimable() ? new String[] {a.outcome(), f.participants() + " (" + f.studies() + ")", rel,
                Formats.whole(1000 * f.controlRisk()),
                Formats.wholeRange(f.mscPer1000(), f.mscLower(), f.mscUpper(), false),
                Formats.wholeRange(f.differencePer1000(), f.differenceLower(), f.differenceUpper(), true), ""}
                : new String[] {a.outcome(), f.participants() + " (" + f.studies() + ")", rel, f.notEstimable(), null,
                    null, ""});
        }
        if (rows.size() == 1) {
            text(doc, s.measure().isProportion() ? ModelWords.FINDINGS_NOT_COMPARATIVE
                    : "Not estimable: no outcome was pooled.", false);
            return;
        }
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).length);
        // fixed column widths (16 cm in all), so that a cell spanning three columns is drawn as wide as they are;
        // each at least its longest word at 8 pt bold plus the cell margins ("Participants" was split "Particip-ants")
        int[] twips = {1600, 1320, 1400, 900, 1250, 1340, 1262};
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int t : twips) {
            grid.addNewGridCol().setW(java.math.BigInteger.valueOf(t));
        }
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            // the heading row on every page the table runs onto, and no outcome's row split across two
            row.setRepeatHeader(i == 0);
            row.setCantSplitRow(true);
            if (rows.get(i)[4] == null) {
                row.getCell(3).getCTTc().addNewTcPr().addNewGridSpan().setVal(java.math.BigInteger.valueOf(3));
                row.removeCell(5);
                row.removeCell(4);
            }
            for (int j = 0, c = 0; j < rows.get(i).length; j++) {
                if (rows.get(i)[j] == null) {
                    continue;
                }
                int span = j + 1 < rows.get(i).length && rows.get(i)[j + 1] == null ? twips[j] + twips[j + 1]
                        + twips[j + 2] : twips[j];
                row.getCell(c).setWidth(Integer.toString(span));
                XWPFParagraph p = row.getCell(c++).getParagraphs().get(0);
                XWPFRun run = p.createRun();
                run.setText(typeset(rows.get(i)[j]));
                run.setFontSize(8);
                run.setBold(i == 0);
            }
        }
        text(doc, "Relative effect: " + ModelWords.shown(s) + ". Risk with control: "
                + SummaryOfFindings.controlRiskRule(s) + "; the risk with MSC is that risk combined with the relative"
                + " effect. Certainty of the evidence: to be rated by the reviewers." + ModelWords.findingsOwnZInterval(r),
                true);
    }

    /** A PNG at 16 cm wide (its aspect kept), on its own paragraph. */
    private static XWPFParagraph picture(XWPFDocument doc, Path png) throws IOException {
        int[] size = org.mscmeta.report.plot.DrawingFiles.pngSize(png);
        double widthCm = 16;
        double heightCm = Math.min(widthCm * size[1] / size[0], 22);
        double w = heightCm < widthCm * size[1] / size[0] ? heightCm * size[0] / size[1] : widthCm;
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        try (InputStream in = Files.newInputStream(png)) {
            p.createRun().addPicture(in, org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    png.getFileName().toString(), Units.toEMU(w / 2.54 * 72), Units.toEMU(heightCm / 2.54 * 72));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(png + ": " + e.getMessage(), e);
        }
        return p;
    }
}
