package org.poolscope.ui;

import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.poolscope.chart.ChartStyle;
import org.poolscope.chart.EfficiencyChart;
import org.poolscope.chart.GranularityChart;
import org.poolscope.chart.SpeedupChart;
import org.poolscope.export.Environment;
import org.poolscope.metrics.SweepResult;

/**
 * Speedup, efficiency and granularity charts of the current sweep: the same JFreeChart factories the
 * CLI's PNGs use, shown through {@link ChartViewer} and themed with the window. A sweep publishes a
 * partial result after each measured round, so points appear as the sweep goes; each publication
 * rebuilds the charts once (a handful of points), never per task.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class ChartsPane extends TabPane {

    private final ChartViewer speedup = viewer("speedup-chart");
    private final ChartViewer efficiency = viewer("efficiency-chart");
    private final ChartViewer granularity = viewer("granularity-chart");
    private final ReadOnlyObjectProperty<SweepResult> sweep;
    private final BooleanProperty dark;
    private final String caption = Environment.capture().caption();

    ChartsPane(ReadOnlyObjectProperty<SweepResult> sweep, BooleanProperty dark) {
        this.sweep = sweep;
        this.dark = dark;
        getTabs().addAll(tab("Speedup", speedup), tab("Efficiency", efficiency), tab("Granularity", granularity));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        sweep.addListener(o -> refresh());
        dark.addListener(o -> refresh());
        refresh();
    }

    /** The chart behind the selected tab, for export; null before the first sweep. */
    JFreeChart selectedChart() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? null : ((ChartViewer) ((StackPane) t.getContent()).getChildren().get(0)).getChart();
    }

    /** Every chart by file name, for "Export all"; empty before the first sweep. */
    java.util.Map<String, JFreeChart> charts() {
        java.util.Map<String, JFreeChart> all = new java.util.LinkedHashMap<>();
        if (speedup.getChart() != null) {
            all.put("speedup.png", speedup.getChart());
            all.put("efficiency.png", efficiency.getChart());
        }
        if (granularity.getChart() != null) {
            all.put("granularity.png", granularity.getChart());
        }
        return all;
    }

    private void refresh() {
        SweepResult r = sweep.get();
        if (r == null) {
            return;
        }
        show(speedup, r, SpeedupChart::create);
        show(efficiency, r, EfficiencyChart::create);
        if (r.spec().isGranularity()) {
            show(granularity, r, GranularityChart::create);
        }
    }

    private void show(ChartViewer viewer, SweepResult r, BiFunction<SweepResult, String, JFreeChart> factory) {
        viewer.setChart(ChartStyle.apply(factory.apply(r, caption), dark.get()));
        ((StackPane) viewer.getParent()).getChildren().get(1).setVisible(false); // the placeholder
    }

    private static ChartViewer viewer(String id) {
        ChartViewer v = new ChartViewer(null);
        v.setId(id);
        return v;
    }

    private static Tab tab(String name, ChartViewer viewer) {
        Label empty = new Label(name.equals("Granularity")
                ? "A sweep over several task counts (CLI: --tasks 1,10,100,1000) shows overhead on tiny tasks."
                : "Press Sweep (Ctrl+Shift+R) to measure speedup over worker counts.");
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        StackPane box = new StackPane(viewer, empty);
        box.setPadding(new Insets(4));
        return new Tab(name, box);
    }
}
