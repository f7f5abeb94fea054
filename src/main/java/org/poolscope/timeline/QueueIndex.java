package org.poolscope.timeline;

import java.util.Arrays;
import org.poolscope.engine.Timeline;

/**
 * A finished run's queue, indexed so that a frame costs two binary searches a pixel column instead
 * of a pass over every task: the submit times and the times tasks left the queue (started, or were
 * cancelled), each sorted, with prefix sums.
 *
 * <h2>How</h2>
 * The time-integral of the number of waiting tasks up to an instant b is
 * Σ<sub>submit ≤ b</sub>(b − submit) − Σ<sub>leave ≤ b</sub>(b − leave): a count and a prefix sum
 * from each sorted array. A column's mean is the difference of two integrals over its length, the
 * same number the per-frame pass computes.
 *
 * <h2>When</h2>
 * Only for a timeline whose every task is terminal: their submit and start times never change
 * again. It costs 32 bytes a task and one sort, so {@link QueueProfile} builds it only when a
 * finished timeline is painted a second time (a window exploring a run, not a PNG written once), and
 * not when the integrals could overflow a {@code long} (a million tasks over more than about two
 * hours).
 *
 * <p>Threads: immutable once built; the painter's thread.
 */
final class QueueIndex {

    final Timeline timeline;
    private final long[] submits;
    private final long[] leaves;
    private final long[] submitSums;
    private final long[] leaveSums;
    /** Where the last search of a {@link #fill} sweep ended, in each array: the next one starts there. */
    private int submitHint;
    private int leaveHint;

    private QueueIndex(Timeline timeline, long[] submits, long[] leaves) {
        this.timeline = timeline;
        this.submits = submits;
        this.leaves = leaves;
        this.submitSums = prefixSums(submits);
        this.leaveSums = prefixSums(leaves);
    }

    /** The index of a finished timeline, or null when its integrals could overflow. */
    static QueueIndex of(Timeline timeline) {
        int n = timeline.tasks();
        long[] submits = new long[n];
        long[] leaves = new long[n];
        long latest = 1;
        for (int t = 0; t < n; t++) {
            submits[t] = timeline.submitNanos(t);
            leaves[t] = timeline.startNanos(t); // a task cancelled in the queue "started" when it was cancelled
            latest = Math.max(latest, Math.abs(leaves[t]));
        }
        if ((double) latest * Math.max(1, n) > Long.MAX_VALUE / 4.0) {
            return null;
        }
        Arrays.sort(submits);
        Arrays.sort(leaves);
        return new QueueIndex(timeline, submits, leaves);
    }

    /**
     * Writes the mean number of waiting tasks in each of {@code columns} equal parts of
     * {@code [from, to)} into {@code into}, and returns the largest.
     */
    double fill(long from, long to, int columns, double[] into) {
        double span = to - from;
        long left = from;
        submitHint = 0;
        leaveHint = 0;
        long area = integral(left);
        double peak = 0;
        for (int c = 0; c < columns; c++) {
            long right = from + (long) Math.floor((c + 1) * span / columns);
            long next = integral(right);
            double mean = right > left ? (double) (next - area) / (right - left) : waitingAt(left);
            into[c] = mean;
            peak = Math.max(peak, mean);
            left = right;
            area = next;
        }
        return peak;
    }

    /** ∫ waiting(τ) dτ over (−∞, b]; constant after the last task left, so b is clamped there. */
    private long integral(long b) {
        if (leaves.length > 0) {
            b = Math.min(b, leaves[leaves.length - 1]);
        }
        int s = countAtOrBefore(submits, b, submitHint);
        int l = countAtOrBefore(leaves, b, leaveHint);
        submitHint = s;
        leaveHint = l;
        return (b * s - submitSums[s]) - (b * l - leaveSums[l]);
    }

    private double waitingAt(long b) {
        return countAtOrBefore(submits, b, 0) - countAtOrBefore(leaves, b, 0);
    }

    /**
     * How many of {@code sorted} are at most {@code b}, knowing it is at least {@code hint}: gallops
     * from the hint, so a sweep of rising instants over a frame's columns stays in a small stretch
     * of each array rather than searching all of it per column.
     */
    private static int countAtOrBefore(long[] sorted, long b, int hint) {
        int lo = hint;
        int n = sorted.length;
        int step = 1;
        int hi = lo;
        while (hi < n && sorted[hi] <= b) {
            lo = hi + 1;
            hi = lo + step;
            step <<= 1;
        }
        hi = Math.min(hi, n);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= b) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long[] prefixSums(long[] sorted) {
        long[] sums = new long[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            sums[i + 1] = sums[i] + sorted[i];
        }
        return sums;
    }
}
