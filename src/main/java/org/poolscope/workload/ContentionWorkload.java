package org.poolscope.workload;

/**
 * Units increment one shared counter {@code increments} times each, through a choice of lock:
 * the course's resource-contention pitfall, measured. The final count is exact.
 *
 * <p>Every increment is one acquire and one release (or one atomic update): the cost the lesson is
 * about grows with the number of threads fighting over the counter, and differs by lock kind.
 * {@link LockKind#LONG_ADDER} spreads the updates over cells and scales where the others do not.
 *
 * <p>The result is {@code count}, the counter's final value: T x increments when every unit completed.
 *
 * <p>Threads: a record, immutable; any thread may call any method.
 *
 * @param lock       how the counter is guarded
 * @param increments increments per unit, 1..{@value #MAX_INCREMENTS}
 */
public record ContentionWorkload(LockKind lock, int increments) implements Workload {

    public static final int MAX_INCREMENTS = 100_000_000;
    public static final int DEFAULT_INCREMENTS = 100_000;

    public enum LockKind { SYNCHRONIZED, REENTRANT_LOCK, ATOMIC_LONG, LONG_ADDER }

    public ContentionWorkload {
        Checks.notNull("lock", lock, LockKind.values());
        Checks.range("increments", increments, 1, MAX_INCREMENTS, "");
    }

    @Override
    public String name() {
        return "contention";
    }

    @Override
    public String describe() {
        return "contention " + lock.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " increments=" + increments;
    }

    @Override
    public boolean workGrowsWithTasks() {
        return true; // each unit is a whole piece of work, not a share of one
    }

    @Override
    public int maxTasks() {
        return MAX_TASKS;
    }

    @Override
    public ContentionJob plan(int tasks) {
        Checks.tasks(this, tasks);
        return new ContentionJob(this, tasks);
    }
}
