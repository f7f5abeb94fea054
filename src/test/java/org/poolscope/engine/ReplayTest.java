package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;

/** A finished run seen as it was at any instant: what replay draws. */
class ReplayTest {

    @Test
    void everyTaskIsInTheStateItHadAtThatInstant() throws Exception {
        RunResult r = new Run(new RunSpec(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 300_000),
                ExecutorKind.FIXED, 2, 40, true)).execute();
        Timeline tl = r.timeline();
        Timeline at = tl.replayBuffer();
        assertThat(at.laneCount()).isEqualTo(tl.laneCount());
        for (long nanos : new long[] {0, r.wallNanos() / 4, r.wallNanos() / 2, r.wallNanos()}) {
            tl.replayAt(nanos, at);
            for (int t = 0; t < tl.tasks(); t++) {
                TaskState expected = tl.submitNanos(t) > nanos ? TaskState.NEW
                        : tl.startNanos(t) > nanos ? TaskState.QUEUED
                        : tl.endNanos(t) > nanos ? TaskState.RUNNING
                        : TaskState.DONE;
                assertThat(at.state(t)).as("task %d at %d ns", t, nanos).isEqualTo(expected);
            }
            for (int l = 0; l < tl.laneCount(); l++) {
                int lane = l;
                long ended = java.util.stream.IntStream.range(0, tl.tasks())
                        .filter(t -> tl.laneOf(t) == lane && tl.endNanos(t) <= nanos).count();
                assertThat(at.lane(l).size()).isEqualTo((int) ended);
                assertThat(at.lane(l).createdNanos()).isEqualTo(tl.lane(l).createdNanos());
            }
        }
        tl.replayAt(r.wallNanos(), at);
        assertThat(at.countByState()).isEqualTo(tl.countByState());
    }

    @Test
    void aRunWithoutTimesCannotBeReplayed() throws Exception {
        RunResult r = new Run(new RunSpec(new IoWorkload(0), ExecutorKind.FIXED, 2, 10, false)).execute();
        assertThatThrownBy(() -> r.timeline().replayBuffer()).hasMessageContaining("cannot be replayed");
    }
}
