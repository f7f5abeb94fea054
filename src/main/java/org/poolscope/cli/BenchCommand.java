package org.poolscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poolscope bench}: PoolScope's own cost, the headline figures a user can reproduce. One
 * subcommand per figure, each a class of its own that measures with {@link BenchRuns} (Ctrl+C stops it
 * and prints what was measured) and prints a {@link BenchTable}; adding a figure is adding a class to
 * {@code subcommands} below.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks of PoolScope's own cost: the headline figures, measured on this machine.",
                "Each subcommand prints a table of medians and the parameters it ran with."},
        subcommands = {RecordingBench.class, MemoryBench.class, PainterBench.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code poolscope bench} alone: bad input, naming what it needs. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "bench needs a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
