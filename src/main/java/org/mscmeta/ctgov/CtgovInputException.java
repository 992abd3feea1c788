package org.mscmeta.ctgov;

/** A registry file that cannot be read: names the file and, for JSON, the JSON path (or the line of a table). */
public final class CtgovInputException extends Exception {

    public CtgovInputException(String file, String where, String message) {
        super(file + (where == null || where.isEmpty() ? "" : ", " + where) + ": " + message);
    }
}
