package org.mscmeta.analysis;

/**
 * One study's row in an analysis.
 *
 * @param row           spreadsheet row of the study in the input
 * @param study         study label
 * @param year          publication year or {@link org.mscmeta.sheet.ExtractionSheet#NO_YEAR}
 * @param included      contributes to the pooled estimates
 * @param exclusion     why not included ("double zero", "not estimable"), null when included
 * @param eventsMsc     events, MSC arm
 * @param nMsc          participants, MSC arm
 * @param eventsControl events, control arm
 * @param nControl      participants, control arm
 * @param corrected     a continuity correction was added to its cells
 * @param yi            effect on the analysis scale (NaN when not included)
 * @param vi            its sampling variance
 * @param estimate      effect on the natural scale
 * @param ciLower       lower limit, natural scale
 * @param ciUpper       upper limit, natural scale
 * @param weightCommon  weight in the common-effect model, percent
 * @param weightRandom  weight in the random-effects model, percent (NaN without one)
 */
public record StudyResult(int row, String study, int year, boolean included, String exclusion, int eventsMsc,
                          int nMsc, int eventsControl, int nControl, boolean corrected, double yi, double vi,
                          double estimate, double ciLower, double ciUpper, double weightCommon, double weightRandom) {
}
