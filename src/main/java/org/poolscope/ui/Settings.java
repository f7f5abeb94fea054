package org.poolscope.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.RunSpec;
import org.poolscope.metrics.SweepSpec;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * What the user chose, as properties the parameter controls bind to, remembered between sessions in
 * a {@link Preferences} node (injectable: tests pass their own). Holds no nodes; builds the same
 * {@link RunSpec} and {@link SweepSpec} the CLI builds, so the window and the CLI run the same thing.
 *
 * <p>Threads: the JavaFX Application Thread only.
 */
public final class Settings {

    /** The workload families, in toolbar order. */
    public enum Family { PRIMES, FILTER, IO, CONTENTION }

    public final ObjectProperty<Family> family = new SimpleObjectProperty<>(Family.PRIMES);
    public final ObjectProperty<ExecutorKind> executor = new SimpleObjectProperty<>(ExecutorKind.FIXED);
    public final IntegerProperty workers = new SimpleIntegerProperty(Runtime.getRuntime().availableProcessors());
    public final IntegerProperty tasks = new SimpleIntegerProperty(64);
    public final ObjectProperty<PrimesWorkload.Kernel> kernel = new SimpleObjectProperty<>(PrimesWorkload.Kernel.TRIAL);
    public final LongProperty n = new SimpleLongProperty(2_000_000);
    public final ObjectProperty<FilterWorkload.Filter> filter = new SimpleObjectProperty<>(FilterWorkload.Filter.MOVING_AVERAGE);
    public final IntegerProperty length = new SimpleIntegerProperty(1_000_000);
    public final IntegerProperty k = new SimpleIntegerProperty(1001);
    public final ObjectProperty<FilterWorkload.Halo> halo = new SimpleObjectProperty<>(FilterWorkload.Halo.FULL);
    public final IntegerProperty latency = new SimpleIntegerProperty(20);
    public final ObjectProperty<ContentionWorkload.LockKind> lock = new SimpleObjectProperty<>(ContentionWorkload.LockKind.SYNCHRONIZED);
    public final IntegerProperty increments = new SimpleIntegerProperty(100_000);
    public final IntegerProperty repeats = new SimpleIntegerProperty(3);
    public final DoubleProperty failRate = new SimpleDoubleProperty(0);
    public final LongProperty seed = new SimpleLongProperty(42);
    /** Whether Sweep varies the task count (granularity) instead of the worker count. */
    public final BooleanProperty sweepTasks = new SimpleBooleanProperty(false);
    public final BooleanProperty dark = new SimpleBooleanProperty(false);
    public final BooleanProperty presentation = new SimpleBooleanProperty(false);
    public final DoubleProperty windowWidth = new SimpleDoubleProperty(1440);
    public final DoubleProperty windowHeight = new SimpleDoubleProperty(900);

    private final Preferences node;

    public Settings(Preferences node) {
        this.node = node;
    }

    /** The workload the current choices describe. @throws IllegalArgumentException naming what is wrong */
    public Workload workload() {
        return switch (family.get()) {
            case PRIMES -> new PrimesWorkload(kernel.get(), n.get());
            case FILTER -> new FilterWorkload(filter.get(), length.get(), k.get(), halo.get(), seed.get());
            case IO -> new IoWorkload(latency.get());
            case CONTENTION -> new ContentionWorkload(lock.get(), increments.get());
        };
    }

    /** The run the current choices describe. @throws IllegalArgumentException naming what is wrong */
    public RunSpec runSpec() {
        return new RunSpec(workload(), executor.get(), workers.get(), tasks.get(), true,
                new FaultPlan(failRate.get(), seed.get()), true);
    }

    /** A sweep over 1, 2, 4, … up to the chosen workers, with the chosen task count. */
    public SweepSpec sweepSpec() {
        RunSpec base = runSpec();
        if (base.executor() == ExecutorKind.SEQUENTIAL) {
            throw new IllegalArgumentException("a sweep compares an executor with the sequential baseline: pick another executor");
        }
        if (sweepTasks.get()) {
            return new SweepSpec(base, List.of(workers.get()), taskSteps(tasks.get()), repeats.get());
        }
        return new SweepSpec(base, workerSteps(workers.get()), List.of(tasks.get()), repeats.get());
    }

    /** 1, 10, 100, … up to {@code max}, and {@code max} itself: the granularity sweep's task counts. */
    static List<Integer> taskSteps(int max) {
        java.util.ArrayList<Integer> steps = new java.util.ArrayList<>();
        for (long t = 1; t < max; t *= 10) {
            steps.add((int) t);
        }
        steps.add(max);
        return List.copyOf(steps);
    }

    /** 1, 2, 4, … doubling up to {@code max}, and {@code max} itself. */
    static List<Integer> workerSteps(int max) {
        java.util.ArrayList<Integer> steps = new java.util.ArrayList<>();
        for (int w = 1; w < max; w *= 2) {
            steps.add(w);
        }
        steps.add(max);
        return List.copyOf(steps);
    }

    /** Reads every setting from the preferences node; missing or unreadable ones keep their defaults. */
    public Settings load() {
        family.set(readEnum("family", Family.class, family.get()));
        executor.set(readEnum("executor", ExecutorKind.class, executor.get()));
        workers.set(node.getInt("workers", workers.get()));
        tasks.set(node.getInt("tasks", tasks.get()));
        kernel.set(readEnum("kernel", PrimesWorkload.Kernel.class, kernel.get()));
        n.set(node.getLong("n", n.get()));
        filter.set(readEnum("filter", FilterWorkload.Filter.class, filter.get()));
        length.set(node.getInt("length", length.get()));
        k.set(node.getInt("k", k.get()));
        halo.set(readEnum("halo", FilterWorkload.Halo.class, halo.get()));
        latency.set(node.getInt("latency", latency.get()));
        lock.set(readEnum("lock", ContentionWorkload.LockKind.class, lock.get()));
        increments.set(node.getInt("increments", increments.get()));
        repeats.set(node.getInt("repeats", repeats.get()));
        failRate.set(node.getDouble("failRate", failRate.get()));
        seed.set(node.getLong("seed", seed.get()));
        dark.set(node.getBoolean("dark", dark.get()));
        sweepTasks.set(node.getBoolean("sweepTasks", sweepTasks.get()));
        presentation.set(node.getBoolean("presentation", presentation.get()));
        windowWidth.set(node.getDouble("windowWidth", windowWidth.get()));
        windowHeight.set(node.getDouble("windowHeight", windowHeight.get()));
        return this;
    }

    /** Writes every setting back. */
    public void save() {
        node.put("family", family.get().name());
        node.put("executor", executor.get().name());
        node.putInt("workers", workers.get());
        node.putInt("tasks", tasks.get());
        node.put("kernel", kernel.get().name());
        node.putLong("n", n.get());
        node.put("filter", filter.get().name());
        node.putInt("length", length.get());
        node.putInt("k", k.get());
        node.put("halo", halo.get().name());
        node.putInt("latency", latency.get());
        node.put("lock", lock.get().name());
        node.putInt("increments", increments.get());
        node.putInt("repeats", repeats.get());
        node.putDouble("failRate", failRate.get());
        node.putLong("seed", seed.get());
        node.putBoolean("dark", dark.get());
        node.putBoolean("sweepTasks", sweepTasks.get());
        node.putBoolean("presentation", presentation.get());
        node.putDouble("windowWidth", windowWidth.get());
        node.putDouble("windowHeight", windowHeight.get());
    }

    private <E extends Enum<E>> E readEnum(String key, Class<E> type, E fallback) {
        try {
            return Enum.valueOf(type, node.get(key, fallback.name()));
        } catch (IllegalArgumentException stale) {
            return fallback; // a value from another version: keep the default
        }
    }
}
