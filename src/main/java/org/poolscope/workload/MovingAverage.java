package org.poolscope.workload;

import java.util.Arrays;

/**
 * The course's "heavier" moving average: every output sums its W inputs in index order in a double,
 * divides by W and rounds to float, O(W) work per output like the course's 'valid' convolution with
 * a box of W ones.
 *
 * <p>Speed without changing a bit: {@link #apply} works on blocks of {@value #BLOCK} consecutive
 * outputs with one double accumulator each, adding input j to all of them before input j + 1. Each
 * accumulator still receives its inputs in index order, so every output is the same double as the
 * naive loop's, but the loop over the block has independent iterations that C2 turns into vector
 * instructions, where the naive loop waits on the latency of one add chain.
 *
 * <p>Threads: immutable; any thread, concurrently. Each call allocates its own accumulators.
 *
 * @param window W, at least 1
 */
public record MovingAverage(int window) implements SlidingFilter {

    /** Outputs per block: 2 KiB of accumulators, at home in L1 next to the inputs they read. */
    static final int BLOCK = 256;

    public MovingAverage {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 (was " + window + ")");
        }
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public void apply(float[] in, int inFrom, float[] out, int outFrom, int count, Cancellation cancel) {
        double[] sums = new double[Math.min(BLOCK, count)];
        for (int first = 0; first < count; first += BLOCK) {
            cancel.check();
            averageBlock(in, inFrom + first, out, outFrom + first, Math.min(BLOCK, count - first), sums);
        }
    }

    /**
     * One block, in a method of its own: it returns thousands of times per call of {@link #apply}, so
     * C2 compiles it with a profile that has seen its loops end. Compiled in the middle of one long
     * loop instead (on-stack replacement), the code would deoptimise at the loop's first exit and run
     * several times slower until recompiled.
     */
    private void averageBlock(float[] in, int inFrom, float[] out, int outFrom, int block, double[] sums) {
        Arrays.fill(sums, 0, block, 0.0);
        for (int j = 0; j < window; j++) {
            int from = inFrom + j;
            for (int b = 0; b < block; b++) {
                sums[b] += in[from + b];
            }
        }
        for (int b = 0; b < block; b++) {
            out[outFrom + b] = (float) (sums[b] / window);
        }
    }

    /** The same outputs one at a time, the way the definition reads: the yardstick for {@link #apply}. */
    void applyNaive(float[] in, int inFrom, float[] out, int outFrom, int count) {
        for (int o = 0; o < count; o++) {
            double sum = 0;
            for (int j = 0; j < window; j++) {
                sum += in[inFrom + o + j];
            }
            out[outFrom + o] = (float) (sum / window);
        }
    }

    /**
     * The same outputs in O(L), for a signal on {@link Signal}'s grid: a running sum of the samples'
     * integer numerators is exactly the double each output's sum reaches, so the outputs are equal bit
     * for bit. An algorithm independent of {@link #apply}, to verify it.
     *
     * @throws IllegalArgumentException when a sample is not a multiple of 1 / {@value Signal#SCALE}
     *         within +-4
     */
    public float[] exactOnGrid(float[] in) {
        int count = Math.max(0, in.length - window + 1);
        float[] out = new float[count];
        long sum = 0;
        for (int j = 0; j < Math.min(window, in.length); j++) {
            sum += numerator(in, j);
        }
        for (int o = 0; o < count; o++) {
            out[o] = (float) ((sum * (1.0 / Signal.SCALE)) / window);
            if (o + window < in.length) {
                sum += numerator(in, o + window) - numerator(in, o);
            }
        }
        return out;
    }

    /** Sample i as a whole number of grid steps. */
    private static int numerator(float[] in, int i) {
        float scaled = in[i] * Signal.SCALE; // exact: a power-of-two scale
        if (scaled != (int) scaled || Math.abs(scaled) > 4 * Signal.SCALE) {
            throw new IllegalArgumentException("sample " + i + " (" + in[i] + ") is not on the signal's grid");
        }
        return (int) scaled;
    }
}
