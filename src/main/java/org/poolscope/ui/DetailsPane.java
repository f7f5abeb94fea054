package org.poolscope.ui;

import java.util.Locale;
import java.util.function.IntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.poolscope.engine.TaskDetails;

/**
 * The pinned task, shown as its future: done? cancelled? its result or its exception with the first
 * stack lines, and submit → start → end. Java's and Python's names for its state side by side, and
 * Java's {@code cancel(false)}, which — unlike Python's {@code cancel()} — succeeds on a running task
 * and throws its result away.
 *
 * <p>Threads: the JavaFX Application Thread. {@link #refresh()} is called on the timeline's pulse
 * while the pinned task can still change.
 */
final class DetailsPane extends VBox {

    /** A pinned task: its id, how to read its details, and how to cancel it (null after the run). */
    record Pinned(int task, IntFunction<TaskDetails> details, java.util.function.IntPredicate cancel) {
    }

    final ObjectProperty<Pinned> pinned = new SimpleObjectProperty<>();
    private final Label title = new Label("Click a task in the timeline to see its future");
    private final GridPane grid = new GridPane();
    private final TextArea outcome = new TextArea();
    private final Button cancel = new Button("future.cancel(false)");
    private TaskDetails shown;

    DetailsPane() {
        getStyleClass().add("ps-details");
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        title.getStyleClass().add("title-4");
        grid.setHgap(12);
        grid.setVgap(3);
        outcome.setEditable(false);
        outcome.setPrefRowCount(4);
        outcome.setWrapText(true);
        outcome.getStyleClass().add("ps-outcome");
        cancel.setTooltip(new Tooltip("Java's Future.cancel(false): removes a queued task; marks a running one cancelled "
                + "at once and throws its result away when it finishes. Python's cancel() would refuse a running future."));
        cancel.setOnAction(e -> {
            Pinned p = pinned.get();
            if (p != null && p.cancel() != null) {
                p.cancel().test(p.task());
                refresh();
            }
        });
        getChildren().addAll(title, grid, outcome, cancel);
        pinned.addListener(o -> refresh());
        refresh();
    }

    /** Re-reads the pinned task; cheap when nothing changed. */
    void refresh() {
        Pinned p = pinned.get();
        boolean none = p == null;
        grid.setVisible(!none);
        outcome.setVisible(!none);
        cancel.setVisible(!none);
        if (none) {
            shown = null;
            title.setText("Click a task in the timeline to see its future");
            return;
        }
        TaskDetails d = p.details().apply(p.task());
        if (d.equals(shown)) {
            return;
        }
        shown = d;
        title.setText("Task " + d.id() + " · " + d.unit());
        grid.getChildren().clear();
        int row = 0;
        row = row(row, "Java  future.state()", d.javaFutureState());
        row = row(row, "Python  future state", d.pythonFutureState());
        row = row(row, "done() · cancelled()", d.done() + " · " + d.cancelled());
        row = row(row, "lane", d.lane().isEmpty() ? "—" : d.lane());
        row = row(row, "submit → start → end", ms(d.submitNanos()) + " → " + ms(d.startNanos()) + " → " + ms(d.endNanos()));
        row = row(row, "queue wait · run", ms(d.queueWaitNanos()) + " · " + ms(d.runNanos()));
        if (d.cancelledWhileRunningNanos() >= 0) {
            row = row(row, "cancel(false) at", ms(d.cancelledWhileRunningNanos()) + " (it ran on; result thrown away)");
        }
        if (d.stolenFrom() >= 0) {
            row(row, "stolen from lane", Integer.toString(d.stolenFrom()));
        }
        outcome.setText(!d.exception().isEmpty()
                ? "result() raises " + d.exception() + "\n    at " + String.join("\n    at ", d.stack())
                : d.cancelled() ? "result() raises CancelledError (Java: CancellationException)"
                : d.done() ? "result() = " + d.result()
                : "result() blocks until the task is done");
        cancel.setDisable(d.done() || p.cancel() == null);
    }

    private int row(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        grid.add(n, 0, row);
        grid.add(new Label(value), 1, row);
        return row + 1;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "—" : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
