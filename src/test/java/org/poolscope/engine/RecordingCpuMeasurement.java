package org.poolscope.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code RecordingBenchmark}'s loop (submit, claim, finish a task, one lane) timed by the thread's CPU
 * time instead of the wall, so that other processes on the two shared cores do not inflate it (a JMH
 * run on a loaded machine read 496 ns a task where this reads 85): recording on and off interleaved,
 * five warm-up rounds, medians. Also what one {@link System#nanoTime()} costs, as recording is three of
 * them a task. Measured, not asserted; off in the normal build; run it with
 * {@code ./mvnw -B -ntp -q test -Dtest=RecordingCpuMeasurement -Dpoolscope.measure=true}.
 */
@EnabledIfSystemProperty(named = "poolscope.measure", matches = "true")
class RecordingCpuMeasurement {

    private static final int TASKS = 1 << 20;
    private static final int ROUNDS = 20;
    private static final int WARM_UP = 5;

    @Test
    void recordingCostsATaskInCpuTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] on = new double[ROUNDS];
        double[] off = new double[ROUNDS];
        double[] clock = new double[ROUNDS];
        long sink = 0;
        for (int r = -WARM_UP; r < ROUNDS; r++) {
            for (int k = 0; k < 2; k++) {
                boolean record = Math.floorMod(r + k, 2) == 0;
                Timeline timeline = new Timeline(TASKS, record);
                LaneLog lane = timeline.openLane("measure");
                timeline.start();
                long cpu = threads.getCurrentThreadCpuTime();
                for (int t = 0; t < TASKS; t++) {
                    timeline.submitted(t);
                    if (timeline.tryStart(t, lane)) {
                        timeline.finish(t, lane, TaskState.DONE, null);
                    }
                }
                double perTask = (threads.getCurrentThreadCpuTime() - cpu) / (double) TASKS;
                if (r >= 0) {
                    (record ? on : off)[r] = perTask;
                }
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < TASKS; i++) {
                sink += System.nanoTime();
            }
            if (r >= 0) {
                clock[r] = (threads.getCurrentThreadCpuTime() - cpu) / (double) TASKS;
            }
        }
        System.out.printf(Locale.ROOT, "CPU ns a task, medians of %d interleaved rounds: recording %s, without %s; "
                + "System.nanoTime() %s (%d)%n", ROUNDS, median(on), median(off), median(clock), sink & 1);
    }

    private static String median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", v[v.length / 2], v[0], v[v.length - 1]);
    }
}
