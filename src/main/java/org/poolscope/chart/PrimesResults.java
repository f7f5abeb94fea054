package org.poolscope.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.poolscope.engine.RunResult;
import org.poolscope.workload.PrimesJob;
import org.poolscope.workload.PrimesWorkload;

/**
 * The primes chart of {@link ResultsChart}: primes per block as bars, each block's run time as a
 * line on the right axis, both from zero so their shapes compare. Above {@link ResultsChart#MAX_BARS}
 * blocks, neighbours share a bar (counts and times summed over the blocks of the bar); a bar with a
 * block that did not complete is left out rather than drawn short. Stateless; the building thread.
 */
final class PrimesResults {

    static final Color BARS = new Color(Palette.DONE.getRed(), Palette.DONE.getGreen(), Palette.DONE.getBlue(), 150);

    private PrimesResults() {
    }

    /** How many neighbouring blocks share a bar: 1 up to {@link ResultsChart#MAX_BARS} blocks. */
    static int blocksPerBar(int blocks) {
        return blocks > ResultsChart.MAX_BARS ? Math.ceilDiv(blocks, ResultsChart.TARGET_BARS) : 1;
    }

    static JFreeChart create(RunResult run, PrimesJob job, String caption) {
        int blocks = job.units();
        int per = blocksPerBar(blocks);
        int bars = Math.ceilDiv(blocks, per);
        BitSet done = run.timeline().completed();
        double[] ms = ResultsChart.taskMillis(run);

        double[][] counts = new double[6][bars];
        double[][] times = new double[2][bars];
        for (int b = 0; b < bars; b++) {
            int first = b * per;
            int end = Math.min(blocks, first + per);
            boolean complete = done.get(first, end).cardinality() == end - first;
            long count = 0;
            double time = 0;
            for (int u = first; u < end; u++) {
                count += job.count(u);
                time += ms[u];
            }
            double x = (first + end - 1) / 2.0;
            double y = complete ? count : Double.NaN;
            counts[0][b] = x;
            counts[1][b] = first - 0.5;
            counts[2][b] = end - 0.5;
            counts[3][b] = y;
            counts[4][b] = y;
            counts[5][b] = y;
            times[0][b] = x;
            times[1][b] = complete ? time : Double.NaN;
        }
        String countKey = per == 1 ? "primes per block" : "primes per " + per + " blocks";
        String timeKey = per == 1 ? "run time per block (ms)" : "run time of " + per + " blocks (ms)";
        DefaultIntervalXYDataset countData = new DefaultIntervalXYDataset();
        countData.addSeries(countKey, counts);
        DefaultXYDataset timeData = new DefaultXYDataset();
        if (run.timeline().recording()) {
            timeData.addSeries(timeKey, times);
        }

        XYBarRenderer bars0 = new XYBarRenderer(bars <= 40 ? 0.15 : 0.0);
        bars0.setBarPainter(new StandardXYBarPainter());
        bars0.setShadowVisible(false);
        bars0.setDrawBarOutline(false);
        // Translucent, so the time line in front reads on both themes.
        bars0.setSeriesPaint(0, BARS);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        Charts.solid(line, 0, Palette.MEASURED, bars <= 60);

        NumberAxis blockAxis = new NumberAxis(per == 1 ? "block (task id): numbers 2 … n split in order"
                : "block (task id), " + per + " to a bar: numbers 2 … n split in order");
        blockAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        blockAxis.setAutoRangeIncludesZero(false);
        blockAxis.setLowerMargin(0.01);
        blockAxis.setUpperMargin(0.01);
        NumberAxis timeAxis = Charts.valueAxis(
                per == 1 ? "run time per block (ms, wall clock)" : "run time per bar (ms, wall clock)");

        String offTheAxis = null;
        double top = robustTop(times[1]);
        if (Double.isFinite(top)) {
            // A block whose worker lost its core for a few milliseconds would set the scale and flatten
            // the trend the chart is about: scale to the typical blocks and say what runs off the top.
            timeAxis.setRange(0, top);
            double highest = Arrays.stream(times[1]).filter(Double::isFinite).max().orElse(top);
            long over = Arrays.stream(times[1]).filter(t -> t > top).count();
            offTheAxis = String.format(Locale.ROOT, "%d %s off the time axis (up to %s): wall-clock time includes"
                    + " any wait for a core", over, over == 1 ? (per == 1 ? "block runs" : "bar runs")
                    : (per == 1 ? "blocks run" : "bars run"), ResultsChart.millis(highest));
        }

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(blockAxis);
        plot.setRangeAxis(0, Charts.valueAxis(per == 1 ? "primes per block" : "primes per bar"));
        plot.setRangeAxis(1, timeAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(ResultsChart.PRIMES_COUNTS, countData);
        plot.setRenderer(ResultsChart.PRIMES_COUNTS, bars0);
        plot.setDataset(ResultsChart.PRIMES_TIMES, timeData);
        plot.setRenderer(ResultsChart.PRIMES_TIMES, line);
        plot.mapDatasetToRangeAxis(ResultsChart.PRIMES_TIMES, 1);
        // The line on top of the bars.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        List<String> notes = new ArrayList<>();
        // The verdict names the count and the sum.
        notes.add(ResultsChart.verdict(run));
        String lesson = lesson(counts[3], times[1], per, ((PrimesWorkload) job.workload()).kernel());
        if (lesson != null) {
            notes.add(lesson);
        }
        if (offTheAxis != null) {
            notes.add(offTheAxis);
        }
        return Charts.chart("Primes per block and time per block · " + run.spec().describe(), plot,
                ResultsChart.warnings(run), notes, caption);
    }

    /**
     * The top of the time axis when a few outliers would otherwise squash the rest: twice the 90th
     * percentile when the largest time is more than three times it; NaN (automatic range) otherwise.
     */
    static double robustTop(double[] times) {
        double[] finite = Arrays.stream(times).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 5) {
            return Double.NaN;
        }
        double p90 = finite[(int) Math.ceil(0.9 * finite.length) - 1];
        return p90 > 0 && finite[finite.length - 1] > 3 * p90 ? 2 * p90 : Double.NaN;
    }

    /** The first and last bars compared, when both are there: the imbalance in one sentence. */
    static String lesson(double[] counts, double[] millis, int per, PrimesWorkload.Kernel kernel) {
        int last = counts.length - 1;
        if (last < 1 || !(counts[0] > 0) || !(millis[0] > 0) || !Double.isFinite(counts[last])
                || !Double.isFinite(millis[last])) {
            return null;
        }
        String what = per == 1 ? "block" : "bar";
        String sentence = String.format(Locale.ROOT, "Last %s: %.2f× the primes of the first, in %.2f× its time",
                what, counts[last] / counts[0], millis[last] / millis[0]);
        return kernel == PrimesWorkload.Kernel.TRIAL
                ? sentence + " (is_prime(x) tries divisors up to √x: later numbers cost more)"
                : sentence;
    }
}
