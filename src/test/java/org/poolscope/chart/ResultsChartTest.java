package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.Timeline;
import org.poolscope.workload.FilterJob;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.PrimesJob;
import org.poolscope.workload.PrimesWorkload;

class ResultsChartTest {

    private static final String CAPTION = ResultsFixtures.CAPTION;

    // ------------------------------------------------------------------ primes

    @Test
    void primesBarsAreEachBlocksCountAndTheLineItsRunTime() {
        RunResult run = ResultsFixtures.primes();
        PrimesJob job = (PrimesJob) run.job();
        JFreeChart chart = ResultsChart.create(run, CAPTION);
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset counts = (IntervalXYDataset) plot.getDataset(ResultsChart.PRIMES_COUNTS);
        XYDataset times = plot.getDataset(ResultsChart.PRIMES_TIMES);
        double[] ms = ResultsChart.taskMillis(run);

        assertThat(counts.getItemCount(0)).isEqualTo(16);
        assertThat(times.getItemCount(0)).isEqualTo(16);
        for (int u = 0; u < 16; u++) {
            assertThat(counts.getXValue(0, u)).isEqualTo(u);
            assertThat(counts.getStartXValue(0, u)).isEqualTo(u - 0.5);
            assertThat(counts.getEndXValue(0, u)).isEqualTo(u + 0.5);
            assertThat(counts.getYValue(0, u)).isEqualTo(job.count(u));
            Timeline t = run.timeline();
            assertThat(times.getYValue(0, u)).isEqualTo((t.endNanos(u) - t.startNanos(u)) / 1e6).isEqualTo(ms[u])
                    .isPositive();
        }
        // The time axis is the second one, on the right.
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(ResultsChart.PRIMES_TIMES))).isEqualTo(1);
        assertThat(chart.getTitle().getText())
                .startsWith("Primes per block and time per block · primes trial n=200000");
        assertThat(SpeedupChartTest.texts(chart, RectangleEdge.TOP))
                .anyMatch(s -> s.startsWith("✓ verified: pi(200000) = 17984"))
                .anyMatch(s -> s.startsWith("Last block: ") && s.contains("√x"));
        assertThat(SpeedupChartTest.texts(chart, RectangleEdge.BOTTOM)).containsExactly(CAPTION);
    }

    @Test
    void manyBlocksAreBinnedAndEachBarSumsItsBlocks() {
        RunResult run = ResultsFixtures.run(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 200_000),
                ExecutorKind.FIXED, 2, 1000);
        PrimesJob job = (PrimesJob) run.job();
        IntervalXYDataset counts = (IntervalXYDataset) ResultsChart.create(run, null).getXYPlot()
                .getDataset(ResultsChart.PRIMES_COUNTS);
        assertThat(PrimesResults.blocksPerBar(1000)).isEqualTo(10);
        assertThat(PrimesResults.blocksPerBar(ResultsChart.MAX_BARS)).isEqualTo(1);
        assertThat(counts.getItemCount(0)).isEqualTo(100);
        assertThat((String) counts.getSeriesKey(0)).isEqualTo("primes per 10 blocks");
        long total = 0;
        for (int b = 0; b < 100; b++) {
            long expected = 0;
            for (int u = 10 * b; u < 10 * b + 10; u++) {
                expected += job.count(u);
            }
            assertThat(counts.getYValue(0, b)).isEqualTo(expected);
            assertThat(counts.getStartXValue(0, b)).isEqualTo(10 * b - 0.5);
            assertThat(counts.getEndXValue(0, b)).isEqualTo(10 * b + 9.5);
            total += expected;
        }
        assertThat(total).isEqualTo(17_984);
    }

    @Test
    void withTrialDivisionTheLastBlockHoldsFewerPrimesYetTakesLonger() {
        // One worker, so every block runs alone; the warm-up run compiles the kernel first. n is larger
        // than elsewhere so that a block takes milliseconds, far above a shared core's hiccups.
        RunResult run = ResultsFixtures.warm(new RunSpec(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 500_000),
                ExecutorKind.FIXED, 1, 8, true));
        XYPlot plot = ResultsChart.create(run, null).getXYPlot();
        XYDataset counts = plot.getDataset(ResultsChart.PRIMES_COUNTS);
        XYDataset times = plot.getDataset(ResultsChart.PRIMES_TIMES);
        assertThat(counts.getYValue(0, 7)).isLessThan(counts.getYValue(0, 0));
        assertThat(times.getYValue(0, 7)).isGreaterThan(times.getYValue(0, 0));
    }

    @Test
    void aFewSlowOutliersDoNotSetTheTimeScale() {
        double[] trend = {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9};
        assertThat(PrimesResults.robustTop(trend)).isNaN();
        double[] spiked = trend.clone();
        spiked[4] = 20;
        // p90 of the ten is 1.9: the spike is beyond 3 × 1.9, so the axis ends at 3.8.
        assertThat(PrimesResults.robustTop(spiked)).isEqualTo(3.8);
        assertThat(PrimesResults.robustTop(new double[] {1, 50, Double.NaN})).isNaN();
    }

    @Test
    void failedBlocksLeaveGapsAndAWarning() {
        RunResult run = ResultsFixtures.withFaults(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 50_000), 16, 0.3);
        assertThat(run.failed()).isPositive();
        JFreeChart chart = ResultsChart.create(run, null);
        XYDataset counts = chart.getXYPlot().getDataset(ResultsChart.PRIMES_COUNTS);
        for (int u : run.missingUnits()) {
            assertThat(counts.getYValue(0, u)).isNaN();
        }
        List<String> top = SpeedupChartTest.texts(chart, RectangleEdge.TOP);
        assertThat(top).anyMatch(s -> s.startsWith("⚠ " + run.missingUnits().length
                + " of 16 tasks did not complete (" + run.failed() + " failed, 0 cancelled): unit"));
        assertThat(top).anyMatch(s -> s.startsWith("✗ not verified: partial"));
    }

    @Test
    void withoutRecordingThereAreCountsButNoTimes() {
        RunResult run = ResultsFixtures.run(new RunSpec(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 20_000),
                ExecutorKind.FIXED, 2, 8, false));
        JFreeChart chart = ResultsChart.create(run, null);
        assertThat(chart.getXYPlot().getDataset(ResultsChart.PRIMES_COUNTS).getItemCount(0)).isEqualTo(8);
        assertThat(chart.getXYPlot().getDataset(ResultsChart.PRIMES_TIMES).getSeriesCount()).isZero();
        assertThat(SpeedupChartTest.texts(chart, RectangleEdge.TOP)).anyMatch(s -> s.contains("no per-task times"));
    }

    // ------------------------------------------------------------------ filter

    @Test
    void filterShowsTheSignalAndTheOutputAtTheCentreOfItsWindow() {
        RunResult run = ResultsFixtures.filterHalo();
        FilterJob job = (FilterJob) run.job();
        int[] window = ResultsChart.defaultFilterWindow(run);
        // 16 chunks of the 49 900 outputs: the first boundary is at 3118, its centre at 3168.
        assertThat(job.chunkStarts()[1]).isEqualTo(3118);
        assertThat(window).containsExactly(3168 - 2500, 5000);

        FloatSignalDataset data = signals(ResultsChart.create(run, CAPTION));
        assertThat(data.keys()).containsExactly(ResultsChart.SIGNAL, ResultsChart.OUTPUT);
        FloatBuffer signal = job.signal();
        FloatBuffer output = job.output();
        assertThat(data.getItemCount(0)).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(data.getXValue(0, i)).isEqualTo(668 + i);
            assertThat(data.getYValue(0, i)).isEqualTo(signal.get(668 + i));
        }
        // Outputs j with j + 50 in [668, 5668): j = 618 .. 5617.
        assertThat(data.getItemCount(1)).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(data.getXValue(1, i)).isEqualTo(618 + i + 50);
            assertThat(data.getYValue(1, i)).isEqualTo(output.get(618 + i));
        }
        assertThat(markers(ResultsChart.create(run, null))).extracting(ValueMarker::getValue).containsExactly(3168.0);
    }

    @Test
    void withoutAHaloTheErrorIsZeroBeforeTheFirstBoundaryAndNotAfterIt() {
        RunResult run = ResultsFixtures.filterNoHalo();
        FilterJob job = (FilterJob) run.job();
        FloatSignalDataset data = signals(ResultsChart.create(run, CAPTION));
        assertThat(data.keys()).containsExactly(ResultsChart.SIGNAL, ResultsChart.OUTPUT, ResultsChart.REFERENCE,
                ResultsChart.ERROR);
        FloatBuffer output = job.output();
        FloatBuffer reference = job.reference();
        double boundary = job.chunkStarts()[1] + 50;
        int zeroBefore = 0;
        int nonZeroAfter = 0;
        for (int i = 0; i < data.getItemCount(3); i++) {
            double x = data.getXValue(3, i);
            int j = (int) (x - 50);
            assertThat(data.getYValue(3, i)).isEqualTo(output.get(j) - reference.get(j));
            assertThat(data.getYValue(2, i)).isEqualTo(reference.get(j));
            if (x < boundary) {
                assertThat(data.getYValue(3, i)).as("error at %s", x).isZero();
                zeroBefore++;
            } else if (x < boundary + 101 && data.getYValue(3, i) != 0) {
                nonZeroAfter++;
            }
        }
        assertThat(zeroBefore).isGreaterThan(2000);
        assertThat(nonZeroAfter).isGreaterThan(90);
        assertThat(run.verification().details().get("mismatched")).isPositive();
        assertThat(SpeedupChartTest.texts(ResultsChart.create(run, null), RectangleEdge.TOP))
                .anyMatch(s -> s.startsWith("No halo: each chunk boundary drops K − 1 = 100 outputs"))
                .anyMatch(s -> s.startsWith("✗ not verified: course chunking (no halo): 1500 samples missing"));
    }

    @Test
    void aChosenWindowIsClippedToTheSignalAndMarksEveryBoundaryInIt() {
        RunResult run = ResultsFixtures.filterNoHalo();
        FilterJob job = (FilterJob) run.job();
        JFreeChart chart = ResultsChart.filterWindow(run, 45_000, 10_000);
        FloatSignalDataset data = signals(chart);
        assertThat(data.getItemCount(0)).isEqualTo(5_000);
        assertThat(data.getXValue(0, 0)).isEqualTo(45_000);
        // The course's output is 1500 samples shorter than the sequential one: it ends that much earlier.
        int outputs = job.output().limit();
        assertThat(outputs).isEqualTo(50_000 - 100 - 1500);
        assertThat(data.getItemCount(1)).isEqualTo(outputs - (45_000 - 50));
        assertThat(chart.getXYPlot().getDomainAxis().getLowerBound()).isEqualTo(45_000);

        JFreeChart whole = ResultsChart.filterWindow(run, 0, 50_000);
        // 15 boundaries: too many to label, all marked.
        assertThat(markers(whole)).hasSize(15).allMatch(m -> m.getLabel() == null);
        assertThat(signals(whole).getItemCount(0)).isEqualTo(50_000);

        assertThatThrownBy(() -> ResultsChart.filterWindow(run, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultsChart.filterWindow(ResultsFixtures.io(), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a filter run");
    }

    // ------------------------------------------------------------------ io and contention

    @Test
    void ioConcurrencyNeverExceedsTheWorkersAndAddsUpToTheTasksTime() {
        RunResult run = ResultsFixtures.io();
        XYPlot plot = ResultsChart.create(run, CAPTION).getXYPlot();
        XYDataset running = plot.getDataset(ResultsChart.IO_RUNNING);
        XYDataset workers = plot.getDataset(ResultsChart.IO_WORKERS);
        assertThat(workers.getYValue(0, 0)).isEqualTo(4);
        int items = running.getItemCount(0);
        double area = 0;
        int peak = 0;
        for (int i = 0; i < items; i++) {
            double c = running.getYValue(0, i);
            assertThat(c).isBetween(0.0, 4.0);
            peak = Math.max(peak, (int) c);
            if (i + 1 < items) {
                assertThat(running.getXValue(0, i + 1)).isGreaterThan(running.getXValue(0, i));
                area += c * (running.getXValue(0, i + 1) - running.getXValue(0, i));
            }
        }
        assertThat(peak).isPositive();
        assertThat(running.getYValue(0, items - 1)).isZero();
        // The area under the step line is the tasks' summed run time.
        double busy = java.util.Arrays.stream(ResultsChart.taskMillis(run)).sum();
        assertThat(area).isCloseTo(busy, within(1e-6 * busy));
        assertThat(busy).isGreaterThanOrEqualTo(32 * 5.0);
    }

    @Test
    void contentionHeadlineIsTheThroughputByLockKindOverAHistogramOfTaskTimes() {
        RunResult run = ResultsFixtures.contention();
        JFreeChart chart = ResultsChart.create(run, CAPTION);
        IntervalXYDataset histogram = (IntervalXYDataset) chart.getXYPlot().getDataset(ResultsChart.CONTENTION_TIMES);
        int tasks = 0;
        for (int i = 0; i < histogram.getItemCount(0); i++) {
            tasks += (int) histogram.getYValue(0, i);
        }
        assertThat(tasks).isEqualTo(16);
        double[] ms = ResultsChart.taskMillis(run);
        assertThat(histogram.getStartXValue(0, 0)).isEqualTo(java.util.Arrays.stream(ms).min().orElseThrow());
        assertThat(ContentionResults.throughput(run)).isEqualTo(160_000 / (run.wallNanos() / 1e9));
        assertThat(chart.getTitle().getText()).startsWith("Counter throughput, long-adder: ")
                .contains(" increments/s");
        assertThat(markers(chart)).singleElement().satisfies(m -> assertThat(m.getLabel()).startsWith("median "));
    }

    @Test
    void everyChartIsStyledLikeTheOthersAndTakesTheDarkTheme() {
        for (RunResult run : List.of(ResultsFixtures.primes(), ResultsFixtures.filterNoHalo(), ResultsFixtures.io(),
                ResultsFixtures.contention())) {
            JFreeChart chart = ResultsChart.create(run, CAPTION);
            assertThat(chart.getBackgroundPaint()).isEqualTo(Palette.LIGHT.background());
            assertThat(chart.getLegend().getPosition()).isEqualTo(RectangleEdge.BOTTOM);
            assertThat(chart.getTitle().getFont()).isEqualTo(ChartStyle.TITLE_FONT);
            ChartStyle.apply(chart, true);
            assertThat(chart.getXYPlot().getBackgroundPaint()).isEqualTo(Palette.DARK.background());
            assertThat(chart.getXYPlot().getRangeAxis().getTickLabelPaint()).isEqualTo(Palette.DARK.mutedText());
        }
    }

    private static FloatSignalDataset signals(JFreeChart chart) {
        return (FloatSignalDataset) chart.getXYPlot().getDataset(ResultsChart.FILTER_SIGNALS);
    }

    private static List<ValueMarker> markers(JFreeChart chart) {
        Collection<?> markers = chart.getXYPlot().getDomainMarkers(0, Layer.FOREGROUND);
        return markers == null ? List.of() : markers.stream().map(ValueMarker.class::cast).toList();
    }
}
