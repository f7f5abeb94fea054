package org.poolscope.engine;

import org.poolscope.workload.Workload;

/**
 * What to run: a workload, split into {@code tasks} units, on {@code workers} workers of an executor
 * kind. {@code record} false turns off per-task timestamps and lane logs, to measure what recording
 * costs.
 */
public record RunSpec(Workload workload, ExecutorKind executor, int workers, int tasks, boolean record) {

    /** The most workers any kind accepts: virtual threads and I/O go to a thousand and beyond. */
    public static final int MAX_WORKERS = 10_000;

    public RunSpec {
        if (workload == null || executor == null) {
            throw new IllegalArgumentException("a run needs a workload and an executor");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + " (was " + workers + ")");
        }
        if (tasks < 1 || tasks > workload.maxTasks()) {
            throw new IllegalArgumentException("tasks must be 1.." + workload.maxTasks() + " for "
                    + workload.describe() + " (was " + tasks + ")");
        }
        if (executor == ExecutorKind.SEQUENTIAL) {
            workers = 1;
        }
    }

    public RunSpec withExecutor(ExecutorKind kind, int workers) {
        return new RunSpec(workload, kind, workers, tasks, record);
    }

    public RunSpec withTasks(int tasks) {
        return new RunSpec(workload, executor, workers, tasks, record);
    }

    /** One line for people: {@code primes trial n=10000000 · 64 tasks · fixed ×2}. */
    public String describe() {
        return workload.describe() + " · " + tasks + " tasks · " + executor.cliName()
                + (executor == ExecutorKind.SEQUENTIAL ? "" : " ×" + workers);
    }
}
