package org.poolscope.engine;

import org.poolscope.workload.Job;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;

/**
 * What one run measured and produced.
 *
 * @param spec         what ran
 * @param wallNanos    from the first submit to the last task's end, as the run's thread saw it
 * @param timeline     the per-task record (times empty when {@code spec.record()} was false)
 * @param result       the combined result of the units that completed
 * @param verification the result checked against the workload's sequential definition
 * @param done         tasks that completed
 * @param failed       tasks whose unit threw (exceptions in the timeline)
 * @param cancelled    tasks cancelled, queued or running
 * @param stats        utilisation, queue wait, imbalance
 * @param originNanoTime the {@link System#nanoTime()} at the run's start, to relate runs in one JVM
 * @param interrupted  whether the whole run was cancelled ("cancel all", Ctrl+C): its outputs are incomplete
 * @param job          the planned job: its units, their results (a filter's output) and its storage
 */
public record RunResult(RunSpec spec, long wallNanos, Timeline timeline, Result result, Verification verification,
        int done, int failed, int cancelled, RunStats stats, long originNanoTime, boolean interrupted, Job job) {

    public double wallMillis() {
        return wallNanos / 1e6;
    }

    /** Task {@code t} as its future would describe it (needs the job: see {@link Run#details}). */
    public TaskDetails details(int t) {
        if (job == null) {
            throw new IllegalStateException("this result was built without its job");
        }
        return TaskDetails.of(timeline, job, t);
    }

    /** The units that did not complete (failed or cancelled), in order. */
    public int[] missingUnits() {
        java.util.BitSet done = timeline.completed();
        return java.util.stream.IntStream.range(0, timeline.tasks()).filter(t -> !done.get(t)).toArray();
    }

    /** Whether every task completed and the result equals the sequential definition. */
    public boolean verified() {
        return verification.verified();
    }
}
