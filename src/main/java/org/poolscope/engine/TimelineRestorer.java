package org.poolscope.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;

/**
 * Rebuilds a finished {@link Timeline} from recorded values (a run saved as JSON and opened again),
 * without running anything: its public readers then return exactly what was recorded.
 *
 * <h2>Lifecycle</h2>
 * Construct with the task count → {@link #lane} for each lane in creation order → {@link #task} for
 * every task, with {@link #stolenFrom}, {@link #cancelledWhileRunning}, {@link #compute} and
 * {@link #error} where recorded → {@link #finish()} once, which checks that every task was given,
 * fills each lane's log with the tasks it ended, in end order, and returns the timeline.
 *
 * <h2>Threads</h2>
 * One thread builds; the timeline returned may be handed to others by any safe publication, and is
 * never written again.
 *
 * <h2>Clock</h2>
 * Every time is in nanoseconds from the run's start, as the timeline's readers return them. The
 * restored timeline's own origin is the {@link System#nanoTime()} of its construction; its
 * {@link Timeline#elapsedNanos()} means nothing for a run that is over.
 */
public final class TimelineRestorer {

    private static final int ID_BITS = 20;

    private final Timeline timeline;
    private final BitSet given;
    private boolean finished;

    /**
     * @param tasks     the run's task count, 0..{@value org.poolscope.workload.Workload#MAX_TASKS}
     * @param recording whether the run recorded times and lane logs; without, only states, lanes and errors
     */
    public TimelineRestorer(int tasks, boolean recording) {
        if (tasks < 0 || tasks > org.poolscope.workload.Workload.MAX_TASKS) {
            throw new IllegalArgumentException("tasks must be 0.." + org.poolscope.workload.Workload.MAX_TASKS
                    + " (was " + tasks + ")");
        }
        this.timeline = new Timeline(tasks, recording);
        this.given = new BitSet(tasks);
    }

    public int tasks() {
        return timeline.tasks();
    }

    public int laneCount() {
        return timeline.laneCount();
    }

    /**
     * Opens the next lane (its index is the number opened before).
     *
     * @param retiredNanos     when its worker left, or -1 if it never did
     * @param pid              its worker process's id, or -1 for a lane of threads
     * @param readyNanos       when its worker process answered (ignored without a pid)
     * @param clockOffsetNanos its worker's clock minus ours (ignored without a pid)
     * @return the lane's index
     */
    public int lane(String name, long createdNanos, long retiredNanos, long pid, long readyNanos,
            long clockOffsetNanos) {
        checkOpen();
        if (name == null) {
            throw new IllegalArgumentException("a lane needs a name");
        }
        LaneLog log = timeline.restoreLane(name, createdNanos);
        long origin = timeline.originNanoTime();
        if (pid >= 0) {
            log.process(pid);
            log.ready(origin + readyNanos, clockOffsetNanos);
        }
        if (retiredNanos >= 0) {
            log.retiredAt(origin + retiredNanos);
        }
        return log.index();
    }

    /**
     * Sets task {@code t}. Times a state does not imply are not read by the timeline's readers and
     * may be anything (0 by convention); they are ignored altogether without recording.
     *
     * @param lane the lane that ran it, or -1 if it never started
     * @throws IllegalArgumentException for an id out of range or given twice, an unknown lane, or a
     *         state that cannot go with the lane (a running or finished task that never started)
     */
    public void task(int t, TaskState state, int lane, long submitNanos, long startNanos, long endNanos) {
        checkOpen();
        checkId(t);
        if (given.get(t)) {
            throw new IllegalArgumentException("task " + t + " is given twice");
        }
        if (state == null) {
            throw new IllegalArgumentException("task " + t + " needs a state");
        }
        if (lane < -1 || lane >= timeline.laneCount()) {
            throw new IllegalArgumentException("task " + t + " ran on lane " + lane + ", but the run has "
                    + timeline.laneCount() + " lanes");
        }
        boolean ran = state == TaskState.RUNNING || state == TaskState.DONE || state == TaskState.FAILED;
        if (ran && lane < 0 && timeline.recording()) {
            throw new IllegalArgumentException("task " + t + " is " + state + " but has no lane");
        }
        if ((state == TaskState.NEW || state == TaskState.QUEUED) && lane >= 0) {
            throw new IllegalArgumentException("task " + t + " is " + state + " but has lane " + lane);
        }
        given.set(t);
        timeline.restoreTask(t, state, lane, submitNanos, startNanos, endNanos);
    }

    /** Task {@code t} ran in a work-stealing subtree stolen from lane {@code fromLane}. */
    public void stolenFrom(int t, int fromLane) {
        checkOpen();
        checkId(t);
        if (fromLane < 0 || fromLane >= timeline.laneCount()) {
            throw new IllegalArgumentException("task " + t + " was stolen from lane " + fromLane + ", but the run has "
                    + timeline.laneCount() + " lanes");
        }
        timeline.stolen(t, fromLane);
    }

    /** Task {@code t} was cancelled while it ran, {@code nanos} from the run's start. */
    public void cancelledWhileRunning(int t, long nanos) {
        checkOpen();
        checkId(t);
        timeline.restoreCancelledWhileRunning(t, nanos);
    }

    /** Task {@code t}'s kernel ran in a worker process from {@code startNanos} to {@code endNanos}. Needs recording. */
    public void compute(int t, long startNanos, long endNanos) {
        checkOpen();
        checkId(t);
        if (!timeline.recording()) {
            throw new IllegalArgumentException("compute times need a recorded run");
        }
        timeline.enableSegments();
        timeline.restoreCompute(t, startNanos, endNanos);
    }

    /** Task {@code t} failed with {@code error} (typically a {@link RecordedException}). */
    public void error(int t, Throwable error) {
        checkOpen();
        checkId(t);
        if (error == null) {
            throw new IllegalArgumentException("task " + t + " needs an exception");
        }
        timeline.restoreError(t, error);
    }

    /**
     * Checks that every task was given, fills each lane's log with the finished tasks it ran in the
     * order they ended (ties by id), and returns the timeline. Call once.
     *
     * @throws IllegalArgumentException naming the first task not given
     */
    public Timeline finish() {
        checkOpen();
        int missing = given.nextClearBit(0);
        if (missing < timeline.tasks()) {
            throw new IllegalArgumentException("task " + missing + " has no record");
        }
        finished = true;
        if (timeline.recording()) {
            fillLaneLogs();
        }
        return timeline;
    }

    private void fillLaneLogs() {
        int lanes = timeline.laneCount();
        int tasks = timeline.tasks();
        // Counting sort by lane, then each lane sorted by end time: a lane's worker ends its tasks in
        // the order it appended them to its log.
        int[] first = new int[lanes + 1];
        boolean keysFit = true;
        for (int t = 0; t < tasks; t++) {
            int lane = timeline.laneOf(t);
            if (lane >= 0 && timeline.state(t).isTerminal()) {
                first[lane + 1]++;
                long end = timeline.endNanos(t);
                keysFit &= end >= 0 && end < 1L << (63 - ID_BITS);
            }
        }
        for (int l = 0; l < lanes; l++) {
            first[l + 1] += first[l];
        }
        long[] keys = new long[first[lanes]];
        int[] next = Arrays.copyOf(first, lanes);
        for (int t = 0; t < tasks; t++) {
            int lane = timeline.laneOf(t);
            if (lane >= 0 && timeline.state(t).isTerminal()) {
                keys[next[lane]++] = keysFit ? timeline.endNanos(t) << ID_BITS | t : t;
            }
        }
        for (int l = 0; l < lanes; l++) {
            LaneLog log = timeline.lane(l);
            if (keysFit) {
                Arrays.sort(keys, first[l], first[l + 1]);
                for (int i = first[l]; i < first[l + 1]; i++) {
                    log.append((int) (keys[i] & ((1 << ID_BITS) - 1)));
                }
            } else {
                IntStream.range(first[l], first[l + 1]).map(i -> (int) keys[i]).boxed()
                        .sorted(Comparator.comparingLong(timeline::endNanos).thenComparingInt(Integer::intValue))
                        .forEach(log::append);
            }
        }
    }

    /**
     * A result around a restored timeline, as {@link Run#execute()} would have returned it. The job is
     * the workload planned again and wrapped in a {@link RestoredJob} (unit descriptions work, nothing
     * runs); null when the workload cannot plan that many tasks. Planning a filter generates its signal.
     *
     * @param timeline a timeline from {@link #finish()} whose task count is {@code spec.tasks()}
     */
    public static RunResult runResult(RunSpec spec, long wallNanos, Timeline timeline, Result result,
            Verification verification, int done, int failed, int cancelled, RunStats stats, boolean interrupted) {
        if (timeline.tasks() != spec.tasks()) {
            throw new IllegalArgumentException("the timeline has " + timeline.tasks() + " tasks, the spec "
                    + spec.tasks());
        }
        RestoredJob job;
        try {
            job = new RestoredJob(spec.workload().plan(spec.tasks()));
        } catch (IllegalArgumentException e) {
            job = null;
        }
        return new RunResult(spec, wallNanos, timeline, result, verification, done, failed, cancelled, stats,
                timeline.originNanoTime(), interrupted, job);
    }

    private void checkId(int t) {
        if (t < 0 || t >= timeline.tasks()) {
            throw new IllegalArgumentException("task " + t + " is not in 0.." + (timeline.tasks() - 1));
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the timeline is finished");
        }
    }
}
