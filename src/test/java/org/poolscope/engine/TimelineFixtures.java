package org.poolscope.engine;

import java.util.LinkedHashMap;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;

/**
 * Synthetic finished runs for tests of the exporters and charts, built through the Timeline's own
 * package-private writers in the order a real pool calls them, with no pool and no workload plan
 * (the workloads of this branch cannot plan yet).
 *
 * <p>Times come from {@link System#nanoTime()}, so tests must compare structure and relations, or read
 * the times back from the Timeline, never hard-coded nanoseconds. Every fixture is single-threaded.
 */
public final class TimelineFixtures {

    /** The small run's lanes, as a fixed pool names its workers. */
    public static final String[] SMALL_LANES = {"pool-1-thread-1", "pool-1-thread-2", "pool-1-thread-3"};
    public static final int SMALL_TASKS = 8;
    /** The small run's failed task, and the message of its exception. */
    public static final int FAILED_TASK = 4;
    public static final String FAILURE_MESSAGE = "injected fault in unit 4";
    /** The small run's task cancelled while still queued (it never started, so it has no lane). */
    public static final int CANCELLED_TASK = 7;
    /** The small run's task that ran on lane 2 in a subtree stolen from lane 0. */
    public static final int STOLEN_TASK = 5;

    /** The process run's tasks, its task that threw in the worker, and its task whose worker died. */
    public static final int PROCESS_TASKS = 5;
    public static final int REMOTE_FAILED_TASK = 2;
    public static final int WORKER_DIED_TASK = 3;
    public static final String REMOTE_CLASS = "java.lang.ArithmeticException";
    /** The process run's lanes' pids (made up): lane 2 replaces lane 1, whose worker died. */
    public static final long[] PROCESS_PIDS = {4242, 4243, 4244};

    private TimelineFixtures() {
    }

    /**
     * A fixed pool of 3 on {@code io latency=20ms}, 8 tasks, recorded:
     * <pre>
     *   lane 0: task 0 done, task 3 done, task 6 done
     *   lane 1: task 1 done, task 4 FAILED (IllegalStateException)
     *   lane 2: task 2 done, task 5 done (stolen from lane 0); then the lane retires early
     *   queue : task 7 cancelled before it started
     * </pre>
     * 6 done, 1 failed, 1 cancelled; every task has a start after its submit and an end after its start.
     */
    public static RunResult smallRun() {
        RunSpec spec = new RunSpec(new IoWorkload(20), ExecutorKind.FIXED, 3, SMALL_TASKS, true);
        Timeline timeline = new Timeline(SMALL_TASKS, true);
        LaneLog[] lanes = new LaneLog[SMALL_LANES.length];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = timeline.openLane(SMALL_LANES[i]);
        }
        timeline.start();
        for (int t = 0; t < SMALL_TASKS; t++) {
            timeline.submitted(t);
            spin(5);
        }
        run(timeline, 0, lanes[0], TaskState.DONE, null);
        run(timeline, 1, lanes[1], TaskState.DONE, null);
        run(timeline, 2, lanes[2], TaskState.DONE, null);
        run(timeline, 3, lanes[0], TaskState.DONE, null);
        run(timeline, FAILED_TASK, lanes[1], TaskState.FAILED, new IllegalStateException(FAILURE_MESSAGE));
        timeline.stolen(STOLEN_TASK, 0);
        run(timeline, STOLEN_TASK, lanes[2], TaskState.DONE, null);
        lanes[2].retire();
        run(timeline, 6, lanes[0], TaskState.DONE, null);
        if (!timeline.tryCancelQueued(CANCELLED_TASK)) {
            throw new AssertionError("task 7 should still be queued");
        }
        long wall = timeline.now();
        lanes[0].retire();
        lanes[1].retire();
        var details = new LinkedHashMap<String, Long>();
        details.put("missing", 2L);
        Verification verification = new Verification(false, "2 of 8 units did not complete: result partial", details);
        return new RunResult(spec, wall, timeline, Result.of("completed", 6L, "latencyMillis", 120L), verification,
                6, 1, 1, RunStats.of(timeline, 3, wall), timeline.originNanoTime(), false, null);
    }

    /** The small run's shape with recording off: states, lanes and the error only, no times, no lane logs. */
    public static RunResult unrecordedRun() {
        RunSpec spec = new RunSpec(new IoWorkload(20), ExecutorKind.VIRTUAL, 2, 3, false);
        Timeline timeline = new Timeline(3, false);
        LaneLog a = timeline.openLane("permit-0");
        LaneLog b = timeline.openLane("permit-1");
        timeline.start();
        timeline.submittedAll(0, 3);
        run(timeline, 0, a, TaskState.DONE, null);
        run(timeline, 1, b, TaskState.FAILED, new java.io.UncheckedIOException(new java.io.IOException("disk gone")));
        run(timeline, 2, a, TaskState.DONE, null);
        long wall = timeline.now();
        a.retire();
        b.retire();
        return new RunResult(spec, wall, timeline, Result.of("completed", 2L),
                Verification.failed("1 unit failed"), 2, 1, 0, RunStats.of(timeline, 2, wall),
                timeline.originNanoTime(), false, null);
    }

    /**
     * A recorded work-stealing run of {@code tasks} tasks (up to a million) round-robin over
     * {@code laneCount} lanes, every task done and every tenth one stolen from the next lane: the
     * volume test for streaming writers. Takes about 100 ms for a million tasks.
     */
    public static RunResult bigRun(int tasks, int laneCount) {
        RunSpec spec = new RunSpec(new ContentionWorkload(ContentionWorkload.LockKind.LONG_ADDER, 1000),
                ExecutorKind.WORK_STEALING, laneCount, tasks, true);
        Timeline timeline = new Timeline(tasks, true);
        LaneLog[] lanes = new LaneLog[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = timeline.openLane("ForkJoinPool-1-worker-" + (i + 1));
        }
        timeline.start();
        timeline.submittedAll(0, tasks);
        for (int t = 0; t < tasks; t++) {
            int lane = t % laneCount;
            if (t % 10 == 9) {
                timeline.stolen(t, (lane + 1) % laneCount);
            }
            if (!timeline.tryStart(t, lanes[lane])) {
                throw new AssertionError("task " + t + " could not start");
            }
            timeline.finish(t, lanes[lane], TaskState.DONE, null);
        }
        long wall = timeline.now();
        for (LaneLog lane : lanes) {
            lane.retire();
        }
        return new RunResult(spec, wall, timeline, Result.of("count", (long) tasks * 1000),
                Verification.ok("count equals tasks × increments"), tasks, 0, 0,
                RunStats.of(timeline, laneCount, wall), timeline.originNanoTime(), false, null);
    }

    /**
     * A process pool of 2 on {@code io latency=20ms}, 5 tasks, start-up inside the clock:
     * <pre>
     *   lane 0 (pid 4242): start-up, task 0 done, task 2 FAILED in the worker (ArithmeticException)
     *   lane 1 (pid 4243): start-up, task 1 done, task 3 FAILED: the worker died (no compute times); retires
     *   lane 2 (pid 4244): the replacement: start-up, task 4 done
     * </pre>
     * Every task that a worker answered has send, compute and receive segments of visible length.
     */
    public static RunResult processRun() {
        RunSpec spec = new RunSpec(new IoWorkload(20), ExecutorKind.PROCESS, 2, PROCESS_TASKS, true);
        Timeline timeline = new Timeline(PROCESS_TASKS, true);
        timeline.start();
        timeline.enableSegments();
        LaneLog a = processLane(timeline, 0);
        LaneLog b = processLane(timeline, 1);
        timeline.submittedAll(0, PROCESS_TASKS);
        remote(timeline, 0, a, TaskState.DONE, null);
        remote(timeline, 1, b, TaskState.DONE, null);
        var thrown = new org.poolscope.engine.process.RemoteException(REMOTE_CLASS, "/ by zero",
                new StackTraceElement[] {new StackTraceElement("org.poolscope.workload.Kernel", "compute", "Kernel.java", 42)});
        remote(timeline, REMOTE_FAILED_TASK, a, TaskState.FAILED, thrown);
        if (!timeline.tryStart(WORKER_DIED_TASK, b)) {
            throw new AssertionError("task 3 could not start");
        }
        spin(20);
        timeline.finish(WORKER_DIED_TASK, b, TaskState.FAILED, new IllegalStateException("worker process exited (code 137)"));
        b.retire();
        LaneLog c = processLane(timeline, 2);
        remote(timeline, 4, c, TaskState.DONE, null);
        long wall = timeline.now();
        a.retire();
        c.retire();
        return new RunResult(spec, wall, timeline, Result.of("units", 3L),
                Verification.failed("partial: 2 of 5 units missing"), 3, 2, 0, RunStats.of(timeline, 2, wall),
                timeline.originNanoTime(), false, null);
    }

    private static LaneLog processLane(Timeline timeline, int index) {
        LaneLog lane = timeline.openLane("poolscope-process-" + index);
        lane.process(PROCESS_PIDS[index]);
        spin(30);
        lane.ready(System.nanoTime(), 0);
        return lane;
    }

    /** A task sent to a worker: send, compute, receive, each a little while. */
    private static void remote(Timeline timeline, int task, LaneLog lane, TaskState outcome, Throwable error) {
        if (!timeline.tryStart(task, lane)) {
            throw new AssertionError("task " + task + " could not start");
        }
        spin(5);
        long computeStart = System.nanoTime();
        spin(20);
        long computeEnd = System.nanoTime();
        spin(5);
        timeline.computed(task, computeStart, computeEnd);
        timeline.finish(task, lane, outcome, error);
    }

    /** Starts a queued task on {@code lane}, lets a little time pass, and ends it. */
    private static void run(Timeline timeline, int task, LaneLog lane, TaskState outcome, Throwable error) {
        if (!timeline.tryStart(task, lane)) {
            throw new AssertionError("task " + task + " could not start");
        }
        spin(20);
        timeline.finish(task, lane, outcome, error);
    }

    /** Busy-waits so consecutive times differ visibly (sleeping would cost milliseconds). */
    private static void spin(long micros) {
        long until = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
