package org.poolscope.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every colour PoolScope draws with, named by what it means, in one place: charts, the timeline
 * painter and (through {@link #cssVariables(boolean)}) the window's stylesheet all take them from
 * here, so a colour changes everywhere at once.
 *
 * <h2>Why these colours</h2>
 * The data colours are Okabe and Ito's palette, which stays distinguishable with the common forms of
 * colour blindness and in greyscale print. Each role keeps its colour across charts (measured is
 * always blue, the machine's ceiling always orange), so a reader learns it once. Black data ink
 * ({@link #IDEAL}) means "foreground": the dark theme swaps it for its text colour.
 *
 * <h2>Threads</h2>
 * Constants; any thread. No JavaFX: the window turns {@link #cssVariables(boolean)} into a stylesheet.
 */
public final class Palette {

    // Okabe–Ito
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLACK = new Color(0x000000);

    /** Measured speedup or efficiency. */
    public static final Color MEASURED = BLUE;
    /** The ideal line (speedup = N); drawn dashed. */
    public static final Color IDEAL = BLACK;
    /** What the machine allows: N copies of one unit. */
    public static final Color CEILING = ORANGE;
    /** The fitted Amdahl curve. */
    public static final Color AMDAHL = PURPLE;
    /** A task that completed. */
    public static final Color DONE = GREEN;
    /** A task whose unit threw. */
    public static final Color FAILED = VERMILLION;
    /** A task cancelled, queued or running. */
    public static final Color CANCELLED = YELLOW;
    /** A task waiting in the queue. */
    public static final Color QUEUED = SKY;

    /** The colours of a chart's or the window's surroundings. */
    public record Theme(Color background, Color grid, Color axis, Color text, Color mutedText,
            Color laneEven, Color laneOdd) {
    }

    public static final Theme LIGHT = new Theme(new Color(0xFFFFFF), new Color(0xE4E7EB), new Color(0x8C959F),
            new Color(0x1F2328), new Color(0x59636E), new Color(0xFFFFFF), new Color(0xF3F5F7));
    public static final Theme DARK = new Theme(new Color(0x1E1F22), new Color(0x383B40), new Color(0x8B9098),
            new Color(0xE6E8EB), new Color(0xA3A9B1), new Color(0x1E1F22), new Color(0x26282C));

    /** Series colours in order, for charts with one series per worker count. */
    private static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW};

    private Palette() {
    }

    public static Theme theme(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The background of lane {@code i} in the light theme: alternating stripes so neighbours part. */
    public static Color lane(int i) {
        return lane(i, false);
    }

    public static Color lane(int i, boolean dark) {
        Theme t = theme(dark);
        return (i & 1) == 0 ? t.laneEven() : t.laneOdd();
    }

    /** The {@code i}-th of several like series (one per worker count), cycling through the palette. */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** The light theme's variables; see {@link #cssVariables(boolean)}. */
    public static String cssVariables() {
        return cssVariables(false);
    }

    /**
     * The palette as CSS variable declarations, one a line: {@code -ps-measured: #0072B2;}. The
     * window puts them in a {@code .root} rule, and its stylesheets use the names only.
     */
    public static String cssVariables(boolean dark) {
        StringBuilder css = new StringBuilder();
        for (Map.Entry<String, Color> e : roles(dark).entrySet()) {
            css.append("-ps-").append(e.getKey()).append(": ").append(hex(e.getValue())).append(";\n");
        }
        return css.toString();
    }

    /** Every role and its colour, in a stable order; the names are the CSS variables' without {@code -ps-}. */
    public static Map<String, Color> roles(boolean dark) {
        Theme t = theme(dark);
        Map<String, Color> roles = new LinkedHashMap<>();
        roles.put("measured", MEASURED);
        roles.put("ideal", dark ? t.text() : IDEAL);
        roles.put("ceiling", CEILING);
        roles.put("amdahl", AMDAHL);
        roles.put("done", DONE);
        roles.put("failed", FAILED);
        roles.put("cancelled", CANCELLED);
        roles.put("queued", QUEUED);
        roles.put("background", t.background());
        roles.put("grid", t.grid());
        roles.put("axis", t.axis());
        roles.put("text", t.text());
        roles.put("text-muted", t.mutedText());
        roles.put("lane-even", t.laneEven());
        roles.put("lane-odd", t.laneOdd());
        return roles;
    }

    /** {@code #RRGGBB}, upper case. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06X", c.getRGB() & 0xFFFFFF);
    }
}
