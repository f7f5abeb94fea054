package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mod-30 wheel sieve against a plain sieve of Eratosthenes: every edge a block can have (inside a
 * wheel byte, on one, at a segment's end, next to the presieved primes and their squares) and the
 * published prime counts.
 */
class SegmentedSieveTest {

    /** Three segments and a bit: blocks can cross two segment boundaries. */
    private static final int LIMIT = 3 * 30 * SegmentedSieve.SEGMENT_BYTES + 1000;
    private static boolean[] composite;

    @BeforeAll
    static void plainSieve() {
        composite = new boolean[LIMIT + 1];
        composite[0] = true;
        composite[1] = true;
        for (int i = 2; (long) i * i <= LIMIT; i++) {
            if (!composite[i]) {
                for (int m = i * i; m <= LIMIT; m += i) {
                    composite[m] = true;
                }
            }
        }
    }

    private static long[] plain(long lo, long hi) {
        long count = 0;
        long sum = 0;
        for (long x = lo; x < hi; x++) {
            if (!composite[(int) x]) {
                count++;
                sum += x;
            }
        }
        return new long[] {count, sum};
    }

    private static void assertBlock(SegmentedSieve sieve, long lo, long hi) {
        assertThat(sieve.countAndSum(lo, hi, Cancellation.NEVER)).as("[%d, %d)", lo, hi).containsExactly(plain(lo, hi));
    }

    @Test
    void everyTinyBlockAmongTheSmallPrimes() {
        // the presieved primes 7..173 and the first sieving primes' squares (179^2 = 32041) lie here
        var sieve = new SegmentedSieve(LIMIT);
        for (long lo = 0; lo <= 1000; lo++) {
            for (long hi = lo; hi <= lo + 70; hi++) {
                assertBlock(sieve, lo, hi);
            }
        }
        for (long lo = 31_950; lo <= 32_150; lo++) {
            for (long hi = lo; hi <= lo + 70; hi += 3) {
                assertBlock(sieve, lo, hi);
            }
        }
    }

    @Test
    void blocksFromZeroOneTwoThreeFiveAndSeven() {
        var sieve = new SegmentedSieve(LIMIT);
        for (long lo : new long[] {0, 1, 2, 3, 5, 7}) {
            for (long hi : new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 29, 30, 31, 32, 60, 61, 163, 164, 173, 174, 179, 180, 1000,
                    32_041, 32_042, 30L * SegmentedSieve.SEGMENT_BYTES, 30L * SegmentedSieve.SEGMENT_BYTES + 1, LIMIT}) {
                assertBlock(sieve, lo, hi);
            }
        }
    }

    @Test
    void blockEdgesAroundWheelBytesAndSegmentBoundaries() {
        var sieve = new SegmentedSieve(LIMIT);
        long segment = 30L * SegmentedSieve.SEGMENT_BYTES;
        for (long boundary : new long[] {30 * 1000, segment, 2 * segment, 3 * segment}) {
            for (long d = -31; d <= 31; d++) {
                // starting and ending at every residue around the boundary
                assertBlock(sieve, boundary + d, boundary + 40);
                assertBlock(sieve, boundary - 40, boundary + d);
            }
        }
        // blocks spanning whole segments, with ragged ends on both sides
        assertBlock(sieve, segment - 7, 3 * segment + 13);
        assertBlock(sieve, 11, 2 * segment);
        assertBlock(sieve, 0, LIMIT + 1);
    }

    @Test
    void randomCutsAddUpToTheWhole() {
        var sieve = new SegmentedSieve(LIMIT);
        var random = new SplittableRandom(7);
        long[] whole = plain(0, LIMIT + 1);
        long count = 0;
        long sum = 0;
        for (long lo = 0; lo <= LIMIT; ) {
            long hi = Math.min(LIMIT + 1, lo + 1 + random.nextLong(random.nextBoolean() ? 100 : 3_000_000));
            long[] block = sieve.countAndSum(lo, hi, Cancellation.NEVER);
            count += block[0];
            sum += block[1];
            lo = hi;
        }
        assertThat(new long[] {count, sum}).containsExactly(whole);
    }

    @Test
    void publishedPrimeCounts() {
        assertThat(new SegmentedSieve(10_000_000).countAndSum(0, 10_000_001, Cancellation.NEVER))
                .containsExactly(664_579L, 3_203_324_994_356L);
        // pi(10^9) and the sum of those primes (Lucy_Hedgehog's method agrees: PrimesWorkloadTest)
        var sieve = new SegmentedSieve(1_000_000_000);
        assertThat(sieve.countAndSum(2, 1_000_000_001, Cancellation.NEVER))
                .containsExactly(50_847_534L, 24_739_512_092_254_535L);
        // and in two uneven blocks cut inside a wheel byte
        long[] a = sieve.countAndSum(2, 333_333_337, Cancellation.NEVER);
        long[] b = sieve.countAndSum(333_333_337, 1_000_000_001, Cancellation.NEVER);
        assertThat(new long[] {a[0] + b[0], a[1] + b[1]}).containsExactly(50_847_534L, 24_739_512_092_254_535L);
    }

    @Test
    void blocksOutsideZeroToNAreRefused() {
        var sieve = new SegmentedSieve(100);
        assertThatThrownBy(() -> sieve.countAndSum(-1, 10, Cancellation.NEVER))
                .hasMessage("block [-1, 10) is not within [0, 100]");
        assertThatThrownBy(() -> sieve.countAndSum(50, 102, Cancellation.NEVER))
                .hasMessage("block [50, 102) is not within [0, 100]");
        assertThat(sieve.countAndSum(50, 40, Cancellation.NEVER)).containsExactly(0, 0);
    }
}
