package org.poolscope.ui;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunStats;
import org.poolscope.metrics.SweepResult;

/**
 * The bottom bar: progress and ETA of the work in progress (read once per frame from the live run,
 * never pushed per task), the last run's wall time, utilisation, mean queue wait, imbalance and
 * failures, the machine, and warnings (N > cores, repeats that vary).
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class StatusBarView extends StatusBar {

    private final RunController controller;
    private final Settings settings;
    private final Label lastRun = new Label();
    private final Label warning = new Label();
    private long startedAt;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            showProgress(now);
        }
    };

    StatusBarView(RunController controller, Settings settings) {
        this.controller = controller;
        this.settings = settings;
        setId("status-bar");
        setText("Ready");
        Label machine = new Label(ParametersPane.CORES + " cores · Java " + Runtime.version().feature()
                + " · " + System.getProperty("os.arch"));
        machine.getStyleClass().add("text-muted");
        machine.setTooltip(new Tooltip(org.poolscope.export.Environment.capture().caption()));
        warning.getStyleClass().add("ps-warning");
        getRightItems().addAll(lastRun, new Separator(), warning, new Separator(), machine);
        controller.busy().addListener((o, was, busy) -> {
            if (busy) {
                startedAt = System.nanoTime();
                pulse.start();
            } else {
                pulse.stop();
                setProgress(0);
                setText(controller.error().get().isEmpty() ? "Ready" : "Failed: " + controller.error().get());
            }
        });
        controller.lastRun().addListener((o, old, r) -> showRun(r));
        controller.lastSweep().addListener((o, old, s) -> showWarnings(s));
        settings.workers.addListener(o -> showWarnings(controller.lastSweep().get()));
        showWarnings(null);
    }

    private long lastShown;

    private void showProgress(long now) {
        if (now - lastShown < 100_000_000L) {
            return; // four or more times a second is plenty for a progress line, and frees the pulse
        }
        lastShown = now;
        Run run = controller.liveRun().get();
        double elapsed = (now - startedAt) / 1e9;
        if (controller.sweeping().get()) {
            double p = controller.progress().get();
            setProgress(p);
            setText(String.format(Locale.ROOT, "Sweeping · %.0f %% · %s", 100 * Math.max(p, 0),
                    eta(p, elapsed)));
        } else if (run != null) {
            double p = (double) run.finishedTasks() / run.timeline().tasks();
            setProgress(p);
            setText(String.format(Locale.ROOT, "Running · %d of %d tasks · %s", run.finishedTasks(),
                    run.timeline().tasks(), eta(p, elapsed)));
        } else {
            setProgress(-1);
        }
    }

    private static String eta(double p, double elapsedSeconds) {
        if (p <= 0.02 || elapsedSeconds < 0.5) {
            return String.format(Locale.ROOT, "%.1f s", elapsedSeconds);
        }
        return String.format(Locale.ROOT, "%.1f s, about %.0f s left", elapsedSeconds, elapsedSeconds * (1 - p) / p);
    }

    private void showRun(RunResult r) {
        if (r == null) {
            lastRun.setText("");
            return;
        }
        RunStats s = r.stats();
        lastRun.setText(String.format(Locale.ROOT, "%.1f ms · %.0f %% busy · wait %.1f ms · imbalance %.2f%s",
                r.wallMillis(), 100 * s.utilisation(), s.meanQueueWait() / 1e6, s.imbalance(),
                r.failed() + r.cancelled() > 0 ? " · " + r.failed() + " failed, " + r.cancelled() + " cancelled" : ""));
        lastRun.setTooltip(new Tooltip(r.spec().describe() + "\nwall time · utilisation of the workers · mean queue wait"
                + " · busiest lane ÷ mean lane\n" + r.verification().message()));
    }

    private void showWarnings(SweepResult s) {
        String text = "";
        if (settings.workers.get() > ParametersPane.CORES) {
            text = "⚠ " + settings.workers.get() + " workers > " + ParametersPane.CORES + " cores";
        }
        if (s != null && s.warnings().stream().anyMatch(w -> w.contains("vary"))) {
            text = (text.isEmpty() ? "" : text + " · ") + "⚠ noisy repeats";
        }
        warning.setText(text);
        warning.setTooltip(text.isEmpty() ? null : new Tooltip(s == null ? text : String.join("\n", s.warnings())));
    }
}
