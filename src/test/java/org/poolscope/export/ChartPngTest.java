package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.chart.EfficiencyChart;
import org.poolscope.chart.GranularityChart;
import org.poolscope.chart.SpeedupChart;
import org.poolscope.chart.SweepFixtures;
import org.poolscope.metrics.SweepResult;

class ChartPngTest {

    /** Rendered charts are kept here for people to look at; the build cleans them. */
    static final Path PREVIEWS = Path.of("target", "chart-preview");
    private static final String CAPTION = new Environment("0.1.0", "Eclipse Adoptium", "Temurin-25.0.3+9",
            "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM", "Linux", "6.18.44", "amd64",
            "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", 2, 2L << 30).caption();

    @TempDir
    Path dir;

    @Test
    void pixelSizeIsLogicalSizeTimesScale() throws IOException {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), CAPTION);
        Path png = dir.resolve("speedup.png");
        ChartPng.write(chart, png, 400, 250, 2.0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        ChartPng.write(chart, png, 300, 200, 1.5);
        image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(450);
        assertThat(image.getHeight()).isEqualTo(300);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(png); // no temporary file left behind
        }
    }

    @Test
    void everyChartRendersNotBlank() throws IOException {
        Files.createDirectories(PREVIEWS);
        render("speedup", SpeedupChart.create(SweepFixtures.speedupSweep(true), CAPTION));
        render("speedup-no-fit", SpeedupChart.create(SweepFixtures.speedupSweep(false), CAPTION));
        render("efficiency", EfficiencyChart.create(SweepFixtures.speedupSweep(true), CAPTION));
        render("granularity", GranularityChart.create(SweepFixtures.granularitySweep(), CAPTION));
        // Crowded: many worker counts, squeezed into a small window, where text would clip first.
        SweepResult many = SweepFixtures.sweep(List.of(1, 2, 4, 8, 12, 16, 24, 32, 48, 64), List.of(1024), true);
        render("speedup-many", SpeedupChart.create(many, CAPTION));
        render("efficiency-small", EfficiencyChart.create(many, CAPTION), 520, 380);
    }

    private static void render(String name, JFreeChart chart) throws IOException {
        render(name, chart, 900, 560);
    }

    private static void render(String name, JFreeChart chart, int width, int height) throws IOException {
        Path png = PREVIEWS.resolve(name + ".png");
        ChartPng.write(chart, png, width, height, 1.0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        // Antialiased lines and text over a flat background give hundreds of colours; a blank or
        // failed drawing gives one or two.
        assertThat(distinctColours(image)).as(name).isGreaterThan(100);
    }

    @Test
    void darkRendersToo() throws IOException {
        Files.createDirectories(PREVIEWS);
        JFreeChart chart = org.poolscope.chart.ChartStyle.apply(
                SpeedupChart.create(SweepFixtures.speedupSweep(true), CAPTION), true);
        ChartPng.write(chart, PREVIEWS.resolve("speedup-dark@2x.png"), 900, 560, 2.0);
        assertThat(distinctColours(ImageIO.read(PREVIEWS.resolve("speedup-dark@2x.png").toFile()))).isGreaterThan(100);
    }

    @Test
    void rejectsNonsenseSizes() {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), null);
        assertThatThrownBy(() -> ChartPng.render(chart, 0, 100, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartPng.render(chart, 100, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartPng.render(chart, 100, 100, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartPng.render(chart, 10_000, 100, 2)).hasMessageContaining("too large");
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
