package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.poolscope.workload.PrimesWorkload;

/**
 * What a task costs in the Timeline's memory, by accounting for its arrays as HotSpot lays them out:
 * 32 bytes a task (three longs, two ints) plus 4 in a lane log, far below the 64 allowed. The heap
 * itself is measured by {@code poolscope bench memory}, which agrees (36.0 B a task at a million).
 */
class TimelineFootprintTest {

    private static final int MILLION = 1_000_000;

    @Test
    void arraysAreCountedAsHotSpotLaysThemOut() {
        // a 16-byte header (mark word, compressed class pointer, length), elements, padding to 8
        assertThat(Timeline.arrayBytes(new int[0], Integer.BYTES)).isEqualTo(16);
        assertThat(Timeline.arrayBytes(new int[3], Integer.BYTES)).isEqualTo(32);
        assertThat(Timeline.arrayBytes(new long[1], Long.BYTES)).isEqualTo(24);
        assertThat(Timeline.arrayBytes(null, Long.BYTES)).isZero();
    }

    @Test
    void aMillionRecordedTasksOnTwoLanesTake36BytesATask() {
        Timeline timeline = new Timeline(MILLION, true);
        LaneLog[] lanes = {timeline.openLane("a"), timeline.openLane("b")};
        timeline.start();
        for (int t = 0; t < MILLION; t++) {
            timeline.submitted(t);
            LaneLog on = lanes[t % 2];
            assertThat(timeline.tryStart(t, on)).isTrue();
            timeline.finish(t, on, TaskState.DONE, null);
        }

        double perTask = (double) timeline.footprintBytes() / MILLION;

        assertThat(perTask).isLessThanOrEqualTo(64).isCloseTo(36, within(0.1));
    }

    @Test
    void withoutRecordingOnlyStateAndLaneRemain() {
        Timeline timeline = new Timeline(MILLION, false);
        timeline.openLane("a");

        assertThat((double) timeline.footprintBytes() / MILLION).isCloseTo(8, within(0.01));
    }

    @Test
    void workerProcessesAddTwoTimesATask() {
        Timeline timeline = new Timeline(MILLION, true);
        timeline.enableSegments();

        assertThat((double) timeline.footprintBytes() / MILLION).isCloseTo(48, within(0.01)); // no lane yet
    }

    @Test
    void aRealRunOnTheFixedPoolStaysUnder64BytesATask() throws InterruptedException {
        int tasks = 100_000;
        RunResult r = new Run(new RunSpec(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 2 * tasks),
                ExecutorKind.FIXED, 2, tasks, true)).execute();

        assertThat(r.done()).isEqualTo(tasks);
        // two lanes' logs each end in a partly filled chunk of 4 096 ids: at most 0.33 B a task here
        assertThat((double) r.timeline().footprintBytes() / tasks).isBetween(36.0, 36.5);
    }
}
