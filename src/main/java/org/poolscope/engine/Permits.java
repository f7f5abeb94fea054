package org.poolscope.engine;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A resizable pool of permits, each a lane: at most N holders at once. A {@link java.util.concurrent.Semaphore}
 * bounds a count but cannot say which slot a holder has, and a lane must know; nor can it lower its
 * count without blocking. Here a permit is a lane, handed out in FIFO order so lanes share the work.
 *
 * <h2>Resize</h2>
 * Growing opens new lanes (new creation indices, like new threads). Shrinking retires free lanes at
 * once and busy ones when they are released.
 *
 * <h2>Threads</h2>
 * Any thread. {@link #acquire} blocks until a permit is free or the pool is closed (then it returns
 * null); it answers to interruption.
 */
final class Permits {

    private final Timeline timeline;
    private final String kind;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LaneLog> free = new ArrayDeque<>();
    private int capacity;
    private int held;
    private int toRetire;
    private boolean closed;

    Permits(Timeline timeline, String kind, int capacity) {
        this.timeline = timeline;
        this.kind = kind;
        resize(capacity);
    }

    /** Takes a permit, waiting for one; null once the pool is closed. */
    LaneLog acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (free.isEmpty() && !closed) {
                changed.await();
            }
            if (closed) {
                return null;
            }
            held++;
            return free.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit back; it retires instead when the pool has shrunk. */
    void release(LaneLog lane) {
        lock.lock();
        try {
            held--;
            if (toRetire > 0) {
                toRetire--;
                lane.retire();
            } else {
                free.addLast(lane);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void resize(int newCapacity) {
        lock.lock();
        try {
            int delta = newCapacity - capacity;
            capacity = newCapacity;
            // A grow first cancels pending retirements, then opens new lanes.
            while (delta > 0 && toRetire > 0) {
                toRetire--;
                delta--;
            }
            for (; delta > 0; delta--) {
                free.addLast(timeline.openLane(LaneThreads.PREFIX + kind + "-" + timeline.laneCount()));
            }
            for (; delta < 0; delta++) {
                LaneLog idle = free.pollLast();
                if (idle != null) {
                    idle.retire();
                } else {
                    toRetire++;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the pool: waiters get null. Waits until every permit is back, then retires all lanes. */
    void closeAndAwaitReleased() throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            while (held > 0) {
                changed.await();
            }
            for (LaneLog lane : free) {
                lane.retire();
            }
            free.clear();
        } finally {
            lock.unlock();
        }
    }
}
