package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolscope bench painter} records a run, or reads a saved one, and prints its frame times. */
class PainterBenchTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void paintsARunItRecords() {
        Result r = cli("bench", "painter", "--n", "100000", "--tasks", "2000", "--workers", "3", "--frames", "3",
                "--width", "400", "--height", "300");
        assertThat(r.code).as("stderr: %s", r.err).isZero();
        assertThat(r.out).startsWith("PoolScope bench painter · primes trial n=100000 · 2000 tasks · fixed ×3 · "
                + "2000 tasks on 3 lanes · 400×300 · 3 frames a view")
                .containsPattern("frame, whole run +[0-9.]+ ms").containsPattern("frame, 1/100 of it +[0-9.]+ ms");
    }

    @Test
    @Timeout(60)
    void paintsASavedRunAndRefusesOptionsOfARunToRecord() {
        Path json = dir.resolve("run.json");
        assertThat(cli("run", "--n", "100000", "--tasks", "500", "--json", json.toString()).code).isZero();

        Result r = cli("bench", "painter", "--run", json.toString(), "--frames", "2", "--width", "300", "--height", "200");
        assertThat(r.code).as("stderr: %s", r.err).isZero();
        assertThat(r.out).startsWith("PoolScope bench painter · run.json · 500 tasks on 2 lanes · 300×200");

        Result mixed = cli("bench", "painter", "--run", json.toString(), "--tasks", "9");
        assertThat(mixed.code).isEqualTo(PoolScopeCli.EXIT_BAD_INPUT);
        assertThat(mixed.err).isEqualTo("poolscope: --tasks describes a run to record; --run paints a saved one\n");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolScopeCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
