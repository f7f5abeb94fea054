package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints, exits 0, and its text was formatted (a lone % in a description is not). */
class HelpTest {

    @Test
    void everyCommandsHelpIsFormatted() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new PoolScopeCli()), "", commands);
        assertThat(commands).contains("", "run", "sweep", "bench recording", "bench memory");
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : commands) {
                help(command);
            }
        } finally {
            System.setErr(stderr);
        }
        // picocli reports a description it could not format (a lone %) on System.err
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void help(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        int code = PoolScopeCli.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(command).isZero();
        assertThat(out.toString()).as(command).contains("Usage: poolscope").doesNotContain("%n").doesNotContain("%%");
        assertThat(err.toString()).as(command).isEmpty();
    }

    private static void collect(CommandLine cl, String prefix, List<String> into) {
        into.add(prefix);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                collect(sub, (prefix + " " + name).trim(), into);
            }
        });
    }
}
