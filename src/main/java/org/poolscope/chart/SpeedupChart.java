package org.poolscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.poolscope.metrics.AmdahlFit;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;

/**
 * Speedup against workers for a sweep's first task count: the measured median with min–max bars,
 * the ideal S = N, the machine's ceiling (N copies of one unit: what this box allows), and the
 * Amdahl curve when the fit is valid. Past the cores the ceiling, not the ideal, is the honest
 * yardstick, which is why both are drawn.
 *
 * <h2>Datasets</h2>
 * Dataset {@value #MEASURED_DATASET} is a {@link YIntervalSeriesCollection} with the one series
 * {@link #MEASURED}; dataset {@value #REFERENCE_DATASET} is an {@link XYSeriesCollection} with
 * {@link #IDEAL}, {@link #CEILING} and, when the fit is valid, {@link #AMDAHL} (a key that starts
 * with that text and names f). Otherwise a note under the title says why there is no curve.
 *
 * <h2>Threads</h2>
 * Build on any thread; afterwards the chart belongs to the thread that shows it.
 */
public final class SpeedupChart {

    public static final int MEASURED_DATASET = 0;
    public static final int REFERENCE_DATASET = 1;
    public static final String MEASURED = "measured (median, min–max)";
    public static final String IDEAL = "ideal S = N";
    public static final String CEILING = "machine ceiling";
    public static final String AMDAHL = "Amdahl fit";
    /** Samples of the Amdahl curve between the smallest and largest worker count. */
    static final int CURVE_SAMPLES = 120;

    private SpeedupChart() {
    }

    /**
     * @param result  a finished sweep
     * @param caption the environment line drawn small at the bottom ({@code Environment.caption()}), or null
     */
    public static JFreeChart create(SweepResult result, String caption) {
        List<SweepPoint> points = Charts.firstTaskCount(result);

        YIntervalSeries measured = Charts.interval(MEASURED);
        XYSeries ideal = new XYSeries(IDEAL);
        XYSeries ceiling = new XYSeries(CEILING);
        for (SweepPoint p : points) {
            Charts.add(measured, p.workers(), p.speedup(), p.speedupMin(), p.speedupMax());
            Charts.add(ideal, p.workers(), p.workers());
            Charts.add(ceiling, p.workers(), p.ceiling().median());
        }
        YIntervalSeriesCollection measuredData = new YIntervalSeriesCollection();
        measuredData.addSeries(measured);

        XYSeriesCollection references = new XYSeriesCollection();
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(true, true);
        references.addSeries(ideal);
        Charts.dashed(referenceRenderer, 0, Palette.IDEAL);
        if (ceiling.getItemCount() > 0) {
            references.addSeries(ceiling);
            Charts.solid(referenceRenderer, references.getSeriesCount() - 1, Palette.CEILING, true);
        }
        List<String> notes = new ArrayList<>();
        AmdahlFit fit = result.amdahl();
        if (fit.valid() && !points.isEmpty()) {
            references.addSeries(amdahlCurve(fit, points.getFirst().workers(), points.getLast().workers()));
            Charts.solid(referenceRenderer, references.getSeriesCount() - 1, Palette.AMDAHL, false);
        } else {
            notes.add("No Amdahl curve: " + fit.reason());
        }

        NumberAxis speedup = Charts.valueAxis("speedup S = T(1) / T(N)");
        int maxWorkers = points.isEmpty() ? 1 : points.getLast().workers();
        if (maxWorkers > result.cores()) {
            // Far past the cores the ideal line would squash every measured point against the axis:
            // scale to what this machine can show, and let the ideal and Amdahl lines leave at the top.
            speedup.setRange(0, visibleTop(measured, ceiling, result.cores()));
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(Charts.workersAxis());
        plot.setRangeAxis(speedup);
        plot.setDataset(MEASURED_DATASET, measuredData);
        plot.setRenderer(MEASURED_DATASET, Charts.measuredRenderer(measuredData));
        plot.getRenderer(MEASURED_DATASET).setSeriesPaint(0, Palette.MEASURED);
        plot.setDataset(REFERENCE_DATASET, references);
        plot.setRenderer(REFERENCE_DATASET, referenceRenderer);
        return Charts.chart("Speedup · " + Charts.subject(result.spec(), true), plot, result.warnings(), notes,
                caption);
    }

    /** Room above the highest measured bar, the ceiling and S = cores. */
    static double visibleTop(YIntervalSeries measured, XYSeries ceiling, int cores) {
        double top = Math.max(cores, 1);
        for (int i = 0; i < measured.getItemCount(); i++) {
            top = Math.max(top, measured.getYHighValue(i));
        }
        if (ceiling.getItemCount() > 0) {
            top = Math.max(top, ceiling.getMaxY());
        }
        return top * 1.25;
    }

    /** The fitted S(N) sampled densely from {@code from} to {@code to} workers, keyed with its serial fraction. */
    static XYSeries amdahlCurve(AmdahlFit fit, int from, int to) {
        XYSeries curve = new XYSeries(String.format(Locale.ROOT, "%s (serial fraction f = %.3f)", AMDAHL,
                fit.serialFraction()));
        double step = (double) (to - from) / CURVE_SAMPLES;
        for (int i = 0; i <= CURVE_SAMPLES; i++) {
            double n = from + i * step;
            Charts.add(curve, n, fit.speedup(n));
        }
        return curve;
    }
}
