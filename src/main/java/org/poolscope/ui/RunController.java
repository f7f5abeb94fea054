package org.poolscope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.metrics.Sweep;
import org.poolscope.metrics.SweepResult;
import org.poolscope.metrics.SweepSpec;

/**
 * The one owner of long work in the window: runs and sweeps execute off the JavaFX Application
 * Thread in a {@link Service}, one at a time, on a single named daemon thread. Views bind to its
 * read-only properties; per-task progress is never pushed to the FX thread — views read
 * {@link #liveRun()}'s timeline on their own pulse.
 *
 * <h2>Threads</h2>
 * Public methods on the FX thread. Properties change on the FX thread. The live run is written by
 * the executor's workers and read by views on their pulse, through the Timeline's publication rules.
 */
public final class RunController {

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poolscope-ui-runner");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Run> liveRun = new ReadOnlyObjectWrapper<>(this, "liveRun");
    private final ReadOnlyObjectWrapper<RunResult> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ReadOnlyObjectWrapper<SweepResult> lastSweep = new ReadOnlyObjectWrapper<>(this, "lastSweep");
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Work work = new Work();
    /** The last measured run of each sweep point, so a click on a chart point can show its timeline. */
    private final java.util.Map<String, RunResult> sweepRuns = new java.util.HashMap<>();
    private volatile Sweep currentSweep;

    public RunController() {
        work.setExecutor(runner);
    }

    /** The run whose tasks are executing now (also each run of a sweep), or null. */
    public ReadOnlyObjectProperty<Run> liveRun() {
        return liveRun.getReadOnlyProperty();
    }

    /** The last finished run (a sweep's runs included). */
    public ReadOnlyObjectProperty<RunResult> lastRun() {
        return lastRun.getReadOnlyProperty();
    }

    /** The sweep so far (updated after every measured round), or the last finished one. */
    public ReadOnlyObjectProperty<SweepResult> lastSweep() {
        return lastSweep.getReadOnlyProperty();
    }

    /** Whether work is in progress. */
    public ReadOnlyBooleanProperty busy() {
        return work.runningProperty();
    }

    /** Whether the work in progress is a sweep (its measured runs must not be disturbed). */
    public ReadOnlyBooleanProperty sweeping() {
        return sweeping.getReadOnlyProperty();
    }

    /** Progress of the work, 0..1, or -1 while unknown; from the Service (coalesced by it). */
    public javafx.beans.property.ReadOnlyDoubleProperty progress() {
        return work.progressProperty();
    }

    /** The last failure of a run or sweep, for the status bar; "" when none. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** Starts one run. */
    public void run(RunSpec spec) {
        start(task -> runOnce(spec), false);
    }

    /** Starts a sweep. */
    public void sweep(SweepSpec spec) {
        sweepRuns.clear();
        start(task -> sweepAll(spec), true);
    }

    /** The last measured run of the sweep at this point, or null. */
    public RunResult sweepRun(int workers, int tasks) {
        return sweepRuns.get(workers + "/" + tasks);
    }

    private void start(Job job, boolean sweep) {
        if (work.isRunning()) {
            throw new IllegalStateException("work is already running");
        }
        error.set("");
        sweeping.set(sweep);
        work.job = job;
        work.restart();
    }

    /** Opens a run saved as JSON (by the CLI or another machine), off the FX thread. */
    public void open(java.nio.file.Path file) {
        start(task -> {
            RunResult r = org.poolscope.export.RunJson.read(file);
            Platform.runLater(() -> lastRun.set(r));
            return r;
        }, false);
    }

    /** Cancels the queued tasks of the run in progress; running ones finish. */
    public void cancelQueued() {
        Run r = liveRun.get();
        if (r != null) {
            r.cancelQueued();
        }
    }

    /** Cancels everything: the run in progress, and the sweep around it. */
    public void cancelAll() {
        Sweep s = currentSweep;
        if (s != null) {
            s.cancel();
        }
        Run r = liveRun.get();
        if (r != null) {
            r.cancelAll();
        }
    }

    /** Resizes the running pool (the worker slider moved during a run). */
    public void resize(int workers) {
        Run r = liveRun.get();
        if (r != null && !sweeping.get()) {
            r.resize(workers);
        }
    }

    /** Cancels any work and stops the runner thread; called when the window closes. */
    public void shutdown() {
        cancelAll();
        work.cancel();
        runner.shutdown();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Job {
        Object call(Task<Object> task) throws Exception;
    }

    private RunResult runOnce(RunSpec spec) throws InterruptedException {
        Run run = new Run(spec);
        Platform.runLater(() -> liveRun.set(run));
        RunResult r = run.execute();
        Platform.runLater(() -> lastRun.set(r));
        // The serial collector has no periodic collection: without one, a run of a million tasks
        // leaves its queue's garbage in a heap grown to fit it. A full collection after the run (its
        // wall already taken) lets the launcher's heap flags give that memory back, as Sweep does.
        System.gc();
        return r;
    }

    private SweepResult sweepAll(SweepSpec spec) throws Exception {
        Sweep sweep = new Sweep(spec);
        currentSweep = sweep;
        try {
            return sweep.run(new Sweep.Listener() {
                @Override
                public void onRun(RunResult run, boolean warmUp, int index, int total) {
                    work.progress(index, total);
                    Platform.runLater(() -> { // once per run, not per task
                        if (!warmUp && run.spec().executor() == spec.base().executor()) {
                            sweepRuns.put(run.spec().workers() + "/" + run.spec().tasks(), run);
                        }
                        lastRun.set(run);
                    });
                }

                @Override
                public void onStart(Run run) {
                    Platform.runLater(() -> liveRun.set(run));
                }

                @Override
                public void onRound(SweepResult soFar) {
                    Platform.runLater(() -> lastSweep.set(soFar));
                }
            });
        } finally {
            currentSweep = null;
        }
    }

    /** The Service: its Task runs the current job and publishes its result. */
    private final class Work extends Service<Object> {
        private volatile Job job;
        private volatile Task<Object> current;

        void progress(long done, long total) {
            Task<Object> t = current;
            if (t instanceof WorkTask w) {
                w.progress(done, total);
            }
        }

        @Override
        protected Task<Object> createTask() {
            Job j = job;
            WorkTask task = new WorkTask(j);
            current = task;
            return task;
        }

        @Override
        protected void succeeded() {
            if (getValue() instanceof SweepResult s) {
                lastSweep.set(s);
            }
            finish();
        }

        @Override
        protected void failed() {
            Throwable e = getException();
            if (!(e instanceof java.util.concurrent.CancellationException)) {
                error.set(e.getMessage() != null ? e.getMessage() : e.toString());
            }
            finish();
        }

        @Override
        protected void cancelled() {
            finish();
        }

        private void finish() {
            liveRun.set(null);
            sweeping.set(false);
        }
    }

    private static final class WorkTask extends Task<Object> {
        private final Job job;

        WorkTask(Job job) {
            this.job = job;
        }

        void progress(long done, long total) {
            updateProgress(done, total); // Task coalesces these into one runLater per pulse
        }

        @Override
        protected Object call() throws Exception {
            return job.call(this);
        }
    }
}
