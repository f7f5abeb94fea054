package org.poolscope.engine;

/**
 * Runs the units one after another on the calling thread, lane 0: the baseline of every speedup.
 * All tasks count as submitted at the start, so their queue wait is the time spent behind the ones
 * before them. Cancel is the run's flag (polled by kernels) and the state CAS on queued tasks.
 */
final class SequentialPool extends Pool {

    private final LaneLog lane;

    SequentialPool(TaskBody body) {
        super(body);
        this.lane = body.timeline().openLane(LaneThreads.PREFIX + "sequential (" + Thread.currentThread().getName() + ")");
    }

    @Override
    void submitAll() {
        Timeline timeline = body.timeline();
        int tasks = timeline.tasks();
        timeline.submittedAll(0, tasks);
        for (int t = 0; t < tasks; t++) {
            if (body.cancellation().isCancelled()) {
                body.cancelAllQueued();
                break;
            }
            body.run(t, lane);
        }
    }

    @Override
    void resize(int workers) {
        // One thread by definition.
    }

    @Override
    int workers() {
        return 1;
    }

    @Override
    void interruptRunning() {
        // The caller's own thread runs the units; the cancel flag stops them.
    }

    @Override
    void close() {
        lane.retire();
    }
}
