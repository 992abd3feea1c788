package org.mscmeta.report.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.analysis.StudyTable;
import org.mscmeta.effect.EffectFormula;
import org.mscmeta.effect.Expr;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.pool.MantelHaenszel;
import org.mscmeta.pool.PredictionInterval;
import org.mscmeta.pool.TauSquared;
import org.mscmeta.report.Formats;
import org.mscmeta.report.ModelWords;
import org.mscmeta.sheet.ExtractionSheet;
import org.mscmeta.sheet.Notice;

/**
 * The sheet of one outcome: its settings, the study table whose corrections, effects, variances, intervals and
 * weights are live formulas on the count cells (the engine's own formulas, {@link EffectFormula}, written out with
 * the convention's switches), and the pooled rows, live formulas too where the model has a closed form (inverse
 * variance, Mantel-Haenszel from the sums of its per-table terms, {@link MantelHaenszel#terms}, Peto, and
 * DerSimonian-Laird's tau2 with the random-effects estimate, its Hartung-Knapp interval and the prediction interval).
 * An iterative estimate (REML, PM, ML, ..., the GLMM) is the engine's number, and the sheet says so beside it. Every
 * formula cell also holds the engine's value, so that a reader that does not recalculate shows the numbers.
 */
final class OutcomeSheet {

    /** First row (0-based) of the study table. */
    static final int FIRST_STUDY_ROW = 5;

    private OutcomeSheet() {
    }

    /** Column layout of an outcome sheet; Mantel-Haenszel's per-table terms follow {@link #W_IV}. */
    enum Col {
        STUDY, YEAR, ROW, A, N1, C, N2, INCLUDED, CC1, CC2, YI, VI, SE, EST, LO, HI, W_COMMON_RAW, W_COMMON,
        W_RANDOM_RAW, W_RANDOM, W_IV;

        private final String letter = Cells.letter(ordinal());

        String letter() {
            return letter;
        }
    }

    /** Columns of the pooled table. */
    private static final int P_K = 1;
    static final int P_EST = 2;
    static final int P_LO = 3;
    static final int P_HI = 4;
    static final int P_P = 5;
    static final int P_TAU2 = 6;
    static final int P_I2 = 7;
    static final int P_Q = 8;
    static final int P_DF = 9;
    static final int P_QP = 10;
    static final int P_PI_LO = 11;
    static final int P_PI_HI = 12;
    static final int P_LOG = 13;
    static final int P_SE = 14;
    private static final int P_NOTE = 15;

    /** Rows a pooled table takes at most: its heading, common, random, GLMM tests (2) and double-zero lines. */
    private static final int POOLED_ROWS = 6;

    /**
     * Where the sheet puts one analysis's block (0-based): the row of its parameter cells (tau2, the IV estimate), the
     * study table from {@code firstStudy} to {@code lastStudy}, the common-effect row and the random-effects row
     * ({@code -1} where the block has none). Known before the sheet is written ({@link #layout}), so that the study
     * rows' formulas, the Summary sheet and the summary of findings can refer to the pooled rows.
     */
    record Places(int params, int firstStudy, int lastStudy, int commonRow, int randomRow) {

        /** The overall analysis's block, at the top of its sheet. */
        static Places of(Analysis a) {
            return of(a, 2, FIRST_STUDY_ROW);
        }

        private static Places of(Analysis a, int params, int first) {
            int last = first + Math.max(a.studies().size(), 1) - 1;
            int common = last + 3;
            int random = common + (a.common().isFitted() ? 1 : 0);
            return new Places(params, first, last, a.common().isFitted() ? common : -1,
                    a.random().isFitted() ? random : -1);
        }

        /** The row after the block's pooled table (which may end before it). */
        int end() {
            return lastStudy + 2 + POOLED_ROWS;
        }

        /** The absolute reference of the block's tau2 cell. */
        String tau2() {
            return "$" + Cells.letter(7) + "$" + (params + 1);
        }

        /** The absolute reference of the block's inverse-variance estimate (DerSimonian-Laird's centre). */
        String ivEstimate() {
            return "$" + Cells.letter(9) + "$" + (params + 1);
        }

        /** The absolute reference of a pooled-table column in the common-effect row, or null without that row. */
        String common(int col) {
            return commonRow < 0 ? null : "$" + Cells.letter(col) + "$" + (commonRow + 1);
        }

        /** The absolute reference of a pooled-table column in the random-effects row, or null without that row. */
        String random(int col) {
            return randomRow < 0 ? null : "$" + Cells.letter(col) + "$" + (randomRow + 1);
        }

        /** The study table's range of a column. */
        String studies(Col c) {
            return range(c, firstStudy, lastStudy);
        }

        /** The study table's range of the column at 0-based index {@code col}. */
        String studies(int col) {
            return columnRange(col, firstStudy, lastStudy);
        }
    }

    /** Where an analysis's block is: the name of its outcome's sheet and its rows there. */
    record Placed(String sheet, Places at) {
    }

    /**
     * The blocks of an outcome's sheet: its overall analysis at the top, then each subgroup's analysis (a title row,
     * its parameter cells, its heading and its study table and pooled rows), a blank row apart.
     */
    static java.util.Map<Analysis, Places> layout(Analysis overall, List<Analysis> subgroups) {
        java.util.Map<Analysis, Places> out = new java.util.IdentityHashMap<>();
        Places at = Places.of(overall);
        out.put(overall, at);
        for (Analysis g : subgroups) {
            int title = at.end() + 1;
            at = Places.of(g, title + 1, title + 3);
            out.put(g, at);
        }
        return out;
    }

    /**
     * The 0-based column of the study table's helper columns: the three Q terms, then, for a comparison, the
     * control-arm risk the summary of findings takes its median of. Mantel-Haenszel's per-table terms come before.
     */
    private static int helperColumn(Settings st) {
        return Col.values().length + mhTerms(st).size();
    }

    /** Mantel-Haenszel's per-table terms, in the study table's columns after {@link Col#W_IV}; none for another method. */
    private static LinkedHashMap<String, Expr> mhTerms(Settings st) {
        boolean mh = st.method() == Method.MH && !st.measure().isProportion();
        boolean corrected = st.convention().correctedMantelHaenszel();
        return mh ? MantelHaenszel.terms(st.measure(), corrected, corrected) : new LinkedHashMap<>();
    }

    /** The 0-based column of each study's control-arm risk (events / participants); -1 for a proportion. */
    static int controlRiskColumn(Settings st) {
        return st.measure().isProportion() ? -1 : helperColumn(st) + 3;
    }

    /** The label of a pooled common-effect row: "Common effect (Mantel-Haenszel)". */
    private static String commonLabel(Settings st) {
        return "Common effect (" + ModelWords.commonMethod(st) + ")";
    }

    /** The label of a pooled random-effects row: "Random effects (Paule-Mandel, Hartung-Knapp)". */
    private static String randomLabel(Settings st, RandomResult r) {
        return "Random effects (" + ModelWords.randomMethod(st, r) + ")";
    }

    /**
     * Writes the sheet of one outcome: its overall analysis, then each of its subgroup analyses (their blocks as
     * {@link #layout} places them, their count cells referring to the overall table's, so that a count corrected there
     * changes every block); returns the row below its tables, where its forest plots go.
     */
    static int write(Cells w, String name, Analysis a, List<Analysis> subgroups, Settings st,
                     java.util.Map<Analysis, Placed> placed) {
        Sheet s = w.wb.createSheet(name);
        Measure m = st.measure();
        boolean peto = st.method() == Method.PETO;
        Row r0 = s.createRow(0);
        w.cell(r0, 0, a.outcome(), w.title);
        Row r1 = s.createRow(1);
        w.text(r1, 0, ModelWords.measureTitle(m) + "; " + ModelWords.common(st) + (st.tau2() == null ? ""
                : "; " + ModelWords.random(st)) + "; continuity correction " + Formats.plain(st.cc().value()) + " to "
                + st.cc().mode().words() + ". " + ModelWords.convention(st));
        // parameter cells: level, z, correction (shared by every block), tau2 and the IV estimate (the block's own)
        Row r2 = s.createRow(2);
        w.text(r2, 0, "Confidence level");
        w.number(r2, 1, st.level(), w.plain);
        w.text(r2, 2, "z");
        w.formula(r2, 3, "NORMSINV(1-(1-B3)/2)", w.num4,
                org.mscmeta.pool.Distributions.zCritical(st.level()));
        w.text(r2, 4, "Correction");
        w.number(r2, 5, st.cc().value(), w.plain);
        List<String> heads = new ArrayList<>(List.of("Study", "Year", "Input row", "MSC events", "MSC total",
                "Control events", "Control total", "Included", "Correction MSC", "Correction control",
                (peto ? "Peto log OR" : ModelWords.scaleName(m)) + " (yi)", "Variance (vi)", "SE",
                (peto ? "Peto OR" : ModelWords.shortTitle(m)),
                "CI lower", "CI upper", "Common weight (raw, " + st.method() + ")", "Common weight (%)",
                "Random weight (raw)", "Random weight (%)", "Inverse-variance weight (1/vi)"));
        for (String t : mhTerms(st).keySet()) {
            heads.add("MH term " + t);
        }
        heads.add("Q term (around the common estimate)");
        heads.add("Q term (DerSimonian-Laird)");
        heads.add("Q term (around the random-effects estimate)");
        if (controlRiskColumn(st) >= 0) {
            heads.add("Control-arm risk (summary of findings)");
        }
        Places overall = placed.get(a).at();
        int studyWidth = studyWidth(st, a, subgroups);
        block(w, s, a, st, overall, r2, heads, null, studyWidth);
        java.util.Map<Integer, Integer> countRows = new java.util.HashMap<>();
        for (int j = 0; j < a.studies().size(); j++) {
            countRows.put(a.studies().get(j).row(), overall.firstStudy() + j + 1);
        }
        int below = overall.end();
        for (Analysis g : subgroups) {
            Places at = placed.get(g).at();
            w.cell(s.createRow(at.params() - 1), 0, "Subgroup: " + g.subgroup().variable().replace('_', ' ') + " = "
                    + g.subgroup().level(), w.bold);
            block(w, s, g, st, at, s.createRow(at.params()), heads, countRows, studyWidth);
            below = at.end();
        }
        s.createFreezePane(1, FIRST_STUDY_ROW);
        // printable: its 20-odd columns on one page were printed at a third of their size; two pages across, with
        // the column heads on each (not the study column: it would repeat a slice of the forest plot below it)
        Cells.printLayout(s, 2, FIRST_STUDY_ROW + ":" + FIRST_STUDY_ROW, null);
        s.setColumnWidth(0, studyWidth(st, a, subgroups) * 256);
        for (int j = 1; j < heads.size(); j++) {
            s.setColumnWidth(j, 12 * 256);
        }
        return below + 1;
    }

    /**
     * The study column's width in digits: as wide as the labels of the pooled rows of {@code a} and its
     * {@code subgroups}, whose next cell (k) is filled ("Random effects (Paule-Mandel, Hartung-Knapp)" showed as
     * "Random effects (Paule-Mandel, Hartu"), and at least 30.
     */
    private static int studyWidth(Settings st, Analysis a, List<Analysis> subgroups) {
        int labels = commonLabel(st).length();
        for (Analysis g : java.util.stream.Stream.concat(java.util.stream.Stream.of(a), subgroups.stream()).toList()) {
            if (g.random() != null) {
                labels = Math.max(labels, randomLabel(st, g.random()).length());
            }
        }
        return Math.max(30, labels + 1);
    }

    /**
     * One analysis's block: its tau2 and IV-estimate cells in {@code params}, its heading, study rows and pooled rows
     * where {@code places} says. {@code countRows}: for a subgroup's block, the Excel row of each study's counts in the
     * overall table (by input row), which its count cells refer to; null for the overall block. A study label longer
     * than the study column ({@code studyWidth} digits) wraps in it, its row as tall as its lines: the next cell, the
     * year, cut it.
     */
    private static void block(Cells w, Sheet s, Analysis a, Settings st, Places places, Row params,
                              List<String> heads, java.util.Map<Integer, Integer> countRows, int studyWidth) {
        Measure m = st.measure();
        boolean peto = st.method() == Method.PETO;
        boolean mh = st.method() == Method.MH && !m.isProportion();
        boolean corrected = st.convention().correctedMantelHaenszel();
        LinkedHashMap<String, Expr> terms = mhTerms(st);
        int helper = helperColumn(st);
        int controlRisk = controlRiskColumn(st);
        String z = "$D$3";
        String cc = "$F$3";
        String tau2 = places.tau2();
        Row r2 = params;
        w.text(r2, 6, "Tau\u00b2");
        w.headerRow(s, places.firstStudy() - 1, heads.toArray(new String[0]));
        s.getRow(places.firstStudy() - 1).setHeightInPoints(44);
        int first = places.firstStudy();
        int lastRow = places.lastStudy();
        boolean anyZero = anyCorrectionTrigger(a, m);
        double engineTau2 = a.random().isFitted() ? a.random().tau2() : Double.NaN;
        double sumCommonRaw = 0;
        double sumRandomRaw = 0;
        List<double[]> values = new ArrayList<>();
        for (StudyResult sr : a.studies()) {
            values.add(counts(sr, st, m, anyZero, peto));
        }
        for (int j = 0; j < a.studies().size(); j++) {
            StudyResult sr = a.studies().get(j);
            double wc = usesCommon(st, sr) ? rawCommon(st, m, sr, values.get(j)) : Double.NaN;
            sumCommonRaw += Double.isFinite(wc) && sr.included() ? wc : 0;
            sumRandomRaw += sr.included() && Double.isFinite(engineTau2) ? 1 / (sr.vi() + engineTau2) : 0;
        }
        String sumCommon = "SUM(" + range(Col.W_COMMON_RAW, first, lastRow) + ")";
        String sumRandom = "/SUM(" + range(Col.W_RANDOM_RAW, first, lastRow) + ")";
        // the pooled rows' places, known before the studies refer to them
        String commonCenter = places.common(P_LOG);
        String randomCenter = places.random(P_LOG);
        boolean dlAroundCommon = st.method() == Method.MH && st.convention().dlAroundMantelHaenszel()
                && a.common().isFitted();
        String dlCenter = dlAroundCommon ? commonCenter : places.ivEstimate();
        // tau2: live from the random-effects row where DerSimonian-Laird gives it in closed form (written here, before
        // the study rows: a streamed sheet cannot go back to this row)
        if (a.random().isFitted()) {
            if (isLiveDl(a, st)) {
                w.formula(r2, 7, places.random(P_TAU2), w.num4, a.random().tau2());
            } else {
                w.number(r2, 7, a.random().tau2(), w.num4);
            }
        }
        w.text(r2, 8, "IV estimate");
        if (a.k() > 0) {
            String yiRange = range(Col.YI, first, lastRow);
            String ivRange = range(Col.W_IV, first, lastRow);
            double ivCenter = 0;
            double ivSum = 0;
            for (StudyResult sr : a.studies()) {
                if (sr.included()) {
                    ivCenter += sr.yi() / sr.vi();
                    ivSum += 1 / sr.vi();
                }
            }
            w.formula(r2, 9, "SUMPRODUCT(" + ivRange + "," + yiRange + ")/SUM(" + ivRange + ")", w.num4,
                    ivCenter / ivSum);
        }
        double commonLog = Double.isFinite(a.common().logEstimate()) ? a.common().logEstimate() : Double.NaN;
        double randomLog = a.random().isFitted() ? a.random().logEstimate() : Double.NaN;
        double dlCenterValue = dlAroundCommon ? commonLog : Double.NaN;
        if (!dlAroundCommon && a.k() > 0) {
            double num = 0;
            double den = 0;
            for (StudyResult sr : a.studies()) {
                if (sr.included()) {
                    num += sr.yi() / sr.vi();
                    den += 1 / sr.vi();
                }
            }
            dlCenterValue = num / den;
        }
        int i = first;
        for (int j = 0; j < a.studies().size(); j++) {
            StudyResult sr = a.studies().get(j);
            double[] v = values.get(j);
            Row x = s.createRow(i);
            int excel = i + 1;
            w.text(x, Col.STUDY.ordinal(), sr.study());
            if (sr.year() != ExtractionSheet.NO_YEAR) {
                w.number(x, Col.YEAR.ordinal(), sr.year(), w.intStyle);
            }
            w.number(x, Col.ROW.ordinal(), sr.row(), w.intStyle);
            Integer at = countRows == null ? null : countRows.get(sr.row());
            for (Col c : new Col[] {Col.A, Col.N1, Col.C, Col.N2}) {
                int count = c == Col.A ? sr.eventsMsc() : c == Col.N1 ? sr.nMsc() : c == Col.C ? sr.eventsControl()
                        : sr.nControl();
                if (at == null) {
                    w.number(x, c.ordinal(), count, w.intStyle);
                } else {
                    formula(w, x, c, ref(c, at), w.intStyle, count); // the overall table's count: edited once
                }
            }
            w.text(x, Col.INCLUDED.ordinal(), sr.included() ? "yes"
                    : "no: " + org.mscmeta.report.ModelWords.exclusion(sr, false));
            String a1 = ref(Col.A, excel);
            String n1 = ref(Col.N1, excel);
            String c1 = ref(Col.C, excel);
            String n2 = ref(Col.N2, excel);
            if (controlRisk >= 0) {
                // every study's, included or not, as the summary of findings takes the median of (SummaryOfFindings)
                w.formula(x, controlRisk, "IF(" + n2 + ">0," + c1 + "/" + n2 + ",\"\")", w.num4,
                        sr.nControl() > 0 ? (double) sr.eventsControl() / sr.nControl() : Double.NaN);
            }
            Function<Expr.Var, String> countRefs = vr -> switch (vr) {
                case A -> a1;
                case N1 -> n1;
                case C -> c1;
                case N2 -> n2;
                case CC -> cc;
                default -> "0";
            };
            boolean correctable = (sr.included() || (mh && corrected && !StudyTable.DOUBLE_ZERO.equals(sr.exclusion())))
                    && !peto;
            if (correctable) {
                // the correction as the engine decides it (EffectFormula.increment), live on the counts
                formula(w, x, Col.CC1, increment(st, m, 1, anyZero).excel(countRefs), w.num4, v[4]);
                formula(w, x, Col.CC2, m.isProportion() ? "0" : increment(st, m, 2, anyZero).excel(countRefs),
                        w.num4, v[5]);
            } else {
                w.number(x, Col.CC1.ordinal(), 0, w.num4);
                w.number(x, Col.CC2.ordinal(), 0, w.num4);
            }
            String k1 = ref(Col.CC1, excel);
            String k2 = ref(Col.CC2, excel);
            Function<Expr.Var, String> refs = vr -> switch (vr) {
                case A -> a1;
                case N1 -> n1;
                case C -> c1;
                case N2 -> n2;
                case K1 -> k1;
                case K2 -> k2;
                case CC -> cc;
            };
            // raw common-effect weight: MH and Peto use every table (as metafor), IV only included studies
            if (usesCommon(st, sr)) {
                double cached = rawCommon(st, m, sr, v);
                String wCommon = st.method() == Method.IV || st.method() == Method.GLMM || m.isProportion()
                        ? "1/" + ref(Col.VI, excel) : commonWeight(st, m).excel(refs);
                formula(w, x, Col.W_COMMON_RAW, wCommon, w.num4, cached);
            }
            int tc = Col.values().length;
            for (var t : terms.entrySet()) {
                if (usesCommon(st, sr)) {
                    w.formula(x, tc, t.getValue().excel(refs), w.num4, t.getValue().eval(v));
                }
                tc++;
            }
            if (sr.included()) {
                // the engine's own formulas (EffectFormula), with the convention's switches
                EffectFormula f = peto ? EffectFormula.peto() : m.isProportion() ? EffectFormula.proportion(m)
                        : EffectFormula.of(m, st.convention());
                formula(w, x, Col.YI, f.yi().excel(refs), w.num4, sr.yi());
                formula(w, x, Col.VI, f.vi().excel(refs), w.num4, sr.vi());
                String yi = ref(Col.YI, excel);
                String se = ref(Col.SE, excel);
                formula(w, x, Col.SE, "SQRT(" + ref(Col.VI, excel) + ")", w.num4, Math.sqrt(sr.vi()));
                formula(w, x, Col.W_IV, "1/" + ref(Col.VI, excel), w.num4, 1 / sr.vi());
                String wv = ref(Col.W_IV, excel);
                // each Q term only around an estimate that exists: around a blank cell it would be a distance from 0
                if (a.common().isFitted() && Double.isFinite(commonLog)) {
                    w.formula(x, helper, wv + "*(" + yi + "-" + commonCenter + ")^2", w.num4,
                            (sr.yi() - commonLog) * (sr.yi() - commonLog) / sr.vi());
                }
                if (Double.isFinite(dlCenterValue)) {
                    w.formula(x, helper + 1, wv + "*(" + yi + "-" + dlCenter + ")^2", w.num4,
                            (sr.yi() - dlCenterValue) * (sr.yi() - dlCenterValue) / sr.vi());
                }
                if (a.random().isFitted() && Double.isFinite(engineTau2) && Double.isFinite(randomLog)) {
                    w.formula(x, helper + 2, ref(Col.W_RANDOM_RAW, excel) + "*(" + yi + "-" + randomCenter + ")^2",
                            w.num4, (sr.yi() - randomLog) * (sr.yi() - randomLog) / (sr.vi() + engineTau2));
                }
                if (m.isProportion()) {
                    // x/n with its Clopper-Pearson interval (the engine's: an inverse Beta, which not every
                    // spreadsheet program evaluates)
                    formula(w, x, Col.EST, a1 + "/" + n1, w.est, sr.estimate());
                    w.number(x, Col.LO.ordinal(), sr.ciLower(), w.est);
                    w.number(x, Col.HI.ordinal(), sr.ciUpper(), w.est);
                } else {
                    String back = m.isRatio() ? "EXP" : "";
                    formula(w, x, Col.EST, back + "(" + yi + ")", w.est, sr.estimate());
                    formula(w, x, Col.LO, back + "(" + yi + "-" + z + "*" + se + ")", w.est, sr.ciLower());
                    formula(w, x, Col.HI, back + "(" + yi + "+" + z + "*" + se + ")", w.est, sr.ciUpper());
                }
                double wcRaw = rawCommon(st, m, sr, v);
                // Mantel-Haenszel weights sum to 0 when no control arm has an event: the share is left empty then
                // (a spreadsheet showed #DIV/0!), and follows the counts when they are edited
                formula(w, x, Col.W_COMMON, "IF(" + sumCommon + ">0,100*" + ref(Col.W_COMMON_RAW, excel) + "/"
                        + sumCommon + ",\"\")", w.pct,
                        Double.isFinite(sr.weightCommon()) ? sr.weightCommon() : 100 * wcRaw / sumCommonRaw);
                if (a.random().isFitted() && Double.isFinite(engineTau2)) {
                    formula(w, x, Col.W_RANDOM_RAW, "1/(" + ref(Col.VI, excel) + "+" + tau2 + ")", w.num4,
                            1 / (sr.vi() + engineTau2));
                    formula(w, x, Col.W_RANDOM, "100*" + ref(Col.W_RANDOM_RAW, excel) + sumRandom, w.pct,
                            Double.isFinite(sr.weightRandom()) ? sr.weightRandom()
                                    : 100 / (sr.vi() + engineTau2) / sumRandomRaw);
                }
            } else {
                w.text(x, Col.EST.ordinal(), "not estimable");
            }
            if (sr.study().length() > studyWidth) {
                w.wrapped(x, Col.STUDY.ordinal(), sr.study(), studyWidth); // once the row's cells are there
            }
            i++;
        }
        int row = lastRow + 2; // the pooled table's heading, the row above Places.commonRow
        row = new Pooled(w, s, a, st, first, lastRow, terms, helper).write(row);
        if (row > places.end()) {
            throw new IllegalStateException("the pooled table of " + a.outcome() + " runs past its block");
        }
    }

    /** Whether the random-effects model is DerSimonian-Laird's, in closed form, and estimable. */
    private static boolean isLiveDl(Analysis a, Settings st) {
        return st.tau2() == TauSquared.DL && st.method() != Method.GLMM && a.random().isFitted()
                && a.random().isEstimable();
    }

    /** A study's counts and corrections as the formulas' variables (indexed by {@link Expr.Var#ordinal()}). */
    private static double[] counts(StudyResult sr, Settings st, Measure m, boolean anyZero, boolean peto) {
        double[] v = new double[Expr.Var.values().length];
        v[Expr.Var.A.ordinal()] = sr.eventsMsc();
        v[Expr.Var.N1.ordinal()] = sr.nMsc();
        v[Expr.Var.C.ordinal()] = Math.max(sr.eventsControl(), 0);
        v[Expr.Var.N2.ordinal()] = Math.max(sr.nControl(), 0);
        v[Expr.Var.CC.ordinal()] = st.cc().value();
        boolean mh = st.method() == Method.MH && !m.isProportion();
        boolean correctable = (sr.included() || (mh && st.convention().correctedMantelHaenszel()
                && !StudyTable.DOUBLE_ZERO.equals(sr.exclusion()))) && !peto;
        if (correctable) {
            v[Expr.Var.K1.ordinal()] = increment(st, m, 1, anyZero).eval(v);
            v[Expr.Var.K2.ordinal()] = m.isProportion() ? 0 : increment(st, m, 2, anyZero).eval(v);
        }
        return v;
    }

    private static boolean usesCommon(Settings st, StudyResult sr) {
        return st.method() == Method.MH || st.method() == Method.PETO || sr.included();
    }

    /** The correction added to the cells of one arm, as the engine applies it. */
    private static Expr increment(Settings st, Measure m, int arm, boolean anyZero) {
        if (st.cc().value() == 0) {
            return Expr.num(0);
        }
        return m.isProportion() ? EffectFormula.proportionIncrement(st.cc().mode(), anyZero)
                : EffectFormula.increment(st.cc().mode(), arm, anyZero);
    }

    /** A table's raw common-effect weight: 1/vi for inverse variance (and the GLMM), else the method's own. */
    private static double rawCommon(Settings st, Measure m, StudyResult sr, double[] v) {
        boolean iv = st.method() == Method.IV || st.method() == Method.GLMM || m.isProportion();
        return iv ? (sr.included() ? 1 / sr.vi() : Double.NaN) : commonWeight(st, m).eval(v);
    }

    /** The raw common-effect weight of a table as a formula of its counts: Mantel-Haenszel's or Peto's V. */
    private static Expr commonWeight(Settings st, Measure m) {
        return st.method() == Method.PETO ? EffectFormula.petoVariance()
                : MantelHaenszel.weight(m, st.convention().correctedMantelHaenszel());
    }

    /** Whether a study of the analysis would trigger {@code if0all}: a zero cell in a study not left out. */
    private static boolean anyCorrectionTrigger(Analysis a, Measure m) {
        for (StudyResult sr : a.studies()) {
            boolean dz = StudyTable.DOUBLE_ZERO.equals(sr.exclusion());
            boolean zero = sr.eventsMsc() == 0 || sr.eventsMsc() == sr.nMsc() || (!m.isProportion()
                    && (sr.eventsControl() == 0 || sr.eventsControl() == sr.nControl()));
            if (!dz && zero) {
                return true;
            }
        }
        return false;
    }

    /** The pooled table below the studies. */
    private static final class Pooled {
        private final Cells w;
        private final Sheet s;
        private final Analysis a;
        private final Settings st;
        private final Measure m;
        private final String yi;
        private final String wiv;
        private final String wRandom;
        private final String wCommon;
        private final LinkedHashMap<String, Expr> terms;
        private final int first;
        private final int last;
        private final String qCommon;
        private final String qDl;
        private final String qRandom;

        Pooled(Cells w, Sheet s, Analysis a, Settings st, int first, int last, LinkedHashMap<String, Expr> terms,
               int helper) {
            this.w = w;
            this.s = s;
            this.a = a;
            this.st = st;
            this.m = st.measure();
            this.first = first;
            this.last = last;
            this.terms = terms;
            this.yi = range(Col.YI, first, last);
            this.wiv = range(Col.W_IV, first, last);
            this.wRandom = range(Col.W_RANDOM_RAW, first, last);
            this.wCommon = range(Col.W_COMMON_RAW, first, last);
            this.qCommon = columnRange(helper, first, last);
            this.qDl = columnRange(helper + 1, first, last);
            this.qRandom = columnRange(helper + 2, first, last);
        }

        /** The natural-scale value of an analysis-scale formula, or null where it has no spreadsheet form. */
        private String natural(String x) {
            return switch (m) {
                case RR, OR -> "EXP(" + x + ")";
                case RD, PRAW -> "(" + x + ")";
                case PLOGIT -> "1/(1+EXP(-(" + x + ")))";
                default -> null; // PFT: back-transformed with the harmonic mean of the sample sizes
            };
        }

        int write(int row) {
            // a proportion has no null hypothesis to test (its p would test 50%): no p, as in the console and plots
            w.headerRow(s, row++, new String[] {"Pooled", "k", "Estimate", "CI lower", "CI upper",
                m.isProportion() ? "" : "p", "Tau\u00b2",
                "I\u00b2 (%)", "Q", "df", "p (Q)", "Prediction lower", "Prediction upper", "Estimate ("
                    + (m.isRatio() ? "log scale" : "analysis scale") + ")", "SE", "How it is computed"});
            CommonResult c = a.common();
            Heterogeneity h = a.heterogeneity();
            int commonRow = -1;
            if (c.isFitted()) {
                commonRow = row;
                common(s.createRow(row++), c, h);
            }
            RandomResult r = a.random();
            if (r.isFitted()) {
                random(s.createRow(row++), r, commonRow);
            } else if (r.notEstimable() != null && !r.notAsked()) {
                w.text(s.createRow(row++), 0, "Random effects: " + Formats.notEstimable(r.notEstimable()));
            }
            if (!c.isFitted() && c.notEstimable() != null) {
                w.text(s.createRow(row++), 0, "Common effect: " + Formats.notEstimable(c.notEstimable()));
            }
            row = glmmTests(row, h);
            if (a.kDoubleZeroExcluded() > 0) {
                Row x = s.createRow(row++);
                w.text(x, 0, Notice.count(a.kDoubleZeroExcluded(), "study", "studies")
                        + " with no events in both arms not pooled ("
                        + m + "); see Warnings");
            }
            return row;
        }

        /**
         * Under the GLMM, the mixed logistic models' own tests for heterogeneity (metafor's {@code QE.Wld} and
         * {@code QE.LRT}) in the Q, df and p (Q) columns: typed values, as they come from the fits.
         */
        private int glmmTests(int row, Heterogeneity h) {
            if (h == null || h.glmm() == null || h.df() < 1) {
                return row;
            }
            org.mscmeta.pool.HeterogeneityTests t = h.glmm();
            if (!t.isEstimable()) {
                w.text(s.createRow(row++), 0, ModelWords.GLMM_HETEROGENEITY_TESTS + ": "
                        + Formats.notEstimable(t.notEstimable()));
                return row;
            }
            for (boolean wald : new boolean[] {true, false}) {
                Row x = s.createRow(row++);
                w.text(x, 0, (wald ? "Wald" : "Likelihood-ratio") + " test for heterogeneity, logistic models");
                w.number(x, P_Q, wald ? t.wald() : t.lrt(), w.num4);
                w.number(x, P_DF, t.df(), w.intStyle);
                w.number(x, P_QP, wald ? t.waldP() : t.lrtP(), w.pStyle);
                w.text(x, P_NOTE, wald ? "the studies' own effects equal (those with an empty cell have none)"
                        : "the common-effect logistic model against one effect per study");
            }
            return row;
        }

        private void common(Row x, CommonResult c, Heterogeneity h) {
            int excel = x.getRowNum() + 1;
            w.text(x, 0, commonLabel(st));
            w.number(x, P_K, c.k(), w.intStyle);
            String log = null;
            String se = null;
            if (a.k() > 0 && c.isEstimable()) {
                switch (st.method()) {
                    case MH -> {
                        if (!m.isProportion()) {
                            List<String> sums = new ArrayList<>();
                            int tc = Col.values().length;
                            for (int j = 0; j < terms.size(); j++) {
                                String l = Cells.letter(tc + j);
                                sums.add("SUM($" + l + "$" + (first + 1) + ":$" + l + "$" + (last + 1) + ")");
                            }
                            String[] f = MantelHaenszel.combineExcel(m, st.convention().correctedMantelHaenszel(),
                                    sums.toArray(new String[0]));
                            log = f[0];
                            se = f[1];
                        } else {
                            log = "SUMPRODUCT(" + wCommon + "," + yi + ")/SUM(" + wCommon + ")";
                            se = "SQRT(1/SUM(" + wCommon + "))";
                        }
                    }
                    case IV, PETO -> {
                        log = "SUMPRODUCT(" + wCommon + "," + yi + ")/SUM(" + wCommon + ")";
                        se = "SQRT(1/SUM(" + wCommon + "))";
                    }
                    default -> {
                    }
                }
            }
            double logValue = Double.isFinite(c.logEstimate()) ? c.logEstimate() : analysisScale(c.estimate());
            pooledCells(x, excel, log, se, logValue, c.se(), c.estimate(), c.ciLower(), c.ciUpper(), c.p(), false,
                    Double.NaN);
            if (h != null && c.isEstimable() && log != null) {
                int df = h.df();
                w.number(x, P_DF, df, w.intStyle);
                if (df > 0) {
                    w.formula(x, P_Q, "SUM(" + qCommon + ")", w.num4, h.q());
                    String q = "$" + Cells.letter(P_Q) + "$" + excel;
                    w.formula(x, P_QP, "CHIDIST(" + q + "," + df + ")", w.pStyle, h.p());
                    // Q = 0 (studies of identical effects) has I2 0, as metafor's, not 0/0
                    w.formula(x, P_I2, "IF(" + q + ">0,100*MAX(0,(" + q + "-" + df + ")/" + q + "),0)", w.pct,
                            h.i2());
                } else {
                    // one study with an estimate: Q is 0 by definition, as metafor's (not its distance from a
                    // Mantel-Haenszel estimate computed without its correction)
                    w.number(x, P_Q, h.q(), w.num4);
                    w.number(x, P_QP, h.p(), w.pStyle);
                    w.number(x, P_I2, h.i2(), w.pct);
                }
            } else if (h != null) {
                w.number(x, P_Q, h.q(), w.num4);
                w.number(x, P_DF, h.df(), w.intStyle);
                w.number(x, P_QP, h.p(), w.pStyle);
                w.number(x, P_I2, h.i2(), w.pct);
            }
            w.text(x, P_NOTE, log != null && natural("0") != null ? "live formulas on the study table"
                    : c.method().equals("GLMM") ? "maximum likelihood, iterative: the value mscmeta computed"
                    : c.isEstimable() ? "the value mscmeta computed (its back-transformation has no spreadsheet form)"
                    : Formats.notEstimable(c.notEstimable()));
        }

        private void random(Row x, RandomResult r, int commonRow) {
            int excel = x.getRowNum() + 1;
            w.text(x, 0, randomLabel(st, r));
            w.number(x, P_K, r.k(), w.intStyle);
            boolean dl = isLiveDl(a, st);
            String tau2Cell = "$" + Cells.letter(P_TAU2) + "$" + excel;
            int k = r.k();
            if (dl && k > 1) { // one study has no between-study variance: its tau2 is 0, not 0/0 (#DIV/0!)
                String q = "SUM(" + qDl + ")";
                w.formula(x, P_TAU2, "MAX(0,(" + q + "-" + (k - 1) + ")/(SUM(" + wiv + ")-SUMPRODUCT(" + wiv + ","
                        + wiv + ")/SUM(" + wiv + ")))", w.num4, r.tau2());
            } else {
                w.number(x, P_TAU2, r.tau2(), w.num4);
            }
            String log = null;
            String se = null;
            boolean hksj = r.hksj();
            if (dl) {
                log = "SUMPRODUCT(" + wRandom + "," + yi + ")/SUM(" + wRandom + ")";
                String mu = "$" + Cells.letter(P_LOG) + "$" + excel;
                se = hksj ? "SQRT(SUM(" + qRandom + ")/(" + (k - 1) + "*SUM(" + wRandom + ")))"
                        : "SQRT(1/SUM(" + wRandom + "))";
            }
            pooledCells(x, excel, log, se, Double.isFinite(r.logEstimate()) ? r.logEstimate()
                    : analysisScale(r.estimate()), r.se(), r.estimate(), r.ciLower(), r.ciUpper(), r.p(), hksj,
                    r.df());
            if (log != null && natural("0") != null && Double.isFinite(r.piLower())) {
                String mu = "$" + Cells.letter(P_LOG) + "$" + excel;
                String seCell = "$" + Cells.letter(P_SE) + "$" + excel;
                PredictionInterval pi = st.prediction();
                String qf = pi == PredictionInterval.Z ? "$D$3" : "TINV(1-$B$3," + (pi == PredictionInterval.T_K1
                        ? k - 1 : k - 2) + ")";
                String half = qf + "*SQRT(" + tau2Cell + "+" + seCell + "^2)";
                w.formula(x, P_PI_LO, natural(mu + "-" + half), w.est, r.piLower());
                w.formula(x, P_PI_HI, natural(mu + "+" + half), w.est, r.piUpper());
            } else {
                w.number(x, P_PI_LO, r.piLower(), w.est);
                w.number(x, P_PI_HI, r.piUpper(), w.est);
            }
            String note = log != null && natural("0") != null ? "live formulas on the study table"
                    : st.method() == Method.GLMM ? "maximum likelihood, iterative: the value mscmeta computed"
                    : !r.isEstimable() ? Formats.notEstimable(r.notEstimable())
                    : st.tau2() != TauSquared.DL ? "tau\u00b2 by " + ModelWords.tau2(st.tau2())
                    + " is found iteratively: the values mscmeta computed (random weights follow the tau\u00b2 cell)"
                    : "the value mscmeta computed (its back-transformation has no spreadsheet form)";
            // the blank prediction cells' reason, as the Summary gives it
            w.text(x, P_NOTE, r.predictionNotEstimable() == null ? note
                    : note + "; " + Formats.predictionNotEstimable(r.predictionNotEstimable()));
        }

        /** Estimate, CI and p: live formulas of {@code log} and {@code se} where given, else the engine's values. */
        private void pooledCells(Row x, int excel, String log, String se, double logValue, double seValue,
                                 double est, double lo, double hi, double p, boolean t, double df) {
            String back = log == null ? null : natural("0");
            if (log == null || back == null || !Double.isFinite(logValue)) {
                w.number(x, P_EST, est, w.est);
                w.number(x, P_LO, lo, w.est);
                w.number(x, P_HI, hi, w.est);
                if (!m.isProportion()) {
                    w.number(x, P_P, p, w.pStyle);
                }
                w.number(x, P_LOG, logValue, w.num4);
                w.number(x, P_SE, seValue, w.num4);
                return;
            }
            String l = "$" + Cells.letter(P_LOG) + "$" + excel;
            String e = "$" + Cells.letter(P_SE) + "$" + excel;
            w.formula(x, P_LOG, log, w.num4, logValue);
            w.formula(x, P_SE, se, w.num4, seValue);
            String q = t ? "TINV(1-$B$3," + (long) df + ")" : "$D$3";
            w.formula(x, P_EST, natural(l), w.est, est);
            w.formula(x, P_LO, natural(l + "-" + q + "*" + e), w.est, lo);
            w.formula(x, P_HI, natural(l + "+" + q + "*" + e), w.est, hi);
            if (Double.isFinite(p) && !m.isProportion()) {
                w.formula(x, P_P, t ? "TDIST(ABS(" + l + "/" + e + ")," + (long) df + ",2)"
                        : "2*(1-NORMSDIST(ABS(" + l + "/" + e + ")))", w.pStyle, p);
            }
        }

        private double analysisScale(double est) {
            return switch (m) {
                case RR, OR -> Math.log(est);
                case PLOGIT -> Math.log(est / (1 - est));
                case RD, PRAW -> est;
                default -> Double.NaN;
            };
        }
    }

    private static void formula(Cells w, Row r, Col col, String f, CellStyle style, double cached) {
        w.formula(r, col.ordinal(), f, style, cached);
    }

    private static String ref(Col c, int excelRow) {
        return c.letter() + excelRow;
    }

    private static String columnRange(int col, int firstRow0, int lastRow0) {
        String l = Cells.letter(col);
        return "$" + l + "$" + (firstRow0 + 1) + ":$" + l + "$" + (lastRow0 + 1);
    }

    private static String range(Col c, int firstRow0, int lastRow0) {
        return "$" + c.letter() + "$" + (firstRow0 + 1) + ":$" + c.letter() + "$" + (lastRow0 + 1);
    }
}
