package org.poolscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunSpec;
import org.poolscope.workload.PrimesWorkload;

class SweepTest {

    private static final PrimesWorkload PRIMES = new PrimesWorkload(PrimesWorkload.Kernel.SIEVE, 2_000_000);

    @Test
    void interleavesRoundsAndSummarisesEveryPoint() throws Exception {
        RunSpec base = new RunSpec(PRIMES, ExecutorKind.FIXED, 1, 16, true);
        Sweep sweep = new Sweep(new SweepSpec(base, List.of(1, 2, 3), List.of(16), 2));
        List<String> order = new ArrayList<>();
        SweepResult r = sweep.run((run, warmUp, index, total) ->
                order.add((warmUp ? "w:" : "") + run.spec().executor() + "×" + run.spec().workers()));

        // warm-up round, then rounds interleaved across N: baseline, 1, 2, 3, baseline, 1, 2, 3, ...
        assertThat(order).containsExactly(
                "w:sequential×1", "w:fixed×1", "w:fixed×2", "w:fixed×3",
                "sequential×1", "fixed×1", "fixed×2", "fixed×3",
                "sequential×1", "fixed×1", "fixed×2", "fixed×3");
        assertThat(sweep.totalRuns()).isEqualTo(order.size());
        assertThat(r.rows()).hasSize(8);
        assertThat(r.points()).extracting(SweepPoint::workers).containsExactly(1, 2, 3);
        assertThat(r.verified()).isTrue();
        for (SweepPoint p : r.points()) {
            assertThat(p.wallMillis().count()).isEqualTo(2);
            assertThat(p.speedup()).isPositive().isBetween(p.speedupMin(), p.speedupMax());
            assertThat(p.ceiling().median()).isPositive();
            assertThat(p.efficiency()).isEqualTo(p.speedup() / p.workers());
        }
        assertThat(r.points().get(0).ceiling().median()).isEqualTo(1.0);
        assertThat(r.points().get(0).karpFlatt()).isNaN();
        if (r.cores() < 3) {
            assertThat(r.warnings()).anyMatch(w -> w.contains("N=3 exceeds the " + r.cores() + " cores"));
        }
        assertThat(r.rows()).filteredOn(row -> row.executor() == ExecutorKind.SEQUENTIAL).hasSize(2)
                .allMatch(row -> row.ceiling() == 1.0 && row.workers() == 1);
    }

    @Test
    void aGranularitySweepHasABaselinePerTaskCount() throws Exception {
        RunSpec base = new RunSpec(PRIMES, ExecutorKind.WORK_STEALING, 2, 1, false);
        SweepSpec spec = new SweepSpec(base, List.of(2), List.of(1, 10, 1000), 1);
        SweepResult r = new Sweep(spec).run((run, warmUp, index, total) -> { });
        assertThat(spec.isGranularity()).isTrue();
        assertThat(r.baselines()).hasSize(3);
        assertThat(r.points()).extracting(SweepPoint::tasks).containsExactly(1, 10, 1000);
        assertThat(r.verified()).isTrue();
        // Every point against the least-split sequential run: what splitting costs shows as lost speedup.
        double plainProgram = r.baselines().get(0).median();
        for (SweepPoint p : r.points()) {
            assertThat(p.speedup()).isEqualTo(plainProgram / p.wallMillis().median());
        }
    }

    @Test
    void workThatGrowsWithTheTasksIsComparedAtTheSameTaskCount() throws Exception {
        RunSpec base = new RunSpec(new org.poolscope.workload.IoWorkload(1), ExecutorKind.FIXED, 2, 1, true);
        SweepResult r = new Sweep(new SweepSpec(base, List.of(2), List.of(2, 8), 1)).run((run, warmUp, i, n) -> { });
        // 8 waits are not 2 waits split finer: each point against the sequential run of its own count.
        for (int k = 0; k < 2; k++) {
            SweepPoint p = r.points().get(k);
            assertThat(p.speedup()).isEqualTo(r.baselines().get(k).median() / p.wallMillis().median());
        }
    }

    @Test
    void cancelDuringWarmUpLeavesNothingToReport() {
        RunSpec base = new RunSpec(PRIMES, ExecutorKind.FIXED, 2, 16, true);
        Sweep sweep = new Sweep(new SweepSpec(base, List.of(1, 2), List.of(16), 50));
        assertThatThrownBy(() -> sweep.run((run, warmUp, index, total) -> {
            if (index == 2) {
                sweep.cancel();
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelLaterReturnsTheRoundsMeasuredMarkedIncomplete() throws Exception {
        RunSpec base = new RunSpec(PRIMES, ExecutorKind.FIXED, 2, 16, true);
        Sweep sweep = new Sweep(new SweepSpec(base, List.of(1, 2), List.of(16), 50));
        // rounds have 3 runs (baseline, 1, 2): cancel in the middle of the third measured round
        SweepResult r = sweep.run((run, warmUp, index, total) -> {
            if (index == 3 + 3 + 3 + 2) {
                sweep.cancel();
            }
        });
        assertThat(r.complete()).isFalse();
        assertThat(r.warnings().get(0)).contains("cancelled");
        assertThat(r.points()).hasSize(2).allMatch(p -> p.wallMillis().count() == 2);
        assertThat(r.rows()).hasSize(6);
    }

    @Test
    void rejectsBadSpecsWithAMessage() {
        RunSpec base = new RunSpec(PRIMES, ExecutorKind.FIXED, 2, 16, true);
        assertThatThrownBy(() -> new SweepSpec(base, List.of(), List.of(16), 1)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new SweepSpec(base, List.of(0), List.of(16), 1)).hasMessageContaining("workers must be");
        assertThatThrownBy(() -> new SweepSpec(base, List.of(1), List.of(16), 0)).hasMessageContaining("repeats must be");
        assertThatThrownBy(() -> new SweepSpec(base, List.of(1), List.of(0), 1)).hasMessageContaining("tasks must be");
    }
}
