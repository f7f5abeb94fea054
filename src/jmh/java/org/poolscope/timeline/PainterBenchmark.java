package org.poolscope.timeline;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poolscope.engine.Timeline;

/**
 * One frame of the timeline as the window paints it: 1920 × 1080, 16 worker lanes, every task in
 * view ({@code whole}) or a hundredth of the run ({@code zoomed}). The painter keeps its per-lane
 * prefix sums between frames, as the window's does; {@code firstFrame} pays for building them.
 *
 * <pre>./mvnw -Pjmh test-compile exec:exec -Djmh.args="PainterBenchmark"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx2g", "-Djava.awt.headless=true"})
public class PainterBenchmark {

    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int LANES = 16;

    @Param({"10000", "100000", "1000000"})
    public int tasks;

    @Param({"whole", "zoomed"})
    public String view;

    private Timeline timeline;
    private Viewport viewport;
    private TimelinePainter painter;
    private BufferedImage image;

    @Setup(Level.Trial)
    public void restore() {
        timeline = RestoredTimelines.mixed(tasks, LANES, 42);
        Viewport whole = Viewport.wholeRun(timeline, WIDTH, HEIGHT, 1);
        long mid = whole.toNanos() / 2;
        viewport = view.equals("whole") ? whole : whole.withTime(mid, mid + whole.spanNanos() / 100);
        image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB_PRE);
        painter = new TimelinePainter();
    }

    @Benchmark
    public BufferedImage frame() {
        painter.paint(timeline, viewport, TimelineStyle.LIGHT, image);
        return image;
    }

    @Benchmark
    public BufferedImage firstFrame() {
        new TimelinePainter().paint(timeline, viewport, TimelineStyle.LIGHT, image);
        return image;
    }
}
