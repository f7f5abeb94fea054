package org.poolscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.poolscope.engine.RunResult;
import org.poolscope.workload.FilterJob;
import org.poolscope.workload.FilterWorkload;

/**
 * The filter chart of {@link ResultsChart}: over a window of input samples, the raw signal and the
 * filtered output, each output drawn at the centre of its 'valid' window (output i covers inputs
 * i … i + K − 1, so it sits at i + (K − 1) / 2), with the chunks' first outputs marked.
 *
 * <p>Without a halo (the course's chunking) the output array is what the course concatenates: it
 * is drawn where the course would put it, index by index, next to the sequential filter, and the
 * error between the two at each position is what the verification counts as mismatched. Each
 * boundary loses K − 1 outputs, so from the first boundary on the course's output is the filter of
 * samples K − 1 further on per boundary, and the error starts there.
 *
 * <p>Stateless; the building thread.
 */
final class FilterResults {

    /** The input: neutral grey, readable on both themes, behind the results. */
    static final Color RAW = new Color(0x8C, 0x95, 0x9F, 130);
    private static final Color BOUNDARY = new Color(0x8C959F);
    private static final Stroke RAW_STROKE = new BasicStroke(1f);
    private static final Stroke BOUNDARY_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            1f, new float[] {4f, 4f}, 0f);
    private static final Shape LEGEND_LINE = new Line2D.Double(-10, 0, 10, 0);
    /** More markers than this go unlabelled: their labels would overlap. */
    static final int MAX_LABELLED_BOUNDARIES = 12;

    private FilterResults() {
    }

    static JFreeChart create(RunResult run, FilterJob job, int fromSample, int count, String caption) {
        FilterWorkload w = (FilterWorkload) job.workload();
        int length = w.length();
        int from = Math.clamp(fromSample, 0, length - 1);
        int to = (int) Math.min(length, Math.max(from, (long) fromSample + count));
        if (count < 1 || to <= from) {
            throw new IllegalArgumentException("the window [" + fromSample + ", " + ((long) fromSample + count)
                    + ") holds no sample of the " + length + " in the signal");
        }
        double centre = (w.k() - 1) / 2.0;
        boolean noHalo = w.halo() == FilterWorkload.Halo.NONE;
        int stride = FloatSignalDataset.strideFor(to - from, ResultsChart.MAX_SIGNAL_ITEMS);

        FloatBuffer output = job.output();
        // Outputs j whose centre j + (K-1)/2 falls in [from, to).
        int jFrom = (int) Math.clamp((long) Math.ceil(from - centre), 0, output.limit());
        int jTo = (int) Math.clamp((long) Math.ceil(to - centre), jFrom, output.limit());

        List<FloatSignalDataset.Trace> traces = new ArrayList<>();
        traces.add(FloatSignalDataset.Trace.of(ResultsChart.SIGNAL, job.signal(), from, to - from, 0)
                .withStride(stride));
        traces.add(FloatSignalDataset.Trace.of(ResultsChart.OUTPUT, output, jFrom, jTo - jFrom, centre)
                .withStride(stride));
        if (noHalo) {
            FloatBuffer reference = job.reference();
            int rTo = Math.min(jTo, reference.limit());
            traces.add(FloatSignalDataset.Trace.of(ResultsChart.REFERENCE, reference, Math.min(jFrom, rTo),
                    rTo - Math.min(jFrom, rTo), centre).withStride(stride));
            float[] error = error(output, reference, jFrom, Math.min(jTo, reference.limit()));
            traces.add(FloatSignalDataset.Trace.of(ResultsChart.ERROR, error, 0, error.length, jFrom + centre)
                    .withStride(stride));
        }
        FloatSignalDataset data = new FloatSignalDataset(traces);

        SamplingXYLineRenderer renderer = new SignalRenderer();
        renderer.setDefaultLegendShape(LEGEND_LINE);
        renderer.setSeriesPaint(0, RAW);
        renderer.setSeriesStroke(0, RAW_STROKE);
        renderer.setSeriesPaint(1, Palette.MEASURED);
        renderer.setSeriesStroke(1, Charts.MEASURED_STROKE);
        if (noHalo) {
            renderer.setSeriesPaint(2, Palette.IDEAL);
            renderer.setSeriesStroke(2, Charts.DASHED_STROKE);
            renderer.setSeriesPaint(3, Palette.FAILED);
            renderer.setSeriesStroke(3, Charts.CURVE_STROKE);
        }

        NumberAxis sampleAxis = new NumberAxis("input sample index (outputs at the centre of their window)");
        sampleAxis.setAutoRangeIncludesZero(false);
        sampleAxis.setLowerMargin(0);
        sampleAxis.setUpperMargin(0);
        sampleAxis.setRange(from, Math.max(to - 1, from + 1));
        NumberAxis valueAxis = new NumberAxis("sample value");
        valueAxis.setAutoRangeIncludesZero(true);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(sampleAxis);
        plot.setRangeAxis(valueAxis);
        plot.setDataset(ResultsChart.FILTER_SIGNALS, data);
        plot.setRenderer(ResultsChart.FILTER_SIGNALS, renderer);
        // Later series over earlier ones: the raw signal at the back.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        markBoundaries(plot, job.chunkStarts(), centre, from, to);

        List<String> notes = new ArrayList<>();
        if (noHalo) {
            notes.add(String.format(Locale.ROOT, "No halo: each chunk boundary drops K − 1 = %d outputs, so in"
                    + " chunk u the output at i filters the samples u × %d further on", w.k() - 1, w.k() - 1));
        }
        notes.add(ResultsChart.verdict(run));
        return Charts.chart("Signal and filtered output · " + run.spec().describe(), plot,
                ResultsChart.warnings(run), notes, caption);
    }

    /** {@code output[j] − reference[j]} for j in [from, to): position by position, as the verification compares. */
    static float[] error(FloatBuffer output, FloatBuffer reference, int from, int to) {
        float[] error = new float[Math.max(0, to - from)];
        for (int j = from; j < to; j++) {
            error[j - from] = output.get(j) - reference.get(j);
        }
        return error;
    }

    /** A dashed line at the centre of each chunk's first output inside the window, labelled when few. */
    private static void markBoundaries(XYPlot plot, int[] chunkStarts, double centre, int from, int to) {
        List<double[]> inside = new ArrayList<>();
        for (int u = 1; u < chunkStarts.length; u++) {
            double x = chunkStarts[u] + centre;
            if (x >= from && x < to) {
                inside.add(new double[] {u, x});
            }
        }
        for (double[] boundary : inside) {
            ValueMarker marker = new ValueMarker(boundary[1], BOUNDARY, BOUNDARY_STROKE);
            if (inside.size() <= MAX_LABELLED_BOUNDARIES) {
                marker.setLabel("chunk " + (int) boundary[0] + " ▸");
                marker.setLabelFont(ChartStyle.LEGEND_FONT);
                marker.setLabelPaint(BOUNDARY);
                marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            }
            plot.addDomainMarker(ResultsChart.FILTER_SIGNALS, marker, Layer.FOREGROUND, false);
        }
    }

    /** Draws each legend line in its series' stroke (the base renderer uses a hairline for all). */
    static final class SignalRenderer extends SamplingXYLineRenderer {

        @Override
        public LegendItem getLegendItem(int datasetIndex, int series) {
            LegendItem item = super.getLegendItem(datasetIndex, series);
            if (item != null) {
                item.setLineStroke(lookupSeriesStroke(series));
            }
            return item;
        }
    }
}
