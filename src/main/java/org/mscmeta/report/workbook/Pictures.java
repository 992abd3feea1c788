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
}
