package org.mscmeta.report.workbook;

import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.Method;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.StudyResult;
import org.mscmeta.effect.EffectFormula;
import org.mscmeta.effect.Expr;
import org.mscmeta.effect.Measure;
import org.mscmeta.pool.Heterogeneity;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * The sheet of one outcome: its settings, the study table whose corrections, effects, variances, intervals and
 * weights are live formulas on the count cells (the engine's own formulas, {@link EffectFormula}, written out with
 * the convention's switches), and the pooled rows.
 */
final class OutcomeSheet {

    /** First row (0-based) of the study table. */
    static final int FIRST_STUDY_ROW = 5;

    private OutcomeSheet() {
    }

    /** Column layout of an outcome sheet. */
    enum Col {
        STUDY, YEAR, ROW, A, N1, C, N2, INCLUDED, CC1, CC2, YI, VI, SE, EST, LO, HI, W_COMMON_RAW, W_COMMON,
        W_RANDOM_RAW, W_RANDOM;

        private final String letter = Cells.letter(ordinal());

        String letter() {
            return letter;
        }
    }

    /**
     * Writes the sheet of one outcome's overall analysis; returns the row below its tables, where its forest plot
     * goes.
     */
    static int write(Cells w, String name, Analysis a, Settings st) {
        Sheet s = w.wb.createSheet(name);
        Measure m = st.measure();
        Row r0 = s.createRow(0);
        w.cell(r0, 0, a.outcome(), w.title);
        Row r1 = s.createRow(1);
        w.text(r1, 0, m.label() + "; common effect " + st.method() + (st.tau2() == null ? "" : "; random effects "
                + st.tau2Name() + (st.hksj() ? " with HKSJ" : "")) + "; continuity correction " + st.cc().value()
                + " (" + st.cc().mode().id() + "); conventions of " + st.convention().displayName());
        // parameter cells: level, z, cc, tau2
        Row r2 = s.createRow(2);
        w.text(r2, 0, "Confidence level");
        w.number(r2, 1, st.level(), w.est);
        w.text(r2, 2, "z");
        r2.createCell(3).setCellFormula("NORMSINV(1-(1-B3)/2)");
        r2.getCell(3).setCellStyle(w.num4);
        w.text(r2, 4, "Correction");
        w.number(r2, 5, st.cc().value(), w.est);
        w.text(r2, 6, "Tau\u00b2");
        if (a.random().isFitted()) {
            w.number(r2, 7, a.random().tau2(), w.num4);
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
        w.headerRow(s, FIRST_STUDY_ROW - 1, heads);
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
            w.text(x, Col.STUDY.ordinal(), sr.study());
            if (sr.year() != ExtractionSheet.NO_YEAR) {
                w.number(x, Col.YEAR.ordinal(), sr.year(), w.intStyle);
            }
            w.number(x, Col.ROW.ordinal(), sr.row(), w.intStyle);
            w.number(x, Col.A.ordinal(), sr.eventsMsc(), w.intStyle);
            w.number(x, Col.N1.ordinal(), sr.nMsc(), w.intStyle);
            w.number(x, Col.C.ordinal(), sr.eventsControl(), w.intStyle);
            w.number(x, Col.N2.ordinal(), sr.nControl(), w.intStyle);
            w.text(x, Col.INCLUDED.ordinal(), sr.included() ? "yes" : "no: " + sr.exclusion());
            String a1 = ref(Col.A, excel);
            String n1 = ref(Col.N1, excel);
            String c1 = ref(Col.C, excel);
            String n2 = ref(Col.N2, excel);
            Function<Expr.Var, String> countRefs = v -> switch (v) {
                case A -> a1;
                case N1 -> n1;
                case C -> c1;
                case N2 -> n2;
                case CC -> cc;
                default -> "0";
            };
            if (sr.included() && !peto) {
                // the correction as the engine decides it (EffectFormula.increment), live on the counts
                formula(w, x, Col.CC1, increment(st, m, 1, anyZero).excel(countRefs), w.num4);
                formula(w, x, Col.CC2, m.isProportion() ? "0" : increment(st, m, 2, anyZero).excel(countRefs), w.num4);
            } else {
                w.number(x, Col.CC1.ordinal(), 0, w.num4);
                w.number(x, Col.CC2.ordinal(), 0, w.num4);
            }
            String k1 = ref(Col.CC1, excel);
            String k2 = ref(Col.CC2, excel);
            Function<Expr.Var, String> refs = v -> switch (v) {
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
                formula(w, x, Col.W_COMMON_RAW, wCommon, w.num4);
            }
            if (sr.included()) {
                // the engine's own formulas (EffectFormula), with the convention's switches
                EffectFormula f = peto ? EffectFormula.peto() : m.isProportion() ? EffectFormula.proportion(m)
                        : EffectFormula.of(m, st.convention());
                String[] yv = {f.yi().excel(refs), f.vi().excel(refs)};
                formula(w, x, Col.YI, yv[0], w.num4);
                formula(w, x, Col.VI, yv[1], w.num4);
                String yi = ref(Col.YI, excel);
                String se = ref(Col.SE, excel);
                formula(w, x, Col.SE, "SQRT(" + ref(Col.VI, excel) + ")", w.num4);
                if (m.isProportion()) {
                    // x/n with its Clopper-Pearson interval (the engine's: an inverse Beta, which not every
                    // spreadsheet program evaluates)
                    formula(w, x, Col.EST, a1 + "/" + n1, w.est);
                    w.number(x, Col.LO.ordinal(), sr.ciLower(), w.est);
                    w.number(x, Col.HI.ordinal(), sr.ciUpper(), w.est);
                } else {
                    String back = m.isRatio() ? "EXP" : "";
                    formula(w, x, Col.EST, back + "(" + yi + ")", w.est);
                    formula(w, x, Col.LO, back + "(" + yi + "-" + z + "*" + se + ")", w.est);
                    formula(w, x, Col.HI, back + "(" + yi + "+" + z + "*" + se + ")", w.est);
                }
                formula(w, x, Col.W_COMMON, "100*" + ref(Col.W_COMMON_RAW, excel) + sumCommon, w.pct);
                if (a.random().isFitted()) {
                    formula(w, x, Col.W_RANDOM_RAW, "1/(" + ref(Col.VI, excel) + "+" + tau2 + ")", w.num4);
                    formula(w, x, Col.W_RANDOM, "100*" + ref(Col.W_RANDOM_RAW, excel) + sumRandom, w.pct);
                }
            } else {
                w.text(x, Col.EST.ordinal(), "Not estimable");
            }
            i++;
        }
        int row = lastRow + 2;
        row = pooledRows(w, s, row, a, st);
        s.createFreezePane(1, FIRST_STUDY_ROW);
        s.setColumnWidth(0, 28 * 256);
        for (int j = 1; j < Col.values().length; j++) {
            s.setColumnWidth(j, 12 * 256);
        }
        return row + 1;
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
    private static String commonWeightFormula(Settings st, Measure m, Function<Expr.Var, String> refs,
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

    private static int pooledRows(Cells w, Sheet s, int row, Analysis a, Settings st) {
        w.headerRow(s, row++, new String[] {"Pooled", "k", "Estimate", "CI lower", "CI upper", "p", "Tau\u00b2",
            "I\u00b2 (%)", "Q", "df", "p (Q)", "Prediction lower", "Prediction upper"});
        CommonResult c = a.common();
        Heterogeneity h = a.heterogeneity();
        if (c.isFitted()) {
            Row x = s.createRow(row++);
            w.text(x, 0, "Common effect (" + c.method() + ")");
            w.number(x, 1, a.k(), w.intStyle);
            w.number(x, 2, c.estimate(), w.est);
            w.number(x, 3, c.ciLower(), w.est);
            w.number(x, 4, c.ciUpper(), w.est);
            w.number(x, 5, c.p(), w.pStyle);
            if (h != null) {
                w.number(x, 7, h.i2(), w.pct);
                w.number(x, 8, h.q(), w.num4);
                w.number(x, 9, h.df(), w.intStyle);
                w.number(x, 10, h.p(), w.pStyle);
            }
        }
        RandomResult r = a.random();
        if (r.isFitted()) {
            Row x = s.createRow(row++);
            w.text(x, 0, "Random effects (" + r.tau2Method() + (r.hksj() ? ", HKSJ" : "") + ")");
            w.number(x, 1, a.k(), w.intStyle);
            w.number(x, 2, r.estimate(), w.est);
            w.number(x, 3, r.ciLower(), w.est);
            w.number(x, 4, r.ciUpper(), w.est);
            w.number(x, 5, r.p(), w.pStyle);
            w.number(x, 6, r.tau2(), w.num4);
            w.number(x, 11, r.piLower(), w.est);
            w.number(x, 12, r.piUpper(), w.est);
        }
        if (a.kDoubleZeroExcluded() > 0) {
            Row x = s.createRow(row++);
            w.text(x, 0, a.kDoubleZeroExcluded() + " study(ies) with no events in both arms not pooled ("
                    + st.measure() + "); see Warnings");
        }
        return row;
    }

    private static void formula(Cells w, Row r, Col col, String f, org.apache.poi.ss.usermodel.CellStyle style) {
        w.formula(r, col.ordinal(), f, style);
    }

    private static String ref(Col c, int excelRow) {
        return c.letter() + excelRow;
    }

    private static String range(Col c, int firstRow0, int lastRow0) {
        return "$" + c.letter() + "$" + (firstRow0 + 1) + ":$" + c.letter() + "$" + (lastRow0 + 1);
    }
}
