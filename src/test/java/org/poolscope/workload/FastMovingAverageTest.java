package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The O(L) moving average: exact on the signal's grid, so any chunking and the course's average agree to the bit. */
class FastMovingAverageTest {

    private static final float[] SIGNAL = Signal.generate(200_000, 11);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 101, 1001, 4096, 65_537})
    void agreesWithTheCoursesMovingAverageBitForBit(int window) {
        // The tolerance is zero: both reach the same exact sum (a whole number of grid steps below
        // 2^53) and divide it once, so no output differs in any bit, not even by one ulp.
        assertThat(new FastMovingAverage(window).applyValid(SIGNAL)).isEqualTo(new MovingAverage(window).applyValid(SIGNAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void anyChunkingWithAHaloEqualsOneSequentialPass(int chunks) {
        var average = new FastMovingAverage(1001);
        float[] sequential = average.applyValid(SIGNAL);
        var random = new SplittableRandom(chunks);
        // uneven chunks: cut points drawn at random, so chunk sizes range from one output upwards
        int[] cuts = random.ints(chunks - 1, 1, sequential.length).sorted().distinct().toArray();
        float[] chunked = new float[sequential.length];
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : sequential.length;
            // the chunk reads its inputs from its first output on, W - 1 past its last one: its halo
            float[] inputs = Arrays.copyOfRange(SIGNAL, from, to + 1000);
            average.apply(inputs, 0, chunked, from, to - from, Cancellation.NEVER);
            from = to;
        }
        assertThat(chunked).isEqualTo(sequential);
    }

    @Test
    void averagesOfAShortSignal() {
        float[] x = {1, 2, 3, 4, 5, 0, 0, 1};
        assertThat(new FastMovingAverage(3).applyValid(x)).containsExactly(2, 3, 4, 3, 5f / 3, 1f / 3);
        assertThat(new FastMovingAverage(1).applyValid(x)).containsExactly(x);
        assertThat(new FastMovingAverage(8).applyValid(x)).containsExactly(2);
        assertThat(new FastMovingAverage(9).applyValid(x)).isEmpty();
    }

    @Test
    void samplesOffTheGridAreRefused() {
        // 0.1 is no whole number of 1/65536: an exact integer sum of it does not exist
        assertThatThrownBy(() -> new FastMovingAverage(2).applyValid(new float[] {0.5f, 0.1f, 0.25f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample 1 (0.1) is not on the signal's grid of 1/65536 within +-16384");
        // on the grid, but past where sums of 10^8 samples could still be trusted to a long
        assertThatThrownBy(() -> new FastMovingAverage(1).applyValid(new float[] {0x1p15f}))
                .hasMessage("sample 0 (32768.0) is not on the signal's grid of 1/65536 within +-16384");
        assertThatThrownBy(() -> new FastMovingAverage(1).applyValid(new float[] {Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FastMovingAverage(2).applyValid(new float[] {16384f, -16384f, 16384f})).containsExactly(0, 0);
        assertThatThrownBy(() -> new FastMovingAverage(0)).hasMessage("window must be at least 1 (was 0)");
    }

    @Test
    void isTheWorkloadsFastFilter() {
        assertThat(SlidingFilter.of(FilterWorkload.Filter.MOVING_AVERAGE_FAST, 31)).isEqualTo(new FastMovingAverage(31));
        assertThat(FilterWorkload.defaultK(FilterWorkload.Filter.MOVING_AVERAGE_FAST)).isEqualTo(1001);
    }
}
