package org.poolscope.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;

/**
 * Efficiency (speedup ÷ N) against workers for a sweep's first task count: measured with min–max
 * bars, the ideal 1, and the machine's ceiling ÷ N, which shows how much of the fall past the cores
 * is the machine's rather than the program's. The y axis runs from 0 to at least 1.1, so 1 is
 * always in view and charts of different sweeps compare at a glance.
 *
 * <h2>Datasets</h2>
 * Dataset 0: {@link #MEASURED} with intervals; dataset 1: {@link #IDEAL} and {@link #CEILING}.
 *
 * <h2>Threads</h2>
 * Build on any thread; afterwards the chart belongs to the thread that shows it.
 */
public final class EfficiencyChart {

    public static final String MEASURED = "measured (median, min–max)";
    public static final String IDEAL = "ideal E = 1";
    public static final String CEILING = "machine ceiling ÷ N";
    static final double Y_TOP = 1.1;

    private EfficiencyChart() {
    }

    /** @param caption the environment line drawn small at the bottom, or null */
    public static JFreeChart create(SweepResult result, String caption) {
        List<SweepPoint> points = Charts.firstTaskCount(result);
        YIntervalSeries measured = Charts.interval(MEASURED);
        XYSeries ideal = new XYSeries(IDEAL);
        XYSeries ceiling = new XYSeries(CEILING);
        double top = Y_TOP;
        for (SweepPoint p : points) {
            int n = p.workers();
            Charts.add(measured, n, p.efficiency(), p.speedupMin() / n, p.speedupMax() / n);
            Charts.add(ideal, n, 1.0);
            Charts.add(ceiling, n, p.ceiling().median() / n);
            top = Math.max(top, finite(p.speedupMax() / n) * 1.05);
            top = Math.max(top, finite(p.ceiling().median() / n) * 1.05);
        }
        YIntervalSeriesCollection measuredData = new YIntervalSeriesCollection();
        measuredData.addSeries(measured);
        XYSeriesCollection references = new XYSeriesCollection();
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(true, true);
        references.addSeries(ideal);
        Charts.dashed(referenceRenderer, 0, Palette.IDEAL);
        if (ceiling.getItemCount() > 0) {
            references.addSeries(ceiling);
            Charts.solid(referenceRenderer, 1, Palette.CEILING, true);
        }

        NumberAxis efficiency = Charts.valueAxis("efficiency E = S / N");
        efficiency.setRange(0, top);
        // Tenths or coarser read best on a ratio; the default units crowd in 0.05 steps.
        TickUnits ratios = new TickUnits();
        for (double unit : new double[] {0.1, 0.2, 0.25, 0.5, 1, 2, 5}) {
            ratios.add(new NumberTickUnit(unit));
        }
        efficiency.setStandardTickUnits(ratios);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.workersAxis());
        plot.setRangeAxis(efficiency);
        plot.setDataset(0, measuredData);
        plot.setRenderer(0, Charts.measuredRenderer(measuredData));
        plot.getRenderer(0).setSeriesPaint(0, Palette.MEASURED);
        plot.setDataset(1, references);
        plot.setRenderer(1, referenceRenderer);
        return Charts.chart("Efficiency · " + Charts.subject(result.spec(), true), plot, result.warnings(),
                List.of(), caption);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
