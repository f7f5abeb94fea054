package org.poolscope.chart;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.DomainInfo;
import org.jfree.data.DomainOrder;
import org.jfree.data.Range;
import org.jfree.data.RangeInfo;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * Samples of float arrays as an {@link org.jfree.data.xy.XYDataset}, read where they lie: no copy,
 * no boxed item per sample. A signal of millions of samples as {@code XYSeries} would cost tens of
 * bytes a sample and a second to build; here a series is a view of a window of the array.
 *
 * <h2>Series</h2>
 * Each series is a {@link Trace}: the samples {@code from}, {@code from + stride}, … (its
 * {@code count} samples divided by the stride, rounded up), item i at x = {@code xOffset + from + i·stride}
 * and y = the sample. A stride above 1 decimates: keep it at 1 for anything up to a few hundred
 * thousand samples, since {@link org.jfree.chart.renderer.xy.SamplingXYLineRenderer} already draws only
 * each pixel column's extremes, and decimation drops them.
 *
 * <h2>Bounds</h2>
 * The x bounds follow from the traces; the y bounds are computed once, when the dataset is built,
 * so the axis does not iterate the samples on every layout. A buffer that changes afterwards (a
 * filter's output while its run is still going) shows its new values but keeps the old y bounds.
 *
 * <h2>Threads</h2>
 * Reads the buffers with absolute gets only, so several datasets may share one buffer. Build on any
 * thread; afterwards the thread that draws the chart.
 */
public final class FloatSignalDataset extends AbstractXYDataset implements DomainInfo, RangeInfo {

    /**
     * One series: {@code count} samples of {@code samples} from {@code from}, every {@code stride}-th
     * of them, at x = index + {@code xOffset}.
     */
    public record Trace(String key, FloatBuffer samples, int from, int count, double xOffset, int stride) {

        public Trace {
            if (key == null || samples == null) {
                throw new IllegalArgumentException("a trace needs a key and samples");
            }
            if (from < 0 || count < 0 || from > samples.limit() - count) {
                throw new IllegalArgumentException("samples [" + from + ", " + ((long) from + count)
                        + ") are not within the " + samples.limit() + " samples of " + key);
            }
            if (stride < 1) {
                throw new IllegalArgumentException("stride must be at least 1 (was " + stride + ")");
            }
        }

        /** Every sample of {@code [from, from + count)} of an array. */
        public static Trace of(String key, float[] samples, int from, int count, double xOffset) {
            return new Trace(key, FloatBuffer.wrap(samples), from, count, xOffset, 1);
        }

        /** Every sample of {@code [from, from + count)} of a buffer. */
        public static Trace of(String key, FloatBuffer samples, int from, int count, double xOffset) {
            return new Trace(key, samples, from, count, xOffset, 1);
        }

        /** The same window, every {@code newStride}-th sample. */
        public Trace withStride(int newStride) {
            return new Trace(key, samples, from, count, xOffset, newStride);
        }

        /** How many items the series has: ⌈count / stride⌉. */
        public int items() {
            return (int) ((count + (long) stride - 1) / stride);
        }

        /** The index into {@link #samples} of item {@code item}. */
        public int index(int item) {
            return from + item * stride;
        }
    }

    private final List<Trace> traces;
    private final Range rangeBounds;

    public FloatSignalDataset(List<Trace> traces) {
        this.traces = List.copyOf(traces);
        this.rangeBounds = yBounds(this.traces);
    }

    public FloatSignalDataset(Trace... traces) {
        this(List.of(traces));
    }

    /** The stride that keeps {@code count} samples to at most {@code maxItems} items. */
    public static int strideFor(int count, int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1");
        }
        return Math.max(1, (int) ((count + (long) maxItems - 1) / maxItems));
    }

    public Trace trace(int series) {
        return traces.get(series);
    }

    @Override
    public int getSeriesCount() {
        return traces.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return traces.get(series).key();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return traces.get(series).items();
    }

    @Override
    public double getXValue(int series, int item) {
        Trace t = traces.get(series);
        return t.xOffset() + t.index(item);
    }

    @Override
    public double getYValue(int series, int item) {
        Trace t = traces.get(series);
        return t.samples().get(t.index(item));
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getDomainLowerBound(boolean includeInterval) {
        Range r = getDomainBounds(includeInterval);
        return r == null ? Double.NaN : r.getLowerBound();
    }

    @Override
    public double getDomainUpperBound(boolean includeInterval) {
        Range r = getDomainBounds(includeInterval);
        return r == null ? Double.NaN : r.getUpperBound();
    }

    @Override
    public Range getDomainBounds(boolean includeInterval) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < traces.size(); s++) {
            int items = getItemCount(s);
            if (items > 0) {
                lo = Math.min(lo, getXValue(s, 0));
                hi = Math.max(hi, getXValue(s, items - 1));
            }
        }
        return lo <= hi ? new Range(lo, hi) : null;
    }

    @Override
    public double getRangeLowerBound(boolean includeInterval) {
        return rangeBounds == null ? Double.NaN : rangeBounds.getLowerBound();
    }

    @Override
    public double getRangeUpperBound(boolean includeInterval) {
        return rangeBounds == null ? Double.NaN : rangeBounds.getUpperBound();
    }

    @Override
    public Range getRangeBounds(boolean includeInterval) {
        return rangeBounds;
    }

    /** The finite extremes of every item, or null when there are none. */
    private static Range yBounds(List<Trace> traces) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Trace t : traces) {
            for (int i = 0, n = t.items(); i < n; i++) {
                float y = t.samples().get(t.index(i));
                if (Float.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return lo <= hi ? new Range(lo, hi) : null;
    }

    /** The keys of the series, in order: for tests and legends. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(traces.size());
        traces.forEach(t -> keys.add(t.key()));
        return keys;
    }
}
