package org.poolscope.engine;

import java.util.concurrent.TimeUnit;

/**
 * One executor of one kind, built for one run: it owns its threads and hands each task to
 * {@link TaskBody#run} on some lane.
 *
 * <h2>Lifecycle</h2>
 * Created with its workers started (worker processes finish starting later: {@link #awaitReady}) → {@link #submitAll}
 * once → any number of {@link #resize}, {@link #cancelQueued}, {@link #interruptRunning} while tasks
 * run → {@link #close} once, which waits until every thread it started has ended.
 *
 * <h2>Threads</h2>
 * {@code submitAll} and {@code close} on the run's thread; {@code resize}, {@code cancelQueued} and
 * {@code interruptRunning} on any thread, concurrently with the run.
 */
abstract sealed class Pool permits SequentialPool, FixedPool, WorkStealingPool, VirtualPool, ProcessPool {

    /** How long {@link #close} waits for threads to end before it gives up and says so. */
    static final long CLOSE_TIMEOUT_SECONDS = 30;

    final TaskBody body;

    Pool(TaskBody body) {
        this.body = body;
    }

    static Pool create(ExecutorKind kind, int workers, TaskBody body) {
        return switch (kind) {
            case SEQUENTIAL -> new SequentialPool(body);
            case FIXED -> new FixedPool(workers, body);
            case WORK_STEALING -> new WorkStealingPool(workers, body);
            case VIRTUAL -> new VirtualPool(workers, body);
            case PROCESS -> new ProcessPool(workers, body);
        };
    }

    /**
     * Submits every task. Returns once they are all handed over (the sequential kind runs them here).
     * Stops early when the run is cancelled; tasks never submitted are then cancelled.
     */
    abstract void submitAll();

    /**
     * Waits until the workers can take tasks. Thread pools prestart their threads in the
     * constructor; worker processes take hundreds of milliseconds to start, and a run that excludes
     * start-up starts its clock only after this returns.
     */
    void awaitReady() throws InterruptedException {
    }

    /** Changes the number of workers while the run goes on. */
    abstract void resize(int workers);

    /** The number of workers asked for now. */
    abstract int workers();

    /** Removes the tasks that have not started, and stops submitting; returns how many it removed. */
    int cancelQueued() {
        body.stopSubmitting();
        return body.cancelAllQueued();
    }

    /** Interrupts the workers running tasks, for "cancel all". */
    abstract void interruptRunning();

    /** Shuts the executor down and waits for its threads to end. */
    abstract void close();

    /**
     * Ends a submitting loop stopped by a cancel: cancels the tasks from {@code from} on that were
     * never submitted, then any that slipped into the queue while the canceller was scanning.
     */
    final void stopSubmittingAt(int from) {
        for (int t = from, n = body.timeline().tasks(); t < n; t++) {
            body.cancelUnsubmitted(t);
        }
        body.cancelAllQueued();
    }

    /** Shuts {@code executor} down and waits until it has terminated and every thread it started has ended. */
    static void shutdownAndJoin(java.util.concurrent.ExecutorService executor, LaneThreads.Started threads, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + " did not terminate within " + CLOSE_TIMEOUT_SECONDS + " s");
            }
            threads.joinAll(CLOSE_TIMEOUT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
