package org.poolscope.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.poolscope.chart.Palette;

/**
 * The window. Settings come from a {@link Preferences} node: the user's by default, or the one named
 * by the system property {@value #PREFS_PROPERTY} (tests use a throw-away node; the smoke test its own). The theme follows
 * the operating system's colour scheme at start; the palette's colours reach the scene as CSS
 * variables, so the timeline, the charts and the controls share one palette.
 *
 * <p>A file named as the one parameter (the launcher's {@code poolscope open FILE}) is opened as a
 * saved run once the window shows; a file that cannot be read says so in the status bar.
 *
 * <p>Closing the window during a run cancels it, waits for the pool to close, and exits.
 */
public final class PoolScopeApp extends Application {

    /** System property naming the preferences node to use instead of the user's. */
    public static final String PREFS_PROPERTY = "poolscope.prefs";

    private RunController controller;
    private Settings settings;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        settings = new Settings(preferences()).load();
        settings.dark.set(Platform.getPreferences().getColorScheme() == ColorScheme.DARK);
        controller = new RunController();
        MainView view = new MainView(settings, controller);
        Scene scene = new Scene(view, settings.windowWidth.get(), settings.windowHeight.get());
        applyTheme(scene, settings.dark.get(), settings.presentation.get());
        settings.dark.addListener(o -> applyTheme(scene, settings.dark.get(), settings.presentation.get()));
        settings.presentation.addListener(o -> applyTheme(scene, settings.dark.get(), settings.presentation.get()));
        view.installAccelerators();
        stage.setTitle("PoolScope");
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        view.timeline.startPulse();
        java.nio.file.Path smoke = SmokeTest.requested(getParameters().getRaw());
        if (smoke != null) {
            SmokeTest.start(view, smoke);
        } else {
            getParameters().getUnnamed().stream().findFirst()
                    .ifPresent(file -> controller.open(java.nio.file.Path.of(file).toAbsolutePath()));
        }
    }

    @Override
    public void stop() {
        if (settings != null) {
            settings.windowWidth.set(stage.getWidth());
            settings.windowHeight.set(stage.getHeight());
            settings.save();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    private Preferences preferences() {
        String node = SmokeTest.requested(getParameters().getRaw()) != null ? "org/poolscope/smoke-test"
                : System.getProperty(PREFS_PROPERTY);
        return node != null ? Preferences.userRoot().node(node) : Preferences.userRoot().node("org/poolscope");
    }

    /** The AtlantaFX theme, our stylesheet, and the palette as CSS variables. */
    static void applyTheme(Scene scene, boolean dark, boolean presentation) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String variables = ".root {\n" + Palette.cssVariables(dark) + "\n}\n"
                + (presentation ? ".root { -fx-font-size: 16px; }\n" : "");
        scene.getStylesheets().setAll(
                PoolScopeApp.class.getResource("poolscope.css").toExternalForm(),
                "data:text/css;base64," + Base64.getEncoder().encodeToString(variables.getBytes(StandardCharsets.UTF_8)));
    }
}
