package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code poolscope bench memory} prints its table: the timeline's bytes a task as accounted, the heap's, RSS. */
class MemoryBenchTest {

    @Test
    @Timeout(60)
    void printsBytesATaskAndResidentMemory() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolScopeCli.execute(new String[] {"bench", "memory", "--workload", "primes", "--n", "200000",
                "--tasks", "100000", "--workers", "2", "--runs", "2"}, new PrintWriter(out), new PrintWriter(err));

        String text = out.toString();
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(text).startsWith("PoolScope bench memory · primes trial n=200000 · 100000 tasks · fixed ×2 · 2 runs");
        // three longs and two ints a task, 4 bytes in a lane log, two partly filled chunks
        assertThat(number(text, "timeline +([0-9.]+) B/task")).isBetween(36.0, 36.5);
        // what the heap kept is measured, so only its form is checked: the timeline plus the job's results
        assertThat(number(text, "retained +(-?[0-9.]+) B/task")).isNotNaN();
        assertThat(text).containsPattern("heap used +[0-9]+ MB").containsPattern("heap committed +[0-9]+ MB");
        if (ResidentMemory.now() >= 0) {
            assertThat(number(text, "resident +([0-9]+) MB")).isPositive();
        }
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/%s/ in %s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
