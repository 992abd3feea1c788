package org.mscmeta.sheet;

import java.util.List;

/** The input sheet cannot be analysed; carries every problem found, in row order. */
public class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;
    private final int total;

    public InvalidInputException(List<InputProblem> problems, int total) {
        this(null, problems, total);
    }

    /**
     * The problems of {@code found}, after a line that says how the file was read ({@code lead}, naming the file);
     * the line is no problem of its own, so the count stays that of {@code found}.
     */
    public InvalidInputException(String lead, InvalidInputException found) {
        this(lead, found.problems, found.total);
    }

    private InvalidInputException(String lead, List<InputProblem> problems, int total) {
        super(summary(lead, problems, total));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** A problem that concerns the whole file (unreadable, empty, no header). */
    public InvalidInputException(String file, String message) {
        this(List.of(new InputProblem(file, InputProblem.WHOLE_FILE, InputProblem.NO_COLUMN, "", message)), 1);
    }

    /** The problems kept (at most {@link SheetValidator#MAX_PROBLEMS}). */
    public List<InputProblem> problems() {
        return problems;
    }

    /** How many problems were found in all, including those not kept. */
    public int total() {
        return total;
    }

    /** Problems of one kind (the same file, column and expectation) listed one by one before the rest are counted. */
    static final int SHOWN_PER_KIND = 3;

    /**
     * Every problem on a line of its own, in row order; but where more than {@link #SHOWN_PER_KIND} + 1 problems are
     * of one kind (a column wrong in every row), its first {@link #SHOWN_PER_KIND} and then one line for the others,
     * with their rows.
     */
    private static String summary(String lead, List<InputProblem> problems, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " problem" : " problems").append(" in the input:");
        if (lead != null) {
            sb.append(System.lineSeparator()).append("  ").append(lead);
        }
        java.util.Map<List<String>, List<Integer>> rows = new java.util.HashMap<>();
        for (InputProblem p : problems) {
            rows.computeIfAbsent(kind(p), k -> new java.util.ArrayList<>()).add(p.row());
        }
        java.util.Map<List<String>, Integer> listed = new java.util.HashMap<>();
        for (InputProblem p : problems) {
            List<Integer> ofKind = rows.get(kind(p));
            int n = listed.merge(kind(p), 1, Integer::sum);
            if (ofKind.size() <= SHOWN_PER_KIND + 1 || n <= SHOWN_PER_KIND) {
                sb.append(System.lineSeparator()).append("  ").append(p.message());
            }
            if (ofKind.size() > SHOWN_PER_KIND + 1 && n == SHOWN_PER_KIND) {
                List<Integer> more = ofKind.subList(SHOWN_PER_KIND, ofKind.size());
                sb.append(System.lineSeparator()).append("  ").append(p.file())
                        .append(InputProblem.NO_COLUMN.equals(p.column()) ? "" : ", column '" + p.column() + "'")
                        .append(": the same problem in ").append(more.size()).append(" more rows (")
                        .append(ranges(more)).append(")");
            }
        }
        if (total > problems.size()) {
            sb.append(System.lineSeparator()).append("  ... and ").append(total - problems.size()).append(" more");
        }
        return sb.toString();
    }

    private static List<String> kind(InputProblem p) {
        return List.of(p.file(), p.column(), p.expected());
    }

    /** Row numbers in order as ranges ("5-9, 12, 15-1001"), the first eight ranges and then "...". */
    private static String ranges(List<Integer> rows) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < rows.size(); ) {
            int j = i;
            while (j + 1 < rows.size() && rows.get(j + 1) == rows.get(j) + 1) {
                j++;
            }
            if (shown == 8) {
                return sb.append(", ...").toString();
            }
            sb.append(shown++ == 0 ? "" : ", ").append(rows.get(i)).append(j > i ? "-" + rows.get(j) : "");
            i = j + 1;
        }
        return sb.toString();
    }
}
