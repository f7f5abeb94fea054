package org.poolscope.engine;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The child processes of this JVM: worker processes must all be gone once a run has closed. */
final class Children {

    private Children() {
    }

    /**
     * The pids of this JVM's live children after waiting up to {@code millis} for each to exit (a
     * killed process takes a moment to be reaped); empty when none is left.
     */
    static List<Long> aliveAfter(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            try {
                child.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still alive: reported below
            }
        }
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }
}
