package org.mscmeta.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs tasks {@code 0 .. n-1} on as many threads as the machine has cores, started in index order (a first-in,
 * first-out queue), so that they also finish in about that order: what a consumer that needs their results in
 * order (results.json, written while the outcomes are pooled) can keep up with. A parallel stream splits its
 * range in halves instead, so that the second core starts halfway.
 */
public final class InOrder {

    private InOrder() {
    }

    /**
     * Runs {@code task} for every index and returns when all have finished; a task's unchecked exception is thrown
     * here (the first by index) once the others have finished, an error at once.
     */
    public static void run(int n, IntConsumer task) {
        int threads = Math.min(n, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread t = new Thread(work, "in-order");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> started = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                started.add(pool.submit(() -> task.accept(index)));
            }
            RuntimeException failure = null;
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
