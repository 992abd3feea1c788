package org.mscmeta.sheet;

import java.util.List;

/** The input sheet cannot be analysed; carries every problem found, in row order. */
public class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;
    private final int total;

    public InvalidInputException(List<InputProblem> problems, int total) {
        super(summary(problems, total));
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

    private static String summary(List<InputProblem> problems, int total) {
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " problem" : " problems").append(" in the input:");
        for (InputProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p.message());
        }
        if (total > problems.size()) {
            sb.append(System.lineSeparator()).append("  ... and ").append(total - problems.size()).append(" more");
        }
        return sb.toString();
    }
}
