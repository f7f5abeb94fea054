package org.poolscope.workload;

/**
 * Counts (and sums) the primes in [2, n], split into T contiguous blocks.
 *
 * @param kernel {@link Kernel#TRIAL} is the course's algorithm; {@link Kernel#SIEVE} a segmented sieve
 * @param n      the inclusive upper bound, at least 2
 */
public record PrimesWorkload(Kernel kernel, long n) implements Workload {

    public enum Kernel {
        /** x is prime if no d in 2..floor(sqrt x) divides it, stopping at the first divisor: the course's is_prime. */
        TRIAL,
        /** Segmented sieve of Eratosthenes over odd numbers, base primes found once and shared. */
        SIEVE
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
        throw new UnsupportedOperationException("to be implemented");
    }

    @Override
    public Job plan(int tasks) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
