package org.poolscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line: {@code poolscope run|sweep …}. Exit codes: 0 ok, 1 a result failed verification,
 * 2 bad input (one line naming the flag, no usage dump, no stack trace), 130 interrupted.
 */
@Command(name = "poolscope", mixinStandardHelpOptions = true, versionProvider = PoolScopeCli.Version.class,
        description = "Makes Java's executors visible and measurable.",
        footer = {"", "Without a command, poolscope opens its window; 'poolscope open FILE.json' opens a saved run in it."},
        subcommands = {RunCommand.class, SweepCommand.class, BenchCommand.class})
public final class PoolScopeCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_UNVERIFIED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERRUPTED = 130;

    /** Runs the CLI with these arguments and returns the exit code; output goes to the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PoolScopeCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(badParameter());
        cli.setExecutionExceptionHandler(failedExecution());
        cli.setExecutionStrategy(new CommandLine.RunLast());
        return cli.execute(args);
    }

    private static IParameterExceptionHandler badParameter() {
        return (ParameterException e, String[] args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            // the qualified name: "recording" alone is not a command, "poolscope bench recording" is
            err.println("poolscope: " + e.getMessage() + " (see: "
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return EXIT_BAD_INPUT;
        };
    }

    private static IExecutionExceptionHandler failedExecution() {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("poolscope: " + e.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (e instanceof InterruptedException || e instanceof java.util.concurrent.CancellationException) {
                err.println("poolscope: interrupted");
                err.flush();
                return EXIT_INTERRUPTED;
            }
            err.println("poolscope: failed: " + e);
            err.flush();
            return EXIT_UNVERIFIED;
        };
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PoolScopeCli.class.getPackage().getImplementationVersion();
            return new String[] {"PoolScope " + (v != null ? v : "dev") + " on Java " + Runtime.version()};
        }
    }
}
