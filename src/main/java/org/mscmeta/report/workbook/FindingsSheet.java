package org.mscmeta.report.workbook;

import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.analysis.SummaryOfFindings;
import org.mscmeta.effect.Measure;
import org.mscmeta.report.ModelWords;

/**
 * The summary of findings as GRADE presents it: per outcome the participants and studies, the relative effect with
 * its CI, the assumed risk with control and the corresponding risk with MSC and the difference, per 1,000 people.
 * The certainty of the evidence is left for the reviewers to rate.
 */
final class FindingsSheet {

    private FindingsSheet() {
    }

    /**
     * Writes the sheet. Where the outcome's sheet is in the workbook ({@code placed}: analysis to its sheet and rows),
     * a row with numbers follows it: the participants sum its count columns, the relative effect refers to its pooled
     * row, the assumed control risk is the median of its control-arm risks (unless given), and the risks with MSC and
     * the differences are formulas of those cells ({@link SummaryOfFindings#riskFormula}), each with the engine's value
     * cached. A co-author who corrects a count sees the summary of findings follow.
     */
    static void write(Cells w, Results r, Map<Analysis, OutcomeSheet.Placed> placed) {
        Sheet s = w.wb.createSheet(Workbook.FINDINGS);
        Settings st = r.settings();
        Measure measure = st.measure();
        String m = measure.name();
        w.cell(s.createRow(0), 0, "Summary of findings: MSC compared with control", w.title);
        if (measure.isProportion()) {
            // no control arm: one sentence, as in the manuscript kit, not a row of "not estimable" per outcome
            w.text(s.createRow(1), 0, ModelWords.FINDINGS_NOT_COMPARATIVE + " The pooled incidence of each outcome"
                    + " among MSC recipients is on the " + Workbook.SUMMARY + " sheet.");
            s.setColumnWidth(0, 100 * 256);
            return;
        }
        w.text(s.createRow(1), 0, "Relative effect: " + ModelWords.shown(st) + ". Assumed risk with control: "
                + SummaryOfFindings.controlRiskRule(st) + "; the risk with MSC is that risk times the "
                + "relative effect (GRADE). Certainty of the evidence: to be rated by the reviewers."
                + ModelWords.findingsOwnZInterval(r));
        w.headerRow(s, 3, new String[] {"Outcome", "Participants", "Studies", m, "CI lower", "CI upper",
            "Risk with control (per 1,000)", "Risk with MSC (per 1,000)", "CI lower", "CI upper",
            "Difference (per 1,000)", "CI lower", "CI upper", "Certainty of the evidence (GRADE)", "Not estimable"});
        s.getRow(3).setHeightInPoints(44);
        int controlRisks = OutcomeSheet.controlRiskColumn(st);
        int row = 4;
        for (Analysis a : r.analyses()) {
            SummaryOfFindings f = a.summaryOfFindings();
            if (a.subgroup() != null || f == null) {
                continue;
            }
            Row x = s.createRow(row++);
            int excel = row; // this row's 1-based number
            w.text(x, 0, a.outcome());
            String sheet = placed.containsKey(a) ? SheetNames.reference(placed.get(a).sheet()) : null;
            OutcomeSheet.Places at = sheet == null ? null : placed.get(a).at();
            int pooledRow = at == null ? -1 : "random".equals(f.model()) ? at.randomRow() : at.commonRow();
            if (sheet != null && a.studies().size() > 0) {
                w.formula(x, 1, "SUM(" + sheet + at.studies(OutcomeSheet.Col.N1) + ")+SUM(" + sheet
                        + at.studies(OutcomeSheet.Col.N2) + ")", w.intStyle, f.participants());
            } else {
                w.number(x, 1, f.participants(), w.intStyle);
            }
            w.number(x, 2, f.studies(), w.intStyle);
            if (!f.isEstimable() || pooledRow < 0) {
                typed(w, x, f);
                continue;
            }
            String pooled = sheet + "$%s$" + (pooledRow + 1);
            String effect = String.format(pooled, Cells.letter(OutcomeSheet.P_EST));
            String lower = String.format(pooled, Cells.letter(OutcomeSheet.P_LO));
            String upper = String.format(pooled, Cells.letter(OutcomeSheet.P_HI));
            live(w, x, 3, effect, w.est, f.relative());
            live(w, x, 4, lower, w.est, f.relativeLower());
            live(w, x, 5, upper, w.est, f.relativeUpper());
            String acr = SummaryOfFindings.controlRiskFormula(f.controlRiskSource(), sheet + at.studies(controlRisks),
                    sheet + at.studies(OutcomeSheet.Col.C), sheet + at.studies(OutcomeSheet.Col.N2));
            if (acr == null) {
                w.number(x, 6, 1000 * f.controlRisk(), w.intStyle);
            } else {
                live(w, x, 6, "1000*" + acr, w.intStyle, 1000 * f.controlRisk());
            }
            String control = "$G$" + excel;
            String assumed = control + "/1000";
            live(w, x, 7, "1000*" + SummaryOfFindings.riskFormula(measure, assumed, "D" + excel), w.intStyle,
                    f.mscPer1000());
            live(w, x, 8, "1000*" + SummaryOfFindings.riskFormula(measure, assumed, "E" + excel), w.intStyle,
                    f.mscLower());
            live(w, x, 9, "1000*" + SummaryOfFindings.riskFormula(measure, assumed, "F" + excel), w.intStyle,
                    f.mscUpper());
            live(w, x, 10, "H" + excel + "-" + control, w.intStyle, f.differencePer1000());
            live(w, x, 11, "I" + excel + "-" + control, w.intStyle, f.differenceLower());
            live(w, x, 12, "J" + excel + "-" + control, w.intStyle, f.differenceUpper());
            w.text(x, 14, "");
        }
        s.setColumnWidth(0, 36 * 256);
        for (int j = 1; j < 13; j++) {
            s.setColumnWidth(j, 11 * 256);
        }
        s.setColumnWidth(13, 18 * 256);
        s.setColumnWidth(14, REASONS * 256);
        s.createFreezePane(1, 4);
    }

    /** The width of the column of reasons why a row's values are not estimable, in characters. */
    private static final int REASONS = 40;

    /**
     * A formula with the engine's value {@code v}, where that value exists; else nothing (a reference to a blank
     * pooled cell would count as 0).
     */
    private static void live(Cells w, Row x, int col, String f, CellStyle style, double v) {
        if (Double.isFinite(v)) {
            w.formula(x, col, f, style, v);
        }
    }

    /** A row's values as the engine computed them, and why those that do not exist do not. */
    private static void typed(Cells w, Row x, SummaryOfFindings f) {
        w.number(x, 3, f.relative(), w.est);
        w.number(x, 4, f.relativeLower(), w.est);
        w.number(x, 5, f.relativeUpper(), w.est);
        w.number(x, 6, 1000 * f.controlRisk(), w.intStyle);
        w.number(x, 7, f.mscPer1000(), w.intStyle);
        w.number(x, 8, f.mscLower(), w.intStyle);
        w.number(x, 9, f.mscUpper(), w.intStyle);
        w.number(x, 10, f.differencePer1000(), w.intStyle);
        w.number(x, 11, f.differenceLower(), w.intStyle);
        w.number(x, 12, f.differenceUpper(), w.intStyle);
        if (f.notEstimable() == null) {
            w.text(x, 14, "");
        } else {
            // wrapped in its column of 40, as the Summary's reasons, rather than run on past the page's edge
            w.wrapped(x, 14, f.notEstimable(), REASONS);
        }
    }
}
