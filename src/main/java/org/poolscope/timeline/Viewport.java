package org.poolscope.timeline;

import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * What part of a run to draw, and at what size: the time window {@code [fromNanos, toNanos)} in
 * nanoseconds from the run's start, the size in logical pixels, and the output scale (2 on a HiDPI
 * screen or for a sharp PNG). The image is {@link #pixelWidth()} × {@link #pixelHeight()} physical
 * pixels; text and lines keep their logical size at any scale.
 *
 * @param fromNanos the earliest instant shown, at the left edge of the plot
 * @param toNanos   the instant at the right edge of the plot, after {@code fromNanos}
 * @param width     logical width, at least 1
 * @param height    logical height, at least 1
 * @param scale     physical pixels per logical pixel, positive
 */
public record Viewport(long fromNanos, long toNanos, int width, int height, double scale) {

    /** Larger images are almost certainly a mistake (and would take gigabytes). */
    public static final int MAX_PIXELS_PER_SIDE = 16_384;

    public Viewport {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("a viewport needs toNanos after fromNanos (was [" + fromNanos + ", "
                    + toNanos + "))");
        }
        if (width < 1 || height < 1 || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a viewport needs a positive size and scale (was " + width + "×"
                    + height + " at " + scale + "×)");
        }
        if (Math.round(width * scale) > MAX_PIXELS_PER_SIDE || Math.round(height * scale) > MAX_PIXELS_PER_SIDE) {
            throw new IllegalArgumentException("a timeline of " + Math.round(width * scale) + "×"
                    + Math.round(height * scale) + " pixels is too large (at most " + MAX_PIXELS_PER_SIDE + " a side)");
        }
    }

    /** The image width in physical pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** The image height in physical pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * scale);
    }

    /** The length of the time window in nanoseconds. */
    public long spanNanos() {
        return toNanos - fromNanos;
    }

    /** The same size and scale over another time window. */
    public Viewport withTime(long from, long to) {
        return new Viewport(from, to, width, height, scale);
    }

    /** The same time window at another size or scale (a resized window, a moved screen). */
    public Viewport withSize(int newWidth, int newHeight, double newScale) {
        return new Viewport(fromNanos, toNanos, newWidth, newHeight, newScale);
    }

    /**
     * The whole run so far: from its start to its latest recorded instant, plus 1% so the last bar
     * does not touch the edge. A run with nothing recorded yet shows its first millisecond.
     */
    public static Viewport wholeRun(Timeline timeline, int width, int height, double scale) {
        long end = latestNanos(timeline);
        long span = Math.max(end, 1_000_000L);
        return new Viewport(0, span + Math.max(1, span / 100), width, height, scale);
    }

    /**
     * The latest instant the timeline has recorded: the last end, start or submit of any task, in
     * nanoseconds from the run's start; 0 when nothing is recorded. Reads every task once.
     */
    public static long latestNanos(Timeline timeline) {
        if (!timeline.recording()) {
            return 0;
        }
        long latest = 0;
        for (int t = 0, n = timeline.tasks(); t < n; t++) {
            TaskState s = timeline.state(t);
            long at = switch (s) {
                case NEW -> 0;
                case QUEUED -> timeline.submitNanos(t);
                case RUNNING -> timeline.startNanos(t);
                case DONE, FAILED, CANCELLED -> timeline.endNanos(t);
            };
            latest = Math.max(latest, at);
        }
        return latest;
    }
}
