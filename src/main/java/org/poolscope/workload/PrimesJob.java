package org.poolscope.workload;

import java.util.BitSet;
import java.util.LinkedHashMap;

/**
 * A planned {@link PrimesWorkload}: T blocks of [2, n], each unit's prime count and sum stored in
 * its own slot of two arrays.
 *
 * <p>Threads: {@link #run} from any threads for distinct units; the per-unit slots are written by
 * exactly one unit each, and the happens-before edge the {@link Job} contract requires makes them
 * visible to the thread that calls {@link #combine} and {@link #verify}. {@link #blockStart},
 * {@link #blockEnd} and {@link #describeUnit} from any thread at any time; {@link #count} and
 * {@link #sum} of a unit once its {@code run} has returned (earlier they may read 0).
 */
public final class PrimesJob extends UnitJob {

    private final PrimesWorkload workload;
    /** Only for the sieve kernel, else null. */
    private final SegmentedSieve sieve;
    private final long[] counts;
    private final long[] sums;

    PrimesJob(PrimesWorkload workload, int units) {
        super(workload, units);
        this.workload = workload;
        this.sieve = workload.kernel() == PrimesWorkload.Kernel.SIEVE ? new SegmentedSieve(workload.n()) : null;
        this.counts = new long[units];
        this.sums = new long[units];
    }

    /** The first number of block {@code unit}. */
    public long blockStart(int unit) {
        checkUnit(unit);
        return boundary(unit);
    }

    /** One past the last number of block {@code unit}. */
    public long blockEnd(int unit) {
        checkUnit(unit);
        return boundary(unit + 1);
    }

    private long boundary(int i) {
        // i * m <= 10^6 * 10^10: well inside a long.
        return 2 + (long) i * (workload.n() - 1) / units();
    }

    @Override
    public String describeUnit(int unit) {
        return "block [" + blockStart(unit) + ", " + blockEnd(unit) + ")";
    }

    @Override
    public void run(int unit, Cancellation cancel) {
        checkUnit(unit);
        long lo = boundary(unit);
        long hi = boundary(unit + 1);
        long[] countAndSum = sieve != null
                ? sieve.countAndSum(lo, hi, cancel)
                : TrialDivision.countAndSum(lo, hi, cancel);
        counts[unit] = countAndSum[0];
        sums[unit] = countAndSum[1];
    }

    /** Stores a unit's result computed elsewhere (a worker process), as {@link #run} would. */
    void store(int unit, long count, long sum) {
        checkUnit(unit);
        counts[unit] = count;
        sums[unit] = sum;
    }

    /** The primes counted in block {@code unit}. */
    public long count(int unit) {
        checkUnit(unit);
        return counts[unit];
    }

    /** The sum of the primes in block {@code unit}. */
    public long sum(int unit) {
        checkUnit(unit);
        return sums[unit];
    }

    @Override
    public Result combine(BitSet completed) {
        recordCompleted(completed);
        long count = 0;
        long sum = 0;
        for (int u = completed.nextSetBit(0); u >= 0 && u < units(); u = completed.nextSetBit(u + 1)) {
            count += counts[u];
            sum += sums[u];
        }
        return Result.of("count", count, "sum", sum);
    }

    @Override
    public Verification verify(Result result) {
        if (missingUnits() > 0) {
            return partial();
        }
        long[] expected = PrimeReference.of(workload.n());
        long count = result.get("count");
        long sum = result.get("sum");
        if (count == expected[0] && sum == expected[1]) {
            return Verification.ok("pi(" + workload.n() + ") = " + count + " and the sum " + sum
                    + " agree with Lucy_Hedgehog's method");
        }
        var details = new LinkedHashMap<String, Long>();
        details.put("count", count);
        details.put("expectedCount", expected[0]);
        details.put("sum", sum);
        details.put("expectedSum", expected[1]);
        return new Verification(false, "wrong: count " + count + " (expected " + expected[0] + "), sum " + sum
                + " (expected " + expected[1] + ")", details);
    }

    @Override
    public String describeResult(int unit) {
        return "count=" + count(unit) + " sum=" + sum(unit);
    }
}
