package org.mscmeta.effect;

import java.util.Locale;

/**
 * Which studies receive the continuity correction, as metafor's {@code escalc(to=...)}, plus Sweeting's
 * treatment-arm correction.
 */
public enum CcMode {
    /** Only studies with a zero cell (metafor's default {@code to="only0"}). */
    ONLY0,
    /** Every study ({@code to="all"}). */
    ALL,
    /** Every study, when at least one study has a zero cell ({@code to="if0all"}). */
    IF0ALL,
    /** No correction ({@code to="none"}); studies with a zero cell are then not estimable for RR and OR. */
    NONE,
    /**
     * Treatment-arm continuity correction (Sweeting, Sutton and Lambert, Stat Med 2004;23:1351-75), applied to
     * studies with a zero cell: the MSC arm cells get {@code 2*cc*n1/(n1+n2)}, the control arm cells
     * {@code 2*cc*n2/(n1+n2)}; with equal arms this is the usual {@code cc} in every cell. Equal to R meta's
     * {@code metabin(incr="TACC")} for cc = 0.5.
     */
    TACC;

    /** Which cells receive the correction, in words: "A continuity correction of 0.5 was added to ...". */
    public String words() {
        return switch (this) {
            case ONLY0 -> "the cells of studies with a zero cell";
            case ALL -> "the cells of every study";
            case IF0ALL -> "the cells of every study when any study had a zero cell";
            case NONE -> "no study (no correction)";
            case TACC -> "studies with a zero cell as a treatment-arm correction (Sweeting 2004)";
        };
    }

    /** Lower-case name as used on the command line and in results.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line value such as {@code only0} or {@code tacc}. */
    public static CcMode parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
