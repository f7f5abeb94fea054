package org.poolscope.ui;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.timeline.TimelineLayout;
import org.poolscope.timeline.TimelinePainter;
import org.poolscope.timeline.TimelineStyle;

/**
 * Tasks leaving the queue for their workers, animated on the live view only (drawn over the painted
 * frame, so exports stay the painter's pixels): a started task's token travels from the head of the
 * queue to its worker's lane in about {@value #FLIGHT_MILLIS} ms, easing out. When more than
 * {@value #MAX_FLIGHTS} tasks start in one frame, the eye cannot follow tokens any more: they give way
 * to a band from the queue to each lane labelled with how many tasks it took in the last half second.
 *
 * <p>Starts are found by a cursor over task ids (the order of submission): amortised, each task is
 * looked at once per run, never a scan of all tasks per frame.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class StartAnimation {

    static final int FLIGHT_MILLIS = 200;
    static final int MAX_FLIGHTS = 3;
    private static final long FLIGHT_NANOS = FLIGHT_MILLIS * 1_000_000L;
    private static final int MAX_ACTIVE = 64;
    private static final int WINDOW_FRAMES = 30; // about half a second of frames

    private Timeline timeline;
    private int cursor;
    private final int[] flightLane = new int[MAX_ACTIVE];
    private final long[] flightStart = new long[MAX_ACTIVE];
    private int flights;
    private int[][] recent = new int[0][WINDOW_FRAMES];
    private int frame;
    private boolean banding;
    private final Path2D.Double band = new Path2D.Double();
    private final Font labelFont = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Color BAND = org.poolscope.chart.Palette.QUEUED;
    private static final Color LABEL_LIGHT = new Color(0x202124);
    private static final Color LABEL_DARK = new Color(0xE8EAED);

    /** Follows {@code live} from its first task; null stops. */
    void follow(Timeline live) {
        if (live != timeline) {
            timeline = live;
            cursor = 0;
            flights = 0;
            recent = new int[0][WINDOW_FRAMES];
        }
    }

    /** Finds the tasks that started since the last frame. */
    void collect(long pulseNanos) {
        Timeline tl = timeline;
        if (tl == null) {
            return;
        }
        if (recent.length < tl.laneCount()) {
            int[][] grown = new int[tl.laneCount()][];
            for (int l = 0; l < grown.length; l++) {
                grown[l] = l < recent.length ? recent[l] : new int[WINDOW_FRAMES];
            }
            recent = grown;
        }
        frame = (frame + 1) % WINDOW_FRAMES;
        for (int[] lane : recent) {
            lane[frame] = 0;
        }
        while (cursor > 0 && !tl.state(cursor - 1).isTerminal() && tl.state(cursor - 1) != TaskState.RUNNING) {
            cursor--; // a replay went back in time
        }
        int started = 0;
        int firstNew = flights;
        for (int n = tl.tasks(); cursor < n; cursor++) {
            TaskState s = tl.state(cursor);
            if (s == TaskState.NEW || s == TaskState.QUEUED) {
                break;
            }
            int lane = tl.laneOf(cursor);
            if (lane < 0 || lane >= recent.length) {
                continue; // cancelled in the queue
            }
            started++;
            recent[lane][frame]++;
            if (flights < MAX_ACTIVE) {
                flightLane[flights] = lane;
                flightStart[flights] = pulseNanos;
                flights++;
            }
        }
        banding = started > MAX_FLIGHTS || (banding && started > 0);
        if (banding) {
            flights = firstNew; // too many to follow: the band shows them instead
        }
    }

    /** Draws the flights and bands over the frame; {@code g} is scaled to logical pixels. */
    void draw(Graphics2D g, TimelineLayout layout, TimelinePainter painter, TimelineStyle style, long pulseNanos,
            long nowNanos) {
        double fromX = layout.tokenCenterX(0);
        double fromY = layout.tokenCenterY();
        double toX = Math.max(layout.plotLeft(), Math.min(layout.plotRight(), layout.xOf(nowNanos)));
        int kept = 0;
        for (int i = 0; i < flights; i++) {
            double p = (pulseNanos - flightStart[i]) / (double) FLIGHT_NANOS;
            if (p >= 1) {
                continue;
            }
            double ease = 1 - Math.pow(1 - p, 3);
            int lane = flightLane[i];
            double toY = (layout.barTop(lane) + layout.barBottom(lane)) / 2;
            painter.paintToken(g, style, fromX + (toX - fromX) * ease, fromY + (toY - fromY) * ease);
            flightLane[kept] = lane;
            flightStart[kept] = flightStart[i];
            kept++;
        }
        flights = kept;
        if (banding) {
            drawBands(g, layout, style, fromX, fromY, toX);
        }
    }

    private void drawBands(Graphics2D g, TimelineLayout layout, TimelineStyle style, double fromX, double fromY, double toX) {
        Composite before = g.getComposite();
        g.setFont(labelFont);
        for (int lane = 0; lane < recent.length && lane < layout.laneCount(); lane++) {
            int count = 0;
            for (int c : recent[lane]) {
                count += c;
            }
            if (count == 0) {
                continue;
            }
            double top = layout.barTop(lane);
            double bottom = layout.barBottom(lane);
            double half = Math.max(1.5, Math.min(6, Math.log10(count + 1) * 3));
            double midY = (top + bottom) / 2;
            band.reset();
            band.moveTo(fromX - half, fromY);
            band.curveTo(fromX - half, (fromY + midY) / 2, toX - half, (fromY + midY) / 2, toX - half, midY);
            band.lineTo(toX + half, midY);
            band.curveTo(toX + half, (fromY + midY) / 2, fromX + half, (fromY + midY) / 2, fromX + half, fromY);
            band.closePath();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
            g.setColor(BAND);
            g.fill(band);
            g.setComposite(before);
            String label = "+" + count;
            int w = g.getFontMetrics().stringWidth(label);
            double x = Math.max(layout.plotLeft(), toX - w - 8);
            g.setColor(style.dark() ? LABEL_DARK : LABEL_LIGHT);
            g.drawString(label, (float) x, (float) (midY - half - 3));
        }
    }
}
