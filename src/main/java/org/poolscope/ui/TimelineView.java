package org.poolscope.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.poolscope.engine.Run;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.TaskDetails;
import org.poolscope.engine.Timeline;
import org.poolscope.timeline.TimelineLayout;
import org.poolscope.timeline.TimelinePainter;
import org.poolscope.timeline.TimelineRenderer;
import org.poolscope.timeline.TimelineStyle;
import org.poolscope.timeline.Viewport;

/**
 * The live Gantt timeline: the one {@link TimelinePainter} draws with Java2D into a premultiplied
 * ARGB image, which this view shows zero-copy through a {@link PixelBuffer}, updated on the FX thread
 * within the pulse. The buffer has the screen's physical pixels (output scale), so HiDPI stays sharp.
 *
 * <h2>Frames</h2>
 * One {@link AnimationTimer}: while a run is live it paints every pulse, reading the Timeline the
 * workers write (never a runLater per task); otherwise it paints only when something changed. During
 * a sweep's measured runs it throttles to a few frames a second (or pauses, the user's choice), so the
 * window takes little from the workers it measures on a two-core machine.
 *
 * <h2>Navigation</h2>
 * Wheel zooms around the pointer, drag pans, double-click fits the whole run and follows it live.
 * Hover shows a task; click pins it in the details pane.
 *
 * <p>Threads: the JavaFX Application Thread.
 */
final class TimelineView extends Region {

    /** How often a sweep's live view repaints when throttled. */
    static final long THROTTLED_FRAME_NANOS = 250_000_000L;

    private final RunController controller;
    private final Settings settings;
    private final DetailsPane details;
    private final TimelinePainter painter = new TimelinePainter();
    private final StartAnimation starts = new StartAnimation();
    private Runnable exportAction = () -> { };
    private final ImageView view = new ImageView();
    private final Label hover = new Label();
    private final Label frameLabel = new Label();
    private final Label empty = new Label("Press Run (Ctrl+R): tasks leave the queue (top lane) for the workers' lanes.");
    private final FrameStats frames = new FrameStats();
    private final CheckMenuItem pauseDuringSweeps = new CheckMenuItem("Pause (not throttle) during sweeps");
    private BufferedImage image;
    private PixelBuffer<IntBuffer> buffer;
    private Timeline shown;
    private Run live;
    private RunResult finished;
    private long fromNanos;
    private long toNanos;
    private boolean follow = true;
    private boolean dirty = true;
    private long lastPaint;
    private double dragX = Double.NaN;
    private TimelineLayout layout;
    private long lastNow = TimelinePainter.NOT_LIVE;
    private Timeline fitted;
    private long fittedSpan;
    private double laidOutWidth;
    private double laidOutHeight;
    private Replay replay;
    private long lastPulse;
    private final javafx.beans.property.ReadOnlyStringWrapper replayStatus = new javafx.beans.property.ReadOnlyStringWrapper("");

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse(now);
        }
    };

    TimelineView(RunController controller, Settings settings, DetailsPane details) {
        this.controller = controller;
        this.settings = settings;
        this.details = details;
        setId("timeline");
        getStyleClass().add("ps-timeline");
        setMinSize(200, 120);
        view.setPreserveRatio(false);
        hover.getStyleClass().add("ps-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        frameLabel.getStyleClass().add("ps-frame-stats");
        frameLabel.setVisible(false);
        frameLabel.setMouseTransparent(true);
        empty.getStyleClass().add("text-muted");
        empty.setAlignment(Pos.CENTER);
        getChildren().addAll(view, empty, hover, frameLabel);

        controller.liveRun().addListener((o, old, run) -> showLive(run));
        controller.lastRun().addListener((o, old, r) -> {
            if (controller.liveRun().get() == null || !controller.sweeping().get()) {
                showFinished(r);
            }
        });
        settings.dark.addListener(o -> dirty = true);
        settings.presentation.addListener(o -> dirty = true);
        installMouse();
        MenuItem fit = new MenuItem("Fit the whole run (double-click)", Icons.FIT.node());
        fit.setOnAction(e -> fit());
        MenuItem frameItem = new MenuItem("Frame-time readout (F12)", Icons.FRAME_TIME.node());
        frameItem.setOnAction(e -> toggleFrameStats());
        MenuItem export = new MenuItem("Export PNG…", Icons.EXPORT.node());
        export.setOnAction(e -> exportAction.run());
        ContextMenu menu = new ContextMenu(fit, frameItem, pauseDuringSweeps, export);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** What "Export PNG…" in the context menu does. */
    void onExport(Runnable action) {
        exportAction = action;
    }

    void startPulse() {
        pulse.start();
    }

    void toggleFrameStats() {
        frameLabel.setVisible(!frameLabel.isVisible());
    }

    /** The frame statistics of the last frames, for the F12 readout and tests. */
    FrameStats frameStats() {
        return frames;
    }

    /** Fits the whole run and follows it while it is live. */
    void fit() {
        follow = true;
        dirty = true;
    }

    /** Plays the last finished run back; null stops replaying. */
    void replay(RunResult r) {
        replay = r == null || !r.timeline().recording() ? null : new Replay(r);
        if (replay != null) {
            finished = r;
            live = null;
            follow = true;
        } else if (finished != null) {
            shown = finished.timeline();
        }
        dirty = true;
    }

    /** What this view does during a sweep's measured runs, for the charts to say. */
    String duringSweeps() {
        return pauseDuringSweeps.isSelected() ? "paused" : "throttled to 4 frames a second";
    }

    /** Shows a finished run (a sweep's point, an opened file). */
    void show(RunResult r) {
        replay = null;
        showFinished(r);
        follow = true;
        details.pinned.set(null);
    }

    /** The replay in progress, or null. */
    Replay replayInProgress() {
        return replay;
    }

    /** "1.234 ms of 5.000 ms at 1/100×" while replaying, "" otherwise. */
    javafx.beans.property.ReadOnlyStringProperty replayStatus() {
        return replayStatus.getReadOnlyProperty();
    }

    private void showLive(Run run) {
        if (run != null) {
            replay = null;
        }
        if (run == null) {
            live = null;
            dirty = true;
            return;
        }
        live = run;
        finished = null;
        shown = run.timeline();
        follow = true;
        dirty = true;
        details.pinned.set(null);
    }

    private void showFinished(RunResult r) {
        if (r == null) {
            return;
        }
        live = null;
        finished = r;
        shown = r.timeline();
        dirty = true;
    }

    private long nowNanos() {
        if (replay != null) {
            return replay.nanos();
        }
        return live != null ? live.timeline().elapsedNanos() : TimelinePainter.NOT_LIVE;
    }

    private void onPulse(long now) {
        long paintNanos = 0;
        if (replay != null) {
            replay.advance(lastPulse == 0 ? 0 : now - lastPulse);
            shown = replay.frame();
            dirty = true;
            replayStatus.set(String.format(java.util.Locale.ROOT, "%.3f ms of %.3f ms%s", replay.nanos() / 1e6,
                    replay.endNanos() / 1e6, replay.playing() ? "" : " · paused"));
        } else if (!replayStatus.get().isEmpty()) {
            replayStatus.set("");
        }
        lastPulse = now;
        boolean isLive = live != null;
        boolean throttled = isLive && controller.sweeping().get();
        boolean due = dirty || (isLive && (!throttled || (!pauseDuringSweeps.isSelected()
                && now - lastPaint >= THROTTLED_FRAME_NANOS)));
        if (shown != null && due && getWidth() >= 1 && getHeight() >= 1) {
            long t0 = System.nanoTime();
            paint();
            paintNanos = System.nanoTime() - t0;
            lastPaint = now;
            dirty = false;
        }
        frames.record(now, paintNanos);
        if (frameLabel.isVisible()) {
            frameLabel.setText(frames.summary() + (throttled ? (pauseDuringSweeps.isSelected()
                    ? "\nlive view paused during the sweep" : "\nlive view throttled during the sweep") : ""));
            requestLayout();
        }
        if (isLive || details.pinned.get() != null) {
            details.refresh();
        }
    }

    private void paint() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        long now = nowNanos();
        lastNow = now;
        if (follow) {
            // A live run grows to its present; a finished (or replayed) run is fitted once: finding its
            // last instant reads every task, so it is remembered per timeline, not redone per frame.
            long span;
            if (now != TimelinePainter.NOT_LIVE && replay == null) {
                span = Math.max(now, 1_000_000L);
                span += span / 50;
            } else {
                Timeline whole = replay != null ? replay.source().timeline() : shown;
                if (whole != fitted) {
                    fitted = whole;
                    fittedSpan = Viewport.wholeRun(whole, w, h, scale).toNanos();
                }
                span = fittedSpan;
            }
            fromNanos = 0;
            toNanos = span;
        }
        Viewport vp = new Viewport(fromNanos, toNanos, w, h, scale);
        ensureBuffer(vp);
        TimelineStyle style = TimelineStyle.of(settings.dark.get(), settings.presentation.get());
        layout = painter.paint(shown, vp, style, now, caption(), image);
        if (now != TimelinePainter.NOT_LIVE) {
            // Tokens travelling to their lanes: the live view's own, over the painter's pixels.
            starts.follow(shown);
            starts.collect(lastPulse);
            java.awt.Graphics2D g = image.createGraphics();
            try {
                g.scale(vp.scale(), vp.scale());
                starts.draw(g, layout, painter, style, lastPulse, now);
            } finally {
                g.dispose();
            }
        } else {
            starts.follow(null);
        }
        buffer.updateBuffer(b -> null);
        empty.setVisible(false);
    }

    private void ensureBuffer(Viewport vp) {
        int pw = vp.pixelWidth();
        int ph = vp.pixelHeight();
        if (image == null || image.getWidth() != pw || image.getHeight() != ph) {
            image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            buffer = new PixelBuffer<>(pw, ph, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(buffer));
        }
        view.setFitWidth(vp.width());
        view.setFitHeight(vp.height());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        view.relocate(0, 0);
        empty.resizeRelocate(0, 0, w, h);
        frameLabel.autosize();
        // Bottom right, above the time axis, inside the view whatever its width.
        frameLabel.relocate(Math.max(4, w - frameLabel.getWidth() - 8), Math.max(4, h - frameLabel.getHeight() - 40));
        hover.autosize();
        if (w != laidOutWidth || h != laidOutHeight) { // a new size needs a new frame; a moved label does not
            laidOutWidth = w;
            laidOutHeight = h;
            dirty = true;
        }
    }

    /** Writes what the view shows, at {@code scale}, as a PNG: the same painter, the same pixels. */
    void writePng(Path target, double scale) throws java.io.IOException {
        if (shown == null) {
            throw new IllegalStateException("nothing to export yet: run something first");
        }
        int w = Math.max(1, (int) Math.floor(getWidth()));
        int h = Math.max(1, (int) Math.floor(getHeight()));
        Viewport vp = new Viewport(fromNanos, toNanos, w, h, scale);
        BufferedImage png = new BufferedImage(vp.pixelWidth(), vp.pixelHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        String withEnvironment = caption() + " · " + org.poolscope.export.Environment.capture().caption();
        new TimelinePainter().paint(shown, vp, TimelineStyle.of(settings.dark.get(), settings.presentation.get()),
                live != null ? lastNow : TimelinePainter.NOT_LIVE, withEnvironment, png);
        org.poolscope.export.AtomicFiles.write(target, out -> TimelineRenderer.writePng(png, out));
    }

    private String caption() {
        if (live != null) {
            return live.spec().describe();
        }
        return finished != null ? finished.spec().describe() : null;
    }

    // ---------------------------------------------------------------- mouse

    private void installMouse() {
        setOnScroll(this::zoom);
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(this::pan);
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> hover.setVisible(false));
        setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                fit();
            } else if (e.isStillSincePress()) {
                pin(e);
            }
        });
    }

    private void zoom(ScrollEvent e) {
        if (layout == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = Math.pow(1.0015, -e.getDeltaY());
        long at = layout.nanosAt(e.getX());
        long from = at - Math.round((at - fromNanos) * factor);
        long to = at + Math.round((toNanos - at) * factor);
        if (to - from >= 1_000) { // a microsecond across is as far as zoom goes
            fromNanos = from;
            toNanos = to;
            follow = false;
            dirty = true;
        }
        e.consume();
    }

    private void pan(MouseEvent e) {
        if (layout == null || Double.isNaN(dragX)) {
            return;
        }
        long shift = Math.round((dragX - e.getX()) * layout.nanosPerPixel());
        fromNanos += shift;
        toNanos += shift;
        dragX = e.getX();
        follow = false;
        dirty = true;
    }

    private OptionalInt taskUnder(double x, double y) {
        return layout == null || shown == null ? OptionalInt.empty() : layout.taskAt(shown, x, y, lastNow);
    }

    private IntFunction<TaskDetails> detailsSource() {
        if (live != null) {
            return live::details;
        }
        return finished != null && finished.job() != null ? finished::details : null;
    }

    private void hover(MouseEvent e) {
        OptionalInt task = taskUnder(e.getX(), e.getY());
        IntFunction<TaskDetails> source = detailsSource();
        if (task.isEmpty() || source == null) {
            hover.setVisible(false);
            return;
        }
        TaskDetails d = source.apply(task.getAsInt());
        hover.setText("task " + d.id() + " · " + d.unit() + "\n" + d.javaFutureState().toLowerCase(java.util.Locale.ROOT)
                + " on " + (d.lane().isEmpty() ? "—" : d.lane())
                + String.format(java.util.Locale.ROOT, "\nqueue wait %.3f ms · run %.3f ms",
                        Math.max(0, d.queueWaitNanos()) / 1e6, Math.max(0, d.runNanos()) / 1e6)
                + (d.exception().isEmpty() ? (d.result().isEmpty() ? "" : "\n" + d.result()) : "\n" + d.exception()));
        hover.autosize();
        double x = Math.min(e.getX() + 14, getWidth() - hover.getWidth() - 4);
        double y = Math.min(e.getY() + 14, getHeight() - hover.getHeight() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    private void pin(MouseEvent e) {
        OptionalInt task = taskUnder(e.getX(), e.getY());
        IntFunction<TaskDetails> source = detailsSource();
        if (task.isEmpty() || source == null) {
            return;
        }
        IntPredicate cancel = live != null ? live::cancel : null;
        details.pinned.set(new DetailsPane.Pinned(task.getAsInt(), source, cancel));
    }
}
