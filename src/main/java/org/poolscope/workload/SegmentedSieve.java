package org.poolscope.workload;

import java.util.Arrays;

/**
 * A segmented sieve of Eratosthenes over odd numbers: counts and sums the primes of any block
 * [lo, hi) within [2, n], one segment of {@value #SEGMENT_BYTES} bytes of flags at a time.
 *
 * <p>Layout: bit i of a segment stands for the odd number {@code first + 2 i}, set when composite.
 * Leaving the even numbers out halves the memory and the work; packing the flags in bits lets a
 * segment of 262 144 odd numbers live in a 32 KiB L1 data cache, so the marking loop never waits
 * on memory however large n is.
 *
 * <p>The odd base primes up to floor(sqrt n) are found once, by the constructor, with a plain
 * sieve (at most 9 592 of them for n = 10^10), and shared read-only by every block.
 *
 * <p>Threads: an instance is immutable after construction; any number of threads may call
 * {@link #countAndSum} concurrently. Each call allocates its own segment and offsets.
 */
public final class SegmentedSieve {

    /** Flags of one segment: 32 KiB, sized for a level-1 data cache. */
    static final int SEGMENT_BYTES = 32 * 1024;
    private static final int SEGMENT_BITS = SEGMENT_BYTES * 8;

    private final long n;
    private final int[] oddBasePrimes;

    /** Prepares to sieve blocks within [2, n]. */
    public SegmentedSieve(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2 (was " + n + ")");
        }
        this.n = n;
        this.oddBasePrimes = oddPrimesUpTo((int) IntMath.isqrt(n));
    }

    public long n() {
        return n;
    }

    /**
     * Counts and sums the primes in [lo, hi), where 2 <= lo and hi - 1 <= n. Polls {@code cancel}
     * once per segment, about every 0.1 ms.
     *
     * @return {count, sum}
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set during the count
     */
    public long[] countAndSum(long lo, long hi, Cancellation cancel) {
        if (lo < 2 || hi - 1 > n) {
            throw new IllegalArgumentException("block [" + lo + ", " + hi + ") is not within [2, " + n + "]");
        }
        long count = 0;
        long sum = 0;
        if (lo <= 2 && 2 < hi) {
            count = 1;
            sum = 2;
        }
        long first = lo | 1;
        long last = hi - 1;
        if (first > last) {
            return new long[] {count, sum};
        }
        long odds = (last - first) / 2 + 1;
        int primes = basePrimesUpTo(IntMath.isqrt(last));
        // offset[j]: index, relative to the current segment, of the next odd multiple of p_j to cross out.
        long[] offset = new long[primes];
        for (int j = 0; j < primes; j++) {
            long p = oddBasePrimes[j];
            long m = Math.max(p * p, (first + p - 1) / p * p);
            if ((m & 1) == 0) {
                m += p;
            }
            offset[j] = (m - first) / 2;
        }
        long[] flags = new long[(int) ((Math.min(SEGMENT_BITS, odds) + 63) / 64)];
        long[] pattern = new long[64];
        for (long segmentStart = 0; segmentStart < odds; segmentStart += SEGMENT_BITS) {
            cancel.check();
            int length = (int) Math.min(SEGMENT_BITS, odds - segmentStart);
            int words = (length + 63) >>> 6;
            Arrays.fill(flags, 0, words, 0L);
            for (int j = 0; j < primes; j++) {
                long o = offset[j];
                if (o >= length) {
                    offset[j] = o - length;
                    continue;
                }
                int p = oddBasePrimes[j];
                int i = (int) o;
                if (p < 64) {
                    crossOutByPattern(flags, words, p, i, pattern);
                    i += (length - i + p - 1) / p * p;
                    long pIndex = (p - first) / 2 - segmentStart;
                    if (p >= first && pIndex >= 0 && pIndex < length) {
                        flags[(int) pIndex >>> 6] &= ~(1L << pIndex); // the pattern also hit p itself
                    }
                } else {
                    for (; i < length; i += p) {
                        flags[i >>> 6] |= 1L << i;
                    }
                }
                offset[j] = i - length;
            }
            long base = first + 2 * segmentStart;
            for (int w = 0; w < words; w++) {
                long primeBits = ~flags[w];
                int valid = length - (w << 6);
                if (valid < 64) {
                    primeBits &= (1L << valid) - 1;
                }
                count += Long.bitCount(primeBits);
                long wordBase = base + ((long) w << 7);
                while (primeBits != 0) {
                    sum += wordBase + 2L * Long.numberOfTrailingZeros(primeBits);
                    primeBits &= primeBits - 1;
                }
            }
        }
        return new long[] {count, sum};
    }

    /**
     * Crosses out every index congruent to {@code start} modulo p (p < 64) a word at a time: the bits
     * of such a progression repeat every p words, so one pattern of p words ORed over the segment
     * replaces 64 / p single-bit stores per word. The small primes make most of the marks, so this
     * halves the sieve's time. Indices below {@code start} get crossed out too; between the segment's
     * start and p^2 those are p's odd multiples, composite but for p itself, which the caller restores.
     */
    private static void crossOutByPattern(long[] flags, int words, int p, int start, long[] pattern) {
        Arrays.fill(pattern, 0, p, 0L);
        for (int bit = start % p; bit < 64 * p; bit += p) {
            pattern[bit >>> 6] |= 1L << bit;
        }
        for (int w = 0, k = 0; w < words; w++) {
            flags[w] |= pattern[k];
            if (++k == p) {
                k = 0;
            }
        }
    }

    /** How many base primes are <= limit. */
    private int basePrimesUpTo(long limit) {
        int i = Arrays.binarySearch(oddBasePrimes, (int) Math.min(limit, Integer.MAX_VALUE));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The odd primes <= limit, by a plain sieve: limit is at most 10^5 here. */
    static int[] oddPrimesUpTo(int limit) {
        if (limit < 3) {
            return new int[0];
        }
        boolean[] composite = new boolean[limit + 1];
        int[] primes = new int[limit];
        int count = 0;
        for (int i = 3; i <= limit; i += 2) {
            if (!composite[i]) {
                primes[count++] = i;
                for (long m = (long) i * i; m <= limit; m += 2L * i) {
                    composite[(int) m] = true;
                }
            }
        }
        return Arrays.copyOf(primes, count);
    }
}
