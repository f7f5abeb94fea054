package org.poolscope.workload;

/**
 * Counts (and sums) the primes in [2, n], split into T contiguous blocks.
 *
 * <p>Block i is [2 + i m / T, 2 + (i + 1) m / T) with m = n - 1: the blocks cover [2, n] without
 * overlap and differ in size by at most one number, so T can be anything from 1 to n - 1. The
 * combined result is {@code count} = pi(n) and {@code sum} = the sum of those primes, checked against
 * Lucy_Hedgehog's method ({@link PrimeReference}).
 *
 * <p>Threads: a record, immutable; any thread may call any method.
 *
 * @param kernel {@link Kernel#TRIAL} is the course's algorithm; {@link Kernel#SIEVE} a segmented sieve
 * @param n      the inclusive upper bound, 2..{@value #MAX_N}
 */
public record PrimesWorkload(Kernel kernel, long n) implements Workload {

    /** The largest n: the sum of the primes up to it must fit in a long, and 10^10 keeps it below 2^63. */
    public static final long MAX_N = 10_000_000_000L;

    public enum Kernel {
        /** x is prime if no d in 2..floor(sqrt x) divides it, stopping at the first divisor: the course's is_prime. */
        TRIAL,
        /** Segmented sieve of Eratosthenes on the mod-30 wheel, base primes found once and shared ({@link SegmentedSieve}). */
        SIEVE
    }

    public PrimesWorkload {
        Checks.notNull("kernel", kernel, Kernel.values());
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2 (was " + n + ")");
        }
        if (n > MAX_N) {
            throw new IllegalArgumentException("n must be at most " + MAX_N + " (was " + n + ")");
        }
    }

    public static PrimesWorkload trial(long n) {
        return new PrimesWorkload(Kernel.TRIAL, n);
    }

    public static PrimesWorkload sieve(long n) {
        return new PrimesWorkload(Kernel.SIEVE, n);
    }

    @Override
    public String name() {
        return "primes";
    }

    @Override
    public String describe() {
        return "primes " + kernel.name().toLowerCase(java.util.Locale.ROOT) + " n=" + n;
    }

    @Override
    public int maxTasks() {
        return (int) Math.min(MAX_TASKS, n - 1);
    }

    /** Plans T blocks; for the sieve this also finds the base primes up to sqrt n (a millisecond). */
    @Override
    public PrimesJob plan(int tasks) {
        Checks.tasks(this, tasks);
        return new PrimesJob(this, tasks);
    }
}
