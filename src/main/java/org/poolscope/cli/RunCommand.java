package org.poolscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poolscope.chart.ResultsChart;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.TaskDetails;
import org.poolscope.export.ChartPng;
import org.poolscope.export.AtomicFiles;
import org.poolscope.export.ChromeTrace;
import org.poolscope.export.Environment;
import org.poolscope.export.RunJson;
import org.poolscope.timeline.TimelineRenderer;
import org.poolscope.timeline.TimelineStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolscope run}: one run, a readable summary, optional JSON, trace and timeline files. */
@Command(name = "run", description = "Run a workload once on an executor and report what happened.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    enum Order { SUBMISSION, COMPLETION }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--workers", paramLabel = "N", description = "worker count (default: the cores)")
    Integer workers;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "64", description = "units to split the work into (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--list", paramLabel = "K", defaultValue = "0",
            description = "list the first K tasks as futures: state, result or exception, times (default: none)")
    int list;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "submission",
            description = "order of --list: submission, or completion (as as_completed hands results out) (default: ${DEFAULT-VALUE})")
    String order;

    @Option(names = "--json", paramLabel = "FILE", description = "write the run, with one record per task, as JSON")
    Path json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write a Chrome trace-event file for Perfetto")
    Path trace;

    @Option(names = "--results-png", paramLabel = "FILE",
            description = "draw what the run computed and how long its pieces took as a PNG (1000×640 at 2×)")
    Path resultsPng;

    @Option(names = "--timeline-png", paramLabel = "FILE",
            description = "draw the run's timeline (queue, one lane per worker, one bar per task) as a PNG")
    Path timelinePng;

    @Option(names = "--progress", description = "report progress on standard error even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        OutputFiles.check("--json", json);
        OutputFiles.check("--trace", trace);
        OutputFiles.check("--results-png", resultsPng);
        OutputFiles.check("--timeline-png", timelinePng);
        if (execution.noRecord && trace != null) {
            throw new IllegalArgumentException("--trace needs per-task times: drop --no-record");
        }
        if (execution.noRecord && timelinePng != null) {
            throw new IllegalArgumentException("--timeline-png needs per-task times: drop --no-record");
        }
        if (list < 0) {
            throw new IllegalArgumentException("--list must be 0 or more (was " + list + ")");
        }
        Order listOrder = WorkloadOptions.choose("--order", order, Order.class);
        if (listOrder == Order.COMPLETION && execution.noRecord && list > 0) {
            throw new IllegalArgumentException("--order completion needs per-task times: drop --no-record");
        }
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        RunSpec runSpec = execution.spec(workload.toWorkload(), n, tasks, workload.seed);
        Run run = new Run(runSpec);
        PrintWriter err = spec.commandLine().getErr();
        RunResult r;
        try (Interruption ctrlC = Interruption.onCtrlC(run::cancelAll)) {
            try (Progress p = Progress.start(err, progress, () -> run.finishedTasks() + "/" + runSpec.tasks()
                    + " tasks · " + runSpec.describe())) {
                r = run.execute();
            }
            print(spec.commandLine().getOut(), r);
            listTasks(spec.commandLine().getOut(), run, r, listOrder);
            Environment env = Environment.capture();
            if (json != null) {
                RunJson.write(r, env, json);
            }
            if (trace != null) {
                ChromeTrace.write(r, trace);
            }
            if (resultsPng != null) {
                ChartPng.write(ResultsChart.create(r, env.caption()), resultsPng, 1000, 640, 2);
            }
            if (timelinePng != null) {
                var timeline = r.timeline();
                String caption = runSpec.describe() + " · wall " + Format.millis(r.wallMillis()) + " ms"
                        + (r.interrupted() ? " · interrupted" : "") + " · " + env.caption();
                AtomicFiles.write(timelinePng, out -> TimelineRenderer.writePng(timeline,
                        TimelineRenderer.DEFAULT_WIDTH, TimelineRenderer.DEFAULT_HEIGHT, TimelineRenderer.DEFAULT_SCALE,
                        TimelineStyle.LIGHT, caption, out));
            }
            if (ctrlC.fired() || r.interrupted()) {
                err.println("poolscope: interrupted: " + r.done() + " of " + runSpec.tasks()
                        + " tasks done; outputs written and marked incomplete");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
        }
        return r.verified() ? PoolScopeCli.EXIT_OK : PoolScopeCli.EXIT_UNVERIFIED;
    }

    static void print(PrintWriter out, RunResult r) {
        out.println("PoolScope run · " + r.spec().describe());
        StringBuilder values = new StringBuilder();
        r.result().values().forEach((k, v) -> values.append(values.isEmpty() ? "" : "  ").append(k).append('=').append(v));
        out.println("  result       " + values);
        out.println("  verified     " + (r.verified() ? "yes" : "NO") + " (" + r.verification().message() + ")");
        out.println("  wall         " + Format.millis(r.wallMillis()) + " ms"
                + (r.spec().includeStartup() ? "" : " (workers' start-up excluded)"));
        out.println("  tasks        " + r.done() + " done, " + r.failed() + " failed, " + r.cancelled() + " cancelled");
        int[] missing = r.missingUnits();
        if (missing.length > 0) {
            out.println("  missing      units " + listOf(missing, 12) + " (their results are not in the total)");
        }
        r.timeline().errors().entrySet().stream().min(java.util.Map.Entry.comparingByKey()).ifPresent(e ->
                out.println("  first error  task " + e.getKey() + ": " + e.getValue()));
        if (r.spec().record()) {
            var s = r.stats();
            out.println("  utilisation  " + Format.percent(s.utilisation()) + " of " + r.spec().workers() + " worker"
                    + (r.spec().workers() == 1 ? "" : "s"));
            out.println("  queue wait   mean " + Format.millis(s.meanQueueWait() / 1e6) + " ms, max "
                    + Format.millis(s.maxQueueWait() / 1e6) + " ms");
            out.println("  imbalance    " + Format.ratio(s.imbalance()) + " (busiest lane ÷ mean lane)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (r.spec().workers() > cores) {
            out.println("  warning      " + r.spec().workers() + " workers on " + cores + " cores: they share the cores");
        }
        out.flush();
    }

    private static String listOf(int[] ids, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(ids.length, max); i++) {
            b.append(i == 0 ? "" : ", ").append(ids[i]);
        }
        return ids.length > max ? b + " … (" + ids.length + " in all)" : b.toString();
    }

    private void listTasks(PrintWriter out, Run run, RunResult r, Order listOrder) {
        if (list == 0) {
            return;
        }
        int[] ids = listOrder == Order.COMPLETION ? r.timeline().completionOrder()
                : java.util.stream.IntStream.range(0, r.timeline().tasks()).toArray();
        out.println();
        out.println("  tasks in " + listOrder.name().toLowerCase(java.util.Locale.ROOT) + " order"
                + (listOrder == Order.COMPLETION ? " (as as_completed hands them out)" : "") + ":");
        out.println(Format.f("  %6s  %-26s %-10s %-9s %-10s %9s %9s  %s", "task", "unit", "Java state", "Python",
                "lane", "wait ms", "run ms", "result or exception"));
        for (int i = 0; i < Math.min(list, ids.length); i++) {
            TaskDetails d = run.details(ids[i]);
            out.println(Format.f("  %6d  %-26s %-10s %-9s %-10s %9s %9s  %s", d.id(), d.unit(), d.javaFutureState(),
                    d.pythonFutureState(), d.lane().replace("poolscope-", ""),
                    d.queueWaitNanos() < 0 ? "-" : Format.millis(d.queueWaitNanos() / 1e6),
                    d.runNanos() < 0 ? "-" : Format.millis(d.runNanos() / 1e6),
                    d.exception().isEmpty() ? d.result() : d.exception()));
        }
        if (ids.length > list) {
            out.println("  … " + (ids.length - list) + " more");
        }
        out.flush();
    }
}
