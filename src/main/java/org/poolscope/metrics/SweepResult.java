package org.poolscope.metrics;

import java.util.List;

/**
 * What a sweep measured: every run as a row, the points summarised over repeats, the Amdahl fit and
 * the warnings a reader of the numbers must see.
 *
 * @param spec        what was swept
 * @param rows        every measured run (baseline included), in the order they ran
 * @param points      one per (workers, tasks), in the spec's order, workers varying fastest
 * @param baselines   the sequential wall per task count, in the spec's task order (ms)
 * @param amdahl      the fit over the first task count's points
 * @param cores       the processors the JVM saw
 * @param warnings    sentences: N > cores, repeats varying by more than 10 %, unverified results
 * @param complete    false when the sweep was cancelled: it holds the rounds measured until then
 */
public record SweepResult(SweepSpec spec, List<RunRow> rows, List<SweepPoint> points, List<Summary> baselines,
        AmdahlFit amdahl, int cores, List<String> warnings, boolean complete) {

    /** A complete sweep's result. */
    public SweepResult(SweepSpec spec, List<RunRow> rows, List<SweepPoint> points, List<Summary> baselines,
            AmdahlFit amdahl, int cores, List<String> warnings) {
        this(spec, rows, points, baselines, amdahl, cores, warnings, true);
    }

    public SweepResult {
        rows = List.copyOf(rows);
        points = List.copyOf(points);
        baselines = List.copyOf(baselines);
        warnings = List.copyOf(warnings);
    }

    /** Whether every run's result was verified. */
    public boolean verified() {
        return points.stream().allMatch(SweepPoint::verified);
    }
}
