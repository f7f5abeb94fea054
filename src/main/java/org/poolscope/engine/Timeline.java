package org.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-task record of one run: when each task was submitted, started and ended, on which lane,
 * and how it ended; plus one {@link LaneLog} per lane with the tasks it finished, in order.
 *
 * <h2>Layout</h2>
 * Task slots are primitive arrays indexed by task id: three {@code long} times, an {@code int}
 * state and an {@code int} lane, 32 bytes a task, plus 4 bytes in a lane log. A million tasks take
 * about 36 MB. Runs on worker processes add two {@code long}s a task, when the worker's kernel
 * started and ended ({@link #computeStartNanos}), so a bar splits into send, compute and receive:
 * 52 bytes a task. Exceptions are kept in a sparse map; results live in the workload's own arrays.
 * With recording off ({@code --no-record}) the times and lane logs are not allocated or written:
 * only the state word and lane remain, which the run needs to know what completed.
 *
 * <h2>Publication</h2>
 * One state word per task changes by compare-and-set when a task leaves {@link TaskState#QUEUED}
 * (a worker starting it, or a canceller removing it). The winner moves it to a private transient
 * state, writes the times, then publishes the public state with a release store. Readers load the
 * state with acquire ({@link #state}) and may then read the times that state implies. No locks on
 * this path.
 *
 * <h2>Threads</h2>
 * Package-private writers are called by the engine: {@code submitted*} by the submitting thread,
 * {@code tryStart}/{@code finish} by the worker running the task, {@code tryCancel*} by any thread.
 * Public readers may be called from any thread at any time, during the run too.
 *
 * <h2>Clock</h2>
 * Times are {@link System#nanoTime()} offsets from the run's start ({@link #start()}).
 */
public final class Timeline {

    // Transient states: only the thread that won the CAS sees them as its own; readers see the
    // state before (QUEUED, or RUNNING for FINISHING).
    private static final int STARTING = 6;
    private static final int CANCELLING = 7;
    private static final int FINISHING = 8;
    private static final int NEW = TaskState.NEW.ordinal();
    private static final int QUEUED = TaskState.QUEUED.ordinal();
    private static final int RUNNING = TaskState.RUNNING.ordinal();
    private static final int CANCELLED = TaskState.CANCELLED.ordinal();

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(int[].class);

    private final int tasks;
    private final boolean recording;
    private final int[] state;
    private final int[] lane;
    private final long[] submit;
    private final long[] start;
    private final long[] end;
    private volatile int[] stolenFromPlusOne;
    /** Only for runs on worker processes: when each task's kernel started and ended, -1 if unknown. */
    private volatile long[] computeStart;
    private volatile long[] computeEnd;
    private final Map<Integer, Throwable> errors = new ConcurrentHashMap<>();
    private final Map<Integer, Long> cancelledWhileRunning = new ConcurrentHashMap<>();
    private volatile LaneLog[] lanes = new LaneLog[0];
    private volatile long origin = System.nanoTime();

    /**
     * @param tasks     the number of task slots
     * @param recording whether to record times and lane logs
     */
    public Timeline(int tasks, boolean recording) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must not be negative");
        }
        this.tasks = tasks;
        this.recording = recording;
        this.state = new int[tasks];
        this.lane = new int[tasks];
        Arrays.fill(lane, -1);
        this.submit = recording ? new long[tasks] : null;
        this.start = recording ? new long[tasks] : null;
        this.end = recording ? new long[tasks] : null;
    }

    // ---------------------------------------------------------------- writers (engine)

    /** Marks the run's start: times from now on are offsets from this instant. */
    void start() {
        origin = System.nanoTime();
    }

    /** Nanoseconds since the run's start. */
    long now() {
        return System.nanoTime() - origin;
    }

    /** The raw {@link System#nanoTime()} of the run's start. */
    long originNanoTime() {
        return origin;
    }

    /** Opens a new lane; its index is the next creation index. Called when a worker or slot appears. */
    synchronized LaneLog openLane(String name) {
        return openLane(name, System.nanoTime());
    }

    private synchronized LaneLog openLane(String name, long createdNanoTime) {
        LaneLog[] old = lanes;
        LaneLog log = new LaneLog(old.length, name, createdNanoTime, this);
        LaneLog[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = log;
        lanes = grown;
        return log;
    }

    /** Called by the submitting thread just before it hands task {@code t} to the executor. */
    void submitted(int t) {
        if (recording) {
            submit[t] = now();
        }
        STATE.setRelease(state, t, QUEUED);
    }

    /** Marks tasks {@code [from, to)} submitted at once (work-stealing's root, the virtual dispatcher). */
    void submittedAll(int from, int to) {
        if (recording) {
            Arrays.fill(submit, from, to, now());
        }
        for (int t = from; t < to; t++) {
            STATE.setRelease(state, t, QUEUED);
        }
    }

    /**
     * Claims task {@code t} for the calling worker. Returns false when the task was cancelled first;
     * the caller must then not run it.
     */
    boolean tryStart(int t, LaneLog on) {
        if (!STATE.compareAndSet(state, t, QUEUED, STARTING)) {
            return false;
        }
        lane[t] = on.index();
        if (recording) {
            start[t] = now();
        }
        STATE.setRelease(state, t, RUNNING);
        return true;
    }

    /**
     * Records how a running task ended. Called by the worker that started it. If the task was
     * cancelled while it ran ({@link #tryCancelRunning}), it stays cancelled: its outcome and
     * exception are thrown away, as FutureTask throws away the result of a task cancelled while running,
     * but its end still marks when its worker was free again.
     */
    void finish(int t, LaneLog on, TaskState outcome, Throwable error) {
        boolean mine = STATE.compareAndSet(state, t, RUNNING, FINISHING);
        if (recording) {
            end[t] = now();
        }
        if (mine) {
            if (error != null) {
                errors.put(t, error);
            }
            STATE.setRelease(state, t, outcome.ordinal());
        }
        if (recording) {
            on.append(t);
        }
    }

    /**
     * Marks a running task cancelled, as {@code future.cancel(false)} does in Java (Python's cancel()
     * refuses a running future): the worker goes on to the end of the unit, and what it produces is
     * thrown away. Returns false when the task was not running. Any thread.
     */
    boolean tryCancelRunning(int t) {
        long now = recording ? now() : 0;
        if (!STATE.compareAndSet(state, t, RUNNING, CANCELLED)) {
            return false;
        }
        cancelledWhileRunning.put(t, now);
        return true;
    }

    /** Cancels task {@code t} if it is still queued. Any thread. */
    boolean tryCancelQueued(int t) {
        return tryCancel(t, QUEUED);
    }

    /** Cancels task {@code t} if it was never submitted (a run cancelled while submitting). */
    boolean tryCancelNew(int t) {
        return tryCancel(t, NEW);
    }

    private boolean tryCancel(int t, int expected) {
        if (!STATE.compareAndSet(state, t, expected, CANCELLING)) {
            return false;
        }
        if (recording) {
            long now = now();
            end[t] = now;
            if (expected == NEW) {
                submit[t] = now;
            }
            start[t] = now;
        }
        STATE.setRelease(state, t, CANCELLED);
        return true;
    }

    /** Records that task {@code t} ran in a subtree stolen from lane {@code fromLane}. */
    void stolen(int t, int fromLane) {
        int[] s = stolenFromPlusOne;
        if (s == null) {
            synchronized (this) {
                s = stolenFromPlusOne;
                if (s == null) {
                    s = new int[tasks];
                    stolenFromPlusOne = s;
                }
            }
        }
        s[t] = fromLane + 1;
    }

    /**
     * Allocates the per-task compute times, for a kind that runs units in worker processes. Called
     * once, before any task is submitted; does nothing when not recording.
     */
    void enableSegments() {
        if (recording && computeStart == null) {
            long[] ends = new long[tasks];
            Arrays.fill(ends, -1);
            long[] starts = ends.clone();
            computeEnd = ends;
            computeStart = starts;
        }
    }

    /**
     * Records when task {@code t}'s kernel started and ended, as raw {@link System#nanoTime()} in this
     * process's clock, clamped into the task's own span (a corrected worker clock may be off by a few
     * microseconds). Called by the thread that started the task, before it {@link #finish finishes} it.
     */
    void computed(int t, long startNanoTime, long endNanoTime) {
        long[] starts = computeStart;
        long[] ends = computeEnd;
        if (starts == null) {
            return;
        }
        long now = now();
        long from = Math.clamp(startNanoTime - origin, start[t], now);
        starts[t] = from;
        ends[t] = Math.clamp(endNanoTime - origin, from, now);
    }

    // ---------------------------------------------------------------- restoring (TimelineRestorer)

    /** Opens a lane created {@code createdNanos} from the run's start (a saved run read back). */
    LaneLog restoreLane(String name, long createdNanos) {
        return openLane(name, origin + createdNanos);
    }

    /** Sets task {@code t} as a saved run recorded it; times are ignored when not recording. */
    void restoreTask(int t, TaskState taskState, int onLane, long submitNanos, long startNanos, long endNanos) {
        lane[t] = onLane;
        if (recording) {
            submit[t] = submitNanos;
            start[t] = startNanos;
            end[t] = endNanos;
        }
        STATE.setRelease(state, t, taskState.ordinal());
    }

    /** Sets task {@code t}'s compute times, after {@link #enableSegments()}. */
    void restoreCompute(int t, long startNanos, long endNanos) {
        computeStart[t] = startNanos;
        computeEnd[t] = endNanos;
    }

    void restoreError(int t, Throwable error) {
        errors.put(t, error);
    }

    void restoreCancelledWhileRunning(int t, long nanos) {
        cancelledWhileRunning.put(t, nanos);
    }

    // ---------------------------------------------------------------- readers (any thread)

    public int tasks() {
        return tasks;
    }

    /**
     * A timeline for replaying this finished one, with the same tasks and lanes; fill it with
     * {@link #replayAt} each frame. Reusing it keeps replay free of per-frame allocation.
     */
    public Timeline replayBuffer() {
        if (!recording) {
            throw new IllegalStateException("a run without per-task times cannot be replayed");
        }
        Timeline into = new Timeline(tasks, true);
        into.origin = origin;
        for (LaneLog l : lanes) {
            into.openLane(l.name(), origin + l.createdNanos()).copyLifetime(l, origin);
        }
        if (hasSegments()) {
            into.enableSegments();
        }
        return into;
    }

    /**
     * Writes into {@code into} (from {@link #replayBuffer()}) this run as it was {@code nanos} after its
     * start: tasks not yet submitted are NEW, submitted ones that had not started are QUEUED, started
     * ones that had not ended are RUNNING, the rest as they ended; each lane's log holds the tasks it had
     * finished by then. The painter then draws it as a live run whose present is {@code nanos}.
     * Called by one thread (the view's); this timeline must be finished.
     */
    public void replayAt(long nanos, Timeline into) {
        if (into.tasks != tasks || !into.recording || into.lanes.length != lanes.length) {
            throw new IllegalArgumentException("replay into a buffer made by replayBuffer()");
        }
        System.arraycopy(submit, 0, into.submit, 0, tasks);
        System.arraycopy(start, 0, into.start, 0, tasks);
        System.arraycopy(end, 0, into.end, 0, tasks);
        System.arraycopy(lane, 0, into.lane, 0, tasks);
        if (computeStart != null && into.computeStart != null) {
            System.arraycopy(computeStart, 0, into.computeStart, 0, tasks);
            System.arraycopy(computeEnd, 0, into.computeEnd, 0, tasks);
        }
        for (int t = 0; t < tasks; t++) {
            TaskState s = state(t);
            int as;
            if (s == TaskState.NEW || submit[t] > nanos) {
                as = NEW;
            } else if (lane[t] < 0 || start[t] > nanos) {
                as = s == TaskState.CANCELLED && end[t] <= nanos ? CANCELLED : QUEUED;
            } else if (end[t] > nanos) {
                as = RUNNING;
            } else {
                as = s.ordinal();
            }
            into.state[t] = as;
        }
        for (int l = 0; l < lanes.length; l++) {
            LaneLog from = lanes[l];
            LaneLog to = into.lanes[l];
            to.clear();
            for (int i = 0, n = from.size(); i < n; i++) {
                int t = from.get(i);
                if (end[t] > nanos) {
                    break; // a lane's tasks end in log order
                }
                to.append(t);
            }
        }
        VarHandle.releaseFence();
    }

    /** Nanoseconds since the run's start, now: where a live view draws the present. Any thread. */
    public long elapsedNanos() {
        return now();
    }

    /** Whether times and lane logs were recorded; without them only states, lanes and errors exist. */
    public boolean recording() {
        return recording;
    }

    /** The task's state, read with acquire: the times it implies may be read after it. */
    public TaskState state(int t) {
        int s = (int) STATE.getAcquire(state, t);
        return s == FINISHING ? TaskState.RUNNING : s >= STARTING ? TaskState.QUEUED : TaskState.of(s);
    }

    /** The lane that ran task {@code t}, or -1 if it never started. */
    public int laneOf(int t) {
        return lane[t];
    }

    /** When task {@code t} was submitted, in ns from the run's start. Valid once its state is past NEW. */
    public long submitNanos(int t) {
        return submit[t];
    }

    /** When task {@code t} started, in ns from the run's start. Valid once its state is past QUEUED. */
    public long startNanos(int t) {
        return start[t];
    }

    /** When task {@code t} ended, in ns from the run's start. Valid once its state is terminal. */
    public long endNanos(int t) {
        return end[t];
    }

    /** The lane a work-stealing task's subtree was stolen from, or -1 when it ran where it was forked. */
    public int stolenFrom(int t) {
        int[] s = stolenFromPlusOne;
        return s == null ? -1 : s[t] - 1;
    }

    /** Whether tasks have compute times: a recorded run on worker processes. */
    public boolean hasSegments() {
        return computeStart != null;
    }

    /**
     * When task {@code t}'s kernel started in its worker process, in ns from the run's start: its bar
     * is send (start → compute start), compute, receive (compute end → end). -1 when unknown: no
     * segments, the task never ran, or its worker died. Valid once the task's state is terminal.
     */
    public long computeStartNanos(int t) {
        long[] starts = computeStart;
        return starts == null ? -1 : starts[t];
    }

    /** When task {@code t}'s kernel ended in its worker process, as {@link #computeStartNanos}. */
    public long computeEndNanos(int t) {
        long[] ends = computeEnd;
        return ends == null ? -1 : ends[t];
    }

    /**
     * When task {@code t} was cancelled while it ran, in ns from the run's start, or -1. Its
     * {@linkplain #endNanos end} is later: when its worker finished the unit and threw the result away.
     */
    public long cancelledWhileRunningNanos(int t) {
        Long at = cancelledWhileRunning.get(t);
        return at == null ? -1 : at;
    }

    /**
     * The tasks that ended (done, failed or cancelled) in the order they ended: the order in which
     * {@code as_completed} or an {@code ExecutorCompletionService} hands results out. Submission order
     * is the task ids themselves. Derived from the end times when asked, so recording pays nothing for
     * it; a task cancelled while running counts as ended when it was cancelled, as its future was done
     * then. Empty when not recording. Call after the run (during it, it orders what has ended so far).
     */
    public int[] completionOrder() {
        if (!recording) {
            return new int[0];
        }
        // End time in the high 43 bits, id in the low 20 (ids < 2^20): one primitive sort, ties by id,
        // 12 bytes a task of garbage. A run of hours would overflow the key: sort by comparator then.
        long[] keyed = new long[tasks];
        int n = 0;
        long latest = 0;
        for (int t = 0; t < tasks; t++) {
            if (state(t).isTerminal()) {
                long endedAt = endedAt(t);
                latest = Math.max(latest, endedAt);
                keyed[n++] = (endedAt << ID_BITS) | t;
            }
        }
        if (latest >= 1L << (63 - ID_BITS)) {
            return java.util.stream.IntStream.range(0, tasks).filter(t -> state(t).isTerminal()).boxed()
                    .sorted(java.util.Comparator.comparingLong(this::endedAt)).mapToInt(Integer::intValue).toArray();
        }
        Arrays.sort(keyed, 0, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keyed[i] & ((1 << ID_BITS) - 1));
        }
        return order;
    }

    private static final int ID_BITS = 20;

    private long endedAt(int t) {
        long at = cancelledWhileRunningNanos(t);
        return Math.max(at >= 0 ? at : end[t], 0);
    }

    /** The exception task {@code t} failed with, or null. */
    public Throwable error(int t) {
        return errors.get(t);
    }

    /** Failed tasks and their exceptions: a live, unmodifiable view. */
    public Map<Integer, Throwable> errors() {
        return java.util.Collections.unmodifiableMap(errors);
    }

    public int laneCount() {
        return lanes.length;
    }

    /** The lane with creation index {@code index}, below a {@link #laneCount()} already read. */
    public LaneLog lane(int index) {
        return lanes[index];
    }

    /** The lanes in creation order; lanes only ever get added. */
    public List<LaneLog> lanes() {
        return List.of(lanes);
    }

    /** The tasks that completed normally (state DONE). */
    public BitSet completed() {
        BitSet done = new BitSet(tasks);
        for (int t = 0; t < tasks; t++) {
            if (state(t) == TaskState.DONE) {
                done.set(t);
            }
        }
        return done;
    }

    /**
     * The bytes this timeline's per-task storage takes on the heap: its arrays (with their headers, as
     * HotSpot lays them out with compressed class pointers: 16 bytes) and its lanes' logs, chunks
     * included. What a task costs is this ÷ {@link #tasks()}; the sparse maps of exceptions are not
     * counted (a failed task's exception is the workload's). Any thread; during a run it grows with
     * the lane logs.
     */
    public long footprintBytes() {
        long bytes = arrayBytes(state, Integer.BYTES) + arrayBytes(lane, Integer.BYTES)
                + arrayBytes(submit, Long.BYTES) + arrayBytes(start, Long.BYTES) + arrayBytes(end, Long.BYTES)
                + arrayBytes(stolenFromPlusOne, Integer.BYTES)
                + arrayBytes(computeStart, Long.BYTES) + arrayBytes(computeEnd, Long.BYTES);
        for (LaneLog l : lanes) {
            bytes += l.footprintBytes();
        }
        return bytes;
    }

    /** An array's size on the heap: a 16-byte header, the elements, padded to 8 bytes; 0 for null. */
    static long arrayBytes(Object array, int elementBytes) {
        if (array == null) {
            return 0;
        }
        long raw = ARRAY_HEADER_BYTES + (long) java.lang.reflect.Array.getLength(array) * elementBytes;
        return (raw + 7) & ~7L;
    }

    private static final int ARRAY_HEADER_BYTES = 16;

    /** How many tasks are in each state, indexed by {@link TaskState#ordinal()}. */
    public int[] countByState() {
        int[] counts = new int[TaskState.values().length];
        for (int t = 0; t < tasks; t++) {
            counts[state(t).ordinal()]++;
        }
        return counts;
    }
}
