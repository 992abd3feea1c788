package org.mscmeta.sheet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hints for a count cell that is not a number (loaded only when one is found). */
final class CountHint {

    private static final Pattern THOUSANDS =
            Pattern.compile("[0-9]{1,3}([,'\u00A0\u202F ][0-9]{3})+");
    private static final Pattern WITH_PERCENT =
            Pattern.compile("([0-9]+)\\s*[(\\[][0-9.,\\s]*%?[)\\]]");
    private static final Pattern OVER_TOTAL =
            Pattern.compile("([0-9]+)\\s*/\\s*([0-9]+)");
    /** The errors a spreadsheet's formula shows (#N/A reads as a missing value). */
    private static final java.util.Set<String> FORMULA_ERRORS = java.util.Set.of("#DIV/0!", "#VALUE!", "#REF!",
            "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!");

    private CountHint() {
    }

    /**
     * What to write instead of a count cell that is not a number, when it is one of the ways a paper's table writes
     * a count: "1,021" (a thousands separator), "6 (28.6%)" (the count with its percentage), "6/21" (events over
     * the arm's total), or a formula's error ("#DIV/0!"); "" otherwise.
     */
    static String of(String text) {
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
        return "";
    }

}
