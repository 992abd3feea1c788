package org.mscmeta.report.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Sheet;

/** Forest plots embedded in the outcome sheets. */
final class Pictures {

    private Pictures() {
    }

    /**
     * Embeds the PNG below the tables, about 10 inches wide, keeping its aspect ratio. The anchor is set from the
     * column widths and the default row height (POI's {@code Picture.resize} misreads 300-dpi images).
     *
     * @return the number of rows the picture covers, from {@code row}
     */
    static int embed(org.apache.poi.ss.usermodel.Workbook wb, Sheet s, Path png, int row) throws IOException {
        int idx = wb.addPicture(Files.readAllBytes(png), org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
        int[] size = org.mscmeta.report.plot.DrawingFiles.pngSize(png);
        double targetPx = 960;
        double heightPx = targetPx * size[1] / size[0];
        int col = 0;
        double used = 0;
        while (col < 60) {
            double w = s.getColumnWidthInPixels(col);
            if (used + w >= targetPx) {
                break;
            }
            used += w;
            col++;
        }
        int dx2 = (int) Math.round((targetPx - used) * org.apache.poi.util.Units.EMU_PER_PIXEL);
        double rowPx = s.getDefaultRowHeightInPoints() * 96 / 72;
        int rows = (int) Math.floor(heightPx / rowPx);
        int dy2 = (int) Math.round((heightPx - rows * rowPx) * org.apache.poi.util.Units.EMU_PER_PIXEL);
        CreationHelper helper = wb.getCreationHelper();
        Drawing<?> drawing = s.createDrawingPatriarch();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
        anchor.setCol1(0);
        anchor.setRow1(row);
        anchor.setCol2(col);
        anchor.setDx2(dx2);
        anchor.setRow2(row + rows);
        anchor.setDy2(dy2);
        Picture p = drawing.createPicture(anchor, idx);
        p.getPictureData();
        return rows + 1;
    }

    /**
     * Anchors every picture of {@code wb} by its top-left cell and its size ({@code oneCellAnchor}, ECMA-376 Part 1,
     * 20.5.2.24) instead of by two cells ({@code twoCellAnchor}, which POI writes): a program resolves two cells with
     * its own column widths, which follow the default font's digits, and LibreOffice without Calibri (or its
     * metric twin Carlito) drew every forest plot 30% wider than tall as it is; the size keeps the picture's
     * aspect ratio in every program. Call once every picture is embedded (the workbook's drawings hold pictures
     * only).
     */
    static void anchorBySize(org.apache.poi.xssf.usermodel.XSSFWorkbook wb) {
        for (Sheet s : wb) {
            org.apache.poi.xssf.usermodel.XSSFDrawing d = ((org.apache.poi.xssf.usermodel.XSSFSheet) s)
                    .getDrawingPatriarch();
            if (d == null) {
                continue;
            }
            var drawing = d.getCTDrawing();
            // in their order (a plot's pages one below the other), then the two-cell anchors removed
            int n = drawing.sizeOfTwoCellAnchorArray();
            for (int i = 0; i < n; i++) {
                var two = drawing.getTwoCellAnchorArray(i);
                var one = drawing.addNewOneCellAnchor();
                one.setFrom(two.getFrom());
                var size = two.getPic().getSpPr().getXfrm().getExt();
                var ext = one.addNewExt();
                ext.setCx(size.getCx());
                ext.setCy(size.getCy());
                one.setPic(two.getPic());
                one.addNewClientData();
            }
            for (int i = n - 1; i >= 0; i--) {
                drawing.removeTwoCellAnchor(i);
            }
        }
    }
}
