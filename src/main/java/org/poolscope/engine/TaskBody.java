package org.poolscope.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.Job;

/**
 * What every executor runs for a task, whatever its kind: claim the task, run its unit, record how
 * it ended, count it down. Exactly one thread makes each task terminal — the worker that claimed it
 * or the canceller that removed it — and that thread counts it down, so the run's latch opens once
 * every task is accounted for.
 *
 * <p>Threads: {@link #run} on the worker that runs the task; {@link #cancelQueued} and
 * {@link #cancelUnsubmitted} on any thread.
 */
final class TaskBody {

    private final Job job;
    private final Timeline timeline;
    private final Cancellation cancellation;
    private final CountDownLatch remaining;
    private final FaultPlan faults;
    private volatile boolean submissionStopped;

    TaskBody(Job job, Timeline timeline, Cancellation cancellation, CountDownLatch remaining, FaultPlan faults) {
        this.job = job;
        this.timeline = timeline;
        this.cancellation = cancellation;
        this.remaining = remaining;
        this.faults = faults;
    }

    Job job() {
        return job;
    }

    FaultPlan faults() {
        return faults;
    }

    Timeline timeline() {
        return timeline;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Whether submitting loops may go on: not after a cancel, queued or all. */
    boolean submitting() {
        return !submissionStopped && !cancellation.isCancelled();
    }

    /** Stops the submitting loop; tasks it has not submitted yet are cancelled by it. */
    void stopSubmitting() {
        submissionStopped = true;
    }

    /** Runs task {@code t} on {@code lane} unless it was cancelled first. */
    void run(int t, LaneLog lane) {
        if (!timeline.tryStart(t, lane)) {
            return; // a canceller won and counted it down
        }
        TaskState outcome = TaskState.DONE;
        Throwable error = null;
        try {
            job.run(t, cancellation);
            if (faults.fails(t)) {
                throw new FaultPlan.InjectedFault(t, faults);
            }
        } catch (CancellationException e) {
            outcome = TaskState.CANCELLED;
        } catch (InterruptedException e) {
            // An interrupt is a cancel only when the run was cancelled; otherwise the unit failed.
            if (cancellation.isCancelled()) {
                outcome = TaskState.CANCELLED;
            } else {
                outcome = TaskState.FAILED;
                error = e;
            }
        } catch (Throwable e) {
            outcome = cancellation.isCancelled() ? TaskState.CANCELLED : TaskState.FAILED;
            error = outcome == TaskState.FAILED ? e : null;
        }
        // Pool threads are reused: an interrupt meant for this task must not hit the next one.
        if (outcome == TaskState.CANCELLED) {
            Thread.interrupted();
        }
        finish(t, lane, outcome, error);
    }

    /**
     * Records the end of a task this thread started and counts it down. Kinds that run units
     * elsewhere (worker processes) call it with the outcome they received.
     */
    void finish(int t, LaneLog lane, TaskState outcome, Throwable error) {
        timeline.finish(t, lane, outcome, error);
        remaining.countDown();
    }

    /** Cancels task {@code t} if still queued; returns whether it did. */
    boolean cancelQueued(int t) {
        if (timeline.tryCancelQueued(t)) {
            remaining.countDown();
            return true;
        }
        return false;
    }

    /** Cancels task {@code t} if it was never submitted. */
    boolean cancelUnsubmitted(int t) {
        if (timeline.tryCancelNew(t)) {
            remaining.countDown();
            return true;
        }
        return false;
    }

    /** Cancels every task still queued, by a scan of the state words; returns how many. */
    int cancelAllQueued() {
        int n = 0;
        for (int t = 0, tasks = timeline.tasks(); t < tasks; t++) {
            if (cancelQueued(t)) {
                n++;
            }
        }
        return n;
    }
}
