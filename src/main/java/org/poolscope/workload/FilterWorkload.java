package org.poolscope.workload;

/**
 * Filters a deterministic float32 signal ('valid' convolution, like numpy's np.convolve mode='valid':
 * output i depends on inputs i .. i+K-1, output length L-K+1), split into T chunks.
 *
 * <p>With {@link Halo#FULL} the output range [0, L-K+1) is split into T near-equal chunks and each
 * unit reads its chunk plus K-1 inputs past it: the combined output equals the sequential filter bit
 * for bit. With {@link Halo#NONE} the signal itself is split as np.array_split does and each chunk is
 * filtered on its own, as the course does: (T-1)(K-1) outputs go missing and everything after the
 * first boundary shifts, which {@link Job#verify} counts.
 *
 * <p>The result is {@code length} (outputs) and {@code checksum}, FNV-1a 64 of the outputs' bits
 * ({@link FilterJob#checksum}).
 *
 * <p>Threads: a record, immutable; any thread may call any method. {@link #plan} generates the
 * signal, or takes it from a cache shared by all threads.
 *
 * @param filter the filter
 * @param length L, the signal's length in samples, 1..{@value #MAX_LENGTH}
 * @param k      the filter's length K, 1..L: the window W of the moving average and the median, the taps of the FIR
 * @param halo   {@link Halo#FULL} gives each chunk K-1 extra inputs so the result is exact;
 *               {@link Halo#NONE} is the course's np.array_split chunking, which loses K-1 outputs per boundary
 * @param seed   the signal's seed
 */
public record FilterWorkload(Filter filter, int length, int k, Halo halo, long seed) implements Workload {

    public static final int MAX_LENGTH = 100_000_000;
    public static final int DEFAULT_LENGTH = 4_000_000;
    /** The course's window. */
    public static final int DEFAULT_WINDOW = 1001;
    public static final int DEFAULT_TAPS = 255;
    public static final int DEFAULT_MEDIAN_WINDOW = 101;
    public static final long DEFAULT_SEED = 42;

    /**
     * The filters. {@link #MOVING_AVERAGE_FAST} is last because worker processes are told a filter by
     * its ordinal ({@link RemoteUnits}).
     */
    public enum Filter {
        /** The course's: W additions per output ({@link MovingAverage}). */
        MOVING_AVERAGE,
        /** A windowed-sinc low-pass ({@link FirFilter}). */
        FIR,
        /** The sliding median ({@link MedianFilter}). */
        MEDIAN,
        /** The same outputs as {@link #MOVING_AVERAGE} in O(L), by an exact running sum ({@link FastMovingAverage}). */
        MOVING_AVERAGE_FAST
    }

    public enum Halo { FULL, NONE }

    public FilterWorkload {
        Checks.notNull("filter", filter, Filter.values());
        Checks.notNull("halo", halo, Halo.values());
        Checks.range("length", length, 1, MAX_LENGTH, "");
        if (k < 1 || k > length) {
            throw new IllegalArgumentException("k must be 1..L=" + length + " (was " + k + ")");
        }
    }

    /** This filter with its default K on the default signal length and seed, with a halo. */
    public static FilterWorkload of(Filter filter) {
        return new FilterWorkload(filter, DEFAULT_LENGTH, defaultK(filter), Halo.FULL, DEFAULT_SEED);
    }

    /** The default K of each filter: W=1001 (the course's) for both averages, 255 taps, W=101. */
    public static int defaultK(Filter filter) {
        return switch (filter) {
            case MOVING_AVERAGE, MOVING_AVERAGE_FAST -> DEFAULT_WINDOW;
            case FIR -> DEFAULT_TAPS;
            case MEDIAN -> DEFAULT_MEDIAN_WINDOW;
        };
    }

    public FilterWorkload withHalo(Halo newHalo) {
        return new FilterWorkload(filter, length, k, newHalo, seed);
    }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String describe() {
        String kName = filter == Filter.FIR ? " taps=" : " W=";
        return "filter " + Checks.cliName(filter) + " L=" + length + kName + k
                + (halo == Halo.NONE ? " halo=none" : "")
                + (seed == DEFAULT_SEED ? "" : " seed=" + seed);
    }

    @Override
    public int maxTasks() {
        int units = halo == Halo.FULL ? length - k + 1 : length / k;
        return Math.min(MAX_TASKS, units);
    }

    @Override
    public FilterJob plan(int tasks) {
        if (halo == Halo.NONE && tasks > length / k && tasks <= MAX_TASKS) {
            throw new IllegalArgumentException("--halo none needs chunks of at least K=" + k
                    + " samples: at most L/K = " + length / k + " tasks (was " + tasks + ")");
        }
        Checks.tasks(this, tasks);
        return new FilterJob(this, tasks, Signal.shared(length, seed));
    }
}
