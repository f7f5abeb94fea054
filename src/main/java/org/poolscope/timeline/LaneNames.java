package org.poolscope.timeline;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.Timeline;

/**
 * The gutter's lane names: thread names shortened to what tells lanes apart ({@code poolscope-fixed-0}
 * → {@code fixed-0}, {@code ForkJoinPool-1-worker-3} → {@code worker-3}), then fitted to the gutter,
 * keeping the end (the index) when something must go. Fitted names are cached per lane, because
 * lanes only get added and their names never change.
 *
 * <p>Threads: one instance per painter, its painting thread only; {@link #shorten} any thread.
 */
final class LaneNames {

    /** Widths are measured in logical units, the same at every output scale. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private LaneLog[] lanes = new LaneLog[0];
    private String[] fitted = new String[0];
    private TimelineStyle style;
    private double width;

    /** Lane {@code i}'s name fitted to {@code maxWidth} in {@code style}'s font. */
    String fitted(Timeline timeline, int i, TimelineStyle style, double maxWidth) {
        if (style != this.style || maxWidth != width) {
            java.util.Arrays.fill(fitted, null);
            this.style = style;
            this.width = maxWidth;
        }
        if (i >= lanes.length) {
            int n = Math.max(i + 1, lanes.length * 2);
            lanes = java.util.Arrays.copyOf(lanes, n);
            fitted = java.util.Arrays.copyOf(fitted, n);
        }
        LaneLog lane = timeline.lane(i);
        if (lanes[i] != lane || fitted[i] == null) {
            lanes[i] = lane;
            fitted[i] = fit(shorten(lane.name()), style.font, maxWidth);
        }
        return fitted[i];
    }

    /** The distinguishing part of a worker thread's name. */
    static String shorten(String name) {
        String s = name.startsWith("poolscope-") ? name.substring("poolscope-".length()) : name;
        int worker = s.lastIndexOf("-worker-");
        if (worker >= 0 && s.startsWith("ForkJoinPool")) {
            return s.substring(worker + 1);
        }
        int thread = s.lastIndexOf("-thread-");
        if (thread >= 0 && s.startsWith("pool-")) {
            return s.substring(thread + 1);
        }
        return s;
    }

    /** {@code text}, or its end after an ellipsis, so that it is at most {@code maxWidth} wide. */
    static String fit(String text, Font font, double maxWidth) {
        if (width(text, font) <= maxWidth) {
            return text;
        }
        int aside = text.indexOf(" (");
        if (aside > 0) {
            return fit(text.substring(0, aside), font, maxWidth); // "sequential (main)": the kind matters more
        }
        for (int cut = 1; cut < text.length(); cut++) {
            String s = "…" + text.substring(cut);
            if (width(s, font) <= maxWidth) {
                return s;
            }
        }
        return "";
    }

    static double width(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }
}
