package org.poolscope.engine;

/**
 * The life of one task, as the {@link Timeline} records it. Transitions:
 * <pre>
 *   NEW ──submit──► QUEUED ──CAS──► (starting) ──► RUNNING ──► DONE | FAILED | CANCELLED
 *                     └──────CAS──► (cancelling) ──► CANCELLED
 * </pre>
 * A task leaves QUEUED by exactly one compare-and-set: a worker that starts it or a canceller that
 * removes it. The winner writes the times, then publishes the new state with a release store.
 */
public enum TaskState {
    /** Planned, not yet handed to the executor. */
    NEW,
    /** Submitted: waiting in the executor's queue (or for a permit). */
    QUEUED,
    /** A worker is running it. */
    RUNNING,
    /** Finished normally. */
    DONE,
    /** Its unit threw; the exception is kept in the Timeline. */
    FAILED,
    /** Cancelled while queued, or stopped while running by a cancel of the run. */
    CANCELLED;

    private static final TaskState[] VALUES = values();

    static TaskState of(int code) {
        return VALUES[code];
    }

    /** Whether the task will not change any more. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
