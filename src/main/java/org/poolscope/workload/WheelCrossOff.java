package org.poolscope.workload;

/**
 * The inner loops of {@link SegmentedSieve}: crossing off the multiples of one sieving prime in one
 * segment of the mod-30 wheel. Generated (by the script quoted at the end of this comment), one method
 * per residue of p modulo 30, so that every bit mask is a constant of the instruction and only the
 * eight byte offsets take registers.
 *
 * <p>Layout: byte b of a segment holds the numbers 30 b + {1, 7, 11, 13, 17, 19, 23, 29}, bit k for
 * the k-th residue, 1 while the number may still be prime. The multiples of p = 30 q + r that are
 * prime to 30 are p m for m = 30 a + R[j]: byte p a + q R[j] + (r R[j]) / 30, bit of (r R[j]) mod 30.
 * Eight consecutive such multiples (one turn of the wheel, m over 30 numbers) span p bytes, at the
 * same eight offsets on every turn: the unrolled loop clears all eight and steps p bytes.
 *
 * <p>State between segments: the byte index of the next multiple, relative to the next segment, and
 * j, its place on the wheel, packed as {@code index << 3 | j}. Every method takes the state relative to
 * the current segment (index, j) and returns the state for the next one.
 *
 * <p>Threads: stateless; the caller owns the segment.
 *
 * <pre>
 * R = [1, 7, 11, 13, 17, 19, 23, 29]
 * for r in R: C[j] = r R[j] // 30, bit[j] = R.index(r R[j] % 30)
 *   step j -> j+1 = q (R[j+1] - R[j]) + C[j+1] - C[j]; step 7 -> 0 = 2 q + r - C[7]
 *   offset of j within a turn = q (R[j] - 1) + C[j]
 * </pre>
 */
final class WheelCrossOff {

    private WheelCrossOff() {
    }

    /** Crosses off p's multiples in s[0, len), p = 30 q + R[wheelClass]; returns the next state. */
    static int crossOff(int wheelClass, byte[] s, int len, int q, int state) {
        int i = state >>> 3;
        int j = state & 7;
        return switch (wheelClass) {
            case 0 -> crossOff1(s, len, q, i, j);
            case 1 -> crossOff7(s, len, q, i, j);
            case 2 -> crossOff11(s, len, q, i, j);
            case 3 -> crossOff13(s, len, q, i, j);
            case 4 -> crossOff17(s, len, q, i, j);
            case 5 -> crossOff19(s, len, q, i, j);
            case 6 -> crossOff23(s, len, q, i, j);
            default -> crossOff29(s, len, q, i, j);
        };
    }

    /** p = 30 q + 1: a turn clears bits [0, 1, 2, 3, 4, 5, 6, 7] of its eight bytes. */
    static int crossOff1(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xfd;
                i += 4 * q;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xfb;
                i += 2 * q;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xf7;
                i += 4 * q;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xef;
                i += 2 * q;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xdf;
                i += 4 * q;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xbf;
                i += 6 * q;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0x7f;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xfe;
        i += 6 * q;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xfd;
        i += 4 * q;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xfb;
        i += 2 * q;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xf7;
        i += 4 * q;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xef;
        i += 2 * q;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xdf;
        i += 4 * q;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xbf;
        i += 6 * q;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0x7f;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 7: a turn clears bits [1, 5, 4, 0, 7, 3, 2, 6] of its eight bytes. */
    static int crossOff7(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xdf;
                i += 4 * q + 1;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xef;
                i += 2 * q + 1;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xfe;
                i += 4 * q;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0x7f;
                i += 2 * q + 1;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xf7;
                i += 4 * q + 1;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xfb;
                i += 6 * q + 1;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xbf;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xfd;
        i += 6 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xdf;
        i += 4 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xef;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xfe;
        i += 4 * q;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0x7f;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xf7;
        i += 4 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xfb;
        i += 6 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xbf;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 11: a turn clears bits [2, 4, 0, 6, 1, 7, 3, 5] of its eight bytes. */
    static int crossOff11(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xef;
                i += 4 * q + 2;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xfe;
                i += 2 * q;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xbf;
                i += 4 * q + 2;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xfd;
                i += 2 * q;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0x7f;
                i += 4 * q + 2;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xf7;
                i += 6 * q + 2;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xdf;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xfb;
        i += 6 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xef;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xfe;
        i += 2 * q;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xbf;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xfd;
        i += 2 * q;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0x7f;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xf7;
        i += 6 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xdf;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 13: a turn clears bits [3, 0, 6, 5, 2, 1, 7, 4] of its eight bytes. */
    static int crossOff13(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xfe;
                i += 4 * q + 1;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xbf;
                i += 2 * q + 1;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xdf;
                i += 4 * q + 2;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xfb;
                i += 2 * q + 1;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xfd;
                i += 4 * q + 1;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0x7f;
                i += 6 * q + 3;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xef;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xf7;
        i += 6 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xfe;
        i += 4 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xbf;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xdf;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xfb;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xfd;
        i += 4 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0x7f;
        i += 6 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xef;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 17: a turn clears bits [4, 7, 1, 2, 5, 6, 0, 3] of its eight bytes. */
    static int crossOff17(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0x7f;
                i += 4 * q + 3;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xfd;
                i += 2 * q + 1;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xfb;
                i += 4 * q + 2;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xdf;
                i += 2 * q + 1;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xbf;
                i += 4 * q + 3;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xfe;
                i += 6 * q + 3;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xf7;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xef;
        i += 6 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0x7f;
        i += 4 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xfd;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xfb;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xdf;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xbf;
        i += 4 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xfe;
        i += 6 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xf7;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 19: a turn clears bits [5, 3, 7, 1, 6, 0, 4, 2] of its eight bytes. */
    static int crossOff19(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xf7;
                i += 4 * q + 2;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0x7f;
                i += 2 * q + 2;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xfd;
                i += 4 * q + 2;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xbf;
                i += 2 * q + 2;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xfe;
                i += 4 * q + 2;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xef;
                i += 6 * q + 4;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xfb;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xdf;
        i += 6 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xf7;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0x7f;
        i += 2 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xfd;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xbf;
        i += 2 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xfe;
        i += 4 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xef;
        i += 6 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xfb;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 23: a turn clears bits [6, 2, 3, 7, 0, 4, 5, 1] of its eight bytes. */
    static int crossOff23(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xfb;
                i += 4 * q + 3;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xf7;
                i += 2 * q + 1;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0x7f;
                i += 4 * q + 4;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xfe;
                i += 2 * q + 1;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xef;
                i += 4 * q + 3;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xdf;
                i += 6 * q + 5;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xfd;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0xbf;
        i += 6 * q + 5;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xfb;
        i += 4 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xf7;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0x7f;
        i += 4 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xfe;
        i += 2 * q + 1;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xef;
        i += 4 * q + 3;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xdf;
        i += 6 * q + 5;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xfd;
        return (i + 2 * q + 1 - len) << 3;
    }

    /** p = 30 q + 29: a turn clears bits [7, 6, 5, 4, 3, 2, 1, 0] of its eight bytes. */
    static int crossOff29(byte[] s, int len, int q, int i, int j) {
        switch (j) {
            case 1:
                if (i >= len) {
                    return (i - len) << 3 | 1;
                }
                s[i] &= (byte) 0xbf;
                i += 4 * q + 4;
            case 2:
                if (i >= len) {
                    return (i - len) << 3 | 2;
                }
                s[i] &= (byte) 0xdf;
                i += 2 * q + 2;
            case 3:
                if (i >= len) {
                    return (i - len) << 3 | 3;
                }
                s[i] &= (byte) 0xef;
                i += 4 * q + 4;
            case 4:
                if (i >= len) {
                    return (i - len) << 3 | 4;
                }
                s[i] &= (byte) 0xf7;
                i += 2 * q + 2;
            case 5:
                if (i >= len) {
                    return (i - len) << 3 | 5;
                }
                s[i] &= (byte) 0xfb;
                i += 4 * q + 4;
            case 6:
                if (i >= len) {
                    return (i - len) << 3 | 6;
                }
                s[i] &= (byte) 0xfd;
                i += 6 * q + 6;
            case 7:
                if (i >= len) {
                    return (i - len) << 3 | 7;
                }
                s[i] &= (byte) 0xfe;
                i += 2 * q + 1;
            default:
        }
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
        if (i >= len) {
            return (i - len) << 3;
        }
        s[i] &= (byte) 0x7f;
        i += 6 * q + 6;
        if (i >= len) {
            return (i - len) << 3 | 1;
        }
        s[i] &= (byte) 0xbf;
        i += 4 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 2;
        }
        s[i] &= (byte) 0xdf;
        i += 2 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 3;
        }
        s[i] &= (byte) 0xef;
        i += 4 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 4;
        }
        s[i] &= (byte) 0xf7;
        i += 2 * q + 2;
        if (i >= len) {
            return (i - len) << 3 | 5;
        }
        s[i] &= (byte) 0xfb;
        i += 4 * q + 4;
        if (i >= len) {
            return (i - len) << 3 | 6;
        }
        s[i] &= (byte) 0xfd;
        i += 6 * q + 6;
        if (i >= len) {
            return (i - len) << 3 | 7;
        }
        s[i] &= (byte) 0xfe;
        return (i + 2 * q + 1 - len) << 3;
    }

}
