package org.poolscope.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The tasks one lane finished, in the order it finished them: an append-only log with a single
 * writer and any number of readers, so a view can drain what is new each frame instead of scanning
 * every task slot.
 *
 * <h2>Threads</h2>
 * {@link #append} is called only by the thread that currently owns the lane (a pool worker, or the
 * virtual thread holding the lane's permit; ownership passes with a happens-before edge). Readers on
 * any thread call {@link #size}, {@link #get} and {@link #drain}; an index below a size they read is
 * always complete, because the writer stores the task id before it publishes the new size with a
 * release store, and readers load the size with acquire.
 *
 * <h2>Memory</h2>
 * Ids live in chunks of 4 096 ints that are never copied or moved, so appending costs a store and a
 * release store, and memory is 4 bytes a task plus at most one partly filled chunk.
 */
public final class LaneLog {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final VarHandle SIZE;
    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(LaneLog.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int index;
    private final String name;
    private final long createdNanoTime;
    private final Timeline timeline;
    private volatile long retiredNanoTime;
    private volatile boolean retired;
    private volatile long pid = -1;
    private volatile long readyNanoTime;
    private volatile long clockOffsetNanos;
    private volatile boolean ready;
    private volatile int[][] chunks = new int[4][];
    @SuppressWarnings("unused") // accessed through SIZE
    private int size;

    LaneLog(int index, String name, long createdNanoTime, Timeline timeline) {
        this.index = index;
        this.name = name;
        this.createdNanoTime = createdNanoTime;
        this.timeline = timeline;
    }

    /** Appends a finished task. Called only by the lane's current owner. */
    void append(int task) {
        int s = (int) SIZE.get(this);
        int c = s >>> CHUNK_BITS;
        int[][] cs = chunks;
        if (c == cs.length) {
            cs = Arrays.copyOf(cs, cs.length * 2);
            chunks = cs;
        }
        int[] chunk = cs[c];
        if (chunk == null) {
            chunk = new int[CHUNK];
            cs[c] = chunk;
        }
        chunk[s & MASK] = task;
        SIZE.setRelease(this, s + 1);
    }

    /** Takes the retirement, process and start-up of {@code from} (a lane of the run replayed). */
    void copyLifetime(LaneLog from, long origin) {
        if (from.pid() >= 0) {
            process(from.pid());
            ready(origin + from.readyNanos(), from.clockOffsetNanos());
        }
        if (from.retiredNanos() >= 0) {
            retiredNanoTime = origin + from.retiredNanos();
            retired = true;
        }
    }

    /** Empties the log for reuse (replay rebuilds a scratch timeline each frame). Owner thread only. */
    void clear() {
        SIZE.setRelease(this, 0);
    }

    /** Marks the lane retired at {@code nanoTime} (a saved run read back). */
    void retiredAt(long nanoTime) {
        retiredNanoTime = nanoTime;
        retired = true;
    }

    /** Called once when the lane's worker leaves (a pool shrank, or the run closed the pool). */
    void retire() {
        retiredNanoTime = System.nanoTime();
        retired = true;
    }

    /** Called when the lane's worker process has started: lanes of the process kind have a pid. */
    void process(long processId) {
        pid = processId;
    }

    /**
     * Called when the lane's worker process answered its first hello: it can take tasks from now on.
     * {@code clockOffset} is its clock minus ours as the handshake found it (0: one clock).
     */
    void ready(long nanoTime, long clockOffset) {
        readyNanoTime = nanoTime;
        clockOffsetNanos = clockOffset;
        ready = true;
    }

    /** The lane's index: the creation index of its worker thread, or its permit slot. */
    public int index() {
        return index;
    }

    /** The name shown for the lane: the worker thread's name, or the permit slot's. */
    public String name() {
        return name;
    }

    /** When the lane appeared, in nanoseconds from the run's start (negative: before the run started). */
    public long createdNanos() {
        return createdNanoTime - timeline.originNanoTime();
    }

    /** When the lane's worker left (a pool shrank), in nanoseconds from the run's start; -1 while it lives. */
    public long retiredNanos() {
        return retired ? retiredNanoTime - timeline.originNanoTime() : -1;
    }

    /**
     * When the lane's worker could take tasks, in nanoseconds from the run's start: for a worker
     * process, when it answered the hello (created → ready is its start-up); for a thread, and for a
     * process that has not answered yet, {@link #createdNanos()}.
     */
    public long readyNanos() {
        return ready ? readyNanoTime - timeline.originNanoTime() : createdNanos();
    }

    /** The id of the lane's worker process, or -1 for a lane of threads. */
    public long pid() {
        return pid;
    }

    /**
     * The lane's worker process's {@link System#nanoTime()} minus this process's, as the start-up
     * handshake found it: 0 when both are one clock (the handshake's check held), which HotSpot gives on
     * one host in practice; else the estimate its compute times were corrected by. 0 for threads.
     */
    public long clockOffsetNanos() {
        return clockOffsetNanos;
    }

    /** The bytes this log's chunks take on the heap (see {@link Timeline#footprintBytes()}). Any thread. */
    long footprintBytes() {
        int[][] cs = chunks;
        long bytes = Timeline.arrayBytes(cs, Integer.BYTES); // compressed references: 4 bytes each
        for (int[] chunk : cs) {
            bytes += Timeline.arrayBytes(chunk, Integer.BYTES);
        }
        return bytes;
    }

    /** How many tasks this lane has finished so far. */
    public int size() {
        return (int) SIZE.getAcquire(this);
    }

    /** The id of the {@code i}-th task this lane finished; {@code i} must be below a size already read. */
    public int get(int i) {
        return chunks[i >>> CHUNK_BITS][i & MASK];
    }

    /**
     * Hands at most {@code limit} task ids from position {@code from} on to {@code consumer}, oldest
     * first, and returns the position to drain from next time (a reader's cursor).
     */
    public int drain(int from, int limit, IntConsumer consumer) {
        int end = (int) Math.min((long) from + limit, size());
        int[][] cs = chunks;
        for (int i = from; i < end; i++) {
            consumer.accept(cs[i >>> CHUNK_BITS][i & MASK]);
        }
        return Math.max(from, end);
    }
}
