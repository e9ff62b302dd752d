package org.equitylake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of driver work on a few threads. For work on separate Delta tables, each
 * a few small Spark jobs whose time is mostly latency: the session schedules them concurrently.
 */
public final class SideBySide {
    private SideBySide() {}

    /** Runs every task, at most {@code threads} at once; once all have ended, rethrows the first failure with the others suppressed in it. */
    public static void run(int threads, List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(pool.submit(task));
            }
            RuntimeException first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } else {
                        first.addSuppressed(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for side-by-side work", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
