package org.poolscope.metrics;

/**
 * One point of a sweep: a worker count and a task count, summarised over the repeats.
 *
 * @param wallMillis  median, min and max wall time, ms
 * @param speedup     median sequential wall ÷ median wall; the sequential run of the same task count, or
 *                    in a granularity sweep the least-split one (the plain program doing the same work)
 * @param speedupMin  median sequential wall ÷ max wall
 * @param speedupMax  median sequential wall ÷ min wall
 * @param efficiency  speedup ÷ workers
 * @param karpFlatt   the experimentally determined serial fraction (1/S − 1/N) ÷ (1 − 1/N); NaN for N = 1
 * @param ceiling     the machine's ceiling at this N: N × t(1) ÷ t(N) for N copies of one unit (median, min, max)
 * @param verified    whether every repeat's result equalled the sequential definition
 */
public record SweepPoint(int workers, int tasks, Summary wallMillis, double speedup, double speedupMin,
        double speedupMax, double efficiency, double karpFlatt, Summary ceiling, boolean verified) {

    /** Speedup as a share of what the machine allows at this N. */
    public double ofCeiling() {
        return speedup / ceiling.median();
    }
}
