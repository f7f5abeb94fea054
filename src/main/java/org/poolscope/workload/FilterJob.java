package org.poolscope.workload;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;

/**
 * A planned {@link FilterWorkload}: the signal, the output array every unit writes its own range of,
 * and the chunk boundaries.
 *
 * <p>Unit i reads inputs [{@link #inputStart}(i), {@link #inputStart}(i) + its output count + K - 1)
 * and writes outputs [{@link #outputStart}(i), {@link #outputStart}(i + 1)). With a full halo the
 * two starts coincide; without one (the course's chunking) unit i's outputs land K - 1 places earlier
 * per preceding boundary, since that many outputs were never computed.
 *
 * <p>Verification compares the output with the sequential filter of the whole signal, position by
 * position, by bits: the reference is computed once per workload value (for both moving averages by
 * {@link MovingAverage#exactOnGrid}, an exact O(L) running sum over the whole signal, for the others by
 * one sequential pass) and cached softly.
 *
 * <p>Threads: {@link #run} from any threads for distinct units (their output ranges are disjoint).
 * {@link #combine}, {@link #verify} by one thread after the runs, as {@link Job} says.
 * {@link #signal}, {@link #reference}, the boundaries and {@link #describeUnit} from any thread at
 * any time; {@link #output} is complete only after the runs, and shows work in progress before.
 */
public final class FilterJob extends UnitJob {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final SoftCache<FilterWorkload, float[]> REFERENCES = new SoftCache<>(4);

    private final FilterWorkload workload;
    private final SlidingFilter filter;
    private final float[] signal;
    private final float[] output;
    /** T + 1 boundaries each: unit i is [start[i], start[i + 1]). */
    private final int[] inputStarts;
    private final int[] outputStarts;

    FilterJob(FilterWorkload workload, int units, float[] signal) {
        super(workload, units);
        this.workload = workload;
        this.filter = SlidingFilter.of(workload.filter(), workload.k());
        this.signal = signal;
        int length = workload.length();
        int halo = workload.k() - 1;
        inputStarts = new int[units + 1];
        outputStarts = new int[units + 1];
        if (workload.halo() == FilterWorkload.Halo.FULL) {
            long outputs = length - halo;
            for (int i = 0; i <= units; i++) {
                outputStarts[i] = (int) (i * outputs / units);
                inputStarts[i] = outputStarts[i];
            }
        } else {
            // np.array_split: the first L % T chunks are one sample longer
            int size = length / units;
            int longer = length % units;
            for (int i = 0; i <= units; i++) {
                inputStarts[i] = i * size + Math.min(i, longer);
                outputStarts[i] = inputStarts[i] - i * halo;
            }
        }
        this.output = new float[outputStarts[units]];
    }

    @Override
    public String describeUnit(int unit) {
        checkUnit(unit);
        if (workload.halo() == FilterWorkload.Halo.FULL) {
            return "samples [" + inputStarts[unit] + ", " + inputStarts[unit + 1] + ") + halo " + (workload.k() - 1);
        }
        return "samples [" + inputStarts[unit] + ", " + inputStarts[unit + 1] + "), no halo";
    }

    @Override
    public void run(int unit, Cancellation cancel) {
        checkUnit(unit);
        filter.apply(signal, inputStarts[unit], output, outputStarts[unit],
                outputStarts[unit + 1] - outputStarts[unit], cancel);
    }

    @Override
    public Result combine(BitSet completed) {
        recordCompleted(completed);
        long hash = FNV_OFFSET;
        long length = 0;
        for (int u = completed.nextSetBit(0); u >= 0 && u < units(); u = completed.nextSetBit(u + 1)) {
            hash = fnv1a(hash, output, outputStarts[u], outputStarts[u + 1]);
            length += outputStarts[u + 1] - outputStarts[u];
        }
        return Result.of("length", length, "checksum", hash);
    }

    @Override
    public Verification verify(Result result) {
        if (missingUnits() > 0) {
            return partial();
        }
        float[] reference = referenceArray();
        int compared = Math.min(output.length, reference.length);
        long mismatched = 0;
        for (int i = 0; i < compared; i++) {
            if (Float.floatToRawIntBits(output[i]) != Float.floatToRawIntBits(reference[i])) {
                mismatched++;
            }
        }
        long missing = reference.length - output.length;
        var details = new LinkedHashMap<String, Long>();
        details.put("missing", missing);
        details.put("mismatched", mismatched);
        if (workload.halo() == FilterWorkload.Halo.NONE && (missing > 0 || mismatched > 0)) {
            return new Verification(false, "course chunking (no halo): " + missing + " samples missing, "
                    + mismatched + " mismatched", details);
        }
        if (missing != 0 || mismatched != 0) {
            return new Verification(false, "differs from the sequential filter: " + missing + " samples missing, "
                    + mismatched + " mismatched", details);
        }
        Result expected = Result.of("length", reference.length, "checksum", checksum(reference, 0, reference.length));
        if (!expected.equals(result)) {
            return new Verification(false, "result " + result + " is not the sequential filter's " + expected, details);
        }
        return new Verification(true, "equal bit for bit to the sequential filter (" + reference.length + " samples)",
                details);
    }

    /** The input signal, read-only, shared with every job of the same length and seed. */
    public FloatBuffer signal() {
        return FloatBuffer.wrap(signal).asReadOnlyBuffer();
    }

    /** The combined output as the units wrote it, read-only: L-K+1 samples, or L-T(K-1) without halo. */
    public FloatBuffer output() {
        return FloatBuffer.wrap(output).asReadOnlyBuffer();
    }

    /** The sequential filter of the whole signal, L-K+1 samples, read-only; computed on first use, then cached. */
    public FloatBuffer reference() {
        return FloatBuffer.wrap(referenceArray()).asReadOnlyBuffer();
    }

    /** The first input of unit {@code unit}; {@code inputStart(units())} is L. */
    public int inputStart(int unit) {
        checkBoundary(unit);
        return inputStarts[unit];
    }

    /** Where unit {@code unit}'s outputs begin in {@link #output}; {@code outputStart(units())} is its length. */
    public int outputStart(int unit) {
        checkBoundary(unit);
        return outputStarts[unit];
    }

    /** The output position of every chunk's first sample, T of them: where the course's chunking goes wrong. */
    public int[] chunkStarts() {
        return Arrays.copyOf(outputStarts, units());
    }

    /** The signal itself, for codecs that send chunks elsewhere; nobody may write to it. */
    float[] signalArray() {
        return signal;
    }

    /** The output itself, for codecs that store results computed elsewhere (distinct units only). */
    float[] outputArray() {
        return output;
    }

    private void checkBoundary(int unit) {
        if (unit < 0 || unit > units()) {
            throw new IndexOutOfBoundsException("unit boundary " + unit + " is not in 0.." + units());
        }
    }

    float[] referenceArray() {
        return REFERENCES.get(workload.withHalo(FilterWorkload.Halo.FULL), w ->
                switch (filter) {
                    case MovingAverage average -> average.exactOnGrid(signal);
                    // its own whole-signal pass would check it against itself; the other code is the yardstick
                    case FastMovingAverage fast -> new MovingAverage(fast.window()).exactOnGrid(signal);
                    default -> filter.applyValid(signal);
                });
    }

    /**
     * The checksum of a filter result: 64-bit FNV-1a over the samples in order, each sample taken as
     * the four bytes of {@link Float#floatToRawIntBits}, least significant first.
     */
    public static long checksum(float[] samples, int from, int to) {
        return fnv1a(FNV_OFFSET, samples, from, to);
    }

    private static long fnv1a(long hash, float[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            int bits = Float.floatToRawIntBits(samples[i]);
            for (int shift = 0; shift < 32; shift += 8) {
                hash ^= (bits >>> shift) & 0xff;
                hash *= FNV_PRIME;
            }
        }
        return hash;
    }

    @Override
    public String describeResult(int unit) {
        int from = outputStart(unit);
        int to = outputStart(unit + 1);
        return (to - from) + " filtered samples [" + from + ", " + to + ")";
    }
}
