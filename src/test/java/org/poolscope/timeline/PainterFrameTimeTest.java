package org.poolscope.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.PainterTimelines;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.ContentionWorkload;

/**
 * The level of detail keeps a frame of 200 000 tasks cheap. Prints the median of 30 frames after
 * warm-up, and the bytes a frame allocates; asserts only a generous bound (the benchmarks prove
 * speed, a shared test machine cannot).
 */
class PainterFrameTimeTest {

    private static final int WARM_UP = 15;
    private static final int FRAMES = 30;

    @Test
    void twoHundredThousandTasksPaintFast() throws Exception {
        Timeline synthetic = PainterTimelines.tiny(200_000, 2);
        Timeline real = new Run(new RunSpec(new ContentionWorkload(ContentionWorkload.LockKind.LONG_ADDER, 10),
                ExecutorKind.FIXED, 2, 200_000, true)).execute().timeline();
        for (Timeline timeline : new Timeline[] {synthetic, real}) {
            String name = timeline == synthetic ? "synthetic 200k×2 lanes" : "fixed ×2 contention 200k";
            Viewport whole = Viewport.wholeRun(timeline, 1600, 900, 1);
            measure(name + ", whole run, 1600×900 @1", timeline, whole);
            measure(name + ", whole run, 1600×900 @2", timeline, whole.withSize(1600, 900, 2));
            long mid = whole.toNanos() / 2;
            measure(name + ", 1/1000 of the run, @1", timeline, whole.withTime(mid, mid + whole.spanNanos() / 1000));
        }
    }

    private static void measure(String name, Timeline timeline, Viewport viewport) {
        TimelinePainter painter = new TimelinePainter();
        BufferedImage image = new BufferedImage(viewport.pixelWidth(), viewport.pixelHeight(),
                BufferedImage.TYPE_INT_ARGB_PRE);
        for (int i = 0; i < WARM_UP; i++) {
            painter.paint(timeline, viewport, TimelineStyle.LIGHT, image);
        }
        long[] nanos = new long[FRAMES];
        long allocatedBefore = allocatedBytes();
        for (int i = 0; i < FRAMES; i++) {
            long start = System.nanoTime();
            painter.paint(timeline, viewport, TimelineStyle.LIGHT, image);
            nanos[i] = System.nanoTime() - start;
        }
        long allocated = (allocatedBytes() - allocatedBefore) / FRAMES;
        Arrays.sort(nanos);
        double median = nanos[FRAMES / 2] / 1e6;
        System.out.printf(Locale.ROOT, "timeline frame: %-52s median %6.2f ms, min %6.2f, max %6.2f, %,d bytes/frame%n",
                name, median, nanos[0] / 1e6, nanos[FRAMES - 1] / 1e6, allocated);
        assertThat(median).as(name + " median ms").isLessThan(1000);
    }

    private static long allocatedBytes() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().threadId());
    }
}
