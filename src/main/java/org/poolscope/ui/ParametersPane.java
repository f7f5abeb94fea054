package org.poolscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.PrimesWorkload;

/**
 * The left panel: the worker slider and task-count slider, each with a field to type a value, and
 * the chosen workload's own fields. Every field is validated as it is typed; {@link #problem()} is
 * the first thing wrong with the whole choice ("" when it can run), which disables Run and shows why.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class ParametersPane extends VBox {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int MAX_THREADS_CPU = 4 * CORES;
    static final int MAX_THREADS_WAITING = 1000;
    static final int MAX_TASKS_SLIDER = 100_000;

    private final Settings settings;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final List<NumberField> fields = new ArrayList<>();
    /** ControlsFX draws the error decoration beside a field whose text is not a valid value. */
    private final org.controlsfx.validation.ValidationSupport validation = new org.controlsfx.validation.ValidationSupport();
    private final List<NumberField> workloadOnly = new ArrayList<>();
    private boolean buildingWorkload;
    final Slider workerSlider = new Slider();
    private final Label coresNote = new Label();
    final NumberField workerField;
    final Slider taskSlider = new Slider(0, Math.log10(MAX_TASKS_SLIDER), 0);
    final NumberField taskField;

    ParametersPane(Settings settings) {
        this.settings = settings;
        getStyleClass().add("ps-parameters");
        setSpacing(10);
        setPadding(new Insets(12));
        setPrefWidth(300);

        workerField = number("workers", 1, 10_000, settings.workers.get(), v -> settings.workers.set((int) v));
        workerSlider.setId("workers-slider");
        workerField.setId("workers-field");
        workerSlider.setBlockIncrement(1);
        workerSlider.setMajorTickUnit(CORES);
        workerSlider.setMinorTickCount(CORES - 1);
        workerSlider.setShowTickMarks(true);
        workerSlider.setShowTickLabels(true);
        workerSlider.setSnapToTicks(true);
        workerSlider.setMin(1);
        workerSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) { // ticks count from 1: label 250.75 as 250
                return v < 20 ? Long.toString(Math.round(v)) : Long.toString(Math.round(v / 10) * 10);
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        workerSlider.setTooltip(new Tooltip("Workers: threads, virtual-thread permits or processes. Ticks mark multiples of the "
                + CORES + " cores; drag during a run to resize the pool."));
        updateWorkerRange();
        settings.executor.addListener(o -> updateWorkerRange());
        settings.family.addListener(o -> updateWorkerRange());
        workerSlider.setValue(settings.workers.get());
        workerSlider.valueProperty().addListener((o, a, v) -> settings.workers.set((int) Math.round(v.doubleValue())));
        settings.workers.addListener((o, a, v) -> {
            workerSlider.setValue(v.intValue());
            workerField.show(v.intValue());
        });

        taskField = number("tasks", 1, 1_000_000, settings.tasks.get(), v -> settings.tasks.set((int) v));
        taskSlider.setId("tasks-slider");
        taskField.setId("tasks-field");
        taskSlider.setMajorTickUnit(1);
        taskSlider.setShowTickMarks(true);
        taskSlider.setShowTickLabels(true);
        taskSlider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double exponent) {
                return String.format(Locale.ROOT, "%,d", Math.round(Math.pow(10, exponent)));
            }

            @Override
            public Double fromString(String s) {
                return Math.log10(Double.parseDouble(s.replace(",", "")));
            }
        });
        taskSlider.setTooltip(new Tooltip("Tasks: how many units the work is split into (log scale). "
                + "Few large tasks balance badly; very many tiny ones drown in overhead."));
        taskSlider.setValue(Math.log10(settings.tasks.get()));
        taskSlider.valueProperty().addListener((o, a, v) -> {
            if (taskSlider.isValueChanging() || taskSlider.isFocused()) {
                settings.tasks.set((int) Math.max(1, Math.round(Math.pow(10, v.doubleValue()))));
            }
        });
        settings.tasks.addListener((o, a, v) -> {
            taskField.show(v.intValue());
            if (!taskSlider.isValueChanging()) {
                taskSlider.setValue(Math.log10(Math.max(1, v.intValue())));
            }
        });

        GridPane common = grid();
        row(common, 0, "Workers", workerField);
        common.add(workerSlider, 0, 1, 2, 1);
        coresNote.getStyleClass().add("text-muted");
        coresNote.setWrapText(true);
        coresNote.setMaxWidth(270);
        common.add(coresNote, 0, 2, 2, 1);
        row(common, 3, "Tasks", taskField);
        common.add(taskSlider, 0, 4, 2, 1);
        NumberField repeats = number("repeats", 1, 1000, settings.repeats.get(), v -> settings.repeats.set((int) v));
        repeats.setTooltip(new Tooltip("Sweep: measured rounds after a warm-up round"));
        row(common, 5, "Repeats", repeats);
        NumberField failures = number("failing tasks %", 0, 100, Math.round(settings.failRate.get() * 100),
                v -> settings.failRate.set(v / 100.0));
        failures.setTooltip(new Tooltip("Share of units that throw on purpose (chosen by the seed and the unit)"));
        row(common, 6, "Failing tasks %", failures);
        javafx.scene.control.CheckBox granularity = new javafx.scene.control.CheckBox("Sweep task counts (granularity)");
        granularity.setId("sweep-tasks");
        granularity.selectedProperty().bindBidirectional(settings.sweepTasks);
        granularity.setTooltip(new Tooltip("Sweep measures 1, 10, 100, … up to the chosen tasks on the chosen workers "
                + "against the unsplit sequential program: the overhead of tiny tasks"));
        common.add(granularity, 0, 7, 2, 1);

        VBox workloadBox = new VBox(8);
        Runnable showWorkload = () -> workloadBox.getChildren().setAll(workloadFields());
        settings.family.addListener(o -> showWorkload.run());
        showWorkload.run();

        Label title = new Label("Parameters");
        title.getStyleClass().add("title-4");
        getChildren().addAll(title, common, workloadBox);
        VBox.setVgrow(workloadBox, Priority.ALWAYS);

        for (Observable o : List.<Observable>of(settings.family, settings.executor, settings.workers, settings.tasks,
                settings.kernel, settings.n, settings.filter, settings.length, settings.k, settings.halo,
                settings.latency, settings.lock, settings.increments, settings.repeats, settings.failRate)) {
            o.addListener(x -> recompute());
        }
        recompute();
    }

    /** "" when the choices can run, else the first thing wrong with them. */
    ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** Re-evaluates the choices: field problems first (of the fields on show), then the run as a whole. */
    private void recompute() {
        for (NumberField f : fields) {
            if (f.getParent() != null && !f.problem().get().isEmpty()) {
                problem.set(f.problem().get());
                return;
            }
        }
        try {
            settings.runSpec();
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private void updateWorkerRange() {
        boolean waiting = settings.executor.get() == ExecutorKind.VIRTUAL || settings.family.get() == Settings.Family.IO;
        int max = waiting ? MAX_THREADS_WAITING : MAX_THREADS_CPU;
        workerSlider.setMax(max);
        // Ticks count from the minimum (1): one per worker on small ranges, so the cores' tick is labelled.
        workerSlider.setMajorTickUnit(waiting ? (max - 1) / 4.0 : max <= 16 ? 1 : CORES);
        workerSlider.setMinorTickCount(waiting || max <= 16 ? 0 : CORES - 1);
        workerSlider.setSnapToTicks(!waiting);
        coresNote.setText(waiting ? CORES + " cores · waiting tasks gain from many more workers"
                : CORES + " cores · past them, workers share the cores");
        if (settings.workers.get() > max) {
            settings.workers.set(max);
        }
    }

    private List<Node> workloadFields() {
        fields.removeAll(workloadOnly); // the previous workload's fields leave with their grid
        workloadOnly.clear();
        buildingWorkload = true;
        GridPane g = grid();
        switch (settings.family.get()) {
            case PRIMES -> {
                row(g, 0, "Kernel", choice(PrimesWorkload.Kernel.values(), settings.kernel,
                        "trial: the course's trial division; sieve: a segmented sieve of Eratosthenes"));
                row(g, 1, "Count primes to n", number("n", 2, 10_000_000_000L, settings.n.get(), settings.n::set));
            }
            case FILTER -> {
                row(g, 0, "Filter", choice(FilterWorkload.Filter.values(), settings.filter,
                        "moving average (the course's), FIR low-pass, median, or the moving average in O(L)"
                                + " by an exact running sum (the same outputs)"));
                row(g, 1, "Signal length", number("signal length", 1, 100_000_000, settings.length.get(),
                        v -> settings.length.set((int) v)));
                row(g, 2, "Window / taps K", number("K", 1, 1_000_001, settings.k.get(), v -> settings.k.set((int) v)));
                row(g, 3, "Halo", choice(FilterWorkload.Halo.values(), settings.halo,
                        "full: each chunk gets K−1 extra samples (exact); none: the course's chunking, which loses samples"));
            }
            case IO -> row(g, 0, "Latency ms", number("latency", 0, 60_000, settings.latency.get(),
                    v -> settings.latency.set((int) v)));
            case CONTENTION -> {
                row(g, 0, "Lock", choice(ContentionWorkload.LockKind.values(), settings.lock,
                        "how each increment of the shared counter is protected"));
                row(g, 1, "Increments per task", number("increments", 1, 100_000_000, settings.increments.get(),
                        v -> settings.increments.set((int) v)));
            }
        }
        Label title = new Label(switch (settings.family.get()) {
            case PRIMES -> "Primes";
            case FILTER -> "Signal filter";
            case IO -> "I/O";
            case CONTENTION -> "Contention";
        });
        title.getStyleClass().add("title-4");
        buildingWorkload = false;
        return List.of(title, g);
    }

    private NumberField number(String name, long min, long max, long initial, java.util.function.LongConsumer onValid) {
        NumberField f = new NumberField(name, min, max, initial, onValid);
        fields.add(f);
        validation.registerValidator(f, false, (javafx.scene.control.Control c, String text) ->
                org.controlsfx.validation.ValidationResult.fromErrorIf(c, f.problem().get(), !f.problem().get().isEmpty()));
        if (buildingWorkload) {
            workloadOnly.add(f);
        }
        f.problem().addListener(o -> recompute());
        f.parentProperty().addListener(o -> recompute());
        return f;
    }

    private static <E extends Enum<E>> ChoiceBox<E> choice(E[] values, javafx.beans.property.ObjectProperty<E> property,
            String tip) {
        ChoiceBox<E> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(property);
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return g;
    }

    private static void row(GridPane g, int row, String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a label is never clipped; fields give way
        l.setLabelFor(control);
        g.add(l, 0, row);
        g.add(control, 1, row);
    }
}
