package org.mscmeta.analysis;

import java.util.Locale;

/** Which sensitivity analyses an {@code analyze} run computes for each outcome's overall analysis. */
public enum SensitivityMode {
    /**
     * Egger, Begg, trim and fill and the meta-regression of {@code moderators} for k &gt;= 3; leave-one-out,
     * cumulative and zero-event sensitivity analyses up to {@link #AUTO_MAX_K} studies (their cost grows with k, or
     * k squared, and longer tables are not read).
     */
    AUTO,
    /** Everything, whatever k. */
    ALL,
    /** None of these; a meta-regression asked for with {@code moderators} is still run. */
    NONE;

    /** Largest k for which AUTO runs leave-one-out and cumulative analyses. */
    public static final int AUTO_MAX_K = 200;

    /** What the mode runs, in words for the Methods sheet (the methods paragraph says it in a sentence). */
    public String words() {
        String tests = "Egger's and Begg's tests and trim and fill from 3 studies; leave-one-out, cumulative and"
                + " zero-event analyses of ";
        return switch (this) {
            case AUTO -> tests + "outcomes with at most " + AUTO_MAX_K + " studies (the GLMM's leave-one-out and"
                    + " cumulative refits only with all)";
            case ALL -> tests + "every outcome";
            case NONE -> "none";
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SensitivityMode parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
