package org.poolscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every PoolScope chart, light or dark: flat (no grey plot area, no frames), light grid
 * lines, readable SansSerif text (title 16, axis labels 13, ticks 12), the legend below the plot,
 * anti-aliased.
 *
 * <h2>Why one method</h2>
 * The factories build their charts in the light look; the window applies the dark one when its
 * theme says so. {@link #apply} only recolours and refonts what exists, so applying it again, or
 * the other theme after it, is safe. Small subtitles (captions, warnings) keep the font size their
 * factory gave them and take the theme's colours.
 *
 * <h2>Threads</h2>
 * Whichever thread owns the chart: the FX thread for a chart on screen.
 */
public final class ChartStyle {

    public static final String FONT = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 16);
    public static final Font AXIS_LABEL_FONT = new Font(FONT, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 12);
    public static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 12);
    /** Notes under the title: warnings, the reason a fit is missing. */
    public static final Font NOTE_FONT = new Font(FONT, Font.PLAIN, 12);
    /** The environment line at the very bottom. */
    public static final Font CAPTION_FONT = new Font(FONT, Font.PLAIN, 11);

    /** Subtitle ids: warnings (text colour), notes and the caption (muted). */
    public static final String WARNING_ID = "poolscope.warning";
    public static final String NOTE_ID = "poolscope.note";
    public static final String CAPTION_ID = "poolscope.caption";

    /**
     * Room above and below each value label: JFreeChart spaces ticks by the label's height with these
     * insets, so taller insets give fewer, calmer ticks (every 1 rather than every 0.5).
     */
    private static final RectangleInsets VALUE_TICK_INSETS = new RectangleInsets(7, 4, 7, 4);

    private static final BasicStroke GRID_STROKE = new BasicStroke(1f);

    private ChartStyle() {
    }

    /** Styles {@code chart} in place, in the dark theme or the light one, and returns it. */
    public static JFreeChart apply(JFreeChart chart, boolean dark) {
        Palette.Theme theme = Palette.theme(dark);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(theme.background());
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(10, 12, 8, 16));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(theme.text());
            title.setPadding(new RectangleInsets(2, 2, 6, 2));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            styleSubtitle(chart.getSubtitle(i), theme);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(theme.background());
        plot.setOutlineVisible(false);
        plot.setNoDataMessagePaint(theme.mutedText());
        plot.setNoDataMessageFont(AXIS_LABEL_FONT);
        if (plot instanceof XYPlot xy) {
            styleXYPlot(xy, theme, dark);
        }
        return chart;
    }

    private static void styleSubtitle(Title subtitle, Palette.Theme theme) {
        if (subtitle instanceof LegendTitle legend) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(theme.background());
            legend.setItemFont(LEGEND_FONT);
            legend.setItemPaint(theme.text());
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        } else if (subtitle instanceof TextTitle text) {
            boolean muted = NOTE_ID.equals(text.getID()) || CAPTION_ID.equals(text.getID());
            text.setPaint(muted ? theme.mutedText() : theme.text());
            text.setBackgroundPaint(null);
        }
    }

    private static void styleXYPlot(XYPlot plot, Palette.Theme theme, boolean dark) {
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i), theme);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i), theme);
            if (plot.getRangeAxis(i) != null && plot.getOrientation() == PlotOrientation.VERTICAL) {
                plot.getRangeAxis(i).setTickLabelInsets(VALUE_TICK_INSETS);
            }
        }
        for (int r = 0; r < plot.getRendererCount(); r++) {
            XYItemRenderer renderer = plot.getRenderer(r);
            if (renderer == null || plot.getDataset(r) == null) {
                continue;
            }
            for (int s = 0; s < plot.getDataset(r).getSeriesCount(); s++) {
                // Foreground ink (the ideal line) follows the theme; data colours stay what they mean.
                if (isForeground(renderer.getSeriesPaint(s))) {
                    renderer.setSeriesPaint(s, dark ? Palette.DARK.text() : Palette.IDEAL);
                }
            }
        }
    }

    private static boolean isForeground(Paint paint) {
        return paint instanceof Color c && (c.equals(Palette.IDEAL) || c.equals(Palette.DARK.text()));
    }

    private static void styleAxis(Axis axis, Palette.Theme theme) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(theme.text());
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(theme.mutedText());
        axis.setAxisLinePaint(theme.axis());
        axis.setTickMarkPaint(theme.axis());
        axis.setTickMarkOutsideLength(4f);
        axis.setTickMarkInsideLength(0f);
    }
}
