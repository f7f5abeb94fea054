package org.poolscope.timeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * One lane's pixel columns on their way to the image: the busy nanoseconds of each outcome per
 * column, and marks for stolen work and hidden failures; then per column its dominant outcome, faded
 * into the lane as far as the column was idle (one of {@link TimelineStyle#LEVELS} opaque steps), with
 * a strip on top for stolen work and at the bottom for a failure another outcome hides.
 *
 * <h2>Columns</h2>
 * Column {@code c} spans the whole nanoseconds {@code [columnLeft(c), columnLeft(c + 1))}. The walk
 * over tasks and the dense path over {@link LaneSums} both sum over these edges, in whole numbers, so
 * they fill the same columns with the same nanoseconds.
 *
 * <h2>Pixels</h2>
 * Colours are written straight into the image's int[] when it has one and every colour is opaque:
 * one pass per row in memory order. A dense lane differs from column to column, and a rectangle per
 * column through Graphics2D cost more than its pixels. Other images get runs of one colour as
 * rectangles.
 *
 * <h2>Threads</h2>
 * The painter's thread; arrays are reused between lanes and frames and grow with the plot's width.
 */
final class DensityColumns {

    private static final int O = TimelineStyle.OUTCOMES;
    private static final int KEYS = TimelineStyle.LEVELS + 1;
    private static final int MARK_STOLEN = 1;
    private static final int MARK_FAILED = 2;

    private long[][] busy = new long[O][0];
    private byte[] marks = new byte[0];
    private int[] keys = new int[0];
    /** The ARGB colour to fill each column with (0: none), one strip at a time. */
    private int[] colour = new int[0];
    private int touchedFrom;
    private int touchedTo;

    private long from;
    private long to;
    private int plotX;
    private int plotW;
    private double pixelsPerNano;
    private double nanosPerPixel;

    /** The image's pixels when it stores one int per pixel in rows of its width, else null. */
    private int[] pixels;
    private int scanline;
    private int pixelRows;

    /** The style's colours as ARGB: [lane shade][outcome × KEYS + level], stolen strips, failure strip. */
    private TimelineStyle argbStyle;
    private int[][] densityArgb;
    private int[] stolenArgb;
    private int failedArgb;
    private boolean argbOpaque;

    /** Where the next frames paint: {@code target}'s own pixels when it has them, else Graphics2D only. */
    void target(BufferedImage target) {
        int type = target.getType();
        boolean ints = type == BufferedImage.TYPE_INT_ARGB_PRE || type == BufferedImage.TYPE_INT_ARGB
                || type == BufferedImage.TYPE_INT_RGB;
        if (ints && target.getRaster().getDataBuffer() instanceof DataBufferInt data
                && target.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == target.getWidth() && data.getOffset() == 0
                && target.getRaster().getSampleModelTranslateX() == 0 && target.getRaster().getSampleModelTranslateY() == 0) {
            pixels = data.getData();
            scanline = target.getWidth();
            pixelRows = target.getHeight();
        } else {
            pixels = null;
        }
    }

    /** Starts a frame: the time window and the plot's physical columns {@code [plotX, plotX + plotW)}. */
    void begin(long fromNanos, long toNanos, int plotX, int plotW) {
        this.from = fromNanos;
        this.to = toNanos;
        this.plotX = plotX;
        this.plotW = plotW;
        this.pixelsPerNano = plotW / (double) (toNanos - fromNanos);
        this.nanosPerPixel = (toNanos - fromNanos) / (double) plotW;
        if (marks.length < plotW + 1) {
            int n = plotW + 1;
            for (int o = 0; o < O; o++) {
                busy[o] = new long[n];
            }
            marks = new byte[n];
            keys = new int[n];
            colour = new int[n];
        }
    }

    /** Starts a lane: no column touched. */
    void clear() {
        touchedFrom = Integer.MAX_VALUE;
        touchedTo = -1;
    }

    /** The instant where column {@code c} starts (column {@code plotW}: the window's end), in whole nanoseconds. */
    long columnLeft(int c) {
        return c <= 0 ? from : c >= plotW ? to : Math.min(to, from + (long) Math.floor(c * nanosPerPixel));
    }

    /**
     * Adds {@code sign} × the nanoseconds of {@code [s, e)} (within the window) that fall in each column
     * to {@code outcome}'s busy time, and marks those columns stolen if {@code stolen}.
     */
    void spread(int outcome, long s, long e, int sign, boolean stolen) {
        long[] b = busy[outcome];
        int c = Math.max(0, Math.min(plotW - 1, (int) ((s - from) * pixelsPerNano)));
        while (c > 0 && columnLeft(c) > s) {
            c--;
        }
        while (c < plotW - 1 && columnLeft(c + 1) <= s) {
            c++;
        }
        int first = c;
        for (; c < plotW; c++) {
            long left = columnLeft(c);
            if (left >= e) {
                break;
            }
            long overlap = Math.min(e, columnLeft(c + 1)) - Math.max(s, left);
            if (overlap > 0) {
                b[c] += sign * overlap;
                if (stolen) {
                    marks[c] |= MARK_STOLEN;
                }
            }
        }
        touch(first, Math.max(first, c - 1));
    }

    /** Adds a whole column's busy nanoseconds at once (the dense path), and a stolen mark if {@code stolen}. */
    void add(int c, long done, long failed, long cancelled, boolean stolen) {
        busy[TimelineStyle.DONE][c] += done;
        busy[TimelineStyle.FAILED][c] += failed;
        busy[TimelineStyle.CANCELLED][c] += cancelled;
        if (stolen) {
            marks[c] |= MARK_STOLEN;
        }
        touch(c, c);
    }

    private void touch(int c0, int c1) {
        touchedFrom = Math.min(touchedFrom, c0);
        touchedTo = Math.max(touchedTo, c1);
    }

    /**
     * Paints the touched columns between physical rows {@code y0} and {@code y1}, the lane's
     * background being {@code shade}, with strips {@code markH} rows high; and clears them for the next lane.
     */
    void paint(Graphics2D g, int y0, int y1, int markH, TimelineStyle style, int shade) {
        if (touchedTo < 0) {
            return;
        }
        colours(style);
        for (int c = touchedFrom; c <= touchedTo; c++) {
            long total = 0;
            long most = 0;
            int dominant = 0;
            boolean failed = busy[TimelineStyle.FAILED][c] > 0;
            for (int o = 0; o < O; o++) {
                long v = busy[o][c];
                busy[o][c] = 0;
                total += v;
                if (v > most) {
                    most = v;
                    dominant = o;
                }
            }
            float share = (float) (total * pixelsPerNano); // of the column: 1 when busy all through it
            keys[c] = share <= 1e-4f ? -1 : dominant * KEYS + TimelineStyle.level(share);
            if (failed && dominant != TimelineStyle.FAILED) { // a failure another outcome hides
                marks[c] |= MARK_FAILED;
            }
            colour[c] = keys[c] >= 0 ? densityArgb[shade][keys[c]] : 0;
        }
        fill(g, y0, y1 - y0);
        for (int c = touchedFrom; c <= touchedTo; c++) {
            colour[c] = (marks[c] & MARK_STOLEN) != 0 && keys[c] >= 0 ? stolenArgb[keys[c] / KEYS] : 0;
        }
        fill(g, y0, markH);
        for (int c = touchedFrom; c <= touchedTo; c++) {
            colour[c] = (marks[c] & MARK_FAILED) != 0 && keys[c] >= 0 ? failedArgb : 0;
            marks[c] = 0;
        }
        fill(g, y1 - markH, markH);
    }

    /** Fills rows {@code [y, y + h)} of the touched columns with {@link #colour} (0: leave the pixel). */
    private void fill(Graphics2D g, int y, int h) {
        if (pixels != null && argbOpaque) {
            int rowEnd = Math.min(y + h, pixelRows);
            int c1 = Math.min(touchedTo, scanline - 1 - plotX);
            for (int row = Math.max(0, y); row < rowEnd; row++) {
                int offset = row * scanline + plotX;
                for (int c = touchedFrom; c <= c1; c++) {
                    int argb = colour[c];
                    if (argb != 0) {
                        pixels[offset + c] = argb;
                    }
                }
            }
            return;
        }
        int runStart = touchedFrom;
        int runArgb = colour[touchedFrom];
        for (int c = touchedFrom + 1; c <= touchedTo + 1; c++) {
            int argb = c <= touchedTo ? colour[c] : 0;
            if (argb != runArgb || c > touchedTo) {
                if (runArgb != 0) {
                    g.setColor(new Color(runArgb, true));
                    g.fillRect(plotX + runStart, y, c - runStart, h);
                }
                runStart = c;
                runArgb = argb;
            }
        }
    }

    /** The style's colours as ARGB, made once per style, and whether all are opaque. */
    private void colours(TimelineStyle style) {
        if (argbStyle == style) {
            return;
        }
        densityArgb = new int[2][O * KEYS];
        stolenArgb = new int[O];
        failedArgb = style.outcome[TimelineStyle.FAILED].getRGB();
        argbOpaque = style.outcome[TimelineStyle.FAILED].getAlpha() == 255;
        for (int o = 0; o < O; o++) {
            stolenArgb[o] = style.stolenMark[o].getRGB();
            argbOpaque &= style.stolenMark[o].getAlpha() == 255;
            for (int shade = 0; shade < 2; shade++) {
                for (int level = 1; level < KEYS; level++) {
                    densityArgb[shade][o * KEYS + level] = style.density[shade][o][level].getRGB();
                    argbOpaque &= style.density[shade][o][level].getAlpha() == 255;
                }
            }
        }
        argbStyle = style;
    }
}
