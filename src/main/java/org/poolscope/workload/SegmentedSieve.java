package org.poolscope.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A segmented sieve of Eratosthenes on the mod-30 wheel: counts and sums the primes of any block
 * [lo, hi) within [0, n], one segment of {@value #SEGMENT_BYTES} bytes at a time.
 *
 * <p>Layout: only numbers prime to 2, 3 and 5 are kept, eight in every thirty, so one byte stands for
 * 30 numbers: bit k of wheel byte b is 30 b + R[k], R = {1, 7, 11, 13, 17, 19, 23, 29}, set while the
 * number may be prime. That is 1/30 of a byte per number, against 1/16 for an odd-only bit sieve, and
 * a segment of 256 KiB covers 7.9 million numbers.
 *
 * <p>Per segment: {@link Presieve} copies in the multiples of 7 .. 173 from repeating patterns, one
 * level-1-sized chunk at a time; then each sieving prime above 173 crosses off its own multiples with
 * {@link WheelCrossOff}, eight per turn of the wheel, and keeps where it stopped (a byte index and a
 * place on the wheel, one int) for the next segment, so no segment divides to find its starts. A prime
 * joins when the segment reaches its square. Last, 8 bytes at a time, popcounts give the count and
 * the sum: the sum of a word's primes is the sum of their bytes' 30 b and of their residues, each a
 * few masked popcounts.
 *
 * <p>Why 256 KiB and not the 32 KiB level-1 cache: per prime and segment there is a fixed cost (a
 * call, a partial turn of the wheel at each end, two mispredicted branches), and below sqrt(10^9)
 * most primes make only a handful of marks in 32 KiB. Counting the primes below 10^9 on one core
 * here took 207 ms of CPU with 32 KiB segments, 175 with 64, 160 with 128 and 146 with 256, and
 * crossing off the primes below 4 096 in level-1-sized chunks of a 256 KiB segment gained nothing
 * (144 ms). The level-2 cache (1 MiB a core) holds a segment, and the marks of one prime are
 * independent stores that the out-of-order core overlaps. primesieve picks 256 KiB here as well.
 *
 * <p>The base primes up to floor(sqrt n) are found once, by the constructor, and shared read-only
 * by every block.
 *
 * <p>Threads: an instance is immutable after construction; any number of threads may call
 * {@link #countAndSum} concurrently. Each call allocates its own segment and sieving state.
 */
public final class SegmentedSieve {

    /** One segment: 256 KiB, a quarter of one core's level-2 cache here; a multiple of {@link Presieve#CHUNK_BYTES}. */
    static final int SEGMENT_BYTES = 256 * 1024;

    private static final int[] RESIDUES = {1, 7, 11, 13, 17, 19, 23, 29};
    /** For r in 0..29: the index of r in RESIDUES, or -1. */
    private static final int[] WHEEL_INDEX = new int[30];
    /** For r in 0..29: how far from r to the next residue >= r prime to 30 (to 31 for r = 30 - 0). */
    private static final int[] TO_NEXT_RESIDUE = new int[30];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        Arrays.fill(WHEEL_INDEX, -1);
        for (int k = 0; k < RESIDUES.length; k++) {
            WHEEL_INDEX[RESIDUES[k]] = k;
        }
        for (int r = 0; r < 30; r++) {
            int d = 0;
            while (WHEEL_INDEX[(r + d) % 30] < 0) {
                d++;
            }
            TO_NEXT_RESIDUE[r] = d;
        }
    }

    private final long n;
    /** The base primes above {@link Presieve#LARGEST}, up to floor(sqrt n). */
    private final int[] sievingPrimes;
    /** For each sieving prime p = 30 q + R[k]: q << 3 | k. */
    private final int[] wheelPrimes;


    /** Prepares to sieve blocks within [0, n]. */
    public SegmentedSieve(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2 (was " + n + ")");
        }
        this.n = n;
        int[] odd = oddPrimesUpTo((int) IntMath.isqrt(n));
        int first = 0;
        while (first < odd.length && odd[first] <= Presieve.LARGEST) {
            first++;
        }
        this.sievingPrimes = Arrays.copyOfRange(odd, first, odd.length);
        this.wheelPrimes = new int[sievingPrimes.length];
        for (int t = 0; t < sievingPrimes.length; t++) {
            int p = sievingPrimes[t];
            wheelPrimes[t] = p / 30 << 3 | WHEEL_INDEX[p % 30];
        }
    }

    public long n() {
        return n;
    }

    /** k for r = R[k], or -1 when r (0..29) is not prime to 30. */
    static int wheelIndex(int r) {
        return WHEEL_INDEX[r];
    }

    /**
     * Counts and sums the primes in [lo, hi), where 0 <= lo and hi - 1 <= n; an empty block (hi <= lo)
     * has none. Polls {@code cancel} once per segment, about every millisecond.
     *
     * @return {count, sum}
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set during the count
     */
    public long[] countAndSum(long lo, long hi, Cancellation cancel) {
        if (lo < 0 || hi - 1 > n) {
            throw new IllegalArgumentException("block [" + lo + ", " + hi + ") is not within [0, " + n + "]");
        }
        long count = 0;
        long sum = 0;
        for (int p : new int[] {2, 3, 5}) {
            if (lo <= p && p < hi) {
                count++;
                sum += p;
            }
        }
        long from = Math.max(lo, 7); // 1 is in the wheel, and not prime
        if (from >= hi) {
            return new long[] {count, sum};
        }
        long firstByte = from / 30;
        long lastByte = (hi - 1) / 30;
        int primes = sievingPrimesUpTo(IntMath.isqrt(hi - 1));
        int[] state = new int[primes];
        int active = 0;
        byte[] s = new byte[(int) Math.min(SEGMENT_BYTES, (lastByte - firstByte + 8) & -8)];
        for (long segment = firstByte; segment <= lastByte; segment += SEGMENT_BYTES) {
            cancel.check();
            int len = (int) Math.min(SEGMENT_BYTES, lastByte + 1 - segment);
            for (int chunk = 0; chunk < len; chunk += Presieve.CHUNK_BYTES) {
                Presieve.fill(s, chunk, Math.min(len - chunk, Presieve.CHUNK_BYTES), segment + chunk);
            }
            long end = 30 * (segment + len);
            while (active < primes && (long) sievingPrimes[active] * sievingPrimes[active] < end) {
                state[active] = firstState(sievingPrimes[active], segment);
                active++;
            }
            for (int t = 0; t < active; t++) {
                int wp = wheelPrimes[t];
                state[t] = WheelCrossOff.crossOff(wp & 7, s, len, wp >>> 3, state[t]);
            }
            Presieve.restorePrimes(s, len, segment);
            if (segment == firstByte) {
                s[0] &= (byte) bitsFrom((int) (from - 30 * firstByte));
            }
            if (segment + len - 1 == lastByte) {
                s[len - 1] &= (byte) bitsUpTo((int) (hi - 1 - 30 * lastByte));
            }
            int words = (len + 7) >>> 3;
            Arrays.fill(s, len, words << 3, (byte) 0);
            long[] countAndSum = countAndSumWords(s, words, segment);
            count += countAndSum[0];
            sum += countAndSum[1];
        }
        return new long[] {count, sum};
    }

    /**
     * The primes left in s[0, 8 words): their count and sum. A word holds wheel bytes b0 .. b0 + 7;
     * a set bit k of byte b0 + t is 30 (b0 + t) + R[k]. Summed over the word: 30 b0 times the count,
     * plus 30 t summed by the popcounts of the bytes with t's bits 1, 2, 4, plus the residues summed by
     * their binary digits (R[k]'s bit d is set for the bits in mask d: 0x66, 0xCA, 0x8C, 0xF0 per byte).
     */
    private static long[] countAndSumWords(byte[] s, int words, long firstByte) {
        long count = 0;
        long wordTimesCount = 0;
        long byteInWord = 0;
        long residues = 0;
        for (int w = 0; w < words; w++) {
            long x = (long) LONGS.get(s, w << 3);
            int c = Long.bitCount(x);
            count += c;
            wordTimesCount += (long) w * c;
            byteInWord += Long.bitCount(x & 0xFF00FF00FF00FF00L) + 2 * Long.bitCount(x & 0xFFFF0000FFFF0000L)
                    + 4 * Long.bitCount(x & 0xFFFFFFFF00000000L);
            residues += c + 2 * Long.bitCount(x & 0x6666666666666666L) + 4 * Long.bitCount(x & 0xCACACACACACACACAL)
                    + 8 * Long.bitCount(x & 0x8C8C8C8C8C8C8C8CL) + 16 * Long.bitCount(x & 0xF0F0F0F0F0F0F0F0L);
        }
        long sum = 30 * (firstByte * count + 8 * wordTimesCount + byteInWord) + residues;
        return new long[] {count, sum};
    }

    /** p's first multiple to cross off from wheel byte {@code segment} on, as a state relative to it. */
    private static int firstState(int p, long segment) {
        long start = Math.max((long) p * p, 30 * segment);
        long m = (start + p - 1) / p;
        m += TO_NEXT_RESIDUE[(int) (m % 30)];
        long index = p * m / 30 - segment;
        return (int) index << 3 | WHEEL_INDEX[(int) (m % 30)];
    }

    /** The bits of a wheel byte whose numbers are at least 30 b + r. */
    private static int bitsFrom(int r) {
        int bits = 0;
        for (int k = 0; k < 8; k++) {
            if (RESIDUES[k] >= r) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /** The bits of a wheel byte whose numbers are at most 30 b + r. */
    private static int bitsUpTo(int r) {
        int bits = 0;
        for (int k = 0; k < 8; k++) {
            if (RESIDUES[k] <= r) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /** How many sieving primes are <= limit. */
    private int sievingPrimesUpTo(long limit) {
        int i = Arrays.binarySearch(sievingPrimes, (int) Math.min(limit, Integer.MAX_VALUE));
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
