package org.poolscope.chart;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;

/**
 * Speedup against the number of tasks the same work is split into (log axis), one line per worker
 * count: too few tasks leave workers idle, too many drown the work in scheduling overhead, and the
 * curve's hump shows where this executor's sweet spot lies. A dashed S = 1 marks where running in
 * parallel stops paying at all.
 *
 * <h2>Datasets</h2>
 * Dataset 0: one {@link YIntervalSeries} per worker count, keyed {@code N = 4}, in the sweep's
 * worker order; dataset 1: {@link #SEQUENTIAL}.
 *
 * <h2>Threads</h2>
 * Build on any thread; afterwards the chart belongs to the thread that shows it.
 */
public final class GranularityChart {

    public static final String SEQUENTIAL = "sequential S = 1";

    private GranularityChart() {
    }

    /** The key of the series for {@code workers}. */
    public static String seriesKey(int workers) {
        return "N = " + workers;
    }

    /** @param caption the environment line drawn small at the bottom, or null */
    public static JFreeChart create(SweepResult result, String caption) {
        YIntervalSeriesCollection measured = new YIntervalSeriesCollection();
        for (int workers : result.spec().workers()) {
            YIntervalSeries series = Charts.interval(seriesKey(workers));
            result.points().stream().filter(p -> p.workers() == workers)
                    .sorted(Comparator.comparingInt(SweepPoint::tasks))
                    .forEach(p -> Charts.add(series, p.tasks(), p.speedup(), p.speedupMin(), p.speedupMax()));
            measured.addSeries(series);
        }
        XYErrorRenderer measuredRenderer = Charts.measuredRenderer(measured);
        for (int s = 0; s < measured.getSeriesCount(); s++) {
            measuredRenderer.setSeriesPaint(s, Palette.series(s));
        }
        List<Integer> tasks = result.spec().tasks().stream().sorted().toList();
        XYSeries sequential = new XYSeries(SEQUENTIAL);
        Charts.add(sequential, tasks.getFirst(), 1.0);
        Charts.add(sequential, tasks.getLast(), 1.0);
        XYSeriesCollection references = new XYSeriesCollection(sequential);
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(true, false);
        Charts.dashed(referenceRenderer, 0, Palette.IDEAL);

        LogAxis taskAxis = new LogAxis("tasks T (log scale)");
        taskAxis.setBase(10);
        taskAxis.setSmallestValue(1);
        NumberFormat whole = NumberFormat.getIntegerInstance(Locale.ROOT);
        whole.setGroupingUsed(true);
        taskAxis.setNumberFormatOverride(whole);
        // Decades only: the automatic unit adds half-decades labelled 3, 32, 316 …
        taskAxis.setTickUnit(new NumberTickUnit(1), false, false);
        taskAxis.setAutoTickUnitSelection(false);
        taskAxis.setMinorTickCount(9);
        taskAxis.setMinorTickMarksVisible(true);
        taskAxis.setLowerMargin(0.06);
        taskAxis.setUpperMargin(0.06);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(taskAxis);
        plot.setRangeAxis(Charts.valueAxis("speedup S = T(1) / T(N)"));
        plot.setDataset(0, measured);
        plot.setRenderer(0, measuredRenderer);
        plot.setDataset(1, references);
        plot.setRenderer(1, referenceRenderer);

        List<String> notes = new ArrayList<>();
        if (!result.spec().isGranularity()) {
            notes.add("One task count only: sweep several task counts to see granularity");
        }
        return Charts.chart("Granularity · " + Charts.subject(result.spec(), false), plot, result.warnings(), notes,
                caption);
    }
}
