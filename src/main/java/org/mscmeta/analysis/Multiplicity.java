package org.mscmeta.analysis;

/**
 * How false discoveries are controlled across the outcomes (adverse-event terms) of a run. Every outcome's p-value
 * (of the model its plots show) is adjusted by Benjamini and Hochberg (1995) over all outcomes; where outcomes carry
 * an organ system, the double false discovery rate of Mehrotra and Adewale (2012, Stat Med 31:1918-30) flags organ
 * systems at {@code alpha1} and terms within flagged systems at {@code alpha2}. The defaults, 0.1 for both, are the
 * levels of the authors' worked example (and of Mehrotra and Heyse 2004 for adverse-event screening): a screening
 * rate, not a confirmatory one.
 *
 * @param alpha1      level at which organ systems are flagged (default 0.1)
 * @param alpha2      level at which terms within flagged systems are flagged (default 0.1)
 * @param groupColumn the sheet column that names each outcome's organ system; null for {@code organ_system} when the
 *                    sheet has it
 */
public record Multiplicity(double alpha1, double alpha2, String groupColumn) {

    /** alpha1 = alpha2 = 0.1, organ systems from the {@code organ_system} column. */
    public static final Multiplicity DEFAULT = new Multiplicity(0.1, 0.1, null);

    /** The column the ClinicalTrials.gov import writes, used when no other is named. */
    public static final String ORGAN_SYSTEM = "organ_system";

    public Multiplicity {
        if (!(alpha1 > 0 && alpha1 < 1) || !(alpha2 > 0 && alpha2 < 1)) {
            throw new IllegalArgumentException("the double FDR's levels alpha1 and alpha2: expected levels between 0"
                    + " and 1 (e.g. 0.1), got " + alpha1 + " and " + alpha2);
        }
        groupColumn = groupColumn == null || groupColumn.isBlank() ? null : groupColumn.strip();
    }
}
