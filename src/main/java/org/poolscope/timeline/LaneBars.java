package org.poolscope.timeline;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * Draws one worker lane's bars with a level of detail that follows pixels, not tasks.
 *
 * <h2>How</h2>
 * A lane log is in finish order and a lane runs one task at a time, so both its end and start times
 * rise along the log: a binary search on the end time finds the first task in the window, and the
 * walk stops at the first task that starts after it. Each task then goes one of two ways:
 * <ul>
 *   <li>at least {@link #EXACT_MIN} physical pixels wide: kept as an exact bar, drawn at the end
 *       with a one-pixel gap after it and the lane's alternate shade on every other task;</li>
 *   <li>thinner: its busy nanoseconds are added to the pixel columns it covers, per outcome. Each
 *       column then gets its dominant outcome, faded into the lane as far as it was idle (one of
 *       {@link TimelineStyle#LEVELS} steps, all opaque), written into the image's pixels.</li>
 * </ul>
 * A lane with more tasks in view than columns is not walked: its columns come from the differences
 * of its {@link LaneSums} at their edges, and only the tasks spanning an edge are looked at (the wide
 * ones kept exact, as above). Both ways sum whole nanoseconds over the same column edges, so they
 * paint the same pixels; a frame costs what its columns cost, however many tasks they cover.
 * Dense columns that hide a failure, or work stolen from another worker, get a thin strip at the
 * bottom (failure) or top (stolen) of the bar.
 *
 * <h2>Segments</h2>
 * An exact bar is filled by {@link #fillExact}; when the Timeline records per-task segments
 * (send, compute, receive of a worker process), shading them is one method called from there.
 *
 * <h2>Threads</h2>
 * One instance per painter, used by its painting thread only; scratch arrays are reused between
 * frames and grow with the plot's width.
 */
final class LaneBars {

    /** Bars at least this many physical pixels wide are drawn exactly; thinner ones as density. */
    static final double EXACT_MIN = 3.0;

    /**
     * Lanes with more logged tasks than this per plot column are drawn from their {@link LaneSums}
     * when as many are in view; others are walked task by task.
     */
    static final int DENSE_TASKS_PER_COLUMN = 1;
    /** {@link #DENSE_TASKS_PER_COLUMN}, or another threshold a test compares the two paths with. */
    int denseTasksPerColumn = DENSE_TASKS_PER_COLUMN;
    // The dense path's last edge: busy time before it (all, failed, cancelled), and whether a task spans it.
    private long edgeAll;
    private long edgeFailed;
    private long edgeCancelled;
    private boolean edgeSpans;
    /** Per lane position: the prefix sums of its log, for the timeline {@link #summed} (the one being painted). */
    private LaneSums[] sums = new LaneSums[0];
    private Timeline summed;
    /** The lane's pixel columns: density and strips. */
    private final DensityColumns columns = new DensityColumns();

    // Exact bars waiting to be drawn over the density columns.
    private int[] exactX0 = new int[64];
    private int[] exactX1 = new int[64];
    private int[] exactCancelX = new int[64];
    private int[] exactKind = new int[64];
    private int[] exactTask = new int[64];
    private int exactCount;

    /** The lane's background shade (even or odd lane), which density fades into. */
    private int shade;

    // The frame's mapping, set by begin().
    private long from;
    /** The timeline being painted when its tasks ran in worker processes (send, compute, receive), else null. */
    private Timeline segments;

    /** Whether this frame painted a worker-process run, for the legend. */
    boolean sawSegments() {
        return segments != null;
    }
    private long to;
    private int plotX;
    private int plotW;
    private double pixelsPerNano;

    // Wide exact bars of this frame, to be labelled with their task id (all lanes).
    private int[] labelTask = new int[64];
    private int[] labelX0 = new int[64];
    private int[] labelX1 = new int[64];
    private int[] labelY0 = new int[64];
    private int[] labelY1 = new int[64];
    private byte[] labelOutcome = new byte[64];
    private int labelCount;
    private int minLabelWidth;
    private int maxMarkHeight = 1;

    // The last painted lane: tasks that overlap the window, and their busy time in it.
    int tasksInView;
    long busyNanos;

    // What this frame drew, for the legend.
    boolean sawStolen;
    boolean sawCancelledWhileRunning;
    boolean sawRunning;

    /** Where the next frames paint (see {@link DensityColumns#target}). */
    void target(BufferedImage target) {
        columns.target(target);
    }

    /** Starts a frame: the time window and the plot's physical columns {@code [plotX, plotX + plotW)}. */
    void begin(long fromNanos, long toNanos, int plotX, int plotW, int minLabelWidth, int maxMarkHeight) {
        this.minLabelWidth = minLabelWidth;
        this.maxMarkHeight = Math.max(1, maxMarkHeight);
        this.labelCount = 0;
        this.from = fromNanos;
        this.to = toNanos;
        this.plotX = plotX;
        this.plotW = plotW;
        this.pixelsPerNano = plotW / (double) (toNanos - fromNanos);
        columns.begin(fromNanos, toNanos, plotX, plotW);
        sawStolen = false;
        sawCancelledWhileRunning = false;
        sawRunning = false;
    }

    /**
     * Draws lane {@code log}'s bars between physical rows {@code y0} and {@code y1}.
     *
     * @param logged  the log size to draw up to (read once by the caller)
     * @param running the task running on this lane now and not yet logged, or -1
     * @param now     the live run's present (the end of a running bar), or {@link TimelinePainter#NOT_LIVE}
     */
    void paint(Graphics2D g, Timeline timeline, int lanePosition, LaneLog log, int logged, int running, long now,
            int y0, int y1, TimelineStyle style, Paint hatch) {
        segments = timeline.recording() && timeline.hasSegments() ? timeline : null;
        shade = log.index() & 1;
        columns.clear();
        exactCount = 0;
        tasksInView = 0;
        busyNanos = 0;
        if (logged > (long) plotW * denseTasksPerColumn) {
            LaneSums lane = sums(lanePosition);
            lane.update(timeline, log, logged);
            int first = lane.firstEndingAfter(from, 0, logged);
            int last = lane.firstEndingAfter(to, first, logged);
            if (last - first > (long) plotW * denseTasksPerColumn) {
                paintDenseLog(timeline, log, lane, first, logged);
            } else {
                walk(timeline, log, first, logged);
            }
        } else {
            walk(timeline, log, firstEndingAfter(timeline, log, logged, from), logged);
        }
        if (running >= 0 && now != TimelinePainter.NOT_LIVE) {
            long cancelledAt = timeline.state(running) == TaskState.CANCELLED
                    ? timeline.cancelledWhileRunningNanos(running) : -1;
            int outcome = cancelledAt >= 0 ? TimelineStyle.CANCELLED : TimelineStyle.RUNNING;
            boolean stolen = timeline.stolenFrom(running) >= 0;
            add(running, timeline.startNanos(running), now, outcome, logged & 1, stolen, cancelledAt);
            sawRunning |= cancelledAt < 0;
        }
        columns.paint(g, y0, y1, markHeight(y1 - y0), style, shade);
        paintExact(g, y0, y1, style, hatch);
    }

    /**
     * Starts painting {@code timeline}: the sums kept for another one are dropped, so a painter that
     * lives as long as the window holds no run but the one it shows.
     */
    void timeline(Timeline timeline) {
        if (timeline != summed) {
            summed = timeline;
            sums = new LaneSums[0];
        }
    }

    /** The prefix sums kept for lane {@code position} of the timeline being painted. */
    private LaneSums sums(int position) {
        if (position >= sums.length) {
            sums = Arrays.copyOf(sums, Math.max(position + 1, sums.length * 2));
        }
        if (sums[position] == null) {
            sums[position] = new LaneSums();
        }
        return sums[position];
    }

    /** Adds each logged task from position {@code first} that overlaps the window: O(tasks in view). */
    private void walk(Timeline timeline, LaneLog log, int first, int logged) {
        for (int i = first; i < logged; i++) {
            int t = log.get(i);
            long start = timeline.startNanos(t);
            if (start >= to) {
                break;
            }
            TaskState state = timeline.state(t);
            int outcome = outcomeOf(state);
            long cancelledAt = state == TaskState.CANCELLED ? timeline.cancelledWhileRunningNanos(t) : -1;
            add(t, start, timeline.endNanos(t), outcome, i & 1, timeline.stolenFrom(t) >= 0, cancelledAt);
        }
    }

    /**
     * The same columns as {@link #walk}, from the lane's prefix sums: per column, the busy time of each
     * outcome is the difference of the sums at its two edges, so the cost is O(columns), whatever the
     * number of tasks. A task spanning an edge at least {@link #EXACT_MIN} pixels wide is kept as an
     * exact bar and taken out of the density, as the walk does.
     */
    private void paintDenseLog(Timeline timeline, LaneLog log, LaneSums lane, int first, int logged) {
        int k = first;
        edge(lane, from, k, logged);
        long startAll = edgeAll;
        long allBefore = edgeAll;
        long failedBefore = edgeFailed;
        long cancelledBefore = edgeCancelled;
        int lastWide = -1;
        for (int c = 0; c < plotW; c++) {
            long right = columns.columnLeft(c + 1);
            int k1 = lane.firstEndingAfter(right, k, logged);
            edge(lane, right, k1, logged);
            // A task spanning the column's right edge at least EXACT_MIN pixels wide is drawn exactly:
            // like the walk, it then leaves no marks and no density (taken out in keepWide).
            boolean rightWide = edgeSpans
                    && (Math.min(lane.end(k1), to) - Math.max(lane.start(k1), from)) * pixelsPerNano >= EXACT_MIN;
            long all = edgeAll - allBefore;
            long failedHere = edgeFailed - failedBefore;
            long cancelledHere = edgeCancelled - cancelledBefore;
            if (all > 0) {
                // Tasks overlapping the column: k (unless it is a wide one kept at an earlier edge),
                // those ending in it, and the one spanning its right edge (unless wide). Only k and
                // that one can be wide: the others start and end within the column.
                int stolenFrom = k == lastWide ? k + 1 : k;
                int stolenTo = edgeSpans && !rightWide ? k1 + 1 : k1;
                boolean stolen = lane.anyStolen(stolenFrom, stolenTo);
                sawStolen |= stolen;
                columns.add(c, all - failedHere - cancelledHere, failedHere, cancelledHere, stolen);
            }
            if (rightWide && k1 != lastWide) {
                lastWide = k1;
                keepWide(timeline, log.get(k1), k1 & 1);
            }
            allBefore = edgeAll;
            failedBefore = edgeFailed;
            cancelledBefore = edgeCancelled;
            k = k1;
        }
        busyNanos = edgeAll - startAll;
        tasksInView = k - first + (edgeSpans ? 1 : 0);
    }

    /**
     * The busy time of the lane before instant {@code t}, all outcomes and failed and cancelled ones,
     * into the {@code edge} fields; {@code k} is the first logged task ending after {@code t}.
     */
    private void edge(LaneSums lane, long t, int k, int logged) {
        edgeAll = lane.busy(k);
        edgeFailed = lane.failed(k);
        edgeCancelled = lane.cancelled(k);
        edgeSpans = false;
        if (k >= logged) {
            return;
        }
        long start = lane.start(k);
        if (start < t) {
            long part = t - start;
            edgeSpans = true;
            edgeAll += part;
            if (lane.failedAt(k)) {
                edgeFailed += part;
            } else if (lane.cancelledAt(k)) {
                edgeCancelled += part;
            }
        }
    }

    /**
     * A wide task met on a column edge by the dense path: kept as an exact bar, and its time taken
     * out of the density over the same column edges the dense path added it over, so no sliver of it
     * is left to shade a column or raise a failure strip.
     */
    private void keepWide(Timeline timeline, int task, int parity) {
        long start = timeline.startNanos(task);
        long end = timeline.endNanos(task);
        TaskState state = timeline.state(task);
        int outcome = outcomeOf(state);
        columns.spread(outcome, Math.max(start, from), Math.min(end, to), -1, false);
        add(task, start, end, outcome, parity, timeline.stolenFrom(task) >= 0,
                state == TaskState.CANCELLED ? timeline.cancelledWhileRunningNanos(task) : -1);
    }

    /**
     * Writes the task id on each wide bar this frame kept, centred on the part in view, where it fits.
     * {@code g} is in logical pixels (scaled by {@code scale}); the bars' positions are physical.
     */
    void paintLabels(Graphics2D g, TimelineStyle style, double scale) {
        if (labelCount == 0) {
            return;
        }
        g.setFont(style.smallFont);
        FontMetrics fm = g.getFontMetrics();
        double inner = fm.getAscent() - fm.getDescent();
        for (int i = 0; i < labelCount; i++) {
            double x0 = labelX0[i] / scale;
            double x1 = labelX1[i] / scale;
            double y0 = labelY0[i] / scale;
            double y1 = labelY1[i] / scale;
            if (y1 - y0 < fm.getAscent() + 2) {
                continue;
            }
            String label = Integer.toString(labelTask[i]);
            int w = fm.stringWidth(label);
            if (w + style.padding > x1 - x0) {
                continue;
            }
            g.setColor(style.onBar[labelOutcome[i]]);
            g.drawString(label, (float) ((x0 + x1 - w) / 2), (float) ((y0 + y1 + inner) / 2));
        }
    }

    /** The first position in {@code log} below {@code logged} whose task ends after {@code nanos}. */
    static int firstEndingAfter(Timeline timeline, LaneLog log, int logged, long nanos) {
        int lo = 0;
        int hi = logged;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeline.endNanos(log.get(mid)) > nanos) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static int outcomeOf(TaskState state) {
        return switch (state) {
            case FAILED -> TimelineStyle.FAILED;
            case CANCELLED -> TimelineStyle.CANCELLED;
            case DONE -> TimelineStyle.DONE;
            default -> TimelineStyle.RUNNING;
        };
    }

    private void add(int task, long start, long end, int outcome, int parity, boolean stolen, long cancelledAt) {
        if (end <= from || start >= to) {
            return;
        }
        tasksInView++; // a task of no length counts, as on the dense path, but draws nothing
        if (end <= start) {
            return;
        }
        busyNanos += Math.min(end, to) - Math.max(start, from);
        double x0 = (Math.max(start, from) - from) * pixelsPerNano;
        double x1 = (Math.min(end, to) - from) * pixelsPerNano;
        sawStolen |= stolen;
        if (x1 - x0 >= EXACT_MIN) {
            int cancelX = -1;
            if (cancelledAt >= 0) {
                sawCancelledWhileRunning = true;
                cancelX = plotX + (int) Math.round(Math.max(0, Math.min(plotW, (cancelledAt - from) * pixelsPerNano)));
            }
            keepExact(task, plotX + (int) Math.round(x0), plotX + (int) Math.round(x1), cancelX,
                    outcome | parity << 3 | (stolen ? 1 << 4 : 0));
            return;
        }
        columns.spread(outcome, Math.max(start, from), Math.min(end, to), 1, stolen);
    }

    private void keepExact(int task, int x0, int x1, int cancelX, int kind) {
        if (exactCount == exactX0.length) {
            int n = exactCount * 2;
            exactTask = Arrays.copyOf(exactTask, n);
            exactX0 = Arrays.copyOf(exactX0, n);
            exactX1 = Arrays.copyOf(exactX1, n);
            exactCancelX = Arrays.copyOf(exactCancelX, n);
            exactKind = Arrays.copyOf(exactKind, n);
        }
        exactTask[exactCount] = task;
        exactX0[exactCount] = x0;
        exactX1[exactCount] = x1;
        exactCancelX[exactCount] = cancelX;
        exactKind[exactCount] = kind;
        exactCount++;
    }

    private void paintExact(Graphics2D g, int y0, int y1, TimelineStyle style, Paint hatch) {
        int h = y1 - y0;
        int markH = markHeight(h);
        for (int i = 0; i < exactCount; i++) {
            int x0 = exactX0[i];
            int x1 = exactX1[i];
            if (x1 - x0 >= 4) {
                x1--; // a gap after each bar: neighbours without idle time between them stay apart
            }
            int kind = exactKind[i];
            int outcome = kind & 7;
            fillExact(g, x0, x1, y0, h, (kind >> 3 & 1) == 0 ? style.outcome[outcome] : style.outcomeAlt[outcome]);
            if (segments != null) {
                shadeTransfer(g, exactTask[i], x0, x1, y0, h, style);
            }
            int cancelX = exactCancelX[i];
            if (cancelX >= 0 && cancelX < x1) {
                g.setPaint(hatch);
                g.fillRect(Math.max(x0, cancelX), y0, x1 - Math.max(x0, cancelX), h);
            }
            if ((kind >> 4 & 1) != 0) {
                g.setColor(style.stolenMark[outcome]);
                g.fillRect(x0, y0, x1 - x0, markH);
            }
            if (x1 - x0 >= minLabelWidth) {
                keepLabel(exactTask[i], x0, x1, y0, y1, cancelX >= 0 ? TimelineStyle.CANCELLED : outcome);
            }
        }
    }

    private void keepLabel(int task, int x0, int x1, int y0, int y1, int outcome) {
        if (labelCount == labelTask.length) {
            int n = labelCount * 2;
            labelTask = Arrays.copyOf(labelTask, n);
            labelX0 = Arrays.copyOf(labelX0, n);
            labelX1 = Arrays.copyOf(labelX1, n);
            labelY0 = Arrays.copyOf(labelY0, n);
            labelY1 = Arrays.copyOf(labelY1, n);
            labelOutcome = Arrays.copyOf(labelOutcome, n);
        }
        labelTask[labelCount] = task;
        labelX0[labelCount] = x0;
        labelX1[labelCount] = x1;
        labelY0[labelCount] = y0;
        labelY1[labelCount] = y1;
        labelOutcome[labelCount] = (byte) outcome;
        labelCount++;
    }

    /** One exact bar. Per-task segments (a worker process's send, compute, receive) would be shaded here. */
    /**
     * A worker process's task: the parts of its bar spent sending the unit through the pipe (before
     * its kernel started in the worker) and receiving the result (after it ended) in the transfer
     * shade, so the compute part stands out: what the course's pickling costs, seen.
     */
    private void shadeTransfer(Graphics2D g, int task, int x0, int x1, int y, int h, TimelineStyle style) {
        long computeStart = segments.computeStartNanos(task);
        long computeEnd = segments.computeEndNanos(task);
        if (computeStart <= 0 || computeEnd < computeStart) {
            return; // no segments for this task (it failed before its worker answered)
        }
        int xs = Math.min(x1, Math.max(x0, plotX + (int) Math.round((computeStart - from) * pixelsPerNano)));
        int xe = Math.min(x1, Math.max(xs, plotX + (int) Math.round((computeEnd - from) * pixelsPerNano)));
        g.setColor(style.transfer);
        if (xs > x0) {
            g.fillRect(x0, y, xs - x0, h);
        }
        if (x1 > xe) {
            g.fillRect(xe, y, x1 - xe, h);
        }
    }

    private static void fillExact(Graphics2D g, int x0, int x1, int y, int h, Color color) {
        g.setColor(color);
        g.fillRect(x0, y, x1 - x0, h);
    }

    /** Marks take a seventh of a bar, at most a third and at most a few logical pixels. */
    private int markHeight(int barHeight) {
        return Math.max(1, Math.min(maxMarkHeight, Math.min(barHeight / 3, (int) Math.round(barHeight * 0.14))));
    }
}
