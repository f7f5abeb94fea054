package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolscope.workload.FilterJob;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.FilterWorkload.Filter;
import org.poolscope.workload.FilterWorkload.Halo;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * The process kind gives exactly the sequential result: units computed in worker JVMs and brought
 * back through pipes, filters compared bit for bit. Kept apart from {@link SameResultOnEveryExecutorTest}
 * and small, because every run starts JVMs.
 */
class SameResultOnProcessTest {

    static Stream<Arguments> cases() {
        List<Workload> workloads = List.of(
                PrimesWorkload.trial(200_000),
                PrimesWorkload.sieve(3_000_000),
                new FilterWorkload(Filter.MOVING_AVERAGE, 60_000, 101, Halo.FULL, 42),
                new FilterWorkload(Filter.FIR, 60_000, 63, Halo.FULL, 7),
                new FilterWorkload(Filter.MOVING_AVERAGE, 60_000, 101, Halo.NONE, 42),
                new FilterWorkload(Filter.FIR, 60_000, 63, Halo.NONE, 7),
                new FilterWorkload(Filter.MEDIAN, 60_000, 31, Halo.FULL, 42),
                new FilterWorkload(Filter.MOVING_AVERAGE_FAST, 60_000, 101, Halo.FULL, 42),
                new IoWorkload(0));
        List<Arguments> out = new ArrayList<>();
        for (Workload w : workloads) {
            out.add(Arguments.of(w, 1, 1));
            out.add(Arguments.of(w, 3, 13));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on process ×{1}, {2} tasks")
    @MethodSource("cases")
    void matchesTheSequentialRun(Workload workload, int workers, int tasks) throws Exception {
        Run sequentialRun = new Run(new RunSpec(workload, ExecutorKind.SEQUENTIAL, 1, tasks, true));
        RunResult sequential = sequentialRun.execute();
        Run processRun = new Run(new RunSpec(workload, ExecutorKind.PROCESS, workers, tasks, true));
        RunResult process = processRun.execute();

        assertThat(process.done()).isEqualTo(tasks);
        assertThat(process.result()).isEqualTo(sequential.result());
        assertThat(process.verification()).isEqualTo(sequential.verification());
        boolean courseChunking = workload instanceof FilterWorkload f && f.halo() == Halo.NONE && tasks > 1;
        assertThat(process.verified()).as(process.verification().message()).isEqualTo(!courseChunking);
        if (workload instanceof FilterWorkload) {
            assertThat(bits(((FilterJob) processRun.job()).output()))
                    .isEqualTo(bits(((FilterJob) sequentialRun.job()).output()));
        }
        Timeline tl = process.timeline();
        assertThat(tl.lanes()).hasSize(workers).allSatisfy(lane -> {
            assertThat(lane.pid()).isPositive();
            assertThat(lane.readyNanos()).isGreaterThan(lane.createdNanos());
        });
        assertThat(tl.lanes().stream().mapToInt(LaneLog::size).sum()).isEqualTo(tasks);
    }

    private static int[] bits(FloatBuffer samples) {
        int[] bits = new int[samples.remaining()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Float.floatToRawIntBits(samples.get(samples.position() + i));
        }
        return bits;
    }

    @AfterEach
    void nothingOfOursIsLeft() throws InterruptedException {
        assertThat(Threads.ours()).isEmpty();
        assertThat(Children.aliveAfter(1000)).isEmpty();
    }
}
