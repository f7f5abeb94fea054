package org.poolscope.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.poolscope.engine.RunResult;

/**
 * The last run's results: its combined values, whether they equal the sequential definition (✓/✗
 * with the reason), the units missing, and the workload's own chart (primes per block against time
 * per block, the filtered signal, concurrency reached, contention throughput).
 *
 * <p>Threads: the JavaFX Application Thread; changes once per finished run.
 */
final class ResultsView extends VBox {

    private final Label verdict = new Label("No run yet: press Run (Ctrl+R).");
    private final GridPane values = new GridPane();
    private final ChartViewer chart = new ChartViewer(null);
    /** In the chart's place when a run has none to show. */
    private final Label noChart = new Label();
    final TaskOrderList tasks = new TaskOrderList();
    private final ReadOnlyObjectProperty<RunResult> run;
    private final BooleanProperty dark;

    ResultsView(ReadOnlyObjectProperty<RunResult> run, BooleanProperty dark) {
        this.run = run;
        this.dark = dark;
        setId("results");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-4");
        values.setHgap(12);
        values.setVgap(2);
        chart.setId("results-chart");
        noChart.setWrapText(true);
        noChart.getStyleClass().add("text-muted");
        noChart.setId("results-no-chart");
        noChart.setVisible(false);
        StackPane chartBox = new StackPane(chart, noChart);
        // The chart and the task list share the room on tabs: stacked, neither had enough of it.
        javafx.scene.control.TabPane below = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Chart", chartBox),
                new javafx.scene.control.Tab("Tasks in order", tasks));
        below.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        below.setId("results-tabs");
        VBox.setVgrow(below, Priority.ALWAYS);
        getChildren().addAll(verdict, values, below);
        run.addListener(o -> show());
        dark.addListener(o -> show());
    }

    /** Adds "Export PNG…" to the results chart's context menu. */
    void onExport(java.util.function.BiConsumer<JFreeChart, String> export) {
        ChartsPane.addExport(chart, "results", export);
    }

    /** The results chart, for export; null before a run. */
    JFreeChart chart() {
        return chart.getChart();
    }

    private void show() {
        RunResult r = run.get();
        if (r == null) {
            return;
        }
        verdict.setText((r.verified() ? "✓ " : "✗ ") + r.verification().message());
        verdict.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_SUCCESS, r.verified());
        verdict.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, !r.verified());
        values.getChildren().clear();
        int row = 0;
        for (var e : r.result().values().entrySet()) {
            row = row(row, e.getKey(), String.format(java.util.Locale.ROOT, "%,d", e.getValue()));
        }
        row = row(row, "tasks", r.done() + " done, " + r.failed() + " failed, " + r.cancelled() + " cancelled");
        int[] missing = r.missingUnits();
        if (missing.length > 0) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(missing.length, 10); i++) {
                b.append(i == 0 ? "" : ", ").append(missing[i]);
            }
            row(row, "missing units", b + (missing.length > 10 ? " … (" + missing.length + ")" : ""));
        }
        tasks.show(r);
        // An opened run has its timeline but not its units' outputs: no per-unit chart for it.
        JFreeChart c = r.job() == null || r.job() instanceof org.poolscope.engine.RestoredJob ? null
                : ResultsCharts.create(r, dark.get());
        if (c != null) {
            chart.setChart(c);
        }
        chart.setVisible(c != null);
        noChart.setVisible(c == null);
        noChart.setText(r.job() instanceof org.poolscope.engine.RestoredJob
                ? "An opened run keeps each task's times, not its output: run it again to chart its results."
                : "This run has no results to chart.");
    }

    private int row(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        values.add(n, 0, row);
        Label v = new Label(value);
        v.setId("result-" + name.replace(' ', '-'));
        values.add(v, 1, row);
        return row + 1;
    }
}
