package org.poolscope.workload;

/**
 * The inner loops of {@link SegmentedSieve}: crossing off the multiples of one sieving prime in one
 * segment of the mod-30 wheel.
 *
 * <p>Layout: byte b of a segment holds the numbers 30 b + R[k], R = {1, 7, 11, 13, 17, 19, 23, 29},
 * bit k set while the number may be prime. The multiples of p = 30 q + r that are prime to 30 are
 * p m for m = 30 a + R[j]: byte p a + q R[j] + (r R[j]) / 30, bit of (r R[j]) mod 30. Eight consecutive
 * such multiples (one turn of the wheel: m over 30 numbers) span p bytes, at the same eight offsets
 * and bits on every turn.
 *
 * <p>So the bulk of the work is a loop that clears all eight and steps p bytes: one loop per residue
 * r of p (generated from the formulas at the end of this comment), so that the eight masks are constants
 * of the instructions and only the offsets take registers. The partial turns at either end of a
 * segment go one multiple at a time, from tables, in {@link #crossOff} itself; kept out of the
 * per-residue loops they leave the JIT eight small loops to compile instead of eight large methods
 * (a cold run of pi(10^9) spent more time in C2 than in the sieve otherwise).
 *
 * <p>State between segments: the byte index of the next multiple, relative to the next segment, and
 * j, its place on the wheel, packed as {@code index << 3 | j}.
 *
 * <p>Threads: stateless; the caller owns the segment.
 *
 * <pre>
 * R = [1, 7, 11, 13, 17, 19, 23, 29]
 * for r in R: C[j] = r R[j] // 30, bit[j] = R.index(r R[j] % 30)
 *   offset of multiple j within a turn = q (R[j] - 1) + C[j]
 *   step j -> j+1 = q (R[j+1] - R[j]) + C[j+1] - C[j];  step 7 -> 0 = 2 q + r - C[7]
 * </pre>
 */
final class WheelCrossOff {

    /** At [8 k + j], for p = 30 q + R[k]: the AND mask that clears multiple j's bit. */
    private static final byte[] MASKS = {-2, -3, -5, -9, -17, -33, -65, 127, -3, -33, -17, -2, 127, -9, -5, -65, -5, -17, -2, -65, -3, 127, -9, -33, -9, -2, -65, -33, -5, -3, 127, -17, -17, 127, -3, -5, -33, -65, -2, -9, -33, -9, 127, -3, -65, -2, -17, -5, -65, -5, -9, 127, -2, -17, -33, -3, 127, -65, -33, -17, -9, -5, -3, -2};
    /** At [j]: the step from multiple j to j + 1 is q STEP_Q[j] + STEP_C[8 k + j] bytes. */
    private static final int[] STEP_Q = {6, 4, 2, 4, 2, 4, 6, 2};
    private static final int[] STEP_C = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2, 2, 0, 2, 0, 2, 2, 1, 3, 1, 1, 2, 1, 1, 3, 1, 3, 3, 1, 2, 1, 3, 3, 1, 4, 2, 2, 2, 2, 2, 4, 1, 5, 3, 1, 4, 1, 3, 5, 1, 6, 4, 2, 4, 2, 4, 6, 1};

    private WheelCrossOff() {
    }

    /**
     * Crosses off p's multiples in s[0, len), p = 30 q + R[k], from {@code state} (relative to this
     * segment); returns the state relative to the next one.
     */
    static int crossOff(int k, byte[] s, int len, int q, int state) {
        int i = state >>> 3;
        int j = state & 7;
        int b = 8 * k;
        for (; j != 0; j = (j + 1) & 7) {
            if (i >= len) {
                return (i - len) << 3 | j;
            }
            s[i] &= MASKS[b + j];
            i += q * STEP_Q[j] + STEP_C[b + j];
        }
        i = switch (k) {
            case 0 -> turns1(s, len, q, i);
            case 1 -> turns7(s, len, q, i);
            case 2 -> turns11(s, len, q, i);
            case 3 -> turns13(s, len, q, i);
            case 4 -> turns17(s, len, q, i);
            case 5 -> turns19(s, len, q, i);
            case 6 -> turns23(s, len, q, i);
            default -> turns29(s, len, q, i);
        };
        // fewer than eight multiples are left in the segment (the loop stopped because multiple 7 lies
        // past its end), so this returns by j = 7 at the latest
        for (;; j++) {
            if (i >= len) {
                return (i - len) << 3 | j;
            }
            s[i] &= MASKS[b + j];
            i += q * STEP_Q[j] + STEP_C[b + j];
        }
    }

    /** p = 30 q + 1: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns1(byte[] s, int len, int q, int i) {
        int a1 = 6 * q;
        int a2 = 10 * q;
        int a3 = 12 * q;
        int a4 = 16 * q;
        int a5 = 18 * q;
        int a6 = 22 * q;
        int a7 = 28 * q;
        int p = 30 * q + 1;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xfe;
            s[i + a1] &= (byte) 0xfd;
            s[i + a2] &= (byte) 0xfb;
            s[i + a3] &= (byte) 0xf7;
            s[i + a4] &= (byte) 0xef;
            s[i + a5] &= (byte) 0xdf;
            s[i + a6] &= (byte) 0xbf;
            s[i + a7] &= (byte) 0x7f;
        }
        return i;
    }

    /** p = 30 q + 7: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns7(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 1;
        int a2 = 10 * q + 2;
        int a3 = 12 * q + 3;
        int a4 = 16 * q + 3;
        int a5 = 18 * q + 4;
        int a6 = 22 * q + 5;
        int a7 = 28 * q + 6;
        int p = 30 * q + 7;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xfd;
            s[i + a1] &= (byte) 0xdf;
            s[i + a2] &= (byte) 0xef;
            s[i + a3] &= (byte) 0xfe;
            s[i + a4] &= (byte) 0x7f;
            s[i + a5] &= (byte) 0xf7;
            s[i + a6] &= (byte) 0xfb;
            s[i + a7] &= (byte) 0xbf;
        }
        return i;
    }

    /** p = 30 q + 11: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns11(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 2;
        int a2 = 10 * q + 4;
        int a3 = 12 * q + 4;
        int a4 = 16 * q + 6;
        int a5 = 18 * q + 6;
        int a6 = 22 * q + 8;
        int a7 = 28 * q + 10;
        int p = 30 * q + 11;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xfb;
            s[i + a1] &= (byte) 0xef;
            s[i + a2] &= (byte) 0xfe;
            s[i + a3] &= (byte) 0xbf;
            s[i + a4] &= (byte) 0xfd;
            s[i + a5] &= (byte) 0x7f;
            s[i + a6] &= (byte) 0xf7;
            s[i + a7] &= (byte) 0xdf;
        }
        return i;
    }

    /** p = 30 q + 13: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns13(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 3;
        int a2 = 10 * q + 4;
        int a3 = 12 * q + 5;
        int a4 = 16 * q + 7;
        int a5 = 18 * q + 8;
        int a6 = 22 * q + 9;
        int a7 = 28 * q + 12;
        int p = 30 * q + 13;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xf7;
            s[i + a1] &= (byte) 0xfe;
            s[i + a2] &= (byte) 0xbf;
            s[i + a3] &= (byte) 0xdf;
            s[i + a4] &= (byte) 0xfb;
            s[i + a5] &= (byte) 0xfd;
            s[i + a6] &= (byte) 0x7f;
            s[i + a7] &= (byte) 0xef;
        }
        return i;
    }

    /** p = 30 q + 17: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns17(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 3;
        int a2 = 10 * q + 6;
        int a3 = 12 * q + 7;
        int a4 = 16 * q + 9;
        int a5 = 18 * q + 10;
        int a6 = 22 * q + 13;
        int a7 = 28 * q + 16;
        int p = 30 * q + 17;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xef;
            s[i + a1] &= (byte) 0x7f;
            s[i + a2] &= (byte) 0xfd;
            s[i + a3] &= (byte) 0xfb;
            s[i + a4] &= (byte) 0xdf;
            s[i + a5] &= (byte) 0xbf;
            s[i + a6] &= (byte) 0xfe;
            s[i + a7] &= (byte) 0xf7;
        }
        return i;
    }

    /** p = 30 q + 19: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns19(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 4;
        int a2 = 10 * q + 6;
        int a3 = 12 * q + 8;
        int a4 = 16 * q + 10;
        int a5 = 18 * q + 12;
        int a6 = 22 * q + 14;
        int a7 = 28 * q + 18;
        int p = 30 * q + 19;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xdf;
            s[i + a1] &= (byte) 0xf7;
            s[i + a2] &= (byte) 0x7f;
            s[i + a3] &= (byte) 0xfd;
            s[i + a4] &= (byte) 0xbf;
            s[i + a5] &= (byte) 0xfe;
            s[i + a6] &= (byte) 0xef;
            s[i + a7] &= (byte) 0xfb;
        }
        return i;
    }

    /** p = 30 q + 23: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns23(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 5;
        int a2 = 10 * q + 8;
        int a3 = 12 * q + 9;
        int a4 = 16 * q + 13;
        int a5 = 18 * q + 14;
        int a6 = 22 * q + 17;
        int a7 = 28 * q + 22;
        int p = 30 * q + 23;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0xbf;
            s[i + a1] &= (byte) 0xfb;
            s[i + a2] &= (byte) 0xf7;
            s[i + a3] &= (byte) 0x7f;
            s[i + a4] &= (byte) 0xfe;
            s[i + a5] &= (byte) 0xef;
            s[i + a6] &= (byte) 0xdf;
            s[i + a7] &= (byte) 0xfd;
        }
        return i;
    }

    /** p = 30 q + 29: whole turns from multiple 0 at i, while all eight fit; returns the next turn's i. */
    private static int turns29(byte[] s, int len, int q, int i) {
        int a1 = 6 * q + 6;
        int a2 = 10 * q + 10;
        int a3 = 12 * q + 12;
        int a4 = 16 * q + 16;
        int a5 = 18 * q + 18;
        int a6 = 22 * q + 22;
        int a7 = 28 * q + 28;
        int p = 30 * q + 29;
        for (int limit = len - a7; i < limit; i += p) {
            s[i] &= (byte) 0x7f;
            s[i + a1] &= (byte) 0xbf;
            s[i + a2] &= (byte) 0xdf;
            s[i + a3] &= (byte) 0xef;
            s[i + a4] &= (byte) 0xf7;
            s[i + a5] &= (byte) 0xfb;
            s[i + a6] &= (byte) 0xfd;
            s[i + a7] &= (byte) 0xfe;
        }
        return i;
    }
}
