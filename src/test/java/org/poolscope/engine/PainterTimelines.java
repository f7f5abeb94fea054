package org.poolscope.engine;

/**
 * Synthetic timelines for the painter's tests, built through the Timeline's package-private writers in
 * the order a pool calls them: finished ones with every outcome, and live ones caught mid-run. Bars
 * last a few milliseconds (busy-waited), so they are many pixels wide in a whole-run view.
 *
 * <p>Times come from {@link System#nanoTime()}: tests read them back from the Timeline, never assume
 * them. Single-threaded.
 */
public final class PainterTimelines {

    /** The outcomes run's tasks. */
    public static final int DONE_TASK = 0;
    public static final int FAILED_TASK = 2;
    public static final int STOLEN_TASK = 3;
    /** Cancelled with {@code cancel(false)} while it ran: its worker finished the unit anyway. */
    public static final int CANCELLED_RUNNING_TASK = 4;
    /** Cancelled while it still waited in the queue: it never ran. */
    public static final int CANCELLED_QUEUED_TASK = 5;
    /** The outcomes run's late lane: opened after the others, retired before the run ends. */
    public static final int LATE_LANE = 2;

    private PainterTimelines() {
    }

    /**
     * Two fixed-pool workers and a third that comes late and leaves early, 8 tasks submitted at once:
     * <pre>
     *   lane 0 fixed-0: task 0 done, task 2 FAILED, task 6 done
     *   lane 1 fixed-1: task 1 done, task 3 done (stolen from lane 0), task 4 cancelled while running
     *   lane 2 fixed-2: opened after 3 ms, task 7 done, retired
     *   queue         : task 5 cancelled while queued
     * </pre>
     */
    public static Timeline outcomes() {
        Timeline timeline = new Timeline(8, true);
        LaneLog a = timeline.openLane("poolscope-fixed-0");
        LaneLog b = timeline.openLane("poolscope-fixed-1");
        timeline.start();
        timeline.submittedAll(0, 8);
        run(timeline, 0, a, 2000, TaskState.DONE);
        run(timeline, 1, b, 2500, TaskState.DONE);
        LaneLog late = timeline.openLane("poolscope-fixed-2");
        run(timeline, 2, a, 2000, TaskState.FAILED);
        timeline.stolen(3, 0);
        run(timeline, 3, b, 1500, TaskState.DONE);
        start(timeline, 4, b);
        spin(1000);
        if (!timeline.tryCancelRunning(4)) {
            throw new AssertionError("task 4 should be running");
        }
        spin(1500);
        timeline.finish(4, b, TaskState.DONE, null);
        if (!timeline.tryCancelQueued(5)) {
            throw new AssertionError("task 5 should be queued");
        }
        run(timeline, 7, late, 1500, TaskState.DONE);
        late.retire();
        run(timeline, 6, a, 2000, TaskState.DONE);
        a.retire();
        b.retire();
        return timeline;
    }

    /**
     * A live run caught in the middle: 2 lanes, 12 tasks; tasks 0–3 done, 4 and 5 running (on lane 0
     * and 1), 6–11 waiting in the queue. {@link #nanosNow} gives its present.
     */
    public static Timeline live() {
        Timeline timeline = new Timeline(12, true);
        LaneLog a = timeline.openLane("poolscope-fixed-0");
        LaneLog b = timeline.openLane("poolscope-fixed-1");
        timeline.start();
        for (int t = 0; t < 12; t++) {
            timeline.submitted(t);
            spin(50);
        }
        run(timeline, 0, a, 1000, TaskState.DONE);
        run(timeline, 1, b, 1000, TaskState.DONE);
        run(timeline, 2, a, 1000, TaskState.DONE);
        run(timeline, 3, b, 1000, TaskState.DONE);
        start(timeline, 4, a);
        start(timeline, 5, b);
        spin(1500);
        return timeline;
    }

    /**
     * {@code tasks} back-to-back tasks of well under a microsecond each, round-robin over
     * {@code laneCount} fixed-pool lanes, every hundredth one failed: far more tasks than pixels.
     */
    public static Timeline tiny(int tasks, int laneCount) {
        Timeline timeline = new Timeline(tasks, true);
        LaneLog[] lanes = new LaneLog[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = timeline.openLane("poolscope-fixed-" + i);
        }
        timeline.start();
        timeline.submittedAll(0, tasks);
        for (int t = 0; t < tasks; t++) {
            LaneLog lane = lanes[t % laneCount];
            start(timeline, t, lane);
            timeline.finish(t, lane, t % 100 == 99 ? TaskState.FAILED : TaskState.DONE, null);
        }
        for (LaneLog lane : lanes) {
            lane.retire();
        }
        return timeline;
    }

    /** The timeline's present, in nanoseconds from its start, as a live view would ask for it. */
    public static long nanosNow(Timeline timeline) {
        return timeline.now();
    }

    private static void run(Timeline timeline, int task, LaneLog lane, long micros, TaskState outcome) {
        start(timeline, task, lane);
        spin(micros);
        timeline.finish(task, lane, outcome, outcome == TaskState.FAILED ? new IllegalStateException("boom") : null);
    }

    private static void start(Timeline timeline, int task, LaneLog lane) {
        if (!timeline.tryStart(task, lane)) {
            throw new AssertionError("task " + task + " could not start");
        }
    }

    private static void spin(long micros) {
        long until = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
