package org.poolscope.timeline;

import java.util.Arrays;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * Prefix sums over one lane's log, so that the busy time of any window of the lane, per outcome,
 * costs two searches instead of a walk over its tasks: a frame of a million tasks then costs what
 * its pixel columns cost.
 *
 * <h2>Why prefix sums, not time buckets</h2>
 * A lane runs one task at a time, so its log is sorted by start and by end alike. The busy time of
 * outcome {@code o} before an instant {@code t} is then the sum over the tasks that ended by
 * {@code t} (a prefix of the log) plus the part of the one task that spans {@code t}:
 * <pre>  B_o(t) = sum_o[k] + (outcome[k] == o ? max(0, t − start[k]) : 0),  k = first task ending after t</pre>
 * and a pixel column's busy time is {@code B_o(right) − B_o(left)}, exact at any zoom. Power-of-two
 * time buckets (Perfetto's mipmaps) give the same cost per column but round every task to a bucket
 * and need a level per zoom; one array of sums serves every zoom exactly and grows by one entry
 * per finished task, so a live run extends it and never rebuilds it.
 *
 * <h2>Memory</h2>
 * 24.5 bytes a task (its end; its start and the busy sum before it, side by side; every 16th end
 * again); 8 more for failed and for cancelled tasks, and 4 for stolen ones, each allocated only when
 * the lane has one.
 *
 * <h2>Threads</h2>
 * The painter's thread. Reads the log only below a size the caller read, and the timeline's times
 * only for logged tasks, which are final.
 */
final class LaneSums {

    /** Every {@value #BLOCK}th end is kept apart, in an array small enough to stay in cache. */
    private static final int BLOCK_BITS = 4;
    private static final int BLOCK = 1 << BLOCK_BITS;

    private LaneLog log;
    private int size;
    /** The end of each logged task, for the searches. */
    private long[] ends = new long[0];
    /** {@code ends[i << BLOCK_BITS]}: a search finds its block here before it reads {@link #ends}. */
    private long[] blockEnds = new long[0];
    /**
     * Per logged task {@code i}, side by side so that one cache line serves a column's edge: its
     * start at {@code 2i}, and the busy nanoseconds of the tasks before it (all outcomes) at {@code 2i + 1}.
     */
    private long[] startsAndBefore = new long[0];
    /** Busy nanoseconds of all {@code size} tasks. */
    private long total;
    /** The same for failed tasks only, and for cancelled ones; {@code size + 1} entries, null while the lane has none. */
    private long[] failed;
    private long[] cancelled;
    /** How many of the first {@code i} logged tasks were stolen from another worker; null while none. */
    private int[] stolen;

    /** Brings the sums up to {@code logged} entries of {@code lane}'s log, extending them if it grew. */
    void update(Timeline timeline, LaneLog lane, int logged) {
        if (lane != log || (size > 0 && !sameEntry(timeline, lane, Math.min(size, logged) - 1))) {
            reset(lane);
        }
        if (logged <= size) {
            return; // a replay stepped back: its log is a prefix of what was summed
        }
        ensureCapacity(logged);
        for (int i = size; i < logged; i++) {
            int t = lane.get(i);
            long start = timeline.startNanos(t);
            long end = timeline.endNanos(t);
            long d = Math.max(0, end - start);
            ends[i] = end;
            if ((i & (BLOCK - 1)) == 0) {
                blockEnds[i >> BLOCK_BITS] = end;
            }
            startsAndBefore[2 * i] = start;
            startsAndBefore[2 * i + 1] = total;
            total += d;
            TaskState state = timeline.state(t);
            if (state == TaskState.FAILED && failed == null) {
                failed = new long[capacity() + 1];
            }
            if (state == TaskState.CANCELLED && cancelled == null) {
                cancelled = new long[capacity() + 1];
            }
            if (failed != null) {
                failed[i + 1] = failed[i] + (state == TaskState.FAILED ? d : 0);
            }
            if (cancelled != null) {
                cancelled[i + 1] = cancelled[i] + (state == TaskState.CANCELLED ? d : 0);
            }
            boolean wasStolen = timeline.stolenFrom(t) >= 0 && d > 0; // no length, nothing drawn: no mark
            if (wasStolen && stolen == null) {
                stolen = new int[capacity() + 1];
            }
            if (stolen != null) {
                stolen[i + 1] = stolen[i] + (wasStolen ? 1 : 0);
            }
        }
        size = logged;
    }

    private int capacity() {
        return ends.length;
    }

    /** A replay refills its logs each frame: the sums hold while its entries are the ones summed. */
    private boolean sameEntry(Timeline timeline, LaneLog lane, int i) {
        return i < 0 || ends[i] == timeline.endNanos(lane.get(i));
    }

    private void reset(LaneLog lane) {
        log = lane;
        size = 0;
        total = 0;
        failed = null;
        cancelled = null;
        stolen = null;
    }

    private void ensureCapacity(int n) {
        if (capacity() >= n) {
            return;
        }
        int capacity = (int) Math.min((Integer.MAX_VALUE - 16) / 2, Math.max(n, capacity() + (capacity() >> 1) + 16L));
        ends = Arrays.copyOf(ends, capacity);
        blockEnds = Arrays.copyOf(blockEnds, (capacity >> BLOCK_BITS) + 1);
        startsAndBefore = Arrays.copyOf(startsAndBefore, 2 * capacity);
        if (failed != null) {
            failed = Arrays.copyOf(failed, capacity + 1);
        }
        if (cancelled != null) {
            cancelled = Arrays.copyOf(cancelled, capacity + 1);
        }
        if (stolen != null) {
            stolen = Arrays.copyOf(stolen, capacity + 1);
        }
    }

    /**
     * The first position at or after {@code hint} and below {@code n} whose task ends after
     * {@code t}, or {@code n}; {@code hint} must be at or before the answer. Gallops from the hint
     * through the block ends, then bisects one block: a sweep across a frame's columns reads a few
     * cached block ends and one or two lines of {@link #ends} per column, not a search of the log.
     */
    int firstEndingAfter(long t, int hint, int n) {
        int lo = Math.max(0, hint);
        if (lo >= n || ends[lo] > t) {
            return Math.min(lo, n);
        }
        // ends[lo] <= t: the answer is after lo. Find the first block after lo's whose first end is after t.
        int blocks = ((n - 1) >> BLOCK_BITS) + 1;
        int b = (lo >> BLOCK_BITS) + 1;
        int step = 1;
        int bhi = b;
        while (bhi < blocks && blockEnds[bhi] <= t) {
            b = bhi + 1;
            bhi = b + step;
            step <<= 1;
        }
        bhi = Math.min(bhi, blocks);
        while (b < bhi) {
            int mid = (b + bhi) >>> 1;
            if (blockEnds[mid] > t) {
                bhi = mid;
            } else {
                b = mid + 1;
            }
        }
        // Block b starts after t (or b == blocks); every block before it starts at or before t.
        int hi = Math.min(n, b << BLOCK_BITS);
        lo = Math.max(lo + 1, (b - 1) << BLOCK_BITS);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The end of the {@code i}-th logged task. */
    long end(int i) {
        return ends[i];
    }

    /** The start of the {@code i}-th logged task. */
    long start(int i) {
        return startsAndBefore[2 * i];
    }

    /** Whether the {@code i}-th logged task failed. */
    boolean failedAt(int i) {
        return failed != null && failed[i + 1] != failed[i];
    }

    /** Whether the {@code i}-th logged task was cancelled. */
    boolean cancelledAt(int i) {
        return cancelled != null && cancelled[i + 1] != cancelled[i];
    }

    /** Busy nanoseconds of all outcomes in the first {@code k} entries. */
    long busy(int k) {
        return k == size ? total : startsAndBefore[2 * k + 1];
    }

    long failed(int k) {
        return failed == null ? 0 : failed[k];
    }

    long cancelled(int k) {
        return cancelled == null ? 0 : cancelled[k];
    }

    /** Whether any of the entries {@code [from, to)} was stolen. */
    boolean anyStolen(int from, int to) {
        return stolen != null && to > from && stolen[to] > stolen[from];
    }
}
