package org.mscmeta.ctgov;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mscmeta.files.AtomicFiles;
import org.mscmeta.files.OfficeZip;

/**
 * Writes an import's files, each to a temporary file moved into place: the extraction sheet (CSV or xlsx), the
 * editable group mapping {@code groups.csv} and the review report {@code review.md}.
 */
public final class ImportFiles {

    static {
        org.mscmeta.files.QuietLogging.forPoi(); // before POI's first class: no Log4j warning for library callers
    }

    /** Column widths of the xlsx sheet, in characters, in {@link SheetRow#HEADER} order. */
    private static final int[] WIDTHS = {26, 6, 13, 26, 14, 11, 14, 38, 10, 28, 9, 7, 9, 7, 8, 36, 10, 10, 30};

    private ImportFiles() {
    }

    /**
     * The extraction sheet as CSV (UTF-8). A text cell that a spreadsheet program would take for a formula (it
     * begins with {@code = + - @}, a tab or a carriage return: registry text is not to be trusted) is written with
     * a leading apostrophe, which the sheet reader removes again ({@code SheetValidator}).
     */
    public static void csv(Path file, List<SheetRow> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().build(w);
            csv.writeRecord(SheetRow.HEADER);
            for (SheetRow r : rows) {
                String[] cells = r.cells();
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = formulaSafe(cells[i]);
                }
                csv.writeRecord(cells);
            }
            w.flush();
        });
    }

    /** {@link #formulaSafe}, for tests. */
    public static String formulaSafeForTest(String cell) {
        return formulaSafe(cell);
    }

    /** {@code 'text} for text a spreadsheet would read as a formula; other text as it is. */
    static String formulaSafe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                && !cell.matches("[+-]?\\d+(\\.\\d+)?") ? "'" + cell : cell;
    }

    /** The extraction sheet as an .xlsx workbook (sheet "AE data"; counts as numbers, text quote-safe). */
    public static void xlsx(Path file, List<SheetRow> rows) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        try {
            org.mscmeta.files.DocumentProperties.set(wb, "Adverse events imported from ClinicalTrials.gov",
                    "An extraction sheet of the registry's adverse-event results, for mscmeta analyze");
            org.mscmeta.files.NormalStyle.name(wb);
            Sheet s = wb.createSheet("AE data");
            org.apache.poi.ss.usermodel.CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Row h = s.createRow(0);
            for (int i = 0; i < SheetRow.HEADER.length; i++) {
                h.createCell(i).setCellValue(SheetRow.HEADER[i]);
            }
            int r = 1;
            for (SheetRow row : rows) {
                Row x = s.createRow(r++);
                String[] cells = row.cells();
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i].isEmpty()) {
                        continue;
                    }
                    boolean number = (i == 1 || (i >= 10 && i <= 13)) && cells[i].matches("\\d+");
                    if (number) {
                        x.createCell(i).setCellValue(Double.parseDouble(cells[i]));
                    } else {
                        x.createCell(i).setCellValue(cells[i]);
                        if ("=+-@".indexOf(cells[i].charAt(0)) >= 0) {
                            x.getCell(i).setCellStyle(quoted);
                        }
                    }
                }
            }
            org.apache.poi.ss.usermodel.CellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int i = 0; i < SheetRow.HEADER.length; i++) {
                h.getCell(i).setCellStyle(bold);
                s.setColumnWidth(i, 256 * WIDTHS[i]);
            }
            s.getPrintSetup().setLandscape(true);
            s.getPrintSetup().setFitWidth((short) 1);
            s.getPrintSetup().setFitHeight((short) 0);
            s.setFitToPage(true);
            s.createFreezePane(0, 1);
            s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0,
                    SheetRow.HEADER.length - 1));
            OfficeZip.write(wb, file);
        } finally {
            OfficeZip.discard(wb);
        }
    }

    /** {@code groups.csv}: every group of every trial with its role; edit the role column and pass with --groups. */
    public static void groups(Path file, List<CtgovImport.TrialReport> reports) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().build(w);
            csv.writeRecord("nct_id", "group_id", "role", "title", "serious_at_risk", "reason", "status");
            for (CtgovImport.TrialReport t : reports) {
                for (GroupRoles.Assigned a : t.decision().groups()) {
                    boolean unknown = a.role() == GroupRoles.Role.UNKNOWN;
                    csv.writeRecord(t.trial().nctId(), a.group().id(), unknown ? "" : a.role().id(),
                            a.group().title() == null ? "" : a.group().title(),
                            a.group().seriousAtRisk() == null ? "" : a.group().seriousAtRisk().toString(), a.reason(),
                            t.decision().usable() ? "imported" : "needs review");
                }
            }
            w.flush();
        });
    }

    /**
     * How the trials of an import fared.
     *
     * @param imported    trials with rows in the sheet
     * @param flagged     of those, trials whose rows are marked needs_review (a route or source not settled, an MSC
     *                    group taken from its arm type)
     * @param notImported trials without rows, to review
     */
    public record Counts(long imported, long flagged, long notImported, long notWritten) {

        /**
         * "; 2 counts not written (missing or impossible in the record: see review.md)", or "" when every count of
         * an imported trial was written: a row left out is said where the run's counts are.
         */
        public String notWrittenClause() {
            return notWritten == 0 ? "" : "; " + org.mscmeta.sheet.Notice.count(notWritten, "count", "counts")
                    + " not written (missing or impossible in the record: listed in review.md)";
        }
    }

    /** The counts of {@code reports}, as the console and review.md state them. */
    public static Counts counts(List<CtgovImport.TrialReport> reports) {
        long imported = reports.stream().filter(r -> !r.rows().isEmpty()).count();
        long flagged = reports.stream().filter(r -> r.rows().stream().anyMatch(SheetRow::needsReview)).count();
        long notWritten = reports.stream().mapToLong(r -> r.skipped().size()).sum();
        return new Counts(imported, flagged, reports.size() - imported, notWritten);
    }

    /** {@code review.md}: every trial, what was taken, what was flagged and why. */
    public static void review(Path file, List<CtgovImport.TrialReport> reports, List<String> warnings)
            throws IOException {
        StringBuilder sb = new StringBuilder("# ClinicalTrials.gov import: review\n\n");
        Counts c = counts(reports);
        long rows = reports.stream().mapToLong(r -> r.rows().size()).sum();
        sb.append(String.format(java.util.Locale.ROOT, "%d trial%s read, %d imported (%d rows), of which %d with rows"
                + " flagged needs_review; %d not imported, to review%s.%n%n", reports.size(),
                reports.size() == 1 ? "" : "s", c.imported(), rows, c.flagged(), c.notImported(),
                c.notWrittenClause()));
        sb.append("Counts are participants affected / at risk (numAffected / numAtRisk), never event counts. Group"
                + " totals are their own outcomes; term rows are never summed. Edit `groups.csv` (role: msc, control"
                + " or exclude) and import again with `--groups review/groups.csv` to settle flagged trials.\n\n");
        for (String w : warnings) {
            sb.append("- Warning: ").append(w).append('\n');
        }
        for (CtgovImport.TrialReport r : reports) {
            Trial t = r.trial();
            sb.append("\n## ").append(t.nctId()).append(t.title() == null ? "" : " - " + t.title()).append("\n\n");
            sb.append("- Source: ").append(t.source()).append(" (").append(t.format()).append(")\n");
            if (t.interventionModel() != null) {
                sb.append("- Design: ").append(t.interventionModel()).append('\n');
            }
            for (GroupRoles.Assigned a : r.decision().groups()) {
                sb.append("- Group ").append(a.group().label()).append(": ")
                        .append(a.role().id()).append(" (").append(a.reason()).append(")")
                        .append(a.group().seriousAtRisk() == null ? "" : ", " + a.group().seriousAtRisk()
                                + " at risk").append('\n');
            }
            if (r.decision().usable()) {
                sb.append("- **Imported**: ").append(org.mscmeta.sheet.Notice.count(r.rows().size(), "row", "rows"))
                        .append(r.decision().mapped() ? " (roles from the group mapping)" : "").append('\n');
            } else {
                sb.append("- **Not imported, needs review**:\n");
                for (String f : r.decision().flags()) {
                    sb.append("  - ").append(f).append('\n');
                }
            }
            for (String n : r.notes()) {
                sb.append("- Note: ").append(n).append('\n');
            }
            if (!r.rows().isEmpty() && r.rows().get(0).needsReview()) {
                sb.append("- needs_review: ").append(r.rows().get(0).reviewReason()).append('\n');
            }
            for (String s : r.skipped()) {
                sb.append("- Not written: ").append(s).append('\n');
            }
        }
        AtomicFiles.write(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
