package org.poolscope.workload;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each kernel's throughput on one thread, in millions of numbers (primes) or output samples (filters)
 * per second: the work of one unit, without an executor around it.
 *
 * <ul>
 *   <li>{@code primesTrial}: the course's trial division of [10^6, 10^6 + 10^5).</li>
 *   <li>{@code primesSieve}: the wheel sieve counting and summing the primes of [2, 10^9], the figure
 *       to hold against {@code primesieve 1e9 -t1} (which only counts).</li>
 *   <li>Filters on 2^20 samples of the workload's signal with the workload's default K: the moving
 *       average and the fast one at W = 1001 (same outputs: their ratio is what the better algorithm
 *       buys), the FIR at 255 taps, the median at W = 101.</li>
 * </ul>
 *
 * <pre>./mvnw -B -ntp -Pjmh test-compile exec:exec -Djmh.args="KernelBenchmark -f 1 -wi 3 -i 5"</pre>
 * A smoke run ({@code -f 1 -wi 0 -i 1}) takes about ten seconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g"})
public class KernelBenchmark {

    private static final long TRIAL_FROM = 1_000_000;
    private static final int TRIAL_NUMBERS = 100_000;
    private static final long SIEVE_N = 1_000_000_000;
    private static final int SAMPLES = 1 << 20;

    private SegmentedSieve sieve;
    private float[] signal;
    private float[] out;
    private MovingAverage movingAverage;
    private FastMovingAverage movingAverageFast;
    private FirFilter fir;
    private MedianFilter median;

    @Setup
    public void setUp() {
        sieve = new SegmentedSieve(SIEVE_N);
        signal = Signal.generate(SAMPLES, FilterWorkload.DEFAULT_SEED);
        out = new float[SAMPLES];
        movingAverage = new MovingAverage(FilterWorkload.DEFAULT_WINDOW);
        movingAverageFast = new FastMovingAverage(FilterWorkload.DEFAULT_WINDOW);
        fir = FirFilter.lowPass(FilterWorkload.DEFAULT_TAPS);
        median = new MedianFilter(FilterWorkload.DEFAULT_MEDIAN_WINDOW);
    }

    @Benchmark
    @OperationsPerInvocation(TRIAL_NUMBERS)
    public long[] primesTrial() {
        return TrialDivision.countAndSum(TRIAL_FROM, TRIAL_FROM + TRIAL_NUMBERS, Cancellation.NEVER);
    }

    @Benchmark
    @OperationsPerInvocation((int) SIEVE_N)
    public long[] primesSieve() {
        return sieve.countAndSum(2, SIEVE_N + 1, Cancellation.NEVER);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES - FilterWorkload.DEFAULT_WINDOW + 1)
    public float[] movingAverage() {
        return filter(movingAverage);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES - FilterWorkload.DEFAULT_WINDOW + 1)
    public float[] movingAverageFast() {
        return filter(movingAverageFast);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES - FilterWorkload.DEFAULT_TAPS + 1)
    public float[] fir() {
        return filter(fir);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES - FilterWorkload.DEFAULT_MEDIAN_WINDOW + 1)
    public float[] median() {
        return filter(median);
    }

    private float[] filter(SlidingFilter filter) {
        filter.apply(signal, 0, out, 0, SAMPLES - filter.length() + 1, Cancellation.NEVER);
        return out;
    }
}
