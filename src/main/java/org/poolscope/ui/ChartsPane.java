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

    private final javafx.beans.value.ObservableValue<Boolean> sweeping;
    private java.util.function.BiConsumer<Integer, Integer> onPoint = (workers, tasks) -> { };
    private java.util.function.Supplier<String> liveView = () -> "throttled to 4 frames a second";
    /** The sweep whose measured runs the live view throttled or paused, and which of the two. */
    private org.poolscope.metrics.SweepSpec notedSweep;
    private String notedLiveView;

    ChartsPane(ReadOnlyObjectProperty<SweepResult> sweep, BooleanProperty dark,
            javafx.beans.value.ObservableValue<Boolean> sweeping) {
        this.sweep = sweep;
        this.dark = dark;
        this.sweeping = sweeping;
        for (ChartViewer v : new ChartViewer[] {speedup, efficiency, granularity}) {
            v.addChartMouseListener(new org.jfree.chart.fx.interaction.ChartMouseListenerFX() {
                @Override
                public void chartMouseClicked(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                    clicked(v, e.getEntity());
                }

                @Override
                public void chartMouseMoved(org.jfree.chart.fx.interaction.ChartMouseEventFX e) {
                }
            });
        }
        getTabs().addAll(tab("Speedup", speedup), tab("Efficiency", efficiency), tab("Granularity", granularity));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        sweep.addListener(o -> refresh());
        dark.addListener(o -> refresh());
        refresh();
    }

    /** Says what the live timeline does during measured runs ("throttled …" or "paused"). */
    void liveViewDuringSweeps(java.util.function.Supplier<String> what) {
        liveView = what;
    }

    /** Adds "Export PNG…" to each chart's context menu (ChartViewer's own menu, so zoom items stay). */
    void onExport(java.util.function.BiConsumer<JFreeChart, String> export) {
        addExport(speedup, "speedup", export);
        addExport(efficiency, "efficiency", export);
        addExport(granularity, "granularity", export);
    }

    static void addExport(ChartViewer viewer, String name, java.util.function.BiConsumer<JFreeChart, String> export) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Export PNG (2×)…", Icons.EXPORT.node());
        item.setOnAction(e -> export.accept(viewer.getChart(), name));
        viewer.getContextMenu().getItems().add(0, item);
    }

    /** What to do when a measured point is clicked: show that run (workers, tasks). */
    void onPointClicked(java.util.function.BiConsumer<Integer, Integer> action) {
        onPoint = action;
    }

    private void clicked(ChartViewer viewer, org.jfree.chart.entity.ChartEntity entity) {
        SweepResult r = sweep.get();
        if (r == null || !(entity instanceof org.jfree.chart.entity.XYItemEntity item)) {
            return;
        }
        double x = item.getDataset().getXValue(item.getSeriesIndex(), item.getItem());
        if (viewer == granularity) {
            String key = String.valueOf(item.getDataset().getSeriesKey(item.getSeriesIndex()));
            String digits = key.replaceAll("\\D+", "");
            if (!digits.isEmpty()) {
                onPoint.accept(Integer.parseInt(digits), (int) Math.round(x));
            }
        } else {
            onPoint.accept((int) Math.round(x), r.spec().tasks().get(0));
        }
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
            if (notedSweep == r.spec() && getSelectionModel().getSelectedIndex() != 2) {
                getSelectionModel().select(2); // a granularity sweep in progress: show its chart
            }
        }
    }

    private void show(ChartViewer viewer, SweepResult r, BiFunction<SweepResult, String, JFreeChart> factory) {
        JFreeChart chart = factory.apply(r, caption);
        if (Boolean.TRUE.equals(sweeping.getValue()) && notedSweep != r.spec()) {
            notedSweep = r.spec(); // the same spec object for every partial result and the final one
            notedLiveView = liveView.get();
        }
        if (notedSweep == r.spec()) {
            // On two cores the window competes with the runs it measures: say what it did meanwhile.
            org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle(
                    "the live timeline was " + notedLiveView + " during the measured runs");
            note.setFont(ChartStyle.NOTE_FONT);
            chart.addSubtitle(note);
        }
        viewer.setChart(ChartStyle.apply(chart, dark.get()));
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
