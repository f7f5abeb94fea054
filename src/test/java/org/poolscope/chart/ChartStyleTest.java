package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class ChartStyleTest {

    @Test
    void lightStyleIsFlatWithReadableFontsAndTheLegendBelow() {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), "caption");
        XYPlot plot = chart.getXYPlot();
        assertThat(chart.getBackgroundPaint()).isEqualTo(Palette.LIGHT.background());
        assertThat(plot.getBackgroundPaint()).isEqualTo(Palette.LIGHT.background());
        assertThat(plot.isOutlineVisible()).isFalse();
        assertThat(plot.getRangeGridlinePaint()).isEqualTo(Palette.LIGHT.grid());
        assertThat(chart.getTitle().getFont().getSize()).isEqualTo(16);
        assertThat(plot.getDomainAxis().getLabelFont().getSize()).isEqualTo(13);
        assertThat(plot.getDomainAxis().getTickLabelFont().getSize()).isEqualTo(12);
        assertThat(chart.getLegend().getPosition()).isEqualTo(RectangleEdge.BOTTOM);
        assertThat(chart.getAntiAlias()).isTrue();
    }

    @Test
    void darkThemeRecoloursTheIdealLineAndLightRestoresIt() {
        JFreeChart chart = SpeedupChart.create(SweepFixtures.speedupSweep(true), "caption");
        var refs = chart.getXYPlot().getRenderer(SpeedupChart.REFERENCE_DATASET);
        ChartStyle.apply(chart, true);
        assertThat(chart.getBackgroundPaint()).isEqualTo(Palette.DARK.background());
        assertThat(refs.getSeriesPaint(0)).isEqualTo(Palette.DARK.text());
        assertThat(refs.getSeriesPaint(1)).isEqualTo(Palette.CEILING);
        assertThat(chart.getXYPlot().getRenderer(0).getSeriesPaint(0)).isEqualTo(Palette.MEASURED);
        ChartStyle.apply(chart, false);
        assertThat(refs.getSeriesPaint(0)).isEqualTo(Palette.IDEAL);
        assertThat(chart.getTitle().getFont().getSize()).isEqualTo(16);
    }
}
