package org.poolscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;
import org.poolscope.metrics.SweepSpec;

/**
 * What the chart factories share: picking points, the workers axis, the line kinds (measured with
 * error bars, dashed reference, plain curve), notes under the title and the caption at the bottom.
 * Stateless; the thread that builds a chart.
 */
final class Charts {

    static final Stroke MEASURED_STROKE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke CURVE_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {7f, 5f}, 0f);
    static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);
    static final Shape SQUARE = new Rectangle2D.Double(-3.5, -3.5, 7, 7);

    private Charts() {
    }

    /** The sweep's points at its first task count, by worker count: the speedup and efficiency curves. */
    static List<SweepPoint> firstTaskCount(SweepResult result) {
        int tasks = result.spec().tasks().getFirst();
        return result.points().stream().filter(p -> p.tasks() == tasks)
                .sorted(Comparator.comparingInt(SweepPoint::workers)).toList();
    }

    /** {@code io latency=20ms · fixed · 64 tasks}: what every chart of the sweep is about. */
    static String subject(SweepSpec spec, boolean withTasks) {
        String s = spec.base().workload().describe() + " · " + spec.base().executor().cliName();
        return withTasks ? s + " · " + spec.tasks().getFirst() + " tasks" : s;
    }

    /** Workers on x: whole numbers only, from 0 so the ideal line visibly starts at the origin. */
    static NumberAxis workersAxis() {
        NumberAxis axis = new NumberAxis("workers N");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.04);
        return axis;
    }

    static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.06);
        return axis;
    }

    /** Measured medians joined by a line, each with its min–max bar. */
    static XYErrorRenderer measuredRenderer(YIntervalSeriesCollection data) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(8);
        r.setErrorStroke(new BasicStroke(1.5f));
        r.setDefaultShapesVisible(true);
        r.setDefaultLinesVisible(true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesStroke(s, MEASURED_STROKE);
            r.setSeriesShape(s, DOT);
        }
        return r;
    }

    /** One measured series of medians with min–max intervals; NaN medians are left out. */
    static YIntervalSeries interval(String key) {
        return new YIntervalSeries(key, true, false);
    }

    static void add(YIntervalSeries series, double x, double median, double min, double max) {
        if (Double.isFinite(median)) {
            series.add(x, median, finiteOr(min, median), finiteOr(max, median));
        }
    }

    static void add(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y, false);
        }
    }

    private static double finiteOr(double value, double otherwise) {
        return Double.isFinite(value) ? value : otherwise;
    }

    /** Styles series {@code s} of a line renderer as a dashed reference line (ideal, S = 1). */
    static void dashed(XYLineAndShapeRenderer r, int s, Color color) {
        r.setSeriesPaint(s, color);
        r.setSeriesStroke(s, DASHED_STROKE);
        r.setSeriesShapesVisible(s, false);
    }

    /** Styles series {@code s} as a solid line, with squares at the data points or as a smooth curve. */
    static void solid(XYLineAndShapeRenderer r, int s, Color color, boolean points) {
        r.setSeriesPaint(s, color);
        r.setSeriesStroke(s, CURVE_STROKE);
        r.setSeriesShapesVisible(s, points);
        r.setSeriesShape(s, SQUARE);
    }

    /**
     * A styled light chart with the legend, warnings and then notes under the title, and the caption
     * at the very bottom.
     */
    static JFreeChart chart(String title, XYPlot plot, List<String> warnings, List<String> notes, String caption) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        for (String warning : warnings) {
            chart.addSubtitle(note("⚠ " + warning, ChartStyle.WARNING_ID));
        }
        for (String note : notes) {
            chart.addSubtitle(note(note, ChartStyle.NOTE_ID));
        }
        if (caption != null && !caption.isBlank()) {
            TextTitle t = new TextTitle(caption, ChartStyle.CAPTION_FONT);
            t.setID(ChartStyle.CAPTION_ID);
            t.setPosition(RectangleEdge.BOTTOM);
            t.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            t.setPadding(new RectangleInsets(6, 4, 0, 4));
            // First in the list: subtitles take their space in order, so this one gets the bottom edge
            // and the legend sits above it, next to the plot.
            chart.addSubtitle(0, t);
        }
        return ChartStyle.apply(chart, false);
    }

    private static TextTitle note(String text, String id) {
        TextTitle t = new TextTitle(text, ChartStyle.NOTE_FONT);
        t.setID(id);
        t.setPosition(RectangleEdge.TOP);
        t.setPadding(new RectangleInsets(1, 4, 1, 4));
        return t;
    }
}
