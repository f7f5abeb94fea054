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
    private double startupSeconds = Double.NaN;

    /** Records one pulse at {@code now} that spent {@code paintNanos} painting (0 when it did not paint). */
    void record(long now, long paintNanos) {
        if (Double.isNaN(startupSeconds)) {
            startupSeconds = secondsSinceStart();
        }
        if (lastPulse != 0) {
            intervals[next] = now - lastPulse;
            paints[next] = paintNanos;
            next = (next + 1) % FRAMES;
            count = Math.min(count + 1, FRAMES);
        }
        lastPulse = now;
    }

    /**
     * Start-up, one definition: from the launcher's process start to now (called on the first frame);
     * -1 where the operating system does not say when the process started.
     */
    static double secondsSinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toNanos() / 1e9).orElse(-1.0);
    }

    /** Forgets the gap while the view was idle, so it does not count as a slow frame. */
    void pause() {
        lastPulse = 0;
    }

    String summary() {
        String startup = String.format(Locale.ROOT, "window up %.2f s after start", startupSeconds);
        if (count == 0) {
            return startup;
        }
        return String.format(Locale.ROOT, "frame %.1f ms median, %.1f ms p99\npaint %.2f ms median, %.2f ms p99\n%d frames · %s",
                percentile(intervals, 0.5), percentile(intervals, 0.99), percentile(paints, 0.5), percentile(paints, 0.99),
                count, startup);
    }



    private double percentile(long[] values, double q) {
        System.arraycopy(values, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        return scratch[Math.min(count - 1, (int) Math.floor(q * count))] / 1e6;
    }
}
