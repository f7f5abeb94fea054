package org.poolscope.workload;

/**
 * The moving average in O(L): the window's sum is carried from one output to the next (add the sample
 * that enters, subtract the one that leaves), a prefix sum read at two ends, instead of W additions
 * per output as {@link MovingAverage} does. Same outputs, W / 2 times less work: the lesson that a
 * better algorithm beats more workers.
 *
 * <p>Exact, so chunking cannot change a bit: a running sum in floating point would carry each
 * chunk's rounding errors forward, and a chunk that starts elsewhere would round differently. Here
 * every sample must lie on {@link Signal}'s fixed-point grid (a whole number of 1 / {@value
 * Signal#SCALE}, which the workload's signal does by construction), and the sums run over those whole
 * numbers in a {@code long}, where addition is exact and associative. Each output is then scaled and
 * divided once, {@code (float) ((sum * 2^-16) / W)}: the same operations, on the same exact sum, as
 * {@link MovingAverage}'s in-order double sum reaches on such a signal (below 2^53 grid steps), so the
 * two filters agree bit for bit, and a chunk with a halo of W - 1 samples gives the sequential pass's
 * outputs exactly.
 *
 * <p>Threads: immutable; any thread, concurrently.
 *
 * @param window W, at least 1
 */
public record FastMovingAverage(int window) implements SlidingFilter {

    /** Outputs between two polls of the cancel flag. */
    private static final int STEPS = 16_384;
    private static final double GRID_STEP = 1.0 / Signal.SCALE;
    private static final float MAX_STEPS = 0x1p30f;

    public FastMovingAverage {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 (was " + window + ")");
        }
    }

    @Override
    public int length() {
        return window;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when an input is not a whole number of grid steps
     */
    @Override
    public void apply(float[] in, int inFrom, float[] out, int outFrom, int count, Cancellation cancel) {
        if (count <= 0) {
            return;
        }
        long sum = 0;
        for (int j = 0; j < window; j++) {
            sum += steps(in, inFrom + j);
        }
        out[outFrom] = average(sum);
        for (int first = 1; first < count; first += STEPS) {
            cancel.check();
            sum = slide(in, inFrom, out, outFrom, first, Math.min(count, first + STEPS), sum);
        }
    }

    /**
     * Outputs [first, end), {@code sum} holding the window of output first - 1; returns the last
     * window's sum. A method of its own that returns often, so that C2 compiles it with a profile that
     * has seen its loop end (see {@link MovingAverage}).
     */
    private long slide(float[] in, int inFrom, float[] out, int outFrom, int first, int end, long sum) {
        for (int o = first; o < end; o++) {
            sum += steps(in, inFrom + o + window - 1) - steps(in, inFrom + o - 1);
            out[outFrom + o] = average(sum);
        }
        return sum;
    }

    private float average(long sum) {
        return (float) ((sum * GRID_STEP) / window);
    }

    /**
     * Sample i as a whole number of grid steps, at most 2^30 either way (samples within +-16 384, the
     * signal's are within +-2.5): a window of up to 10^8 of them sums to less than 2^57, far from
     * overflowing a long.
     */
    private static long steps(float[] in, int i) {
        float scaled = in[i] * Signal.SCALE; // exact: a power-of-two scale
        int steps = (int) scaled;
        if (steps != scaled || Math.abs(scaled) > MAX_STEPS) {
            throw new IllegalArgumentException("sample " + i + " (" + in[i] + ") is not on the signal's grid of 1/"
                    + Signal.SCALE + " within +-" + (int) (MAX_STEPS / Signal.SCALE));
        }
        return steps;
    }
}
