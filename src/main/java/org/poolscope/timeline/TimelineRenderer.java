package org.poolscope.timeline;

import java.awt.image.BufferedImage;
import java.awt.image.DirectColorModel;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.poolscope.engine.Timeline;

/**
 * A whole run's timeline as an image or a PNG, painted by the same {@link TimelinePainter} as the
 * window, so a file is the pixels the screen shows.
 *
 * <h2>Files</h2>
 * The PNG goes to an {@link OutputStream}: the caller makes the file, atomically (the CLI and the
 * exporters use {@code org.poolscope.export.AtomicFiles}). This package stays below export and the
 * CLI, and the project keeps one atomic-write implementation.
 *
 * <h2>Threads</h2>
 * Stateless; any thread, headless included ({@code java.awt.headless=true}). The timeline may be
 * live: the image shows it as it is while painted.
 */
public final class TimelineRenderer {

    /** The CLI's PNG: 1600 × 900 logical pixels at twice the density. */
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 900;
    public static final double DEFAULT_SCALE = 2;

    /** Red, green and blue of an int ARGB raster, without its alpha. */
    private static final int[] RGB_BANDS = {0, 1, 2};

    private TimelineRenderer() {
    }

    /** The whole run, painted into a new premultiplied-ARGB image of the viewport's pixel size. */
    public static BufferedImage render(Timeline timeline, int width, int height, double scale, TimelineStyle style,
            String caption) {
        Viewport viewport = Viewport.wholeRun(timeline, width, height, scale);
        BufferedImage image = new BufferedImage(viewport.pixelWidth(), viewport.pixelHeight(),
                BufferedImage.TYPE_INT_ARGB_PRE);
        new TimelinePainter().paint(timeline, viewport, style, TimelinePainter.NOT_LIVE, caption, image);
        return image;
    }

    /**
     * Writes the whole run as a PNG of {@code round(width × scale)} × {@code round(height × scale)}
     * pixels to {@code out}, which it leaves open.
     */
    public static void writePng(Timeline timeline, int width, int height, double scale, TimelineStyle style,
            String caption, OutputStream out) throws IOException {
        writePng(render(timeline, width, height, scale, style, caption), out);
    }

    /**
     * Writes a painted image as an opaque RGB PNG, without copying it: every pixel the painter leaves
     * is opaque, so its premultiplied ints are plain RGB, read through a colour model that ignores alpha.
     */
    public static void writePng(BufferedImage painted, OutputStream out) throws IOException {
        BufferedImage rgb = painted;
        if (painted.getType() == BufferedImage.TYPE_INT_ARGB_PRE || painted.getType() == BufferedImage.TYPE_INT_ARGB) {
            var raster = painted.getRaster().createWritableChild(0, 0, painted.getWidth(), painted.getHeight(), 0, 0,
                    RGB_BANDS);
            rgb = new BufferedImage(new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF), raster, false, null);
        }
        // A memory cache, not ImageIO's default file cache: no stray files in the temp folder.
        try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(rgb, "png", png)) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        }
    }
}
