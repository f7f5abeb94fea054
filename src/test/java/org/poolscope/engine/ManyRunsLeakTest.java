package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * Two hundred small runs in one JVM, as a long session of the window makes them: every executor kind
 * (whatever {@link ExecutorKind} holds when the test runs), four workloads, some runs cancelled
 * mid-way, some with injected failures, some unrecorded. Afterwards no thread, no child process and
 * no heap is left behind.
 *
 * <h2>What "no thread left" means here</h2>
 * Every thread alive at the end must have been alive before the first run, except the JDK's own
 * lazily started, self-retiring pools: the virtual-thread scheduler's carriers
 * ({@code ForkJoinPool-N-worker-N}; PoolScope's work-stealing workers are named {@code poolscope-ws-N}),
 * the common pool, and the process reaper. Those are the JDK's to
 * manage (they end after an idle keep-alive), so they are left out of the comparison; everything else
 * — PoolScope's threads, this test's run threads, any thread a library might start — counts. The
 * virtual-thread scheduler's timer stays once started, so the test starts it before the baseline.
 * Virtual threads are not listed by {@link Thread#getAllStackTraces()}; the virtual kind's platform
 * dispatcher is, and its tasks are accounted for by the run's latch.
 *
 * <h2>Heap</h2>
 * Heap used after {@code System.gc()} at the end is compared with the same figure after the 10th
 * run, by which time the filter's signal and reference are cached and the code is warm: within 10 %
 * plus 2 MB. The absolute slack is there because the figures are small (about 7 MB when this class
 * runs alone, where the two figures differed by 30 KB); it is kept below what keeping every
 * {@link RunResult} of these runs would add (about 26 KB a run, 4.7 MB in all), which this test
 * caught when that leak was planted.
 */
class ManyRunsLeakTest {

    private static final int RUNS = 200;
    private static final int HEAP_BASELINE_AFTER = 10;
    private static final long HEAP_SLACK_BYTES = 2L << 20;

    /** The JDK's own pools that start on first use and retire on their own; see the class comment. */
    private static final Pattern JDK_POOLS = Pattern.compile(
            "ForkJoinPool-\\d+-worker-\\d+|ForkJoinPool\\.commonPool-worker-\\d+|VirtualThread-.*|process reaper.*"
                    + "|Attach Listener");

    private static final List<Workload> WORKLOADS = List.of(
            PrimesWorkload.sieve(200_000),
            new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 50_000, 101, FilterWorkload.Halo.FULL, 7),
            new IoWorkload(0),
            new ContentionWorkload(ContentionWorkload.LockKind.SYNCHRONIZED, 2_000));

    /** Long enough to be cancelled after its first task: 5 ms units, 200 of them. */
    private static final Workload CANCELLABLE = new IoWorkload(5);

    @Test
    @Timeout(120)
    void twoHundredRunsLeaveNoThreadNoProcessAndNoHeapBehind() throws Exception {
        startTheJdksVirtualThreadScheduler();
        Set<Thread> threadsBefore = liveThreads();
        Set<Long> childrenBefore = children();
        ExecutorKind[] kinds = ExecutorKind.values();
        long heapAfterBaselineRun = -1;
        int cancelRuns = 0;
        int cancelledSomething = 0;
        int faultRuns = 0;

        for (int i = 0; i < RUNS; i++) {
            ExecutorKind kind = kinds[i % kinds.length];
            // every (kind, workload) pair within kinds × workloads runs
            Workload workload = WORKLOADS.get((i / kinds.length) % WORKLOADS.size());
            if (kind == ExecutorKind.PROCESS && workload instanceof org.poolscope.workload.ContentionWorkload) {
                workload = WORKLOADS.get(0); // processes share no counter: the process kind refuses contention
            }
            int workers = 1 + i % 3;
            boolean record = i % 7 != 3;
            boolean includeStartup = i % 2 == 0;
            boolean cancel = i % 5 == 2; // 5 and the kind count are coprime: every kind is cancelled
            boolean faults = !cancel && i % 3 == 1;

            RunResult r;
            if (cancel) {
                RunSpec spec = new RunSpec(CANCELLABLE, kind, workers, 200, record, FaultPlan.NONE, includeStartup);
                r = cancelledAfterTheFirstTask(new Run(spec), i);
                cancelRuns++;
                assertThat(r.interrupted()).as("run %d: cancelled", i).isTrue();
                if (r.cancelled() > 0) {
                    cancelledSomething++;
                }
            } else {
                FaultPlan plan = faults ? new FaultPlan(0.25, i) : FaultPlan.NONE;
                RunSpec spec = new RunSpec(workload, kind, workers, 16, record, plan, includeStartup);
                r = new Run(spec).execute();
                int failing = (int) IntStream.range(0, 16).filter(plan::fails).count();
                assertThat(r.failed()).as("run %d (%s): failed", i, spec.describe()).isEqualTo(failing);
                assertThat(r.done()).as("run %d (%s): done", i, spec.describe()).isEqualTo(16 - failing);
                if (failing == 0) {
                    assertThat(r.verified()).as("run %d (%s): %s", i, spec.describe(), r.verification().message())
                            .isTrue();
                }
                if (faults) {
                    faultRuns++;
                }
            }
            assertThat(r.done() + r.failed() + r.cancelled()).as("run %d: every task ended", i)
                    .isEqualTo(r.spec().tasks());

            if (i + 1 == HEAP_BASELINE_AFTER) {
                heapAfterBaselineRun = heapUsedAfterGc();
            }
        }

        assertThat(cancelRuns).isEqualTo(RUNS / 5);
        assertThat(cancelledSomething).as("cancel runs that cancelled tasks").isGreaterThan(cancelRuns / 2);
        assertThat(faultRuns).isPositive();

        // Pools join their threads in close(); a thread may still be on its way out of run().
        List<String> ours = awaitWithin(1, Threads::ours, List::isEmpty);
        assertThat(ours).as("poolscope-* threads alive after %d runs", RUNS).isEmpty();
        List<String> leftBehind = awaitWithin(1, () -> newThreads(threadsBefore), List::isEmpty);
        assertThat(leftBehind).as("threads started during the runs and still alive (JDK pools aside)").isEmpty();
        assertThat(countNonJdkPool(liveThreads())).as("live threads, JDK pools aside, against before")
                .isLessThanOrEqualTo(countNonJdkPool(threadsBefore));

        Set<Long> newChildren = awaitWithin(1, () -> {
            Set<Long> now = children();
            now.removeAll(childrenBefore);
            return now;
        }, Set::isEmpty);
        assertThat(newChildren).as("child processes left").isEmpty();

        long heapAtEnd = heapUsedAfterGc();
        long allowed = (long) (heapAfterBaselineRun * 1.10) + HEAP_SLACK_BYTES;
        assertThat(heapAtEnd).as("heap used after GC: %d MB after run %d, %d MB after run %d",
                heapAfterBaselineRun >> 20, HEAP_BASELINE_AFTER, heapAtEnd >> 20, RUNS).isLessThanOrEqualTo(allowed);
    }

    /** Runs {@code run} on a platform thread of its own and cancels it all once one task has ended. */
    private static RunResult cancelledAfterTheFirstTask(Run run, int index) throws Exception {
        FutureTask<RunResult> execution = new FutureTask<>(run::execute);
        Thread runner = Thread.ofPlatform().name("test-run-" + index).start(execution);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.finishedTasks() < 1 && !execution.isDone()) {
            if (System.nanoTime() - deadline > 0) {
                run.cancelAll();
                throw new AssertionError("run " + index + ": no task ended within 20 s");
            }
            Thread.onSpinWait();
            Thread.yield(); // two cores: leave one to the workers
        }
        run.cancelAll();
        RunResult r = execution.get(30, TimeUnit.SECONDS);
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(runner.isAlive()).as("run thread %d ended", index).isFalse();
        return r;
    }

    /**
     * The virtual-thread scheduler and its timer thread ({@code ForkJoinPool-N-delayScheduler} on
     * JDK 25) start on first use and stay for the JVM's life: started here, before the baseline, so
     * that the comparison sees only what the runs leave.
     */
    private static void startTheJdksVirtualThreadScheduler() throws InterruptedException {
        Thread.ofVirtual().start(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1))).join();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).join();
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    private static List<String> newThreads(Set<Thread> before) {
        return liveThreads().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !JDK_POOLS.matcher(t.getName()).matches())
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted()
                .toList();
    }

    private static long countNonJdkPool(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).filter(t -> !JDK_POOLS.matcher(t.getName()).matches()).count();
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /**
     * Polls {@code probe} until {@code done} holds or {@code seconds} pass, with short parks: what it
     * waits for (a thread leaving run(), a process exiting) signals nothing the test could wait on.
     */
    private static <T> T awaitWithin(int seconds, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            value = probe.get();
        }
        return value;
    }

    private static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the lowest of three: a collection may leave some garbage to the next
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
