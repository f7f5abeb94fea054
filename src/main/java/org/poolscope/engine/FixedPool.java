package org.poolscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ThreadPoolExecutor} with N threads, all prestarted, and an unbounded FIFO queue: the
 * executor behind {@code Executors.newFixedThreadPool}. Each task is submitted on its own, as the
 * course's {@code executor.submit} loop does.
 *
 * <h2>Resize</h2>
 * Growing raises the maximum first, then the core size (the core may never exceed the maximum), and
 * starts the new threads at once. Shrinking lowers the core first, then the maximum; excess threads
 * finish their current task and leave at their next take from the queue, and their lanes retire.
 *
 * <h2>Cancel</h2>
 * "Cancel queued" drains the executor's queue and cancels those tasks, then cancels by state any
 * task marked queued but not yet enqueued. "Cancel all" also interrupts the running workers.
 */
final class FixedPool extends Pool {

    private final ThreadPoolExecutor executor;
    private final LaneThreads.Started threads = new LaneThreads.Started();

    FixedPool(int workers, TaskBody body) {
        super(body);
        executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                LaneThreads.forPool(body.timeline(), "fixed", threads));
        executor.prestartAllCoreThreads();
    }

    /** One submitted task: the queue holds these, so a drained queue tells which tasks to cancel. */
    private record Unit(TaskBody body, int task) implements Runnable {
        @Override
        public void run() {
            body.run(task, ((LaneOwner) Thread.currentThread()).laneLog());
        }
    }

    @Override
    void submitAll() {
        Timeline timeline = body.timeline();
        int tasks = timeline.tasks();
        for (int t = 0; t < tasks; t++) {
            if (!body.submitting()) {
                stopSubmittingAt(t);
                return;
            }
            timeline.submitted(t);
            try {
                executor.execute(new Unit(body, t));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // "Cancel all" shut the executor down between our flag check and this submit.
                stopSubmittingAt(t + 1);
                return;
            }
        }
    }

    @Override
    synchronized void resize(int workers) {
        if (workers > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(workers);
            executor.setCorePoolSize(workers);
            executor.prestartAllCoreThreads();
        } else if (workers < executor.getCorePoolSize()) {
            executor.setCorePoolSize(workers);
            executor.setMaximumPoolSize(workers);
        }
    }

    @Override
    int workers() {
        return executor.getCorePoolSize();
    }

    @Override
    int cancelQueued() {
        body.stopSubmitting();
        List<Runnable> drained = new ArrayList<>();
        executor.getQueue().drainTo(drained);
        int n = 0;
        for (Runnable r : drained) {
            if (body.cancelQueued(((Unit) r).task())) {
                n++;
            }
        }
        return n + body.cancelAllQueued();
    }

    @Override
    void interruptRunning() {
        // shutdownNow interrupts every worker; the run is ending anyway, and close() waits for them.
        for (Runnable r : executor.shutdownNow()) {
            body.cancelQueued(((Unit) r).task());
        }
    }

    @Override
    void close() {
        shutdownAndJoin(executor, threads, "the fixed pool");
    }
}
