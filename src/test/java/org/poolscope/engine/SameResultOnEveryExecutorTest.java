package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Result;
import org.poolscope.workload.Workload;

/** Every executor, at several worker and task counts, gives the sequential result, verified. */
class SameResultOnEveryExecutorTest {

    static Stream<Arguments> cases() {
        List<Workload> workloads = List.of(
                new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 200_000),
                new PrimesWorkload(PrimesWorkload.Kernel.SIEVE, 3_000_000),
                new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 60_000, 101, FilterWorkload.Halo.FULL, 42),
                new FilterWorkload(FilterWorkload.Filter.FIR, 60_000, 63, FilterWorkload.Halo.FULL, 7),
                new FilterWorkload(FilterWorkload.Filter.MEDIAN, 60_000, 31, FilterWorkload.Halo.FULL, 42),
                new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE_FAST, 60_000, 101, FilterWorkload.Halo.FULL, 42),
                new ContentionWorkload(ContentionWorkload.LockKind.LONG_ADDER, 1_000),
                new ContentionWorkload(ContentionWorkload.LockKind.SYNCHRONIZED, 1_000),
                new IoWorkload(0));
        List<Arguments> out = new ArrayList<>();
        for (Workload w : workloads) {
            for (ExecutorKind kind : List.of(ExecutorKind.FIXED, ExecutorKind.WORK_STEALING, ExecutorKind.VIRTUAL)) {
                for (int workers : new int[] {1, 3}) {
                    for (int tasks : new int[] {1, 7, 100}) {
                        out.add(Arguments.of(w, kind, workers, tasks));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} ×{2}, {3} tasks")
    @MethodSource("cases")
    void matchesTheSequentialRun(Workload workload, ExecutorKind kind, int workers, int tasks) throws Exception {
        RunResult sequential = new Run(new RunSpec(workload, ExecutorKind.SEQUENTIAL, 1, tasks, true)).execute();
        RunResult parallel = new Run(new RunSpec(workload, kind, workers, tasks, true)).execute();

        assertThat(sequential.verified()).as(sequential.verification().message()).isTrue();
        assertThat(parallel.verified()).as(parallel.verification().message()).isTrue();
        Result expected = sequential.result();
        if (workload instanceof ContentionWorkload || workload instanceof IoWorkload) {
            assertThat(parallel.result().values()).containsAllEntriesOf(expected.values());
        } else {
            assertThat(parallel.result()).isEqualTo(expected);
        }
        assertThat(parallel.done()).isEqualTo(tasks);
        Timeline tl = parallel.timeline();
        int logged = tl.lanes().stream().mapToInt(LaneLog::size).sum();
        assertThat(logged).isEqualTo(tasks);
        for (int t = 0; t < tasks; t++) {
            assertThat(tl.submitNanos(t)).isLessThanOrEqualTo(tl.startNanos(t));
            assertThat(tl.startNanos(t)).isLessThanOrEqualTo(tl.endNanos(t));
            assertThat(tl.endNanos(t)).isLessThanOrEqualTo(parallel.wallNanos());
        }
        assertThat(parallel.stats().utilisation()).isBetween(0.0, 1.0001);
        assertThat(parallel.stats().imbalance()).isGreaterThanOrEqualTo(1.0);
    }

    @AfterAll
    static void noThreadOfOursIsLeft() {
        assertThat(Threads.ours()).isEmpty();
    }
}
