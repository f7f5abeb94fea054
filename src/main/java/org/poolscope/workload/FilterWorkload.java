package org.poolscope.workload;

/**
 * Filters a deterministic float32 signal ('valid' convolution, like numpy's np.convolve mode='valid':
 * output i depends on inputs i .. i+K-1, output length L-K+1), split into T chunks.
 *
 * @param filter the filter
 * @param length L, the signal's length in samples
 * @param k      the filter's length K: the window W of the moving average and the median, the taps of the FIR
 * @param halo   {@link Halo#FULL} gives each chunk K-1 extra inputs so the result is exact;
 *               {@link Halo#NONE} is the course's np.array_split chunking, which loses K-1 outputs per boundary
 * @param seed   the signal's seed
 */
public record FilterWorkload(Filter filter, int length, int k, Halo halo, long seed) implements Workload {

    public enum Filter { MOVING_AVERAGE, FIR, MEDIAN }

    public enum Halo { FULL, NONE }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String describe() {
        throw new UnsupportedOperationException("to be implemented");
    }

    @Override
    public int maxTasks() {
        throw new UnsupportedOperationException("to be implemented");
    }

    @Override
    public Job plan(int tasks) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
