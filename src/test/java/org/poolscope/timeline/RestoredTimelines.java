package org.poolscope.timeline;

import java.util.SplittableRandom;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.TimelineRestorer;

/**
 * Timelines with exact times, restored from a fixed seed rather than run: the painter's tests and
 * benchmarks draw the same tasks on every machine.
 */
public final class RestoredTimelines {

    private RestoredTimelines() {
    }

    /**
     * Back-to-back tasks of 1–40 µs with gaps, every 1 500th a wide one of 3 ms; 1 % failed, 0.5 %
     * cancelled while running, 1 % stolen.
     */
    public static Timeline mixed(int tasks, int lanes, long seed) {
        return mixed(tasks, lanes, seed, true);
    }

    /** As {@link #mixed(int, int, long)}; without {@code outcomes}, every task is done and none stolen. */
    public static Timeline mixed(int tasks, int lanes, long seed, boolean outcomes) {
        SplittableRandom random = new SplittableRandom(seed);
        TimelineRestorer r = new TimelineRestorer(tasks, true);
        for (int l = 0; l < lanes; l++) {
            r.lane("poolscope-fixed-" + l, 0, -1, -1, 0, 0);
        }
        long[] free = new long[lanes];
        for (int t = 0; t < tasks; t++) {
            int lane = random.nextInt(lanes);
            long start = free[lane] + random.nextLong(0, 5_000);
            long length = t % 1_500 == 700 ? 3_000_000 : random.nextLong(1_000, 40_000);
            double p = random.nextDouble();
            TaskState state = !outcomes ? TaskState.DONE : p < 0.01 ? TaskState.FAILED : p < 0.015 ? TaskState.CANCELLED : TaskState.DONE;
            r.task(t, state, lane, 0, start, start + length);
            if (state == TaskState.FAILED) {
                r.error(t, new IllegalStateException("unit " + t));
            }
            if (state == TaskState.CANCELLED) {
                r.cancelledWhileRunning(t, start + length / 2);
            }
            if (random.nextDouble() < 0.01 && outcomes) {
                r.stolenFrom(t, (lane + 1) % lanes);
            }
            free[lane] = start + length;
        }
        return r.finish();
    }

}
