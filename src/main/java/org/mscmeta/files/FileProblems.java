package org.mscmeta.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file-system failure in words: Java's exceptions of the file system carry little more than a path as their
 * message ("/tmp/x/afile.txt"), which is no sentence a user can act on.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** What went wrong, e.g. "/tmp/x: permission denied". */
    /**
     * As {@link #describe(IOException)}, for a failure that is an {@link IOException} or a library's {@link
     * java.io.UncheckedIOException} around one (FastCSV's writer on a full disk).
     */
    public static String describe(Exception e) {
        return describe(e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e);
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String where = f.getFile() == null ? "" : f.getFile() + ": ";
            String reason = f.getReason();
            if (e instanceof AccessDeniedException) {
                return where + "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return where + "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return where + "already exists";
            }
            if (e instanceof NotDirectoryException) {
                return where + "is not a folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return where + "the folder is not empty";
            }
            if (reason != null) {
                return where + reason.toLowerCase(java.util.Locale.ROOT);
            }
            return where + "cannot be read or written";
        }
        String m = e.getMessage();
        if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("no space left")) {
            return "the disk is full";
        }
        return m == null || m.isBlank() ? "an input/output error" : m;
    }

    /**
     * Why {@code folder} could not be made ({@code e}, from {@code Files.createDirectories}): where a file stands in
     * its path, that file named as such ("/data/run is a file, not a folder"), which the system's own words ("not a
     * directory", "already exists", about the folder wanted) leave the reader to work out; otherwise {@link
     * #describe}.
     */
    public static String folderProblem(java.nio.file.Path folder, IOException e) {
        for (java.nio.file.Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p)) {
                return java.nio.file.Files.isDirectory(p) ? describe(e) : p + " is a file, not a folder";
            }
        }
        return describe(e);
    }
}
