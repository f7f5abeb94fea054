package org.poolscope.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;

/**
 * A chart as a PNG, at any pixel density: the chart is laid out at its logical size and the
 * drawing is scaled, so at 2× the text is as large relative to the plot as on screen, only sharper
 * (asking JFreeChart for a chart twice the size would instead shrink the text by half).
 *
 * <h2>Threads</h2>
 * Any thread, with {@code java.awt.headless=true} on servers. A chart is not thread-safe: do not
 * change it while it is being written.
 */
public final class ChartPng {

    /** Larger images are almost certainly a mistake (and would take gigabytes). */
    static final int MAX_PIXELS_PER_SIDE = 16_384;

    private ChartPng() {
    }

    /**
     * Writes {@code chart} laid out at {@code width} × {@code height} and drawn at {@code scale}
     * (1 for plain, 2 for HiDPI) to {@code target} atomically: the PNG is
     * {@code round(width × scale)} × {@code round(height × scale)} pixels.
     */
    public static void write(JFreeChart chart, Path target, int width, int height, double scale) throws IOException {
        BufferedImage image = render(chart, width, height, scale);
        AtomicFiles.write(target, out -> {
            // A memory cache, not ImageIO's default file cache: no stray files in the temp folder.
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("this Java runtime has no PNG writer");
                }
            }
        });
    }

    /** Draws {@code chart} into a new ARGB image of the scaled size. */
    public static BufferedImage render(JFreeChart chart, int width, int height, double scale) {
        if (width < 1 || height < 1 || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a chart image needs a positive size and scale (was "
                    + width + "×" + height + " at " + scale + "×)");
        }
        long pixelWidth = Math.round(width * scale);
        long pixelHeight = Math.round(height * scale);
        if (pixelWidth > MAX_PIXELS_PER_SIDE || pixelHeight > MAX_PIXELS_PER_SIDE) {
            throw new IllegalArgumentException("a chart image of " + pixelWidth + "×" + pixelHeight
                    + " pixels is too large (at most " + MAX_PIXELS_PER_SIDE + " a side)");
        }
        BufferedImage image = new BufferedImage((int) pixelWidth, (int) pixelHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }
}
