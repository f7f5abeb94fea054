package org.poolscope.cli;

import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.RunSpec;
import org.poolscope.workload.Workload;
import picocli.CommandLine.Option;

/** How a workload runs: executor, recording, faults, start-up. Shared by run, sweep and bench. */
final class ExecutionOptions {

    @Option(names = "--executor", paramLabel = "KIND", defaultValue = "fixed",
            description = "sequential, fixed, work-stealing, virtual or process (default: ${DEFAULT-VALUE})")
    String executor;

    @Option(names = "--no-record", description = "record no per-task times (measures what recording costs)")
    boolean noRecord;

    @Option(names = "--fail-rate", paramLabel = "R", defaultValue = "0",
            description = "share of units that fail on purpose, 0..1, chosen by --seed and the unit (default: ${DEFAULT-VALUE})")
    double failRate;

    @Option(names = "--exclude-startup",
            description = "start the clock once the workers are ready (default: creating the pool counts, as in the course)")
    boolean excludeStartup;

    ExecutorKind kind() {
        return ExecutorKind.parse(executor);
    }

    RunSpec spec(Workload workload, int workers, int tasks, long seed) {
        return new RunSpec(workload, kind(), workers, tasks, !noRecord, new FaultPlan(failRate, seed), !excludeStartup);
    }
}
