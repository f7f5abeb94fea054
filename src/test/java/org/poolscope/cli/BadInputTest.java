package org.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of {@code run}, {@code sweep}, {@code bench recording} and {@code bench memory} fed garbage: exit 2, one line
 * on standard error that names the flag (or the parameter it checks), nothing on standard output, no
 * stack trace, no usage dump, no file written, and no run started.
 *
 * <p>The options are enumerated from picocli's model, so a new option without garbage cases fails
 * {@link #everyOptionHasGarbageCases()}. Each case runs on top of a base command that would take
 * minutes if it ran (60 s waits, primes to 10^10, 10^13 increments…): the per-case {@link Timeout}
 * proves the input is rejected before the run starts.
 */
class BadInputTest {

    /** Replaced by the temporary folder in a case's arguments. */
    private static final String TMP = "{tmp}";

    private static final List<String> COMMANDS = List.of("run", "sweep", "bench recording", "bench memory");

    @TempDir
    static Path tmp;

    private static Path readOnly;

    @BeforeAll
    static void createFiles() throws IOException {
        Files.writeString(tmp.resolve("file.txt"), "a regular file\n");
        readOnly = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @AfterAll
    static void writableAgain() throws IOException {
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * What one bad argument must produce.
     *
     * @param command  run, sweep or bench recording
     * @param args     the whole command line after the command
     * @param mentions the flag or parameter the error line must name
     * @param needs    a condition the case needs (an unwritable folder), or NONE
     */
    record Case(String command, List<String> args, String mentions, Needs needs) {
        @Override
        public String toString() {
            return command + " " + String.join(" ", args.stream().map(a -> a.isEmpty() ? "''" : a).toList());
        }
    }

    enum Needs { NONE, UNWRITABLE_FOLDER, PROC }

    // ---- the garbage --------------------------------------------------------------------------

    /** Not numbers, or numbers no int holds: every int option rejects them. */
    private static final List<String> NOT_AN_INT =
            List.of("abc", "1.5", "", "99999999999999999999", "2147483648", "-2147483649", "1e400");

    private static final List<String> NOT_A_LONG = List.of("abc", "1.5", "", "99999999999999999999", "1e400");

    private static final List<String> NOT_A_SHARE =
            List.of("abc", "", "NaN", "1e400", "-1e400", "Infinity", "-0.5", "1.5", "-1");

    private static final List<String> NOT_A_LIST = List.of(",", "1,,2", "1;2", "1 2", "", " ", "abc", "1.5", "1,",
            ",1", "2147483648", "1,99999999999999999999");

    private static final List<String> NOT_A_WORD = List.of("bogus", "", "  ");

    /**
     * Numbers of the right type but out of range, per option. Every numeric option must be listed,
     * even with none (a seed takes any long), so that a new one makes someone think about its range.
     */
    private static final Map<String, List<String>> OUT_OF_RANGE = Map.ofEntries(
            Map.entry("run --workers", List.of("-1", "0", "10001")),
            Map.entry("run --tasks", List.of("-1", "0", "100001")),
            Map.entry("run --list", List.of("-1")),
            Map.entry("sweep --workers", List.of("-1", "0", "-1,2", "0,2", "1,10001", "2,2", "1,2,1")),
            Map.entry("sweep --tasks", List.of("-1", "0", "-1,2", "1,100001", "64,64")),
            Map.entry("sweep --repeats", List.of("-1", "0", "1001")),
            Map.entry("bench recording --workers", List.of("-1", "0", "10001")),
            Map.entry("bench recording --tasks", List.of("-1", "0", "100001")),
            Map.entry("bench recording --pairs", List.of("-1", "0", "10001")),
            Map.entry("bench recording --warmup", List.of("-1", "10001")),
            Map.entry("bench memory --workers", List.of("-1", "0", "10001")),
            Map.entry("bench memory --tasks", List.of("-1", "0", "100001")),
            Map.entry("bench memory --runs", List.of("-1", "0", "1001")),
            Map.entry("--n", List.of("-1", "0", "1", "10000000001", "9223372036854775807")),
            Map.entry("--length", List.of("-1", "0", "100000001")),
            Map.entry("--window", List.of("-1", "0", "20000001")),
            Map.entry("--taps", List.of("-1", "0", "20000001")),
            Map.entry("--latency", List.of("-1", "60001")),
            Map.entry("--increments", List.of("-1", "0", "100000001", "2147483647")),
            Map.entry("--seed", List.of()));

    /** Files that cannot be written, with what they need to be unwritable. */
    private static List<Map.Entry<String, Needs>> unwritable(String extension) {
        return List.of(
                Map.entry(TMP + "/missing/out." + extension, Needs.NONE),  // the folder does not exist
                Map.entry(TMP, Needs.NONE),                                  // a folder, not a file
                Map.entry(TMP + "/file.txt/child." + extension, Needs.NONE), // under a regular file
                Map.entry("", Needs.NONE),                                   // the working folder
                Map.entry(TMP + "/read-only/out." + extension, Needs.UNWRITABLE_FOLDER),
                Map.entry("/proc/out." + extension, Needs.PROC));           // no one may create files there
    }

    // ---- base commands that would run for minutes ----------------------------------------------

    private static Map<String, String> base(String command, String option) {
        Map<String, String> b = new LinkedHashMap<>();
        switch (option) {
            case "--kernel", "--n" -> {
                b.put("--workload", "primes");
                b.put("--kernel", "trial");
                b.put("--n", "10000000000");
                b.put("--tasks", "2");
            }
            case "--filter", "--length", "--window", "--halo" -> {
                b.put("--workload", "filter");
                b.put("--filter", "median");
                b.put("--length", "20000000");
                b.put("--window", "1001");
                b.put("--halo", "full");
                b.put("--tasks", "2");
            }
            case "--taps" -> {
                b.put("--workload", "filter");
                b.put("--filter", "fir");
                b.put("--length", "20000000");
                b.put("--taps", "1001");
                b.put("--tasks", "2");
            }
            case "--lock", "--increments" -> {
                b.put("--workload", "contention");
                b.put("--lock", "synchronized");
                b.put("--increments", "100000000");
                b.put("--tasks", "100000");
            }
            default -> {
                b.put("--workload", "io");
                b.put("--latency", "60000");
                b.put("--tasks", "100000");
            }
        }
        switch (command) {
            case "sweep" -> {
                b.put("--workers", "1,2");
                b.put("--repeats", "1");
            }
            case "bench recording" -> {
                b.put("--workers", "2");
                b.put("--pairs", "1");
                b.put("--warmup", "0");
            }
            case "bench memory" -> {
                b.put("--workers", "2");
                b.put("--runs", "1");
            }
            default -> b.put("--workers", "2");
        }
        b.remove(option); // picocli would reject a second occurrence, and the case would pass for the wrong reason
        return b;
    }

    private static List<String> argsOf(Map<String, String> base, String... more) {
        List<String> args = new ArrayList<>();
        base.forEach((k, v) -> {
            args.add(k);
            if (v != null) {
                args.add(v);
            }
        });
        args.addAll(List.of(more));
        return args;
    }

    // ---- the cases --------------------------------------------------------------------------------

    private static CommandSpec commandSpec(String command) {
        CommandLine cl = new CommandLine(new PoolScopeCli());
        for (String part : command.split(" ")) {
            cl = cl.getSubcommands().get(part);
        }
        return cl.getCommandSpec();
    }

    /** The garbage cases for one option of one command; empty when the option's type is not known here. */
    static List<Case> casesFor(String command, OptionSpec option) {
        String name = option.longestName();
        String mention = name.substring(2);
        List<Case> cases = new ArrayList<>();
        Class<?> type = option.type();
        List<String> values = new ArrayList<>();
        if (type == boolean.class || type == Boolean.class) {
            // a flag takes no value; one given with = must be a boolean
            for (String v : List.of("maybe", "yes", "2")) {
                cases.add(new Case(command, argsOf(base(command, name), name + "=" + v), mention, Needs.NONE));
            }
            return cases;
        }
        List<String> range = OUT_OF_RANGE.containsKey(command + " " + name) ? OUT_OF_RANGE.get(command + " " + name)
                : OUT_OF_RANGE.get(name);
        if (type == int.class || type == Integer.class) {
            if (range == null) {
                return List.of();
            }
            values.addAll(NOT_AN_INT);
            values.addAll(range);
        } else if (type == long.class || type == Long.class) {
            if (range == null) {
                return List.of();
            }
            values.addAll(NOT_A_LONG);
            values.addAll(range);
        } else if (type == double.class || type == Double.class) {
            values.addAll(NOT_A_SHARE);
        } else if (type == List.class && option.auxiliaryTypes().length == 1 && option.auxiliaryTypes()[0] == Integer.class) {
            if (range == null) {
                return List.of();
            }
            values.addAll(NOT_A_LIST);
            values.addAll(range);
        } else if (type == String.class) {
            values.addAll(NOT_A_WORD);
        } else if (type == Path.class) {
            String extension = name.substring(2);
            for (Map.Entry<String, Needs> file : unwritable(extension)) {
                cases.add(new Case(command, argsOf(base(command, name), name, file.getKey()), mention, file.getValue()));
            }
            return cases;
        } else {
            return List.of();
        }
        for (String v : values) {
            cases.add(new Case(command, argsOf(base(command, name), name, v), mention, Needs.NONE));
        }
        return cases;
    }

    /** Combinations that are wrong together, and limits that depend on the workload. */
    static List<Case> combinations() {
        List<Case> c = new ArrayList<>();
        String trace = TMP + "/trace.json";
        // more tasks than the workload allows
        c.add(new Case("run", List.of("--workload", "io", "--latency", "60000", "--tasks", "100001"), "tasks", Needs.NONE));
        c.add(new Case("sweep", List.of("--workload", "io", "--latency", "60000", "--tasks", "8,100001"), "tasks", Needs.NONE));
        c.add(new Case("bench recording", List.of("--workload", "io", "--latency", "60000", "--tasks", "100001"), "tasks",
                Needs.NONE));
        c.add(new Case("bench memory", List.of("--workload", "io", "--latency", "60000", "--tasks", "100001"), "tasks",
                Needs.NONE));
        // bench alone is not a benchmark; bench recording measures both ways itself
        c.add(new Case("bench", List.of(), "subcommand", Needs.NONE));
        c.add(new Case("bench", List.of("bogus"), "bogus", Needs.NONE));
        c.add(new Case("bench recording", List.of("--workload", "io", "--latency", "60000", "--tasks", "100000",
                "--no-record"), "no-record", Needs.NONE));
        c.add(new Case("run", List.of("--workload", "primes", "--n", "10", "--tasks", "10"), "tasks", Needs.NONE));
        c.add(new Case("run", List.of("--workload", "filter", "--length", "1000", "--window", "10", "--tasks", "992"),
                "tasks", Needs.NONE));
        // n < 2
        c.add(new Case("run", List.of("--workload", "primes", "--n", "1"), "n", Needs.NONE));
        c.add(new Case("sweep", List.of("--workload", "primes", "--n", "-7"), "n", Needs.NONE));
        // the course's halo-less chunking needs chunks of at least K samples
        for (String command : COMMANDS) {
            c.add(new Case(command, List.of("--workload", "filter", "--halo", "none", "--length", "20000000", "--window",
                    "1001", "--tasks", "19981"), "tasks", Needs.NONE));
        }
        // a window longer than the signal (the default window, a short signal)
        c.add(new Case("run", List.of("--workload", "filter", "--length", "500"), "window", Needs.NONE));
        c.add(new Case("run", List.of("--workload", "filter", "--filter", "fir", "--length", "100"), "taps", Needs.NONE));
        // outputs that need what was switched off
        c.add(new Case("run", List.of("--workload", "io", "--latency", "60000", "--tasks", "100000", "--no-record",
                "--trace", trace), "trace", Needs.NONE));
        c.add(new Case("run", List.of("--workload", "io", "--latency", "60000", "--tasks", "100000", "--no-record",
                "--list", "5", "--order", "completion"), "order", Needs.NONE));
        // a worker count given twice, across occurrences of the flag
        c.add(new Case("sweep", List.of("--workload", "io", "--latency", "60000", "--tasks", "100000",
                "--workers", "1,2", "--workers", "2"), "workers", Needs.NONE));
        // a sweep needs something to compare with the sequential baseline
        c.add(new Case("sweep", List.of("--workload", "io", "--latency", "60000", "--tasks", "100000",
                "--executor", "sequential"), "executor", Needs.NONE));
        // contention: an int, but far more increments than allowed
        c.add(new Case("run", List.of("--workload", "contention", "--increments", "2147483647", "--tasks", "100000"),
                "increments", Needs.NONE));
        c.add(new Case("sweep", List.of("--workload", "contention", "--increments", "99999999999"), "increments",
                Needs.NONE));
        // what is not an option at all
        for (String command : COMMANDS) {
            c.add(new Case(command, List.of("--workload", "io", "--latency", "60000", "--bogus"), "bogus", Needs.NONE));
            c.add(new Case(command, List.of("--workload", "io", "--latency", "60000", "stray"), "stray", Needs.NONE));
        }
        return c;
    }

    static Stream<Case> cases() {
        Stream<Case> perOption = COMMANDS.stream().flatMap(command -> commandSpec(command).options().stream()
                .flatMap(option -> casesFor(command, option).stream()));
        return Stream.concat(perOption, combinations().stream());
    }

    @Test
    void everyOptionHasGarbageCases() {
        List<String> without = new ArrayList<>();
        int options = 0;
        for (String command : COMMANDS) {
            for (OptionSpec option : commandSpec(command).options()) {
                options++;
                if (casesFor(command, option).isEmpty()) {
                    without.add(command + " " + option.longestName() + " (" + option.type().getSimpleName()
                            + "): give it garbage here, and its out-of-range values in OUT_OF_RANGE");
                }
            }
        }
        assertThat(without).isEmpty();
        assertThat(options).as("options of run, sweep and the bench commands").isGreaterThan(60);
    }

    // ---- the test ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    // Every base command runs for minutes: a case that got as far as running fails here. On a thread
    // of its own, so that a run that does not answer to an interrupt (a sequential baseline) cannot
    // hang the build; it is left behind on daemon threads, and the failure says which case it was.
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void garbageIsRejectedBeforeTheRunWithOneLine(Case c) throws IOException {
        switch (c.needs()) {
            case UNWRITABLE_FOLDER -> assumeTrue(cannotCreateFilesIn(readOnly),
                    "this user can write to a read-only folder (root): no unwritable folder to test with");
            case PROC -> assumeTrue(Files.isDirectory(Path.of("/proc")) && cannotCreateFilesIn(Path.of("/proc")),
                    "needs Linux's /proc, where no one creates files");
            case NONE -> { }
        }
        List<String> args = c.args().stream().map(a -> a.replace(TMP, tmp.toString())).toList();
        List<String> argv = new ArrayList<>(List.of(c.command().split(" ")));
        argv.addAll(args);
        Set<String> filesBefore = tmpFiles();
        Set<String> workingFolderBefore = workingFolder();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolScopeCli.execute(argv.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));

        String e = err.toString();
        assertThat(code).as("exit code; stderr: %s", e).isEqualTo(PoolScopeCli.EXIT_BAD_INPUT);
        assertThat(out.toString()).as("stdout").isEmpty();
        assertThat(e).as("stderr").startsWith("poolscope: ").endsWith("\n");
        assertThat(e.lines().count()).as("lines on stderr: %s", e).isEqualTo(1);
        assertThat(e).doesNotContain("Exception", "at org.", "at java.", "Usage:", "should be specified only once");
        assertThat(Pattern.compile("(?<![\\w-])(--)?" + Pattern.quote(c.mentions()) + "(?![\\w-])").matcher(e).find())
                .as("stderr names %s: %s", c.mentions(), e).isTrue();
        if (e.contains("(see: ")) {
            assertThat(e).as("the help it points to").contains("(see: poolscope " + c.command() + " --help)");
        }
        assertThat(tmpFiles()).as("files under the temporary folder").isEqualTo(filesBefore);
        assertThat(workingFolder()).as("files in the working folder").isEqualTo(workingFolderBefore);
    }

    private static boolean cannotCreateFilesIn(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, "probe", ".tmp");
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static Set<String> tmpFiles() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.map(Path::toString).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> workingFolder() {
        try (Stream<Path> all = Files.list(Path.of("").toAbsolutePath())) {
            return all.map(Path::toString).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
