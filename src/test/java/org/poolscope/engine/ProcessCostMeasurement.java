package org.poolscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * What worker processes cost here, measured, not asserted: a worker's start-up, and two course-sized
 * runs on process ×2 against fixed ×2 (medians of 3 after one warm-up run each, the kinds
 * interleaved). Off in the normal build; run it with
 * {@code ./mvnw -B -ntp -q test -Dtest=ProcessCostMeasurement -Dpoolscope.measure=true}.
 */
@EnabledIfSystemProperty(named = "poolscope.measure", matches = "true")
class ProcessCostMeasurement {

    private static final int REPEATS = 3;

    @Test
    void startUpOfOneWorker() throws Exception {
        for (int workers : new int[] {1, 2}) {
            List<Double> startUps = new ArrayList<>();
            for (int i = 0; i < 1 + REPEATS; i++) {
                RunResult r = new Run(new RunSpec(new IoWorkload(0), ExecutorKind.PROCESS, workers, workers, true)).execute();
                if (i > 0) {
                    for (LaneLog lane : r.timeline().lanes()) {
                        startUps.add((lane.readyNanos() - lane.createdNanos()) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "start-up of a worker, %d starting at once: median %.1f ms of %s%n",
                    workers, median(startUps), startUps);
        }
    }

    @Test
    void primesTrial() throws Exception {
        compare(PrimesWorkload.trial(10_000_000), 64);
    }

    @Test
    void filterFir() throws Exception {
        compare(new FilterWorkload(FilterWorkload.Filter.FIR, 4_000_000, 255, FilterWorkload.Halo.FULL, 42), 32);
    }

    private static void compare(Workload workload, int tasks) throws Exception {
        RunSpec fixed = new RunSpec(workload, ExecutorKind.FIXED, 2, tasks, true);
        RunSpec process = fixed.withExecutor(ExecutorKind.PROCESS, 2);
        RunSpec steady = new RunSpec(workload, ExecutorKind.PROCESS, 2, tasks, true, FaultPlan.NONE, false);
        List<Double> fixedWalls = new ArrayList<>();
        List<Double> processWalls = new ArrayList<>();
        List<Double> steadyWalls = new ArrayList<>();
        // send, compute, receive: [0] each lane's first unit (a cold JVM), [1] the later ones; means in ms
        double[][] sums = new double[2][3];
        int[] counts = new int[2];
        double startUps = 0;
        for (int i = 0; i < 1 + REPEATS; i++) {
            RunResult f = new Run(fixed).execute();
            RunResult p = new Run(process).execute();
            RunResult s = new Run(steady).execute();
            assertThat(f.verified() && p.verified() && s.verified()).isTrue();
            assertThat(p.result()).isEqualTo(f.result());
            if (i == 0) {
                continue; // warm-up
            }
            fixedWalls.add(f.wallMillis());
            processWalls.add(p.wallMillis());
            steadyWalls.add(s.wallMillis());
            Timeline tl = p.timeline();
            for (LaneLog lane : tl.lanes()) {
                startUps += (lane.readyNanos() - lane.createdNanos()) / 1e6;
                for (int k = 0; k < lane.size(); k++) {
                    int t = lane.get(k);
                    int which = k == 0 ? 0 : 1;
                    sums[which][0] += (tl.computeStartNanos(t) - tl.startNanos(t)) / 1e6;
                    sums[which][1] += (tl.computeEndNanos(t) - tl.computeStartNanos(t)) / 1e6;
                    sums[which][2] += (tl.endNanos(t) - tl.computeEndNanos(t)) / 1e6;
                    counts[which]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s · %d tasks · requests %.1f MB%n", workload.describe(), tasks,
                org.poolscope.workload.RemoteUnits.requestBytes(workload, tasks) / 1e6);
        System.out.printf(Locale.ROOT, "  fixed ×2                      wall median %8.1f ms of %s%n", median(fixedWalls), fixedWalls);
        System.out.printf(Locale.ROOT, "  process ×2 (start-up counted) wall median %8.1f ms of %s%n", median(processWalls), processWalls);
        System.out.printf(Locale.ROOT, "  process ×2 (steady state)     wall median %8.1f ms of %s%n", median(steadyWalls), steadyWalls);
        System.out.printf(Locale.ROOT, "  process ×2 worker start-up mean %.1f ms%n", startUps / (2 * REPEATS));
        String[] names = {"first unit of a worker", "later units"};
        for (int which = 0; which < 2; which++) {
            int n = Math.max(1, counts[which]);
            System.out.printf(Locale.ROOT, "  process ×2 %-22s mean send %.2f ms, compute %.2f ms, receive %.2f ms (%d units)%n",
                    names[which], sums[which][0] / n, sums[which][1] / n, sums[which][2] / n, counts[which]);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
