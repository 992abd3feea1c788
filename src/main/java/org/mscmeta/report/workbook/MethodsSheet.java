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

    /** Widths of the two columns, in characters: the settings' names, their values and the references. */
    private static final int LABEL_WIDTH = 36;
    private static final int VALUE_WIDTH = 110;

    private MethodsSheet() {
    }

    /** What a recalculating spreadsheet changes after a count is edited, and what it does not. */
    private static String recalculates(Settings st, boolean subgroupBlocks) {
        String live = "On each outcome's sheet the study rows, and the pooled rows where their model has a closed form,"
                + " are formulas on the counts";
        String rerun = ": run mscmeta again after changing a count.";
        if (st.by().isEmpty()) {
            return live + "; the Summary's rows and the Summary of findings refer to them. The other sheets hold the"
                    + " values mscmeta computed" + rerun;
        }
        if (subgroupBlocks) {
            return live + ", for the outcome and for each of its subgroups (in blocks below, whose counts are those of"
                    + " the outcome's table); the Summary's rows, its tests for subgroup differences and the Summary of"
                    + " findings refer to them. The other sheets hold the values mscmeta computed" + rerun;
        }
        return live + "; the Summary's overall rows and the Summary of findings refer to them. At this scale the"
                + " outcome sheets have no block per subgroup: the Summary's subgroup rows, the tests for subgroup"
                + " differences and the other sheets hold the values mscmeta computed" + rerun;
    }

    /**
     * Writes the sheet; {@code subgroupBlocks}: whether the outcome sheets hold a block per subgroup (not at registry
     * scale), which "What recalculates" says.
     */
    static void write(Cells w, Results r, RunInfo run, boolean subgroupBlocks) {
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
            {"Conventions followed", withId(st.convention().displayName(), st.convention().label())},
            {"Continuity correction", st.cc().value()},
            {"Correction applied to", st.cc().mode().words()},
            {"Double-zero studies", st.effectiveDoubleZero().id()},
            {"Confidence level", st.level()},
            {"Subgroup variables", st.by().isEmpty() ? "(none)" : String.join(", ", st.by())},
            {"Meta-regression moderators", st.moderators().isEmpty() ? "(none)" : String.join(", ", st.moderators())},
            {"Sensitivity analyses", withId(st.sensitivity().words(), st.sensitivity().id())},
            {"Outcomes selected", st.outcomes().isEmpty() ? "(all)" : String.join("; ", st.outcomes())},
            {"What recalculates", recalculates(st, subgroupBlocks)},
        };
        for (Object[] e : kv) {
            Row x = s.createRow(row++);
            w.cell(x, 0, (String) e[0], w.bold);
            if (e[1] instanceof Number n) {
                w.number(x, 1, n.doubleValue(), w.textStyle);
            } else {
                // wrapped within the page: the sensitivity analyses in words run past the column
                w.wrapped(x, 1, (String) e[1], VALUE_WIDTH);
            }
        }
        row++;
        w.cell(s.createRow(row++), 0, "Methods and references", w.bold);
        for (String[] ref : MethodsText.references(st)) {
            Row x = s.createRow(row++);
            w.text(x, 0, ref[0]);
            w.wrapped(x, 1, ref[1], VALUE_WIDTH);
        }
        row++;
        w.cell(s.createRow(row++), 0, "Methods paragraph (ready to paste)", w.bold);
        Row p = s.createRow(row);
        // over both columns; a line or two more than the characters need, as a proportional font's words break early
        String paragraph = MethodsText.paragraph(r);
        w.cell(p, 0, paragraph, w.wrap);
        s.addMergedRegion(new CellRangeAddress(row, row, 0, 1));
        p.setHeightInPoints((Cells.lines(paragraph, LABEL_WIDTH + VALUE_WIDTH) + 2) * s.getDefaultRowHeightInPoints());
        s.setColumnWidth(0, LABEL_WIDTH * 256);
        s.setColumnWidth(1, VALUE_WIDTH * 256);
    }

    /** A setting in words with the option's value after it ("RevMan 5 (revman5)"), once where they are the same. */
    private static String withId(String words, String id) {
        return words.equals(id) ? words : words + " (" + id + ")";
    }
}
