package org.poolscope.ui;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The controls of a replay, above the timeline while one is in progress: play/pause, step to the next
 * task's start, speed (1× … 1/10 000× of real time), where the replay is, and close.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class ReplayBar extends ToolBar {

    final Button playPause = MainView.button("Pause", Icons.PAUSE, "Pause or play the replay (Ctrl+Space)");
    final Button step = MainView.button("Step", Icons.STEP, "Pause and move to the next task's start, in start order");
    final ChoiceBox<Double> speed = new ChoiceBox<>();
    private final TimelineView timeline;

    ReplayBar(TimelineView timeline) {
        this.timeline = timeline;
        setId("replay-bar");
        speed.setId("replay-speed");
        step.setId("replay-step");
        for (double s : Replay.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double s) {
                return s == null ? "" : s >= 1 ? "1×" : "1/" + Math.round(1 / s) + "×";
            }

            @Override
            public Double fromString(String text) {
                return null;
            }
        });
        speed.setValue(0.01);
        speed.setTooltip(new Tooltip("Replay speed, as a fraction of real time"));
        speed.valueProperty().addListener((o, a, v) -> {
            if (timeline.replayInProgress() != null && v != null) {
                timeline.replayInProgress().speed(v);
            }
        });
        playPause.setOnAction(e -> togglePlay());
        step.setOnAction(e -> step());
        Label status = new Label();
        status.textProperty().bind(timeline.replayStatus());
        Button rewind = MainView.button(null, Icons.REPLAY, "Back to the start, paused");
        rewind.setId("replay-rewind");
        rewind.setOnAction(e -> {
            Replay r = timeline.replayInProgress();
            if (r != null) {
                r.play(false);
                r.seek(-1);
                showPlaying();
            }
        });
        Button close = MainView.button(null, Icons.CANCEL_ALL, "Stop replaying");
        close.setOnAction(e -> timeline.replay(null));
        getItems().addAll(new Label("Replay"), rewind, playPause, step, new Label("speed"), speed, status, close);
        visibleProperty().bind(timeline.replayStatus().isNotEmpty());
        managedProperty().bind(visibleProperty());
        timeline.replayStatus().addListener(o -> showPlaying());
    }

    void togglePlay() {
        Replay r = timeline.replayInProgress();
        if (r != null) {
            r.play(!r.playing());
            showPlaying();
        }
    }

    /** Steps to the next task's start; returns that task, or -1 when none is left or no replay runs. */
    int step() {
        Replay r = timeline.replayInProgress();
        int task = r == null ? -1 : r.step();
        showPlaying();
        return task;
    }

    private void showPlaying() {
        Replay r = timeline.replayInProgress();
        boolean playing = r != null && r.playing();
        playPause.setText(playing ? "Pause" : "Play");
        playPause.setGraphic((playing ? Icons.PAUSE : Icons.RUN).node());
        if (r != null) {
            r.speed(speed.getValue());
        }
        speed.setTooltip(new Tooltip(String.format(Locale.ROOT, "Replay speed (now %s)", speed.getConverter().toString(speed.getValue()))));
    }
}
