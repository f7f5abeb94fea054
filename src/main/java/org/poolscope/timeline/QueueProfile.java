package org.poolscope.timeline;

import java.awt.Graphics2D;
import java.util.Arrays;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * One pass over a timeline's task states per frame: how many tasks waited in each pixel column of
 * the window, which tasks wait now (for the tokens), and which task runs on each lane now; and the
 * queue lane's area drawn from it.
 *
 * <h2>Waiting</h2>
 * A task waits from its submit until it starts or is cancelled (a live run's queued tasks: until
 * now). Each column gets the mean number of tasks waiting over its time span, exactly: a waiting
 * interval adds its fraction to the columns at its two ends and +1 to those between, through a
 * difference array, so the pass costs O(1) a task and O(1) a column. Zoomed in, a column is shorter
 * than any change and the mean is the exact step. A finished run painted again is read from a
 * {@link QueueIndex} instead, at two binary searches a column.
 *
 * <h2>Threads</h2>
 * The painter's thread. Reads a live timeline through its public readers: the state first, with
 * acquire, then only the times that state implies.
 */
final class QueueProfile {

    /** The mean number of tasks waiting per column (valid up to {@link #columns}). */
    double[] waiting = new double[0];
    private double[] steps = new double[0];
    int columns;
    double peak;
    /** Tasks waiting at the present of a live run. */
    int waitingNow;
    /** The first waiting tasks in submission order, at most the capacity asked for. */
    int[] tokens = new int[0];
    int tokenCount;
    /** Per lane: the task running there now (live runs), or -1. */
    int[] running = new int[0];
    private long[] runningStart = new long[0];
    /** The finished timeline the last pass saw: indexed if it is painted again. */
    private Timeline finished;
    private QueueIndex index;
    /** A finished timeline too long to index: scanned every frame. */
    private Timeline refused;

    void scan(Timeline timeline, long from, long to, int columns, long now, int tokenCapacity, int lanes) {
        this.columns = columns;
        if (waiting.length < columns + 1) {
            waiting = new double[columns + 1];
            steps = new double[columns + 1];
        } else {
            Arrays.fill(waiting, 0, columns + 1, 0);
            Arrays.fill(steps, 0, columns + 1, 0);
        }
        if (tokens.length < tokenCapacity) {
            tokens = new int[tokenCapacity];
        }
        if (running.length < lanes) {
            running = new int[lanes];
            runningStart = new long[lanes];
        }
        Arrays.fill(running, 0, lanes, -1);
        tokenCount = 0;
        waitingNow = 0;
        peak = 0;
        boolean live = now != TimelinePainter.NOT_LIVE;
        if (!live && index != null && index.timeline == timeline) {
            peak = index.fill(from, to, columns, waiting);
            return;
        }
        double columnsPerNano = columns / (double) (to - from);
        int terminal = 0;
        for (int t = 0, n = timeline.tasks(); t < n; t++) {
            TaskState state = timeline.state(t);
            if (state.isTerminal()) {
                terminal++;
            }
            long left;
            switch (state) {
                case NEW:
                    continue;
                case QUEUED:
                    waitingNow++;
                    if (tokenCount < tokenCapacity) {
                        tokens[tokenCount++] = t;
                    }
                    left = live ? now : to;
                    break;
                case RUNNING:
                case CANCELLED:
                    left = timeline.startNanos(t);
                    if (live) {
                        noteRunning(timeline, t, left, lanes);
                    }
                    break;
                default:
                    left = timeline.startNanos(t);
                    break;
            }
            long submitted = timeline.submitNanos(t);
            if (left > from && submitted < to && left > submitted) {
                cover(Math.max(submitted, from) - from, Math.min(left, to) - from, columnsPerNano);
            }
        }
        double level = 0;
        for (int c = 0; c < columns; c++) {
            level += steps[c];
            double mean = waiting[c] + level;
            waiting[c] = mean;
            peak = Math.max(peak, mean);
        }
        if (!live && terminal == timeline.tasks()) {
            if (finished == timeline && refused != timeline) {
                index = QueueIndex.of(timeline);
                refused = index == null ? timeline : null;
            }
            finished = timeline;
        }
    }

    /**
     * Fills the mean number of waiting tasks per column as a step area between physical rows
     * {@code top} and {@code bottom}, scaled to the peak (at least one task), outlined on top; runs of
     * equal height are one rectangle.
     */
    void paintArea(Graphics2D g, TimelineStyle style, int plotX, int top, int bottom, int headroom, int lineWidth) {
        double scale = Math.max(1, peak);
        int room = Math.max(1, bottom - top - headroom);
        int runStart = 0;
        int runH = heightOf(0, scale, room);
        int previousH = 0;
        for (int c = 1; c <= columns; c++) {
            int h = c < columns ? heightOf(c, scale, room) : -1;
            if (h != runH) {
                if (runH > 0) {
                    g.setColor(style.queueFill);
                    g.fillRect(plotX + runStart, bottom - runH, c - runStart, runH);
                    g.setColor(style.queueLine);
                    g.fillRect(plotX + runStart, bottom - runH, c - runStart, Math.min(lineWidth, runH));
                }
                if (runStart > 0 && (runH > 0 || previousH > 0)) {
                    g.setColor(style.queueLine); // the step between two runs
                    int hi = Math.max(runH, previousH);
                    int lo = Math.min(runH, previousH);
                    g.fillRect(plotX + runStart, bottom - hi, lineWidth, hi - lo + Math.min(lineWidth, hi));
                }
                previousH = runH;
                runStart = c;
                runH = h;
            }
        }
    }

    private int heightOf(int column, double scale, int room) {
        return (int) Math.round(Math.min(1, waiting[column] / scale) * room);
    }

    /**
     * A task that may be running now on its lane: RUNNING, or CANCELLED with a lane (cancelled while
     * it ran; its worker may still be on it). The latest start per lane wins; the painter then drops it
     * if the lane's log already holds it.
     */
    private void noteRunning(Timeline timeline, int t, long start, int lanes) {
        int lane = timeline.laneOf(t);
        if (lane < 0 || lane >= lanes) {
            return;
        }
        if (running[lane] < 0 || start > runningStart[lane]) {
            running[lane] = t;
            runningStart[lane] = start;
        }
    }

    private void cover(long a, long b, double columnsPerNano) {
        double xa = a * columnsPerNano;
        double xb = b * columnsPerNano;
        int ca = (int) xa;
        int cb = (int) xb;
        if (cb >= columns) {
            cb = columns - 1;
            xb = Math.min(xb, columns);
        }
        if (ca >= cb) {
            waiting[ca] += xb - xa;
        } else {
            waiting[ca] += ca + 1 - xa;
            steps[ca + 1] += 1;
            steps[cb] -= 1;
            waiting[cb] += xb - cb;
        }
    }
}
