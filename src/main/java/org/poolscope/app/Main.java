package org.poolscope.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.poolscope.cli.PoolScopeCli;

/**
 * The launcher's entry point: a subcommand runs the CLI; no arguments open the window, and
 * {@code open FILE} opens it with a saved run;
 * {@code --smoke-test OUT.png} opens it, runs a small sweep, writes a snapshot and exits 0 when the
 * results verified ({@link org.poolscope.ui.SmokeTest}). A plain main class, not a JavaFX
 * Application, so the launcher can start JavaFX from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0 || args.length <= 2 && args[0].equals("open")) {
            // "open FILE": the window, with a run saved as JSON opened in it (a file manager's double-click)
            String[] window = args.length == 2 ? new String[] {args[1]} : new String[0];
            javafx.application.Application.launch(org.poolscope.ui.PoolScopeApp.class, window);
            System.exit(0); // the window closed: end daemon helpers and the JVM with it
        }
        if (args[0].equals(org.poolscope.ui.SmokeTest.OPTION)) {
            if (args.length != 2) {
                err.println("poolscope: " + args[0] + " needs one argument, the PNG to write (poolscope --smoke-test OUT.png)");
                System.exit(PoolScopeCli.EXIT_BAD_INPUT);
            }
            javafx.application.Application.launch(org.poolscope.ui.PoolScopeApp.class, args);
            System.exit(org.poolscope.ui.SmokeTest.exitCode());
        }
        System.exit(PoolScopeCli.execute(args, out, err));
    }
}
