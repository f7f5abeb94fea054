package org.poolscope.workload;

import java.util.Arrays;

/**
 * A finite impulse response filter in direct form, no FFT: y[i] = sum over k of h[k] x[i + K - 1 - k],
 * numpy's {@code np.convolve(x, h, mode='valid')} (the taps are applied flipped, as a convolution does).
 *
 * <p>Precision: taps in double, each product and the running sum in double, summed in order of
 * increasing k, rounded to float once per output. The Java language forbids fusing a * b + c into one
 * rounding unless asked ({@link Math#fma}), so the blocked loop of {@link #apply} and a naive one give
 * the same bits. Like {@link MovingAverage}, {@link #apply} updates a block of {@value #BLOCK}
 * consecutive outputs per tap so that C2 can vectorise across outputs.
 *
 * <p>{@link #lowPass} makes the workload's taps: a windowed sinc (Hamming window), cutoff
 * {@value #CUTOFF} of the sample rate, normalised to sum 1.
 *
 * <p>Threads: immutable; any thread, concurrently.
 */
public final class FirFilter implements SlidingFilter {

    /** The low-pass cutoff as a fraction of the sample rate. */
    public static final double CUTOFF = 0.05;
    static final int BLOCK = 256;

    private final double[] taps;

    /** A filter with these taps, h[0] first (copied). */
    public FirFilter(double[] taps) {
        if (taps.length < 1) {
            throw new IllegalArgumentException("taps must have at least 1 element (was 0)");
        }
        this.taps = taps.clone();
    }

    /** The workload's windowed-sinc low-pass of {@code k} taps. */
    public static FirFilter lowPass(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("taps must be at least 1 (was " + k + ")");
        }
        double[] h = new double[k];
        if (k == 1) {
            h[0] = 1;
            return new FirFilter(h);
        }
        double centre = (k - 1) / 2.0;
        // The first half is computed and mirrored: rounding would otherwise break the symmetry
        // in the last bit, and a symmetric filter should not care that convolution flips it.
        for (int i = 0; i <= (k - 1) / 2; i++) {
            double t = i - centre;
            double sinc = t == 0 ? 2 * CUTOFF : StrictMath.sin(2 * StrictMath.PI * CUTOFF * t) / (StrictMath.PI * t);
            double hamming = 0.54 - 0.46 * StrictMath.cos(2 * StrictMath.PI * i / (k - 1));
            h[i] = sinc * hamming;
            h[k - 1 - i] = h[i];
        }
        double sum = 0;
        for (double tap : h) {
            sum += tap;
        }
        for (int i = 0; i < k; i++) {
            h[i] /= sum;
        }
        return new FirFilter(h);
    }

    /** A copy of the taps, h[0] first. */
    public double[] taps() {
        return taps.clone();
    }

    @Override
    public int length() {
        return taps.length;
    }

    @Override
    public void apply(float[] in, int inFrom, float[] out, int outFrom, int count, Cancellation cancel) {
        double[] sums = new double[Math.min(BLOCK, count)];
        for (int first = 0; first < count; first += BLOCK) {
            cancel.check();
            filterBlock(in, inFrom + first, out, outFrom + first, Math.min(BLOCK, count - first), sums);
        }
    }

    /** One block in a method of its own, compiled with a profile that has seen its loops end (see {@link MovingAverage}). */
    private void filterBlock(float[] in, int inFrom, float[] out, int outFrom, int block, double[] sums) {
        int k = taps.length;
        Arrays.fill(sums, 0, block, 0.0);
        int last = inFrom + k - 1;
        for (int j = 0; j < k; j++) {
            double h = taps[j];
            int from = last - j;
            for (int b = 0; b < block; b++) {
                sums[b] += h * in[from + b];
            }
        }
        for (int b = 0; b < block; b++) {
            out[outFrom + b] = (float) sums[b];
        }
    }

    /** The definition read literally, one output at a time: the yardstick for {@link #apply}. */
    void applyNaive(float[] in, int inFrom, float[] out, int outFrom, int count) {
        int k = taps.length;
        for (int o = 0; o < count; o++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += taps[j] * in[inFrom + o + k - 1 - j];
            }
            out[outFrom + o] = (float) sum;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FirFilter f && Arrays.equals(taps, f.taps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(taps);
    }

    @Override
    public String toString() {
        return "FirFilter[taps=" + taps.length + "]";
    }
}
