package org.mscmeta.ctgov;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registry file that cannot be read: names the file and, for JSON, the JSON path (or the line of a table). */
public final class CtgovInputException extends Exception {

    /** The file, and what is wrong in it after the file's name (", JSON path /x: ..."); null for several files. */
    private final String file;
    private final String problem;

    public CtgovInputException(String file, String where, String message) {
        this(file, (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
    }

    private CtgovInputException(String file, String problem) {
        super(file == null ? problem : file + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The most files of one problem named in full; the others are listed by name on one line. */
    private static final int SHOWN = 3;
    /** The most of the other files of one problem named on their line. */
    private static final int NAMED = 10;

    /**
     * The files of one import that cannot be read, said at once (so that a folder with three such files is not
     * refused three runs in a row): the one problem as it is, or "N registry files cannot be read:" and a line each,
     * a problem met in more than {@value #SHOWN} files shown for the first of them, then the others by name.
     */
    public static CtgovInputException of(List<CtgovInputException> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        Map<String, List<String>> byProblem = new LinkedHashMap<>();
        for (CtgovInputException p : problems) {
            byProblem.computeIfAbsent(p.problem, k -> new ArrayList<>()).add(p.file);
        }
        StringBuilder b = new StringBuilder(problems.size() + " registry files cannot be read:");
        byProblem.forEach((problem, files) -> {
            for (String f : files.subList(0, Math.min(SHOWN, files.size()))) {
                b.append("\n  ").append(f).append(problem);
            }
            if (files.size() > SHOWN) {
                List<String> more = files.subList(SHOWN, files.size());
                b.append("\n  the same in ").append(more.size()).append(more.size() == 1 ? " more file: "
                        : " more files: ").append(String.join(", ", more.subList(0, Math.min(NAMED, more.size()))));
                if (more.size() > NAMED) {
                    b.append(" and ").append(more.size() - NAMED).append(" others");
                }
            }
        });
        return new CtgovInputException(null, b.toString());
    }
}
