package org.poolscope.metrics;

import org.poolscope.engine.ExecutorKind;

/**
 * One measured run of a sweep, as the CSV writes it. The sequential baseline has its own rows
 * (executor {@code sequential}, workers 1).
 *
 * @param speedup    the median sequential wall at this task count ÷ this run's wall
 * @param efficiency speedup ÷ workers
 * @param ceiling    the machine's ceiling at this worker count, measured in the same round
 */
public record RunRow(ExecutorKind executor, String workload, int workers, int tasks, int repeat,
        double wallMillis, double speedup, double efficiency, double ceiling, boolean verified) {
}
