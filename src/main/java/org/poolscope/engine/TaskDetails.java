package org.poolscope.engine;

import java.util.Arrays;
import java.util.List;
import org.poolscope.workload.Job;

/**
 * One task as its future would describe it — what the course's lesson asks of a future (done?
 * cancelled? result or exception?) — plus where and when it ran. Built from the {@link Timeline} and
 * the job on demand, so recording pays nothing for it.
 *
 * <p>Java and Python name a future's states differently, and the difference is part of the lesson:
 * Java's {@code Future.state()} says RUNNING for a task still waiting in the queue, Python's says
 * PENDING; Java's {@code cancel(false)} succeeds on a running task, Python's refuses.
 *
 * @param id          the task id, which is its submission order
 * @param unit        what the unit covers ({@code block [2, 156251)})
 * @param state       the engine's state
 * @param lane        the name of the lane that ran it, or "" if it never ran
 * @param submitNanos submit, start and end in ns from the run's start; -1 when not (yet) known
 * @param cancelledWhileRunningNanos when {@code cancel(false)} hit it while it ran, or -1
 * @param stolenFrom  the lane its work-stealing subtree was stolen from, or -1
 * @param result      what the unit produced, when it completed
 * @param exception   {@code Class: message} of what it threw, when it failed
 * @param stack       the first lines of that exception's stack trace
 */
public record TaskDetails(int id, String unit, TaskState state, String lane, long submitNanos, long startNanos,
        long endNanos, long cancelledWhileRunningNanos, int stolenFrom, String result, String exception,
        List<String> stack) {

    /** How many stack lines a failed task keeps for people. */
    public static final int STACK_LINES = 5;

    public static TaskDetails of(Timeline timeline, Job job, int t) {
        TaskState state = timeline.state(t);
        int laneIndex = timeline.laneOf(t);
        boolean times = timeline.recording();
        boolean started = laneIndex >= 0 && state != TaskState.QUEUED && state != TaskState.NEW;
        Throwable error = timeline.error(t);
        return new TaskDetails(t, job.describeUnit(t), state,
                laneIndex >= 0 ? timeline.lane(laneIndex).name() : "",
                times && state != TaskState.NEW ? timeline.submitNanos(t) : -1,
                times && started ? timeline.startNanos(t) : -1,
                times && state.isTerminal() ? timeline.endNanos(t) : -1,
                timeline.cancelledWhileRunningNanos(t), timeline.stolenFrom(t),
                state == TaskState.DONE ? job.describeResult(t) : "",
                error == null ? "" : error.getClass().getName() + ": " + error.getMessage(),
                error == null ? List.of() : Arrays.stream(error.getStackTrace()).limit(STACK_LINES)
                        .map(StackTraceElement::toString).toList());
    }

    /** {@code future.done()} / {@code isDone()}: finished, failed or cancelled. */
    public boolean done() {
        return state.isTerminal();
    }

    /** {@code future.cancelled()} / {@code isCancelled()}. */
    public boolean cancelled() {
        return state == TaskState.CANCELLED;
    }

    /** What Java's {@link java.util.concurrent.Future#state()} would say: RUNNING even while queued. */
    public String javaFutureState() {
        return switch (state) {
            case NEW, QUEUED, RUNNING -> "RUNNING";
            case DONE -> "SUCCESS";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
        };
    }

    /** What Python's {@code Future} would report: PENDING while queued, FINISHED once done or failed. */
    public String pythonFutureState() {
        return switch (state) {
            case NEW, QUEUED -> "PENDING";
            case RUNNING -> "RUNNING";
            case DONE, FAILED -> "FINISHED";
            case CANCELLED -> "CANCELLED";
        };
    }

    /** Time spent in the queue, ns; -1 when unknown. */
    public long queueWaitNanos() {
        return startNanos >= 0 && submitNanos >= 0 ? startNanos - submitNanos : -1;
    }

    /** Time spent running, ns; -1 when unknown. */
    public long runNanos() {
        return endNanos >= 0 && startNanos >= 0 ? endNanos - startNanos : -1;
    }
}
