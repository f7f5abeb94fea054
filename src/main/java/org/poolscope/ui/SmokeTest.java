package org.poolscope.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.metrics.SweepResult;
import org.poolscope.workload.PrimesWorkload;

/**
 * {@code poolscope --smoke-test OUT.png}: the installed app checking itself. Once the window has
 * drawn its first frame it sets a small primes sweep (workers 1 and 2, 16 tasks, one measured round)
 * and presses Sweep, first on the fixed pool, then on worker processes; then it writes a snapshot of
 * the window to OUT.png, prints one line per step and closes the window. {@link #exitCode()} is 0 when
 * every run verified, 1 otherwise; after {@value #TIMEOUT_SECONDS} s the JVM halts with 3. The same run
 * trains the app image's AOT cache (jpackage/train-aot).
 *
 * <p>Its settings go to a preferences node of their own, never the user's. Threads: the FX thread,
 * and one sleeping daemon {@code poolscope-smoke-timeout}.
 */
public final class SmokeTest {

    public static final String OPTION = "--smoke-test";
    static final int TIMEOUT_SECONDS = 180;
    private static final List<ExecutorKind> KINDS = List.of(ExecutorKind.FIXED, ExecutorKind.PROCESS);
    private static volatile int exitCode = 3;

    private final MainView view;
    private final Path out;
    private final PrintStream log = System.out;
    private final List<String> failures = new ArrayList<>();
    private int next;

    private SmokeTest(MainView view, Path out) {
        this.view = view;
        this.out = out;
    }

    /** The PNG path when the app was started with {@value #OPTION}, else null. */
    static Path requested(List<String> args) {
        return args.size() == 2 && args.getFirst().equals(OPTION) ? Path.of(args.get(1)) : null;
    }

    /** 0 when the smoke test passed, 1 when it failed, 3 when it never finished. */
    public static int exitCode() {
        return exitCode;
    }

    /** Starts the smoke test on the window's first frame. FX thread. */
    static void start(MainView view, Path out) {
        Thread.ofPlatform().daemon().name("poolscope-smoke-timeout").start(() -> {
            try {
                TimeUnit.SECONDS.sleep(TIMEOUT_SECONDS);
                System.err.println("poolscope: smoke test timed out after " + TIMEOUT_SECONDS + " s");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException ignored) {
                // never interrupted: the JVM ends first
            }
        });
        SmokeTest test = new SmokeTest(view, out);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                test.log.printf(Locale.ROOT, "smoke test: window up %.2f s after start%n", FrameStats.secondsSinceStart());
                test.nextSweep();
            }
        }.start();
    }

    private void nextSweep() {
        if (next == KINDS.size()) {
            PauseTransition settle = new PauseTransition(Duration.millis(500)); // let the charts and timeline draw
            settle.setOnFinished(e -> finish());
            settle.play();
            return;
        }
        ExecutorKind kind = KINDS.get(next++);
        Settings s = view.settings;
        s.family.set(Settings.Family.PRIMES);
        s.kernel.set(PrimesWorkload.Kernel.TRIAL);
        s.sweepTasks.set(false);
        s.executor.set(kind);
        type("#field-n", 300_000); // typed into the fields, as a user would, so the window shows what ran
        type("#tasks-field", 16);
        type("#workers-field", 2);
        type("#field-repeats", 1);
        type("#field-failing-tasks-percent", 0);
        if (view.sweep.isDisabled()) {
            failures.add(kind.cliName() + ": Sweep is disabled: " + view.parameters.problem().get());
            next = KINDS.size();
            nextSweep();
            return;
        }
        long started = System.nanoTime();
        view.controller.busy().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy) {
                    o.removeListener(this);
                    check(kind, view.controller.lastSweep().get(), (System.nanoTime() - started) / 1e6);
                    nextSweep();
                }
            }
        });
        view.sweep.fire();
    }

    private void type(String selector, long value) {
        if (view.lookup(selector) instanceof NumberField f) {
            f.setText(Long.toString(value));
        } else {
            failures.add("no field " + selector);
        }
    }

    private void check(ExecutorKind kind, SweepResult r, double millis) {
        String error = view.controller.error().get();
        if (error.isEmpty()) {
            error = r == null ? "no result" : r.spec().base().executor() != kind ? "ran on " + r.spec().base().executor()
                    : !r.complete() ? "incomplete" : r.points().isEmpty() ? "no points" : r.verified() ? "" : "not verified";
        }
        boolean ok = error.isEmpty();
        String what = String.format(Locale.ROOT, "%s sweep (%d points, %.0f ms)", kind.cliName(),
                r == null ? 0 : r.points().size(), millis);
        log.println("smoke test: " + what + (ok ? " verified" : " FAILED " + error));
        if (!ok) {
            failures.add(what + " " + error);
        }
    }

    private void finish() {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null), "png", out.toFile());
            log.println("smoke test: window written to " + out);
        } catch (IOException | RuntimeException e) {
            failures.add("cannot write " + out + ": " + e);
        }
        log.println(failures.isEmpty() ? "smoke test: passed" : "smoke test: FAILED: " + String.join("; ", failures));
        exitCode = failures.isEmpty() ? 0 : 1;
        Platform.exit();
    }
}
