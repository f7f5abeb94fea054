package org.poolscope.workload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The small primes' multiples, crossed off a segment of the mod-30 wheel by copying instead of
 * marking. The multiples of p repeat every p bytes of the wheel (30 p numbers), so the bytes of a
 * group of primes with product Q repeat every Q bytes: one pattern per group, made once, and a segment
 * starting at wheel byte b is the AND of each group's pattern from offset b mod Q. A segment then
 * starts with the multiples of 7 .. {@value #LARGEST} already gone, which would otherwise be most of
 * the marks (the count of marks falls as 1 / p), for four passes of 8-byte words over 32 KiB.
 *
 * <p>Each pattern is Q + {@link #CHUNK_BYTES} + 8 bytes long (its first bytes repeated
 * after it), so that a segment reads one contiguous run of it. All patterns together are about
 * 0.9 MB, made on first use (10 to 30 ms in a fresh JVM here) and shared read-only by all threads.
 *
 * <p>The patterns also cross off each prime itself (7 = 7 · 1); {@link #restorePrimes} puts them back
 * in the segment that holds them.
 *
 * <p>Threads: immutable after class initialisation; any thread, concurrently, each on its own segment.
 */
final class Presieve {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Groups whose products stay below 110 000 bytes, so each pattern sits in the L2 cache. */
    private static final int[][] GROUPS = {
        {7, 11, 13, 17}, {19, 23, 29}, {31, 37, 41}, {43, 47, 53},
        {59, 61}, {67, 71}, {73, 79}, {83, 89}, {97, 101}, {103, 107}, {109, 113},
        {127, 131}, {137, 139}, {149, 151}, {157, 163}, {167, 173},
    };

    /** Bytes per call of {@link #fill}: a level-1 data cache, so a chunk is still there when the sieve reads it. */
    static final int CHUNK_BYTES = 32 * 1024;

    /** The largest presieved prime: sieving starts with the next one. */
    static final int LARGEST = 173;

    private static final byte[][] PATTERNS = new byte[GROUPS.length][];
    private static final int[] PERIODS = new int[GROUPS.length];

    static {
        if (GROUPS.length % 4 != 0) {
            throw new AssertionError("fill takes the groups four at a time");
        }
        for (int g = 0; g < GROUPS.length; g++) {
            int period = 1;
            for (int p : GROUPS[g]) {
                period *= p;
            }
            PERIODS[g] = period;
            PATTERNS[g] = pattern(GROUPS[g], period + CHUNK_BYTES + 8);
        }
    }

    private Presieve() {
    }

    /**
     * Sets s[from, from + len) to the wheel bytes from wheel byte {@code firstByte} on, the presieved
     * primes' multiples crossed off; bytes up to from + len rounded up to 8 may be written too.
     */
    static void fill(byte[] s, int from, int len, long firstByte) {
        // four groups a pass, the first pass writes and the others AND into what it wrote; sixteen
        // groups, so that this is one loop around one call (C2 compiles it quickly on a cold run)
        for (int g = 0; g < GROUPS.length; g += 4) {
            and4(s, from, len, g == 0, offset(g, firstByte), offset(g + 1, firstByte), offset(g + 2, firstByte),
                    offset(g + 3, firstByte), PATTERNS[g], PATTERNS[g + 1], PATTERNS[g + 2], PATTERNS[g + 3]);
        }
    }

    /** Eight bytes at a time: the patterns' runs start anywhere, and unaligned 8-byte loads cost nothing extra. */
    private static void and4(byte[] s, int from, int len, boolean first, int oa, int ob, int oc, int od,
            byte[] a, byte[] b, byte[] c, byte[] d) {
        for (int i = 0; i < len; i += 8) {
            long x = (long) LONGS.get(a, oa + i) & (long) LONGS.get(b, ob + i)
                    & (long) LONGS.get(c, oc + i) & (long) LONGS.get(d, od + i);
            LONGS.set(s, from + i, first ? x : x & (long) LONGS.get(s, from + i));
        }
    }

    private static int offset(int group, long firstByte) {
        return (int) (firstByte % PERIODS[group]);
    }

    /** Marks the presieved primes prime again in s[0, len), wheel bytes from {@code firstByte} on. */
    static void restorePrimes(byte[] s, int len, long firstByte) {
        if (firstByte > LARGEST / 30) {
            return;
        }
        for (int[] group : GROUPS) {
            for (int p : group) {
                long i = p / 30 - firstByte;
                if (i >= 0 && i < len) {
                    s[(int) i] |= (byte) (1 << SegmentedSieve.wheelIndex(p % 30));
                }
            }
        }
    }

    /** Wheel bytes 0 .. length - 1 with the odd multiples of the group's primes crossed off. */
    private static byte[] pattern(int[] primes, int length) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) 0xff);
        long end = 30L * length;
        for (int p : primes) {
            for (long x = p; x < end; x += 2L * p) {
                int k = SegmentedSieve.wheelIndex((int) (x % 30));
                if (k >= 0) {
                    bytes[(int) (x / 30)] &= (byte) ~(1 << k);
                }
            }
        }
        return bytes;
    }
}
