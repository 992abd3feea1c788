package org.mscmeta.sheet;

import java.util.List;
import java.util.Locale;

/**
 * The known columns of the extraction sheet with their accepted aliases (docs/input-format.md).
 * Header cells are matched case-insensitively, any run of characters other than letters and digits read as one
 * underscore ({@link #headerKey}).
 */
public enum Field {
    STUDY("study", true, "author", "trial", "studlab", "study_or_subgroup"),
    YEAR("year", false),
    TRIAL_ID("trial_id", false, "nct", "registration"),
    CONDITION("condition", false),
    CELL_SOURCE("cell_source", false, "source", "tissue"),
    DONOR("donor", false, "autologous_or_allogeneic"),
    ROUTE("route", false, "administration"),
    DOSE("dose_cells_per_kg", false, "dose"),
    OUTCOME("outcome", true, "ae", "event", "adverse_event", "ae_term"),
    // with the names of R's metafor (ai, n1i, ci, n2i), R's meta (event.e, n.e, event.c, n.c) and RevMan's
    // "Experimental events", "Experimental total", "Control events", "Control total", and the names a header of two
    // rows gives ("MSC" or "Control" over "Events", "Total" or "N": HeaderSearch)
    EVENTS_MSC("events_msc", true, "ai", "events_treatment", "event_e", "experimental_events", "events_experimental",
            "events_intervention", "msc_events", "treatment_events", "intervention_events"),
    N_MSC("n_msc", true, "n1i", "total_msc", "n_e", "experimental_total", "total_experimental", "n_treatment",
            "n_intervention", "n_experimental", "msc_total", "msc_n", "experimental_n", "treatment_total",
            "treatment_n", "intervention_total", "intervention_n"),
    EVENTS_CONTROL("events_control", false, "ci", "event_c", "control_events", "events_placebo", "placebo_events"),
    N_CONTROL("n_control", false, "n2i", "n_c", "control_total", "total_control", "n_placebo", "control_n",
            "placebo_total", "placebo_n");

    private final String canonical;
    private final boolean required;
    private final List<String> aliases;

    Field(String canonical, boolean required, String... aliases) {
        this.canonical = canonical;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The column name as documented, e.g. {@code events_msc}. */
    public String canonical() {
        return canonical;
    }

    /** Whether the column holds numbers (counts, the year, the dose), not labels. */
    public boolean numeric() {
        return switch (this) {
            case EVENTS_MSC, N_MSC, EVENTS_CONTROL, N_CONTROL, YEAR, DOSE -> true;
            default -> false;
        };
    }

    /** Whether a sheet without this column is rejected. */
    public boolean required() {
        return required;
    }

    /** The canonical name followed by its aliases, for error messages. */
    public String describe() {
        return aliases.isEmpty() ? canonical : canonical + " (or " + String.join(", ", aliases) + ")";
    }

    /**
     * Normalises a header cell: lower case, every run of characters other than letters, digits, % and # (spaces,
     * hyphens, brackets, commas, a footnote's asterisk) as one underscore, none at either end: "Events (MSC)",
     * "events-msc" and "N, MSC*" read as {@code events_msc} and {@code n_msc}, while "events_msc (%)", a percentage
     * beside the count, stays a column of its own.
     */
    public static String headerKey(String header) {
        String h = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
            h = h.substring(1);
        }
        h = SEPARATORS.matcher(h).replaceAll("_");
        int from = h.startsWith("_") ? 1 : 0;
        int to = h.length() > from && h.endsWith("_") ? h.length() - 1 : h.length();
        return h.substring(from, to);
    }

    /** What reads as an underscore: all but letters, digits and the signs that name another quantity (% and #). */
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}%#]+");

    /** The field a header cell names (by its name, an alias or a phrase: {@link #tier}), or null when none. */
    public static Field forHeader(String header) {
        String key = headerKey(header);
        for (Field f : values()) {
            if (f.canonical.equals(key) || f.aliases.contains(key)) {
                return f;
            }
        }
        return Phrases.field(header != null && header.indexOf('+') >= 0
                ? headerKey(header.replace("+", " " + Phrases.PLUS + " ")) : key,
                header != null && header.indexOf('/') >= 0);
    }

    /**
     * How firmly a header cell names its field ({@link #forHeader}): 0 by the field's own name, 1 by an alias, 2 by a
     * phrase of the kind extraction sheets use ("Route of administration", "MSC group events"); -1 for none. Where
     * two columns name one field, the firmer is read and the other is an ordinary column.
     */
    static int tier(String header) {
        Field f = forHeader(header);
        String key = headerKey(header);
        return f == null ? -1 : f.canonical.equals(key) ? 0 : f.aliases.contains(key) ? 1 : 2;
    }

    /**
     * Whether the cells name every required column (or an alias of it): a header row, found below title rows in a
     * workbook's sheet or a text file.
     */
    static boolean namesRequiredColumns(String[] cells) {
        return missingRequired(cells).isEmpty();
    }

    /**
     * Whether the cells name every required column but the outcome: the header of a table of one adverse event (a
     * workbook of one sheet per event, the event named by the sheet).
     */
    static boolean namesRequiredColumnsButOutcome(String[] cells) {
        return missingRequired(cells).equals(java.util.EnumSet.of(OUTCOME));
    }

    private static java.util.Set<Field> missingRequired(String[] cells) {
        java.util.EnumSet<Field> missing = java.util.EnumSet.noneOf(Field.class);
        for (Field f : values()) {
            if (f.required) {
                missing.add(f);
            }
        }
        for (String c : cells) {
            Field f = c == null ? null : forHeader(c);
            if (f != null) {
                missing.remove(f);
            }
        }
        missing.removeAll(Phrases.lowercaseNs(cells).values()); // "MSC n" beside "MSC N": n/N
        if (missing.contains(EVENTS_MSC) && missing.contains(N_MSC)
                && (ArmCells.of(cells) != null || ArmRows.of(cells) != null)) {
            missing.remove(EVENTS_MSC); // both in one cell of an arm's column ("3/20"), or a row per arm
            missing.remove(N_MSC);
        }
        return missing;
    }
}
