package org.poolscope.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;

/**
 * Runs a {@link SweepSpec}: one warm-up round, then R measured rounds. Each round runs, for every
 * task count, the sequential baseline and then every worker count, and measures the machine's
 * ceiling at every worker count with a {@link CeilingProbe}. Interleaving whole rounds (1, 2, 4, 1,
 * 2, 4, …) rather than repeating each point R times in a row spreads a noisy minute over all points.
 *
 * <h2>Measurement hygiene</h2>
 * Before each run the sweep asks for a garbage collection, so that a collection made necessary by
 * an earlier run (a filter's 16 MB output, a million-task timeline) is not charged to this one: on
 * a 100 ms run a young collection of 10 ms is a 10 % error. It keeps only what it summarises of each
 * run, never the run's timeline, so a long sweep of large runs holds no more memory than one run.
 *
 * <h2>Threads</h2>
 * {@link #run} blocks its caller for the whole sweep. {@link #cancel()} may be called from any
 * thread: it cancels the run in progress and stops the sweep, which then returns what the finished
 * measured runs say, marked incomplete (the cancelled run is dropped), or throws
 * {@link CancellationException} when no measured run had finished.
 */
public final class Sweep {

    /** Told about each run as it ends, on the sweep's thread. */
    public interface Listener {
        /** {@code index} counts runs from 1 to {@code total}, warm-up included. */
        void onRun(RunResult run, boolean warmUp, int index, int total);

        /** A run is about to execute (a live view may draw its timeline as it fills). */
        default void onStart(Run run) {
        }

        /** After each measured round: the sweep so far, marked incomplete until the last round. */
        default void onRound(SweepResult soFar) {
        }
    }

    private static final double NOISY_SPREAD = 0.10;

    private final SweepSpec spec;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private volatile Run current;
    private volatile boolean cancelled;

    public Sweep(SweepSpec spec) {
        this.spec = spec;
    }

    /** How many runs the sweep makes, warm-up included (ceiling probes not counted). */
    public int totalRuns() {
        return (spec.repeats() + 1) * spec.tasks().size() * (1 + spec.workers().size());
    }

    public void cancel() {
        cancelled = true;
        Run r = current;
        if (r != null) {
            r.cancelAll();
        }
    }

    public SweepResult run(Listener listener) throws Exception {
        List<Integer> workers = spec.workers();
        List<Integer> taskCounts = spec.tasks();
        RunSpec base = spec.base();
        Map<Key, List<Measured>> byPoint = new HashMap<>();
        List<Measured> order = new ArrayList<>();
        Map<Integer, List<Double>> ceilingByWorkers = new HashMap<>();
        List<Map<Integer, Double>> ceilingByRound = new ArrayList<>();

        CeilingProbe probe = new CeilingProbe(base.workload(), taskCounts.get(0));
        int total = totalRuns();
        int index = 0;
        String incomplete = null;
        try {
        for (int round = 0; round <= spec.repeats(); round++) {
            boolean warmUp = round == 0;
            for (int tasks : taskCounts) {
                List<RunSpec> specs = new ArrayList<>();
                specs.add(base.withExecutor(ExecutorKind.SEQUENTIAL, 1).withTasks(tasks));
                for (int n : workers) {
                    specs.add(base.withExecutor(base.executor(), n).withTasks(tasks));
                }
                for (RunSpec s : specs) {
                    RunResult r = runOne(s, listener);
                    listener.onRun(r, warmUp, ++index, total);
                    if (!warmUp) {
                        Measured m = new Measured(s, r.wallMillis(), r.verified(), r.verification().message(), round);
                        byPoint.computeIfAbsent(new Key(s.executor(), s.workers(), tasks), k -> new ArrayList<>()).add(m);
                        order.add(m);
                    }
                }
            }
            if (warmUp) {
                // After the warm-up runs, so the unit is timed as compiled code, not as cold code
                // that would make every later copy too short to measure well.
                probe.calibrate();
            }
            Map<Integer, Double> ceilings = new HashMap<>();
            double t1 = probe.measure(1);
            for (int n : workers) {
                checkCancelled();
                double c = n == 1 ? 1.0 : n * t1 / probe.measure(n);
                ceilings.put(n, c);
                if (!warmUp) {
                    ceilingByWorkers.computeIfAbsent(n, k -> new ArrayList<>()).add(c);
                }
            }
            ceilingByRound.add(ceilings);
            if (!warmUp && round < spec.repeats()) {
                Map<Key, List<Measured>> copy = new HashMap<>();
                byPoint.forEach((key, runs) -> copy.put(key, new ArrayList<>(runs)));
                listener.onRound(summarise(copy, new ArrayList<>(order), ceilingByWorkers, ceilingByRound,
                        "sweep in progress: " + round + " of " + spec.repeats() + " rounds measured"));
            }
        }
        } catch (CancellationException e) {
            // Keep whole rounds only: a round's runs and its ceiling belong together.
            int roundsDone = ceilingByRound.size();
            order.removeIf(m -> m.round() >= roundsDone);
            byPoint.values().forEach(runs -> runs.removeIf(m -> m.round() >= roundsDone));
            byPoint.values().removeIf(List::isEmpty);
            if (order.isEmpty()) {
                throw e;
            }
            incomplete = "the sweep was cancelled: these figures come from the rounds measured before";
        }
        return summarise(byPoint, order, ceilingByWorkers, ceilingByRound, incomplete);
    }

    private RunResult runOne(RunSpec s, Listener listener) throws InterruptedException {
        checkCancelled();
        System.gc();
        Run run = new Run(s);
        current = run;
        if (cancelled) {
            // cancel() set its flag before it read current, and this thread published current before
            // reading the flag (both volatile): a cancel in between is seen here, not lost.
            run.cancelAll();
        }
        listener.onStart(run);
        try {
            RunResult r = run.execute();
            checkCancelled();
            return r;
        } finally {
            current = null;
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("sweep cancelled");
        }
    }

    private record Key(ExecutorKind executor, int workers, int tasks) {
    }

    /** What the sweep keeps of a run. */
    private record Measured(RunSpec spec, double wallMillis, boolean verified, String message, int round) {
    }

    private SweepResult summarise(Map<Key, List<Measured>> byPoint, List<Measured> order,
            Map<Integer, List<Double>> ceilingByWorkers, List<Map<Integer, Double>> ceilingByRound, String incomplete) {
        ExecutorKind kind = spec.base().executor();
        List<String> warnings = new ArrayList<>();
        List<Summary> baselines = new ArrayList<>();
        Map<Integer, Double> baselineMedian = new HashMap<>();
        Noise noisy = new Noise();
        for (int tasks : spec.tasks()) {
            Summary b = wallSummary(byPoint.getOrDefault(new Key(ExecutorKind.SEQUENTIAL, 1, tasks), List.of()));
            baselines.add(b);
            baselineMedian.put(tasks, b.median());
            noisy.note(b, "the sequential baseline", tasks);
        }
        // Against what is each point measured? Worker sweeps: the sequential run of the same tasks.
        // Granularity sweeps: the least-split sequential run, the plain program doing the same work,
        // so that what splitting costs (in the executor and in the kernel) shows as lost speedup.
        // (Only where splitting keeps the work fixed: I/O and contention do T units of work for T tasks.)
        int leastSplit = spec.tasks().stream().min(Integer::compare).orElseThrow();
        boolean fixedWork = !spec.base().workload().workGrowsWithTasks();
        java.util.function.IntToDoubleFunction reference = tasks -> baselineMedian.getOrDefault(
                spec.isGranularity() && fixedWork ? leastSplit : tasks, Double.NaN);
        List<SweepPoint> points = new ArrayList<>();
        for (int tasks : spec.tasks()) {
            for (int n : spec.workers()) {
                List<Measured> runs = byPoint.get(new Key(kind, kind == ExecutorKind.SEQUENTIAL ? 1 : n, tasks));
                if (runs == null || !ceilingByWorkers.containsKey(n)) {
                    continue; // a cancelled sweep did not get this far
                }
                Summary wall = wallSummary(runs);
                double seq = reference.applyAsDouble(tasks);
                double s = seq / wall.median();
                double kf = n > 1 ? (1 / s - 1.0 / n) / (1 - 1.0 / n) : Double.NaN;
                Summary ceiling = Summary.of(ceilingByWorkers.get(n).stream().mapToDouble(Double::doubleValue).toArray());
                boolean verified = runs.stream().allMatch(Measured::verified);
                points.add(new SweepPoint(n, tasks, wall, s, seq / wall.max(), seq / wall.min(), s / n, kf, ceiling, verified));
                noisy.note(wall, "N=" + n, tasks);
                if (!verified) {
                    warnings.add("results not verified at N=" + n + ", " + tasks + " tasks: "
                            + runs.stream().filter(r -> !r.verified()).findFirst().orElseThrow().message());
                }
            }
        }
        noisy.report(warnings);
        spec.workers().stream().filter(n -> n > cores).findFirst().ifPresent(n -> warnings.add(0,
                "N=" + n + " exceeds the " + cores + " cores: past them, workers share cores and speedup cannot follow y = x"));
        if (incomplete != null) {
            warnings.add(0, incomplete);
        }
        List<RunRow> rows = new ArrayList<>();
        for (Measured m : order) {
            RunSpec s = m.spec();
            double speedup = reference.applyAsDouble(s.tasks()) / m.wallMillis();
            double ceiling = s.executor() == ExecutorKind.SEQUENTIAL ? 1.0
                    : ceilingByRound.get(m.round()).getOrDefault(s.workers(), Double.NaN);
            rows.add(new RunRow(s.executor(), s.workload().describe(), s.workers(), s.tasks(), m.round(),
                    m.wallMillis(), speedup, speedup / s.workers(), ceiling, m.verified()));
        }
        List<SweepPoint> fitted = points.stream().filter(p -> p.tasks() == spec.tasks().get(0)).toList();
        return new SweepResult(spec, rows, points, baselines, Amdahl.fit(fitted, cores), cores, warnings, incomplete == null);
    }

    private static Summary wallSummary(List<Measured> runs) {
        return Summary.of(runs.stream().mapToDouble(Measured::wallMillis).toArray());
    }

    /** Collects the points whose repeats disagree by more than 10 %, reported as one warning. */
    private static final class Noise {
        private int count;
        private double worst;
        private String where = "";

        void note(Summary s, String what, int tasks) {
            if (s.count() > 1 && s.spread() > NOISY_SPREAD) {
                count++;
                if (s.spread() > worst) {
                    worst = s.spread();
                    where = what + ", " + tasks + " tasks";
                }
            }
        }

        void report(List<String> warnings) {
            if (count == 1) {
                warnings.add(String.format(Locale.ROOT, "repeats vary by %.0f %% at %s: the machine is noisy",
                        100 * worst, where));
            } else if (count > 1) {
                warnings.add(String.format(Locale.ROOT,
                        "repeats vary by more than 10 %% at %d points (up to %.0f %%, at %s): the machine is noisy",
                        count, 100 * worst, where));
            }
        }
    }
}
