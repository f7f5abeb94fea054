package org.poolscope.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * A {@link ForkJoinPool} of parallelism N that splits the task range recursively: a range task
 * forks its right half and computes its left half, down to single-task leaves. Forked halves wait in
 * the forking worker's deque, and idle workers steal them, so stealing really happens: a leaf that
 * runs in a subtree stolen from another worker records that worker ({@link Timeline#stolenFrom}).
 *
 * <h2>Lanes</h2>
 * A lane is a worker's creation index in this run (a pool index can be reused by a later worker).
 *
 * <h2>Resize</h2>
 * {@link ForkJoinPool#setParallelism} sets the target parallelism. Growing adds workers as work
 * allows; shrinking only throttles: surplus workers are not stopped, they go idle once there is no
 * work they are allowed to take, and leave after the keep-alive. A shrink therefore shows as lanes
 * falling idle, not as lanes retiring at once.
 *
 * <h2>Cancel</h2>
 * All leaves are marked queued when the root is submitted; "cancel queued" moves each still-queued
 * leaf to cancelled by its state CAS, and range tasks then skip it. A ForkJoinPool does not
 * interrupt running tasks; kernels poll the run's cancel flag instead.
 */
final class WorkStealingPool extends Pool {

    private final ForkJoinPool pool;
    private final LaneThreads.Started threads = new LaneThreads.Started();

    WorkStealingPool(int workers, TaskBody body) {
        super(body);
        pool = new ForkJoinPool(workers, LaneThreads.forForkJoin(body.timeline(), threads), null, false);
    }

    @Override
    void submitAll() {
        int tasks = body.timeline().tasks();
        body.timeline().submittedAll(0, tasks);
        pool.execute(new Range(body, 0, tasks, -1, -1));
    }

    /** Tasks [from, to); {@code forkedOn} is the lane that forked it (-1 for the root). */
    private static final class Range extends RecursiveAction {
        private final TaskBody body;
        private final int from;
        private final int to;
        private final int forkedOn;
        private int stolenFrom;

        Range(TaskBody body, int from, int to, int forkedOn, int stolenFrom) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.forkedOn = forkedOn;
            this.stolenFrom = stolenFrom;
        }

        @Override
        protected void compute() {
            LaneLog lane = ((LaneOwner) Thread.currentThread()).laneLog();
            if (forkedOn >= 0 && forkedOn != lane.index()) {
                stolenFrom = forkedOn;
            }
            int lo = from;
            int hi = to;
            // Fork right halves, keep the left half: the same shape as recursive invokeAll, without
            // allocating a task for the half this thread runs itself.
            ForkJoinTask<?>[] forked = null;
            int nForked = 0;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                Range right = new Range(body, mid, hi, lane.index(), -1);
                right.fork();
                if (forked == null) {
                    forked = new ForkJoinTask<?>[32];
                }
                forked[nForked++] = right;
                hi = mid;
            }
            if (stolenFrom >= 0) {
                body.timeline().stolen(lo, stolenFrom);
            }
            body.run(lo, lane);
            for (int i = nForked - 1; i >= 0; i--) {
                forked[i].join();
            }
        }
    }

    @Override
    void resize(int workers) {
        int before = pool.setParallelism(workers);
        if (workers > before) {
            // A pool creates workers when work is signalled, and the forked ranges were signalled
            // under the old parallelism: an empty task signals again, so a new worker starts and steals.
            pool.execute(() -> { });
        }
    }

    @Override
    int workers() {
        return pool.getParallelism();
    }

    @Override
    void interruptRunning() {
        // ForkJoinPool does not interrupt running tasks reliably; the cancel flag stops the kernels,
        // and shutdownNow cancels the range tasks not yet started.
        pool.shutdownNow();
    }

    @Override
    void close() {
        shutdownAndJoin(pool, threads, "the work-stealing pool");
    }
}
