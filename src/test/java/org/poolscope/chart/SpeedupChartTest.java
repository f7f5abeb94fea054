package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;

class SpeedupChartTest {

    private static final String CAPTION = "PoolScope test · Temurin 25.0.3 · Linux 6.18 amd64 · AMD EPYC · 2 cores";

    @Test
    void measuredSeriesIsTheFirstTaskCountsMedianWithMinMaxBars() {
        SweepResult sweep = SweepFixtures.speedupSweep(true);
        XYPlot plot = SpeedupChart.create(sweep, CAPTION).getXYPlot();
        YIntervalSeriesCollection measured = (YIntervalSeriesCollection) plot.getDataset(SpeedupChart.MEASURED_DATASET);

        List<SweepPoint> first = sweep.points().stream().filter(p -> p.tasks() == 64).toList();
        assertThat(measured.getSeriesCount()).isEqualTo(1);
        assertThat(measured.getSeriesKey(0)).isEqualTo(SpeedupChart.MEASURED);
        assertThat(measured.getItemCount(0)).isEqualTo(first.size()).isEqualTo(6);
        for (int i = 0; i < first.size(); i++) {
            SweepPoint p = first.get(i);
            assertThat(measured.getXValue(0, i)).isEqualTo(p.workers());
            assertThat(measured.getYValue(0, i)).isEqualTo(p.speedup());
            assertThat(measured.getStartYValue(0, i)).isEqualTo(p.speedupMin()).isLessThan(p.speedup());
            assertThat(measured.getEndYValue(0, i)).isEqualTo(p.speedupMax()).isGreaterThan(p.speedup());
        }
    }

    @Test
    void idealEqualsWorkersAndCeilingIsTheMedianCeiling() {
        SweepResult sweep = SweepFixtures.speedupSweep(true);
        XYSeriesCollection refs = references(SpeedupChart.create(sweep, CAPTION));
        var ideal = refs.getSeries(SpeedupChart.IDEAL);
        var ceiling = refs.getSeries(SpeedupChart.CEILING);
        assertThat(ideal.getItemCount()).isEqualTo(6);
        for (int i = 0; i < ideal.getItemCount(); i++) {
            assertThat(ideal.getY(i).doubleValue()).isEqualTo(ideal.getX(i).doubleValue());
            int n = ceiling.getX(i).intValue();
            assertThat(ceiling.getY(i).doubleValue()).isEqualTo(SweepFixtures.ceiling(n));
        }
    }

    @Test
    void amdahlCurveFollowsTheFitWhenValid() {
        SweepResult sweep = SweepFixtures.speedupSweep(true);
        JFreeChart chart = SpeedupChart.create(sweep, CAPTION);
        XYSeriesCollection refs = references(chart);
        assertThat(refs.getSeriesCount()).isEqualTo(3);
        var curve = refs.getSeries(2);
        assertThat((String) curve.getKey()).startsWith(SpeedupChart.AMDAHL).contains("f = 0.050");
        assertThat(curve.getMinX()).isEqualTo(1.0);
        assertThat(curve.getMaxX()).isEqualTo(8.0);
        for (int i = 0; i < curve.getItemCount(); i++) {
            double n = curve.getX(i).doubleValue();
            assertThat(curve.getY(i).doubleValue()).isCloseTo(sweep.amdahl().speedup(n), within(1e-12));
        }
        assertThat(texts(chart, RectangleEdge.TOP)).noneMatch(t -> t.startsWith("No Amdahl"));
    }

    @Test
    void invalidFitDrawsNoCurveAndSaysWhy() {
        SweepResult sweep = SweepFixtures.speedupSweep(false);
        JFreeChart chart = SpeedupChart.create(sweep, CAPTION);
        XYSeriesCollection refs = references(chart);
        assertThat(refs.getSeriesCount()).isEqualTo(2);
        for (int s = 0; s < refs.getSeriesCount(); s++) {
            assertThat((String) refs.getSeriesKey(s)).doesNotStartWith(SpeedupChart.AMDAHL);
        }
        assertThat(texts(chart, RectangleEdge.TOP)).anyMatch(t -> t.startsWith("No Amdahl curve: only 2 points"));
    }

    @Test
    void warningsUnderTheTitleCaptionAtTheBottomLegendBelowThePlot() {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), CAPTION);
        assertThat(texts(chart, RectangleEdge.TOP)).containsExactly(
                "⚠ N > cores (2) at N = 3, 4, 6, 8: past the cores the machine, not the program, limits speedup");
        assertThat(texts(chart, RectangleEdge.BOTTOM)).containsExactly(CAPTION);
        // The caption comes before the legend so it takes the outermost bottom strip.
        List<Title> subtitles = subtitles(chart);
        assertThat(subtitles.indexOf(chart.getLegend())).isGreaterThan(indexOfText(subtitles, CAPTION));
        assertThat(chart.getLegend().getPosition()).isEqualTo(RectangleEdge.BOTTOM);
        assertThat(chart.getTitle().getText()).isEqualTo("Speedup · io latency=20ms · fixed · 64 tasks");
    }

    @Test
    void workersAxisHasWholeNumberTicks() {
        XYPlot plot = SpeedupChart.create(SweepFixtures.speedupSweep(true), null).getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        assertThat(x.getStandardTickUnits()).isNotNull();
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(0.3).getSize()).isEqualTo(1.0);
        assertThat(x.getLowerBound()).isEqualTo(0.0);
    }

    @Test
    void noCaptionNoBottomText() {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), null);
        assertThat(texts(chart, RectangleEdge.BOTTOM)).isEmpty();
    }

    static XYSeriesCollection references(JFreeChart chart) {
        XYDataset d = chart.getXYPlot().getDataset(SpeedupChart.REFERENCE_DATASET);
        return (XYSeriesCollection) d;
    }

    static List<Title> subtitles(JFreeChart chart) {
        List<Title> all = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            all.add(chart.getSubtitle(i));
        }
        return all;
    }

    /** The texts of the chart's text subtitles on one edge, in order. */
    static List<String> texts(JFreeChart chart, RectangleEdge edge) {
        return subtitles(chart).stream()
                .filter(t -> t instanceof TextTitle && !(t instanceof LegendTitle) && t.getPosition() == edge)
                .map(t -> ((TextTitle) t).getText()).toList();
    }

    private static int indexOfText(List<Title> subtitles, String text) {
        for (int i = 0; i < subtitles.size(); i++) {
            if (subtitles.get(i) instanceof TextTitle t && t.getText().equals(text)) {
                return i;
            }
        }
        return -1;
    }
}
