package org.poolscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.engine.RunResult;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window end to end, headless (JavaFX 26's headless glass platform): what a user does, and what
 * they must see. Settings live in a throw-away preferences node.
 */
class MainWindowTest extends FxRobot {

    private final String prefsNode = "poolscope-test/" + UUID.randomUUID();
    private MainView view;
    private Stage stage;
    private javafx.application.Application app;

    private void open() throws Exception {
        System.setProperty(PoolScopeApp.PREFS_PROPERTY, prefsNode);
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(PoolScopeApp::new);
        WaitForAsyncUtils.waitForFxEvents();
        view = (MainView) stage.getScene().getRoot();
    }

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            Platform.runLater(view.controller::cancelAll);
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app); // stop() of the instance that ran: it shuts its runner down
        }
        FxToolkit.cleanupStages();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("poolscope-") && t.isAlive());
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    /** Waits for the next finished run (the controller publishes it once per run). */
    private RunResult nextRun(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        RunResult[] got = new RunResult[1];
        Platform.runLater(() -> view.controller.lastRun().addListener((o, old, r) -> {
            if (r != null && done.getCount() > 0) {
                got[0] = r;
                done.countDown();
            }
        }));
        WaitForAsyncUtils.waitForFxEvents();
        action.run();
        assertThat(done.await(60, TimeUnit.SECONDS)).as("a run finished").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        return got[0];
    }

    /** 2 000 waits of 200 ms on 2 workers: 200 s if nothing stopped it. */
    private void chooseALongIoRun() {
        interact(() -> {
            view.settings.family.set(Settings.Family.IO);
            view.settings.latency.set(200);
            view.settings.workers.set(2);
            view.settings.tasks.set(2000);
        });
    }

    private void type(String fieldId, String text) {
        clickOn("#" + fieldId).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    @Test
    void workersByKeyboardThenPrimesToAMillionShowTheCountVerifiedOnThreeLanes() throws Exception {
        open();
        Slider workers = lookup("#workers-slider").queryAs(Slider.class);
        interact(workers::requestFocus); // a click would move the thumb to where it lands
        type(KeyCode.HOME);
        assertThat(view.settings.workers.get()).isEqualTo(1);
        type(KeyCode.RIGHT, 2);
        assertThat(view.settings.workers.get()).isEqualTo(3);
        type("tasks-field", "30");
        type("field-n", "1000000");

        RunResult r = nextRun(() -> clickOn("Run"));

        assertThat(r.spec().workers()).isEqualTo(3);
        assertThat(r.result().get("count")).isEqualTo(78_498);
        assertThat(r.timeline().laneCount()).isEqualTo(3);
        assertThat(lookup("#result-count").queryAs(Label.class).getText()).isEqualTo("78,498");
        assertThat(lookup("#verdict").queryAs(Label.class).getText()).startsWith("✓");

        assertThat(view.results.tasks.shown()).hasSize(30).startsWith(0, 1, 2);
        clickOn("Tasks in order");
        clickOn("#completion-order");
        assertThat(view.results.tasks.shown()).containsExactly(r.timeline().completionOrder());
    }

    @Test
    void exportWritesImagesOfTheExpectedPixelSize(@TempDir Path dir) throws Exception {
        open();
        type("field-n", "200000");
        nextRun(() -> clickOn("Run"));
        CountDownLatch written = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                new Exports(view).exportAll(dir);
            } catch (Exception e) {
                failure[0] = e;
            }
            written.countDown();
        });
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failure[0]).isNull();
        BufferedImage timeline = ImageIO.read(dir.resolve("timeline.png").toFile());
        assertThat(timeline.getWidth()).isEqualTo((int) Math.floor(view.timeline.getWidth()) * 2);
        assertThat(timeline.getHeight()).isEqualTo((int) Math.floor(view.timeline.getHeight()) * 2);
        assertThat(Files.exists(dir.resolve("run.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("trace.json"))).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.startsWith("."));
        }
    }

    @Test
    void cancelAllEndsALongRun() throws Exception {
        open();
        chooseALongIoRun();
        RunResult r = nextRun(() -> {
            clickOn("Run");
            WaitForAsyncUtils.waitForFxEvents();
            push(KeyCode.ESCAPE);
        });
        assertThat(r.interrupted()).isTrue();
        assertThat(r.cancelled()).isPositive();
        assertThat(r.done() + r.cancelled()).isEqualTo(2000);
    }

    @Test
    void aBadFieldDisablesRunAndSaysWhy() throws Exception {
        open();
        type("tasks-field", "0");
        Button run = view.run;
        assertThat(run.isDisabled()).isTrue();
        assertThat(lookup("#problem").queryAs(Label.class).getText()).contains("tasks").contains("1");
        type("tasks-field", "abc");
        assertThat(lookup("#problem").queryAs(Label.class).getText()).contains("not a whole number");
        type("tasks-field", "16");
        assertThat(run.isDisabled()).isFalse();
        assertThat(lookup("#problem").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void replayStepsThroughTasksInStartOrder() throws Exception {
        open();
        type("tasks-field", "12");
        type("field-n", "300000");
        RunResult r = nextRun(() -> clickOn("Run"));
        clickOn("Replay");
        clickOn("#replay-rewind");
        assertThat(lookup("#replay-bar").query().isVisible()).isTrue();

        var tl = r.timeline();
        java.util.List<Long> presents = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clickOn("#replay-step");
            presents.add(view.timeline.replayInProgress().nanos());
        }
        // Each step lands on the next task's start, in start order, all twelve of them.
        java.util.List<Long> starts = java.util.stream.IntStream.range(0, 12).mapToObj(tl::startNanos).sorted().toList();
        assertThat(presents).containsExactlyElementsOf(starts);
        assertThat(view.timeline.replayInProgress().playing()).isFalse();
    }

    @Test
    void closingTheWindowDuringARunCancelsItAndLeavesNothingBehind() throws Exception {
        open();
        chooseALongIoRun();
        clickOn("Run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.controller.busy().get()).get()).isTrue(); // FX thread only
        long t0 = System.nanoTime();
        FxToolkit.cleanupApplication(app); // what closing the window does: stop()
        app = null;
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to close").isLessThan(10);
        // @AfterEach: no poolscope-* thread is left, the runner and the pool included
    }

    @Test
    void anOpenedJsonShowsTheSameTimeline(@TempDir Path dir) throws Exception {
        open();
        type("tasks-field", "24");
        type("field-n", "400000");
        RunResult original = nextRun(() -> clickOn("Run"));
        Path json = dir.resolve("run.json");
        Path before = dir.resolve("before.png");
        Path after = dir.resolve("after.png");
        CountDownLatch saved = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                org.poolscope.export.RunJson.write(original, org.poolscope.export.Environment.capture(), json);
                view.timeline.writePng(before, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                saved.countDown();
            }
        });
        assertThat(saved.await(30, TimeUnit.SECONDS)).isTrue();

        RunResult opened = nextRun(() -> interact(() -> view.controller.open(json)));
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                view.timeline.writePng(after, 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                drawn.countDown();
            }
        });
        assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(opened).isNotSameAs(original);
        for (int t = 0; t < 24; t++) {
            assertThat(opened.timeline().startNanos(t)).isEqualTo(original.timeline().startNanos(t));
            assertThat(opened.timeline().laneOf(t)).isEqualTo(original.timeline().laneOf(t));
        }
        BufferedImage a = ImageIO.read(before.toFile());
        BufferedImage b = ImageIO.read(after.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()))
                .as("the opened run's timeline, pixel for pixel")
                .isEqualTo(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()));
    }
}
