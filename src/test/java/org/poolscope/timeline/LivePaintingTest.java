package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.PainterTimelines;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.IoWorkload;

/**
 * Frames painted while workers write the timeline, as the window paints on every pulse: lanes
 * appear and retire (the run is resized), tasks start, end and are cancelled under the painter's
 * feet. No frame may fail, and the last one, painted after the run, must show every task.
 */
class LivePaintingTest {

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"FIXED", "WORK_STEALING", "VIRTUAL"})
    void framesPaintedDuringARunNeverFail(ExecutorKind kind) throws Exception {
        Run run = new Run(new RunSpec(new IoWorkload(2), kind, 3, 900, true));
        Timeline timeline = run.timeline();
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        TimelinePainter painter = new TimelinePainter();
        Viewport size = new Viewport(0, 1, 900, 400, 1.5);
        BufferedImage image = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        int frames = 0;
        boolean resized = false;
        boolean cancelledOne = false;
        boolean saved = false;
        while (!result.isDone()) {
            long now = Math.max(1, PainterTimelines.nanosNow(timeline));
            painter.paint(timeline, size.withTime(0, now + now / 20 + 1), TimelineStyle.LIGHT, now, "live", image);
            frames++;
            if (!saved && run.finishedTasks() > 350) {
                TimelinePreviewTest.save("f-live-" + kind.cliName(), image);
                saved = true;
            }
            if (!resized && run.finishedTasks() > 100) {
                run.resize(5);
                resized = true;
            } else if (resized && run.finishedTasks() > 300 && run.workers() == 5) {
                run.resize(2);
            }
            if (!cancelledOne && run.finishedTasks() > 200) {
                cancelledOne = cancelRunning(run, timeline);
            }
            Thread.sleep(2);
        }
        RunResult r = result.get();
        assertThat(frames).isGreaterThan(5);
        TimelineLayout layout = painter.paint(timeline, Viewport.wholeRun(timeline, 900, 400, 1.5), TimelineStyle.LIGHT,
                image);
        assertThat(layout.laneCount()).isGreaterThanOrEqualTo(3);
        assertThat(r.done() + r.failed() + r.cancelled()).isEqualTo(900);
    }

    private static boolean cancelRunning(Run run, Timeline timeline) {
        for (int t = 0; t < timeline.tasks(); t++) {
            if (timeline.state(t) == org.poolscope.engine.TaskState.RUNNING && run.cancel(t)) {
                return true;
            }
        }
        return false;
    }
}
