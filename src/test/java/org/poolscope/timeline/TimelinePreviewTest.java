package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.PainterTimelines;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;

/**
 * Real runs drawn as the CLI draws them, kept under {@code target/timeline-preview} for people to
 * look at: the course's imbalance, work stealing, failures, a cancelled run, a hundred thousand tiny
 * tasks, a live frame, the dark theme and presentation mode. Each must at least be a picture, not a
 * blank.
 */
class TimelinePreviewTest {

    static final Path PREVIEWS = Path.of("target", "timeline-preview");

    @BeforeAll
    static void folder() throws IOException {
        Files.createDirectories(PREVIEWS);
    }

    @Test
    void primesImbalanceOnTwoWorkers() throws Exception {
        RunResult r = run(new RunSpec(PrimesWorkload.trial(2_000_000), ExecutorKind.FIXED, 2, 16, true));
        write("a-primes-fixed-2", r, TimelineStyle.LIGHT);
    }

    @Test
    void workStealing() throws Exception {
        RunResult r = run(new RunSpec(PrimesWorkload.trial(2_000_000), ExecutorKind.WORK_STEALING, 2, 64, true));
        assertThat(java.util.stream.IntStream.range(0, 64).filter(t -> r.timeline().stolenFrom(t) >= 0).count())
                .as("stolen tasks").isPositive();
        write("b-primes-work-stealing-2", r, TimelineStyle.LIGHT);
    }

    @Test
    void failuresAndACancelledRun() throws Exception {
        RunResult failing = run(new RunSpec(new IoWorkload(5), ExecutorKind.FIXED, 4, 64, true,
                new FaultPlan(0.15, 42), true));
        write("c-io-fail-rate", failing, TimelineStyle.LIGHT);

        Run run = new Run(new RunSpec(new IoWorkload(10), ExecutorKind.FIXED, 4, 120, true));
        Thread canceller = Thread.ofPlatform().daemon().start(() -> {
            // Waits on how far the run got, not on the clock: a picture with a few rounds done,
            // one task cancelled while running, then everything cancelled.
            awaitFinished(run, 16);
            Timeline tl = run.timeline();
            for (int t = 0; t < tl.tasks(); t++) {
                if (tl.state(t) == TaskState.RUNNING && run.cancel(t)) {
                    break; // cancel(false) on a running task: it runs on, its result is thrown away
                }
            }
            awaitFinished(run, 40);
            run.cancelAll();
        });
        RunResult cancelled = run.execute();
        canceller.join();
        write("c-io-cancelled", cancelled, TimelineStyle.LIGHT);
    }

    @Test
    void aHundredThousandTinyTasks() throws Exception {
        RunResult r = run(new RunSpec(new IoWorkload(0), ExecutorKind.FIXED, 2, 100_000, true));
        write("d-io-100k-tiny", r, TimelineStyle.LIGHT);
    }

    @Test
    void darkAndPresentation() throws Exception {
        RunResult r = run(new RunSpec(PrimesWorkload.trial(2_000_000), ExecutorKind.WORK_STEALING, 4, 32, true,
                new FaultPlan(0.1, 7), true));
        write("e-dark", r, TimelineStyle.DARK);
        write("e-presentation", r, TimelineStyle.LIGHT_PRESENTATION);
        write("e-dark-presentation", r, TimelineStyle.DARK_PRESENTATION);
    }

    @Test
    void manyLanes() throws Exception {
        RunResult r = run(new RunSpec(new IoWorkload(20), ExecutorKind.VIRTUAL, 64, 640, true));
        write("h-virtual-64", r, TimelineStyle.LIGHT);
        write("h-virtual-64-presentation", r, TimelineStyle.LIGHT_PRESENTATION);
    }

    @Test
    void liveFrame() throws Exception {
        Timeline live = PainterTimelines.live();
        long now = PainterTimelines.nanosNow(live);
        Viewport v = new Viewport(0, now + now / 10, 1200, 500, 2);
        BufferedImage image = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        new TimelinePainter().paint(live, v, TimelineStyle.LIGHT, now, "live: 4 done, 2 running, 6 waiting", image);
        save("f-live", image);
        Timeline outcomes = PainterTimelines.outcomes();
        save("f-outcomes", TimelineRenderer.render(outcomes, 1200, 500, 2, TimelineStyle.LIGHT, "every outcome"));
    }

    private static RunResult run(RunSpec spec) throws InterruptedException {
        return new Run(spec).execute();
    }

    private static void write(String name, RunResult r, TimelineStyle style) throws IOException {
        String caption = r.spec().describe() + String.format(Locale.ROOT, " · wall %.1f ms", r.wallMillis());
        BufferedImage image = TimelineRenderer.render(r.timeline(), TimelineRenderer.DEFAULT_WIDTH,
                TimelineRenderer.DEFAULT_HEIGHT, TimelineRenderer.DEFAULT_SCALE, style, caption);
        save(name, image);
    }

    static void save(String name, BufferedImage image) throws IOException {
        assertThat(distinctColours(image)).as(name + " is a picture").isGreaterThan(8);
        Files.createDirectories(PREVIEWS);
        try (OutputStream out = Files.newOutputStream(PREVIEWS.resolve(name + ".png"))) {
            TimelineRenderer.writePng(image, out);
        }
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void awaitFinished(Run run, int tasks) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (run.finishedTasks() < tasks && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }
}
