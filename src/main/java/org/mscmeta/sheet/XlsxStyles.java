package org.mscmeta.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a workbook's cell styles show that its values do not say: which cells Excel shows as dates, so that they are
 * read as dates ("2020-03-15") and not as the serial numbers the file holds (43905), and which are struck through. A
 * cell's style ({@code s}) names a number format, and a date format (POI's {@link DateUtil#isADateFormat}) makes the
 * number a date, counted from 1900 or, in a workbook saved with the 1904 date system (Excel for Mac before 2011), from
 * 1904; it names a font too, which may be struck through. Read from the workbook's styles and workbook parts with a
 * SAX parser (POI's {@code StylesTable} would load the XML schema type system, a third of a second, for a few lists).
 */
final class XlsxStyles {

    /** A workbook without styles: no cell is a date, none struck through. */
    static final XlsxStyles NONE = new XlsxStyles(new boolean[0], new boolean[0], new boolean[0], false);

    /** Per cell style (the {@code cellXfs} list), whether its number format is a date format. */
    private final boolean[] dateStyle;
    /** Per cell style, whether its date format shows the year alone ({@code yyyy}). */
    private final boolean[] yearStyle;
    /** Per cell style, whether its font is struck through. */
    private final boolean[] struckStyle;
    private final boolean date1904;

    private XlsxStyles(boolean[] dateStyle, boolean[] yearStyle, boolean[] struckStyle, boolean date1904) {
        this.dateStyle = dateStyle;
        this.yearStyle = yearStyle;
        this.struckStyle = struckStyle;
        this.date1904 = date1904;
    }

    /** The date styles of the workbook {@code reader} reads. */
    static XlsxStyles of(XSSFReader reader) throws IOException, SAXException {
        Map<Integer, String> formats = new HashMap<>();
        List<Integer> styles = new ArrayList<>();
        List<Integer> styleFonts = new ArrayList<>();
        List<Boolean> fontStruck = new ArrayList<>();
        InputStream styleData;
        try {
            styleData = reader.getStylesData();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            styleData = null;
        }
        if (styleData == null) {
            return NONE; // no styles part: every cell in the default style, a number
        }
        try (InputStream in = styleData) {
            XlsxSheet.parse(in, new DefaultHandler() {
                private boolean inCellXfs;
                private boolean inFonts;

                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    switch (local) {
                        case "numFmt" -> formats.put(integer(atts.getValue("numFmtId")), atts.getValue("formatCode"));
                        case "cellXfs" -> inCellXfs = true;
                        case "fonts" -> inFonts = true;
                        case "font" -> {
                            if (inFonts) {
                                fontStruck.add(false);
                            }
                        }
                        case "strike" -> {
                            String v = atts.getValue("val"); // absent: on
                            if (inFonts && !fontStruck.isEmpty() && !"0".equals(v) && !"false".equals(v)) {
                                fontStruck.set(fontStruck.size() - 1, true);
                            }
                        }
                        case "xf" -> {
                            if (inCellXfs) {
                                styles.add(integer(atts.getValue("numFmtId")));
                                styleFonts.add(integer(atts.getValue("fontId")));
                            }
                        }
                        default -> {
                        }
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    if (local.equals("cellXfs")) {
                        inCellXfs = false;
                    } else if (local.equals("fonts")) {
                        inFonts = false;
                    }
                }
            });
        }
        boolean[] date = new boolean[styles.size()];
        boolean[] year = new boolean[styles.size()];
        boolean[] struck = new boolean[styles.size()];
        for (int i = 0; i < date.length; i++) {
            int id = styles.get(i);
            String code = formats.containsKey(id) ? formats.get(id) : BuiltinFormats.getBuiltinFormat(id);
            date[i] = id >= 0 && code != null && DateUtil.isADateFormat(id, code);
            year[i] = date[i] && yearOnly(code);
            int font = styleFonts.get(i);
            struck[i] = font >= 0 && font < fontStruck.size() && fontStruck.get(font);
        }
        boolean[] in1904 = {false};
        InputStream workbookData;
        try {
            workbookData = reader.getWorkbookData();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        try (InputStream in = workbookData) {
            XlsxSheet.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    if (local.equals("workbookPr")) {
                        String v = atts.getValue("date1904");
                        in1904[0] = "1".equals(v) || "true".equals(v);
                    }
                }
            });
        }
        return new XlsxStyles(date, year, struck, in1904[0]);
    }

    private static int integer(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a number in cell style {@code style} (the cell's {@code s}; -1 for none) is shown as a date. */
    boolean isDate(int style) {
        return style >= 0 && style < dateStyle.length && dateStyle[style];
    }

    /** Whether text in cell style {@code style} (-1 for none) is struck through. */
    boolean isStruck(int style) {
        return style >= 0 && style < struckStyle.length && struckStyle[style];
    }

    /**
     * The date of serial number {@code serial} in a cell of style {@code style}, in this workbook's date system, as
     * text; see {@link #text}.
     */
    String text(double serial, int style) {
        return text(serial, date1904, showsYearOnly(style));
    }

    /**
     * The date of a cell that stores it as ISO 8601 text ({@code t="d"}, as SheetJS and some other writers save
     * dates: "2020-03-15T00:00:00Z"), as a date cell's number is given ({@link #text(double, boolean, boolean)}):
     * "2020-03-15", with its time when it has one, its year alone in a year-only format; the text as it is when it is
     * no such date.
     */
    String isoText(String iso, int style) {
        String t = iso.strip();
        LocalDateTime when;
        try {
            // a day alone, or a day and time with or without an offset ("+0100" as "+01:00"), which is no part of a
            // day in a sheet: the date as written
            when = t.length() <= 10 ? java.time.LocalDate.parse(t).atStartOfDay()
                    : LocalDateTime.from(java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(
                    t.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2")));
        } catch (java.time.DateTimeException e) {
            return iso;
        }
        return showsYearOnly(style) ? Integer.toString(when.getYear()) : text(when, false);
    }

    /** Whether a date in cell style {@code style} (-1 for none) shows its year alone ({@link #yearOnly}). */
    private boolean showsYearOnly(int style) {
        return style >= 0 && style < yearStyle.length && yearStyle[style];
    }

    /**
     * Whether a date format shows the year alone, as {@code yyyy}, {@code yy} or {@code [$-409]yyyy;@} do: its first
     * section, without quoted text, escaped characters, padding and bracketed parts (colour, locale, condition), has
     * no letter but y. A year column typed as a date and formatted so shows 2022, and is read so.
     */
    static boolean yearOnly(String formatCode) {
        boolean year = false;
        for (int i = 0; i < formatCode.length(); i++) {
            char c = formatCode.charAt(i);
            switch (c) {
                case ';' -> {
                    return year;
                }
                case '"' -> {
                    int end = formatCode.indexOf('"', i + 1);
                    i = end < 0 ? formatCode.length() : end;
                }
                case '[' -> {
                    int end = formatCode.indexOf(']', i + 1);
                    i = end < 0 ? formatCode.length() : end;
                }
                case '\\', '_', '*' -> i++;
                case 'y', 'Y' -> year = true;
                default -> {
                    if (Character.isLetter(c)) {
                        return false;
                    }
                }
            }
        }
        return year;
    }

    /**
     * A date as text: "2020-03-15" (ISO 8601), with the time when it has one ("2020-03-15 10:30"), the time alone
     * below one day ("10:30"), its year alone ("2020") when {@code yearOnly} (the cell's format shows no more: see
     * {@link #yearOnly}); a number that is no date (negative, or beyond 9999) as the number.
     */
    static String text(double serial, boolean date1904, boolean yearOnly) {
        if (!DateUtil.isValidExcelDate(serial)) {
            return XlsxSheet.number(serial);
        }
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        if (t == null) {
            return XlsxSheet.number(serial);
        }
        return yearOnly && serial >= 1 ? Integer.toString(t.getYear()) : text(t, serial < 1);
    }

    /**
     * A date and time as a date cell is read: "2020-03-15", "2020-03-15 14:30", or the time alone ("14:30") for a
     * cell of a time of day.
     */
    static String text(LocalDateTime t, boolean timeOnly) {
        String time = t.getSecond() == 0 ? String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(),
                t.getMinute()) : t.toLocalTime().toString();
        if (timeOnly) {
            return time;
        }
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.toLocalDate() + " " + time;
    }
}
