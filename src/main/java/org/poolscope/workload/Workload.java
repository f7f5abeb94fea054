package org.poolscope.workload;

/**
 * A description of real work, as an immutable record: what to compute, not how to schedule it.
 *
 * <p>A workload {@linkplain #plan(int) plans} itself as T units over its input. The engine runs the
 * units on some executor, in any order and on any thread; the {@link Job} combines what the units
 * produced and verifies it against the workload's sequential definition. The combined result of a
 * workload is the same for every executor, worker count and task count (with the one documented
 * exception of the course's halo-less filter chunking, which the verification reports).
 *
 * <p>Workloads are values: two equal records describe the same work, which lets references (the
 * sequential output a filter is checked against, a generated signal) be cached by the record.
 */
public sealed interface Workload permits PrimesWorkload, FilterWorkload, IoWorkload, ContentionWorkload {

    /** Task counts never exceed this, whatever the workload: a million tasks must fit in memory. */
    int MAX_TASKS = 1_000_000;

    /** The workload's family name as the CLI spells it: {@code primes}, {@code filter}, {@code io}, {@code contention}. */
    String name();

    /** One line naming the workload and its parameters, e.g. {@code primes trial n=10000000}. */
    String describe();

    /** The largest task count {@link #plan(int)} accepts for this workload's parameters. */
    int maxTasks();

    /**
     * Whether T tasks do T units' worth of work (io waits, contention increments) rather than split one
     * fixed amount (primes, filter). A granularity sweep compares a split amount of work against doing
     * it unsplit; work that grows with T is only comparable at the same T.
     */
    default boolean workGrowsWithTasks() {
        return false;
    }

    /**
     * Plans the work as {@code tasks} units and allocates the storage the units write into.
     * May take a while for large inputs (a signal of millions of samples is generated once and cached).
     *
     * @throws IllegalArgumentException with a message fit for the user when {@code tasks} is not in
     *         {@code 1..maxTasks()} or the parameters do not allow that many units
     */
    Job plan(int tasks);
}
