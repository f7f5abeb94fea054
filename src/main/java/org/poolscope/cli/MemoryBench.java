package org.poolscope.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.metrics.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code poolscope bench memory}: what a run's record costs in memory, and what the process keeps
 * resident once it is over. Runs the same spec R times, each time dropping the previous result and
 * keeping the new one, as the window keeps its last run; after each run, one full GC
 * ({@link System#gc()}), then:
 * <ul>
 * <li>timeline bytes a task: the Timeline's arrays and lane logs as allocated
 *     ({@link org.poolscope.engine.Timeline#footprintBytes()});</li>
 * <li>retained bytes a task: heap in use after the GC minus heap in use after the GC before the run,
 *     so everything the run left reachable (timeline, the job's results, the run's result);</li>
 * <li>resident memory after the GC ({@code VmRSS}) and its peak ({@code VmHWM}), Linux only.</li>
 * </ul>
 * Heap figures count nothing freed: a run's garbage (queue nodes, kernel temporaries) is gone by the GC.
 */
@Command(name = "memory", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Memory a run's record takes (bytes a task) and resident memory after a GC, the run kept.",
                "The headline: 1000000 tasks, fixed ×2, at most 64 B a task and 400 MB resident: "
                        + "--workload primes --kernel trial --n 22000000 --tasks 1000000 --workers 2"})
final class MemoryBench implements Callable<Integer> {

    private static final double MB = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "workers (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "1000000", description = "tasks (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
            description = "runs, each replacing the last as the window does (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--progress", description = "report progress on standard error even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 1000) {
            throw new IllegalArgumentException("--runs must be 1..1000 (was " + runs + ")");
        }
        RunSpec runSpec = execution.spec(workload.toWorkload(), workers, tasks, workload.seed);
        BenchRuns.check(runSpec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double[] timelineBytes = new double[runs];
        double[] retainedBytes = new double[runs];
        double[] usedMb = new double[runs];
        double[] committedMb = new double[runs];
        double[] residentMb = new double[runs];
        int measured = 0;
        boolean verified = true;
        BenchRuns bench = new BenchRuns();
        RunResult kept = null;
        try (Interruption ctrlC = Interruption.onCtrlC(bench::stop)) {
            try (Progress p = Progress.start(err, progress, bench::status)) {
                for (int i = 0; i < runs; i++) {
                    kept = null; // the window drops its last run when it starts the next
                    long before = heapAfterGc().getUsed();
                    BenchRuns.Measured m = bench.run(runSpec, "run " + (i + 1) + "/" + runs);
                    if (m == null) {
                        break;
                    }
                    RunResult r = m.result();
                    kept = r;
                    verified &= r.verified();
                    MemoryUsage heap = heapAfterGc();
                    timelineBytes[measured] = (double) r.timeline().footprintBytes() / tasks;
                    retainedBytes[measured] = (double) (heap.getUsed() - before) / tasks;
                    usedMb[measured] = heap.getUsed() / MB;
                    committedMb[measured] = heap.getCommitted() / MB;
                    residentMb[measured] = ResidentMemory.now() / MB;
                    measured++;
                }
            }
            if (measured > 0) {
                table(runSpec, measured, Arrays.copyOf(timelineBytes, measured), Arrays.copyOf(retainedBytes, measured),
                        Arrays.copyOf(usedMb, measured), Arrays.copyOf(committedMb, measured),
                        Arrays.copyOf(residentMb, measured)).print(out);
            }
            Reference.reachabilityFence(kept); // held until measured, as the window holds its last run
            if (bench.stopped()) {
                err.println(measured == 0 ? "poolscope: interrupted before a run ended: nothing measured"
                        : "poolscope: interrupted: the figures are from the " + measured + " of " + runs
                                + " runs measured before");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
        }
        return verified ? PoolScopeCli.EXIT_OK : PoolScopeCli.EXIT_UNVERIFIED;
    }

    /** One full collection (serial and parallel GCs also resize the heap then), and the heap after it. */
    private static MemoryUsage heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    private BenchTable table(RunSpec runSpec, int measured, double[] timeline, double[] retained, double[] used,
            double[] committed, double[] resident) {
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String jvmFlags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).collect(Collectors.joining(" "));
        long peak = ResidentMemory.peak();
        BenchTable t = new BenchTable("PoolScope bench memory · " + runSpec.describe()
                + (runSpec.record() ? "" : " · not recording") + " · " + measured + (measured == 1 ? " run" : " runs")
                + " · heap max " + Format.f("%.0f MB", Runtime.getRuntime().maxMemory() / MB) + " · GC " + gcs
                + (jvmFlags.isEmpty() ? "" : " · " + jvmFlags))
                .row("timeline", bytes(Summary.of(timeline).median()), range(Summary.of(timeline), "%.1f", " B/task"),
                        "its arrays and lane logs as allocated")
                .row("retained", bytes(Summary.of(retained).median()), range(Summary.of(retained), "%.1f", " B/task"),
                        "heap the run leaves reachable, after a full GC (timeline, the job's results)")
                .row("heap used", mb(Summary.of(used).median()), range(Summary.of(used), "%.0f", " MB"),
                        "after a full GC, the last run kept")
                .row("heap committed", mb(Summary.of(committed).median()), range(Summary.of(committed), "%.0f", " MB"),
                        "after a full GC, the last run kept");
        if (resident[0] >= 0) {
            t.row("resident", mb(Summary.of(resident).median()), range(Summary.of(resident), "%.0f", " MB"),
                    "VmRSS after a full GC, the last run kept");
            t.row("resident peak", mb(peak / MB), "", "VmHWM: the most the process held, during the runs");
        }
        return t;
    }

    private static String bytes(double perTask) {
        return Format.f("%.1f B/task", perTask);
    }

    private static String mb(double mb) {
        return Format.f("%.0f MB", mb);
    }

    private static String range(Summary s, String number, String unit) {
        return Format.f(number + "–" + number + unit, s.min(), s.max());
    }
}
