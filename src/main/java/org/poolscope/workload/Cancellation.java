package org.poolscope.workload;

import java.util.concurrent.CancellationException;

/**
 * A per-run cancel flag that kernels poll: not every executor interrupts its workers (a ForkJoinPool
 * does not, and a CPU-bound loop never looks at its interrupt status), so long loops check this flag
 * every few thousand iterations. Set once, never cleared.
 *
 * <p>Threads: {@link #cancel()} from any thread; {@link #isCancelled()} and {@link #check()} from
 * worker threads. A volatile read costs about a nanosecond on x86, so polling every 4 096 iterations
 * of a kernel is free.
 */
public final class Cancellation {

    /** A flag that is never set, for callers that cannot cancel (tests, the machine-ceiling probe). */
    public static final Cancellation NEVER = new Cancellation();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("Cancellation.NEVER cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when the run has been cancelled. */
    public void check() {
        if (cancelled) {
            throw new CancellationException("run cancelled");
        }
    }
}
