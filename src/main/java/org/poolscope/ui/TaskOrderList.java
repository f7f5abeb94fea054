package org.poolscope.ui;

import java.util.stream.IntStream;
import javafx.collections.ObservableListBase;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.TaskDetails;

/**
 * The run's tasks, in submission order or in completion order — the order in which Python's
 * {@code as_completed} (Java: an {@code ExecutorCompletionService}) hands results out — each with its
 * future's state and result. The list is an {@code int[]} of task ids; a row reads its task's details
 * only while it is on screen, so a million tasks cost nothing up front.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class TaskOrderList extends VBox {

    private final ListView<Integer> list = new ListView<>();
    private final ToggleButton submission = new ToggleButton("Submission order");
    private final ToggleButton completion = new ToggleButton("Completion order");
    private RunResult run;

    TaskOrderList() {
        setSpacing(4);
        setPadding(new Insets(4, 0, 0, 0));
        ToggleGroup group = new ToggleGroup();
        submission.setToggleGroup(group);
        completion.setToggleGroup(group);
        submission.setSelected(true);
        submission.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        completion.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        completion.setTooltip(new Tooltip("The order results came back: what as_completed() yields"));
        completion.setId("completion-order");
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            } else {
                show(run);
            }
        });
        list.setId("task-order");
        list.setPrefHeight(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Integer task, boolean empty) {
                super.updateItem(task, empty);
                if (empty || task == null || run == null || run.job() == null) {
                    setText(null);
                    return;
                }
                TaskDetails d = run.details(task);
                setText("task " + d.id() + " · " + d.unit() + " · " + d.pythonFutureState().toLowerCase(java.util.Locale.ROOT)
                        + (d.exception().isEmpty() ? (d.result().isEmpty() ? "" : " · " + d.result()) : " · " + d.exception()));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Results");
        title.getStyleClass().add("text-muted");
        getChildren().addAll(new HBox(8, title, submission, completion), list);
    }

    void show(RunResult r) {
        run = r;
        if (r == null) {
            list.setItems(null);
            return;
        }
        int[] order = completion.isSelected() ? r.timeline().completionOrder()
                : IntStream.range(0, r.timeline().tasks()).toArray();
        list.setItems(new ObservableListBase<>() {
            @Override
            public Integer get(int index) {
                return order[index];
            }

            @Override
            public int size() {
                return order.length;
            }
        });
    }

    /** The task ids on show, in order, for tests. */
    int[] shown() {
        return list.getItems() == null ? new int[0] : list.getItems().stream().mapToInt(Integer::intValue).toArray();
    }
}
