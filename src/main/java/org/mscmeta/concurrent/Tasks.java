package org.mscmeta.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The value of a task run on another thread, with the error it failed with as the caller's own. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Waits for {@code task} and returns its value; its I/O, unchecked and error failures are thrown as they were
     * (another checked one inside an {@link IOException}).
     *
     * @param doing what the task does, for the message when the wait is interrupted
     */
    public static <T> T valueOf(Future<T> task, String doing) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
