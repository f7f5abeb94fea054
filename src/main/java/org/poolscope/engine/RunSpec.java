package org.poolscope.engine;

import org.poolscope.workload.Workload;

/**
 * What to run: a workload, split into {@code tasks} units, on {@code workers} workers of an executor
 * kind.
 *
 * @param record         false turns off per-task timestamps and lane logs, to measure what recording costs
 * @param faults         which units fail on purpose
 * @param includeStartup whether starting the workers counts in the wall time (the course's timing
 *                       creates its Pool inside the timed region); only worker processes take long
 *                       enough to start for it to matter
 */
public record RunSpec(Workload workload, ExecutorKind executor, int workers, int tasks, boolean record,
        FaultPlan faults, boolean includeStartup) {

    /** A run without faults, start-up included. */
    public RunSpec(Workload workload, ExecutorKind executor, int workers, int tasks, boolean record) {
        this(workload, executor, workers, tasks, record, FaultPlan.NONE, true);
    }

    /** The most workers any kind accepts: virtual threads and I/O go to a thousand and beyond. */
    public static final int MAX_WORKERS = 10_000;

    public RunSpec {
        if (workload == null || executor == null || faults == null) {
            throw new IllegalArgumentException("a run needs a workload, an executor and a fault plan");
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
        return new RunSpec(workload, kind, workers, tasks, record, faults, includeStartup);
    }

    public RunSpec withTasks(int tasks) {
        return new RunSpec(workload, executor, workers, tasks, record, faults, includeStartup);
    }

    public RunSpec withRecord(boolean on) {
        return new RunSpec(workload, executor, workers, tasks, on, faults, includeStartup);
    }

    public RunSpec withFaults(FaultPlan plan) {
        return new RunSpec(workload, executor, workers, tasks, record, plan, includeStartup);
    }

    /** One line for people: {@code primes trial n=10000000 · 64 tasks · fixed ×2}. */
    public String describe() {
        return workload.describe() + " · " + tasks + " tasks · " + executor.cliName()
                + (executor == ExecutorKind.SEQUENTIAL ? "" : " ×" + workers)
                + (faults.isNone() ? "" : " · " + faults);
    }
}
