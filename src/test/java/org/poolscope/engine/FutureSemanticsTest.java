package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;

/**
 * The engine's tasks behave as Java's futures do, and say how Python's would differ: checked against
 * a real FutureTask in the same situations.
 */
class FutureSemanticsTest {

    private BackgroundRun running;
    private Run run;
    private ControlledJob job;

    private Run start(ExecutorKind kind, int workers, ControlledJob controlled) {
        job = controlled;
        run = new Run(new RunSpec(new IoWorkload(0), kind, workers, controlled.units(), true), controlled);
        running = BackgroundRun.start(run);
        return run;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (run != null) {
            job.gate.countDown();
            run.cancelAll();
            running.cancelAndAwait();
        }
        assertThat(Threads.ours()).isEmpty();
    }

    @Test
    void aRealFutureTaskSaysRunningWhileQueuedAndCancelFalseSucceedsWhileRunning() throws Exception {
        // The JDK's own behaviour, which the engine reproduces below.
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            Future<String> first = one.submit(() -> {
                started.countDown();
                gate.await();
                return "first";
            });
            Future<String> queued = one.submit(() -> "queued");
            started.await();
            assertThat(queued.state()).isEqualTo(Future.State.RUNNING); // still in the queue
            assertThat(first.cancel(false)).isTrue(); // Python's cancel() would return False here
            assertThat(first.isCancelled()).isTrue();
            assertThat(first.isDone()).isTrue();
            assertThat(first.state()).isEqualTo(Future.State.CANCELLED);
            gate.countDown();
            assertThat(queued.get()).isEqualTo("queued");
            assertThat(first.state()).isEqualTo(Future.State.CANCELLED); // its result was thrown away
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void theEngineMatchesIt() throws Exception {
        ControlledJob controlled = new ControlledJob(3);
        Run r = start(ExecutorKind.FIXED, 1, controlled);
        controlled.awaitStarted(1);

        TaskDetails queued = r.details(1);
        assertThat(queued.javaFutureState()).isEqualTo(Future.State.RUNNING.name());
        assertThat(queued.pythonFutureState()).isEqualTo("PENDING");
        assertThat(queued.done()).isFalse();

        assertThat(r.cancel(0)).as("cancel(false) on the running task").isTrue();
        TaskDetails cancelled = r.details(0);
        assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.javaFutureState()).isEqualTo(Future.State.CANCELLED.name());
        assertThat(cancelled.done()).isTrue();
        assertThat(controlled.running.get()).as("the worker goes on with the unit").isEqualTo(1);

        assertThat(r.cancel(2)).as("cancel of a queued task").isTrue();
        controlled.gate.countDown();
        RunResult result = running.finish();
        run = null;

        Timeline tl = result.timeline();
        assertThat(tl.state(0)).as("the result is thrown away").isEqualTo(TaskState.CANCELLED);
        assertThat(tl.cancelledWhileRunningNanos(0)).isPositive().isLessThan(tl.endNanos(0));
        assertThat(tl.state(1)).isEqualTo(TaskState.DONE);
        assertThat(result.details(1).javaFutureState()).isEqualTo(Future.State.SUCCESS.name());
        assertThat(result.details(1).pythonFutureState()).isEqualTo("FINISHED");
        assertThat(r.cancel(1)).as("cancel of a finished task").isFalse();
        assertThat(tl.lane(0).size()).as("the lane was busy with the cancelled task to its end").isEqualTo(2);
        assertThat(result.cancelled()).isEqualTo(2);
        // Ended in this order: 0 at its cancel, 2 at its cancel, 1 when it finished.
        assertThat(tl.completionOrder()).containsExactly(0, 2, 1);
    }

    @Test
    void failedTasksKeepTheirExceptionAndStack() throws Exception {
        ControlledJob controlled = new ControlledJob(4);
        controlled.failing.add(2);
        controlled.gate.countDown();
        start(ExecutorKind.VIRTUAL, 2, controlled);
        RunResult r = running.finish();
        run = null;
        TaskDetails failed = r.details(2);
        assertThat(failed.javaFutureState()).isEqualTo(Future.State.FAILED.name());
        assertThat(failed.pythonFutureState()).isEqualTo("FINISHED");
        assertThat(failed.exception()).isEqualTo("java.lang.IllegalStateException: unit 2 failed on purpose");
        assertThat(failed.stack()).hasSizeBetween(1, TaskDetails.STACK_LINES) // a virtual thread's stack is short
                .first().asString().contains("ControlledJob.run");
        assertThat(failed.result()).isEmpty();
        assertThat(r.details(0).result()).isEmpty(); // the controlled job describes no result
    }

    @Test
    void injectedFaultsHitTheSameUnitsOnEveryExecutor() throws Exception {
        FaultPlan plan = new FaultPlan(0.2, 7);
        int tasks = 60;
        int[] expected = IntStream.range(0, tasks).filter(plan::fails).toArray();
        assertThat(expected.length).isBetween(5, 20); // about 20 %
        PrimesWorkload primes = new PrimesWorkload(PrimesWorkload.Kernel.SIEVE, 1_000_000);
        for (ExecutorKind kind : new ExecutorKind[] {ExecutorKind.SEQUENTIAL, ExecutorKind.FIXED,
                ExecutorKind.WORK_STEALING, ExecutorKind.VIRTUAL}) {
            RunResult r = new Run(new RunSpec(primes, kind, 2, tasks, true).withFaults(plan)).execute();
            assertThat(r.missingUnits()).as(kind.cliName()).containsExactly(expected);
            assertThat(r.failed()).isEqualTo(expected.length);
            assertThat(r.verified()).isFalse();
            assertThat(r.verification().message()).contains(expected.length + " of " + tasks + " units missing");
            assertThat(r.timeline().error(expected[0])).isInstanceOf(FaultPlan.InjectedFault.class)
                    .hasMessageContaining("unit " + expected[0]);
            assertThat(r.details(expected[0]).runNanos()).as("a failing unit did its work first").isPositive();
        }
    }

    @Test
    void completionOrderIsTheOrderTasksEnded() throws Exception {
        RunResult r = new Run(new RunSpec(new IoWorkload(0), ExecutorKind.FIXED, 2, 500, true)).execute();
        int[] order = r.timeline().completionOrder();
        assertThat(order).hasSize(500);
        assertThat(IntStream.of(order).sorted().toArray()).isEqualTo(IntStream.range(0, 500).toArray());
        for (int i = 1; i < order.length; i++) {
            assertThat(r.timeline().endNanos(order[i])).isGreaterThanOrEqualTo(r.timeline().endNanos(order[i - 1]));
        }
        RunResult unrecorded = new Run(new RunSpec(new IoWorkload(0), ExecutorKind.FIXED, 2, 50, false)).execute();
        assertThat(unrecorded.timeline().completionOrder()).isEmpty();
    }

    @Test
    void startUpCountsUnlessExcluded() throws Exception {
        IoWorkload io = new IoWorkload(0);
        RunResult included = new Run(new RunSpec(io, ExecutorKind.FIXED, 2, 10, true)).execute();
        RunResult excluded = new Run(new RunSpec(io, ExecutorKind.FIXED, 2, 10, true, FaultPlan.NONE, false)).execute();
        assertThat(included.timeline().lanes()).allMatch(l -> l.createdNanos() >= 0);
        assertThat(excluded.timeline().lanes()).allMatch(l -> l.createdNanos() < 0);
    }
}
