package org.poolscope.ui;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.Timeline;

/**
 * Plays a finished run back on the timeline at 1× … 1/10 000× of real time, pauses, and steps task by
 * task in start order: tasks of microseconds are invisible live, and their replay is the lesson. Each
 * frame rebuilds one reused scratch timeline "as of" the replay's present ({@link Timeline#replayAt}),
 * which the painter draws as a live run.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class Replay {

    /** The speeds offered, as fractions of real time. */
    static final double[] SPEEDS = {1, 0.1, 0.01, 0.001, 0.0001};

    private final RunResult source;
    private final Timeline buffer;
    private final int[] byStart;
    private final long[] starts;
    private final long end;
    private long nanos;
    private long builtAt = Long.MIN_VALUE;
    private double speed = 0.01;
    private boolean playing = true;

    Replay(RunResult source) {
        this.source = source;
        Timeline tl = source.timeline();
        this.buffer = tl.replayBuffer();
        this.byStart = IntStream.range(0, tl.tasks()).filter(t -> tl.laneOf(t) >= 0).boxed()
                .sorted(java.util.Comparator.comparingLong(tl::startNanos)).mapToInt(Integer::intValue).toArray();
        this.starts = Arrays.stream(byStart).mapToLong(tl::startNanos).toArray();
        this.end = Math.max(source.wallNanos(), 1);
    }

    RunResult source() {
        return source;
    }

    /** Moves the present on by {@code realNanos} of wall-clock time at the chosen speed. */
    void advance(long realNanos) {
        if (playing) {
            nanos = Math.min(end, nanos + Math.max(1, Math.round(realNanos * speed)));
            if (nanos >= end) {
                playing = false;
            }
        }
    }

    /**
     * Pauses and moves the present to the next task's start, in start order; returns that task, or
     * -1 when every task has started.
     */
    int step() {
        playing = false;
        int k = Arrays.binarySearch(starts, nanos + 1);
        int next = k >= 0 ? k : -k - 1;
        while (next > 0 && starts[next - 1] > nanos) {
            next--; // equal start times: the first of them
        }
        if (next >= starts.length) {
            nanos = end;
            return -1;
        }
        nanos = starts[next];
        return byStart[next];
    }

    /** The run as it was at the present, for the painter; rebuilt only when the present moved. */
    Timeline frame() {
        if (nanos != builtAt) {
            source.timeline().replayAt(nanos, buffer);
            builtAt = nanos;
        }
        return buffer;
    }

    long nanos() {
        return nanos;
    }

    /** Moves the present to {@code at} (clamped to the run; before 0 means before anything happened). */
    void seek(long at) {
        nanos = Math.max(-1, Math.min(end, at));
    }

    long endNanos() {
        return end;
    }

    boolean playing() {
        return playing;
    }

    void play(boolean on) {
        if (on && nanos >= end) {
            nanos = 0; // play again from the start
        }
        playing = on;
    }

    double speed() {
        return speed;
    }

    void speed(double fraction) {
        speed = fraction;
    }
}
