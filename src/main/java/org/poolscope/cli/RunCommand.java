package org.poolscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.export.ChromeTrace;
import org.poolscope.export.Environment;
import org.poolscope.export.RunJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolscope run}: one run, a readable summary, optional JSON and trace files. */
@Command(name = "run", description = "Run a workload once on an executor and report what happened.",
        sortOptions = false, mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "fixed",
            description = "sequential, fixed, work-stealing or virtual (default: ${DEFAULT-VALUE})")
    String executor;

    @Option(names = "--workers", paramLabel = "N", description = "worker count (default: the cores)")
    Integer workers;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "64", description = "units to split the work into (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--json", paramLabel = "FILE", description = "write the run, with one record per task, as JSON")
    Path json;

    @Option(names = "--trace", paramLabel = "FILE", description = "write a Chrome trace-event file for Perfetto")
    Path trace;

    @Option(names = "--no-record", description = "record no per-task times (measures what recording costs)")
    boolean noRecord;

    @Override
    public Integer call() throws Exception {
        OutputFiles.check("--json", json);
        OutputFiles.check("--trace", trace);
        if (noRecord && trace != null) {
            throw new IllegalArgumentException("--trace needs per-task times: drop --no-record");
        }
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        RunSpec runSpec = new RunSpec(workload.toWorkload(), ExecutorKind.parse(executor), n, tasks, !noRecord);
        RunResult r = new Run(runSpec).execute();
        print(spec.commandLine().getOut(), r);
        Environment env = Environment.capture();
        if (json != null) {
            RunJson.write(r, env, json);
        }
        if (trace != null) {
            ChromeTrace.write(r, trace);
        }
        return r.verified() ? 0 : 1;
    }

    static void print(PrintWriter out, RunResult r) {
        out.println("PoolScope run · " + r.spec().describe());
        StringBuilder values = new StringBuilder();
        r.result().values().forEach((k, v) -> values.append(values.isEmpty() ? "" : "  ").append(k).append('=').append(v));
        out.println("  result       " + values);
        out.println("  verified     " + (r.verified() ? "yes" : "NO") + " (" + r.verification().message() + ")");
        out.println("  wall         " + Format.millis(r.wallMillis()) + " ms");
        out.println("  tasks        " + r.done() + " done, " + r.failed() + " failed, " + r.cancelled() + " cancelled");
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
}
