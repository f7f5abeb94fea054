package org.poolscope.metrics;

import java.util.List;
import org.poolscope.engine.RunSpec;

/**
 * A sweep: the base run with every worker count × task count, each repeated, against the sequential
 * baseline and the machine's ceiling, all interleaved round by round (1, 2, 4, 1, 2, 4, …) so that a
 * noisy minute hurts every point alike.
 *
 * @param base    workload, executor and recording; its workers and tasks are replaced by the lists
 * @param workers worker counts, in order
 * @param tasks   task counts, in order; several make a granularity sweep
 * @param repeats measured rounds, after one warm-up round
 */
public record SweepSpec(RunSpec base, List<Integer> workers, List<Integer> tasks, int repeats) {

    public static final int MAX_REPEATS = 1000;

    public SweepSpec {
        workers = List.copyOf(workers);
        tasks = List.copyOf(tasks);
        if (workers.isEmpty() || tasks.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one worker count and one task count");
        }
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be 1.." + MAX_REPEATS + " (was " + repeats + ")");
        }
        for (int t : tasks) {
            base.withTasks(t); // validates against the workload
        }
        for (int w : workers) {
            base.withExecutor(base.executor(), w);
        }
    }

    /** Whether this sweep varies the task count (the overhead-of-tiny-tasks lesson). */
    public boolean isGranularity() {
        return tasks.size() > 1;
    }
}
