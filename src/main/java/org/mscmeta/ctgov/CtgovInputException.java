package org.mscmeta.ctgov;

/** A registry file that cannot be read: names the file and, for JSON, the JSON path (or the line of a table). */
public final class CtgovInputException extends Exception {

    public CtgovInputException(String file, String where, String message) {
        super(file + (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
    }

    private CtgovInputException(String message) {
        super(message);
    }

    /**
     * The files of one import that cannot be read, said at once (so that a folder with three such files is not
     * refused three runs in a row): the one problem as it is, or "N registry files cannot be read:" and one line
     * each.
     */
    public static CtgovInputException of(java.util.List<CtgovInputException> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder b = new StringBuilder(problems.size() + " registry files cannot be read:");
        for (CtgovInputException p : problems) {
            b.append("\n  ").append(p.getMessage());
        }
        return new CtgovInputException(b.toString());
    }
}
