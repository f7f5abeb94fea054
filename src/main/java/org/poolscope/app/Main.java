package org.poolscope.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.poolscope.cli.PoolScopeCli;

/**
 * The launcher's entry point: a subcommand runs the CLI; no arguments open the window. A plain main
 * class, not a JavaFX Application, so the launcher can start JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            javafx.application.Application.launch(org.poolscope.ui.PoolScopeApp.class);
            System.exit(0); // the window closed: end daemon helpers and the JVM with it
        }
        System.exit(PoolScopeCli.execute(args, out, err));
    }
}
