package org.poolscope.workload;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A planned {@link ContentionWorkload}: one counter shared by all units of this job, guarded the way
 * the workload names.
 *
 * <p>Each lock kind has its own increment loop rather than one loop calling an interface: a call site
 * that sees four counter classes in one JVM stops inlining them, and the measurement would then be of
 * virtual calls, not of locks. The loops run {@value #POLL} increments between looks at the cancel
 * flag, so a cancelled unit stops within microseconds, having added only part of its increments.
 * {@link #verify} reports those honestly instead of pretending the count is wrong or right.
 *
 * <p>Threads: {@link #run} from any threads for distinct units, concurrently: that is the contention.
 * {@link #combine} and {@link #verify} by one thread after the runs, as {@link Job} says.
 */
public final class ContentionJob extends UnitJob {

    static final int POLL = 4096;

    private final ContentionWorkload workload;
    private final Object monitor = new Object();
    /** Guarded by {@link #monitor}. */
    private long monitorCount;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private long lockedCount;
    private final AtomicLong atomicCount = new AtomicLong();
    private final LongAdder adderCount = new LongAdder();
    private int completedUnits;

    ContentionJob(ContentionWorkload workload, int units) {
        super(workload, units);
        this.workload = workload;
    }

    @Override
    public String describeUnit(int unit) {
        checkUnit(unit);
        return workload.increments() + " increments";
    }

    @Override
    public void run(int unit, Cancellation cancel) {
        checkUnit(unit);
        for (int left = workload.increments(); left > 0; left -= POLL) {
            cancel.check();
            int batch = Math.min(POLL, left);
            switch (workload.lock()) {
                case SYNCHRONIZED -> incrementSynchronized(batch);
                case REENTRANT_LOCK -> incrementLocked(batch);
                case ATOMIC_LONG -> incrementAtomic(batch);
                case LONG_ADDER -> incrementAdder(batch);
            }
        }
    }

    private void incrementSynchronized(int times) {
        for (int i = 0; i < times; i++) {
            synchronized (monitor) {
                monitorCount++;
            }
        }
    }

    private void incrementLocked(int times) {
        for (int i = 0; i < times; i++) {
            lock.lock();
            try {
                lockedCount++;
            } finally {
                lock.unlock();
            }
        }
    }

    private void incrementAtomic(int times) {
        for (int i = 0; i < times; i++) {
            atomicCount.incrementAndGet();
        }
    }

    private void incrementAdder(int times) {
        for (int i = 0; i < times; i++) {
            adderCount.increment();
        }
    }

    /** The counter as it stands now. */
    public long count() {
        return switch (workload.lock()) {
            case SYNCHRONIZED -> {
                synchronized (monitor) {
                    yield monitorCount;
                }
            }
            case REENTRANT_LOCK -> {
                lock.lock();
                try {
                    yield lockedCount;
                } finally {
                    lock.unlock();
                }
            }
            case ATOMIC_LONG -> atomicCount.get();
            case LONG_ADDER -> adderCount.sum();
        };
    }

    /**
     * Reads the shared counter. Units not in {@code completed} cannot be subtracted: a unit cancelled
     * midway leaves the increments it made, so a partial count is whatever the counter holds.
     */
    @Override
    public Result combine(BitSet completed) {
        completedUnits = recordCompleted(completed);
        return Result.of("count", count());
    }

    @Override
    public Verification verify(Result result) {
        int missing = missingUnits();
        long count = result.get("count");
        long expected = (long) completedUnits * workload.increments();
        var details = new LinkedHashMap<String, Long>();
        details.put("count", count);
        details.put("expected", expected);
        details.put("missingUnits", (long) missing);
        if (missing > 0) {
            return new Verification(false, "partial: " + missing + " of " + units() + " units missing; count "
                    + count + " = " + completedUnits + " completed x " + workload.increments() + " + "
                    + (count - expected) + " from units stopped midway", details);
        }
        if (count != expected) {
            return new Verification(false, "lost updates: count " + count + ", expected " + expected, details);
        }
        return new Verification(true, "count " + count + " = " + units() + " x " + workload.increments(), details);
    }

    @Override
    public String describeResult(int unit) {
        return workload.increments() + " increments of the shared counter";
    }
}
