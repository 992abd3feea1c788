package org.mscmeta.report;

import org.mscmeta.analysis.Analysis;
import org.mscmeta.sheet.ExtractionSheet;

/**
 * How a figure, or a sheet without a year column, names a study: its label with its year when the label does not
 * hold a year, as RevMan's study IDs read ("Agarwal 2000" for "Agarwal" of 2000, so that two trials of one first
 * author are told apart); a label that holds a year ("Monsel 2022", "Lee et al., 2004a", "Lee 2018" published in
 * 2019) or a study without a year is shown as written. results.json and the workbook's study rows, which have a year of their own, keep the label as
 * written.
 */
public final class StudyLabels {

    /** A year in a label: 1800 to 2199, not part of a longer number ("Lee 2004a" holds one, "NCT01234567" none). */
    private static final java.util.regex.Pattern A_YEAR =
            java.util.regex.Pattern.compile("(?<!\\d)(18|19|20|21)\\d\\d(?!\\d)");

    private StudyLabels() {
    }

    /** The label of a study named {@code study}, of {@code year} ({@link ExtractionSheet#NO_YEAR} when unknown). */
    public static String of(String study, int year) {
        if (year == ExtractionSheet.NO_YEAR || A_YEAR.matcher(study).find()) {
            return study;
        }
        return study.isBlank() ? Integer.toString(year) : study + " " + year;
    }

    /**
     * The labels of the studies of {@code a} by sheet row, for the steps of its sensitivity analyses (which name a
     * study and its row): {@code labels.label(row, study)}, the study as written when {@code a} has no such row.
     */
    public static ByRow of(Analysis a) {
        java.util.Map<Integer, Integer> years = new java.util.HashMap<>();
        for (int j = 0; j < a.studies().size(); j++) {
            years.put(a.studies().row(j), a.studies().year(j));
        }
        return (row, study) -> of(study, years.getOrDefault(row, ExtractionSheet.NO_YEAR));
    }

    /** A study's label by its sheet row ({@link #of(Analysis)}). */
    @FunctionalInterface
    public interface ByRow {
        /** The label of {@code study}, on sheet row {@code row}. */
        String label(int row, String study);
    }
}
