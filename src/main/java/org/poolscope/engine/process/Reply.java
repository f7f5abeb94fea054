package org.poolscope.engine.process;

/**
 * How one unit sent to a worker process ended, as the parent saw it.
 *
 * @param outcome              what happened
 * @param computeStartNanoTime when the worker's kernel started, in the parent's {@link System#nanoTime()}
 *                             (the worker's clock corrected by the handshake's offset); 0 for {@link Outcome#EXITED}
 * @param computeEndNanoTime   when it ended, likewise
 * @param error                a {@link RemoteException} for {@link Outcome#FAILED}, a
 *                             {@link WorkerExitedException} for {@link Outcome#EXITED}, else null
 */
public record Reply(Outcome outcome, long computeStartNanoTime, long computeEndNanoTime, RuntimeException error) {

    public enum Outcome {
        /** The result arrived and is stored in the job. */
        DONE,
        /** The unit threw in the worker. */
        FAILED,
        /** The unit stopped at a CANCEL. */
        CANCELLED,
        /** The worker died or broke the protocol; nothing came back. */
        EXITED
    }

    /** Whether the compute times are known (the worker answered). */
    public boolean timed() {
        return outcome != Outcome.EXITED;
    }
}
