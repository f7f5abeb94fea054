package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.poolscope.workload.ContentionWorkload.LockKind;

class ContentionWorkloadTest {

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void fourThreadsCountExactly(LockKind kind) throws Exception {
        ContentionJob job = new ContentionWorkload(kind, 50_000).plan(16);
        var executor = Executors.newFixedThreadPool(4);
        try {
            var units = new ArrayList<Callable<Void>>();
            for (int u = 0; u < job.units(); u++) {
                int unit = u;
                units.add(() -> {
                    job.run(unit, Cancellation.NEVER);
                    return null;
                });
            }
            for (Future<Void> f : executor.invokeAll(units)) {
                f.get();
            }
        } finally {
            executor.shutdown();
        }
        var all = new BitSet();
        all.set(0, 16);

        Result result = job.combine(all);
        Verification v = job.verify(result);

        assertThat(result).isEqualTo(Result.of("count", 800_000));
        assertThat(v.verified()).as(v.message()).isTrue();
        assertThat(v.message()).isEqualTo("count 800000 = 16 x 50000");
    }

    @ParameterizedTest
    @EnumSource(LockKind.class)
    void cancelledUnitStopsAndPartialCountIsExplained(LockKind kind) {
        ContentionJob job = new ContentionWorkload(kind, 10_000).plan(3);
        job.run(0, Cancellation.NEVER);
        var cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> job.run(1, cancel)).isInstanceOf(CancellationException.class);
        var completed = new BitSet();
        completed.set(0);

        Result result = job.combine(completed);
        Verification v = job.verify(result);

        assertThat(result.get("count")).isEqualTo(10_000);
        assertThat(v.verified()).isFalse();
        assertThat(v.message()).isEqualTo("partial: 2 of 3 units missing; count 10000 = 1 completed x 10000 + 0 from units stopped midway");
        assertThat(v.details()).containsEntry("expected", 10_000L).containsEntry("missingUnits", 2L);
    }

    @Test
    void aWrongCountIsCalledLostUpdates() {
        ContentionJob job = new ContentionWorkload(LockKind.ATOMIC_LONG, 10).plan(2);
        job.run(0, Cancellation.NEVER);
        job.run(1, Cancellation.NEVER);
        var all = new BitSet();
        all.set(0, 2);
        job.combine(all);
        Verification v = job.verify(Result.of("count", 19));
        assertThat(v.verified()).isFalse();
        assertThat(v.message()).isEqualTo("lost updates: count 19, expected 20");
    }

    @Test
    void validationMessagesNameTheParameter() {
        assertThatThrownBy(() -> new ContentionWorkload(LockKind.SYNCHRONIZED, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("increments must be 1..100000000 (was 0)");
        assertThatThrownBy(() -> new ContentionWorkload(null, 1))
                .hasMessage("lock must be one of synchronized, reentrant-lock, atomic-long, long-adder (was none)");
        assertThatThrownBy(() -> new ContentionWorkload(LockKind.LONG_ADDER, 5).plan(0))
                .hasMessage("tasks must be 1..1000000 for contention long-adder increments=5 (was 0)");
    }
}
