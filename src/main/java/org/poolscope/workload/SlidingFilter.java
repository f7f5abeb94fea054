package org.poolscope.workload;

/**
 * A filter of fixed length K applied the 'valid' way: output o depends on inputs o .. o + K - 1, so a
 * signal of L samples gives L - K + 1 outputs (numpy's {@code np.convolve(x, h, mode='valid')}).
 *
 * <p>Each output is computed from its own K inputs by a fixed sequence of operations that does not
 * depend on where a chunk starts or ends. That is what makes any chunking with a halo of K - 1
 * inputs equal bit for bit to one pass over the whole signal.
 *
 * <p>Threads: implementations are immutable; any number of threads may call {@link #apply}
 * concurrently on disjoint output ranges.
 */
public sealed interface SlidingFilter permits MovingAverage, FastMovingAverage, FirFilter, MedianFilter {

    /** K, the number of inputs each output depends on. */
    int length();

    /**
     * Writes {@code count} outputs to {@code out[outFrom ..]}; output j reads
     * {@code in[inFrom + j .. inFrom + j + K - 1]}. Polls {@code cancel} every few thousand operations.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is set meanwhile
     */
    void apply(float[] in, int inFrom, float[] out, int outFrom, int count, Cancellation cancel);

    /** The whole 'valid' output of {@code in}, on the calling thread. */
    default float[] applyValid(float[] in) {
        int count = Math.max(0, in.length - length() + 1);
        float[] out = new float[count];
        apply(in, 0, out, 0, count, Cancellation.NEVER);
        return out;
    }

    /** The filter a workload names: the window of the averages, the taps of the FIR. */
    static SlidingFilter of(FilterWorkload.Filter filter, int k) {
        return switch (filter) {
            case MOVING_AVERAGE -> new MovingAverage(k);
            case FIR -> FirFilter.lowPass(k);
            case MEDIAN -> new MedianFilter(k);
            case MOVING_AVERAGE_FAST -> new FastMovingAverage(k);
        };
    }
}
