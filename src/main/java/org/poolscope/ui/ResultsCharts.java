package org.poolscope.ui;

import org.jfree.chart.JFreeChart;
import org.poolscope.chart.ChartStyle;
import org.poolscope.chart.ResultsChart;
import org.poolscope.engine.RunResult;
import org.poolscope.export.Environment;

/** Builds the workload's results chart for a run, styled for the window. */
final class ResultsCharts {

    private ResultsCharts() {
    }

    /** The chart for {@code run} in the window's theme. */
    static JFreeChart create(RunResult run, boolean dark) {
        return ChartStyle.apply(ResultsChart.create(run, Environment.capture().caption()), dark);
    }
}
