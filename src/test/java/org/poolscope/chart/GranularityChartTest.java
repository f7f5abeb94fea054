package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.poolscope.metrics.SweepResult;

class GranularityChartTest {

    @Test
    void oneSeriesPerWorkerCountOverTaskCountsOnALogAxis() {
        SweepResult sweep = SweepFixtures.granularitySweep();
        JFreeChart chart = GranularityChart.create(sweep, null);
        assertThat(chart.getXYPlot().getDomainAxis()).isInstanceOf(LogAxis.class);
        assertThat(((LogAxis) chart.getXYPlot().getDomainAxis()).getBase()).isEqualTo(10.0);

        YIntervalSeriesCollection measured = (YIntervalSeriesCollection) chart.getXYPlot().getDataset(0);
        assertThat(measured.getSeriesCount()).isEqualTo(3);
        List<Integer> tasks = sweep.spec().tasks();
        for (int s = 0; s < 3; s++) {
            int workers = sweep.spec().workers().get(s);
            assertThat(measured.getSeriesKey(s)).isEqualTo(GranularityChart.seriesKey(workers));
            assertThat(measured.getItemCount(s)).isEqualTo(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                assertThat(measured.getXValue(s, i)).isEqualTo(tasks.get(i).doubleValue());
                assertThat(measured.getYValue(s, i)).isEqualTo(SweepFixtures.speedup(workers, tasks.get(i)));
            }
        }
        XYSeriesCollection refs = (XYSeriesCollection) chart.getXYPlot().getDataset(1);
        assertThat(refs.getSeries(GranularityChart.SEQUENTIAL).getMinY()).isEqualTo(1.0);
        assertThat(refs.getSeries(GranularityChart.SEQUENTIAL).getMaxY()).isEqualTo(1.0);
    }

    @Test
    void seriesTakeDistinctPaletteColours() {
        JFreeChart chart = GranularityChart.create(SweepFixtures.granularitySweep(), null);
        var renderer = chart.getXYPlot().getRenderer(0);
        assertThat(List.of(renderer.getSeriesPaint(0), renderer.getSeriesPaint(1), renderer.getSeriesPaint(2)))
                .containsExactly(Palette.series(0), Palette.series(1), Palette.series(2)).doesNotHaveDuplicates();
    }

    @Test
    void aSingleTaskCountIsSaidToBeNoGranularitySweep() {
        JFreeChart chart = GranularityChart.create(SweepFixtures.sweep(List.of(1, 2), List.of(64), true), null);
        assertThat(SpeedupChartTest.texts(chart, RectangleEdge.TOP)).anyMatch(t -> t.startsWith("One task count only"));
    }
}
