package org.mscmeta.effect;

import java.util.Locale;

/**
 * The documented points on which meta-analysis programs compute the same analysis differently, so that a
 * published analysis can be reproduced with the conventions of the program that produced it
 * ({@code --convention}). The defaults of each program:
 *
 * <table>
 *   <caption>Conventions</caption>
 *   <tr><th></th><th>metafor (default)</th><th>RevMan 5</th><th>R meta</th></tr>
 *   <tr><td>RR of a corrected study</td><td>0.5 to each cell: n + 1</td><td>n + 1 ({@code RR.Cochrane})</td>
 *       <td>0.5 to events and to n: n + 0.5 (Hartung and Knapp 2001, eq. 18)</td></tr>
 *   <tr><td>RD of a corrected study</td><td>from the corrected cells</td><td>raw difference, corrected
 *       variance</td><td>raw difference, corrected variance</td></tr>
 *   <tr><td>Mantel-Haenszel</td><td>raw counts ({@code rma.mh})</td><td>0.5 added to the cells of studies
 *       with a zero cell ({@code MH.exact = FALSE})</td><td>as RevMan 5</td></tr>
 *   <tr><td>MH variance of RD</td><td>Sato, Greenland and Robins (1989)</td><td>Greenland and Robins (1985)
 *       as in RevMan (Deeks and Higgins 2010)</td><td>as RevMan 5</td></tr>
 *   <tr><td>Q used by DerSimonian-Laird under MH</td><td>around the inverse-variance estimate</td>
 *       <td>around the MH estimate ({@code Q.Cochrane})</td><td>as RevMan 5</td></tr>
 *   <tr><td>Double zeros for RR</td><td>no events or all events in both arms left out</td>
 *       <td colspan="2">only no events in both arms left out (all-event studies kept, corrected)</td></tr>
 *   <tr><td>Prediction interval</td><td>normal quantile; t with k - 1 df under Knapp-Hartung
 *       ({@code predict.rma})</td><td>t with k - 2 df (Higgins, Thompson and Spiegelhalter 2009)</td>
 *       <td>t with k - 1 df ({@code method.predict = "V"})</td></tr>
 * </table>
 *
 * <p>The prediction interval's quantile per convention is {@code Settings.prediction()} (the analysis stage's
 * choice, which {@code --prediction-interval} overrides). Every program reports I<sup>2</sup> from Q, which results.json gives under {@code heterogeneity}; metafor's
 * {@code rma.uni} prints I<sup>2</sup> from tau<sup>2</sup>, given beside the random-effects model. Sources: the
 * help pages of metafor ({@code escalc}, {@code rma.mh}, {@code predict.rma}) and of meta ({@code metabin}:
 * {@code RR.Cochrane}, {@code Q.Cochrane}, {@code MH.exact}; {@code settings.meta}), and Deeks JJ, Higgins JPT,
 * "Statistical algorithms in Review Manager 5" (2010).
 */
public enum Convention {
    METAFOR(true, false, false, false, false),
    REVMAN5(true, true, true, true, true),
    META(false, true, true, true, true);

    private final boolean rrTotalsTwice;
    private final boolean rawRiskDifference;
    private final boolean correctedMantelHaenszel;
    private final boolean dlAroundMantelHaenszel;
    private final boolean keepsAllEventStudiesForRr;

    Convention(boolean rrTotalsTwice, boolean rawRiskDifference, boolean correctedMantelHaenszel,
               boolean dlAroundMantelHaenszel, boolean keepsAllEventStudiesForRr) {
        this.rrTotalsTwice = rrTotalsTwice;
        this.rawRiskDifference = rawRiskDifference;
        this.correctedMantelHaenszel = correctedMantelHaenszel;
        this.dlAroundMantelHaenszel = dlAroundMantelHaenszel;
        this.keepsAllEventStudiesForRr = keepsAllEventStudiesForRr;
    }

    /** Parses {@code metafor}, {@code revman5} or {@code meta} (any case). */
    public static Convention parse(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        for (Convention c : values()) {
            if (c.label().equals(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--convention: expected metafor, revman5 or meta, got '" + s + "'");
    }

    /** The name used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The program's name for people. */
    public String displayName() {
        return switch (this) {
            case METAFOR -> "metafor";
            case REVMAN5 -> "RevMan 5";
            case META -> "R meta";
        };
    }

    /** Whether a corrected RR study gets the correction twice in its totals (n + 2 x cc), as metafor and RevMan. */
    public boolean rrTotalsTwice() {
        return rrTotalsTwice;
    }

    /** Whether a study's RD is the raw difference a/n1 - c/n2 (its variance still from the corrected cells). */
    public boolean rawRiskDifference() {
        return rawRiskDifference;
    }

    /**
     * Whether Mantel-Haenszel adds the continuity correction to studies with a zero cell, and uses the
     * Greenland-Robins variance of the pooled RD instead of Sato's.
     */
    public boolean correctedMantelHaenszel() {
        return correctedMantelHaenszel;
    }

    /** Whether DerSimonian-Laird under MH pooling takes Q around the MH estimate. */
    public boolean dlAroundMantelHaenszel() {
        return dlAroundMantelHaenszel;
    }

    /** Whether, for RR, a study with all participants having the event in both arms is kept (and corrected). */
    public boolean keepsAllEventStudiesForRr() {
        return keepsAllEventStudiesForRr;
    }
}
