package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * Lanes with more tasks than pixel columns are drawn from prefix sums ({@link LaneSums}); the walk
 * over every task is the reference. Timelines are restored with exact times from a fixed seed.
 */
class DenseLanesTest {

    private static final int LANES = 4;
    private static final int TASKS = 60_000;
    private static final long SEED = 20261125L;

    @Test
    void prefixSumsMatchTheLogAtEveryPosition() {
        Timeline timeline = RestoredTimelines.mixed(5_000, 2, SEED);
        LaneLog log = timeline.lane(1);
        LaneSums sums = new LaneSums();
        // Built in pieces, as a live run grows.
        for (int n : new int[] {0, 1, 17, 1_000, log.size()}) {
            sums.update(timeline, log, n);
        }
        long all = 0;
        long failed = 0;
        long cancelled = 0;
        int stolen = 0;
        for (int i = 0; i < log.size(); i++) {
            assertThat(sums.busy(i)).isEqualTo(all);
            assertThat(sums.failed(i)).isEqualTo(failed);
            assertThat(sums.cancelled(i)).isEqualTo(cancelled);
            int t = log.get(i);
            long d = timeline.endNanos(t) - timeline.startNanos(t);
            all += d;
            failed += timeline.state(t) == TaskState.FAILED ? d : 0;
            cancelled += timeline.state(t) == TaskState.CANCELLED ? d : 0;
            stolen += timeline.stolenFrom(t) >= 0 ? 1 : 0;
            assertThat(sums.anyStolen(0, i + 1)).isEqualTo(stolen > 0);
        }
        assertThat(sums.busy(log.size())).isEqualTo(all);
        assertThat(failed).isPositive();
        assertThat(cancelled).isPositive();
        assertThat(stolen).isPositive();
    }

    @Test
    void gallopingSearchFindsTheFirstTaskEndingAfterAnInstant() {
        Timeline timeline = RestoredTimelines.mixed(3_000, 1, SEED + 1);
        LaneLog log = timeline.lane(0);
        LaneSums sums = new LaneSums();
        sums.update(timeline, log, log.size());
        int n = log.size();
        long last = timeline.endNanos(log.get(n - 1));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int probe = 0; probe < 5_000; probe++) {
            long t = random.nextLong(-10, last + 10);
            int expected = LaneBars.firstEndingAfter(timeline, log, n, t);
            int hint = random.nextInt(expected + 1); // any hint at or before the answer
            assertThat(sums.firstEndingAfter(t, hint, n)).as("t=%d hint=%d", t, hint).isEqualTo(expected);
            assertThat(sums.firstEndingAfter(t, 0, n / 2)).isEqualTo(Math.min(expected, n / 2));
        }
    }

    @Test
    void denseLanesPaintWhatTheWalkPaints() {
        Timeline timeline = RestoredTimelines.mixed(TASKS, LANES, SEED);
        Viewport whole = Viewport.wholeRun(timeline, 1200, 700, 1);
        long span = whole.spanNanos();
        Viewport[] views = {
            whole,
            whole.withSize(1200, 700, 2),
            whole.withTime(span / 3, span / 3 + span / 40), // a few tasks a column: dense
            whole.withTime(span / 2, span / 2 + span / 900), // under a task a column: walked either way
        };
        for (Viewport v : views) {
            BufferedImage dense = paint(new TimelinePainter(), timeline, v);
            BufferedImage walked = paint(new TimelinePainter(Integer.MAX_VALUE), timeline, v);
            assertThat(differingPixels(dense, walked)).as("pixels differing at %s", v)
                    .isZero();
        }
    }

    /**
     * Random timelines (tasks of no length, wide tasks that failed or were stolen, 1–4 lanes) in
     * random windows at output scales 1 to 2, finished and replayed: the dense path paints exactly
     * what the walk paints. Found a stolen and a failure strip left at a wide bar's edge, once.
     */
    @Test
    void randomTimelinesAndWindowsPaintAlike() {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] scales = {1, 1.25, 1.5, 2};
        for (int round = 0; round < 10; round++) {
            Timeline timeline = edgy(15_000 + random.nextInt(15_000), 1 + random.nextInt(4), round,
                    1 + random.nextInt(40_000));
            Viewport whole = Viewport.wholeRun(timeline, 300 + random.nextInt(900), 200 + random.nextInt(400),
                    scales[random.nextInt(scales.length)]);
            long span = whole.spanNanos();
            for (int k = 0; k < 4; k++) {
                long from = random.nextLong(-span / 10, span);
                long length = Math.max(1, (long) (span * Math.pow(10, -random.nextDouble() * 4)));
                Viewport v = k == 0 ? whole : whole.withTime(from, from + length);
                assertThat(differingPixels(paint(new TimelinePainter(), timeline, v),
                        paint(new TimelinePainter(Integer.MAX_VALUE), timeline, v)))
                        .as("round %d, %s", round, v).isZero();
            }
            Timeline replay = timeline.replayBuffer();
            TimelinePainter dense = new TimelinePainter();
            TimelinePainter walk = new TimelinePainter(Integer.MAX_VALUE);
            for (double at : new double[] {0.9, 0.3, 0.6}) {
                long now = (long) (Viewport.latestNanos(timeline) * at);
                timeline.replayAt(now, replay);
                assertThat(differingPixels(paintLive(dense, replay, whole, now), paintLive(walk, replay, whole, now)))
                        .as("round %d, replay at %.1f", round, at).isZero();
            }
        }
    }

    /** Tasks of 1..maxLength ns, a fifth of no length, every 700th 200 times as long; some failed, cancelled, stolen. */
    private static Timeline edgy(int tasks, int lanes, long seed, long maxLength) {
        SplittableRandom random = new SplittableRandom(seed);
        org.poolscope.engine.TimelineRestorer r = new org.poolscope.engine.TimelineRestorer(tasks, true);
        for (int l = 0; l < lanes; l++) {
            r.lane("poolscope-fixed-" + l, 0, -1, -1, 0, 0);
        }
        long[] free = new long[lanes];
        for (int t = 0; t < tasks; t++) {
            int lane = random.nextInt(lanes);
            long start = free[lane] + (random.nextInt(3) == 0 ? 0 : random.nextLong(0, 3_000));
            long length = random.nextInt(5) == 0 ? 0 : t % 700 == 5 ? maxLength * 200 : random.nextLong(1, maxLength + 1);
            double p = random.nextDouble();
            TaskState state = p < 0.03 ? TaskState.FAILED : p < 0.05 ? TaskState.CANCELLED : TaskState.DONE;
            r.task(t, state, lane, 0, start, start + length);
            if (state == TaskState.FAILED) {
                r.error(t, new IllegalStateException("unit " + t));
            }
            if (state == TaskState.CANCELLED) {
                r.cancelledWhileRunning(t, start + length / 2);
            }
            if (random.nextDouble() < 0.03) {
                r.stolenFrom(t, (lane + 1) % lanes);
            }
            free[lane] = start + length;
        }
        return r.finish();
    }

    private static BufferedImage paintLive(TimelinePainter painter, Timeline timeline, Viewport v, long now) {
        BufferedImage image = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        painter.paint(timeline, v, TimelineStyle.LIGHT, now, null, image);
        return image;
    }

    @Test
    void aReplayStepsBackAndForthOverTheSameSums() {
        Timeline timeline = RestoredTimelines.mixed(TASKS, LANES, SEED + 2);
        Timeline replay = timeline.replayBuffer();
        Viewport v = Viewport.wholeRun(timeline, 900, 500, 1);
        TimelinePainter kept = new TimelinePainter();
        long span = v.toNanos();
        for (double at : new double[] {0.2, 0.7, 0.4, 0.95, 0.1, 0.95}) {
            long now = (long) (span * at);
            timeline.replayAt(now, replay);
            BufferedImage incremental = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            kept.paint(replay, v, TimelineStyle.LIGHT, now, null, incremental);
            BufferedImage fresh = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
            new TimelinePainter().paint(replay, v, TimelineStyle.LIGHT, now, null, fresh);
            assertThat(differingPixels(incremental, fresh)).as("replay at %.2f", at).isZero();
        }
    }

    private static BufferedImage paint(TimelinePainter painter, Timeline timeline, Viewport v) {
        BufferedImage image = new BufferedImage(v.pixelWidth(), v.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        painter.paint(timeline, v, TimelineStyle.LIGHT, image);
        return image;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
