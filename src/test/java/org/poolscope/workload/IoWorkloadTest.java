package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IoWorkloadTest {

    @Test
    void allUnitsOnVirtualThreadsAreVerified() throws Exception {
        IoJob job = new IoWorkload(5).plan(200);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < job.units(); u++) {
                int unit = u;
                executor.submit(() -> {
                    job.run(unit, Cancellation.NEVER);
                    return null;
                });
            }
        } // close() waits for every unit
        var all = new BitSet();
        all.set(0, 200);

        Result result = job.combine(all);

        assertThat(result).isEqualTo(Result.of("units", 200));
        assertThat(job.verify(result).verified()).isTrue();
    }

    @Test
    void aUnitWaitsAtLeastItsLatency() throws Exception {
        IoJob job = new IoWorkload(60).plan(1); // sliced: 50 ms + 10 ms towards one deadline
        long start = System.nanoTime();
        job.run(0, Cancellation.NEVER);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(60);
    }

    @Test
    void zeroLatencyDoesNotWait() throws Exception {
        IoJob job = new IoWorkload(0).plan(3);
        for (int u = 0; u < 3; u++) {
            job.run(u, Cancellation.NEVER);
        }
        var all = new BitSet();
        all.set(0, 3);
        assertThat(job.verify(job.combine(all)).verified()).isTrue();
    }

    @Test
    void missingUnitsAreReported() {
        IoJob job = new IoWorkload(1).plan(10);
        var some = new BitSet();
        some.set(0, 7);
        Result result = job.combine(some);
        assertThat(result.get("units")).isEqualTo(7);
        assertThat(job.verify(result).message()).isEqualTo("partial: 3 of 10 units missing");
    }

    @Test
    void cancelledLongWaitStopsAtOnce() {
        IoJob job = new IoWorkload(60_000).plan(1);
        var cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> job.run(0, cancel)).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingDuringALongWaitEndsItWithinASlice() throws Exception {
        IoJob job = new IoWorkload(60_000).plan(1);
        var cancel = new Cancellation();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread unit = Thread.ofPlatform().start(() -> {
            try {
                job.run(0, cancel);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        while (unit.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until the unit is inside its sliced sleep
        }
        long start = System.nanoTime();
        cancel.cancel();
        unit.join(10_000);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(unit.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void interruptionPropagates() {
        IoJob job = new IoWorkload(10).plan(1);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> job.run(0, Cancellation.NEVER)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void validationMessagesNameTheParameter() {
        assertThatThrownBy(() -> new IoWorkload(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("latency must be 0..60000 ms (was -1)");
        assertThatThrownBy(() -> new IoWorkload(60_001)).hasMessage("latency must be 0..60000 ms (was 60001)");
        assertThatThrownBy(() -> new IoWorkload(10).plan(100_001))
                .hasMessage("tasks must be 1..100000 for io latency=10ms (was 100001)");
        assertThat(new IoWorkload(10).plan(100_000).units()).isEqualTo(100_000);
    }
}
