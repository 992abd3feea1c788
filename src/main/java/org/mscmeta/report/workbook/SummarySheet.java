package org.mscmeta.report.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.CommonResult;
import org.mscmeta.analysis.RandomResult;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.SubgroupComparison;
import org.mscmeta.pool.Heterogeneity;

/** The Summary sheet: one row per outcome and subgroup, then the tests for subgroup differences. */
final class SummarySheet {

    private SummarySheet() {
    }

    static void write(Cells w, Results r) {
        Sheet s = w.wb.createSheet(Workbook.SUMMARY);
        String m = r.settings().measure().name();
        String[] heads = {"Outcome", "Subgroup variable", "Subgroup", "k", "Double-zero studies excluded",
            "MSC events", "MSC total", "Control events", "Control total", "Common method", "Common " + m,
            "Common CI lower", "Common CI upper", "Common p", "Tau\u00b2 method", "Random " + m, "Random CI lower",
            "Random CI upper", "Random p", "Tau\u00b2", "I\u00b2 (%)", "Q", "df", "p (Q)", "Prediction lower",
            "Prediction upper", "Incidence in MSC arms (all trials)", "Incidence CI lower", "Incidence CI upper",
            "Trials in incidence (incl. single-arm)"};
        w.headerRow(s, 0, heads);
        s.getRow(0).setHeightInPoints(32);
        int row = 1;
        for (Analysis a : r.analyses()) {
            Row x = s.createRow(row++);
            w.text(x, 0, a.outcome());
            w.text(x, 1, a.subgroup() == null ? "(overall)" : a.subgroup().variable());
            w.text(x, 2, a.subgroup() == null ? "" : a.subgroup().level());
            w.number(x, 3, a.k(), w.intStyle);
            w.number(x, 4, a.kDoubleZeroExcluded(), w.intStyle);
            w.number(x, 5, a.eventsMsc(), w.intStyle);
            w.number(x, 6, a.nMsc(), w.intStyle);
            w.number(x, 7, a.eventsControl(), w.intStyle);
            w.number(x, 8, a.nControl(), w.intStyle);
            CommonResult c = a.common();
            if (c.isFitted()) {
                w.text(x, 9, c.method());
                w.number(x, 10, c.estimate(), w.est);
                w.number(x, 11, c.ciLower(), w.est);
                w.number(x, 12, c.ciUpper(), w.est);
                w.number(x, 13, c.p(), w.pStyle);
            }
            RandomResult rr = a.random();
            if (rr.isFitted()) {
                w.text(x, 14, rr.tau2Method() + (rr.hksj() ? " + HKSJ" : ""));
                w.number(x, 15, rr.estimate(), w.est);
                w.number(x, 16, rr.ciLower(), w.est);
                w.number(x, 17, rr.ciUpper(), w.est);
                w.number(x, 18, rr.p(), w.pStyle);
                w.number(x, 19, rr.tau2(), w.num4);
                w.number(x, 24, rr.piLower(), w.est);
                w.number(x, 25, rr.piUpper(), w.est);
            }
            if (a.incidence() != null && a.incidence().random().isFitted()) {
                RandomResult inc = a.incidence().random();
                w.number(x, 26, inc.estimate(), w.est);
                w.number(x, 27, inc.ciLower(), w.est);
                w.number(x, 28, inc.ciUpper(), w.est);
                w.number(x, 29, a.incidence().k(), w.intStyle);
            }
            Heterogeneity h = a.heterogeneity();
            if (h != null) {
                w.number(x, 20, h.i2(), w.pct);
                w.number(x, 21, h.q(), w.num4);
                w.number(x, 22, h.df(), w.intStyle);
                w.number(x, 23, h.p(), w.pStyle);
            }
        }
        int last = Math.max(row - 1, 1);
        s.setAutoFilter(new CellRangeAddress(0, last, 0, heads.length - 1));
        s.createFreezePane(1, 1);
        row += 2;
        Row t = s.createRow(row++);
        w.cell(t, 0, "Tests for subgroup differences", w.bold);
        w.headerRow(s, row++, new String[] {"Outcome", "Subgroup variable", "Model", "Q (Chi\u00b2)", "df", "p",
            "I\u00b2 (%)"});
        for (SubgroupComparison c : r.subgroupTests()) {
            Row x = s.createRow(row++);
            w.text(x, 0, c.outcome());
            w.text(x, 1, c.variable());
            w.text(x, 2, c.model());
            w.number(x, 3, c.q(), w.num4);
            w.number(x, 4, c.df(), w.intStyle);
            w.number(x, 5, c.p(), w.pStyle);
            w.number(x, 6, c.i2(), w.pct);
        }
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 16 * 256);
        s.setColumnWidth(2, 22 * 256);
        for (int j = 3; j < heads.length; j++) {
            s.setColumnWidth(j, 12 * 256);
        }
    }
}
