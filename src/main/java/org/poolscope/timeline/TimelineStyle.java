package org.poolscope.timeline;

import java.awt.Color;
import java.awt.Font;
import org.poolscope.chart.Palette;

/**
 * How a timeline looks: light or dark (colours from {@link Palette}), and normal or presentation
 * (larger text, thicker bars and tokens, for a projector at the back of a room).
 *
 * <h2>Colours</h2>
 * Outcomes take the palette's Okabe–Ito roles: done green, failed vermillion, cancelled yellow,
 * waiting sky; a task still running is blue. Every colour the painter uses is made here once, so a
 * frame allocates no {@link Color}.
 *
 * <h2>Opaque on purpose</h2>
 * Density (the share of a pixel column a lane was busy) is shown as the outcome colour faded into
 * the lane's background. The fade is computed here, per lane shade, rather than filled with a
 * translucent colour: Java2D fills a translucent rectangle some 20 times slower than an opaque one
 * and allocates about 1.6 kB for each (measured on JDK 25), which a frame of thousands of column
 * runs cannot afford. The same goes for the queue's area and the stolen-work mark.
 *
 * <h2>Sizes</h2>
 * In logical pixels; the painter multiplies by the output scale.
 *
 * <h2>Threads</h2>
 * Immutable; any thread.
 */
public final class TimelineStyle {

    /** Outcome indices of the colour tables. */
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int CANCELLED = 2;
    static final int RUNNING = 3;
    static final int OUTCOMES = 4;

    /** Steps of the density ramp: a column's busy share is shown as one of these opacities. */
    static final int LEVELS = 16;

    public static final TimelineStyle LIGHT = new TimelineStyle(false, false);
    public static final TimelineStyle DARK = new TimelineStyle(true, false);
    public static final TimelineStyle LIGHT_PRESENTATION = new TimelineStyle(false, true);
    public static final TimelineStyle DARK_PRESENTATION = new TimelineStyle(true, true);

    private final boolean dark;
    private final boolean presentation;
    final Palette.Theme theme;

    final float fontSize;
    final Font font;
    final Font smallFont;
    final Font boldFont;

    final double gutterWidth;
    final double padding;
    /** Share of a lane's height left free above and below its bars. */
    final double barInset;
    final double tokenSize;
    final double minTickSpacing;

    final Color[] outcome = new Color[OUTCOMES];
    /** The second shade of each outcome, for every other bar of a lane, so neighbours part. */
    final Color[] outcomeAlt = new Color[OUTCOMES];
    /** [lane shade 0|1][outcome][level 1..LEVELS]: the outcome faded into the lane by that busy share. */
    final Color[][][] density = new Color[2][OUTCOMES][LEVELS + 1];
    /** A lane where no worker lived (before it started, after it left). */
    final Color muted;
    final Color queueFill;
    final Color queueLine;
    /** Per outcome: the strip on top of a bar that marks work stolen from another worker. */
    final Color[] stolenMark = new Color[OUTCOMES];
    final Color hatchStripe;
    /** Worker processes: the part of a bar spent sending the unit or receiving the result. */
    final Color transfer;
    /** Worker processes: a lane's JVM start-up, from its creation to its hello. */
    final Color startup;
    final Color tokenFill;
    final Color tokenEdge;
    final Color plate;
    final Color nowLine;
    /** Task ids written on wide bars, per outcome: dark on the light outcome colours, white on blue. */
    final Color[] onBar = new Color[OUTCOMES];

    private TimelineStyle(boolean dark, boolean presentation) {
        this.dark = dark;
        this.presentation = presentation;
        this.theme = Palette.theme(dark);
        this.fontSize = presentation ? 18f : 12f;
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize));
        this.smallFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize * 0.9f));
        this.boldFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(fontSize * 1.1f));
        this.gutterWidth = fontSize * 8.5;
        this.padding = fontSize * 0.6;
        this.barInset = presentation ? 0.07 : 0.14;
        this.tokenSize = fontSize * (presentation ? 1.0 : 0.95);
        this.minTickSpacing = fontSize * 7.5;

        Color[] base = {Palette.DONE, Palette.FAILED, Palette.CANCELLED, Palette.BLUE};
        Color[] laneShades = {theme.laneEven(), theme.laneOdd()};
        for (int o = 0; o < OUTCOMES; o++) {
            outcome[o] = base[o];
            // Darker in light mode, lighter in dark mode: the step stays visible on either background.
            outcomeAlt[o] = dark ? mix(base[o], Color.WHITE, 0.14) : mix(base[o], Color.BLACK, 0.11);
            stolenMark[o] = dark ? mix(base[o], Color.WHITE, 0.45) : mix(base[o], Color.BLACK, 0.5);
            for (int shade = 0; shade < 2; shade++) {
                for (int level = 1; level <= LEVELS; level++) {
                    density[shade][o][level] = mix(laneShades[shade], base[o], densityAlpha(level));
                }
            }
        }
        Color background = theme.background();
        this.muted = mix(background, theme.axis(), dark ? 0.22 : 0.20);
        this.queueFill = mix(theme.laneOdd(), Palette.QUEUED, dark ? 0.55 : 0.45);
        this.queueLine = dark ? Palette.QUEUED : mix(Palette.QUEUED, Color.BLACK, 0.25);
        this.hatchStripe = dark ? mix(Palette.CANCELLED, Color.BLACK, 0.55) : mix(Palette.CANCELLED, Color.BLACK, 0.35);
        this.transfer = dark ? mix(Palette.SKY, Color.BLACK, 0.35) : mix(Palette.SKY, Color.WHITE, 0.25);
        this.startup = dark ? mix(Palette.PURPLE, Color.BLACK, 0.45) : mix(Palette.PURPLE, Color.WHITE, 0.45);
        this.tokenFill = Palette.QUEUED;
        this.tokenEdge = dark ? mix(Palette.QUEUED, Color.WHITE, 0.35) : mix(Palette.QUEUED, Color.BLACK, 0.35);
        this.plate = withAlpha(background, 0.82);
        this.nowLine = theme.text();
        Color ink = new Color(0x1F2328);
        onBar[DONE] = ink;
        onBar[FAILED] = ink;
        onBar[CANCELLED] = ink;
        onBar[RUNNING] = Color.WHITE;
    }

    /** One of the four styles. */
    public static TimelineStyle of(boolean dark, boolean presentation) {
        return dark ? (presentation ? DARK_PRESENTATION : DARK) : (presentation ? LIGHT_PRESENTATION : LIGHT);
    }

    public boolean dark() {
        return dark;
    }

    /** Larger text, thicker bars. */
    public boolean presentation() {
        return presentation;
    }

    /** The background of the whole image. */
    public Color background() {
        return theme.background();
    }

    /** The colour of a finished task's bar with this outcome, or a running one's. */
    Color outcomeColor(int o) {
        return outcome[o];
    }

    /**
     * How much of the outcome colour density level {@code level} of {@link #LEVELS} shows over the
     * lane: never below a quarter, so a single short task in a long idle stretch still shows, and all
     * of it when the column is fully busy.
     */
    static float densityAlpha(int level) {
        return 0.25f + 0.75f * level / LEVELS;
    }

    /** The density level of a busy share in (0, 1]. */
    static int level(double busy) {
        int level = (int) Math.ceil(busy * LEVELS);
        return Math.max(1, Math.min(LEVELS, level));
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    @Override
    public String toString() {
        return (dark ? "dark" : "light") + (presentation ? " presentation" : "");
    }
}
