package org.poolscope.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A run executing on its own platform thread while a test drives it: the common pool has one thread
 * on two cores, and a stuck run must not starve the tests after it.
 */
final class BackgroundRun {

    final Run run;
    private final CompletableFuture<RunResult> result;

    private BackgroundRun(Run run) {
        this.run = run;
        this.result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().name("test-run").start(task));
    }

    static BackgroundRun start(Run run) {
        return new BackgroundRun(run);
    }

    /** The result, waiting at most 30 s for it. */
    RunResult finish() throws Exception {
        return result.get(30, TimeUnit.SECONDS);
    }

    /** For clean-up: cancels everything and waits for the end, whatever happened. */
    void cancelAndAwait() throws Exception {
        run.cancelAll();
        result.handle((r, e) -> r).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits for a condition nothing can signal (how far a run got), with short parks and a timeout:
     * the bounded spin the tests use instead of sleeping.
     */
    static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }
}
