package org.poolscope.workload;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A planned {@link IoWorkload}: T units that each sleep for the latency. There is no per-unit
 * storage; the result counts the completed units.
 *
 * <p>Cancellation: a sleeping unit answers to interruption at once ({@link InterruptedException}
 * propagates). Waits longer than {@value #SLICE_MILLIS} ms are cut into slices with a look at the
 * cancel flag between them, for executors that cancel without interrupting; the slices aim at one
 * deadline, so slicing does not lengthen the wait.
 *
 * <p>Threads: {@link #run} from any threads, for distinct units; {@link #combine} and {@link #verify}
 * by one thread after the runs, as {@link Job} says.
 */
public final class IoJob extends UnitJob {

    static final int SLICE_MILLIS = 50;

    private final int latencyMillis;

    IoJob(IoWorkload workload, int units) {
        super(workload, units);
        this.latencyMillis = workload.latencyMillis();
    }

    @Override
    public String describeUnit(int unit) {
        checkUnit(unit);
        return "wait " + latencyMillis + " ms";
    }

    @Override
    public void run(int unit, Cancellation cancel) throws InterruptedException {
        checkUnit(unit);
        await(latencyMillis, cancel);
    }

    /** One unit's wait: the kernel of this workload, wherever it runs (a worker process too). */
    static void await(int latencyMillis, Cancellation cancel) throws InterruptedException {
        cancel.check();
        if (latencyMillis <= SLICE_MILLIS) {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS)));
            cancel.check();
        }
    }

    @Override
    public Result combine(BitSet completed) {
        return Result.of("units", recordCompleted(completed));
    }

    @Override
    public Verification verify(Result result) {
        if (missingUnits() > 0) {
            return partial();
        }
        long done = result.get("units");
        if (done != units()) {
            var details = new LinkedHashMap<String, Long>();
            details.put("units", done);
            details.put("expectedUnits", (long) units());
            return new Verification(false, done + " units reported, " + units() + " planned", details);
        }
        return Verification.ok("all " + units() + " units waited " + latencyMillis + " ms");
    }

    @Override
    public String describeResult(int unit) {
        return "waited " + latencyMillis + " ms";
    }
}
