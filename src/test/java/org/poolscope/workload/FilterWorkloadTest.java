package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.poolscope.workload.FilterWorkload.Filter;
import org.poolscope.workload.FilterWorkload.Halo;

class FilterWorkloadTest {

    private static final int L = 60_000;

    private static FilterWorkload workload(Filter filter, Halo halo) {
        return new FilterWorkload(filter, L, FilterWorkload.defaultK(filter), halo, 7);
    }

    private static Result runAll(FilterJob job) {
        for (int u = 0; u < job.units(); u++) {
            job.run(u, Cancellation.NEVER);
        }
        var all = new BitSet();
        all.set(0, job.units());
        return job.combine(all);
    }

    private static float[] toArray(java.nio.FloatBuffer buffer) {
        float[] a = new float[buffer.remaining()];
        buffer.duplicate().get(a);
        return a;
    }

    /** Each filter by its definition, as slowly as possible: sums in index order, a sort per window. */
    private static float[] definition(Filter filter, int k, float[] x) {
        float[] y = new float[x.length - k + 1];
        switch (filter) {
            // the fast average's definition is the average's: on the signal's grid it must give the same bits
            case MOVING_AVERAGE, MOVING_AVERAGE_FAST -> new MovingAverage(k).applyNaive(x, 0, y, 0, y.length);
            case FIR -> FirFilter.lowPass(k).applyNaive(x, 0, y, 0, y.length);
            case MEDIAN -> {
                for (int i = 0; i < y.length; i++) {
                    float[] window = Arrays.copyOfRange(x, i, i + k);
                    Arrays.sort(window);
                    y[i] = window[k / 2];
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void chunkedWithHaloEqualsTheDefinitionBitForBit(Filter filter) {
        var workload = workload(filter, Halo.FULL);
        float[] expected = definition(filter, workload.k(), Signal.generate(L, 7));
        for (int tasks : new int[] {1, 2, 3, 7, 32, 1000}) {
            FilterJob job = workload.plan(tasks);

            Result result = runAll(job);

            assertThat(toArray(job.output())).as("%s with %d tasks", filter, tasks).isEqualTo(expected);
            assertThat(result.get("length")).isEqualTo(L - workload.k() + 1);
            assertThat(result.get("checksum")).isEqualTo(FilterJob.checksum(expected, 0, expected.length));
            Verification v = job.verify(result);
            assertThat(v.verified()).as(v.message()).isTrue();
            assertThat(v.details()).containsEntry("missing", 0L).containsEntry("mismatched", 0L);
        }
    }

    @Test
    void unitsCoverTheOutputWithoutOverlapAndReadTheirHalo() {
        FilterJob job = workload(Filter.MOVING_AVERAGE, Halo.FULL).plan(7);
        assertThat(job.outputStart(0)).isZero();
        assertThat(job.outputStart(7)).isEqualTo(L - 1000);
        for (int u = 0; u < 7; u++) {
            assertThat(job.inputStart(u)).isEqualTo(job.outputStart(u));
            assertThat(job.outputStart(u + 1) - job.outputStart(u)).isBetween(8428, 8429);
        }
        assertThat(job.describeUnit(0)).isEqualTo("samples [0, 8428) + halo 1000");
        assertThat(job.describeUnit(6)).isEqualTo("samples [50571, 59000) + halo 1000");
    }

    @Test
    void movingAverageOfAShortSignal() {
        float[] x = {1, 2, 3, 4, 5, 0, 0, 1};
        assertThat(new MovingAverage(3).applyValid(x)).containsExactly(2, 3, 4, 3, 5f / 3, 1f / 3);
        assertThat(new MovingAverage(1).applyValid(x)).containsExactly(x);
        assertThat(new MovingAverage(8).applyValid(x)).containsExactly(2);
    }

    @Test
    void blockedMovingAverageEqualsTheNaiveLoopOnArbitraryFloats() {
        var random = new SplittableRandom(3);
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian() * 1e3f; // off the grid: rounding happens, in the same order
        }
        var average = new MovingAverage(77);
        float[] naive = new float[x.length - 76];
        average.applyNaive(x, 0, naive, 0, naive.length);
        assertThat(average.applyValid(x)).isEqualTo(naive);
    }

    @Test
    void exactRunningSumEqualsTheKernelOnTheSignal() {
        float[] x = Signal.generate(200_000, 11);
        var average = new MovingAverage(1001);
        assertThat(average.exactOnGrid(x)).isEqualTo(average.applyValid(x));
        assertThatThrownBy(() -> average.exactOnGrid(new float[] {0.1f}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firOfAnImpulseReturnsTheTaps() {
        var fir = FirFilter.lowPass(255);
        float[] x = new float[600];
        x[300] = 1;
        float[] y = fir.applyValid(x);
        double[] h = fir.taps();
        for (int k = 0; k < 255; k++) {
            assertThat(y[300 - 254 + k]).isEqualTo((float) h[k]);
        }
        assertThat(y[300 - 255]).isZero();
        assertThat(y[301]).isZero();
    }

    @Test
    void firFlipsItsTapsLikeNpConvolve() {
        // np.convolve([1, 2, 3, 4], [1, 2], 'valid') == [4, 7, 10]
        assertThat(new FirFilter(new double[] {1, 2}).applyValid(new float[] {1, 2, 3, 4})).containsExactly(4, 7, 10);
        // np.convolve([1, 0, 0, 0, 0], [1, 2, 3], 'valid') == [3, 0, 0]
        assertThat(new FirFilter(new double[] {1, 2, 3}).applyValid(new float[] {1, 0, 0, 0, 0})).containsExactly(3, 0, 0);
    }

    @Test
    void lowPassTapsAreSymmetricAndSumToOne() {
        double[] h = FirFilter.lowPass(255).taps();
        assertThat(Arrays.stream(h).sum()).isCloseTo(1.0, within(1e-12));
        for (int k = 0; k < h.length; k++) {
            assertThat(h[k]).isEqualTo(h[h.length - 1 - k]);
        }
        assertThat(h[127]).isCloseTo(2 * FirFilter.CUTOFF, within(0.01)); // the sinc's peak, after normalising
        assertThat(FirFilter.lowPass(1).taps()).containsExactly(1.0);
    }

    @Test
    void blockedFirEqualsTheNaiveLoop() {
        float[] x = Signal.generate(3000, 5);
        var fir = FirFilter.lowPass(31);
        float[] naive = new float[x.length - 30];
        fir.applyNaive(x, 0, naive, 0, naive.length);
        assertThat(fir.applyValid(x)).isEqualTo(naive);
    }

    @Test
    void medianOfKnownWindows() {
        assertThat(new MedianFilter(3).applyValid(new float[] {5, 1, 4, 2, 3})).containsExactly(4, 2, 3);
        // even W: the upper of the two middle elements
        assertThat(new MedianFilter(2).applyValid(new float[] {1, 3, 2})).containsExactly(3, 3);
        assertThat(new MedianFilter(1).applyValid(new float[] {-1, 2})).containsExactly(-1, 2);
    }

    @Test
    void slidingMedianEqualsSortingEveryWindowWithTiesAndSignedZeros() {
        var random = new SplittableRandom(9);
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            int v = random.nextInt(7) - 3;
            x[i] = v == 0 && random.nextBoolean() ? -0.0f : v; // many ties, and -0.0 sorts below 0.0
        }
        for (int w : new int[] {1, 2, 5, 50, 101}) {
            assertThat(new MedianFilter(w).applyValid(x)).as("W=%d", w).isEqualTo(definition(Filter.MEDIAN, w, x));
        }
    }

    @ParameterizedTest
    @CsvSource({"MOVING_AVERAGE, 7", "FIR, 32", "MEDIAN, 3", "MEDIAN, 100", "MOVING_AVERAGE_FAST, 7", "MOVING_AVERAGE_FAST, 59"})
    void courseChunkingLosesKMinusOneSamplesPerBoundary(Filter filter, int tasks) {
        var workload = workload(filter, Halo.NONE);
        int k = workload.k();
        FilterJob job = workload.plan(tasks);

        Result result = runAll(job);
        Verification v = job.verify(result);

        long missing = (long) (tasks - 1) * (k - 1);
        assertThat(result.get("length")).isEqualTo(L - (long) tasks * (k - 1));
        assertThat(v.verified()).isFalse();
        assertThat(v.details()).containsEntry("missing", missing);
        assertThat(v.details().get("mismatched")).isPositive();
        assertThat(v.message()).isEqualTo("course chunking (no halo): " + missing + " samples missing, "
                + v.details().get("mismatched") + " mismatched");
        // chunk 0 is right, and everything from the first boundary on is shifted
        float[] out = toArray(job.output());
        float[] ref = toArray(job.reference());
        int firstBoundary = job.chunkStarts()[1];
        assertThat(Arrays.copyOf(out, firstBoundary)).isEqualTo(Arrays.copyOf(ref, firstBoundary));
        assertThat(job.inputStart(1)).isEqualTo(job.outputStart(1) + k - 1);
    }

    @Test
    void courseChunkingFollowsArraySplit() {
        FilterJob job = new FilterWorkload(Filter.MOVING_AVERAGE, 10, 2, Halo.NONE, 1).plan(3);
        // np.array_split(range(10), 3): sizes 4, 3, 3
        assertThat(new int[] {job.inputStart(0), job.inputStart(1), job.inputStart(2), job.inputStart(3)})
                .containsExactly(0, 4, 7, 10);
        assertThat(job.chunkStarts()).containsExactly(0, 3, 5);
        assertThat(job.outputStart(3)).isEqualTo(7);
        assertThat(job.describeUnit(1)).isEqualTo("samples [4, 7), no halo");
    }

    @Test
    void courseChunkingWithOneTaskIsExact() {
        FilterJob job = workload(Filter.MOVING_AVERAGE, Halo.NONE).plan(1);
        Verification v = job.verify(runAll(job));
        assertThat(v.verified()).as(v.message()).isTrue();
    }

    @Test
    void courseChunkingNeedsChunksOfAtLeastKSamples() {
        var workload = workload(Filter.MOVING_AVERAGE, Halo.NONE);
        assertThat(workload.maxTasks()).isEqualTo(59);
        assertThat(workload.plan(59).units()).isEqualTo(59);
        assertThatThrownBy(() -> workload.plan(60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--halo none needs chunks of at least K=1001 samples: at most L/K = 59 tasks (was 60)");
    }

    @Test
    void partialResultIsNotVerified() {
        FilterJob job = workload(Filter.FIR, Halo.FULL).plan(8);
        var completed = new BitSet();
        for (int u = 0; u < 8; u += 2) {
            job.run(u, Cancellation.NEVER);
            completed.set(u);
        }
        Result result = job.combine(completed);
        Verification v = job.verify(result);
        assertThat(result.get("length")).isEqualTo(job.outputStart(1) + job.outputStart(3) - job.outputStart(2)
                + job.outputStart(5) - job.outputStart(4) + job.outputStart(7) - job.outputStart(6));
        assertThat(v.verified()).isFalse();
        assertThat(v.message()).isEqualTo("partial: 4 of 8 units missing");
    }

    @Test
    void signalIsDeterministicOnTheGridAndDependsOnTheSeed() {
        float[] a = Signal.generate(100_000, 42);
        assertThat(Signal.generate(100_000, 42)).isEqualTo(a);
        assertThat(Signal.generate(100_000, 43)).isNotEqualTo(a);
        double sum = 0;
        for (float x : a) {
            assertThat(x * Signal.SCALE).isEqualTo((float) Math.rint(x * Signal.SCALE));
            assertThat(Math.abs(x)).isLessThanOrEqualTo(2.5f);
            sum += x;
        }
        assertThat(sum / a.length).isCloseTo(0.0, within(0.05));
        // a prefix of a longer signal is the shorter signal
        assertThat(Arrays.copyOf(Signal.generate(200_000, 42), 100_000)).isEqualTo(a);
    }

    @Test
    void equalWorkloadsShareSignalAndReference() {
        var w1 = workload(Filter.MEDIAN, Halo.FULL);
        var w2 = new FilterWorkload(Filter.MEDIAN, L, 101, Halo.NONE, 7).withHalo(Halo.FULL);
        assertThat(Signal.shared(L, 7)).isSameAs(Signal.shared(L, 7));
        assertThat(w1.plan(2).referenceArray()).isSameAs(w2.plan(3).referenceArray());
    }

    @ParameterizedTest
    @EnumSource(Filter.class)
    void cancelledRunThrows(Filter filter) {
        FilterJob job = workload(filter, Halo.FULL).plan(1);
        var cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> job.run(0, cancel)).isInstanceOf(CancellationException.class);
    }

    @Test
    void describesItself() {
        assertThat(FilterWorkload.of(Filter.MOVING_AVERAGE).describe()).isEqualTo("filter moving-average L=4000000 W=1001");
        assertThat(FilterWorkload.of(Filter.FIR).describe()).isEqualTo("filter fir L=4000000 taps=255");
        assertThat(FilterWorkload.of(Filter.MEDIAN).withHalo(Halo.NONE).describe())
                .isEqualTo("filter median L=4000000 W=101 halo=none");
        assertThat(workload(Filter.FIR, Halo.FULL).describe()).isEqualTo("filter fir L=60000 taps=255 seed=7");
        assertThat(FilterWorkload.of(Filter.MOVING_AVERAGE_FAST).describe())
                .isEqualTo("filter moving-average-fast L=4000000 W=1001");
        assertThat(FilterWorkload.of(Filter.MOVING_AVERAGE).maxTasks()).isEqualTo(Workload.MAX_TASKS);
        assertThat(workload(Filter.MOVING_AVERAGE, Halo.FULL).maxTasks()).isEqualTo(59_000);
    }

    @Test
    void validationMessagesNameTheParameter() {
        assertThatThrownBy(() -> new FilterWorkload(Filter.FIR, 0, 1, Halo.FULL, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be 1..100000000 (was 0)");
        assertThatThrownBy(() -> new FilterWorkload(Filter.FIR, 100, 101, Halo.FULL, 1))
                .hasMessage("k must be 1..L=100 (was 101)");
        assertThatThrownBy(() -> new FilterWorkload(Filter.FIR, 100, 0, Halo.FULL, 1))
                .hasMessage("k must be 1..L=100 (was 0)");
        assertThatThrownBy(() -> new FilterWorkload(null, 100, 3, Halo.FULL, 1))
                .hasMessage("filter must be one of moving-average, fir, median, moving-average-fast (was none)");
        assertThatThrownBy(() -> new FilterWorkload(Filter.FIR, 100, 3, Halo.FULL, 1).plan(99))
                .hasMessage("tasks must be 1..98 for filter fir L=100 taps=3 seed=1 (was 99)");
    }
}
