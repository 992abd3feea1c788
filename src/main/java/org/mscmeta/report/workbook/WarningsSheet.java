package org.mscmeta.report.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mscmeta.sheet.Notice;

/** The Warnings sheet: every notice of the run. */
final class WarningsSheet {

    /** Width of the notices' column, in characters. */
    private static final int NOTICE_WIDTH = 120;

    private WarningsSheet() {
    }

    static void write(Cells w, List<Notice> notices) {
        Sheet s = w.wb.createSheet(Workbook.WARNINGS);
        w.headerRow(s, 0, new String[] {"Category", "Outcome", "Notice"});
        int row = 1;
        for (Notice n : notices) {
            Row x = s.createRow(row++);
            w.text(x, 0, n.category());
            w.text(x, 1, n.outcome() == null ? "(all)" : n.outcome());
            w.wrapped(x, 2, n.withoutOutcome(), NOTICE_WIDTH);
        }
        if (notices.isEmpty()) {
            w.text(s.createRow(1), 0, "(no notices)");
        }
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 30 * 256);
        s.setColumnWidth(2, NOTICE_WIDTH * 256);
        s.createFreezePane(0, 1);
    }
}
