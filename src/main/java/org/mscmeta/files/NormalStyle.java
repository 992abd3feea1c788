package org.mscmeta.files;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/**
 * Names a workbook's default cell format "Normal", as Excel and LibreOffice do (ECMA-376 Part 1, 18.8.7
 * {@code cellStyle}, built-in style 0): POI writes no named cell style, and openpyxl (which pandas reads .xlsx with)
 * then warns "Workbook contains no default style" on every read.
 */
public final class NormalStyle {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private NormalStyle() {
    }

    /**
     * Adds the {@code cellStyles} element naming format 0 "Normal" unless {@code wb} has one, right after
     * {@code cellXfs}, where the schema's order of a style sheet's elements puts it (before {@code dxfs}, if any).
     * By XMLBeans' cursor: the build's lean schema jar (poi-ooxml-lite) has no class for the element.
     */
    public static void name(XSSFWorkbook wb) {
        try (XmlCursor c = wb.getStylesSource().getCTStylesheet().newCursor()) {
            if (c.toChild(MAIN, "cellStyles")) {
                return;
            }
            if (c.toChild(MAIN, "cellXfs")) {
                c.toEndToken();
                c.toNextToken(); // after </cellXfs>
            } else {
                c.toEndToken(); // a style sheet without cell formats: at its end
            }
            c.beginElement("cellStyles", MAIN);
            c.insertAttributeWithValue("count", "1");
            c.beginElement("cellStyle", MAIN);
            c.insertAttributeWithValue("name", "Normal");
            c.insertAttributeWithValue("xfId", "0");
            c.insertAttributeWithValue("builtinId", "0");
        }
    }
}
