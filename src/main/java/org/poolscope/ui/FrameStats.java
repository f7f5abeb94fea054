package org.poolscope.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * The last frames' pulse-to-pulse intervals and paint times, for the F12 readout: median and p99
 * over a ring of {@value #FRAMES} frames. Allocation-free per frame.
 */
final class FrameStats {

    static final int FRAMES = 240;

    private final long[] intervals = new long[FRAMES];
    private final long[] paints = new long[FRAMES];
    private final long[] scratch = new long[FRAMES];
    private int count;
    private int next;
    private long lastPulse;

    /** Records one pulse at {@code now} that spent {@code paintNanos} painting (0 when it did not paint). */
    void record(long now, long paintNanos) {
        if (lastPulse != 0) {
            intervals[next] = now - lastPulse;
            paints[next] = paintNanos;
            next = (next + 1) % FRAMES;
            count = Math.min(count + 1, FRAMES);
        }
        lastPulse = now;
    }

    /** Forgets the gap while the view was idle, so it does not count as a slow frame. */
    void pause() {
        lastPulse = 0;
    }

    String summary() {
        if (count == 0) {
            return "frame time: no frames yet";
        }
        return String.format(Locale.ROOT, "frame %.1f ms median, %.1f ms p99 · paint %.2f ms median, %.2f ms p99 · %d frames",
                percentile(intervals, 0.5), percentile(intervals, 0.99), percentile(paints, 0.5), percentile(paints, 0.99), count);
    }

    double p99IntervalMillis() {
        return count == 0 ? Double.NaN : percentile(intervals, 0.99);
    }

    private double percentile(long[] values, double q) {
        System.arraycopy(values, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        return scratch[Math.min(count - 1, (int) Math.floor(q * count))] / 1e6;
    }
}
