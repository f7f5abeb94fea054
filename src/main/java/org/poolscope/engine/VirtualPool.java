package org.poolscope.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A virtual thread per task, at most N running at once. A dispatcher thread takes a permit (a lane)
 * before it starts each task's virtual thread, so waiting tasks wait as queued tasks, not as parked
 * threads, and the lane a task ran on is its permit.
 *
 * <h2>Resize</h2> changes the number of permits ({@link Permits}).
 * <h2>Cancel</h2> "cancel queued" moves queued tasks to cancelled by their state CAS; the dispatcher
 * skips them. "Cancel all" also interrupts the running virtual threads (a sleeping unit wakes).
 */
final class VirtualPool extends Pool {

    private final Permits permits;
    private final Map<LaneLog, Thread> running = new ConcurrentHashMap<>();
    private final Thread.Builder virtualThreads = Thread.ofVirtual().name(LaneThreads.PREFIX + "virtual-task-", 0);
    private Thread dispatcher;

    VirtualPool(int workers, TaskBody body) {
        super(body);
        permits = new Permits(body.timeline(), "virtual", workers);
    }

    @Override
    void submitAll() {
        int tasks = body.timeline().tasks();
        body.timeline().submittedAll(0, tasks);
        dispatcher = new Thread(null, this::dispatch, LaneThreads.PREFIX + "virtual-dispatcher", 0, false);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    private void dispatch() {
        Timeline timeline = body.timeline();
        for (int t = 0, tasks = timeline.tasks(); t < tasks; t++) {
            if (timeline.state(t) != TaskState.QUEUED) {
                continue; // cancelled while it waited
            }
            LaneLog lane = acquireOrNull();
            if (lane == null) { // closed or interrupted: the run is being cancelled
                body.cancelAllQueued();
                return;
            }
            int task = t;
            virtualThreads.start(() -> {
                running.put(lane, Thread.currentThread());
                try {
                    body.run(task, lane);
                } finally {
                    running.remove(lane);
                    permits.release(lane);
                }
            });
        }
    }

    private LaneLog acquireOrNull() {
        try {
            return permits.acquire();
        } catch (InterruptedException e) {
            return null;
        }
    }

    @Override
    void resize(int workers) {
        permits.resize(workers);
    }

    @Override
    int workers() {
        return permits.capacity();
    }

    @Override
    void interruptRunning() {
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        running.values().forEach(Thread::interrupt);
    }

    @Override
    void close() {
        try {
            if (dispatcher != null) {
                dispatcher.join();
            }
            permits.closeAndAwaitReleased();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
