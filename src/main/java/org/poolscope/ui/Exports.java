package org.poolscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.poolscope.engine.RunResult;
import org.poolscope.export.ChartPng;
import org.poolscope.export.ChromeTrace;
import org.poolscope.export.Environment;
import org.poolscope.export.RunJson;
import org.poolscope.export.SweepCsv;
import org.poolscope.metrics.SweepResult;

/**
 * Export from the window: the timeline or a chart as PNG at 2× (the Graphics2D is scaled, so text
 * keeps its size), and "Export all" into a folder. Every file is written to a temporary file beside
 * the target and moved into place; a failed write shows a message and leaves no partial file.
 *
 * <p>Threads: the JavaFX Application Thread (writing a few PNGs takes well under a second).
 */
final class Exports {

    static final int CHART_WIDTH = 1000;
    static final int CHART_HEIGHT = 640;
    static final double SCALE = 2;

    private final MainView view;
    private File lastFolder;

    Exports(MainView view) {
        this.view = view;
    }

    /** The timeline as PNG, chosen from its context menu. */
    void exportTimeline() {
        Path target = choose("timeline-" + slug() + ".png");
        if (target != null) {
            attempt(() -> view.timeline.writePng(target, SCALE));
        }
    }

    /** One chart as PNG, chosen from its context menu. */
    void exportChart(JFreeChart chart, String name) {
        if (chart == null) {
            return;
        }
        Path target = choose(name + "-" + slug() + ".png");
        if (target != null) {
            attempt(() -> ChartPng.write(chart, target, CHART_WIDTH, CHART_HEIGHT, SCALE));
        }
    }

    /** Ctrl+E: the selected chart tab's chart when there is one, else the timeline. */
    void exportSelected() {
        JFreeChart chart = view.charts.selectedChart();
        String name = chart != null ? view.charts.getSelectionModel().getSelectedItem().getText().toLowerCase(Locale.ROOT)
                : "timeline";
        Path target = choose(name + "-" + slug() + ".png");
        if (target == null) {
            return;
        }
        attempt(() -> {
            if (chart != null) {
                ChartPng.write(chart, target, CHART_WIDTH, CHART_HEIGHT, SCALE);
            } else {
                view.timeline.writePng(target, SCALE);
            }
        });
    }

    /** Asks for a saved run (JSON) and opens it. */
    void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a saved run");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PoolScope run (JSON)", "*.json"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showOpenDialog(view.getScene().getWindow());
        if (f != null) {
            lastFolder = f.getParentFile();
            view.controller.open(f.toPath());
        }
    }

    /** Writes everything there is into a folder the user picks. */
    void exportAll() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export all into a folder");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File dir = chooser.showDialog(view.getScene().getWindow());
        if (dir != null) {
            lastFolder = dir;
            attempt(() -> exportAll(dir.toPath()));
        }
    }

    /** Writes speedup.png, efficiency.png, timeline.png, results.png, runs.csv, run.json, trace.json — what exists. */
    void exportAll(Path dir) throws Exception {
        for (Map.Entry<String, JFreeChart> e : view.charts.charts().entrySet()) {
            ChartPng.write(e.getValue(), dir.resolve(e.getKey()), CHART_WIDTH, CHART_HEIGHT, SCALE);
        }
        RunResult run = view.controller.lastRun().get();
        if (run != null) {
            view.timeline.writePng(dir.resolve("timeline.png"), SCALE);
            if (view.results.chart() != null) {
                ChartPng.write(view.results.chart(), dir.resolve("results.png"), CHART_WIDTH, CHART_HEIGHT, SCALE);
            }
            RunJson.write(run, Environment.capture(), dir.resolve("run.json"));
            if (run.spec().record()) {
                ChromeTrace.write(run, dir.resolve("trace.json"));
            }
        }
        SweepResult sweep = view.controller.lastSweep().get();
        if (sweep != null) {
            SweepCsv.write(sweep, dir.resolve("runs.csv"));
        }
    }

    private String slug() {
        Settings s = view.settings;
        return (s.family.get().name() + "-" + s.executor.get().cliName() + "-" + s.workers.get()).toLowerCase(Locale.ROOT);
    }

    private Path choose(String defaultName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG");
        chooser.setInitialFileName(defaultName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showSaveDialog(view.getScene().getWindow());
        if (f == null) {
            return null;
        }
        lastFolder = f.getParentFile();
        return f.toPath();
    }

    private interface Write {
        void run() throws Exception;
    }

    private void attempt(Write write) {
        try {
            write.run();
        } catch (Exception e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
            alert.setHeaderText("Could not export");
            alert.initOwner(view.getScene().getWindow());
            alert.show();
        }
    }
}
