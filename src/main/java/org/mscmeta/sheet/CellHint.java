package org.mscmeta.sheet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints for a cell or a column that cannot be read, in the words of the programs and papers it came from (loaded only
 * when one is needed).
 */
final class CellHint {

    private static final Pattern THOUSANDS =
            Pattern.compile("[0-9]{1,3}([,'\u00A0\u202F ][0-9]{3})+");
    private static final Pattern WITH_PERCENT =
            Pattern.compile("([0-9]+)\\s*[(\\[][0-9.,\\s]*%?[)\\]]");
    private static final Pattern YEAR_WITH_LETTER = Pattern.compile("((?:19|20)[0-9]{2})[a-z]");
    /** A date as a workbook's date cell is read (2020-03-15, with a time or not). */
    private static final Pattern DATE = Pattern.compile("((?:19|20)[0-9]{2})-[0-9]{2}-[0-9]{2}( .*)?");
    private static final Pattern OVER_TOTAL =
            Pattern.compile("([0-9]+)\\s*(?:/|\\s(?:of|out of)\\s)\\s*([0-9]+)(?:\\s*\\p{L}+)?",
                    Pattern.CASE_INSENSITIVE);
    /** The errors a spreadsheet's formula shows (#N/A reads as a missing value). */
    private static final java.util.Set<String> FORMULA_ERRORS = java.util.Set.of("#DIV/0!", "#VALUE!", "#REF!",
            "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!");

    /** "6 (28.6%)", "6 [28,6 %]", "6 (29)": a count and its percentage of the arm, as a paper's table gives them. */
    private static final Pattern COUNT_PERCENT =
            Pattern.compile("([0-9]{1,9})\\s*[(\\[]\\s*([0-9]{1,3}(?:[.,][0-9]{1,4})?)\\s*%?\\s*[)\\]]");

    private CellHint() {
    }

    /**
     * The count of a cell written with its percentage of the arm ("6 (28.6%)", "6 [28,6 %]", "6 (29)"), when that
     * percentage is the count's share of {@code total} as written (rounded or cut to its last digit: 6 of 21 is
     * 28.57%, written 28.6, 28.5, 29 or 28); else -1, as for a text that is not written so.
     */
    static int countWithPercentage(String text, long total) {
        text = DecimalText.asciiDigits(text); // full-width digits, signs and points as ASCII
        Matcher m = COUNT_PERCENT.matcher(text);
        if (!m.matches() || total < 1) {
            return -1;
        }
        int count = Integer.parseInt(m.group(1));
        String written = m.group(2).replace(',', '.');
        int dot = written.indexOf('.');
        double unit = Math.pow(10, dot < 0 ? 0 : -(written.length() - dot - 1));
        return Math.abs(share(count, total) - Double.parseDouble(written)) < unit + 1e-9 ? count : -1;
    }

    /** The percentage {@code count} is of {@code total}. */
    private static double share(long count, long total) {
        return 100.0 * count / total;
    }

    /**
     * As {@link #count(String)}, for a cell of events whose arm has {@code total} participants (or a negative value
     * when that is not known): a count written with a percentage that is not its share of the total is said to be so.
     */
    static String count(String text, long total) {
        text = DecimalText.asciiDigits(text); // full-width digits, signs and points as ASCII
        Matcher m = COUNT_PERCENT.matcher(text);
        if (m.matches() && total >= 1) {
            return " (the count alone, " + m.group(1) + ", without the percentage; but " + m.group(1) + " of " + total
                    + " is " + String.format(java.util.Locale.ROOT, "%.1f%%", share(Long.parseLong(m.group(1)), total))
                    + ", not " + m.group(2) + "%: check the count and the arm's total)";
        }
        return asciiCount(text);
    }

    /**
     * What to write instead of a count cell that is not a number, when it is one of the ways a paper's table writes
     * a count: "1,021" (a thousands separator), "6 (28.6%)" (the count with its percentage), "6/21" or "6 of 21
     * patients" (events over the arm's total), a formula's error ("#DIV/0!"), a bound ("<5"), a footnote's mark
     * ("3*"), a decimal, a percentage alone ("15%") or a number with its word ("n=20", "20 patients"); "" otherwise.
     */
    static String count(String text) {
        return asciiCount(DecimalText.asciiDigits(text)); // full-width digits, signs and points as ASCII
    }

    /** {@link #count(String)} of a text whose digits, signs and points are ASCII already. */
    private static String asciiCount(String text) {
        Matcher m;
        if (THOUSANDS.matcher(text).matches()) {
            return " (write it without the thousands separator: " + text.replaceAll("[^0-9]", "") + ")";
        }
        if ((m = WITH_PERCENT.matcher(text)).matches()) {
            return " (the count alone, " + m.group(1) + ", without the percentage)";
        }
        if ((m = OVER_TOTAL.matcher(text)).matches()) {
            return " (the events alone, " + m.group(1) + "; the arm's total, " + m.group(2)
                    + ", goes in its own column)";
        }
        if (FORMULA_ERRORS.contains(text.toUpperCase(java.util.Locale.ROOT))) {
            return " (the cell's formula gives an error in the spreadsheet: correct the formula or type the count)";
        }
        if ((m = BOUND.matcher(text)).matches()) {
            return " (a count given only as a bound or an approximation, as registries hide small numbers, cannot be"
                    + " pooled: give the exact count from the paper or its authors, or leave the study's row out of this"
                    + " outcome)";
        }
        if ((m = WITH_MARK.matcher(text)).matches()) {
            return " (the count alone, " + m.group(1) + ", without the footnote mark '" + m.group(2) + "')";
        }
        if (DECIMAL.matcher(text).matches()) {
            return " (not a fraction: participants are counted in whole numbers, and a rate or a mean is not a count)";
        }
        if (PERCENT.matcher(text).matches()) {
            return " (a percentage, not a count: give the number of participants, as the paper's table or text gives"
                    + " it; a percentage of the arm's total, rounded, does not always give it back)";
        }
        if ((m = WITH_WORD.matcher(text)).matches()) {
            return " (the number alone, " + (m.group(1) != null ? m.group(1) : m.group(2)) + ")";
        }
        if (DATE.matcher(text).matches()) {
            return countAsDate(text);
        }
        if ((m = APOSTROPHE.matcher(text)).matches()) {
            return " (the number alone, " + m.group(1) + ", without the apostrophe before it: in a spreadsheet it"
                    + " marks a number kept as text, and is no part of the cell)";
        }
        return "";
    }

    /** "15%", "15.5 %": a percentage alone. */
    private static final Pattern PERCENT = Pattern.compile("[0-9]+(?:[.,][0-9]+)?\\s*%");
    /** "n=20", "N = 20", "20 patients", "20 pts": a number with the word that says what it counts. */
    private static final Pattern WITH_WORD = Pattern.compile("(?i)n\\s*=\\s*([0-9]+)|([0-9]+)\\s*(?:patients?|"
            + "participants?|pts\\.?|subjects?|persons?|people|cases?|events?)");

    /** "<5", "\u2264 10", ">2", "~3", "approx. 3": a bound or an approximation, not a count. */
    private static final Pattern BOUND = Pattern.compile("(?:[<>\u2264\u2265\u2248~]=?|approx\\.?|ca\\.?|about)\\s*"
            + "[0-9]+(?:[.,][0-9]+)?");
    /** "3*", "3a", "3\u2020", "3 (a)": a count with a footnote's mark. */
    private static final Pattern WITH_MARK = Pattern.compile("([0-9]+)\\s*\\(?([*\u2020\u2021\u00A7\u00B6#]+|[a-z])\\)?");
    /** "'12", "\u201912": a number after the apostrophe with which a spreadsheet is told to keep it as text. */
    private static final Pattern APOSTROPHE = Pattern.compile("['\u2018\u2019`]\\s*([0-9]+)");
    /** "1.5", "1,5": a decimal. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+[.,][0-9]{1,2}");


    /** The day a spreadsheet numbers 0, so that its days from 1 March 1900 on are days after it. */
    private static final java.time.LocalDate DAY_ZERO = java.time.LocalDate.of(1899, 12, 30);

    /** The day numbered 0 in a workbook saved with the 1904 date system (Excel for Mac before 2011). */
    private static final java.time.LocalDate DAY_ZERO_1904 = java.time.LocalDate.of(1904, 1, 1);

    /**
     * The number a spreadsheet stores for day {@code d} (POI's, with Excel's 29 February 1900 counted: the first days
     * of 1900 are their day of the year, the later ones days after {@link #DAY_ZERO}).
     */
    private static long dayNumber(java.time.LocalDate d) {
        return (long) org.apache.poi.ss.usermodel.DateUtil.getExcelDate(d);
    }

    /**
     * For a count cell that a workbook gives as a date ("2026-03-20"), what happened: a number typed into a cell
     * formatted as a date shows as a day of 1900 (12 as 12 January 1900, the day numbered 12 as Excel numbers them,
     * its 29 February 1900 included; a larger number, or any in a workbook of the 1904 date system, as a day of one of
     * the years to 1909); a count typed with a slash, as events/total ("3/20"), is turned into a date of
     * the year it was typed in by the spreadsheet. "" for a text that is no such day.
     */
    private static String countAsDate(String text) {
        java.time.LocalDate d;
        try {
            d = java.time.LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return "";
        }
        if (d.getYear() == 1900 && text.length() == 10) {
            return " (the number " + dayNumber(d) + " in a cell formatted as a date, which shows it as a day of 1900: format the"
                    + " column as numbers)";
        }
        if (d.getYear() < 1910 && text.length() == 10) {
            // a number above 365 (1900-1909), or any number in a workbook of the 1904 date system (from 1904), whose
            // day numbers the text does not tell apart
            return " (a number in a cell formatted as a date, which shows it as a day of " + d.getYear() + ": format"
                    + " the column as numbers)";
        }
        String day = d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                java.util.Locale.ENGLISH);
        return " (a date, " + day + ": a spreadsheet turns a count typed with a slash, such as events over the arm's"
                + " total ('" + d.getMonthValue() + "/" + d.getDayOfMonth() + "' or '" + d.getDayOfMonth() + "/"
                + d.getMonthValue() + "'), into a date; type the count alone, in a cell formatted as numbers or text,"
                + " and the arm's total in its own column)";
    }

    /**
     * The year typed into a cell formatted as a date, which a spreadsheet shows as the day that many days after 30
     * December 1899 (2015 as 7 July 1905, read from a workbook as "1905-07-07"): that number when {@code text} is such
     * a day, with no time of day, whose number is a publication year ({@link SheetValidator#FIRST_YEAR} to {@link
     * SheetValidator#lastYear}, the days of March to July 1905), or, counted from 1 January 1904 as a workbook of the
     * 1904 date system counts them, a day of March to July 1909; else -1. No trial's year is a day in 1905 or 1909.
     */
    static int yearShownAsDate(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches() || m.group(2) != null && !m.group(2).matches(" 00:00(:00)?")) {
            return -1;
        }
        java.time.LocalDate d;
        try {
            d = java.time.LocalDate.parse(text.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return -1; // not a day of the calendar (1905-02-30)
        }
        for (long days : new long[] {dayNumber(d), java.time.temporal.ChronoUnit.DAYS.between(DAY_ZERO_1904, d)}) {
            if (days >= SheetValidator.FIRST_YEAR && days <= SheetValidator.lastYear()) {
                return (int) days;
            }
        }
        return -1;
    }

    /**
     * How a year typed into a date cell shows, for a notice about {@code text}, a day {@link #yearShownAsDate} read:
     * "a day of 1905 (2015 as 1905-07-07, the day numbered 2015)", or of 1909 in a workbook of the 1904 date system.
     */
    static String yearShownAsDateExample(String text) {
        return text.startsWith("1909") ? "a day of 1909 (2015 as " + DAY_ZERO_1904.plusDays(2015) + ", the day numbered"
                + " 2015 in the 1904 date system of older Excel for Mac)"
                : "a day of 1905 (2015 as " + DAY_ZERO.plusDays(2015) + ", the day numbered 2015)";
    }

    /**
     * What to write instead of a year cell such as "2020a", the letter a reference list gives the second paper of
     * an author and year, or a date (a workbook's date cell, read as 2020-03-15); "" for other text.
     */
    static String year(String text) {
        text = DecimalText.asciiDigits(text); // full-width digits, signs and points as ASCII
        Matcher m = YEAR_WITH_LETTER.matcher(text);
        if (m.matches()) {
            return " (" + m.group(1) + " here; the letter that tells two papers of one year apart goes in the study"
                    + " label, as 'Smith " + text + "')";
        }
        if ((m = DATE.matcher(text)).matches()) {
            return " (the year alone, " + m.group(1) + ")";
        }
        for (String y : new String[] {"1905", "1909"}) { // the years of a year's day number, from 1900 and from 1904
            // day and month in the order of the spreadsheet's locale, which the text does not tell (or the year first,
            // with slashes, as East Asian locales write a date)
            if (text.matches("[0-9]{1,2}[./-][0-9]{1,2}[./-]" + y + "|" + y + "/[0-9]{1,2}/[0-9]{1,2}")) {
                return " (a day of " + y + ": a year typed into a cell formatted as a date shows so" + (y.equals("1905")
                        ? ", 2015 as 07/07/1905" : " in a workbook of the 1904 date system of older Excel for Mac, 2015"
                        + " as 08/07/1909") + "; format the year column as numbers in the spreadsheet and save the sheet"
                        + " again)";
            }
        }
        if (text.matches("[1-9][0-9]{4}")) {
            // a date cell shown as General: the spreadsheet's day number (days after 30 December 1899)
            java.time.LocalDate d = DAY_ZERO.plusDays(Integer.parseInt(text));
            if (d.getYear() >= SheetValidator.FIRST_YEAR && d.getYear() <= SheetValidator.lastYear()) {
                return " (" + text + " is how a spreadsheet stores the date " + d + ": the year alone, " + d.getYear()
                        + ")";
            }
        }
        if ((m = YEAR_RANGE.matcher(text)).matches()) {
            String end = m.group(2).length() == 2 ? m.group(1).substring(0, 2) + m.group(2) : m.group(2); // "15/16"
            return " (one year, the paper's year of publication, not a range: " + m.group(1) + " or " + end + ")";
        }
        if (NOT_YET_PUBLISHED.matcher(text).find()) {
            return " (a paper not yet published: the year of its online version, or a blank cell)";
        }
        m = A_YEAR.matcher(text);
        if (m.find()) {
            String year = m.group();
            return m.find() ? "" : " (the year alone, " + year + ")"; // "Jan 2015", "2021 (online)", "'2015"
        }
        return "";
    }

    /** "2015-2016", "2015/16", "2015 – 16": a range of years. */
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)[0-9]{2})\\s*[-/\u2013\u2014]\\s*"
            + "((?:19|20)[0-9]{2}|[0-9]{2})");
    /** What a reference list writes for a paper accepted but not yet published. */
    private static final Pattern NOT_YET_PUBLISHED = Pattern.compile("(?i)in press|forthcoming|ahead of print|accepted"
            + "|submitted|unpublished");
    /** A year standing alone among other characters (not a part of a longer number). */
    private static final Pattern A_YEAR = Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])");

    /**
     * For a missing column of participants, when the sheet has metafor's column of participants without the event
     * instead (bi beside ai, di beside ci: escalc's 2 x 2 table), what to give; "" otherwise.
     */
    static String nonEvents(Field f, String[] headers) {
        String other = f == Field.N_MSC ? "bi" : f == Field.N_CONTROL ? "di" : null;
        if (other == null) {
            return "";
        }
        for (String h : headers) {
            if (other.equals(Field.headerKey(h))) {
                String events = f == Field.N_MSC ? "ai" : "ci";
                return " ('" + h + "' counts the participants without the event, as in metafor's 2 x 2 table: add a"
                        + " column " + (f == Field.N_MSC ? "n1i" : "n2i") + " = " + events + " + " + other + ")";
            }
        }
        return "";
    }

    /**
     * For a missing outcome column: when the header has a column per outcome and arm ({@code fever_msc} beside
     * {@code fever_control}, a wide table), what the sheet should look like instead; "" otherwise.
     */
    static String wideLayout(Field f, String[] headers) {
        if (f != Field.OUTCOME) {
            return "";
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String h : headers) {
            keys.add(Field.headerKey(h));
        }
        for (String h : headers) {
            String k = Field.headerKey(h);
            if (Field.forHeader(h) == null && k.length() > 4 && k.endsWith("_msc")
                    && keys.contains(k.substring(0, k.length() - 4) + "_control")) {
                return " (the sheet has a column per outcome and arm, '" + h + "' among them: write one row per study"
                        + " and outcome instead, the outcome's name in an outcome column and its counts in events_msc,"
                        + " n_msc, events_control and n_control, as docs/input-format.md shows)";
            }
        }
        return "";
    }

    /**
     * For a missing outcome column of a sheet that has every other required column (a table of one adverse event):
     * that the column is needed all the same, and how a workbook of one sheet per event is read; "" otherwise.
     */
    static String oneEvent(Field f, String[] headers) {
        if (f != Field.OUTCOME || !Field.namesRequiredColumnsButOutcome(headers)) {
            return "";
        }
        return " (the adverse event of each row: a sheet of one adverse event needs it too, with the event's name in"
                + " every row; a workbook of one sheet per adverse event, each sheet named by its event, is read"
                + " without it)";
    }

    /** A subgroup's heading as RevMan numbers it ("1.1.1 Intravenous"). */
    private static final Pattern HEADING = Pattern.compile("[0-9]+(\\.[0-9]+)+\\s+\\S.*");
    /** The lines of statistics under a forest plot's table. */
    private static final Pattern STATISTICS = Pattern.compile("(?i)(heterogeneity|test for overall effect|test for"
            + " subgroup differences|total events)\\b.*");

    /**
     * Why a row that holds one text alone is no data row: a subgroup's heading, the statistics under a forest plot's
     * table, or a note below the table.
     */
    static String loneText(String text) {
        if (HEADING.matcher(text).matches()) {
            return "this row is a subgroup's heading (as RevMan writes '1.1.1 Intravenous' above a subgroup's"
                    + " studies): delete it, and give the subgroup of its studies in a column of theirs (route,"
                    + " cell_source, or a column of its own for --by)";
        }
        if (STATISTICS.matcher(text).matches()) {
            return "this row holds statistics of a pooled result (as they stand under a forest plot's table): delete"
                    + " it, mscmeta computes them";
        }
        return "this row holds this text alone (a note below the table?): delete it, or keep notes in a column of"
                + " their own";
    }
}
