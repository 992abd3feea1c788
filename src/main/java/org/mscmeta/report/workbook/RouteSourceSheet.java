package org.mscmeta.report.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.RouteBySource;
import org.mscmeta.report.Formats;
import org.mscmeta.report.MethodsText;
import org.mscmeta.report.ModelWords;

/**
 * Route x cell source, per outcome: the matrix (routes as rows, cell sources as columns, each with the studies k,
 * the pooled estimate and its CI), then the main-effects model and the model with the interaction and its test.
 */
final class RouteSourceSheet {

    private RouteSourceSheet() {
    }

    static void write(Cells w, Results r) {
        if (r.analyses().stream().noneMatch(a -> a.routeBySource() != null)) {
            return;
        }
        Sheet s = w.wb.createSheet(Workbook.ROUTE_SOURCE);
        String m = ModelWords.shortTitle(r.settings().measure());
        int row = 0;
        w.cell(s.createRow(row++), 0, "Route x cell source", w.title);
        w.text(s.createRow(row++), 0, "Each combination pooled on its own, by " + ModelWords.shown(r.settings())
                + "; meta-regressions on route and cell source as factors (" + MethodsText.residualTau2(r.settings())
                + "), the first level alphabetically the reference; the interaction tested by a Wald test of its"
                + " coefficients"
                + (r.settings().hksj() ? " (under Knapp-Hartung both tests are F tests, on their df and the residual"
                + " df of QE)." + (r.analyses().stream().anyMatch(a -> a.subgroup() == null && a.routeBySource() != null
                && a.routeBySource().anyOneStudyModel()) ? " " + ModelWords.ownZInterval("A combination") + "." : "")
                : "."));
        row++;
        int widest = 1;
        for (Analysis a : r.analyses()) {
            RouteBySource rs = a.routeBySource();
            if (a.subgroup() != null || rs == null) {
                continue;
            }
            w.cell(s.createRow(row++), 0, a.outcome(), w.bold);
            Row heads = s.createRow(row);
            Row sub = s.createRow(row + 1);
            w.cell(heads, 0, "Route \\ cell source", w.header);
            w.cell(sub, 0, "", w.header);
            for (int j = 0; j < rs.sources().size(); j++) {
                int c = 1 + 4 * j;
                w.cell(heads, c, rs.sources().get(j), w.header);
                for (int d = 1; d < 4; d++) {
                    w.cell(heads, c + d, "", w.header);
                }
                s.addMergedRegion(new CellRangeAddress(row, row, c, c + 3));
                w.cell(sub, c, "k", w.header);
                w.cell(sub, c + 1, m, w.header);
                w.cell(sub, c + 2, "CI lower", w.header);
                w.cell(sub, c + 3, "CI upper", w.header);
            }
            widest = Math.max(widest, 1 + 4 * rs.sources().size());
            row += 2;
            for (String route : rs.routes()) {
                Row x = s.createRow(row++);
                w.text(x, 0, route);
                for (int j = 0; j < rs.sources().size(); j++) {
                    RouteBySource.Cell c = rs.find(route, rs.sources().get(j));
                    if (c != null) {
                        int col = 1 + 4 * j;
                        w.number(x, col, c.k(), w.intStyle);
                        w.number(x, col + 1, c.estimate(), w.est);
                        w.number(x, col + 2, c.ciLower(), w.est);
                        w.number(x, col + 3, c.ciUpper(), w.est);
                    }
                }
            }
            // under Knapp-Hartung both tests are F statistics on their df and the residual df of QE, k - p
            boolean f = r.settings().hksj();
            w.headerRow(s, row++, new String[] {"Model", "k", "Tau\u00b2", f ? "F" : "QM", "df", "p", "QE", "df",
                "p (QE)", "R\u00b2 (%)", f ? "Interaction F" : "Interaction Chi\u00b2", "df", "p",
                "Reference levels / not estimable"});
            row = model(w, s, row, "Route + cell source", rs.mainEffects(), false, f);
            row = model(w, s, row, "Route x cell source", rs.interaction(), true, f);
            for (String note : rs.notes()) {
                if (!note.equals(rs.interactionNote())) { // the interaction's row above gives its reason
                    w.text(s.createRow(row++), 0, note);
                }
            }
            row++;
        }
        s.setColumnWidth(0, 28 * 256);
        for (int j = 1; j < Math.max(widest, 14); j++) {
            s.setColumnWidth(j, 10 * 256);
        }
        // the reasons wrap in a column of their own instead of running on to the right, which made the printed page
        // as wide as the longest reason (the headers are fitted with every sheet's: Cells.fitHeaders)
        s.setColumnWidth(13, Math.max(s.getColumnWidth(13), REASONS * 256));
    }

    /** Width in characters of the column of reference levels and reasons. */
    private static final int REASONS = 60;

    private static int model(Cells w, Sheet s, int row, String name, RouteBySource.Model m, boolean interaction,
                             boolean knappHartung) {
        Row x = s.createRow(row++);
        w.text(x, 0, name);
        if (!m.isEstimable()) {
            reasons(w, s, x, Formats.notEstimable(m.notEstimable()));
            return row;
        }
        w.number(x, 1, m.k(), w.intStyle);
        w.number(x, 2, m.tau2(), w.num4);
        w.number(x, 3, m.qm(), w.num4);
        w.number(x, 4, m.qmDf(), w.intStyle);
        w.number(x, 5, m.qmP(), w.pStyle);
        w.number(x, 6, m.qe(), w.num4);
        w.number(x, 7, m.qeDf(), w.intStyle);
        w.number(x, 8, m.qeP(), w.pStyle);
        w.number(x, 9, m.r2(), w.pct);
        if (interaction) {
            w.number(x, 10, m.interactionQm(), w.num4);
            w.number(x, 11, m.interactionDf(), w.intStyle);
            w.number(x, 12, m.interactionP(), w.pStyle);
        }
        // under Knapp-Hartung a model that fits its studies exactly has no F (its cells above are left empty)
        reasons(w, s, x, org.mscmeta.report.ModelWords.referenceLevels(m.references(), "; ")
                + (m.qmNotEstimable() == null ? ""
                : "; " + (knappHartung ? "F" : "QM") + " " + Formats.NOT_ESTIMABLE + ": " + m.qmNotEstimable()));
        return row;
    }

    /**
     * The reference levels or the reason, wrapped in their column, the row as tall as its lines (a spreadsheet keeps
     * a row written by POI at one line's height).
     */
    private static void reasons(Cells w, Sheet s, Row x, String text) {
        w.wrapped(x, 13, text, REASONS);
    }
}
