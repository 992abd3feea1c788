package org.mscmeta.report.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.analysis.Analysis;
import org.mscmeta.analysis.Results;
import org.mscmeta.report.Formats;
import org.mscmeta.report.StudyLabels;

/** The Sensitivity sheet: per outcome the zero-event table, small-study tests, trim and fill, meta-regression, leave-one-out and cumulative steps. */
final class SensitivitySheet {

    private SensitivitySheet() {
    }

    /** One block per outcome: small-study tests, trim and fill, meta-regression, leave-one-out, cumulative. */
    static void write(Cells w, Results r) {
        boolean any = r.analyses().stream().anyMatch(a -> a.sensitivity() != null || !a.zeroEvents().isEmpty());
        if (!any) {
            return;
        }
        Sheet s = w.wb.createSheet(Workbook.SENSITIVITY);
        String m = org.mscmeta.report.ModelWords.shortTitle(r.settings().measure());
        int row = 0;
        int labels = labelWidth(r);
        for (Analysis a : r.analyses()) {
            var sens = a.sensitivity();
            if (sens == null && a.zeroEvents().isEmpty()) {
                continue;
            }
            w.cell(s.createRow(row++), 0, a.outcome(), w.title);
            if (!a.zeroEvents().isEmpty()) {
                w.headerRow(s, row++, new String[] {"Zero-event sensitivity", "Measure", "Model", "k", "Estimate",
                    "CI lower", "CI upper", "Note"});
                for (var z : a.zeroEvents()) {
                    Row x = s.createRow(row++);
                    w.text(x, 0, z.method());
                    w.text(x, 1, z.measure());
                    w.text(x, 2, z.model());
                    w.number(x, 3, z.k(), w.intStyle);
                    w.number(x, 4, z.estimate(), w.est);
                    w.number(x, 5, z.ciLower(), w.est);
                    w.number(x, 6, z.ciUpper(), w.est);
                    w.text(x, 7, z.note() == null ? "" : z.note());
                }
            }
            if (sens == null) {
                row++;
                continue;
            }
            if (sens.egger() != null) {
                Row x = s.createRow(row++);
                w.text(x, 0, "Egger's regression test");
                w.text(x, 1, "bias (slope of SE)");
                w.number(x, 2, sens.egger().bias(), w.num4);
                w.text(x, 3, "t");
                w.number(x, 4, sens.egger().t(), w.num4);
                w.text(x, 5, "df");
                w.number(x, 6, sens.egger().df(), w.intStyle);
                w.text(x, 7, "p");
                w.number(x, 8, sens.egger().p(), w.pStyle);
                x = s.createRow(row++);
                w.text(x, 0, "Begg's rank test");
                w.text(x, 1, "Kendall's tau");
                w.number(x, 2, sens.begg().kendallTau(), w.num4);
                w.text(x, 7, "p" + (sens.begg().exact() ? " (exact)" : ""));
                w.number(x, 8, sens.begg().p(), w.pStyle);
                var tf = sens.trimAndFill();
                x = s.createRow(row++);
                w.text(x, 0, "Trim and fill (common effect, L0)");
                w.text(x, 1, "filled on the " + tf.side());
                w.number(x, 2, tf.k0(), w.intStyle);
                w.text(x, 3, m);
                w.number(x, 4, tf.estimate(), w.est);
                w.text(x, 5, "CI");
                w.number(x, 6, tf.ciLower(), w.est);
                w.number(x, 7, tf.ciUpper(), w.est);
            }
            if (sens.smallStudyNotEstimable() != null) {
                w.text(s.createRow(row++), 0, "Egger's test, Begg's test and trim and fill: "
                        + Formats.notEstimable(sens.smallStudyNotEstimable()));
            }
            if (sens.metaRegressionNotEstimable() != null) {
                w.text(s.createRow(row++), 0, "Meta-regression on " + String.join(", ", r.settings().moderators())
                        + ": " + Formats.notEstimable(sens.metaRegressionNotEstimable()));
            }
            var reg = sens.metaRegression();
            if (reg != null) {
                Row x = s.createRow(row++);
                w.text(x, 0, "Meta-regression (k = " + reg.k() + ")");
                w.text(x, 1, "tau\u00b2");
                w.number(x, 2, reg.tau2(), w.num4);
                w.text(x, 3, reg.hksj() ? "F" : "QM"); // F on df and k - p under Knapp-Hartung
                if (Double.isFinite(reg.qm())) {
                    w.number(x, 4, reg.qm(), w.num4);
                } else {
                    w.text(x, 4, Formats.NOT_ESTIMABLE);
                }
                w.text(x, 5, "df");
                w.number(x, 6, reg.qmDf(), w.intStyle);
                w.text(x, 7, "p");
                w.number(x, 8, reg.qmP(), w.pStyle);
                w.text(x, 9, "R\u00b2 (%)");
                w.number(x, 10, reg.r2(), w.pct);
                if (reg.hksj()) {
                    w.text(x, 11, "residual df");
                    w.number(x, 12, reg.qeDf(), w.intStyle);
                    if (reg.qmNotEstimable() != null) {
                        w.text(x, 13, "F not estimable: " + reg.qmNotEstimable());
                    }
                }
                w.headerRow(s, row++, new String[] {"Term", "Estimate", "SE", reg.hksj() ? "t" : "z", "p"});
                for (int j = 0; j < reg.terms().size(); j++) {
                    Row c = s.createRow(row++);
                    w.text(c, 0, reg.terms().get(j));
                    w.number(c, 1, reg.estimate()[j], w.num4);
                    w.number(c, 2, reg.se()[j], w.num4);
                    w.number(c, 3, reg.z()[j], w.num4);
                    w.number(c, 4, reg.p()[j], w.pStyle);
                }
            }
            row = steps(w, s, row, a, "Leave one out: omitted", sens.leaveOneOut(), m, labels);
            row = steps(w, s, row, a, "Cumulative by year: added", sens.cumulative(), m, labels);
            row++;
        }
        s.setColumnWidth(0, labels * 256);
        for (int j = 1; j < 11; j++) {
            s.setColumnWidth(j, 14 * 256);
        }
    }

    /**
     * The first column's width in digits: as wide as the names of the zero-event methods and meta-regression terms,
     * whose next cells are filled ("Inverse variance, double-zero studies included" was cut at 34 characters), and
     * at least 34.
     */
    private static int labelWidth(Results r) {
        int labels = 34;
        for (Analysis a : r.analyses()) {
            for (var z : a.zeroEvents()) {
                labels = Math.max(labels, z.method().length() + 1);
            }
            var reg = a.sensitivity() == null ? null : a.sensitivity().metaRegression();
            if (reg != null) {
                for (String term : reg.terms()) {
                    labels = Math.max(labels, term.length() + 1);
                }
            }
        }
        return labels;
    }

    /**
     * The steps of a leave-one-out or cumulative analysis of {@code a}, each named by its study and year; a label
     * longer than the column ({@code width} digits) wraps in it, its row as tall as its lines (the estimate beside it
     * cut it).
     */
    private static int steps(Cells w, Sheet s, int row, Analysis a, String head,
                             List<org.mscmeta.analysis.Sensitivity.Step> steps, String m, int width) {
        if (steps.isEmpty()) {
            return row;
        }
        w.headerRow(s, row++, new String[] {head, m, "CI lower", "CI upper", "Tau\u00b2", "Q"});
        StudyLabels.ByRow labels = StudyLabels.of(a);
        for (var st : steps) {
            Row x = s.createRow(row++);
            String label = labels.label(st.row(), st.study());
            w.text(x, 0, label);
            if (Double.isFinite(st.estimate())) {
                w.number(x, 1, st.estimate(), w.est);
            } else {
                // under the estimate's heading, why there is none, as results.json's step says (the cells were blank)
                w.text(x, 1, Formats.notEstimable(st.notEstimable()));
            }
            w.number(x, 2, st.ciLower(), w.est);
            w.number(x, 3, st.ciUpper(), w.est);
            w.number(x, 4, st.tau2(), w.num4);
            w.number(x, 5, st.q(), w.num4);
            if (label.length() > width) {
                w.wrapped(x, 0, label, width); // once the row's cells are there
            }
        }
        return row;
    }
}
