package org.poolscope.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;

/**
 * Thread factories that give each worker a lane: its creation index in the run's {@link Timeline},
 * and a name {@code poolscope-<kind>-<index>}. Every thread PoolScope starts is named
 * {@code poolscope-*}, so tests can prove none is left behind. Workers are daemon threads: a
 * forgotten pool must never keep the JVM alive.
 */
final class LaneThreads {

    /** The prefix of every thread name PoolScope gives. */
    static final String PREFIX = "poolscope-";

    private LaneThreads() {
    }

    /** A platform worker that owns a lane for its whole life, and retires it when it exits. */
    static final class Worker extends Thread implements LaneOwner {
        private final LaneLog lane;

        Worker(LaneLog lane, Runnable body) {
            super(null, body, lane.name(), 0, false);
            this.lane = lane;
            setDaemon(true);
        }

        @Override
        public LaneLog laneLog() {
            return lane;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                lane.retire();
            }
        }
    }

    /**
     * The threads a pool started, so that closing it can wait until they have really ended: a
     * terminated executor can still have threads on their way out for a moment.
     */
    static final class Started {
        private final java.util.List<Thread> threads = new java.util.ArrayList<>();

        synchronized <T extends Thread> T add(T thread) {
            threads.add(thread);
            return thread;
        }

        /** Joins every thread started so far, waiting at most {@code seconds} in all. */
        void joinAll(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            java.util.List<Thread> copy;
            synchronized (this) {
                copy = java.util.List.copyOf(threads);
            }
            for (Thread t : copy) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                    throw new IllegalStateException(t.getName() + " did not end within " + seconds + " s");
                }
            }
        }
    }

    /** For ThreadPoolExecutor: each new thread opens the next lane. */
    static ThreadFactory forPool(Timeline timeline, String kind, Started started) {
        return body -> {
            LaneLog lane = timeline.openLane(PREFIX + kind + "-" + timeline.laneCount());
            return started.add(new Worker(lane, body));
        };
    }

    /** A ForkJoinPool worker that owns a lane. */
    static final class ForkJoinWorker extends ForkJoinWorkerThread implements LaneOwner {
        private final LaneLog lane;

        ForkJoinWorker(ForkJoinPool pool, LaneLog lane) {
            super(null, pool, true);
            this.lane = lane;
            setName(lane.name());
            setDaemon(true);
        }

        @Override
        public LaneLog laneLog() {
            return lane;
        }

        @Override
        protected void onTermination(Throwable exception) {
            lane.retire();
            super.onTermination(exception);
        }
    }

    /** For ForkJoinPool: lanes by creation index, because a pool index can be reused by a later worker. */
    static ForkJoinPool.ForkJoinWorkerThreadFactory forForkJoin(Timeline timeline, Started started) {
        return pool -> {
            synchronized (timeline) {
                LaneLog lane = timeline.openLane(PREFIX + "ws-" + timeline.laneCount());
                return started.add(new ForkJoinWorker(pool, lane));
            }
        };
    }
}
