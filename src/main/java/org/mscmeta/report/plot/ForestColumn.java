package org.mscmeta.report.plot;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The columns of a forest plot a user may show or leave out ({@code --columns}); the study label is always shown. */
public enum ForestColumn {
    /** Events and totals of both arms. */
    COUNTS,
    /** Each study's weight in percent. */
    WEIGHT,
    /** The estimate with its confidence interval, as text. */
    ESTIMATE,
    /** The plot panel: squares, whiskers, diamonds and the axis. */
    PLOT;

    /** Every column. */
    public static Set<ForestColumn> all() {
        return EnumSet.allOf(ForestColumn.class);
    }

    /** Parses a comma-separated list such as {@code counts,estimate,plot}. */
    public static Set<ForestColumn> parse(String s) {
        Set<ForestColumn> out = EnumSet.noneOf(ForestColumn.class);
        for (String part : s.split(",")) {
            String v = part.strip().toUpperCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--columns: expected counts, weight, estimate and/or plot, got '"
                        + part.strip() + "'");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--columns: name at least one of counts, weight, estimate, plot");
        }
        return out;
    }
}
