package org.poolscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.poolscope.chart.GranularityChart;
import org.poolscope.chart.SpeedupChart;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.export.ChartPng;
import org.poolscope.export.Environment;
import org.poolscope.export.SweepCsv;
import org.poolscope.metrics.Sweep;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;
import org.poolscope.metrics.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolscope sweep}: speedup over worker counts (and task counts), against the machine's ceiling. */
@Command(name = "sweep", description = "Measure speedup and efficiency over worker counts and task counts.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--workers", paramLabel = "N,N,…", defaultValue = "1,2,4", converter = IntListConverter.class,
            description = "worker counts (default: ${DEFAULT-VALUE})")
    List<Integer> workers;

    @Option(names = "--tasks", paramLabel = "T,T,…", defaultValue = "64", converter = IntListConverter.class,
            description = "task counts; several make a granularity sweep (default: ${DEFAULT-VALUE})")
    List<Integer> tasks;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "5", description = "measured rounds after a warm-up (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one row per run as CSV")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "write the speedup chart (granularity chart for several task counts) as PNG")
    Path png;

    @Option(names = "--progress", description = "report progress on standard error even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        OutputFiles.check("--csv", csv);
        OutputFiles.check("--png", png);
        if (execution.kind() == ExecutorKind.SEQUENTIAL) {
            throw new IllegalArgumentException("--executor: a sweep compares an executor with the sequential baseline; "
                    + "use fixed, work-stealing, virtual or process");
        }
        onceEach("--workers", workers);
        onceEach("--tasks", tasks);
        RunSpec base = execution.spec(workload.toWorkload(), workers.get(0), tasks.get(0), workload.seed);
        SweepSpec sweepSpec = new SweepSpec(base, workers, tasks, repeats);
        Sweep sweep = new Sweep(sweepSpec);
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<String> status = new AtomicReference<>("warming up");
        SweepResult result;
        try (Interruption ctrlC = Interruption.onCtrlC(sweep::cancel)) {
            try (Progress p = Progress.start(err, progress, status::get)) {
                result = sweep.run((RunResult run, boolean warmUp, int index, int total) -> status.set("run " + index
                        + "/" + total + (warmUp ? " (warm-up)" : "") + ": " + run.spec().describe() + " → "
                        + Format.millis(run.wallMillis()) + " ms"));
            } catch (CancellationException e) {
                err.println("poolscope: interrupted during the warm-up: nothing measured, nothing written");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
            print(spec.commandLine().getOut(), result);
            Environment env = Environment.capture();
            if (csv != null) {
                SweepCsv.write(result, csv);
            }
            if (png != null) {
                var chart = sweepSpec.isGranularity() ? GranularityChart.create(result, env.caption())
                        : SpeedupChart.create(result, env.caption());
                ChartPng.write(chart, png, 1000, 640, 2);
            }
            if (!result.complete()) {
                err.println("poolscope: interrupted: outputs hold the rounds measured before, marked incomplete");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
        }
        return result.verified() ? PoolScopeCli.EXIT_OK : PoolScopeCli.EXIT_UNVERIFIED;
    }

    /** A count given twice (2,2, or --workers 2 --workers 2) would be measured and shown as two points. */
    private static void onceEach(String flag, List<Integer> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.indexOf(values.get(i)) != i) {
                throw new IllegalArgumentException(flag + ": " + values.get(i) + " is listed twice");
            }
        }
    }

    static void print(PrintWriter out, SweepResult r) {
        SweepSpec s = r.spec();
        out.println("PoolScope sweep · " + s.base().workload().describe() + " · " + s.base().executor().cliName()
                + " · " + s.repeats() + " repeats after a warm-up · " + r.cores() + " cores");
        for (int i = 0; i < s.tasks().size(); i++) {
            var b = r.baselines().get(i);
            out.println(Format.f("  sequential baseline, %d tasks: %s ms (%s–%s)", s.tasks().get(i),
                    Format.millis(b.median()), Format.millis(b.min()), Format.millis(b.max())));
        }
        out.println();
        out.println(Format.f("  %7s %8s %22s %8s %10s %8s %10s %11s %8s", "workers", "tasks", "wall ms median (min–max)",
                "speedup", "efficiency", "ceiling", "of ceiling", "Karp–Flatt", "verified"));
        for (SweepPoint p : r.points()) {
            String wall = Format.millis(p.wallMillis().median()) + " (" + Format.millis(p.wallMillis().min()) + "–"
                    + Format.millis(p.wallMillis().max()) + ")";
            out.println(Format.f("  %7d %8d %22s %8s %10s %8s %10s %11s %8s", p.workers(), p.tasks(), wall,
                    Format.ratio(p.speedup()), Format.percent(p.efficiency()), Format.ratio(p.ceiling().median()),
                    Format.percent(p.ofCeiling()), Format.ratio(p.karpFlatt()), p.verified() ? "yes" : "NO"));
        }
        out.println();
        if (r.amdahl().valid()) {
            out.println(Format.f("  Amdahl fit: serial fraction %.3f over %d points", r.amdahl().serialFraction(), r.amdahl().points()));
        } else {
            out.println("  Amdahl fit: none — " + r.amdahl().reason());
        }
        for (String w : r.warnings()) {
            out.println("  warning: " + w);
        }
        out.flush();
    }
}
