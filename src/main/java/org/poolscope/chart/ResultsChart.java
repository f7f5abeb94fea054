package org.poolscope.chart;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterJob;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.Job;
import org.poolscope.workload.PrimesJob;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Verification;

/**
 * What one finished run computed, next to how long its pieces took: the chart that sits beside the
 * speedup charts and shows the workload's own lesson.
 *
 * <ul>
 *   <li>primes: the primes each block holds (bars) and each block's run time (line, right axis).
 *       With the course's trial division the last blocks hold fewer primes yet take longer, since
 *       testing x costs up to √x divisions: one block per process leaves the others idle.</li>
 *   <li>filter: the raw signal and the filtered output over a window of samples, each output at
 *       the centre of the inputs it averages; without a halo also the sequential filter and the
 *       course output's error against it, position by position, from the first chunk boundary on.</li>
 *   <li>io: how many tasks ran at once over time against the worker count: the concurrency reached.</li>
 *   <li>contention: the counter's throughput (count ÷ wall) and how long each task took.</li>
 * </ul>
 * Every chart says under its title whether the result verified, and warns when tasks failed or
 * were cancelled. Like the other factories it returns the chart in the light look; the window
 * applies {@link ChartStyle#apply} for its theme.
 *
 * <h2>Datasets</h2>
 * See the constants: primes {@value #PRIMES_COUNTS} (bars, an {@code IntervalXYDataset}) and
 * {@value #PRIMES_TIMES} (line, right axis); filter {@value #FILTER_SIGNALS}, a
 * {@link FloatSignalDataset} with {@link #SIGNAL}, {@link #OUTPUT} and, without a halo,
 * {@link #REFERENCE} and {@link #ERROR}; io {@value #IO_RUNNING} (a step line) and
 * {@value #IO_WORKERS}; contention {@value #CONTENTION_TIMES} (a histogram).
 *
 * <h2>Threads</h2>
 * Build on any thread once the run has finished; afterwards the chart belongs to the thread that
 * shows it. Filter charts read the job's arrays in place, without copying them.
 */
public final class ResultsChart {

    public static final int PRIMES_COUNTS = 0;
    public static final int PRIMES_TIMES = 1;
    /** Above this many blocks, neighbouring blocks share a bar. */
    public static final int MAX_BARS = 200;
    /** Roughly how many bars binned blocks make. */
    static final int TARGET_BARS = 100;

    public static final int FILTER_SIGNALS = 0;
    public static final String SIGNAL = "signal (input)";
    public static final String OUTPUT = "filtered output";
    public static final String REFERENCE = "sequential filter (reference)";
    public static final String ERROR = "error: output − sequential, position by position";
    /** How many input samples the default filter window shows. */
    public static final int DEFAULT_FILTER_WINDOW = 5_000;
    /** More samples than this in a window are decimated. */
    static final int MAX_SIGNAL_ITEMS = 200_000;

    public static final int IO_RUNNING = 0;
    public static final int IO_WORKERS = 1;
    public static final String RUNNING = "tasks running";

    public static final int CONTENTION_TIMES = 0;
    public static final String TASK_TIMES = "tasks, by run time";

    private ResultsChart() {
    }

    /**
     * The results chart of a finished run, its filter window (if any) the default one: about
     * {@value #DEFAULT_FILTER_WINDOW} samples around the first chunk boundary.
     *
     * @param caption the environment line drawn small at the bottom, or null
     */
    public static JFreeChart create(RunResult run, String caption) {
        return switch (run.spec().workload()) {
            case PrimesWorkload p -> PrimesResults.create(run, (PrimesJob) job(run), caption);
            case FilterWorkload f -> {
                int[] window = defaultFilterWindow(run);
                yield FilterResults.create(run, (FilterJob) job(run), window[0], window[1], caption);
            }
            case IoWorkload io -> IoResults.create(run, io, caption);
            case ContentionWorkload c -> ContentionResults.create(run, c, caption);
        };
    }

    /** A filter run's signals over inputs {@code [fromSample, fromSample + count)}, clipped to the signal. */
    public static JFreeChart filterWindow(RunResult run, int fromSample, int count) {
        return filterWindow(run, fromSample, count, null);
    }

    /**
     * A filter run's signals over inputs {@code [fromSample, fromSample + count)}, clipped to the signal.
     *
     * @throws IllegalArgumentException when the run is not a filter run or the window holds no sample
     */
    public static JFreeChart filterWindow(RunResult run, int fromSample, int count, String caption) {
        if (!(job(run) instanceof FilterJob job)) {
            throw new IllegalArgumentException("not a filter run: " + run.spec().describe());
        }
        return FilterResults.create(run, job, fromSample, count, caption);
    }

    /**
     * {from, count}: {@value #DEFAULT_FILTER_WINDOW} input samples (fewer if the signal is shorter)
     * centred on the first chunk boundary of the output, or from the start with one chunk.
     */
    public static int[] defaultFilterWindow(RunResult run) {
        if (!(job(run) instanceof FilterJob job)) {
            throw new IllegalArgumentException("not a filter run: " + run.spec().describe());
        }
        FilterWorkload w = (FilterWorkload) job.workload();
        int count = Math.min(DEFAULT_FILTER_WINDOW, w.length());
        int[] starts = job.chunkStarts();
        if (starts.length < 2) {
            return new int[] {0, count};
        }
        int centre = starts[1] + (w.k() - 1) / 2;
        int from = Math.clamp(centre - count / 2, 0, w.length() - count);
        return new int[] {from, count};
    }

    /**
     * Each task's run time (end − start) in milliseconds, NaN for tasks that did not complete or
     * when the run recorded no times.
     */
    public static double[] taskMillis(RunResult run) {
        Timeline timeline = run.timeline();
        double[] ms = new double[timeline.tasks()];
        Arrays.fill(ms, Double.NaN);
        if (timeline.recording()) {
            for (int t = 0; t < ms.length; t++) {
                if (timeline.state(t) == TaskState.DONE) {
                    ms[t] = (timeline.endNanos(t) - timeline.startNanos(t)) / 1e6;
                }
            }
        }
        return ms;
    }

    /**
     * How many tasks were running at once, as a step function: {times in ms, counts}, each count
     * holding from its time to the next. Every task that started counts from its start to its end
     * (a task cancelled while running until its worker let go of it). A task that ends when another
     * starts on the same instant is counted out first. Empty arrays when the run recorded no times.
     */
    public static double[][] concurrency(Timeline timeline) {
        if (!timeline.recording()) {
            return new double[][] {{}, {}};
        }
        // One long per event: the time, shifted left, and 1 for a start, 0 for an end, so a plain sort
        // puts ends before starts at the same nanosecond.
        long[] events = new long[2 * timeline.tasks()];
        int n = 0;
        for (int t = 0; t < timeline.tasks(); t++) {
            if (timeline.laneOf(t) >= 0 && timeline.state(t).isTerminal()) {
                long start = Math.max(0, timeline.startNanos(t));
                long end = Math.max(start, timeline.endNanos(t));
                events[n++] = start << 1 | 1;
                events[n++] = end << 1;
            }
        }
        Arrays.sort(events, 0, n);
        double[] times = new double[n + 1];
        double[] counts = new double[n + 1];
        int points = 1;
        int running = 0;
        for (int i = 0; i < n; i++) {
            long at = events[i] >>> 1;
            running += (events[i] & 1) == 1 ? 1 : -1;
            if (i + 1 < n && events[i + 1] >>> 1 == at) {
                continue;
            }
            if (at == 0 && points == 1) {
                points = 0; // something started at the very first instant: no separate starting point
            }
            times[points] = at / 1e6;
            counts[points] = running;
            points++;
        }
        return new double[][] {Arrays.copyOf(times, points), Arrays.copyOf(counts, points)};
    }

    static Job job(RunResult run) {
        if (run.job() == null) {
            throw new IllegalArgumentException("this result was built without its job: nothing to chart");
        }
        return run.job();
    }

    /** {@code ✓ verified: …} or {@code ✗ not verified: …}. */
    static String verdict(RunResult run) {
        Verification v = run.verification();
        return (v.verified() ? "✓ verified: " : "✗ not verified: ") + v.message();
    }

    /** What went missing, for the warning line; empty when every task completed. */
    static List<String> warnings(RunResult run) {
        List<String> warnings = new ArrayList<>();
        int[] missing = run.missingUnits();
        if (missing.length > 0) {
            String units = Arrays.stream(missing).limit(8).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + (missing.length > 8 ? ", …" : "");
            warnings.add(missing.length + " of " + run.timeline().tasks() + " tasks did not complete ("
                    + run.failed() + " failed, " + run.cancelled() + " cancelled): unit"
                    + (missing.length == 1 ? " " : "s ") + units
                    + (run.interrupted() ? "; the run was cancelled" : ""));
        }
        if (!run.timeline().recording()) {
            warnings.add("the run recorded no per-task times (--no-record): times are not shown");
        }
        return warnings;
    }

    /** {@code 1,234,567}. */
    static String whole(long value) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        return f.format(value);
    }

    /** Milliseconds for people: {@code 0.042 ms}, {@code 3.2 ms}, {@code 840 ms}. */
    static String millis(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 100 ? "%.1f ms" : "%.0f ms", ms);
    }

    /** A rate for people: {@code 123 million}, {@code 4.56 billion}, {@code 12,345}. */
    static String rate(double perSecond) {
        if (perSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.3g billion", perSecond / 1e9);
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.3g million", perSecond / 1e6);
        }
        return whole(Math.round(perSecond));
    }
}
