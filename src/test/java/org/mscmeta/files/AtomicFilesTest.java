package org.mscmeta.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that cannot be written is named by its folder, never by the temporary file the writer makes beside the
 * target, which the user never gave (a read-only folder was said as ".reg.csv.f9313c7edf7e710b.part: read-only file
 * system"); nothing is left behind.
 */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatCannotBeWrittenIntoIsNamedNotTheTemporaryFile() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "a file, where a folder is expected");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(notAFolder.resolve("reg.csv"), out -> out.write(1)));
        assertEquals(notAFolder.toAbsolutePath().toString(), e.getFile());
        assertFalse(FileProblems.describe(e).contains(".part"), FileProblems.describe(e));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(dir.resolve("gone").resolve("reg.csv"), out -> out.write(1)));
        assertEquals(dir.resolve("gone").toAbsolutePath().toString(), missing.getFile());
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "nothing left behind but the file that was there");
        }
    }
}
