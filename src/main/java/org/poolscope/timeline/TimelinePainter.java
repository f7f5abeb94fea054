package org.poolscope.timeline;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.OptionalInt;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.Timeline;

/**
 * The one timeline painter: a run as a Gantt chart, drawn with plain Java2D into a caller's image,
 * for the window (a premultiplied-ARGB image shown zero-copy through a JavaFX PixelBuffer) and for
 * PNG files alike, so both are the same pixels.
 *
 * <h2>What it draws</h2>
 * Over the viewport's time window, with {@link TimelineLayout}'s geometry: a header with the caption
 * and the legend; the queue lane (how many tasks waited over time, as a filled step area, and for a
 * live run the waiting tasks as tokens in FIFO order); one lane per worker in creation order, muted
 * where its worker did not exist yet or had left; one bar per task coloured by outcome (a task
 * cancelled while it ran is hatched from that instant on, stolen work has a dark strip on top,
 * running tasks grow to now); the time axis.
 *
 * <h2>Cost</h2>
 * Bars follow pixels, not tasks ({@link LaneBars}): per lane only the tasks in the window are read,
 * found by binary search in the lane's log, and where they are thinner than a pixel they are summed
 * per pixel column and drawn as runs of equal columns. The queue lane reads each task's state once
 * per frame ({@link QueueProfile}). Geometry is filled in physical pixels (crisp at any scale), text
 * in logical pixels under a scaled transform (the same size at any scale). A frame allocates no
 * colours and no per-task objects; scratch arrays are kept and grow with the image.
 *
 * <h2>Threads</h2>
 * One painter per view, used by one thread at a time (it keeps scratch arrays). The timeline may be
 * live: written by worker threads while it is painted. It is read only through its public readers,
 * each task's state (acquire) before the times it implies, each lane log up to a size read once.
 */
public final class TimelinePainter {

    /** {@code nowNanos} of a finished run, or of a view that shows no present. */
    public static final long NOT_LIVE = Long.MIN_VALUE;

    private final LaneBars bars = new LaneBars();
    private final QueueProfile queue = new QueueProfile();
    private final LaneNames names = new LaneNames();
    private final StringBuilder text = new StringBuilder();
    private final RoundRectangle2D.Double token = new RoundRectangle2D.Double();
    private final Rectangle2D.Double plate = new Rectangle2D.Double();
    private long[] ticks = new long[32];
    private int[] laneTasks = new int[0];
    private long[] laneBusy = new long[0];
    private long[] laneAlive = new long[0];
    private TexturePaint hatch;
    private TimelineStyle hatchStyle;

    public TimelinePainter() {
    }

    /** A painter that walks lanes task by task up to {@code tasksPerColumn} tasks a column: tests compare paths. */
    TimelinePainter(int tasksPerColumn) {
        bars.denseTasksPerColumn = tasksPerColumn;
    }
    private int hatchSize;

    // The frame being painted.
    private Graphics2D g;
    private TimelineLayout layout;
    private TimelineStyle style;
    private double scale;
    private AffineTransform logical;
    private final AffineTransform device = new AffineTransform();
    private int lineWidth;

    /** Paints a finished run (no present, no caption) into {@code target}. */
    public TimelineLayout paint(Timeline timeline, Viewport viewport, TimelineStyle style, BufferedImage target) {
        return paint(timeline, viewport, style, NOT_LIVE, null, target);
    }

    /**
     * Paints {@code timeline} into {@code target}, which must be exactly {@link Viewport#pixelWidth()}
     * × {@link Viewport#pixelHeight()} ({@link BufferedImage#TYPE_INT_ARGB_PRE} for the window). Every
     * pixel is painted; the image may be reused for the next frame as it is.
     *
     * @param nowNanos the present of a live run in nanoseconds from its start (running bars grow to it,
     *                 the queue lane shows who waits at it), or {@link #NOT_LIVE}
     * @param caption  a title for the header (the run's description), or null
     * @return the layout painted by, for hit testing the same frame
     */
    public TimelineLayout paint(Timeline timeline, Viewport viewport, TimelineStyle style, long nowNanos,
            String caption, BufferedImage target) {
        if (target.getWidth() != viewport.pixelWidth() || target.getHeight() != viewport.pixelHeight()) {
            throw new IllegalArgumentException("the image is " + target.getWidth() + "×" + target.getHeight()
                    + " pixels, the viewport needs " + viewport.pixelWidth() + "×" + viewport.pixelHeight());
        }
        Graphics2D graphics = target.createGraphics();
        bars.target(target);
        bars.timeline(timeline);
        try {
            begin(graphics, TimelineLayout.of(timeline, viewport, style, nowNanos));
            paintFrame(timeline, nowNanos, caption);
            return layout;
        } finally {
            graphics.dispose();
            g = null;
        }
    }

    /**
     * The task at logical ({@code x}, {@code y}) of a frame painted with these arguments; see
     * {@link TimelineLayout#taskAt}.
     */
    public static OptionalInt taskAt(Timeline timeline, Viewport viewport, TimelineStyle style, double x, double y,
            long nowNanos) {
        return TimelineLayout.of(timeline, viewport, style, nowNanos).taskAt(timeline, x, y, nowNanos);
    }

    /**
     * Draws one waiting task's token centred at logical ({@code cx}, {@code cy}) in {@code g}'s user
     * space: the window animates tokens from the queue to their lane with this. {@code g} should be
     * scaled by the output scale, as the painter's text is.
     */
    public void paintToken(Graphics2D g, TimelineStyle style, double cx, double cy) {
        double s = style.tokenSize;
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        token.setRoundRect(cx - s / 2, cy - s / 2, s, s, s * 0.45, s * 0.45);
        g.setColor(style.tokenFill);
        g.fill(token);
        token.setRoundRect(cx - s / 2 + 0.5, cy - s / 2 + 0.5, s - 1, s - 1, s * 0.4, s * 0.4);
        g.setColor(style.tokenEdge);
        g.draw(token);
        if (aa != null) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }
    }

    private void begin(Graphics2D graphics, TimelineLayout frameLayout) {
        this.g = graphics;
        this.layout = frameLayout;
        this.style = frameLayout.style();
        this.scale = frameLayout.viewport().scale();
        if (logical == null || logical.getScaleX() != scale) {
            logical = AffineTransform.getScaleInstance(scale, scale);
        }
        this.lineWidth = Math.max(1, (int) Math.round(scale));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setTransform(device);
        int pattern = Math.max(4, (int) Math.round(7 * scale));
        if (hatch == null || hatchStyle != style || hatchSize != pattern) {
            hatch = hatch(style, pattern);
            hatchStyle = style;
            hatchSize = pattern;
        }
    }

    private void paintFrame(Timeline timeline, long now, String caption) {
        Viewport v = layout.viewport();
        int lanes = layout.laneCount();
        boolean live = now != NOT_LIVE;
        boolean recorded = timeline.recording();
        int px0 = px(layout.plotLeft());
        int px1 = px(layout.plotRight());
        int plotW = Math.max(1, px1 - px0);
        int qy0 = px(layout.queueTop());
        int qy1 = px(layout.queueBottom());
        int axisY = px(layout.axisTop());

        g.setColor(style.background());
        g.fillRect(0, 0, v.pixelWidth(), v.pixelHeight());
        if (recorded) {
            queue.scan(timeline, v.fromNanos(), v.toNanos(), plotW, now, live ? layout.tokenCapacity() : 0, lanes);
        }
        // A finished run's workers leave when its pool closes, after the last task: that is no news.
        long workEnd = !recorded ? 0 : live ? now : TimelineLayout.workEnd(timeline, lanes);
        g.setColor(style.theme.laneOdd());
        g.fillRect(0, qy0, px1, qy1 - qy0);
        for (int i = 0; i < lanes; i++) {
            paintLaneBackground(timeline.lane(i), i, px0, px1, live ? Long.MAX_VALUE : workEnd);
        }
        int tickCount = paintGrid(v, qy0, axisY);
        if (recorded) {
            queue.paintArea(g, style, px0, qy0, qy1, px(style.fontSize * 0.3), lineWidth);
            bars.begin(v.fromNanos(), v.toNanos(), px0, plotW, px(style.fontSize * 2.5), px(style.fontSize * 0.4));
            ensureLaneStats(lanes);
            for (int i = 0; i < lanes; i++) {
                paintLaneBars(timeline, i, now);
                laneTasks[i] = bars.tasksInView;
                laneBusy[i] = bars.busyNanos;
                laneAlive[i] = aliveNanos(timeline.lane(i), v, workEnd);
            }
        }
        if (live && now >= v.fromNanos() && now <= v.toNanos()) {
            g.setColor(style.nowLine);
            g.fillRect(px(layout.xOf(now)), qy0, lineWidth, axisY - qy0);
        }
        g.setColor(style.theme.axis());
        g.fillRect(px0, axisY, plotW, lineWidth);
        int tickLength = px(style.fontSize * 0.35);
        for (int i = 0; i < tickCount; i++) {
            g.fillRect(px(layout.xOf(ticks[i])), axisY, lineWidth, tickLength);
        }

        g.setTransform(logical);
        bars.paintLabels(g, style, scale);
        paintGutter(timeline, live, recorded);
        paintAxisLabels(tickCount, v);
        if (live && recorded && queue.waitingNow > 0) {
            paintTokens();
        }
        if (!recorded) {
            centredNote("No timeline: this run recorded no per-task times (--no-record).");
        } else if (lanes == 0) {
            centredNote("No workers yet.");
        }
        Legend.paint(g, layout, bars, hatch, caption, device, logical);
        g.setTransform(device);
    }

    // ---------------------------------------------------------------- physical pixels

    private void paintLaneBackground(LaneLog lane, int i, int px0, int px1, long leftAfterRun) {
        int y0 = px(layout.laneTop(i));
        int y1 = Math.max(y0 + 1, px(layout.laneBottom(i)));
        g.setColor((i & 1) == 0 ? style.theme.laneEven() : style.theme.laneOdd());
        g.fillRect(0, y0, px1, y1 - y0);
        int born = clampX(layout.xOf(lane.createdNanos()), px0, px1);
        g.setColor(style.muted);
        if (born > px0) {
            g.fillRect(px0, y0, born - px0, y1 - y0);
        }
        if (lane.pid() >= 0 && lane.readyNanos() > lane.createdNanos()) {
            // A worker process's start-up: from spawning its JVM to its hello.
            int ready = clampX(layout.xOf(lane.readyNanos()), px0, px1);
            g.setColor(style.startup);
            int top = px(layout.barTop(i));
            g.fillRect(born, top, Math.max(0, ready - born), Math.max(1, px(layout.barBottom(i)) - top));
        }
        long retired = lane.retiredNanos();
        if (retired >= 0 && retired < leftAfterRun) {
            int gone = clampX(layout.xOf(retired), px0, px1);
            g.setColor(style.muted); // the start-up block above may have changed the colour
            if (gone < px1) {
                g.fillRect(gone, y0, px1 - gone, y1 - y0);
            }
        }
    }

    /** Vertical grid lines at round instants; returns how many ticks it put in {@link #ticks}. */
    private int paintGrid(Viewport v, int top, int bottom) {
        long step = TimeTicks.step(v.spanNanos(), layout.plotWidth(), style.minTickSpacing);
        long first = Math.ceilDiv(v.fromNanos(), step) * step;
        int n = 0;
        g.setColor(style.theme.grid());
        for (long t = first; t <= v.toNanos(); t += step) {
            if (n == ticks.length) {
                ticks = java.util.Arrays.copyOf(ticks, n * 2);
            }
            ticks[n++] = t;
            g.fillRect(px(layout.xOf(t)), top, lineWidth, bottom - top);
        }
        return n;
    }

    private void paintLaneBars(Timeline timeline, int i, long now) {
        LaneLog log = timeline.lane(i);
        int logged = log.size();
        int running = now == NOT_LIVE ? -1 : queue.running[i];
        if (running >= 0 && logged > 0) {
            int last = log.get(logged - 1);
            if (last == running || timeline.startNanos(last) >= timeline.startNanos(running)) {
                running = -1; // it ended between the scan and now: the log has it
            }
        }
        int y0 = px(layout.barTop(i));
        int y1 = Math.max(y0 + 1, px(layout.barBottom(i)));
        bars.paint(g, timeline, i, log, logged, running, now, y0, y1, style, hatch);
    }

    private void ensureLaneStats(int lanes) {
        if (laneTasks.length < lanes) {
            int n = Math.max(lanes, laneTasks.length * 2);
            laneTasks = new int[n];
            laneBusy = new long[n];
            laneAlive = new long[n];
        }
    }

    /** How long lane {@code lane}'s worker existed within the window, up to the end of the work. */
    private static long aliveNanos(LaneLog lane, Viewport v, long workEnd) {
        long from = Math.max(v.fromNanos(), lane.createdNanos());
        long retired = lane.retiredNanos();
        long to = Math.min(v.toNanos(), Math.min(workEnd, retired >= 0 ? retired : Long.MAX_VALUE));
        return Math.max(0, to - from);
    }

    // ---------------------------------------------------------------- logical pixels: text and tokens

    private void paintGutter(Timeline timeline, boolean live, boolean recorded) {
        double pad = style.padding;
        double labelWidth = layout.plotLeft() - 2 * pad;
        FontMetrics fm = g.getFontMetrics(style.font);
        double line = fm.getAscent() + fm.getDescent();
        double queueMiddle = (layout.queueTop() + layout.queueBottom()) / 2;
        g.setFont(style.font);
        g.setColor(style.theme.text());
        boolean twoLines = layout.queueBottom() - layout.queueTop() >= line * 2.2 && recorded;
        float x = (float) pad;
        g.drawString("queue", x, (float) (queueMiddle - (twoLines ? line / 2 : 0) + fm.getAscent() / 2.0 - 1));
        if (twoLines) {
            g.setFont(style.smallFont);
            g.setColor(style.theme.mutedText());
            String detail = live ? TimeTicks.count(queue.waitingNow) + " waiting"
                    : "peak " + TimeTicks.count(Math.round(queue.peak));
            g.drawString(detail, x, (float) (queueMiddle + line / 2 + fm.getAscent() / 2.0 - 1));
            g.setFont(style.font);
            g.setColor(style.theme.text());
        }
        int lanes = layout.laneCount();
        double h = layout.laneHeight();
        int every = h >= line ? 1 : (int) Math.ceil(line / Math.max(h, 1e-9));
        FontMetrics small = g.getFontMetrics(style.smallFont);
        double smallLine = small.getAscent() + small.getDescent();
        boolean stats = recorded && h >= line + 2 * smallLine + style.fontSize;
        double centre = (fm.getAscent() - fm.getDescent()) / 2.0;
        for (int i = 0; i < lanes; i += every) {
            double middle = (layout.laneTop(i) + layout.laneBottom(i)) / 2;
            double nameY = stats ? middle - smallLine : middle;
            g.setFont(style.font);
            g.setColor(style.theme.text());
            g.drawString(names.fitted(timeline, i, style, labelWidth), x, (float) (nameY + centre));
            if (stats) {
                g.setFont(style.smallFont);
                g.setColor(style.theme.mutedText());
                g.drawString(TimeTicks.count(laneTasks[i]) + (laneTasks[i] == 1 ? " task" : " tasks"), x,
                        (float) (nameY + line / 2 + smallLine / 2 + centre));
                if (laneAlive[i] > 0) {
                    long percent = Math.round(100.0 * Math.min(laneBusy[i], laneAlive[i]) / laneAlive[i]);
                    g.drawString(percent + "% busy", x, (float) (nameY + line / 2 + smallLine * 1.5 + centre));
                }
            }
        }
    }

    private void paintAxisLabels(int tickCount, Viewport v) {
        if (tickCount == 0) {
            return;
        }
        g.setFont(style.font);
        g.setColor(style.theme.mutedText());
        FontMetrics fm = g.getFontMetrics();
        long step = tickCount > 1 ? ticks[1] - ticks[0] : v.spanNanos();
        int unit = TimeTicks.unit(Math.max(Math.abs(v.fromNanos()), Math.abs(v.toNanos())));
        int decimals = TimeTicks.decimals(step, unit);
        float baseline = (float) (layout.axisTop() + style.fontSize * 0.45 + fm.getAscent());
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tickCount; i++) {
            String label = TimeTicks.label(ticks[i], unit, decimals, text);
            double w = fm.stringWidth(label);
            double x = layout.xOf(ticks[i]) - w / 2;
            x = Math.min(x, v.width() - style.padding / 2 - w);
            x = Math.max(x, layout.plotLeft() - style.padding);
            if (x < lastRight + style.fontSize) {
                continue;
            }
            g.drawString(label, (float) x, baseline);
            lastRight = x + w;
        }
    }

    private void paintTokens() {
        int shown = Math.min(queue.tokenCount, layout.tokenCapacity());
        double cy = layout.tokenCenterY();
        double half = style.tokenSize / 2;
        int more = queue.waitingNow - shown;
        String moreLabel = more > 0 ? "+" + TimeTicks.count(more) + " more" : null;
        FontMetrics fm = g.getFontMetrics(style.smallFont);
        double left = layout.tokenCenterX(Math.max(0, shown - 1)) - half - style.padding / 2;
        if (moreLabel != null) {
            left -= fm.stringWidth(moreLabel) + style.padding / 2;
        }
        g.setColor(style.plate);
        plate.setRect(left, cy - half - 3, layout.plotRight() - left, 2 * half + 6);
        g.fill(plate);
        for (int k = 0; k < shown; k++) {
            paintToken(g, style, layout.tokenCenterX(k), cy);
        }
        if (moreLabel != null) {
            g.setFont(style.smallFont);
            g.setColor(style.theme.text());
            g.drawString(moreLabel, (float) (left + style.padding / 2),
                    (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
    }

    private void centredNote(String note) {
        g.setFont(style.font);
        g.setColor(style.theme.mutedText());
        FontMetrics fm = g.getFontMetrics();
        double x = layout.plotLeft() + (layout.plotWidth() - fm.stringWidth(note)) / 2;
        double y = (layout.lanesTop() + layout.axisTop()) / 2;
        g.drawString(note, (float) Math.max(style.padding, x), (float) y);
    }

    // ---------------------------------------------------------------- helpers

    /** A logical coordinate in physical pixels. */
    private int px(double logicalValue) {
        return (int) Math.round(logicalValue * scale);
    }

    private int clampX(double logicalX, int min, int max) {
        return Math.max(min, Math.min(max, px(logicalX)));
    }

    /** Diagonal stripes over the cancelled colour, {@code size} physical pixels a period. */
    private static TexturePaint hatch(TimelineStyle style, int size) {
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        int base = style.outcome[TimelineStyle.CANCELLED].getRGB();
        int stripe = style.hatchStripe.getRGB();
        int width = Math.max(1, size * 2 / 5);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                tile.setRGB(x, y, (x + y) % size < width ? stripe : base);
            }
        }
        return new TexturePaint(tile, new Rectangle(0, 0, size, size));
    }
}
