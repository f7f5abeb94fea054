package org.poolscope.workload;

/**
 * Each unit waits {@code latencyMillis} the way a blocking call waits (it sleeps): no CPU is used,
 * so more threads than cores still speed it up. At most 100 000 units.
 *
 * <p>On a platform thread a sleeping unit holds its worker; on a virtual thread it unmounts and frees
 * its carrier, which is why virtual threads reach hundreds of concurrent units on two cores.
 *
 * <p>The result is {@code units}, the number of units that completed their wait.
 *
 * <p>Threads: a record, immutable; any thread may call any method.
 *
 * @param latencyMillis how long each unit waits, 0..{@value #MAX_LATENCY_MILLIS} ms
 */
public record IoWorkload(int latencyMillis) implements Workload {

    public static final int MAX_IO_TASKS = 100_000;
    public static final int MAX_LATENCY_MILLIS = 60_000;
    public static final int DEFAULT_LATENCY_MILLIS = 10;

    public IoWorkload {
        Checks.range("latency", latencyMillis, 0, MAX_LATENCY_MILLIS, " ms");
    }

    @Override
    public String name() {
        return "io";
    }

    @Override
    public String describe() {
        return "io latency=" + latencyMillis + "ms";
    }

    @Override
    public boolean workGrowsWithTasks() {
        return true; // each unit is a whole piece of work, not a share of one
    }

    @Override
    public int maxTasks() {
        return MAX_IO_TASKS;
    }

    @Override
    public IoJob plan(int tasks) {
        Checks.tasks(this, tasks);
        return new IoJob(this, tasks);
    }
}
