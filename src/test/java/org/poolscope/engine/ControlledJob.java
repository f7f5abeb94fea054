package org.poolscope.engine;

import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.poolscope.workload.Cancellation;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.Job;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;
import org.poolscope.workload.Workload;

/**
 * A job whose units wait at a gate the test opens, and tell the test when they start: resize and
 * cancel tests synchronise on it instead of sleeping. Units poll the cancel flag while they wait, as
 * real kernels do, so executors that never interrupt still stop.
 */
final class ControlledJob implements Job {

    final int units;
    final CountDownLatch gate = new CountDownLatch(1);
    final Semaphore started = new Semaphore(0);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final Set<Integer> failing = ConcurrentHashMap.newKeySet();

    ControlledJob(int units) {
        this.units = units;
    }

    /** Waits until {@code n} more units have started. */
    void awaitStarted(int n) throws InterruptedException {
        if (!started.tryAcquire(n, 20, TimeUnit.SECONDS)) {
            throw new AssertionError("expected " + n + " more units to start; " + started.availablePermits() + " did");
        }
    }

    @Override
    public Workload workload() {
        return new IoWorkload(0);
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public String describeUnit(int unit) {
        return "controlled unit " + unit;
    }

    @Override
    public void run(int unit, Cancellation cancel) throws Exception {
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        started.release();
        try {
            while (!gate.await(1, TimeUnit.MILLISECONDS)) {
                cancel.check();
            }
            if (failing.contains(unit)) {
                throw new IllegalStateException("unit " + unit + " failed on purpose");
            }
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public Result combine(BitSet completed) {
        return Result.of("units", completed.cardinality());
    }

    @Override
    public Verification verify(Result result) {
        return result.get("units") == units ? Verification.ok("all units") : Verification.failed("units missing");
    }
}
