package org.poolscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
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
 * after warm-up pairs, and the median of the per-pair ratios.
 */
@Command(name = "bench", description = "Benchmarks of PoolScope's own cost.", mixinStandardHelpOptions = true,
        subcommands = BenchCommand.Recording.class)
final class BenchCommand {

    @Command(name = "recording", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Wall time with per-task recording ÷ without it, over interleaved pairs of runs.")
    static final class Recording implements Callable<Integer> {

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

        @Override
        public Integer call() throws Exception {
            if (pairs < 1 || pairs > 10_000 || warmup < 0 || warmup > 10_000) {
                throw new IllegalArgumentException("--pairs must be 1..10000 and --warmup 0..10000");
            }
            RunSpec recorded = execution.spec(workload.toWorkload(), workers, tasks, workload.seed).withRecord(true);
            RunSpec bare = recorded.withRecord(false);
            PrintWriter out = spec.commandLine().getOut();
            out.println("PoolScope bench recording · " + recorded.describe() + " · " + pairs + " pairs after "
                    + warmup + " warm-up pairs");
            List<Double> ratios = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            boolean verified = true;
            for (int i = 0; i < warmup + pairs; i++) {
                boolean recordFirst = i % 2 == 0;
                RunResult a = new Run(recordFirst ? recorded : bare).execute();
                RunResult b = new Run(recordFirst ? bare : recorded).execute();
                RunResult withRecording = recordFirst ? a : b;
                RunResult without = recordFirst ? b : a;
                verified &= a.verified() && b.verified();
                if (i >= warmup) {
                    on.add(withRecording.wallMillis());
                    off.add(without.wallMillis());
                    ratios.add(withRecording.wallMillis() / without.wallMillis());
                }
            }
            Summary ratio = Summary.of(ratios.stream().mapToDouble(Double::doubleValue).toArray());
            Summary recordedWall = Summary.of(on.stream().mapToDouble(Double::doubleValue).toArray());
            Summary bareWall = Summary.of(off.stream().mapToDouble(Double::doubleValue).toArray());
            out.println("  wall with recording     median " + Format.millis(recordedWall.median()) + " ms ("
                    + Format.millis(recordedWall.min()) + "–" + Format.millis(recordedWall.max()) + ")");
            out.println("  wall without recording  median " + Format.millis(bareWall.median()) + " ms ("
                    + Format.millis(bareWall.min()) + "–" + Format.millis(bareWall.max()) + ")");
            out.println(Format.f("  recording costs         %+.2f %% of wall (median of %d pair ratios; range %+.1f %% .. %+.1f %%)",
                    100 * (ratio.median() - 1), ratios.size(), 100 * (ratio.min() - 1), 100 * (ratio.max() - 1)));
            out.println(Format.f("  per task                %.0f µs of work (wall × workers ÷ tasks, without recording)",
                    bareWall.median() * 1e3 * recorded.workers() / tasks)); // the spec's: sequential is 1
            out.flush();
            return verified ? 0 : 1;
        }
    }
}
