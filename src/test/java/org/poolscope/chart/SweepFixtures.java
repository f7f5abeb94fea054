package org.poolscope.chart;

import java.util.ArrayList;
import java.util.List;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunSpec;
import org.poolscope.metrics.AmdahlFit;
import org.poolscope.metrics.RunRow;
import org.poolscope.metrics.Summary;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;
import org.poolscope.metrics.SweepSpec;
import org.poolscope.workload.IoWorkload;

/**
 * Hand-built sweep results with plausible numbers from a closed-form model (Amdahl's law with a 5 %
 * serial part, a 2-core machine, a little overhead per task), so chart and CSV tests know every
 * value without running anything. Public for the export tests.
 */
public final class SweepFixtures {

    public static final int CORES = 2;
    public static final double SERIAL_FRACTION = 0.05;
    public static final double SPREAD = 0.04;

    private SweepFixtures() {
    }

    /** Workers 1, 2, 3, 4, 6, 8 at 64 tasks (and a second task count the speedup charts must ignore). */
    public static SweepResult speedupSweep(boolean validFit) {
        return sweep(List.of(1, 2, 3, 4, 6, 8), List.of(64, 4096), validFit);
    }

    /** Workers 1, 2, 4 at task counts 1 … 100 000: a granularity sweep. */
    public static SweepResult granularitySweep() {
        return sweep(List.of(1, 2, 4), List.of(1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 100_000), true);
    }

    public static SweepResult sweep(List<Integer> workers, List<Integer> tasks, boolean validFit) {
        RunSpec base = new RunSpec(new IoWorkload(20), ExecutorKind.FIXED, 1, tasks.getFirst(), false);
        SweepSpec spec = new SweepSpec(base, workers, tasks, 3);
        List<RunRow> rows = new ArrayList<>();
        List<SweepPoint> points = new ArrayList<>();
        List<Summary> baselines = new ArrayList<>();
        String workload = base.workload().describe();
        for (int t : tasks) {
            double sequential = baselineMillis(t);
            baselines.add(Summary.of(sequential * 0.99, sequential, sequential * 1.02));
            for (int r = 0; r < 3; r++) {
                rows.add(new RunRow(ExecutorKind.SEQUENTIAL, workload, 1, t, r, sequential, 1, 1, 1, true));
            }
        }
        for (int t : tasks) {
            double sequential = baselineMillis(t);
            for (int n : workers) {
                double s = speedup(n, t);
                double wall = sequential / s;
                Summary walls = Summary.of(wall * (1 - SPREAD), wall, wall * (1 + SPREAD));
                Summary ceiling = Summary.of(ceiling(n) * 0.98, ceiling(n), ceiling(n) * 1.01);
                points.add(new SweepPoint(n, t, walls, s, sequential / walls.max(), sequential / walls.min(),
                        s / n, n == 1 ? Double.NaN : (1 / s - 1.0 / n) / (1 - 1.0 / n), ceiling, true));
                for (int r = 0; r < 3; r++) {
                    double w = wall * (1 + SPREAD * (r - 1));
                    rows.add(new RunRow(ExecutorKind.FIXED, workload, n, t, r, w, sequential / w,
                            sequential / w / n, ceiling(n), true));
                }
            }
        }
        AmdahlFit fit = validFit ? new AmdahlFit(true, SERIAL_FRACTION, 3, "")
                : AmdahlFit.invalid("only 2 points with N ≤ cores (2): a line through 2 points fits anything", 2);
        List<String> warnings = workers.stream().anyMatch(n -> n > CORES)
                ? List.of("N > cores (" + CORES + ") at N = " + workers.stream().filter(n -> n > CORES)
                        .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
                        + ": past the cores the machine, not the program, limits speedup")
                : List.of();
        return new SweepResult(spec, rows, points, baselines, fit, CORES, warnings);
    }

    /** The sequential wall at {@code tasks} tasks: the work plus a little per task. */
    public static double baselineMillis(int tasks) {
        return 1000 + 0.002 * tasks;
    }

    /** Amdahl on at most {@link #CORES} cores; few tasks leave workers idle, many add overhead per task. */
    public static double speedup(int workers, int tasks) {
        int busy = Math.min(Math.min(workers, CORES), tasks);
        double amdahl = 1 / (SERIAL_FRACTION + (1 - SERIAL_FRACTION) / busy);
        double balance = ((double) tasks / busy) / Math.ceil((double) tasks / busy);
        double overhead = 1 / (1 + 1e-5 * tasks * workers);
        return amdahl * balance * overhead;
    }

    public static double ceiling(int workers) {
        return workers <= CORES ? workers * 0.97 + 0.03 : CORES * 0.97;
    }
}
