package org.mscmeta.analysis;

import java.util.Locale;

/** What happens to studies with no events (or only events) in both arms, for RR and OR. */
public enum DoubleZero {
    /** Left out of RR and OR pooling, listed and counted (metafor's {@code drop00=TRUE}); default. */
    EXCLUDE,
    /** Kept, with the continuity correction (Friedrich et al. 2007; metafor's {@code drop00=FALSE}). */
    INCLUDE;

    /** Lower-case name as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DoubleZero parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
