package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C on a real process: the CLI runs in a child JVM, the test waits for its progress line on
 * standard error, sends SIGINT, and checks the exit code (130), the summary, the last line of
 * standard error, and the outputs marked incomplete. Linux only (it signals with kill(1)).
 */
@Timeout(60)
class CtrlCTest {

    private static final long EXIT_SECONDS = 10;
    private static final long PROGRESS_SECONDS = 30; // a JVM starts slowly on two busy cores

    @TempDir
    Path tmp;

    private Process child;
    private final BlockingQueue<String> stderrLines = new LinkedBlockingQueue<>();
    private final List<String> stderrSeen = new ArrayList<>();
    private CompletableFuture<String> stdout;
    private CompletableFuture<Void> stderrDrained;

    @BeforeEach
    void linuxWithKill() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "signals with kill(1)");
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1)");
    }

    @AfterEach
    void noChildLeft() throws Exception {
        if (child != null && child.isAlive()) { // a failed test must not leave its JVM running
            child.destroyForcibly().waitFor(EXIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void runWritesItsJsonMarkedIncompleteAndExits130() throws Exception {
        Path json = tmp.resolve("out.json");
        start("run", "--workload", "io", "--latency", "100", "--tasks", "400", "--workers", "2",
                "--json", json.toString(), "--progress");
        awaitStderr(l -> l.matches("\\s+\\d+/400 tasks · .*"));

        Result r = interruptAndWait();

        assertThat(r.code).as("exit code; stderr: %s", r.stderr).isEqualTo(PoolScopeCli.EXIT_INTERRUPTED);
        assertThat(r.stdout).contains("PoolScope run · io latency=100ms · 400 tasks · fixed ×2")
                .containsPattern("tasks +\\d+ done, 0 failed, \\d+ cancelled");
        assertThat(r.lastStderrLine()).startsWith("poolscope: interrupted: ").contains("of 400 tasks done")
                .contains("marked incomplete");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("complete").asBoolean(true)).as("complete").isFalse();
        JsonNode counts = doc.get("counts");
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(counts.get("done").asInt() + counts.get("cancelled").asInt()).as("done + cancelled").isEqualTo(400);
        assertThat(counts.get("cancelled").asInt()).as("cancelled: the run was stopped, not finished").isPositive();
        assertThat(leftovers()).as("temporary files").isEmpty();
    }

    @Test
    void sweepInterruptedDuringTheWarmUpWritesNothingAndExits130() throws Exception {
        Path csv = tmp.resolve("out.csv");
        // the warm-up's sequential baseline alone takes 40 s
        start("sweep", "--workload", "io", "--latency", "100", "--tasks", "400", "--workers", "2",
                "--csv", csv.toString(), "--progress");
        awaitStderr(l -> l.equals("  warming up"));

        Result r = interruptAndWait();

        assertThat(r.code).as("exit code; stderr: %s", r.stderr).isEqualTo(PoolScopeCli.EXIT_INTERRUPTED);
        assertThat(r.lastStderrLine()).isEqualTo("poolscope: interrupted during the warm-up: nothing measured, nothing written");
        assertThat(csv).doesNotExist();
        assertThat(leftovers()).as("temporary files").isEmpty();
    }

    @Test
    void sweepInterruptedAfterAMeasuredRoundWritesItsCsvMarkedIncomplete() throws Exception {
        Path csv = tmp.resolve("out.csv");
        // 2 runs a round (the sequential baseline and N=2), rounds of a fraction of a second, and
        // more rounds than the test will wait for
        start("sweep", "--workload", "io", "--latency", "5", "--tasks", "8", "--workers", "2", "--repeats", "1000",
                "--csv", csv.toString(), "--progress");
        Pattern run = Pattern.compile("\\s+run (\\d+)/\\d+: .*");
        // Run 5 opens round 2: the warm-up (runs 1-2), round 1 (runs 3-4) and round 1's ceiling are done.
        awaitStderr(l -> {
            Matcher m = run.matcher(l);
            return m.matches() && Integer.parseInt(m.group(1)) >= 5;
        });

        Result r = interruptAndWait();

        assertThat(r.code).as("exit code; stderr: %s", r.stderr).isEqualTo(PoolScopeCli.EXIT_INTERRUPTED);
        assertThat(r.stdout).contains("PoolScope sweep · io latency=5ms · fixed")
                .contains("warning: the sweep was cancelled");
        assertThat(r.lastStderrLine())
                .isEqualTo("poolscope: interrupted: outputs hold the rounds measured before, marked incomplete");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(org.poolscope.export.SweepCsv.HEADER);
        assertThat(lines.getLast()).startsWith("# incomplete");
        List<String> rows = lines.subList(1, lines.size() - 1);
        assertThat(rows).as("rows of whole measured rounds").isNotEmpty().hasSizeGreaterThanOrEqualTo(2)
                .allMatch(row -> row.startsWith("sequential,") || row.startsWith("fixed,"))
                .noneMatch(row -> row.startsWith("#"));
        assertThat(rows.size() % 2).as("whole rounds of 2 runs").isZero();
        assertThat(leftovers()).as("temporary files").isEmpty();
    }

    @Test
    void benchRecordingInterruptedPrintsThePairsMeasuredAndExits130() throws Exception {
        // pairs of two 20 ms runs, more of them than the test will wait for
        start("bench", "recording", "--workload", "io", "--latency", "5", "--tasks", "8", "--workers", "2",
                "--pairs", "10000", "--warmup", "0", "--progress");
        awaitStderr(l -> {
            Matcher m = Pattern.compile("\\s+pair (\\d+)/10000: .*").matcher(l);
            return m.matches() && Integer.parseInt(m.group(1)) >= 3; // pairs 1 and 2 are measured
        });

        Result r = interruptAndWait();

        assertThat(r.code).as("exit code; stderr: %s", r.stderr).isEqualTo(PoolScopeCli.EXIT_INTERRUPTED);
        assertThat(r.stdout).contains("PoolScope bench recording · io latency=5ms · 8 tasks · fixed ×2 · ")
                .containsPattern("recording costs +[-+][0-9.]+ %");
        assertThat(r.lastStderrLine()).matches("poolscope: interrupted: the figures are from the \\d+ of 10000 pairs "
                + "measured before");
    }

    @Test
    void benchMemoryInterruptedBeforeARunEndedSaysSoAndExits130() throws Exception {
        // one run of 400 tasks of 100 ms on two workers: 20 s, longer than the test waits
        start("bench", "memory", "--workload", "io", "--latency", "100", "--tasks", "400", "--workers", "2",
                "--runs", "1", "--progress");
        awaitStderr(l -> l.matches("\\s+run 1/1: io latency=100ms .*"));

        Result r = interruptAndWait();

        assertThat(r.code).as("exit code; stderr: %s", r.stderr).isEqualTo(PoolScopeCli.EXIT_INTERRUPTED);
        assertThat(r.stdout).isEmpty();
        assertThat(r.lastStderrLine()).isEqualTo("poolscope: interrupted before a run ended: nothing measured");
    }

    // ---- the child ----------------------------------------------------------------------------------

    private void start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                "org.poolscope.app.Main"));
        command.addAll(List.of(args));
        child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        stdout = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()), CtrlCTest::reader);
        InputStream err = child.getErrorStream();
        stderrDrained = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stderrLines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, CtrlCTest::reader);
    }

    /** Readers get threads of their own: the common pool may have a single thread on two cores. */
    private static void reader(Runnable r) {
        Thread.ofPlatform().daemon().name("test-child-reader").start(r);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until standard error shows a line that matches; fails if the child ends or nothing comes. */
    private void awaitStderr(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = stderrLines.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no such line on stderr within " + PROGRESS_SECONDS + " s (alive: "
                        + child.isAlive() + "); stderr so far: " + stderrSeen);
            }
            stderrSeen.add(line);
            if (wanted.test(line)) {
                return;
            }
        }
    }

    private record Result(int code, String stdout, String stderr) {
        String lastStderrLine() {
            List<String> lines = stderr.lines().toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    private Result interruptAndWait() throws Exception {
        assumeTrue(!ignoresSigint(child.pid()), "SIGINT is ignored in this process tree (a build started in the "
                + "background by a non-interactive shell): the JVM then installs no handler, as a shell's child should");
        ProcessHandle handle = child.toHandle();
        List<ProcessHandle> descendants = handle.descendants().toList();
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(EXIT_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();

        assertThat(child.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)).as("exited within %d s of SIGINT", EXIT_SECONDS)
                .isTrue();
        String out = stdout.get(EXIT_SECONDS, TimeUnit.SECONDS);
        stderrDrained.get(EXIT_SECONDS, TimeUnit.SECONDS);
        stderrLines.drainTo(stderrSeen);
        assertThat(descendants).as("processes the child started").noneMatch(ProcessHandle::isAlive);
        assertThat(handle.descendants().toList()).as("descendants after exit").isEmpty();
        return new Result(child.exitValue(), out, String.join("\n", stderrSeen) + "\n");
    }

    /** Whether the process ignores SIGINT: Linux lists the ignored signals as a hex mask, bit n-1 for signal n. */
    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    /** Files in the temporary folder other than the outputs: an atomic write's temp files, probes. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
