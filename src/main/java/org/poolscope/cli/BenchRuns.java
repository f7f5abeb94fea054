package org.poolscope.cli;

import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;

/**
 * The runs of one bench command, one after another, each after a full GC (outside what it measures),
 * stoppable by Ctrl+C: {@link #stop()} cancels the
 * run in progress and refuses the next, so the command prints what it measured before and exits 130.
 * Also the status its progress line shows.
 *
 * <p>Threads: {@link #run} on the command's thread; {@link #stop} from the Ctrl+C hook;
 * {@link #status} from the progress thread.
 */
final class BenchRuns {

    private volatile boolean stopped;
    private volatile Run current;
    private volatile String status = "starting";

    /**
     * Plans {@code spec} once without running it, so that a run the engine refuses (the process kind's
     * limits) is bad input before any progress line or measurement. @throws IllegalArgumentException
     */
    static void check(RunSpec spec) {
        new Run(spec);
    }

    /**
     * One run measured.
     *
     * @param result    the run's result
     * @param cpuMillis CPU time the whole process spent while the run executed (workers, submitter,
     *                  GC): unlike the wall, it hardly changes when other processes load the machine
     */
    record Measured(RunResult result, double cpuMillis) {
    }

    /**
     * Runs {@code spec} to the end and returns it measured, or null when Ctrl+C came before or during
     * it (a cancelled run measures nothing).
     */
    Measured run(RunSpec spec, String what) throws InterruptedException {
        status = what + ": " + spec.describe();
        // Each run starts from a collected heap, as a sweep's do: a run pays for its own garbage, not
        // for the runs before it (the one before is the other half of its pair), and a heap that may
        // shrink gives memory back between runs.
        System.gc();
        Run run = new Run(spec);
        current = run; // before the check: a stop() after it sees this run and cancels it
        if (stopped) {
            return null;
        }
        try {
            long cpu = processCpuNanos();
            RunResult r = run.execute();
            cpu = processCpuNanos() - cpu;
            return stopped || r.interrupted() ? null : new Measured(r, cpu / 1e6);
        } finally {
            current = null;
        }
    }

    /** The CPU time of the whole process so far, in ns; 0 where the JVM does not say (not HotSpot). */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Ctrl+C: cancels the run in progress; later calls of {@link #run} return null at once. */
    void stop() {
        stopped = true;
        Run r = current;
        if (r != null) {
            r.cancelAll();
        }
    }

    boolean stopped() {
        return stopped;
    }

    String status() {
        return status;
    }
}
