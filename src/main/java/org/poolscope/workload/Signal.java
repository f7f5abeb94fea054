package org.poolscope.workload;

import java.util.SplittableRandom;

/**
 * The deterministic float32 test signal the filters run on: uniform noise in [-1, 1] plus a slow sine
 * (amplitude 1, period {@value #SLOW_PERIOD} samples) and a fast one (amplitude 0.5, period
 * {@value #FAST_PERIOD}), with phases drawn from the seed.
 *
 * <p>Every sample lies on a fixed-point grid: it is q / 65 536 for an int q with |q| <= 2.5 * 65 536.
 * Sums of such samples are exact in a double (they need at most 36 bits of the 53), so any
 * summation order gives the same moving average, and an O(L) running-sum reference
 * ({@link MovingAverage#exactOnGrid}) can check the O(L W) kernel bit for bit.
 *
 * <p>Reproducible everywhere: the noise comes from {@link SplittableRandom#nextLong()}, whose
 * algorithm the JDK specifies, and the sines from {@link StrictMath}, tabulated over one period (so
 * sample i uses sin(2 pi (i mod P) / P + phase)).
 *
 * <p>Threads: any thread may call any method. {@link #shared} hands the same array to every caller;
 * nobody may write to it.
 */
public final class Signal {

    /** Samples are whole multiples of 1 / SCALE. */
    public static final int SCALE = 65_536;
    static final int SLOW_PERIOD = 20_000;
    static final int FAST_PERIOD = 250;

    private static final SoftCache<Key, float[]> CACHE = new SoftCache<>(4);

    private record Key(int length, long seed) {
    }

    private Signal() {
    }

    /** A fresh array of {@code length} samples for {@code seed}. */
    public static float[] generate(int length, long seed) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be at least 0 (was " + length + ")");
        }
        var random = new SplittableRandom(seed);
        int[] slow = sineTable(SLOW_PERIOD, 1.0, unitDouble(random));
        int[] fast = sineTable(FAST_PERIOD, 0.5, unitDouble(random));
        float[] samples = new float[length];
        int s = 0;
        int f = 0;
        for (int i = 0; i < length; i++) {
            // 17 random bits: 0..131071, centred to -65536..65535
            int noise = (int) (random.nextLong() >>> 47) - SCALE;
            samples[i] = (float) (slow[s] + fast[f] + noise) / SCALE;
            if (++s == SLOW_PERIOD) {
                s = 0;
            }
            if (++f == FAST_PERIOD) {
                f = 0;
            }
        }
        return samples;
    }

    /** The cached signal for (length, seed): shared, read-only by convention. */
    static float[] shared(int length, long seed) {
        return CACHE.get(new Key(length, seed), key -> generate(key.length(), key.seed()));
    }

    /** One period of amplitude * sin(2 pi i / period + phase), in grid units. */
    private static int[] sineTable(int period, double amplitude, double phaseFraction) {
        int[] table = new int[period];
        for (int i = 0; i < period; i++) {
            double angle = 2 * StrictMath.PI * ((double) i / period + phaseFraction);
            table[i] = (int) StrictMath.rint(amplitude * SCALE * StrictMath.sin(angle));
        }
        return table;
    }

    private static double unitDouble(SplittableRandom random) {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }
}
