package org.mscmeta.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader never sees it half-written: into a temporary file in the same folder, which
 * is moved into place only when the writer has finished; on failure the temporary file is removed. The temporary
 * file is created as any file is, so that the file gets the permissions the user's umask gives (a temporary file of
 * the JDK's would be readable by its owner only, and stay so once moved). The folder must exist: a folder removed
 * meanwhile (a run being stopped) is not made again.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically with {@code writer}. */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".part");
        boolean moved = false;
        boolean created = false;
        try {
            OutputStream file;
            try {
                file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.NoSuchFileException e) {
                // the folder is missing: named as such, not by the temporary file's name the caller never gave
                throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such folder to write "
                        + target.getFileName() + " into");
            } catch (java.nio.file.AccessDeniedException e) {
                throw new java.nio.file.AccessDeniedException(dir.toString(), null, e.getReason());
            } catch (java.nio.file.FileSystemException e) {
                // a read-only file system, say: the folder named, not the temporary file
                throw new java.nio.file.FileSystemException(dir.toString(), null, e.getReason());
            }
            created = true;
            try (OutputStream out = new java.io.BufferedOutputStream(file, 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (created && !moved) { // never made, it is not looked for: that would fail again, hiding why
                Files.deleteIfExists(tmp);
            }
        }
    }
}
