package org.poolscope.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.poolscope.cli.PoolScopeCli;

/**
 * The launcher's entry point: a subcommand runs the CLI; no arguments will open the window (until it
 * exists, the CLI's help). A plain main class, not a JavaFX Application, so the packaged launcher
 * can start on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        String[] effective = args.length == 0 ? new String[] {"--help"} : args;
        System.exit(PoolScopeCli.execute(effective, out, err));
    }
}
