package org.poolscope.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PrimesWorkloadTest {

    private static Result runAll(PrimesJob job) {
        for (int u = 0; u < job.units(); u++) {
            job.run(u, Cancellation.NEVER);
        }
        var all = new BitSet();
        all.set(0, job.units());
        return job.combine(all);
    }

    /** pi and the sum of primes by the plainest possible sieve, for small n. */
    private static long[] bruteForce(int n) {
        boolean[] composite = new boolean[n + 1];
        long count = 0;
        long sum = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                sum += i;
                for (int m = 2 * i; m <= n; m += i) {
                    composite[m] = true;
                }
            }
        }
        return new long[] {count, sum};
    }

    @ParameterizedTest
    @CsvSource({
        "TRIAL, 1000000, 1, 78498, 37550402023",
        "TRIAL, 1000000, 7, 78498, 37550402023",
        "TRIAL, 1000000, 1000, 78498, 37550402023",
        "SIEVE, 1000000, 1, 78498, 37550402023",
        "SIEVE, 1000000, 2, 78498, 37550402023",
        "SIEVE, 1000000, 3, 78498, 37550402023",
        "SIEVE, 1000000, 7, 78498, 37550402023",
        "SIEVE, 1000000, 64, 78498, 37550402023",
        "SIEVE, 1000000, 1000, 78498, 37550402023",
        "TRIAL, 10000000, 64, 664579, 3203324994356",
        "SIEVE, 10000000, 1, 664579, 3203324994356",
        "SIEVE, 10000000, 3, 664579, 3203324994356",
        "SIEVE, 10000000, 1000, 664579, 3203324994356",
        "SIEVE, 100000000, 1, 5761455, 279209790387276",
        "SIEVE, 100000000, 7, 5761455, 279209790387276",
        "SIEVE, 100000000, 64, 5761455, 279209790387276",
    })
    void knownValuesForManyTaskCounts(PrimesWorkload.Kernel kernel, long n, int tasks, long pi, long sum) {
        var job = new PrimesWorkload(kernel, n).plan(tasks);

        Result result = runAll(job);

        assertThat(result).isEqualTo(Result.of("count", pi, "sum", sum));
        assertThat(job.verify(result).verified()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PrimesWorkload.Kernel.class)
    void smallNAtEveryTaskCountMatchBruteForce(PrimesWorkload.Kernel kernel) {
        for (int n : new int[] {2, 3, 4, 5, 10, 100, 1009}) {
            long[] expected = bruteForce(n);
            for (int tasks : new int[] {1, 2, 3, 7, n - 1}) {
                if (tasks > n - 1) {
                    continue;
                }
                var job = new PrimesWorkload(kernel, n).plan(tasks);
                Result result = runAll(job);
                assertThat(result.get("count")).as("pi(%d) with %d tasks", n, tasks).isEqualTo(expected[0]);
                assertThat(result.get("sum")).as("sum(%d) with %d tasks", n, tasks).isEqualTo(expected[1]);
                assertThat(job.verify(result).verified()).isTrue();
            }
        }
    }

    @Test
    void lucyReferenceMatchesBruteForceUpTo2000() {
        for (int n = 2; n <= 2000; n++) {
            assertThat(PrimeReference.compute(n)).as("n=%d", n).containsExactly(bruteForce(n));
        }
    }

    @Test
    void lucyReferenceKnowsTheLargeValues() {
        // pi(10^10) and the sum of primes below 10^10, published values; the sum overflows a long's
        // intermediate triangle numbers, which the modular arithmetic must survive.
        assertThat(PrimeReference.of(10_000_000_000L)).containsExactly(455_052_511L, 2_220_822_432_581_729_238L);
        assertThat(PrimeReference.of(1_000_000_000L)).containsExactly(50_847_534L, 24_739_512_092_254_535L);
    }

    @Test
    void sieveAgreesWithTrialDivisionOnBlocksAwayFromTwo() {
        var sieve = new SegmentedSieve(2_000_000_000L);
        long lo = 1_999_900_001L;
        long hi = 2_000_000_001L;
        assertThat(sieve.countAndSum(lo, hi, Cancellation.NEVER))
                .containsExactly(TrialDivision.countAndSum(lo, hi, Cancellation.NEVER));
        // a block that spans several wheel segments and starts on an even number
        assertThat(sieve.countAndSum(1_000_000L, 2_000_000L, Cancellation.NEVER))
                .containsExactly(TrialDivision.countAndSum(1_000_000L, 2_000_000L, Cancellation.NEVER));
    }

    @Test
    void sieveAgreesWithTrialDivisionOnEveryShortBlockNearTheSmallPrimes() {
        // blocks starting before, at and after the small primes and their squares, where the
        // presieve patterns must spare p itself
        var sieve = new SegmentedSieve(5000);
        for (long lo = 2; lo <= 4000; lo++) {
            for (long length : new long[] {1, 2, 7, 64, 129, 999}) {
                long hi = Math.min(lo + length, 5001);
                assertThat(sieve.countAndSum(lo, hi, Cancellation.NEVER)).as("[%d, %d)", lo, hi)
                        .containsExactly(TrialDivision.countAndSum(lo, hi, Cancellation.NEVER));
            }
        }
    }

    @Test
    void sieveAgreesWithTrialDivisionAtTheLargestN() {
        var sieve = new SegmentedSieve(PrimesWorkload.MAX_N);
        long lo = PrimesWorkload.MAX_N - 3000;
        long hi = PrimesWorkload.MAX_N + 1;
        assertThat(sieve.countAndSum(lo, hi, Cancellation.NEVER))
                .containsExactly(TrialDivision.countAndSum(lo, hi, Cancellation.NEVER));
    }

    @Test
    void courseIsPrimeOnSmallNumbers() {
        assertThat(TrialDivision.isPrime(1)).isFalse();
        assertThat(TrialDivision.isPrime(2)).isTrue();
        assertThat(TrialDivision.isPrime(3)).isTrue();
        assertThat(TrialDivision.isPrime(4)).isFalse();
        assertThat(TrialDivision.isPrime(25)).isFalse();
        assertThat(TrialDivision.isPrime(2_147_483_647L)).isTrue();
        assertThat(TrialDivision.isPrime(1_000_000_007L)).isTrue();
        assertThat(TrialDivision.isPrime(10_000_000_019L)).isTrue();
    }

    @Test
    void isqrtIsExactAroundSquares() {
        for (long r : new long[] {1, 2, 3, 1000, 99_999, 100_000, 3_037_000_499L}) {
            assertThat(IntMath.isqrt(r * r)).isEqualTo(r);
            assertThat(IntMath.isqrt(r * r - 1)).isEqualTo(r - 1);
            assertThat(IntMath.isqrt(r * r + 1)).isEqualTo(r);
        }
        assertThat(IntMath.isqrt(0)).isZero();
        assertThat(IntMath.isqrt(Long.MAX_VALUE)).isEqualTo(3_037_000_499L);
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "3, 2", "10, 9", "10, 4", "1000, 7", "10000000000, 1000000", "10000000000, 3"})
    void blocksCoverTwoToNExactlyWithoutOverlap(long n, int tasks) {
        var job = new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, n).plan(tasks);

        assertThat(job.blockStart(0)).isEqualTo(2);
        assertThat(job.blockEnd(tasks - 1)).isEqualTo(n + 1);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int u = 0; u < tasks; u++) {
            if (u > 0) {
                assertThat(job.blockStart(u)).isEqualTo(job.blockEnd(u - 1));
            }
            long size = job.blockEnd(u) - job.blockStart(u);
            smallest = Math.min(smallest, size);
            largest = Math.max(largest, size);
        }
        assertThat(smallest).isPositive();
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
    }

    @Test
    void describesUnitsAndWorkload() {
        var job = PrimesWorkload.sieve(10_000_000).plan(64);
        assertThat(job.describeUnit(0)).isEqualTo("block [2, 156251)");
        assertThat(job.workload().describe()).isEqualTo("primes sieve n=10000000");
        assertThat(job.units()).isEqualTo(64);
    }

    @Test
    void partialResultIsNotVerified() {
        var job = PrimesWorkload.sieve(1_000_000).plan(64);
        var completed = new BitSet();
        for (int u = 0; u < 64; u++) {
            if (u != 5 && u != 17 && u != 63) {
                job.run(u, Cancellation.NEVER);
                completed.set(u);
            }
        }

        Result result = job.combine(completed);
        Verification v = job.verify(result);

        long missed = 0;
        for (int u : new int[] {5, 17, 63}) {
            missed += new SegmentedSieve(1_000_000).countAndSum(job.blockStart(u), job.blockEnd(u), Cancellation.NEVER)[0];
        }
        assertThat(missed).isPositive();
        assertThat(result.get("count")).isEqualTo(78498 - missed);
        assertThat(v.verified()).isFalse();
        assertThat(v.message()).isEqualTo("partial: 3 of 64 units missing");
        assertThat(v.details()).containsEntry("missingUnits", 3L);
    }

    @Test
    void wrongResultIsNotVerified() {
        var job = PrimesWorkload.sieve(1000).plan(3);
        runAll(job);
        Verification v = job.verify(Result.of("count", 167, "sum", 76127));
        assertThat(v.verified()).isFalse();
        assertThat(v.details()).containsEntry("expectedCount", 168L);
    }

    @ParameterizedTest
    @EnumSource(PrimesWorkload.Kernel.class)
    void cancelledRunThrows(PrimesWorkload.Kernel kernel) {
        var job = new PrimesWorkload(kernel, 100_000_000).plan(1);
        var cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> job.run(0, cancel)).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelStopsALongTrialDivisionOfOneLargeCandidate() {
        var cancel = new Cancellation();
        cancel.cancel();
        // one prime near 10^10 takes 10^5 divisions: the inner poll must see the flag
        assertThatThrownBy(() -> TrialDivision.countAndSum(10_000_000_019L, 10_000_000_020L, cancel))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void validationMessagesNameTheParameter() {
        assertThatThrownBy(() -> PrimesWorkload.trial(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 2 (was 1)");
        assertThatThrownBy(() -> PrimesWorkload.trial(10_000_000_001L))
                .hasMessage("n must be at most 10000000000 (was 10000000001)");
        assertThatThrownBy(() -> new PrimesWorkload(null, 10))
                .hasMessage("kernel must be one of trial, sieve (was none)");
        assertThatThrownBy(() -> PrimesWorkload.trial(100).plan(0))
                .hasMessage("tasks must be 1..99 for primes trial n=100 (was 0)");
        assertThatThrownBy(() -> PrimesWorkload.trial(100).plan(100))
                .hasMessage("tasks must be 1..99 for primes trial n=100 (was 100)");
        assertThat(PrimesWorkload.sieve(10_000_000_000L).maxTasks()).isEqualTo(Workload.MAX_TASKS);
    }
}
