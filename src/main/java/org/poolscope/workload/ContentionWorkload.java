package org.poolscope.workload;

/**
 * Units increment one shared counter {@code increments} times each, through a choice of lock:
 * the course's resource-contention pitfall, measured. The final count is exact.
 */
public record ContentionWorkload(LockKind lock, int increments) implements Workload {

    public enum LockKind { SYNCHRONIZED, REENTRANT_LOCK, ATOMIC_LONG, LONG_ADDER }

    @Override
    public String name() {
        return "contention";
    }

    @Override
    public String describe() {
        return "contention " + lock.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " increments=" + increments;
    }

    @Override
    public int maxTasks() {
        return MAX_TASKS;
    }

    @Override
    public Job plan(int tasks) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
