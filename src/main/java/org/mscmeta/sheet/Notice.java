package org.mscmeta.sheet;

/**
 * Something a user should know about the input or the analysis that is not an error: an unknown vocabulary
 * value, single-arm rows left out of comparative pooling, double-zero studies, corrections applied.
 *
 * @param category short machine-readable kind, e.g. {@code vocabulary}, {@code single_arm}, {@code double_zero}
 * @param outcome  the outcome it concerns, or null when it concerns the whole sheet
 * @param message  one sentence for a person
 */
public record Notice(String category, String outcome, String message) {

    /**
     * The message without the outcome it starts with ("Death: ..."), for a table whose column of its own names the
     * outcome; the message as it is otherwise.
     */
    public String withoutOutcome() {
        return outcome != null && message.startsWith(outcome + ": ") ? message.substring(outcome.length() + 2)
                : message;
    }

    /**
     * A count and its noun, in the singular for one and the plural otherwise ("1 study", "3 studies", "0 rows"):
     * what every message of the program writes instead of "study(ies)".
     */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Rows as a notice lists them: "row 5", or "rows 5, 7, ... (12 rows)" after the first {@code shown}. */
    static String rows(java.util.List<Integer> rows, int shown) {
        return (rows.size() == 1 ? "row " : "rows ") + String.join(", ", rows.stream().limit(shown)
                .map(String::valueOf).toList()) + (rows.size() > shown ? ", ... (" + rows.size() + " rows)" : "");
    }
}
