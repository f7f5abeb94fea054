package org.poolscope.timeline;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.AffineTransform;

/**
 * The timeline's header: the caption on the left, the legend on the right. The legend always lists
 * the outcomes and the queue, and the marks (hatch after a cancel, stolen work, running) only when
 * the frame drew them, so it explains what is in the picture and nothing else. The caption gives
 * way (it is shortened with an ellipsis) when both do not fit.
 *
 * <p>Threads: stateless; the painter's thread.
 */
final class Legend {

    private Legend() {
    }

    /** Draws the header; {@code g} is in logical pixels and is left so. */
    static void paint(Graphics2D g, TimelineLayout layout, LaneBars bars, Paint hatch, String caption,
            AffineTransform device, AffineTransform logical) {
        TimelineStyle style = layout.style();
        double fs = style.fontSize;
        double middle = layout.headerBottom() / 2;
        FontMetrics fm = g.getFontMetrics(style.font);
        float baseline = (float) (middle + (fm.getAscent() - fm.getDescent()) / 2.0);
        double swatch = fs * 0.85;
        double gap = fs * 0.4;
        double itemGap = fs * 1.1;
        double width = 0;
        for (Item item : Item.ALL) {
            if (item.shown(bars)) {
                width += swatch + gap + fm.getStringBounds(item.label, g).getWidth() + itemGap;
            }
        }
        double x = layout.viewport().width() - style.padding - (width - itemGap);
        double legendLeft = x;
        g.setFont(style.font);
        for (Item item : Item.ALL) {
            if (!item.shown(bars)) {
                continue;
            }
            g.setTransform(device);
            swatch(g, item, style, hatch, layout.viewport().scale(), x, middle - swatch / 2, swatch);
            g.setTransform(logical);
            g.setColor(style.theme.text());
            g.drawString(item.label, (float) (x + swatch + gap), baseline);
            x += swatch + gap + fm.getStringBounds(item.label, g).getWidth() + itemGap;
        }
        if (caption != null && !caption.isEmpty()) {
            g.setFont(style.boldFont);
            String fitted = fitEnd(caption, g.getFontMetrics(), legendLeft - 2 * style.padding - fs);
            g.setColor(style.theme.text());
            g.drawString(fitted, (float) style.padding, baseline);
        }
    }

    /** A swatch drawn as the bars are, in physical pixels, so it matches them exactly. */
    private static void swatch(Graphics2D g, Item item, TimelineStyle style, Paint hatch, double scale, double x,
            double y, double size) {
        int x0 = (int) Math.round(x * scale);
        int y0 = (int) Math.round(y * scale);
        int s = Math.max(2, (int) Math.round(size * scale));
        int line = Math.max(1, (int) Math.round(scale));
        switch (item) {
            case WAITING -> {
                g.setColor(style.queueFill);
                g.fillRect(x0, y0, s, s);
                g.setColor(style.queueLine);
                g.fillRect(x0, y0, s, line);
            }
            case CANCELLED_WHILE_RUNNING -> {
                g.setPaint(hatch);
                g.fillRect(x0, y0, s, s);
            }
            case TRANSFER -> {
                g.setColor(style.transfer);
                g.fillRect(x0, y0, s, s);
            }
            case STARTUP -> {
                g.setColor(style.startup);
                g.fillRect(x0, y0, s, s);
            }
            case STOLEN -> {
                g.setColor(style.outcome[TimelineStyle.DONE]);
                g.fillRect(x0, y0, s, s);
                g.setColor(style.stolenMark[TimelineStyle.DONE]);
                g.fillRect(x0, y0, s, Math.max(line, (int) Math.round(s * 0.3)));
            }
            default -> {
                g.setColor(style.outcome[item.outcome]);
                g.fillRect(x0, y0, s, s);
            }
        }
    }

    /** {@code text}, or its start and an ellipsis, at most {@code room} wide. */
    static String fitEnd(String text, FontMetrics fm, double room) {
        if (fm.stringWidth(text) <= room) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            String s = text.substring(0, end).stripTrailing() + "…";
            if (fm.stringWidth(s) <= room) {
                return s;
            }
        }
        return "";
    }

    /** What the legend can list, in order. */
    private enum Item {
        DONE("done", TimelineStyle.DONE),
        FAILED("failed", TimelineStyle.FAILED),
        CANCELLED("cancelled", TimelineStyle.CANCELLED),
        CANCELLED_WHILE_RUNNING("ran on after cancel", -1),
        RUNNING("running", TimelineStyle.RUNNING),
        STOLEN("stolen", -1),
        TRANSFER("send/receive", -1),
        STARTUP("JVM start-up", -1),
        WAITING("waiting", -1);

        static final Item[] ALL = values();

        final String label;
        final int outcome;

        Item(String label, int outcome) {
            this.label = label;
            this.outcome = outcome;
        }

        boolean shown(LaneBars bars) {
            return switch (this) {
                case CANCELLED_WHILE_RUNNING -> bars.sawCancelledWhileRunning;
                case RUNNING -> bars.sawRunning;
                case STOLEN -> bars.sawStolen;
                case TRANSFER, STARTUP -> bars.sawSegments();
                default -> true;
            };
        }
    }
}
