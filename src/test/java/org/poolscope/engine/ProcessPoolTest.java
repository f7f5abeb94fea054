package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.poolscope.engine.process.RemoteException;
import org.poolscope.engine.process.WorkerExitedException;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * The process kind's own behaviour: segments and start-up in the timeline, a worker killed mid-run,
 * faults, cancel, resize, and the runs it refuses. Every test leaves no thread and no process.
 */
class ProcessPoolTest {

    private Run run;
    private BackgroundRun running;

    private Run start(Workload workload, int workers, int tasks) {
        run = new Run(new RunSpec(workload, ExecutorKind.PROCESS, workers, tasks, true));
        running = BackgroundRun.start(run);
        return run;
    }

    private RunResult finish() throws Exception {
        return running.finish();
    }

    /**
     * Waits for a condition of the run's timeline that only the worker processes can bring about:
     * nothing in this JVM can signal it, so a bounded spin with short parks.
     */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private static List<Integer> runningTasks(Timeline tl) {
        return IntStream.range(0, tl.tasks()).filter(t -> tl.state(t) == TaskState.RUNNING).boxed().toList();
    }

    @AfterEach
    void nothingOfOursIsLeft() throws Exception {
        if (running != null) { // a failed test must not leave its run behind
            running.cancelAndAwait();
        }
        assertThat(Threads.ours()).isEmpty();
        assertThat(Children.aliveAfter(1000)).isEmpty();
    }

    @Test
    void aTaskIsSendComputeReceiveAndALaneStartsBeforeItIsReady() throws Exception {
        RunResult r = new Run(new RunSpec(PrimesWorkload.trial(2_000_000), ExecutorKind.PROCESS, 2, 8, true)).execute();
        assertThat(r.verified()).isTrue();
        Timeline tl = r.timeline();
        assertThat(tl.hasSegments()).isTrue();
        for (int t = 0; t < 8; t++) {
            assertThat(tl.state(t)).isEqualTo(TaskState.DONE);
            assertThat(tl.startNanos(t)).isLessThanOrEqualTo(tl.computeStartNanos(t));
            assertThat(tl.computeStartNanos(t)).isLessThan(tl.computeEndNanos(t));
            assertThat(tl.computeEndNanos(t)).isLessThanOrEqualTo(tl.endNanos(t));
        }
        for (LaneLog lane : tl.lanes()) {
            assertThat(lane.name()).startsWith("poolscope-process-");
            assertThat(lane.createdNanos()).isGreaterThanOrEqualTo(0); // start-up inside the clock
            assertThat(lane.readyNanos()).isGreaterThan(lane.createdNanos());
            assertThat(lane.pid()).isPositive();
            assertThat(lane.clockOffsetNanos()).as("one clock across processes on one host").isZero();
        }
        // Threads know nothing of segments.
        Timeline threads = new Run(new RunSpec(PrimesWorkload.trial(1000), ExecutorKind.FIXED, 1, 2, true)).execute().timeline();
        assertThat(threads.hasSegments()).isFalse();
        assertThat(threads.computeStartNanos(0)).isEqualTo(-1);
        assertThat(threads.lane(0).pid()).isEqualTo(-1);
        assertThat(threads.lane(0).readyNanos()).isEqualTo(threads.lane(0).createdNanos());
    }

    @Test
    void withoutStartUpTheClockStartsWhenEveryWorkerIsReady() throws Exception {
        RunSpec spec = new RunSpec(new IoWorkload(1), ExecutorKind.PROCESS, 2, 6, true, FaultPlan.NONE, false);
        RunResult r = new Run(spec).execute();
        assertThat(r.done()).isEqualTo(6);
        for (LaneLog lane : r.timeline().lanes()) {
            assertThat(lane.createdNanos()).isNegative();
            assertThat(lane.readyNanos()).isGreaterThan(lane.createdNanos()).isLessThanOrEqualTo(0);
        }
        Timeline tl = r.timeline();
        assertThat(IntStream.range(0, 6).mapToLong(tl::submitNanos).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aKilledWorkerFailsItsTaskAndAReplacementRunsTheRest() throws Exception {
        Run r = start(new IoWorkload(300), 1, 4);
        Timeline tl = r.timeline();
        await("a task runs", () -> !runningTasks(tl).isEmpty());
        int victim = runningTasks(tl).getFirst();
        long pid = tl.lane(tl.laneOf(victim)).pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        RunResult result = finish();
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.done()).isEqualTo(3);
        assertThat(tl.state(victim)).isEqualTo(TaskState.FAILED);
        assertThat(tl.error(victim)).isInstanceOf(WorkerExitedException.class)
                .hasMessageStartingWith("worker process exited (code ");
        assertThat(tl.computeStartNanos(victim)).isEqualTo(-1); // nothing came back
        assertThat(tl.laneCount()).isEqualTo(2);
        LaneLog replacement = tl.lane(1);
        assertThat(replacement.pid()).isPositive().isNotEqualTo(pid);
        assertThat(replacement.size()).isEqualTo(3);
        assertThat(tl.lane(0).retiredNanos()).isBetween(0L, replacement.readyNanos());
    }

    @Test
    void theSameUnitsFailAsOnTheFixedPool() throws Exception {
        Workload workload = PrimesWorkload.trial(100_000);
        FaultPlan faults = new FaultPlan(0.3, 11);
        RunSpec spec = new RunSpec(workload, ExecutorKind.FIXED, 2, 20, true, faults, true);
        RunResult fixed = new Run(spec).execute();
        RunResult process = new Run(spec.withExecutor(ExecutorKind.PROCESS, 2)).execute();

        Map<Integer, String> fixedFailures = messages(fixed.timeline());
        assertThat(fixedFailures).isNotEmpty();
        assertThat(messages(process.timeline())).isEqualTo(fixedFailures);
        assertThat(process.result()).isEqualTo(fixed.result());
        Throwable remote = process.timeline().errors().values().iterator().next();
        assertThat(remote).isInstanceOf(RemoteException.class);
        assertThat(((RemoteException) remote).remoteClassName()).endsWith("InjectedFault");
        assertThat(remote.getStackTrace()).isNotEmpty();
        assertThat(remote.toString()).contains("InjectedFault: injected fault in unit", "(in a worker process)");
    }

    private static Map<Integer, String> messages(Timeline tl) {
        Map<Integer, String> out = new TreeMap<>();
        tl.errors().forEach((t, e) -> out.put(t, e.getMessage()));
        return out;
    }

    @Test
    void cancelQueuedLetsTheRunningUnitsFinish() throws Exception {
        Run r = start(new IoWorkload(300), 2, 20);
        Timeline tl = r.timeline();
        await("both workers run a task", () -> runningTasks(tl).size() == 2);
        List<Integer> wereRunning = runningTasks(tl);
        int removed = r.cancelQueued();
        RunResult result = finish();
        assertThat(removed).isEqualTo(18);
        assertThat(result.done()).isEqualTo(2);
        assertThat(result.cancelled()).isEqualTo(18);
        assertThat(wereRunning).allSatisfy(t -> assertThat(tl.state(t)).isEqualTo(TaskState.DONE));
    }

    @Test
    void cancelAllStopsTheUnitsInTheWorkers() throws Exception {
        Run r = start(new IoWorkload(20_000), 2, 10);
        Timeline tl = r.timeline();
        await("both workers run a task", () -> runningTasks(tl).size() == 2);
        List<Integer> wereRunning = runningTasks(tl);
        r.cancelAll();
        RunResult result = finish(); // twenty-second units: only a CANCEL ends them this soon
        assertThat(result.cancelled()).isEqualTo(10);
        assertThat(result.done()).isZero();
        assertThat(result.failed()).isZero();
        for (int t : wereRunning) {
            assertThat(tl.computeStartNanos(t)).as("the worker answered CANCEL with its times").isNotNegative();
            assertThat(tl.endNanos(t) - tl.startNanos(t)).isLessThan(TimeUnit.SECONDS.toNanos(10));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // stops a worker with SIGSTOP
    void cancelAllKillsAWorkerThatDoesNotAnswer() throws Exception {
        Run r = start(new IoWorkload(20_000), 1, 3);
        Timeline tl = r.timeline();
        await("the worker runs a task", () -> runningTasks(tl).size() == 1);
        int task = runningTasks(tl).getFirst();
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(tl.lane(0).pid())).start();
        assertThat(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0).isTrue();
        r.cancelAll();
        RunResult result = finish();
        assertThat(result.cancelled()).isEqualTo(3);
        assertThat(tl.state(task)).isEqualTo(TaskState.CANCELLED);
        assertThat(tl.computeStartNanos(task)).as("killed: nothing came back").isEqualTo(-1);
        assertThat(tl.laneCount()).as("no replacement after a cancel").isEqualTo(1);
    }

    @Test
    void growsAndShrinksWhileRunning() throws Exception {
        Run r = start(new IoWorkload(200), 1, 14);
        Timeline tl = r.timeline();
        await("a task runs", () -> runningTasks(tl).size() == 1);
        r.resize(3);
        assertThat(r.workers()).isEqualTo(3);
        await("three workers run tasks at once", () -> runningTasks(tl).size() == 3);
        r.resize(1);
        RunResult result = finish();

        assertThat(result.done()).isEqualTo(14);
        assertThat(tl.laneCount()).isEqualTo(3);
        assertThat(tl.lanes()).allSatisfy(lane -> assertThat(lane.size()).isPositive());
        long lastEnd = IntStream.range(0, 14).mapToLong(tl::endNanos).max().orElseThrow();
        long retiredEarly = tl.lanes().stream().filter(l -> l.retiredNanos() >= 0 && l.retiredNanos() < lastEnd).count();
        assertThat(retiredEarly).as("lanes that said BYE before the last task ended").isEqualTo(2);
    }

    @Test
    void whenNoWorkerCanStartTheTasksFailWithTheReasonInsteadOfWaiting() throws Exception {
        String classPath = System.getProperty("java.class.path");
        RunResult r;
        try {
            System.setProperty("java.class.path", "/no/such/poolscope.jar"); // workers are started on it
            r = new Run(new RunSpec(new IoWorkload(0), ExecutorKind.PROCESS, 2, 5, true)).execute();
        } finally {
            System.setProperty("java.class.path", classPath);
        }
        assertThat(r.failed()).isEqualTo(5);
        assertThat(r.timeline().error(0)).hasMessageStartingWith("a worker process could not start: worker process exited (code 1)")
                .hasMessageContaining("WorkerMain");
        assertThat(r.timeline().lanes()).allSatisfy(lane -> assertThat(lane.readyNanos()).isEqualTo(lane.createdNanos()));
    }

    @Test
    void theContentionWorkloadIsRefusedBeforeItStarts() throws InterruptedException {
        var spec = new RunSpec(new ContentionWorkload(ContentionWorkload.LockKind.LONG_ADDER, 100),
                ExecutorKind.PROCESS, 2, 4, true);
        assertThatThrownBy(() -> new Run(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("process: contention")
                .hasMessageContaining("shared counter")
                .hasMessageContaining("use fixed, work-stealing or virtual");
        assertThat(Children.aliveAfter(0)).isEmpty();
    }

    @Test
    void tooManyBytesThroughThePipesAreRefusedWithTheMostTasksThatFit() {
        var average = new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 4_000_000, 1001, FilterWorkload.Halo.FULL, 42);
        assertThatThrownBy(() -> new Run(new RunSpec(average, ExecutorKind.PROCESS, 2, 1_000_000, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("process: 1000000 tasks would send 4.03 GB through the pipes (each chunk carries its halo);"
                        + " at most 1 GB: use at most 245387 tasks");
        new Run(new RunSpec(average, ExecutorKind.PROCESS, 2, 245_387, false)); // fits, and is planned
        assertThatThrownBy(() -> new Run(new RunSpec(average, ExecutorKind.PROCESS, 2, 245_388, false)))
                .hasMessageContaining("use at most 245387 tasks");
        assertThatThrownBy(() -> new Run(new RunSpec(average, ExecutorKind.PROCESS, 65, 4, false)))
                .hasMessageContaining("at most 64 worker processes");
    }
}
