package org.poolscope.workload;

/** Exact integer helpers the prime kernels share. */
final class IntMath {

    /** floor(sqrt(Long.MAX_VALUE)). */
    private static final long MAX_ROOT = 3_037_000_499L;

    private IntMath() {
    }

    /**
     * floor(sqrt(x)) exactly, for any x >= 0. The double square root can be one off for large x
     * (x itself is rounded to 53 bits first), so the estimate is corrected in integers, never past
     * the largest root whose square fits in a long.
     */
    static long isqrt(long x) {
        if (x < 0) {
            throw new IllegalArgumentException("isqrt of a negative number: " + x);
        }
        long r = Math.min((long) Math.sqrt((double) x), MAX_ROOT);
        while (r * r > x) {
            r--;
        }
        while (r < MAX_ROOT && (r + 1) * (r + 1) <= x) {
            r++;
        }
        return r;
    }
}
