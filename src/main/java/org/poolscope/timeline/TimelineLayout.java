package org.poolscope.timeline;

import java.util.OptionalInt;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * Where everything of a timeline image is, in logical pixels, and how time and lanes map to it. The
 * painter draws by it and the window's overlay hit-tests by it, so the two always agree.
 *
 * <pre>
 *   ┌ header: caption ·························· legend ┐
 *   │ queue  │ waiting tasks over time; tokens at now  │
 *   │ fixed-0│ ███ ██ ████  █                          │
 *   │ fixed-1│ ██ ████ ██ ███                          │
 *   │        │ 0 ms      10 ms      20 ms              │  axis
 *   └ gutter ┴ plot ───────────────────────────────────┘
 * </pre>
 *
 * Lanes share the height left after the header, queue lane and axis; with more lanes than pixels
 * they get thinner than a pixel and draw over one another (the view is then a heat map of lanes).
 *
 * <h2>Threads</h2>
 * Immutable; any thread. {@link #taskAt} reads a live timeline safely from any thread.
 */
public final class TimelineLayout {

    /** {@link #laneAt} of a point in the queue lane. */
    public static final int QUEUE_LANE = -2;
    /** {@link #laneAt} of a point in no lane. */
    public static final int NO_LANE = -1;

    private final Viewport viewport;
    private final TimelineStyle style;
    private final int laneCount;
    private final double plotLeft;
    private final double plotRight;
    private final double headerBottom;
    private final double queueTop;
    private final double queueBottom;
    private final double lanesTop;
    private final double laneHeight;
    private final double axisTop;

    private TimelineLayout(Viewport viewport, TimelineStyle style, int laneCount) {
        this.viewport = viewport;
        this.style = style;
        this.laneCount = laneCount;
        double fs = style.fontSize;
        double w = viewport.width();
        double h = viewport.height();
        this.plotLeft = Math.min(style.gutterWidth, w / 3);
        this.plotRight = Math.max(plotLeft + 1, w - style.padding * 1.5);
        this.headerBottom = Math.min(fs * 2.4, h / 4);
        this.axisTop = Math.max(headerBottom, h - fs * 2.3);
        double gap = fs * 0.5;
        double available = Math.max(0, axisTop - headerBottom - gap);
        double queue = clamp(available * 0.16, fs * 3.2, fs * 7);
        this.queueTop = headerBottom;
        this.queueBottom = headerBottom + Math.min(queue, available * 0.5);
        this.lanesTop = Math.min(axisTop, queueBottom + gap);
        this.laneHeight = laneCount == 0 ? 0 : Math.max(0, axisTop - lanesTop) / laneCount;
    }

    /**
     * The layout of {@code timeline}'s lanes in {@code viewport}: every lane it has now, except, in a
     * finished run's picture ({@code nowNanos} is {@link TimelinePainter#NOT_LIVE}), trailing lanes
     * that ran nothing and appeared only after the last task ended (a ForkJoinPool may start a worker
     * while it shuts down).
     */
    public static TimelineLayout of(Timeline timeline, Viewport viewport, TimelineStyle style, long nowNanos) {
        int lanes = timeline.laneCount();
        if (nowNanos == TimelinePainter.NOT_LIVE && timeline.recording()) {
            long workEnd = workEnd(timeline, lanes);
            while (lanes > 0 && timeline.lane(lanes - 1).size() == 0
                    && timeline.lane(lanes - 1).createdNanos() > workEnd) {
                lanes--;
            }
        }
        return new TimelineLayout(viewport, style, lanes);
    }

    /** When the last task that any of the first {@code lanes} lanes logged ended; 0 if none. */
    static long workEnd(Timeline timeline, int lanes) {
        long end = 0;
        for (int i = 0; i < lanes; i++) {
            LaneLog log = timeline.lane(i);
            int n = log.size();
            if (n > 0) {
                end = Math.max(end, timeline.endNanos(log.get(n - 1)));
            }
        }
        return end;
    }

    /** The layout of {@code laneCount} worker lanes in {@code viewport}. */
    public static TimelineLayout of(int laneCount, Viewport viewport, TimelineStyle style) {
        if (laneCount < 0) {
            throw new IllegalArgumentException("laneCount must not be negative (was " + laneCount + ")");
        }
        return new TimelineLayout(viewport, style, laneCount);
    }

    public Viewport viewport() {
        return viewport;
    }

    public TimelineStyle style() {
        return style;
    }

    public int laneCount() {
        return laneCount;
    }

    // ---------------------------------------------------------------- time ↔ x

    /** The x of instant {@code nanos} (from the run's start); outside the plot when outside the window. */
    public double xOf(long nanos) {
        return plotLeft + (double) (nanos - viewport.fromNanos()) * plotWidth() / viewport.spanNanos();
    }

    /** The instant at {@code x}, in nanoseconds from the run's start; the inverse of {@link #xOf}. */
    public long nanosAt(double x) {
        return viewport.fromNanos() + Math.round((x - plotLeft) * viewport.spanNanos() / plotWidth());
    }

    /** Nanoseconds per logical pixel. */
    public double nanosPerPixel() {
        return viewport.spanNanos() / plotWidth();
    }

    // ---------------------------------------------------------------- lanes ↔ y

    /** The worker lane at {@code y}, {@link #QUEUE_LANE}, or {@link #NO_LANE} (header, gaps, axis). */
    public int laneAt(double y) {
        if (y >= queueTop && y < queueBottom) {
            return QUEUE_LANE;
        }
        if (laneCount == 0 || y < lanesTop || y >= axisTop || laneHeight <= 0) {
            return NO_LANE;
        }
        return (int) Math.min(laneCount - 1, Math.floor((y - lanesTop) / laneHeight));
    }

    public double laneTop(int lane) {
        return lanesTop + lane * laneHeight;
    }

    public double laneBottom(int lane) {
        return lanesTop + (lane + 1) * laneHeight;
    }

    /** The top of lane {@code lane}'s bars: the lane less its inset. */
    public double barTop(int lane) {
        return laneTop(lane) + laneHeight * style.barInset;
    }

    public double barBottom(int lane) {
        return laneBottom(lane) - laneHeight * style.barInset;
    }

    public double laneHeight() {
        return laneHeight;
    }

    // ---------------------------------------------------------------- regions

    public double plotLeft() {
        return plotLeft;
    }

    public double plotRight() {
        return plotRight;
    }

    public double plotWidth() {
        return plotRight - plotLeft;
    }

    /** The bottom of the header (caption and legend), the top of the queue lane. */
    public double headerBottom() {
        return headerBottom;
    }

    public double queueTop() {
        return queueTop;
    }

    public double queueBottom() {
        return queueBottom;
    }

    public double lanesTop() {
        return lanesTop;
    }

    /** The top of the time axis, the bottom of the last lane. */
    public double axisTop() {
        return axisTop;
    }

    // ---------------------------------------------------------------- queue tokens

    /** The side of a queued task's token. */
    public double tokenSize() {
        return style.tokenSize;
    }

    /** How many tokens fit in a row: the right 45% of the queue lane, less room for "+k more". */
    public int tokenCapacity() {
        double room = plotWidth() * 0.45 - style.fontSize * 5;
        return (int) Math.max(0, Math.floor(room / tokenPitch()));
    }

    /** The centre x of the {@code k}-th waiting task's token, counted from the head of the queue (0). */
    public double tokenCenterX(int k) {
        return plotRight - style.padding - style.tokenSize / 2 - k * tokenPitch();
    }

    /** The centre y of every token in the queue lane. */
    public double tokenCenterY() {
        return (queueTop + queueBottom) / 2;
    }

    private double tokenPitch() {
        return style.tokenSize * 1.3;
    }

    // ---------------------------------------------------------------- hit testing

    /**
     * The task drawn at ({@code x}, {@code y}): a bar in a worker lane (within two pixels, so a bar
     * thinner than a pixel can still be picked), or a token in the queue lane when {@code nowNanos}
     * is a live run's present. Finished bars are found by binary search in their lane's log; running
     * tasks and tokens by a scan of the task states.
     *
     * @param nowNanos the present of a live run, or {@link TimelinePainter#NOT_LIVE}
     */
    public OptionalInt taskAt(Timeline timeline, double x, double y, long nowNanos) {
        if (!timeline.recording() || x < plotLeft || x >= plotRight) {
            return OptionalInt.empty();
        }
        int lane = laneAt(y);
        if (lane == QUEUE_LANE) {
            return nowNanos == TimelinePainter.NOT_LIVE ? OptionalInt.empty() : tokenAt(timeline, x, y);
        }
        if (lane == NO_LANE || lane >= timeline.laneCount() || y < barTop(lane) - 1 || y >= barBottom(lane) + 1) {
            return OptionalInt.empty();
        }
        long at = nanosAt(x);
        long slack = (long) Math.ceil(2 * nanosPerPixel());
        LaneLog log = timeline.lane(lane);
        int n = log.size();
        int first = LaneBars.firstEndingAfter(timeline, log, n, at - slack);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = first; i < n; i++) {
            int t = log.get(i);
            long s = timeline.startNanos(t);
            if (s > at + slack) {
                break;
            }
            long distance = distance(at, s, timeline.endNanos(t));
            if (distance < bestDistance) {
                best = t;
                bestDistance = distance;
            }
        }
        if (best < 0 && nowNanos != TimelinePainter.NOT_LIVE) {
            int running = runningOn(timeline, lane, log, n);
            if (running >= 0 && distance(at, timeline.startNanos(running), nowNanos) <= slack) {
                best = running;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private static long distance(long at, long start, long end) {
        return at < start ? start - at : at >= end ? at - end : 0;
    }

    /** The task running on {@code lane} now (started, not yet in its log), or -1. */
    private static int runningOn(Timeline timeline, int lane, LaneLog log, int logged) {
        long lastStart = logged == 0 ? Long.MIN_VALUE : timeline.startNanos(log.get(logged - 1));
        int found = -1;
        for (int t = 0, n = timeline.tasks(); t < n; t++) {
            TaskState s = timeline.state(t);
            if ((s == TaskState.RUNNING || s == TaskState.CANCELLED) && timeline.laneOf(t) == lane
                    && timeline.startNanos(t) > lastStart) {
                found = t;
                lastStart = timeline.startNanos(t);
            }
        }
        return found;
    }

    private OptionalInt tokenAt(Timeline timeline, double x, double y) {
        double half = style.tokenSize / 2 + 1;
        if (Math.abs(y - tokenCenterY()) > half) {
            return OptionalInt.empty();
        }
        int capacity = tokenCapacity();
        int k = (int) Math.round((plotRight - style.padding - style.tokenSize / 2 - x) / tokenPitch());
        if (k < 0 || k >= capacity || Math.abs(x - tokenCenterX(k)) > half) {
            return OptionalInt.empty();
        }
        for (int t = 0, n = timeline.tasks(), seen = 0; t < n; t++) {
            if (timeline.state(t) == TaskState.QUEUED && seen++ == k) {
                return OptionalInt.of(t);
            }
        }
        return OptionalInt.empty();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
