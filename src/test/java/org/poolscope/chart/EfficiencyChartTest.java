package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.poolscope.metrics.SweepPoint;
import org.poolscope.metrics.SweepResult;

class EfficiencyChartTest {

    @Test
    void measuredIsSpeedupOverWorkersWithScaledBars() {
        SweepResult sweep = SweepFixtures.speedupSweep(true);
        XYPlot plot = EfficiencyChart.create(sweep, "caption").getXYPlot();
        YIntervalSeriesCollection measured = (YIntervalSeriesCollection) plot.getDataset(0);
        List<SweepPoint> first = sweep.points().stream().filter(p -> p.tasks() == 64).toList();
        assertThat(measured.getItemCount(0)).isEqualTo(first.size());
        for (int i = 0; i < first.size(); i++) {
            SweepPoint p = first.get(i);
            assertThat(measured.getYValue(0, i)).isEqualTo(p.efficiency());
            assertThat(measured.getStartYValue(0, i)).isCloseTo(p.speedupMin() / p.workers(), within(1e-12));
            assertThat(measured.getEndYValue(0, i)).isCloseTo(p.speedupMax() / p.workers(), within(1e-12));
        }
    }

    @Test
    void idealIsOneAndCeilingIsCeilingOverWorkers() {
        XYPlot plot = EfficiencyChart.create(SweepFixtures.speedupSweep(true), null).getXYPlot();
        XYSeriesCollection refs = (XYSeriesCollection) plot.getDataset(1);
        var ideal = refs.getSeries(EfficiencyChart.IDEAL);
        var ceiling = refs.getSeries(EfficiencyChart.CEILING);
        for (int i = 0; i < ideal.getItemCount(); i++) {
            assertThat(ideal.getY(i).doubleValue()).isEqualTo(1.0);
            int n = ceiling.getX(i).intValue();
            assertThat(ceiling.getY(i).doubleValue()).isCloseTo(SweepFixtures.ceiling(n) / n, within(1e-12));
        }
    }

    @Test
    void yAxisRunsFromZeroToAboveOne() {
        JFreeChart chart = EfficiencyChart.create(SweepFixtures.speedupSweep(true), null);
        var y = chart.getXYPlot().getRangeAxis();
        assertThat(y.getLowerBound()).isEqualTo(0.0);
        assertThat(y.getUpperBound()).isGreaterThanOrEqualTo(1.1).isLessThan(1.3);
        assertThat(SpeedupChartTest.texts(chart, RectangleEdge.TOP)).hasSize(1).allMatch(t -> t.startsWith("⚠"));
    }
}
