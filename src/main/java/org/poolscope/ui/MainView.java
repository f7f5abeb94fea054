package org.poolscope.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunResult;

/**
 * The main window's content: toolbar on top, parameters on the left, the live timeline with the
 * pinned task's details in the centre, charts and results on the right, the status bar below.
 * It wires views to the {@link RunController} and the {@link Settings}; it computes nothing itself.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
public final class MainView extends BorderPane {

    final Settings settings;
    final RunController controller;
    final ParametersPane parameters;
    final TimelineView timeline;
    final DetailsPane details = new DetailsPane();
    final ChartsPane charts;
    final ResultsView results;
    final Button run = button("Run", Icons.RUN, "Run the workload once (Ctrl+R)");
    final Button sweep = button("Sweep", Icons.SWEEP, "Measure speedup over 1, 2, 4, … workers (or over task counts, "
            + "when ticked on the left) against the sequential baseline and the machine's ceiling (Ctrl+Shift+R)");
    final Button cancelQueued = button("Cancel queued", Icons.CANCEL_QUEUED,
            "Cancel the tasks still in the queue; running ones finish");
    final Button cancelAll = button("Cancel all", Icons.CANCEL_ALL, "Cancel everything, running tasks too (Esc)");
    final Button replay = button("Replay", Icons.REPLAY, "Play the last run back slowly, or step through it task by task");
    final Button open = button("Open run", Icons.OPEN, "Open a run saved as JSON (poolscope run --json, Export all) (Ctrl+O)");
    final ReplayBar replayBar;
    final Button about = button(null, Icons.ABOUT, "About PoolScope: version, Java, JavaFX, bundled libraries and their licences (F1)");
    final Label problem = new Label();
    private final Exports exports;

    public MainView(Settings settings, RunController controller) {
        this.settings = settings;
        this.controller = controller;
        this.parameters = new ParametersPane(settings);
        this.timeline = new TimelineView(controller, settings, details);
        this.replayBar = new ReplayBar(timeline);
        this.charts = new ChartsPane(controller.lastSweep(), settings.dark, controller.sweeping());
        this.results = new ResultsView(controller.lastRun(), settings.dark);
        this.exports = new Exports(this);
        timeline.onExport(exports::exportTimeline);
        charts.onExport(exports::exportChart);
        results.onExport(exports::exportChart);
        getStyleClass().add("ps-main");

        setTop(toolbar());
        problem.setId("problem");
        problem.getStyleClass().add("ps-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(parameters.problem());
        problem.visibleProperty().bind(parameters.problem().isNotEmpty());
        VBox left = new VBox(parameters, problem);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(310);
        setLeft(leftScroll);

        VBox timelineBox = new VBox(replayBar, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        SplitPane centre = new SplitPane(timelineBox, details);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.74);
        SplitPane right = new SplitPane(charts, results);
        right.setOrientation(Orientation.VERTICAL);
        SplitPane main = new SplitPane(centre, right);
        main.setDividerPositions(0.6);
        setCenter(main);
        setBottom(new StatusBarView(controller, settings));

        run.setId("run-button"); // the main action: bold, with an accent icon (toolbars flatten accent backgrounds)
        run.disableProperty().bind(controller.busy().or(parameters.problem().isNotEmpty()));
        sweep.disableProperty().bind(run.disableProperty().or(Bindings.createBooleanBinding(
                () -> settings.executor.get() == ExecutorKind.SEQUENTIAL, settings.executor)));
        cancelQueued.disableProperty().bind(controller.busy().not());
        cancelAll.disableProperty().bind(controller.busy().not());
        replay.disableProperty().bind(controller.busy().or(controller.lastRun().isNull()));
        replay.setOnAction(e -> timeline.replay(controller.lastRun().get()));
        open.disableProperty().bind(controller.busy());
        controller.error().addListener((o, was, message) -> {
            if (!message.isEmpty() && getScene() != null) {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.ERROR, message);
                alert.setHeaderText("That did not work");
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
        open.setOnAction(e -> exports.chooseAndOpen());
        about.setId("about-button");
        about.setOnAction(e -> AboutDialog.show(getScene().getWindow()));
        charts.liveViewDuringSweeps(timeline::duringSweeps);
        charts.onPointClicked((workers, tasks) -> {
            RunResult r = controller.sweepRun(workers, tasks);
            if (r != null && !controller.busy().get()) {
                timeline.show(r);
            }
        });
        run.setOnAction(e -> controller.run(settings.runSpec()));
        sweep.setOnAction(e -> {
            try {
                controller.sweep(settings.sweepSpec());
            } catch (IllegalArgumentException bad) {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.WARNING, bad.getMessage());
                alert.setHeaderText("Cannot sweep that");
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
        cancelQueued.setOnAction(e -> controller.cancelQueued());
        cancelAll.setOnAction(e -> controller.cancelAll());
        settings.workers.addListener((o, a, n) -> controller.resize(n.intValue()));
        run.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(parameters.problem().get().isEmpty()
                ? "Run the workload once (Ctrl+R)" : "Cannot run: " + parameters.problem().get()), parameters.problem()));
    }

    /** Keyboard shortcuts, installed once the view is in a scene. */
    void installAccelerators() {
        var acc = getScene().getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> fire(run));
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> fire(sweep));
        acc.put(new KeyCodeCombination(KeyCode.ESCAPE), () -> fire(cancelAll));
        acc.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), exports::exportSelected);
        acc.put(new KeyCodeCombination(KeyCode.F12), timeline::toggleFrameStats);
        acc.put(new KeyCodeCombination(KeyCode.F1), () -> fire(about));
        acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> fire(open));
        acc.put(new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN), replayBar::togglePlay);
    }

    private static void fire(Button b) {
        if (!b.isDisabled()) {
            b.fire();
        }
    }

    private ToolBar toolbar() {
        ChoiceBox<Settings.Family> workload = enumChoice(Settings.Family.values(), "Workload: the real work to split into tasks");
        workload.setId("workload-choice");
        workload.valueProperty().bindBidirectional(settings.family);
        ChoiceBox<ExecutorKind> executor = enumChoice(ExecutorKind.values(), "Executor: who runs the tasks");
        executor.setId("executor-choice");
        executor.valueProperty().bindBidirectional(settings.executor);
        ToggleButton dark = new ToggleButton(null, Icons.DARK.node());
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.selectedProperty().bindBidirectional(settings.dark);
        ToggleButton presentation = new ToggleButton(null, Icons.PRESENTATION.node());
        presentation.setTooltip(new Tooltip("Presentation mode: larger fonts and thicker bars for a projector"));
        presentation.selectedProperty().bindBidirectional(settings.presentation);
        Button export = button("Export", Icons.EXPORT, "Export the selected chart or the timeline as PNG (Ctrl+E)");
        export.setOnAction(e -> exports.exportSelected());
        Button exportAll = button(null, Icons.EXPORT_ALL, "Export all: charts, timeline, runs.csv, run.json, trace.json into a folder");
        exportAll.setOnAction(e -> exports.exportAll());
        Pane spring = new Pane();
        javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(new Label("Workload"), workload, new Label("Executor"), executor, new Separator(),
                run, sweep, cancelQueued, cancelAll, replay, new Separator(), open, export, exportAll, spring, dark, presentation, about);
    }

    static Button button(String text, Icons icon, String tip) {
        Button b = new Button(text, icon.node());
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    static <E extends Enum<E>> ChoiceBox<E> enumChoice(E[] values, String tip) {
        ChoiceBox<E> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                if (e == null) {
                    return "";
                }
                String s = e instanceof ExecutorKind k ? k.cliName() : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                return s.equals("io") ? "I/O" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setTooltip(new Tooltip(tip));
        return box;
    }
}
