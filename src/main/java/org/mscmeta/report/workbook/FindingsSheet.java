package org.mscmeta.report.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SummaryOfFindings;
import org.mscmeta.report.ModelWords;

/**
 * The summary of findings as GRADE presents it: per outcome the participants and studies, the relative effect with
 * its CI, the assumed risk with control and the corresponding risk with MSC and the difference, per 1,000 people.
 * The certainty of the evidence is left for the reviewers to rate.
 */
final class FindingsSheet {

    private FindingsSheet() {
    }

    static void write(Cells w, Results r) {
        Sheet s = w.wb.createSheet(Workbook.FINDINGS);
        String m = r.settings().measure().name();
        w.cell(s.createRow(0), 0, "Summary of findings: MSC compared with control", w.title);
        if (r.settings().measure().isProportion()) {
            // no control arm: one sentence, as in the manuscript kit, not a row of "not estimable" per outcome
            w.text(s.createRow(1), 0, ModelWords.FINDINGS_NOT_COMPARATIVE + " The pooled incidence of each outcome"
                    + " among MSC recipients is on the " + Workbook.SUMMARY + " sheet.");
            s.setColumnWidth(0, 100 * 256);
            return;
        }
        w.text(s.createRow(1), 0, "Relative effect: " + ModelWords.shown(r.settings()) + ". Assumed risk with control: "
                + org.mscmeta.analysis.SummaryOfFindings.controlRiskRule(r.settings()) + "; the risk with MSC is that risk times the "
                + "relative effect (GRADE). Certainty of the evidence: to be rated by the reviewers."
                + ModelWords.findingsOwnZInterval(r));
        w.headerRow(s, 3, new String[] {"Outcome", "Participants", "Studies", m, "CI lower", "CI upper",
            "Risk with control (per 1,000)", "Risk with MSC (per 1,000)", "CI lower", "CI upper",
            "Difference (per 1,000)", "CI lower", "CI upper", "Certainty of the evidence (GRADE)", "Not estimable"});
        s.getRow(3).setHeightInPoints(44);
        int row = 4;
        for (Analysis a : r.analyses()) {
            SummaryOfFindings f = a.summaryOfFindings();
            if (a.subgroup() != null || f == null) {
                continue;
            }
            Row x = s.createRow(row++);
            w.text(x, 0, a.outcome());
            w.number(x, 1, f.participants(), w.intStyle);
            w.number(x, 2, f.studies(), w.intStyle);
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
            w.text(x, 14, f.notEstimable() == null ? "" : f.notEstimable());
        }
        s.setColumnWidth(0, 36 * 256);
        for (int j = 1; j < 13; j++) {
            s.setColumnWidth(j, 11 * 256);
        }
        s.setColumnWidth(13, 18 * 256);
        s.setColumnWidth(14, 40 * 256);
        s.createFreezePane(1, 4);
    }
}
