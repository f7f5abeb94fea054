package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poolscope.chart.Palette;
import org.poolscope.engine.PainterTimelines;
import org.poolscope.engine.Timeline;

/** Pixels of small synthetic timelines: where a task ran its bar has its outcome's colour, and so on. */
class TimelinePainterTest {

    private static final TimelineStyle STYLE = TimelineStyle.LIGHT;
    private static Timeline outcomes;
    private static Viewport view;
    private static BufferedImage image;
    private static TimelineLayout layout;

    @BeforeAll
    static void paintOutcomes() {
        outcomes = PainterTimelines.outcomes();
        view = Viewport.wholeRun(outcomes, 1000, 420, 1);
        image = image(view);
        layout = new TimelinePainter().paint(outcomes, view, STYLE, image);
    }

    @Test
    void aDoneTaskIsDoneColouredWhereItRan() {
        assertThat(barColour(image, layout, PainterTimelines.DONE_TASK, 1))
                .isIn(rgb(STYLE.outcome[TimelineStyle.DONE]), rgb(STYLE.outcomeAlt[TimelineStyle.DONE]));
        assertThat(barColour(image, layout, PainterTimelines.DONE_TASK, 1))
                .as("the first bar of a lane has the outcome's own shade").isEqualTo(rgb(Palette.DONE));
    }

    @Test
    void aFailedTaskIsFailedColoured() {
        assertThat(barColour(image, layout, PainterTimelines.FAILED_TASK, 1))
                .isIn(rgb(STYLE.outcome[TimelineStyle.FAILED]), rgb(STYLE.outcomeAlt[TimelineStyle.FAILED]));
    }

    @Test
    void neighbouringBarsDiffer() {
        // On lane 1, tasks 1 then 3 follow each other: the second takes the alternate shade.
        assertThat(barColour(image, layout, 1, 1))
                .isNotEqualTo(barColour(image, layout, PainterTimelines.STOLEN_TASK, 1));
    }

    @Test
    void aTaskCancelledWhileRunningIsHatchedFromTheCancelOn() {
        int t = PainterTimelines.CANCELLED_RUNNING_TASK;
        long cancelledAt = outcomes.cancelledWhileRunningNanos(t);
        assertThat(cancelledAt).isGreaterThan(outcomes.startNanos(t));
        int lane = outcomes.laneOf(t);
        int y = (int) ((layout.barTop(lane) * 2 + layout.barBottom(lane)) / 3);
        // Before the cancel: solid cancelled colour.
        int before = (int) layout.xOf((outcomes.startNanos(t) + cancelledAt) / 2);
        assertThat(image.getRGB(before, y)).isIn(rgb(STYLE.outcome[TimelineStyle.CANCELLED]),
                rgb(STYLE.outcomeAlt[TimelineStyle.CANCELLED]));
        // After it: stripes of the cancelled colour and a darker one.
        int from = (int) Math.ceil(layout.xOf(cancelledAt)) + 1;
        int to = (int) layout.xOf(outcomes.endNanos(t)) - 2;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = from; x < to; x++) {
            seen.add(image.getRGB(x, y));
        }
        assertThat(seen).contains(rgb(STYLE.outcome[TimelineStyle.CANCELLED]), rgb(STYLE.hatchStripe));
    }

    @Test
    void stolenWorkIsMarkedOnTop() {
        int t = PainterTimelines.STOLEN_TASK;
        int lane = outcomes.laneOf(t);
        int x = (int) layout.xOf((outcomes.startNanos(t) + outcomes.endNanos(t)) / 2);
        int top = (int) Math.ceil(layout.barTop(lane));
        assertThat(image.getRGB(x, top)).isNotEqualTo(barColour(image, layout, t, 1));
        assertThat(brightness(image.getRGB(x, top))).isLessThan(brightness(barColour(image, layout, t, 1)));
    }

    @Test
    void aLaneIsMutedBeforeItsWorkerExisted() {
        int lane = PainterTimelines.LATE_LANE;
        long created = outcomes.lane(lane).createdNanos();
        assertThat(created).isPositive();
        int y = (int) ((layout.laneTop(lane) + layout.laneBottom(lane)) / 2);
        int mutedColumns = 0;
        for (int x = (int) layout.xOf(0) + 2; x < (int) layout.xOf(created) - 1; x++) {
            assertThat(image.getRGB(x, y)).isIn(rgb(STYLE.muted), rgb(Palette.LIGHT.grid()));
            mutedColumns += image.getRGB(x, y) == rgb(STYLE.muted) ? 1 : 0;
        }
        assertThat(mutedColumns).isPositive();
        // ...and after it left, before the run ended.
        long retired = outcomes.lane(lane).retiredNanos();
        long lastEnd = outcomes.endNanos(6);
        assertThat(offGrid(image, layout.xOf((retired + lastEnd) / 2), y)).isEqualTo(rgb(STYLE.muted));
        // In between, the lane's own background.
        assertThat(offGrid(image, layout.xOf((created + outcomes.startNanos(7)) / 2), y))
                .isEqualTo(rgb(Palette.lane(lane)));
    }

    @Test
    void theGutterNamesTheLanes() {
        assertThat(LaneNames.shorten("poolscope-fixed-0")).isEqualTo("fixed-0");
        assertThat(LaneNames.shorten("ForkJoinPool-1-worker-3")).isEqualTo("worker-3");
        assertThat(LaneNames.shorten("pool-1-thread-2")).isEqualTo("thread-2");
        assertThat(LaneNames.shorten("poolscope-sequential (main)")).isEqualTo("sequential (main)");
        assertThat(LaneNames.fit("sequential (main)", STYLE.font, 70)).isEqualTo("sequential");
        assertThat(LaneNames.fit("process-12 pid 4711", STYLE.font, 70)).startsWith("…").endsWith("4711");
        // Ink in each lane's gutter row: its name is written there.
        for (int lane = 0; lane < outcomes.laneCount(); lane++) {
            assertThat(inkIn(image, 0, (int) layout.laneTop(lane), (int) layout.plotLeft(),
                    (int) layout.laneBottom(lane))).as("lane " + lane + "'s name").isGreaterThan(20);
        }
        assertThat(inkIn(image, 0, (int) layout.queueTop(), (int) layout.plotLeft(), (int) layout.queueBottom()))
                .as("the queue lane's name").isGreaterThan(20);
    }

    @Test
    void theQueueLaneShowsWaitingTasks() {
        // All 8 tasks were submitted at once, so the queue is full at the start.
        int x = (int) layout.xOf(outcomes.startNanos(1) / 2);
        int y = (int) layout.queueBottom() - 3;
        assertThat(image.getRGB(x, y)).isNotEqualTo(rgb(Palette.LIGHT.laneOdd()));
        int area = 0;
        for (int px = (int) layout.plotLeft(); px < (int) layout.plotRight(); px++) {
            int colour = image.getRGB(px, y);
            if (colour != rgb(Palette.LIGHT.laneOdd()) && colour != rgb(Palette.LIGHT.grid())) {
                area++;
            }
        }
        assertThat(area).as("columns with tasks waiting").isGreaterThan(100);
    }

    @Test
    void theImageIsAPictureAndTheSameEveryTime() {
        assertThat(TimelinePreviewTest.distinctColours(image)).isGreaterThan(20);
        BufferedImage again = image(view);
        new TimelinePainter().paint(outcomes, view, STYLE, again);
        assertThat(pixels(again)).isEqualTo(pixels(image));
        // A reused painter and a reused image (with another frame in it) paint the same pixels too.
        TimelinePainter painter = new TimelinePainter();
        painter.paint(outcomes, view.withTime(0, view.toNanos() / 3), TimelineStyle.DARK, again);
        painter.paint(outcomes, view, STYLE, again);
        assertThat(pixels(again)).isEqualTo(pixels(image));
    }

    @Test
    void twiceTheScaleIsTwiceThePixelsAndTheSameDrawing() {
        Viewport doubled = view.withSize(view.width(), view.height(), 2);
        BufferedImage big = image(doubled);
        TimelineLayout l2 = new TimelinePainter().paint(outcomes, doubled, STYLE, big);
        assertThat(big.getWidth()).isEqualTo(2 * image.getWidth());
        assertThat(big.getHeight()).isEqualTo(2 * image.getHeight());
        assertThat(l2.xOf(outcomes.startNanos(0))).isEqualTo(layout.xOf(outcomes.startNanos(0)));
        for (int t : new int[] {PainterTimelines.DONE_TASK, PainterTimelines.FAILED_TASK}) {
            assertThat(barColour(big, l2, t, 2)).isEqualTo(barColour(image, layout, t, 1));
        }
        assertThatThrownBy(() -> new TimelinePainter().paint(outcomes, doubled, STYLE, image))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000×840");
    }

    @Test
    void hitTestingFindsTheTaskUnderABar() {
        for (int t : new int[] {0, 1, 2, 3, 4, 6, 7}) {
            int lane = outcomes.laneOf(t);
            double x = layout.xOf((outcomes.startNanos(t) + outcomes.endNanos(t)) / 2);
            double y = (layout.barTop(lane) + layout.barBottom(lane)) / 2;
            assertThat(layout.taskAt(outcomes, x, y, TimelinePainter.NOT_LIVE)).as("task " + t).hasValue(t);
            assertThat(TimelinePainter.taskAt(outcomes, view, STYLE, x, y, TimelinePainter.NOT_LIVE)).hasValue(t);
        }
        // Lane 0 is idle between task 2's end and task 6's start (task 4 and 5 ran or waited elsewhere).
        long idle = (outcomes.endNanos(2) + outcomes.startNanos(6)) / 2;
        assertThat(layout.taskAt(outcomes, layout.xOf(idle), (layout.barTop(0) + layout.barBottom(0)) / 2,
                TimelinePainter.NOT_LIVE)).isEmpty();
        assertThat(layout.taskAt(outcomes, 5, 5, TimelinePainter.NOT_LIVE)).isEmpty();
    }

    @Test
    void timeAndLanesMapBothWays() {
        long t = view.toNanos() / 3;
        assertThat(layout.nanosAt(layout.xOf(t))).isBetween(t - 1, t + 1);
        assertThat(layout.xOf(view.fromNanos())).isCloseTo(layout.plotLeft(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(layout.xOf(view.toNanos())).isCloseTo(layout.plotRight(), org.assertj.core.api.Assertions.within(1e-9));
        for (int lane = 0; lane < 3; lane++) {
            assertThat(layout.laneAt((layout.laneTop(lane) + layout.laneBottom(lane)) / 2)).isEqualTo(lane);
        }
        assertThat(layout.laneAt((layout.queueTop() + layout.queueBottom()) / 2)).isEqualTo(TimelineLayout.QUEUE_LANE);
        assertThat(layout.laneAt(1)).isEqualTo(TimelineLayout.NO_LANE);
        assertThat(layout.laneAt(view.height() - 1)).isEqualTo(TimelineLayout.NO_LANE);
    }

    @Test
    void aLiveRunShowsRunningBarsToNowAndTheQueueAsTokens() {
        Timeline live = PainterTimelines.live();
        long now = PainterTimelines.nanosNow(live);
        Viewport v = new Viewport(0, now + now / 5, 1000, 400, 1);
        BufferedImage frame = image(v);
        TimelineLayout l = new TimelinePainter().paint(live, v, STYLE, now, "live", frame);
        // Task 4 runs on lane 0: blue from its start to now, nothing after now.
        int y = (int) ((l.barTop(0) * 2 + l.barBottom(0)) / 3);
        assertThat(frame.getRGB((int) l.xOf((live.startNanos(4) + now) / 2), y)).isIn(
                rgb(STYLE.outcome[TimelineStyle.RUNNING]), rgb(STYLE.outcomeAlt[TimelineStyle.RUNNING]));
        assertThat(frame.getRGB((int) l.xOf(now + now / 10), y)).isEqualTo(rgb(Palette.lane(0)));
        // Six tokens, the head of the queue (task 6) on the right.
        assertThat(l.tokenCapacity()).isGreaterThanOrEqualTo(6);
        for (int k = 0; k < 6; k++) {
            assertThat(frame.getRGB((int) l.tokenCenterX(k), (int) l.tokenCenterY())).isEqualTo(rgb(STYLE.tokenFill));
            assertThat(l.taskAt(live, l.tokenCenterX(k), l.tokenCenterY(), now)).hasValue(6 + k);
        }
        assertThat(frame.getRGB((int) l.tokenCenterX(6), (int) l.tokenCenterY())).isNotEqualTo(rgb(STYLE.tokenFill));
        // A running bar can be picked too.
        assertThat(l.taskAt(live, l.xOf((live.startNanos(5) + now) / 2), (l.barTop(1) + l.barBottom(1)) / 2, now))
                .hasValue(5);
        // Painted as finished, nothing runs and no tokens show.
        BufferedImage finished = image(v);
        TimelineLayout lf = new TimelinePainter().paint(live, v, STYLE, finished);
        assertThat(finished.getRGB((int) lf.tokenCenterX(0), (int) lf.tokenCenterY()))
                .isNotEqualTo(rgb(STYLE.tokenFill));
        assertThat(finished.getRGB((int) lf.xOf((live.startNanos(4) + now) / 2), y))
                .isNotEqualTo(rgb(STYLE.outcome[TimelineStyle.RUNNING]));
    }

    @Test
    void thinBarsShowDensityAndHiddenFailures() throws Exception {
        Timeline tiny = PainterTimelines.tiny(20_000, 2);
        Viewport v = Viewport.wholeRun(tiny, 800, 300, 1);
        BufferedImage frame = image(v);
        TimelineLayout l = new TimelinePainter().paint(tiny, v, STYLE, frame);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int y = (int) ((l.barTop(1) + l.barBottom(1)) / 2);
        int bottom = (int) Math.round(l.barBottom(1)) - 1; // tasks 99, 199, ... failed: all on lane 1
        int failedMarks = 0;
        for (int x = (int) l.plotLeft(); x < (int) l.plotRight(); x++) {
            colours.add(frame.getRGB(x, y));
            if (frame.getRGB(x, bottom) == rgb(Palette.FAILED)) {
                failedMarks++;
            }
        }
        TimelinePreviewTest.save("g-tiny-20k-test", frame);
        assertThat(colours).as("columns of green at several densities").hasSizeGreaterThan(1);
        assertThat(failedMarks).as("every hundredth task failed: marked under the dense columns").isPositive();
    }

    @Test
    void aTimelineWithoutTimesSaysSo() {
        Timeline unrecorded = new Timeline(10, false);
        Viewport v = new Viewport(0, 1_000_000, 600, 300, 1);
        BufferedImage frame = image(v);
        TimelineLayout l = new TimelinePainter().paint(unrecorded, v, STYLE, frame);
        assertThat(inkIn(frame, (int) l.plotLeft(), (int) l.lanesTop(), (int) l.plotRight(), (int) l.axisTop()))
                .isGreaterThan(50);
        assertThat(l.taskAt(unrecorded, 300, 150, TimelinePainter.NOT_LIVE)).isEmpty();
    }

    @Test
    void anyViewportPaintsWithoutFailing() {
        Timeline tiny = PainterTimelines.tiny(5_000, 40);
        long end = Viewport.latestNanos(tiny);
        for (Viewport v : new Viewport[] {
                new Viewport(0, end, 40, 20, 1), new Viewport(0, end, 200, 100, 1.5),
                new Viewport(end / 2, end / 2 + 10, 300, 200, 1), new Viewport(-end, 3 * end, 300, 900, 1),
                new Viewport(0, 1, 1600, 900, 1)}) {
            BufferedImage frame = image(v);
            new TimelinePainter().paint(tiny, v, TimelineStyle.DARK_PRESENTATION, end / 2,
                    "a long caption that will not fit", frame);
        }
    }

    @Test
    void thePngIsThePaintedPixels() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TimelineRenderer.writePng(image, out);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.getWidth()).isEqualTo(image.getWidth());
        assertThat(read.getColorModel().hasAlpha()).isFalse();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                assertThat(read.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        TimelineRenderer.writePng(outcomes, 400, 200, 2, STYLE, "caption", whole);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(whole.toByteArray()));
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- helpers

    static BufferedImage image(Viewport v) {
        return new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    }

    /** The colour a third of the way down task {@code t}'s bar, a quarter of the way in (clear of its label). */
    private static int barColour(BufferedImage image, TimelineLayout layout, int t, double scale) {
        int lane = outcomes.laneOf(t);
        double x = layout.xOf(outcomes.startNanos(t)) * 0.75 + layout.xOf(outcomes.endNanos(t)) * 0.25;
        double y = (layout.barTop(lane) * 2 + layout.barBottom(lane)) / 3;
        return image.getRGB((int) (x * scale), (int) (y * scale));
    }

    /** The pixel at ({@code x}, {@code y}), or beside it when a grid line passes there. */
    private static int offGrid(BufferedImage image, double x, int y) {
        int rgb = image.getRGB((int) x, y);
        return rgb == Palette.LIGHT.grid().getRGB() ? image.getRGB((int) x + 2, y) : rgb;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
    }

    private static int rgb(Color c) {
        return c.getRGB();
    }

    private static int brightness(int argb) {
        return ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
    }

    /** Pixels clearly darker than the light background in a rectangle: text. */
    private static int inkIn(BufferedImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (brightness(image.getRGB(x, y)) < 3 * 140) {
                    n++;
                }
            }
        }
        return n;
    }
}
