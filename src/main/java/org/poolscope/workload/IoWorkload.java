package org.poolscope.workload;

/**
 * Each unit waits {@code latencyMillis} the way a blocking call waits (it sleeps): no CPU is used,
 * so more threads than cores still speed it up. At most 100 000 units.
 */
public record IoWorkload(int latencyMillis) implements Workload {

    public static final int MAX_IO_TASKS = 100_000;

    @Override
    public String name() {
        return "io";
    }

    @Override
    public String describe() {
        return "io latency=" + latencyMillis + "ms";
    }

    @Override
    public int maxTasks() {
        return MAX_IO_TASKS;
    }

    @Override
    public Job plan(int tasks) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
