package org.poolscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.poolscope.engine.RunResult;
import org.poolscope.workload.ContentionWorkload;

/**
 * The contention chart of {@link ResultsChart}: how long each task took to make its increments of
 * the shared counter, as a histogram with the median marked, under a headline with the counter's
 * throughput (count ÷ wall) and its lock kind. Every task does the same work, so the spread and the
 * median show what fighting over one counter costs; run again with more workers to see them grow.
 * Stateless; the building thread.
 */
final class ContentionResults {

    private static final Color MEDIAN = Palette.ORANGE;

    private ContentionResults() {
    }

    /** Increments per second: the final count over the wall time, NaN without a wall time. */
    static double throughput(RunResult run) {
        long count = run.result().values().getOrDefault("count", 0L);
        return run.wallNanos() > 0 ? count / (run.wallNanos() / 1e9) : Double.NaN;
    }

    /** Enough bins to show a shape (8 for 16 tasks), at most 40. */
    static int bins(int values) {
        return Math.clamp((int) Math.ceil(2 * Math.sqrt(values)), 4, 40);
    }

    static JFreeChart create(RunResult run, ContentionWorkload c, String caption) {
        double[] ms = Arrays.stream(ResultsChart.taskMillis(run)).filter(Double::isFinite).toArray();
        HistogramDataset histogram = new HistogramDataset();
        double median = Double.NaN;
        if (ms.length > 0) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            double lo = sorted[0];
            double hi = sorted[sorted.length - 1];
            if (hi <= lo) {
                hi = lo + Math.max(lo * 0.01, 1e-3);
            }
            histogram.addSeries(ResultsChart.TASK_TIMES, ms, bins(ms.length), lo, hi);
        }
        XYBarRenderer bars = new XYBarRenderer(0.04);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, Palette.MEASURED);

        NumberAxis time = new NumberAxis("run time per task (ms): each makes " + ResultsChart.whole(c.increments())
                + " increments");
        time.setAutoRangeIncludesZero(true);
        time.setUpperMargin(0.04);
        NumberAxis tasks = Charts.valueAxis("tasks");
        tasks.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setRangeAxis(tasks);
        plot.setDataset(ResultsChart.CONTENTION_TIMES, histogram);
        plot.setRenderer(ResultsChart.CONTENTION_TIMES, bars);
        plot.setNoDataMessage("No per-task times: the run was not recorded");
        if (Double.isFinite(median)) {
            ValueMarker marker = new ValueMarker(median, MEDIAN, new BasicStroke(2f));
            marker.setLabel("median " + ResultsChart.millis(median));
            marker.setLabelFont(ChartStyle.LEGEND_FONT);
            marker.setLabelPaint(MEDIAN);
            marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            plot.addDomainMarker(0, marker, Layer.FOREGROUND, false);
        }

        List<String> notes = new ArrayList<>();
        long count = run.result().values().getOrDefault("count", 0L);
        notes.add(run.spec().describe() + ": count " + ResultsChart.whole(count) + " in " + ResultsChart.millis(run.wallMillis()) + " of wall time");
        notes.add(ResultsChart.verdict(run));
        String title = "Counter throughput, " + lockName(c.lock()) + ": " + ResultsChart.rate(throughput(run))
                + " increments/s · time per task";
        return Charts.chart(title, plot, ResultsChart.warnings(run), notes, caption);
    }

    /** {@code long-adder}, as the CLI spells it. */
    static String lockName(ContentionWorkload.LockKind lock) {
        return lock.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
