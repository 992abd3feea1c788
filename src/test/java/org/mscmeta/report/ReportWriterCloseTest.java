package org.mscmeta.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing a run's outputs after writing them failed (a full disk): results.json's own failure to close is the
 * failure already reported, not a second error ("error: the disk is full" was printed after the run's own message);
 * the staged files are removed in every case.
 */
class ReportWriterCloseTest {

    private static final ReportWriter.Closing FULL = () -> {
        throw new IOException("No space left on device");
    };

    @Test
    void aFailureToCloseAfterTheWriteFailedIsNotSaidTwice() {
        AtomicBoolean removed = new AtomicBoolean();
        assertDoesNotThrow(() -> ReportWriter.closeBoth(FULL, () -> removed.set(true), true));
        assertTrue(removed.get(), "the staged files removed");
    }

    @Test
    void aFailureToCloseAfterAWriteThatSucceededIsSaid() {
        AtomicBoolean removed = new AtomicBoolean();
        IOException e = assertThrows(IOException.class, () -> ReportWriter.closeBoth(FULL, () -> removed.set(true),
                false));
        assertEquals("No space left on device", e.getMessage());
        assertTrue(removed.get(), "the staged files removed");
        assertThrows(IOException.class, () -> ReportWriter.closeBoth(() -> { }, FULL, true),
                "removing the staged files failing is always said");
    }
}
