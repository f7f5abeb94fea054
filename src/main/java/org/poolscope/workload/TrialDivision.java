package org.poolscope.workload;

/**
 * The course's primality test, kept exactly as slow as the course's: x is prime when no d in
 * 2..floor(sqrt x) divides it, trying every integer d in order and stopping at the first divisor.
 * Skipping even divisors would be faster, and would no longer be the algorithm whose cost the
 * course's timeline shows (a block's cost grows with its numbers, so the last block is the slowest).
 *
 * <p>Threads: stateless; any thread may call any method, concurrently.
 */
public final class TrialDivision {

    private static final int POLL_MASK = 4096 - 1;

    private TrialDivision() {
    }

    /** The course's is_prime: false below 2. */
    public static boolean isPrime(long x) {
        return x >= 2 && (x <= Integer.MAX_VALUE ? isPrimeInt((int) x, Cancellation.NEVER) : isPrimeLong(x, Cancellation.NEVER));
    }

    /**
     * Counts and sums the primes in [lo, hi), testing each number with {@link #isPrime}.
     * Polls {@code cancel} every 4 096 candidates and every 4 096 divisors of one candidate.
     *
     * @return {count, sum}
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set during the count
     */
    public static long[] countAndSum(long lo, long hi, Cancellation cancel) {
        long count = 0;
        long sum = 0;
        long from = Math.max(lo, 2);
        // int division costs about half of long division on x86, and the answer is the same.
        boolean fitsInt = hi - 1 <= Integer.MAX_VALUE;
        for (long x = from; x < hi; x++) {
            if ((x & POLL_MASK) == 0) {
                cancel.check();
            }
            boolean prime = fitsInt ? isPrimeInt((int) x, cancel) : isPrimeLong(x, cancel);
            if (prime) {
                count++;
                sum += x;
            }
        }
        return new long[] {count, sum};
    }

    private static boolean isPrimeInt(int x, Cancellation cancel) {
        int limit = (int) IntMath.isqrt(x);
        for (int d = 2; d <= limit; d++) {
            if (x % d == 0) {
                return false;
            }
            if ((d & POLL_MASK) == 0) {
                cancel.check();
            }
        }
        return true;
    }

    private static boolean isPrimeLong(long x, Cancellation cancel) {
        long limit = IntMath.isqrt(x);
        for (long d = 2; d <= limit; d++) {
            if (x % d == 0) {
                return false;
            }
            if ((d & POLL_MASK) == 0) {
                cancel.check();
            }
        }
        return true;
    }
}
