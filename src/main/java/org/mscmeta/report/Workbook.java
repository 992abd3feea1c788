package org.mscmeta.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mscmeta.files.AtomicFiles;
import org.mscmeta.Tool;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.effect.EffectFormula;
import org.mscmeta.effect.Expr;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Field;
import org.mscmeta.sheet.Notice;
import org.mscmeta.sheet.TextColumn;

/**
 * The Excel workbook a reviewer can audit (Apache POI, .xlsx): {@code Summary}, one sheet per outcome whose study
 * effects, intervals and weights are live formulas on the count cells, {@code Data} (the input as read),
 * {@code Methods} and {@code Warnings}. Pooled values are the engine's numbers; nothing is computed here that
 * the workbook does not show as a formula. Text is always stored as text (a leading {@code = + - @} never makes a
 * formula).
 */
public final class Workbook {

    /** The file name inside the output folder. */
    public static final String FILE_NAME = "results.xlsx";

    static final String SUMMARY = "Summary";
    static final String DATA = "Data";
    static final String METHODS = "Methods";
    static final String WARNINGS = "Warnings";
    static final String SENSITIVITY = "Sensitivity";
    /** First row (0-based) of the study table on an outcome sheet. */
    static final int FIRST_STUDY_ROW = 5;

    /** Inputs above this many rows are written with POI's streaming writer (rows flushed 200 at a time). */
    public static final int STREAMING_ROWS = 20_000;

    /**
     * In memory for ordinary sheets; streaming for registry-size ones. The streaming writer stores a cached 0 in
     * formula cells, which LibreOffice shows until recalculated (Excel recalculates: the workbook asks for it).
     */
    private final org.apache.poi.ss.usermodel.Workbook wb;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle textStyle;
    private final CellStyle quoted;
    private final CellStyle wrap;
    private final CellStyle est;
    private final CellStyle pStyle;
    private final CellStyle num4;
    private final CellStyle pct;
    private final CellStyle intStyle;
    private final CellStyle bold;
    private final CellStyle plain;
    private final java.util.Map<CellStyle, CellStyle> quotedVariants = new java.util.HashMap<>();

    private Workbook(boolean streaming) {
        wb = streaming ? new FastZipWorkbook() : new XSSFWorkbook();
        var df = wb.createDataFormat();
        Font hf = wb.createFont();
        hf.setBold(true);
        header = wb.createCellStyle();
        header.setFont(hf);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        Font tf = wb.createFont();
        tf.setBold(true);
        tf.setFontHeightInPoints((short) 13);
        title = wb.createCellStyle();
        title.setFont(tf);
        bold = wb.createCellStyle();
        bold.setFont(hf);
        textStyle = wb.createCellStyle();
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        est = wb.createCellStyle();
        est.setDataFormat(df.getFormat("0.000"));
        pStyle = wb.createCellStyle();
        pStyle.setDataFormat(df.getFormat("[<0.0001]\"<0.0001\";0.0000"));
        num4 = wb.createCellStyle();
        num4.setDataFormat(df.getFormat("0.0000"));
        pct = wb.createCellStyle();
        pct.setDataFormat(df.getFormat("0.0"));
        intStyle = wb.createCellStyle();
        intStyle.setDataFormat(df.getFormat("0"));
        plain = wb.getCellStyleAt(0);
    }

    /**
     * The streaming workbook for registry-size sheets, zipped with the fastest deflate level: the XML of a
     * registry-scale workbook runs to hundreds of megabytes, and level 1 compresses it several times faster than
     * the default for a file about a fifth larger.
     */
    private static final class FastZipWorkbook extends org.apache.poi.xssf.streaming.SXSSFWorkbook {
        FastZipWorkbook() {
            super(200);
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                java.io.OutputStream out) {
            var zip = super.createArchiveOutputStream(out);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }

        /** Each sheet's rows are written through an {@link UnlockedWriter}. */
        @Override
        protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
            return new org.apache.poi.xssf.streaming.SheetDataWriter() {
                @Override
                public java.io.Writer createWriter(java.io.File fd) throws IOException {
                    return new UnlockedWriter(new java.io.OutputStreamWriter(
                            decorateOutputStream(new java.io.FileOutputStream(fd)),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            };
        }
    }

    /**
     * A buffering writer that takes no lock. POI's streaming sheet writer writes a registry-size sheet through
     * its writer one character or a few at a time (escaping text cell values character by character); through
     * {@link java.io.BufferedWriter}, which locks and checks that it is open on every call, that was a tenth of the
     * CPU of the 80,000-row report. Used by one thread only.
     */
    static final class UnlockedWriter extends java.io.Writer {
        private final java.io.Writer out;
        private final char[] buf = new char[1 << 14];
        private int used;

        UnlockedWriter(java.io.Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == buf.length) {
                drain();
            }
            buf[used++] = (char) c;
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            if (len > buf.length - used) {
                drain();
                if (len > buf.length) {
                    out.write(chars, off, len);
                    return;
                }
            }
            System.arraycopy(chars, off, buf, used, len);
            used += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            if (len > buf.length - used) {
                drain();
                if (len > buf.length) {
                    out.write(str, off, len);
                    return;
                }
            }
            str.getChars(off, off + len, buf, used);
            used += len;
        }

        @Override
        public void write(String str) throws IOException {
            write(str, 0, str.length());
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buf, 0, used);
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                out.close();
            }
        }
    }

    /**
     * Writes the workbook atomically.
     *
     * @param forestPng per outcome, the forest plot PNG to embed (may be empty)
     */
    public static void write(ExtractionSheet sheet, Results r, RunInfo run, Map<String, Path> forestPng, Path file)
            throws IOException {
        write(sheet, r, run, forestPng::get, file, DATA_ROWS_MAX);
    }

    /** Per outcome, the forest plot PNG to embed, or null; may wait for the plot to be drawn. */
    @FunctionalInterface
    public interface ForestImages {
        Path forestPng(String outcome) throws IOException;
    }

    /**
     * Writes the workbook atomically, asking {@code forestPng} for the plots only once every table is filled, so
     * that the plots can be drawn meanwhile.
     */
    public static void write(ExtractionSheet sheet, Results r, RunInfo run, ForestImages forestPng, Path file)
            throws IOException {
        write(sheet, r, run, forestPng, file, DATA_ROWS_MAX);
    }

    /** Input rows a worksheet can list below its header (1,048,576 rows in all). */
    static final int DATA_ROWS_MAX = 1_048_575;

    /** As {@link #write(ExtractionSheet, Results, RunInfo, Map, Path)}, listing at most {@code dataRows} input rows. */
    static void write(ExtractionSheet sheet, Results r, RunInfo run, Map<String, Path> forestPng, Path file,
                      int dataRows) throws IOException {
        write(sheet, r, run, forestPng::get, file, dataRows);
    }

    private static void write(ExtractionSheet sheet, Results r, RunInfo run, ForestImages forestPng, Path file,
                              int dataRows) throws IOException {
        Workbook w = new Workbook(sheet.size() > STREAMING_ROWS);
        try {
            w.summary(r);
            SheetNames names = new SheetNames(SUMMARY, DATA, METHODS, WARNINGS, SENSITIVITY);
            for (Analysis a : r.analyses()) {
                if (a.subgroup() == null) {
                    w.outcomeSheet(names.unique(a.outcome()), a, r.settings());
                }
            }
            w.sensitivity(r);
            int listed = w.data(sheet, dataRows);
            w.methods(r, run);
            List<Notice> notices = new java.util.ArrayList<>(r.notices());
            if (listed < sheet.size()) {
                notices.add(0, new Notice("workbook", null, String.format(java.util.Locale.ROOT, "The %s sheet lists"
                        + " the first %,d of the %,d input rows (a worksheet holds no more); the analyses, results.json"
                        + " and the outcome sheets use every row.", DATA, listed, sheet.size())));
            }
            w.warnings(notices);
            for (Plot p : w.plots) {
                Path png = forestPng.forestPng(p.outcome());
                if (png != null && Files.exists(png)) {
                    w.embed(p.sheet(), png, p.row());
                }
            }
            w.printLayout();
            w.wb.setForceFormulaRecalculation(true);
            AtomicFiles.write(file, w.wb::write);
        } finally {
            if (w.wb instanceof org.apache.poi.xssf.streaming.SXSSFWorkbook sx) {
                sx.dispose();
            }
            w.wb.close();
        }
    }

    // ---------------------------------------------------------------- Summary

    private void summary(Results r) {
        Sheet s = wb.createSheet(SUMMARY);
        String m = r.settings().measure().name();
        String[] heads = {"Outcome", "Subgroup variable", "Subgroup", "k", "Double-zero studies excluded",
            "MSC events", "MSC total", "Control events", "Control total", "Common method", "Common " + m,
            "Common CI lower", "Common CI upper", "Common p", "Tau\u00b2 method", "Random " + m, "Random CI lower",
            "Random CI upper", "Random p", "Tau\u00b2", "I\u00b2 (%)", "Q", "df", "p (Q)", "Prediction lower",
            "Prediction upper", "Incidence in MSC arms (all trials)", "Incidence CI lower", "Incidence CI upper",
            "Trials in incidence (incl. single-arm)"};
        headerRow(s, 0, heads);
        s.getRow(0).setHeightInPoints(32);
        int row = 1;
        for (Analysis a : r.analyses()) {
            Row x = s.createRow(row++);
            text(x, 0, a.outcome());
            text(x, 1, a.subgroup() == null ? "(overall)" : a.subgroup().variable());
            text(x, 2, a.subgroup() == null ? "" : a.subgroup().level());
            number(x, 3, a.k(), intStyle);
            number(x, 4, a.kDoubleZeroExcluded(), intStyle);
            number(x, 5, a.eventsMsc(), intStyle);
            number(x, 6, a.nMsc(), intStyle);
            number(x, 7, a.eventsControl(), intStyle);
            number(x, 8, a.nControl(), intStyle);
            CommonResult c = a.common();
            if (c != null) {
                text(x, 9, c.method());
                number(x, 10, c.estimate(), est);
                number(x, 11, c.ciLower(), est);
                number(x, 12, c.ciUpper(), est);
                number(x, 13, c.p(), pStyle);
            }
            RandomResult rr = a.random();
            if (rr != null) {
                text(x, 14, rr.tau2Method() + (rr.hksj() ? " + HKSJ" : ""));
                number(x, 15, rr.estimate(), est);
                number(x, 16, rr.ciLower(), est);
                number(x, 17, rr.ciUpper(), est);
                number(x, 18, rr.p(), pStyle);
                number(x, 19, rr.tau2(), num4);
                number(x, 24, rr.piLower(), est);
                number(x, 25, rr.piUpper(), est);
            }
            if (a.incidence() != null && a.incidence().random() != null) {
                RandomResult inc = a.incidence().random();
                number(x, 26, inc.estimate(), est);
                number(x, 27, inc.ciLower(), est);
                number(x, 28, inc.ciUpper(), est);
                number(x, 29, a.incidence().k(), intStyle);
            }
            Heterogeneity h = a.heterogeneity();
            if (h != null) {
                number(x, 20, h.i2(), pct);
                number(x, 21, h.q(), num4);
                number(x, 22, h.df(), intStyle);
                number(x, 23, h.p(), pStyle);
            }
        }
        int last = Math.max(row - 1, 1);
        s.setAutoFilter(new CellRangeAddress(0, last, 0, heads.length - 1));
        s.createFreezePane(1, 1);
        row += 2;
        Row t = s.createRow(row++);
        cell(t, 0, "Tests for subgroup differences", bold);
        headerRow(s, row++, new String[] {"Outcome", "Subgroup variable", "Model", "Q (Chi\u00b2)", "df", "p",
            "I\u00b2 (%)"});
        for (SubgroupComparison c : r.subgroupTests()) {
            Row x = s.createRow(row++);
            text(x, 0, c.outcome());
            text(x, 1, c.variable());
            text(x, 2, c.model());
            number(x, 3, c.q(), num4);
            number(x, 4, c.df(), intStyle);
            number(x, 5, c.p(), pStyle);
            number(x, 6, c.i2(), pct);
        }
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 16 * 256);
        s.setColumnWidth(2, 22 * 256);
        for (int j = 3; j < heads.length; j++) {
            s.setColumnWidth(j, 12 * 256);
        }
    }

    // ---------------------------------------------------------------- outcome sheets

    /** Column layout of an outcome sheet. */
    enum Col {
        STUDY, YEAR, ROW, A, N1, C, N2, INCLUDED, CC1, CC2, YI, VI, SE, EST, LO, HI, W_COMMON_RAW, W_COMMON,
        W_RANDOM_RAW, W_RANDOM;

        private final String letter = CellReference.convertNumToColString(ordinal());

        String letter() {
            return letter;
        }
    }

    /** Where an outcome's forest plot goes: below the tables of its sheet. */
    private record Plot(Sheet sheet, String outcome, int row) {
    }

    /** The forest plots to embed once the tables are written. */
    private final List<Plot> plots = new java.util.ArrayList<>();

    private void outcomeSheet(String name, Analysis a, Settings st) {
        Sheet s = wb.createSheet(name);
        Measure m = st.measure();
        Row r0 = s.createRow(0);
        cell(r0, 0, a.outcome(), title);
        Row r1 = s.createRow(1);
        text(r1, 0, m.label() + "; common effect " + st.method() + (st.tau2() == null ? "" : "; random effects "
                + st.tau2Name() + (st.hksj() ? " with HKSJ" : "")) + "; continuity correction " + st.cc().value()
                + " (" + st.cc().mode().id() + "); conventions of " + st.convention().displayName());
        // parameter cells: level, z, cc, tau2
        Row r2 = s.createRow(2);
        text(r2, 0, "Confidence level");
        number(r2, 1, st.level(), est);
        text(r2, 2, "z");
        r2.createCell(3).setCellFormula("NORMSINV(1-(1-B3)/2)");
        r2.getCell(3).setCellStyle(num4);
        text(r2, 4, "Correction");
        number(r2, 5, st.cc().value(), est);
        text(r2, 6, "Tau\u00b2");
        if (a.random() != null) {
            number(r2, 7, a.random().tau2(), num4);
        }
        String z = "$D$3";
        String cc = "$F$3";
        String tau2 = "$H$3";
        String scale = m.isRatio() ? "log " + m.name() : m.name();
        boolean peto = st.method() == Method.PETO;
        String[] heads = {"Study", "Year", "Input row", "MSC events", "MSC total", "Control events", "Control total",
            "Included", "Correction MSC", "Correction control", (peto ? "Peto log OR" : scale) + " (yi)",
            "Variance (vi)", "SE", (peto ? "Peto OR" : m.name()), "CI lower", "CI upper",
            "Common weight (raw, " + st.method() + ")", "Common weight (%)", "Random weight (raw)", "Random weight (%)"};
        headerRow(s, FIRST_STUDY_ROW - 1, heads);
        s.getRow(FIRST_STUDY_ROW - 1).setHeightInPoints(44);
        int first = FIRST_STUDY_ROW;
        int lastRow = first + a.studies().size() - 1;
        boolean anyZero = anyCorrectionTrigger(a, m);
        int i = first;
        String sumCommon = "/SUM(" + range(Col.W_COMMON_RAW, first, lastRow) + ")";
        String sumRandom = "/SUM(" + range(Col.W_RANDOM_RAW, first, lastRow) + ")";
        for (StudyResult sr : a.studies()) {
            Row x = s.createRow(i);
            int excel = i + 1;
            text(x, Col.STUDY.ordinal(), sr.study());
            if (sr.year() != ExtractionSheet.NO_YEAR) {
                number(x, Col.YEAR.ordinal(), sr.year(), intStyle);
            }
            number(x, Col.ROW.ordinal(), sr.row(), intStyle);
            number(x, Col.A.ordinal(), sr.eventsMsc(), intStyle);
            number(x, Col.N1.ordinal(), sr.nMsc(), intStyle);
            number(x, Col.C.ordinal(), sr.eventsControl(), intStyle);
            number(x, Col.N2.ordinal(), sr.nControl(), intStyle);
            text(x, Col.INCLUDED.ordinal(), sr.included() ? "yes" : "no: " + sr.exclusion());
            String a1 = ref(Col.A, excel);
            String n1 = ref(Col.N1, excel);
            String c1 = ref(Col.C, excel);
            String n2 = ref(Col.N2, excel);
            java.util.function.Function<Expr.Var, String> countRefs = v -> switch (v) {
                case A -> a1;
                case N1 -> n1;
                case C -> c1;
                case N2 -> n2;
                case CC -> cc;
                default -> "0";
            };
            if (sr.included() && !peto) {
                // the correction as the engine decides it (EffectFormula.increment), live on the counts
                formula(x, Col.CC1, increment(st, m, 1, anyZero).excel(countRefs), num4);
                formula(x, Col.CC2, m.isProportion() ? "0" : increment(st, m, 2, anyZero).excel(countRefs), num4);
            } else {
                number(x, Col.CC1.ordinal(), 0, num4);
                number(x, Col.CC2.ordinal(), 0, num4);
            }
            String k1 = ref(Col.CC1, excel);
            String k2 = ref(Col.CC2, excel);
            java.util.function.Function<Expr.Var, String> refs = v -> switch (v) {
                case A -> a1;
                case N1 -> n1;
                case C -> c1;
                case N2 -> n2;
                case K1 -> k1;
                case K2 -> k2;
                case CC -> cc;
            };
            // raw common-effect weight: MH and Peto use every table (as metafor), IV only included studies
            String wCommon = commonWeightFormula(st, m, refs, ref(Col.VI, excel));
            if (st.method() != Method.IV || sr.included()) {
                formula(x, Col.W_COMMON_RAW, wCommon, num4);
            }
            if (sr.included()) {
                // the engine's own formulas (EffectFormula), with the convention's switches
                EffectFormula f = peto ? EffectFormula.peto() : m.isProportion() ? EffectFormula.proportion(m)
                        : EffectFormula.of(m, st.convention());
                String[] yv = {f.yi().excel(refs), f.vi().excel(refs)};
                formula(x, Col.YI, yv[0], num4);
                formula(x, Col.VI, yv[1], num4);
                String yi = ref(Col.YI, excel);
                String se = ref(Col.SE, excel);
                formula(x, Col.SE, "SQRT(" + ref(Col.VI, excel) + ")", num4);
                if (m.isProportion()) {
                    // x/n with its Clopper-Pearson interval (the engine's: an inverse Beta, which not every
                    // spreadsheet program evaluates)
                    formula(x, Col.EST, a1 + "/" + n1, est);
                    number(x, Col.LO.ordinal(), sr.ciLower(), est);
                    number(x, Col.HI.ordinal(), sr.ciUpper(), est);
                } else {
                    String back = m.isRatio() ? "EXP" : "";
                    formula(x, Col.EST, back + "(" + yi + ")", est);
                    formula(x, Col.LO, back + "(" + yi + "-" + z + "*" + se + ")", est);
                    formula(x, Col.HI, back + "(" + yi + "+" + z + "*" + se + ")", est);
                }
                formula(x, Col.W_COMMON, "100*" + ref(Col.W_COMMON_RAW, excel) + sumCommon, pct);
                if (a.random() != null) {
                    formula(x, Col.W_RANDOM_RAW, "1/(" + ref(Col.VI, excel) + "+" + tau2 + ")", num4);
                    formula(x, Col.W_RANDOM, "100*" + ref(Col.W_RANDOM_RAW, excel) + sumRandom, pct);
                }
            } else {
                text(x, Col.EST.ordinal(), "Not estimable");
            }
            i++;
        }
        int row = lastRow + 2;
        row = pooledRows(s, row, a, st);
        s.createFreezePane(1, FIRST_STUDY_ROW);
        s.setColumnWidth(0, 28 * 256);
        for (int j = 1; j < Col.values().length; j++) {
            s.setColumnWidth(j, 12 * 256);
        }
        plots.add(new Plot(s, a.outcome(), row + 1));
    }

    /** The correction added to the cells of one arm, as the engine applies it. */
    private static Expr increment(Settings st, Measure m, int arm, boolean anyZero) {
        if (st.cc().value() == 0) {
            return Expr.num(0);
        }
        return m.isProportion() ? EffectFormula.proportionIncrement(st.cc().mode(), anyZero)
                : EffectFormula.increment(st.cc().mode(), arm, anyZero);
    }

    /** The raw common-effect weight of a study: the method's own (MantelHaenszel.weight, Peto's V, 1/vi). */
    private static String commonWeightFormula(Settings st, Measure m, java.util.function.Function<Expr.Var, String> refs,
                                              String vi) {
        return switch (st.method()) {
            case IV, GLMM -> "1/" + vi;
            case PETO -> EffectFormula.petoVariance().excel(refs);
            case MH -> m.isProportion() ? "1/" + vi : org.mscmeta.pool.MantelHaenszel.weight(m,
                    st.convention().correctedMantelHaenszel()).excel(refs);
        };
    }

    /** Whether a study of the analysis would trigger {@code if0all}: a zero cell in a study not left out. */
    private static boolean anyCorrectionTrigger(Analysis a, Measure m) {
        for (StudyResult sr : a.studies()) {
            boolean dz = "double zero".equals(sr.exclusion());
            boolean zero = sr.eventsMsc() == 0 || sr.eventsMsc() == sr.nMsc() || (!m.isProportion()
                    && (sr.eventsControl() == 0 || sr.eventsControl() == sr.nControl()));
            if (!dz && zero) {
                return true;
            }
        }
        return false;
    }

    private int pooledRows(Sheet s, int row, Analysis a, Settings st) {
        headerRow(s, row++, new String[] {"Pooled", "k", "Estimate", "CI lower", "CI upper", "p", "Tau\u00b2",
            "I\u00b2 (%)", "Q", "df", "p (Q)", "Prediction lower", "Prediction upper"});
        CommonResult c = a.common();
        Heterogeneity h = a.heterogeneity();
        if (c != null) {
            Row x = s.createRow(row++);
            text(x, 0, "Common effect (" + c.method() + ")");
            number(x, 1, a.k(), intStyle);
            number(x, 2, c.estimate(), est);
            number(x, 3, c.ciLower(), est);
            number(x, 4, c.ciUpper(), est);
            number(x, 5, c.p(), pStyle);
            if (h != null) {
                number(x, 7, h.i2(), pct);
                number(x, 8, h.q(), num4);
                number(x, 9, h.df(), intStyle);
                number(x, 10, h.p(), pStyle);
            }
        }
        RandomResult r = a.random();
        if (r != null) {
            Row x = s.createRow(row++);
            text(x, 0, "Random effects (" + r.tau2Method() + (r.hksj() ? ", HKSJ" : "") + ")");
            number(x, 1, a.k(), intStyle);
            number(x, 2, r.estimate(), est);
            number(x, 3, r.ciLower(), est);
            number(x, 4, r.ciUpper(), est);
            number(x, 5, r.p(), pStyle);
            number(x, 6, r.tau2(), num4);
            number(x, 11, r.piLower(), est);
            number(x, 12, r.piUpper(), est);
        }
        if (a.kDoubleZeroExcluded() > 0) {
            Row x = s.createRow(row++);
            text(x, 0, a.kDoubleZeroExcluded() + " study(ies) with no events in both arms not pooled ("
                    + st.measure() + "); see Warnings");
        }
        return row;
    }

    /**
     * Embeds the PNG below the tables, about 10 inches wide, keeping its aspect ratio. The anchor is set from the
     * column widths and the default row height (POI's {@code Picture.resize} misreads 300-dpi images).
     */
    private void embed(Sheet s, Path png, int row) throws IOException {
        int idx = wb.addPicture(Files.readAllBytes(png), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
        int[] size = pngSize(png);
        double targetPx = 960;
        double heightPx = targetPx * size[1] / size[0];
        int col = 0;
        double used = 0;
        while (col < 60) {
            double w = s.getColumnWidthInPixels(col);
            if (used + w >= targetPx) {
                break;
            }
            used += w;
            col++;
        }
        int dx2 = (int) Math.round((targetPx - used) * org.apache.poi.util.Units.EMU_PER_PIXEL);
        double rowPx = s.getDefaultRowHeightInPoints() * 96 / 72;
        int rows = (int) Math.floor(heightPx / rowPx);
        int dy2 = (int) Math.round((heightPx - rows * rowPx) * org.apache.poi.util.Units.EMU_PER_PIXEL);
        CreationHelper helper = wb.getCreationHelper();
        Drawing<?> drawing = s.createDrawingPatriarch();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
        anchor.setCol1(0);
        anchor.setRow1(row);
        anchor.setCol2(col);
        anchor.setDx2(dx2);
        anchor.setRow2(row + rows);
        anchor.setDy2(dy2);
        Picture p = drawing.createPicture(anchor, idx);
        p.getPictureData();
    }

    /**
     * Width and height of a PNG, from its header chunk (IHDR), which the format places right after the signature
     * (ISO/IEC 15948, 5.2 and 11.2.2); ImageIO's reader registry took a tenth of a second to start for this.
     */
    static int[] pngSize(Path png) throws IOException {
        byte[] head = new byte[24];
        try (var in = Files.newInputStream(png)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                throw new IOException(png + ": not a PNG file (too short)");
            }
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head);
        if (b.getLong(0) != 0x89504E470D0A1A0AL || b.getInt(12) != 0x49484452) {
            throw new IOException(png + ": not a PNG file");
        }
        return new int[] {b.getInt(16), b.getInt(20)};
    }

    // ---------------------------------------------------------------- Sensitivity

    /** One block per outcome: small-study tests, trim and fill, meta-regression, leave-one-out, cumulative. */
    private void sensitivity(Results r) {
        boolean any = r.analyses().stream().anyMatch(a -> a.sensitivity() != null || !a.zeroEvents().isEmpty());
        if (!any) {
            return;
        }
        Sheet s = wb.createSheet(SENSITIVITY);
        String m = r.settings().measure().name();
        int row = 0;
        for (Analysis a : r.analyses()) {
            var sens = a.sensitivity();
            if (sens == null && a.zeroEvents().isEmpty()) {
                continue;
            }
            cell(s.createRow(row++), 0, a.outcome(), title);
            if (!a.zeroEvents().isEmpty()) {
                headerRow(s, row++, new String[] {"Zero-event sensitivity", "Measure", "Model", "k", "Estimate",
                    "CI lower", "CI upper", "Note"});
                for (var z : a.zeroEvents()) {
                    Row x = s.createRow(row++);
                    text(x, 0, z.method());
                    text(x, 1, z.measure());
                    text(x, 2, z.model());
                    number(x, 3, z.k(), intStyle);
                    number(x, 4, z.estimate(), est);
                    number(x, 5, z.ciLower(), est);
                    number(x, 6, z.ciUpper(), est);
                    text(x, 7, z.note() == null ? "" : z.note());
                }
            }
            if (sens == null) {
                row++;
                continue;
            }
            if (sens.egger() != null) {
                Row x = s.createRow(row++);
                text(x, 0, "Egger's regression test");
                text(x, 1, "bias (slope of SE)");
                number(x, 2, sens.egger().bias(), num4);
                text(x, 3, "t");
                number(x, 4, sens.egger().t(), num4);
                text(x, 5, "df");
                number(x, 6, sens.egger().df(), intStyle);
                text(x, 7, "p");
                number(x, 8, sens.egger().p(), pStyle);
                x = s.createRow(row++);
                text(x, 0, "Begg's rank test");
                text(x, 1, "Kendall's tau");
                number(x, 2, sens.begg().kendallTau(), num4);
                text(x, 7, "p" + (sens.begg().exact() ? " (exact)" : ""));
                number(x, 8, sens.begg().p(), pStyle);
                var tf = sens.trimAndFill();
                x = s.createRow(row++);
                text(x, 0, "Trim and fill (common effect, L0)");
                text(x, 1, "filled on the " + tf.side());
                number(x, 2, tf.k0(), intStyle);
                text(x, 3, m);
                number(x, 4, tf.estimate(), est);
                text(x, 5, "CI");
                number(x, 6, tf.ciLower(), est);
                number(x, 7, tf.ciUpper(), est);
            }
            var reg = sens.metaRegression();
            if (reg != null) {
                Row x = s.createRow(row++);
                text(x, 0, "Meta-regression (k = " + reg.k() + ")");
                text(x, 1, "tau\u00b2");
                number(x, 2, reg.tau2(), num4);
                text(x, 3, "QM");
                number(x, 4, reg.qm(), num4);
                text(x, 5, "df");
                number(x, 6, reg.qmDf(), intStyle);
                text(x, 7, "p");
                number(x, 8, reg.qmP(), pStyle);
                text(x, 9, "R\u00b2 (%)");
                number(x, 10, reg.r2(), pct);
                headerRow(s, row++, new String[] {"Term", "Estimate", "SE", "z", "p"});
                for (int j = 0; j < reg.terms().size(); j++) {
                    Row c = s.createRow(row++);
                    text(c, 0, reg.terms().get(j));
                    number(c, 1, reg.estimate()[j], num4);
                    number(c, 2, reg.se()[j], num4);
                    number(c, 3, reg.z()[j], num4);
                    number(c, 4, reg.p()[j], pStyle);
                }
            }
            row = steps(s, row, "Leave one out: omitted", sens.leaveOneOut(), m);
            row = steps(s, row, "Cumulative by year: added", sens.cumulative(), m);
            row++;
        }
        s.setColumnWidth(0, 34 * 256);
        for (int j = 1; j < 11; j++) {
            s.setColumnWidth(j, 14 * 256);
        }
    }

    private int steps(Sheet s, int row, String head, List<org.mscmeta.analysis.Sensitivity.Step> steps, String m) {
        if (steps.isEmpty()) {
            return row;
        }
        headerRow(s, row++, new String[] {head, m, "CI lower", "CI upper", "Tau\u00b2", "Q"});
        for (var st : steps) {
            Row x = s.createRow(row++);
            text(x, 0, st.study());
            number(x, 1, st.estimate(), est);
            number(x, 2, st.ciLower(), est);
            number(x, 3, st.ciUpper(), est);
            number(x, 4, st.tau2(), num4);
            number(x, 5, st.q(), num4);
        }
        return row;
    }

    // ---------------------------------------------------------------- Data

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("\\d{1,15}");

    /** The input rows as read, at most {@code maxRows} of them; returns how many are listed. */
    private int data(ExtractionSheet sheet, int maxRows) {
        Sheet s = wb.createSheet(DATA);
        List<TextColumn> cols = sheet.columns();
        TextColumn route = sheet.raw(Field.ROUTE);
        TextColumn source = sheet.raw(Field.CELL_SOURCE);
        Row h = s.createRow(0);
        int j = 0;
        cell(h, j++, "Input row", header);
        for (TextColumn c : cols) {
            cell(h, j++, c.name(), header);
            if (c == route) {
                cell(h, j++, "route (normalised)", header);
            }
            if (c == source) {
                cell(h, j++, "cell_source (normalised)", header);
            }
        }
        // whole numbers are written as numbers; each column holds few distinct texts, so each is looked at once
        long[][] wholeByLevel = new long[cols.size()][];
        for (int k = 0; k < cols.size(); k++) {
            List<String> levels = cols.get(k).levels();
            wholeByLevel[k] = new long[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                wholeByLevel[k][l] = WHOLE.matcher(levels.get(l)).matches() ? Long.parseLong(levels.get(l)) : -1;
            }
        }
        int listed = Math.min(sheet.size(), maxRows);
        for (int i = 0; i < listed; i++) {
            Row x = s.createRow(i + 1);
            j = 0;
            number(x, j++, sheet.rowNumber()[i], intStyle);
            for (int k = 0; k < cols.size(); k++) {
                TextColumn c = cols.get(k);
                int code = c.codes()[i];
                long whole = wholeByLevel[k][code];
                if (whole >= 0) {
                    number(x, j++, whole, intStyle);
                } else {
                    text(x, j++, c.levels().get(code));
                }
                if (c == route) {
                    text(x, j++, sheet.route().get(i));
                }
                if (c == source) {
                    text(x, j++, sheet.cellSource().get(i));
                }
            }
        }
        s.createFreezePane(1, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(listed, 1), 0, j - 1));
        for (int k = 0; k < j; k++) {
            s.setColumnWidth(k, 16 * 256);
        }
        return listed;
    }

    // ---------------------------------------------------------------- Methods and Warnings

    private void methods(Results r, RunInfo run) {
        Sheet s = wb.createSheet(METHODS);
        Settings st = r.settings();
        int row = 0;
        cell(s.createRow(row++), 0, "Methods and settings", title);
        Object[][] kv = {
            {"Tool", Tool.name() + " " + Tool.version()},
            {"Run at", run == null ? "" : run.timestamp()},
            {"Input file", run == null ? r.input() : run.inputPath()},
            {"Input SHA-256", run == null ? "" : run.inputSha256()},
            {"Data rows", r.rows()},
            {"Effect measure", st.measure().label() + " (" + st.measure() + ")"},
            {"Common-effect method", st.method().name()},
            {"Random-effects tau\u00b2 estimator", st.tau2Name()},
            {"Hartung-Knapp-Sidik-Jonkman", st.hksj() ? "yes" : "no"},
            {"Conventions (--convention)", st.convention().label() + " (" + st.convention().displayName() + ")"},
            {"Continuity correction", st.cc().value()},
            {"Correction applied to", st.cc().mode().id()},
            {"Double-zero studies", st.effectiveDoubleZero().id()},
            {"Confidence level", st.level()},
            {"Subgroup variables", st.by().isEmpty() ? "(none)" : String.join(", ", st.by())},
            {"Outcome selected", st.outcome() == null ? "(all)" : st.outcome()},
        };
        for (Object[] e : kv) {
            Row x = s.createRow(row++);
            cell(x, 0, (String) e[0], bold);
            if (e[1] instanceof Number n) {
                number(x, 1, n.doubleValue(), textStyle);
            } else {
                text(x, 1, (String) e[1]);
            }
        }
        row++;
        cell(s.createRow(row++), 0, "Methods and references", bold);
        for (String[] ref : MethodsText.references(st)) {
            Row x = s.createRow(row++);
            text(x, 0, ref[0]);
            cell(x, 1, ref[1], wrap);
        }
        row++;
        cell(s.createRow(row++), 0, "Methods paragraph (ready to paste)", bold);
        Row p = s.createRow(row);
        cell(p, 0, MethodsText.paragraph(r), wrap);
        s.addMergedRegion(new CellRangeAddress(row, row, 0, 1));
        p.setHeightInPoints(200);
        s.setColumnWidth(0, 36 * 256);
        s.setColumnWidth(1, 110 * 256);
    }

    private void warnings(List<Notice> notices) {
        Sheet s = wb.createSheet(WARNINGS);
        headerRow(s, 0, new String[] {"Category", "Outcome", "Notice"});
        int row = 1;
        for (Notice n : notices) {
            Row x = s.createRow(row++);
            text(x, 0, n.category());
            text(x, 1, n.outcome() == null ? "(all)" : n.outcome());
            cell(x, 2, n.message(), wrap);
        }
        if (notices.isEmpty()) {
            text(s.createRow(1), 0, "(no notices)");
        }
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 30 * 256);
        s.setColumnWidth(2, 120 * 256);
        s.createFreezePane(0, 1);
    }

    /** Every sheet prints landscape, one page wide, with its header row repeated. */
    private void printLayout() {
        for (Sheet s : wb) {
            s.setAutobreaks(true);
            s.setFitToPage(true);
            s.getPrintSetup().setLandscape(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
            s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        }
    }

    // ---------------------------------------------------------------- cell helpers

    private void headerRow(Sheet s, int row, String[] heads) {
        Row h = s.createRow(row);
        for (int j = 0; j < heads.length; j++) {
            cell(h, j, heads[j], header);
        }
    }

    /** A text cell with a style; text a spreadsheet could read as a formula gets a quote-prefixed copy of it. */
    private void cell(Row r, int col, String v, CellStyle style) {
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(looksLikeFormula(v) ? quotedVariants.computeIfAbsent(style, st -> {
            CellStyle q = wb.createCellStyle();
            q.cloneStyleFrom(st);
            q.setQuotePrefixed(true);
            return q;
        }) : style);
    }

    private static boolean looksLikeFormula(String v) {
        return v != null && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0;
    }

    /** A text cell; text that a spreadsheet could read as a formula is marked as quoted text. */
    void text(Row r, int col, String v) {
        Cell c = r.createCell(col);
        c.setCellValue(v == null ? "" : v);
        // the default style given explicitly: a cell without one has its column's style looked up in the sheet's
        // XML whenever it is written (a third of the cells of a registry-scale workbook)
        c.setCellStyle(looksLikeFormula(v) ? quoted : plain);
    }

    private void number(Row r, int col, double v, CellStyle style) {
        if (!Double.isFinite(v)) {
            return;
        }
        Cell c = r.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(style);
    }

    private void formula(Row r, Col col, String f, CellStyle style) {
        Cell c = r.createCell(col.ordinal());
        c.setCellFormula(f);
        c.setCellStyle(style);
    }

    private static String ref(Col c, int excelRow) {
        return c.letter() + excelRow;
    }

    private static String range(Col c, int firstRow0, int lastRow0) {
        return "$" + c.letter() + "$" + (firstRow0 + 1) + ":$" + c.letter() + "$" + (lastRow0 + 1);
    }
}
