package org.poolscope.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.poolscope.engine.RunSpec;
import org.poolscope.metrics.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code poolscope bench recording}: what recording per-task times costs a whole run, measured as
 * PoolScope's figures are: interleaved pairs in one JVM (the order alternating within each pair),
 * after warm-up pairs, and the median of the per-pair ratios. Ctrl+C prints the pairs measured so far.
 */
@Command(name = "recording", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Wall time with per-task recording ÷ without it, over interleaved pairs of runs.",
                "The headline: 1000000 tasks of about 10 µs, fixed ×2, within 2 %%: "
                        + "--workload primes --kernel trial --n 22000000 --tasks 1000000 --workers 2"})
final class RecordingBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "workers (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "100000", description = "tasks (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--pairs", paramLabel = "P", defaultValue = "20", description = "measured pairs (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "3", description = "warm-up pairs (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--progress", description = "report progress on standard error even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (pairs < 1 || pairs > 10_000 || warmup < 0 || warmup > 10_000) {
            throw new IllegalArgumentException("--pairs must be 1..10000 and --warmup 0..10000");
        }
        if (execution.noRecord) {
            throw new IllegalArgumentException("--no-record: bench recording runs with and without recording itself");
        }
        RunSpec recorded = execution.spec(workload.toWorkload(), workers, tasks, workload.seed).withRecord(true);
        RunSpec bare = recorded.withRecord(false);
        BenchRuns.check(recorded);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double[] on = new double[pairs];
        double[] off = new double[pairs];
        double[] cpuOn = new double[pairs];
        double[] cpuOff = new double[pairs];
        int measured = 0;
        boolean verified = true;
        BenchRuns runs = new BenchRuns();
        try (Interruption ctrlC = Interruption.onCtrlC(runs::stop)) {
            try (Progress p = Progress.start(err, progress, runs::status)) {
                for (int i = 0; i < warmup + pairs; i++) {
                    String what = (i < warmup ? "warm-up pair " + (i + 1) + "/" + warmup
                            : "pair " + (i - warmup + 1) + "/" + pairs);
                    boolean recordFirst = i % 2 == 0;
                    BenchRuns.Measured a = runs.run(recordFirst ? recorded : bare, what);
                    BenchRuns.Measured b = a == null ? null : runs.run(recordFirst ? bare : recorded, what);
                    if (b == null) {
                        break; // Ctrl+C: a pair cut short measures nothing
                    }
                    verified &= a.result().verified() && b.result().verified();
                    if (i >= warmup) {
                        BenchRuns.Measured with = recordFirst ? a : b;
                        BenchRuns.Measured without = recordFirst ? b : a;
                        on[measured] = with.result().wallMillis();
                        off[measured] = without.result().wallMillis();
                        cpuOn[measured] = with.cpuMillis();
                        cpuOff[measured] = without.cpuMillis();
                        measured++;
                    }
                }
            }
            if (measured > 0) {
                table(recorded, Arrays.copyOf(on, measured), Arrays.copyOf(off, measured),
                        Arrays.copyOf(cpuOn, measured), Arrays.copyOf(cpuOff, measured)).print(out);
            }
            if (runs.stopped()) {
                err.println(measured == 0 ? "poolscope: interrupted before a measured pair: nothing measured"
                        : "poolscope: interrupted: the figures are from the " + measured + " of " + pairs
                                + " pairs measured before");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
        }
        return verified ? PoolScopeCli.EXIT_OK : PoolScopeCli.EXIT_UNVERIFIED;
    }

    /**
     * The figures of the measured pairs: walls and process CPU times with recording and without, in ms,
     * pair by pair. The wall is the headline; CPU time is its cross-check on a machine others load.
     */
    private BenchTable table(RunSpec recorded, double[] on, double[] off, double[] cpuOn, double[] cpuOff) {
        int measured = on.length;
        double[] ratios = new double[measured];
        double[] extraNanosPerTask = new double[measured];
        int ran = recorded.workers(); // the spec's: the sequential kind runs on one whatever --workers says
        for (int i = 0; i < measured; i++) {
            ratios[i] = on[i] / off[i];
            extraNanosPerTask[i] = (on[i] - off[i]) * 1e6 * ran / tasks;
        }
        double[] cpuRatios = new double[measured];
        for (int i = 0; i < measured; i++) {
            cpuRatios[i] = cpuOn[i] / cpuOff[i];
        }
        Summary cpuRatio = Summary.of(cpuRatios);
        Summary ratio = Summary.of(ratios);
        Summary extra = Summary.of(extraNanosPerTask);
        Summary withRecording = Summary.of(on);
        Summary without = Summary.of(off);
        BenchTable t = new BenchTable("PoolScope bench recording · " + recorded.describe() + " · " + measured + " pairs after "
                + warmup + " warm-up pairs")
                .row("wall with recording", Format.millis(withRecording.median()) + " ms",
                        Format.millis(withRecording.min()) + "–" + Format.millis(withRecording.max()) + " ms", "")
                .row("wall without recording", Format.millis(without.median()) + " ms",
                        Format.millis(without.min()) + "–" + Format.millis(without.max()) + " ms", "")
                .row("recording costs", Format.f("%+.2f %%", 100 * (ratio.median() - 1)),
                        Format.f("%+.1f %% .. %+.1f %%", 100 * (ratio.min() - 1), 100 * (ratio.max() - 1)),
                        "of wall: median of the " + measured + " pair ratios")
                .row("recording per task", Format.f("%+.0f ns", extra.median()),
                        Format.f("%+.0f .. %+.0f ns", extra.min(), extra.max()),
                        "(with − without) × workers ÷ tasks, per pair");
        if (Arrays.stream(cpuOn).anyMatch(v -> v <= 0) || Arrays.stream(cpuOff).anyMatch(v -> v <= 0)) {
            // this JVM does not report the process's CPU time: no ratio of zeros
            return t.row("work per task", Format.f("%.1f µs", without.median() * 1e3 * ran / tasks), "",
                    "wall × workers ÷ tasks, without recording");
        }
        return t.row("cpu with recording", Format.millis(Summary.of(cpuOn).median()) + " ms",
                        Format.millis(Summary.of(cpuOn).min()) + "–" + Format.millis(Summary.of(cpuOn).max()) + " ms",
                        "the process's CPU time during the run")
                .row("cpu without recording", Format.millis(Summary.of(cpuOff).median()) + " ms",
                        Format.millis(Summary.of(cpuOff).min()) + "–" + Format.millis(Summary.of(cpuOff).max()) + " ms", "")
                .row("recording costs (cpu)", Format.f("%+.2f %%", 100 * (cpuRatio.median() - 1)),
                        Format.f("%+.1f %% .. %+.1f %%", 100 * (cpuRatio.min() - 1), 100 * (cpuRatio.max() - 1)),
                        "of CPU time: median of the pair ratios, little moved by other load")
                .row("work per task", Format.f("%.1f µs", without.median() * 1e3 * ran / tasks), "",
                        "wall × workers ÷ tasks, without recording")
                .row("cpu per task", Format.f("%.1f µs", Summary.of(cpuOff).median() * 1e3 / tasks), "",
                        "CPU time ÷ tasks, without recording: the work per task when others load the machine");
    }
}
