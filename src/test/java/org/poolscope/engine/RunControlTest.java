package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poolscope.workload.IoWorkload;

/** Live resize, cancel and failures on every pooled kind, driven by a job the test controls. */
class RunControlTest {

    private BackgroundRun running;
    private Run run;
    private ControlledJob job;

    private Run start(ExecutorKind kind, int workers, ControlledJob controlled) {
        job = controlled;
        run = new Run(new RunSpec(new IoWorkload(0), kind, workers, controlled.units(), true), controlled);
        running = BackgroundRun.start(run);
        return run;
    }

    private RunResult finish() throws Exception {
        return running.finish();
    }

    @AfterEach
    void noThreadOfOursIsLeft() throws Exception {
        if (run != null) { // a failed test must not leave its run behind for the next one
            job.gate.countDown();
            run.cancelAll();
            running.cancelAndAwait();
        }
        assertThat(Threads.ours()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"FIXED", "VIRTUAL"})
    void growsAndShrinksWhileRunning(ExecutorKind kind) throws Exception {
        ControlledJob job = new ControlledJob(12);
        Run run = start(kind, 1, job);
        job.awaitStarted(1);
        assertThat(job.running.get()).isEqualTo(1);

        run.resize(3);
        job.awaitStarted(2); // two more start at once on the new lanes
        assertThat(job.running.get()).isEqualTo(3);
        assertThat(run.workers()).isEqualTo(3);

        run.resize(1);
        long shrunkAt = run.timeline().now();
        job.gate.countDown();
        RunResult r = finish();

        assertThat(r.done()).isEqualTo(12);
        Timeline tl = r.timeline();
        long lanesAfterShrink = java.util.stream.IntStream.range(0, 12)
                .filter(t -> tl.startNanos(t) > shrunkAt).map(tl::laneOf).distinct().count();
        assertThat(lanesAfterShrink).as("lanes that started tasks after the shrink").isEqualTo(1);
        assertThat(run.workers()).isEqualTo(1);
        // Surplus workers leave at their next take; whether that happens before the last (instant)
        // tasks end is a race, so when they retire is not asserted, only that they took no new task.
    }

    @org.junit.jupiter.api.Test
    void workStealingGrowsAndThrottles() throws Exception {
        ControlledJob job = new ControlledJob(16);
        Run run = start(ExecutorKind.WORK_STEALING, 1, job);
        job.awaitStarted(1);
        run.resize(2);
        job.awaitStarted(1); // a second worker appears and steals
        assertThat(run.timeline().laneCount()).isGreaterThanOrEqualTo(2);
        run.resize(1); // only throttles: no worker is stopped
        assertThat(run.workers()).isEqualTo(1);
        job.gate.countDown();
        RunResult r = finish();
        assertThat(r.done()).isEqualTo(16);
        assertThat(r.verified()).isTrue();
        long stolen = java.util.stream.IntStream.range(0, 16).filter(t -> r.timeline().stolenFrom(t) >= 0).count();
        assertThat(stolen).as("leaves run in stolen subtrees").isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"FIXED", "WORK_STEALING", "VIRTUAL"})
    void cancelQueuedLetsRunningTasksFinish(ExecutorKind kind) throws Exception {
        ControlledJob job = new ControlledJob(40);
        Run run = start(kind, 2, job);
        job.awaitStarted(2);
        int removed = run.cancelQueued();
        job.gate.countDown();
        RunResult r = finish();
        assertThat(r.done()).isEqualTo(2);
        assertThat(r.cancelled()).isEqualTo(38);
        // What cancelQueued removed from the queue; the submitter cancels the tasks it had not
        // submitted yet itself, so this can be anything from 0 (it had submitted only the two) to 38.
        assertThat(removed).isBetween(0, 38);
        assertThat(r.verified()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"SEQUENTIAL", "FIXED", "WORK_STEALING", "VIRTUAL"})
    void cancelAllStopsRunningTasksToo(ExecutorKind kind) throws Exception {
        ControlledJob job = new ControlledJob(40);
        Run run = start(kind, 2, job);
        job.awaitStarted(kind == ExecutorKind.SEQUENTIAL ? 1 : 2);
        run.cancelAll();
        RunResult r = finish(); // the gate never opens: running units must be stopped
        assertThat(r.done()).isZero();
        assertThat(r.cancelled()).isEqualTo(40);
        assertThat(r.failed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"SEQUENTIAL", "FIXED", "WORK_STEALING", "VIRTUAL"})
    void aFailingUnitIsRecordedAndTheRunCompletes(ExecutorKind kind) throws Exception {
        ControlledJob job = new ControlledJob(20);
        job.failing.add(3);
        job.failing.add(17);
        job.gate.countDown();
        start(kind, 2, job);
        RunResult r = finish();
        assertThat(r.done()).isEqualTo(18);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.timeline().state(3)).isEqualTo(TaskState.FAILED);
        assertThat(r.timeline().error(17)).isInstanceOf(IllegalStateException.class).hasMessageContaining("unit 17");
        assertThat(r.timeline().errors()).containsOnlyKeys(3, 17);
        assertThat(r.verified()).isFalse();
    }
}
