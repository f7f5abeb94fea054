package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code poolscope bench recording}'s derived figures follow from the walls it prints. */
class BenchRecordingTest {

    @Test
    @Timeout(30)
    void perTaskWorkUsesTheWorkersThatRanNotTheFlag() {
        // the sequential kind runs on one worker whatever --workers says
        String out = bench("--executor", "sequential", "--workers", "4", "--workload", "io", "--latency", "2",
                "--tasks", "20", "--pairs", "1", "--warmup", "0");

        String wall = text(out, "wall without recording +([0-9.]+) ms");
        double perTaskMicros = Double.parseDouble(text(out, "work per task +([0-9.]+) µs"));
        // the wall is printed rounded (42.3, or 142 past 100 ms) and the per-task figure to 0.1 µs
        int decimals = wall.contains(".") ? wall.length() - wall.indexOf('.') - 1 : 0;
        double tolerance = 0.5 * Math.pow(10, -decimals) * 1e3 / 20 + 0.05;
        assertThat(perTaskMicros).as(out)
                .isCloseTo(Double.parseDouble(wall) * 1e3 / 20, org.assertj.core.data.Offset.offset(tolerance));
    }

    private static String bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 2];
        argv[0] = "bench";
        argv[1] = "recording";
        System.arraycopy(args, 0, argv, 2, args.length);
        int code = PoolScopeCli.execute(argv, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    private static String text(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/%s/ in %s", regex, text).isTrue();
        return m.group(1);
    }
}
