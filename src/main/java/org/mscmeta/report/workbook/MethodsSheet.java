package org.mscmeta.report.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.mscmeta.Tool;
import org.mscmeta.analysis.Results;
import org.mscmeta.analysis.Settings;
import org.mscmeta.report.MethodsText;
import org.mscmeta.report.RunInfo;

/** The Methods sheet: settings, methods with their references, the run (tool, time, input hash) and the methods paragraph. */
final class MethodsSheet {

    private MethodsSheet() {
    }

    static void write(Cells w, Results r, RunInfo run) {
        Sheet s = w.wb.createSheet(Workbook.METHODS);
        Settings st = r.settings();
        int row = 0;
        w.cell(s.createRow(row++), 0, "Methods and settings", w.title);
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
            {"Correction applied to", st.cc().mode().words()},
            {"Double-zero studies", st.effectiveDoubleZero().id()},
            {"Confidence level", st.level()},
            {"Subgroup variables", st.by().isEmpty() ? "(none)" : String.join(", ", st.by())},
            {"Outcome selected", st.outcome() == null ? "(all)" : st.outcome()},
        };
        for (Object[] e : kv) {
            Row x = s.createRow(row++);
            w.cell(x, 0, (String) e[0], w.bold);
            if (e[1] instanceof Number n) {
                w.number(x, 1, n.doubleValue(), w.textStyle);
            } else {
                w.text(x, 1, (String) e[1]);
            }
        }
        row++;
        w.cell(s.createRow(row++), 0, "Methods and references", w.bold);
        for (String[] ref : MethodsText.references(st)) {
            Row x = s.createRow(row++);
            w.text(x, 0, ref[0]);
            w.cell(x, 1, ref[1], w.wrap);
        }
        row++;
        w.cell(s.createRow(row++), 0, "Methods paragraph (ready to paste)", w.bold);
        Row p = s.createRow(row);
        w.cell(p, 0, MethodsText.paragraph(r), w.wrap);
        s.addMergedRegion(new CellRangeAddress(row, row, 0, 1));
        p.setHeightInPoints(200);
        s.setColumnWidth(0, 36 * 256);
        s.setColumnWidth(1, 110 * 256);
    }
}
