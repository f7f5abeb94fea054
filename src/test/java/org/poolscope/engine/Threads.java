package org.poolscope.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the platform threads PoolScope started: every one of them is named poolscope-*. */
final class Threads {

    /** How long a thread may take to finish exiting after its pool said it terminated. */
    private static final long EXIT_GRACE_MILLIS = 1_000;

    private Threads() {
    }

    /**
     * Our threads still alive, after giving each up to a second in all to finish exiting: an
     * executor's awaitTermination returns once its last worker has deregistered, which that worker
     * does in its own finally block, so the thread itself may still be alive for a moment.
     */
    static List<String> ours() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_GRACE_MILLIS);
        for (Thread t : alive()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return alive().stream().map(Thread::getName).sorted().toList();
    }

    private static List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(LaneThreads.PREFIX))
                .toList();
    }
}
