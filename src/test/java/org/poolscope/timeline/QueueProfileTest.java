package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.PainterTimelines;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.IoWorkload;

/** The queue lane's numbers: the per-frame pass and the finished run's index agree, and both are right. */
class QueueProfileTest {

    @Test
    void theIndexOfAFinishedRunGivesWhatThePassGives() throws Exception {
        Timeline timeline = new Run(new RunSpec(new IoWorkload(3), ExecutorKind.FIXED, 3, 60, true)).execute()
                .timeline();
        long end = Viewport.latestNanos(timeline);
        long[][] windows = {{0, end + end / 100}, {end / 3, end / 3 + end / 50}, {-end, 2 * end}, {end / 2, end / 2 + 7}};
        for (long[] w : windows) {
            QueueProfile pass = new QueueProfile();
            pass.scan(timeline, w[0], w[1], 700, TimelinePainter.NOT_LIVE, 0, 3);
            QueueProfile indexed = new QueueProfile();
            for (int frame = 0; frame < 3; frame++) { // the second frame builds the index, the third reads it
                indexed.scan(timeline, w[0], w[1], 700, TimelinePainter.NOT_LIVE, 0, 3);
            }
            double columnNanos = (w[1] - w[0]) / 700.0;
            for (int c = 0; c < 700; c++) {
                // The index ends columns on whole nanoseconds: up to 2 ns of a column may differ.
                double tolerance = 1e-9 + 60 * Math.min(1, 2 / columnNanos);
                assertThat(indexed.waiting[c]).as("column " + c + " of " + w[0] + ".." + w[1])
                        .isCloseTo(pass.waiting[c], within(tolerance));
            }
            assertThat(indexed.peak).isCloseTo(pass.peak, within(1e-6 + 60 * Math.min(1, 2 / columnNanos)));
        }
    }

    @Test
    void theMeanWaitingIsExact() {
        // All 8 tasks of the outcomes run are submitted at once; task 0 starts at once, 1 after it.
        Timeline timeline = PainterTimelines.outcomes();
        long s1 = timeline.startNanos(1);
        long s2 = timeline.startNanos(2);
        QueueProfile profile = new QueueProfile();
        // Between task 1's start and task 2's, 6 tasks wait (2..7); a window inside that has 6 everywhere.
        profile.scan(timeline, s1 + 10, s2 - 10, 10, TimelinePainter.NOT_LIVE, 0, 3);
        for (int c = 0; c < 10; c++) {
            assertThat(profile.waiting[c]).isCloseTo(6.0, within(1e-9));
        }
        // One column across task 2's start: 6 before it, 5 after, weighted by time.
        long from = s2 - 3000;
        long to = s2 + 1000;
        profile.scan(timeline, from, to, 1, TimelinePainter.NOT_LIVE, 0, 3);
        assertThat(profile.waiting[0]).isCloseTo((6 * 3000 + 5 * 1000) / 4000.0, within(1e-9));
    }

    @Test
    void aLiveRunCountsWhoWaitsNowAndWhoRuns() {
        Timeline live = PainterTimelines.live();
        long now = PainterTimelines.nanosNow(live);
        QueueProfile profile = new QueueProfile();
        profile.scan(live, 0, now, 100, now, 4, 2);
        assertThat(profile.waitingNow).isEqualTo(6);
        assertThat(profile.tokenCount).isEqualTo(4);
        assertThat(profile.tokens).startsWith(6, 7, 8, 9);
        assertThat(profile.running).startsWith(4, 5);
        assertThat(profile.waiting[99]).isCloseTo(6.0, within(1e-9));
    }
}
