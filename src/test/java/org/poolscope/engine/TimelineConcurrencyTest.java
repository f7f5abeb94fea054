package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many workers write the Timeline while a canceller races them for queued tasks and a reader drains
 * the lane logs: every task ends exactly once, in one place, with times in order.
 */
class TimelineConcurrencyTest {

    private static final int TASKS = 200_000;
    private static final int WRITERS = 4;

    @Test
    void writersCancellerAndReaderAgree() throws Exception {
        Timeline timeline = new Timeline(TASKS, true);
        timeline.start();
        timeline.submittedAll(0, TASKS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> readerProblem = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        int[] drainedPerTask = new int[TASKS];

        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            LaneLog lane = timeline.openLane("writer-" + w);
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int t; (t = next.getAndIncrement()) < TASKS; ) {
                    if (timeline.tryStart(t, lane)) {
                        timeline.finish(t, lane, TaskState.DONE, null);
                    }
                }
                writersDone.countDown();
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            await(go);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < TASKS / 4; i++) {
                if (timeline.tryCancelQueued(random.nextInt(TASKS))) {
                    cancelled.incrementAndGet();
                }
            }
        }));
        Thread reader = Thread.ofPlatform().start(() -> {
            await(go);
            int[] cursors = new int[WRITERS];
            boolean last = false;
            while (!last) {
                last = !writing.get(); // one more full pass after the writers stopped
                for (int l = 0; l < WRITERS; l++) {
                    int lane = l;
                    // the last pass drains everything: a reader starved by a busy machine may be far behind
                    cursors[l] = timeline.lane(l).drain(cursors[l], last ? Integer.MAX_VALUE : 4_096, t -> {
                        drainedPerTask[t]++;
                        TaskState s = timeline.state(t);
                        boolean ok = s == TaskState.DONE && timeline.laneOf(t) == lane
                                && timeline.submitNanos(t) <= timeline.startNanos(t)
                                && timeline.startNanos(t) <= timeline.endNanos(t);
                        if (!ok) {
                            readerProblem.compareAndSet(null, "task " + t + " drained from lane " + lane + " in state " + s);
                        }
                    });
                }
            }
        });
        go.countDown();
        writersDone.await();
        for (Thread t : threads) {
            t.join();
        }
        writing.set(false);
        reader.join();

        assertThat(readerProblem.get()).isNull();
        int[] counts = timeline.countByState();
        assertThat(counts[TaskState.DONE.ordinal()] + counts[TaskState.CANCELLED.ordinal()]).isEqualTo(TASKS);
        assertThat(counts[TaskState.CANCELLED.ordinal()]).isEqualTo(cancelled.get()).isPositive();
        int logged = 0;
        for (int l = 0; l < WRITERS; l++) {
            logged += timeline.lane(l).size();
        }
        assertThat(logged).isEqualTo(counts[TaskState.DONE.ordinal()]);
        for (int t = 0; t < TASKS; t++) {
            assertThat(drainedPerTask[t]).as("task %d drained", t)
                    .isEqualTo(timeline.state(t) == TaskState.DONE ? 1 : 0);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
