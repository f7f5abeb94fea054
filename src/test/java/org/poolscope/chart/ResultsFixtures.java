package org.poolscope.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.export.ChartPng;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * Small real runs for the results charts, each run once per JVM (they take milliseconds), and the
 * previews they render under {@code target/results-preview/}. Tests may reach export: ArchUnit's
 * layering looks at main classes only.
 */
final class ResultsFixtures {

    static final Path PREVIEWS = Path.of("target", "results-preview");
    static final String CAPTION = "PoolScope test · Temurin 25 · Linux amd64 · 2 cores";

    static final FilterWorkload FILTER_NO_HALO = new FilterWorkload(FilterWorkload.Filter.MOVING_AVERAGE, 50_000, 101,
            FilterWorkload.Halo.NONE, 42);

    private static RunResult primes;
    private static RunResult filterNoHalo;
    private static RunResult filterHalo;
    private static RunResult io;
    private static RunResult contention;

    private ResultsFixtures() {
    }

    static synchronized RunResult primes() {
        if (primes == null) {
            primes = warm(new RunSpec(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 200_000), ExecutorKind.FIXED, 2,
                    16, true));
        }
        return primes;
    }

    static synchronized RunResult filterNoHalo() {
        if (filterNoHalo == null) {
            filterNoHalo = run(new RunSpec(FILTER_NO_HALO, ExecutorKind.FIXED, 2, 16, true));
        }
        return filterNoHalo;
    }

    static synchronized RunResult filterHalo() {
        if (filterHalo == null) {
            filterHalo = run(new RunSpec(FILTER_NO_HALO.withHalo(FilterWorkload.Halo.FULL), ExecutorKind.FIXED, 2, 16,
                    true));
        }
        return filterHalo;
    }

    static synchronized RunResult io() {
        if (io == null) {
            io = run(new RunSpec(new IoWorkload(5), ExecutorKind.FIXED, 4, 32, true));
        }
        return io;
    }

    static synchronized RunResult contention() {
        if (contention == null) {
            contention = warm(new RunSpec(new ContentionWorkload(ContentionWorkload.LockKind.LONG_ADDER, 10_000),
                    ExecutorKind.FIXED, 2, 16, true));
        }
        return contention;
    }

    static RunResult run(Workload workload, ExecutorKind kind, int workers, int tasks) {
        return run(new RunSpec(workload, kind, workers, tasks, true));
    }

    static RunResult withFaults(Workload workload, int tasks, double rate) {
        return run(new RunSpec(workload, ExecutorKind.FIXED, 2, tasks, true, new FaultPlan(rate, 7), true));
    }

    /**
     * The second of two runs: the first compiles the kernel, which would otherwise make the first
     * tasks several times slower than the rest and hide what the chart is about.
     */
    static RunResult warm(RunSpec spec) {
        run(spec);
        return run(spec);
    }

    static RunResult run(RunSpec spec) {
        try {
            return new Run(spec).execute();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the chart as the CLI would (1000 × 640 at 2×) to the preview folder and returns the file. */
    static Path preview(JFreeChart chart, String name) {
        try {
            Files.createDirectories(PREVIEWS);
            Path png = PREVIEWS.resolve(name + ".png");
            ChartPng.write(chart, png, 1000, 640, 2);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
