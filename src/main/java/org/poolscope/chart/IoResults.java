package org.poolscope.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.poolscope.engine.RunResult;
import org.poolscope.workload.IoWorkload;

/**
 * The io chart of {@link ResultsChart}: how many tasks were waiting at once over the run, as a step
 * line, under a dashed line at the worker count. Waiting uses no CPU, so the concurrency reached is
 * the pool's, not the cores': a pool of 64 on two cores runs 64 at once. Stateless; the building thread.
 */
final class IoResults {

    private IoResults() {
    }

    static JFreeChart create(RunResult run, IoWorkload io, String caption) {
        double[][] steps = ResultsChart.concurrency(run.timeline());
        int workers = run.spec().workers();
        double wallMs = run.wallMillis();

        DefaultXYDataset running = new DefaultXYDataset();
        DefaultXYDataset limit = new DefaultXYDataset();
        int peak = 0;
        if (steps[0].length > 1) {
            running.addSeries(ResultsChart.RUNNING, steps);
            for (double c : steps[1]) {
                peak = Math.max(peak, (int) c);
            }
            double end = Math.max(wallMs, steps[0][steps[0].length - 1]);
            limit.addSeries(workersKey(workers), new double[][] {{0, end}, {workers, workers}});
        }
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Palette.MEASURED);
        // Thin: a dip between one wait and the next lasts microseconds and should look it.
        step.setSeriesStroke(0, new BasicStroke(1.5f));
        step.setDefaultShapesVisible(false);
        XYLineAndShapeRenderer reference = new XYLineAndShapeRenderer(true, false);
        // The pool's limit, on top of the line that reaches it: orange, what the pool allows.
        Charts.dashed(reference, 0, Palette.CEILING);

        NumberAxis time = new NumberAxis("time since the run started (ms)");
        time.setAutoRangeIncludesZero(true);
        time.setUpperMargin(0.02);
        NumberAxis count = Charts.valueAxis("tasks running at once");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setUpperMargin(0.12);

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setRangeAxis(count);
        plot.setDataset(ResultsChart.IO_RUNNING, running);
        plot.setRenderer(ResultsChart.IO_RUNNING, step);
        plot.setDataset(ResultsChart.IO_WORKERS, limit);
        plot.setRenderer(ResultsChart.IO_WORKERS, reference);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No per-task times: the run was not recorded");

        List<String> notes = new ArrayList<>();
        int tasks = run.timeline().tasks();
        if (steps[0].length > 1) {
            double ideal = Math.ceilDiv(tasks, workers) * (double) io.latencyMillis();
            notes.add(String.format(Locale.ROOT, "Concurrency reached: %d of %d workers · %d waits of %d ms took %s"
                    + " (%d rounds of %d: %s)", peak, workers, tasks, io.latencyMillis(),
                    ResultsChart.millis(wallMs), Math.ceilDiv(tasks, workers), workers, ResultsChart.millis(ideal)));
        }
        notes.add(ResultsChart.verdict(run));
        return Charts.chart("Tasks running at once · " + run.spec().describe(), plot, ResultsChart.warnings(run),
                notes, caption);
    }

    static String workersKey(int workers) {
        return "workers N = " + workers;
    }
}
