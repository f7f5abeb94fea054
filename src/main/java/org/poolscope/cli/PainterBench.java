package org.poolscope.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.Timeline;
import org.poolscope.export.RunJson;
import org.poolscope.timeline.TimelinePainter;
import org.poolscope.timeline.TimelineStyle;
import org.poolscope.timeline.Viewport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poolscope bench painter}: how long one frame of the timeline takes to paint, on the path the
 * window uses (the painter into a premultiplied-ARGB image; the window then shows that image through a
 * PixelBuffer). Records one run (or reads a saved one), then paints it: a first frame with a fresh
 * painter (which builds its per-lane sums), then F frames of the whole run and F of a hundredth of it,
 * each timed in wall time on this thread. Medians and the 99th percentile; no run is in progress
 * while it paints, so the frames do not compete with workers.
 */
@Command(name = "painter", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Time to paint one frame of the timeline, as the window and --timeline-png do.",
                "The headline: a million tasks on 16 lanes at 1920×1080, at most 16 ms a frame: "
                        + "--workload primes --kernel trial --n 10000000 --tasks 1000000 --workers 16"})
final class PainterBench implements Callable<Integer> {

    /** The options that still mean something with --run. */
    private static final java.util.Set<String> PAINTING = java.util.Set.of("--run", "--width", "--height", "--frames",
            "--progress");

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "16", description = "workers, so lanes (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--tasks", paramLabel = "T", defaultValue = "1000000", description = "tasks (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--run", paramLabel = "FILE", description = "paint this saved run (poolscope run --json) instead of recording one")
    Path saved;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1920", description = "frame width (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "1080", description = "frame height (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--frames", paramLabel = "F", defaultValue = "60", description = "frames timed per view (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--progress", description = "report progress on standard error even when it is not a terminal")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        if (width < 200 || width > 8192 || height < 150 || height > 8192) {
            throw new IllegalArgumentException("--width must be 200..8192 and --height 150..8192 (were " + width
                    + " and " + height + ")");
        }
        if (frames < 1 || frames > 10_000) {
            throw new IllegalArgumentException("--frames must be 1..10000 (was " + frames + ")");
        }
        if (saved != null) {
            if (!Files.isReadable(saved)) {
                throw new IllegalArgumentException("--run: cannot read " + saved);
            }
            for (var o : spec.commandLine().getParseResult().matchedOptions()) {
                if (!PAINTING.contains(o.longestName())) {
                    throw new IllegalArgumentException(o.longestName() + " describes a run to record; --run paints a saved one");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchRuns bench = new BenchRuns();
        RunResult run;
        try (Interruption ctrlC = Interruption.onCtrlC(bench::stop)) {
            if (saved != null) {
                run = read(saved);
            } else {
                RunSpec runSpec = execution.spec(workload.toWorkload(), workers, tasks, workload.seed);
                BenchRuns.check(runSpec);
                try (Progress p = Progress.start(err, progress, bench::status)) {
                    BenchRuns.Measured m = bench.run(runSpec, "recording the run to paint");
                    run = m == null ? null : m.result();
                }
            }
            Timeline timeline = run == null ? null : run.timeline();
            if (timeline != null && !timeline.recording()) {
                throw new IllegalArgumentException("the run recorded no per-task times: nothing to paint");
            }
            if (timeline == null || bench.stopped()) {
                err.println(saved != null ? "poolscope: interrupted while reading the run: nothing measured"
                        : "poolscope: interrupted before the run to paint ended: nothing measured");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
            Viewport whole = Viewport.wholeRun(timeline, width, height, 1);
            long middle = whole.toNanos() / 2;
            Viewport zoomed = whole.withTime(middle, middle + Math.max(1, whole.spanNanos() / 100));
            BufferedImage image = new BufferedImage(whole.pixelWidth(), whole.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            double first = paintOnce(new TimelinePainter(), timeline, whole, image);
            TimelinePainter painter = new TimelinePainter();
            double[] wholeMs = paint(painter, timeline, whole, image, bench);
            double[] zoomedMs = paint(painter, timeline, zoomed, image, bench);
            String lanes = timeline.laneCount() + (timeline.laneCount() == 1 ? " lane" : " lanes");
            BenchTable t = new BenchTable("PoolScope bench painter · " + (saved != null ? saved.getFileName().toString()
                    : run.spec().describe()) + " · " + timeline.tasks() + " tasks on " + lanes + " · " + width + "×"
                    + height + " · " + frames + " frames a view");
            t.row("first frame", ms(first), "", "a fresh painter, cold: builds its per-lane sums");
            if (wholeMs.length > 0) {
                row(t, "frame, whole run", wholeMs, "every task in view");
            }
            if (zoomedMs.length > 0) {
                row(t, "frame, 1/100 of it", zoomedMs, "the middle hundredth of the run");
            }
            t.print(out);
            if (bench.stopped()) {
                err.println("poolscope: interrupted: the figures are from the frames painted before");
                err.flush();
                return PoolScopeCli.EXIT_INTERRUPTED;
            }
        }
        return PoolScopeCli.EXIT_OK;
    }

    private static RunResult read(Path file) {
        try {
            return RunJson.read(file);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("--run: " + file + " is not a saved run: " + e.getMessage());
        }
    }

    private double[] paint(TimelinePainter painter, Timeline timeline, Viewport view, BufferedImage image,
            BenchRuns bench) {
        for (int i = 0; i < Math.min(frames, 20) && !bench.stopped(); i++) {
            painter.paint(timeline, view, TimelineStyle.LIGHT, image); // warm-up, untimed
        }
        double[] ms = new double[frames];
        int n = 0;
        while (n < frames && !bench.stopped()) {
            ms[n++] = paintOnce(painter, timeline, view, image);
        }
        return Arrays.copyOf(ms, n); // none when Ctrl+C came first: no row, rather than a 0 ms one
    }

    private static double paintOnce(TimelinePainter painter, Timeline timeline, Viewport view, BufferedImage image) {
        long start = System.nanoTime();
        painter.paint(timeline, view, TimelineStyle.LIGHT, image);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void row(BenchTable t, String figure, double[] ms, String note) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double p99 = sorted[Math.min(sorted.length - 1, (int) Math.floor(0.99 * sorted.length))];
        t.row(figure, ms(median), Format.f("%.2f–%.2f ms", sorted[0], sorted[sorted.length - 1]),
                note + "; p99 " + ms(p99));
    }

    private static String ms(double ms) {
        return Format.f("%.2f ms", ms);
    }
}
