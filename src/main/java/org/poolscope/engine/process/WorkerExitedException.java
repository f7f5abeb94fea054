package org.poolscope.engine.process;

/**
 * A worker process ended (killed, crashed, out of memory) or stopped speaking the protocol while
 * the parent waited for it: the unit it had in hand is lost. The message says how it ended and
 * gives the last line it wrote to its standard error, if any, e.g. {@code worker process exited
 * (code 3): Terminating due to java.lang.OutOfMemoryError: Java heap space}.
 */
public final class WorkerExitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    WorkerExitedException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The worker's exit code (137 = killed by SIGKILL on Linux and macOS). */
    public int exitCode() {
        return exitCode;
    }
}
