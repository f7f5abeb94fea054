package org.poolscope.engine;

/**
 * How well a run used its workers, from its {@link Timeline}. NaN when the run did not record.
 *
 * @param utilisation    busy time of all lanes ÷ (workers × wall): 1 means no worker ever idled
 * @param meanQueueWait  mean time from submit to start over the tasks that started, ns
 * @param maxQueueWait   the longest such wait, ns
 * @param imbalance      the busiest lane's busy time ÷ the mean over lanes: 1 is perfect balance
 */
public record RunStats(double utilisation, double meanQueueWait, double maxQueueWait, double imbalance) {

    static final RunStats NONE = new RunStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Reads the statistics off a finished run's timeline. */
    static RunStats of(Timeline timeline, int workers, long wallNanos) {
        if (!timeline.recording()) {
            return NONE;
        }
        int lanes = timeline.laneCount();
        long[] busy = new long[Math.max(lanes, 1)];
        long totalBusy = 0;
        long waitSum = 0;
        long waitMax = 0;
        int started = 0;
        for (int t = 0, n = timeline.tasks(); t < n; t++) {
            int lane = timeline.laneOf(t);
            if (lane < 0) {
                continue;
            }
            long run = timeline.endNanos(t) - timeline.startNanos(t);
            busy[lane] += run;
            totalBusy += run;
            long wait = timeline.startNanos(t) - timeline.submitNanos(t);
            waitSum += wait;
            waitMax = Math.max(waitMax, wait);
            started++;
        }
        long maxBusy = 0;
        for (long b : busy) {
            maxBusy = Math.max(maxBusy, b);
        }
        double meanBusy = (double) totalBusy / busy.length;
        return new RunStats(
                wallNanos > 0 ? totalBusy / ((double) workers * wallNanos) : Double.NaN,
                started > 0 ? (double) waitSum / started : Double.NaN,
                started > 0 ? waitMax : Double.NaN,
                meanBusy > 0 ? maxBusy / meanBusy : Double.NaN);
    }
}
