package org.poolscope.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help → About (F1): PoolScope's version, the Java and JavaFX it runs on, and the libraries it
 * bundles with their licences (listed at build time, see {@link ThirdParty}).
 *
 * <p>Threads: the FX thread.
 */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert about = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        about.initOwner(owner);
        about.setTitle("About PoolScope");
        about.setHeaderText("PoolScope " + version());
        about.setGraphic(new ImageView(AppIcons.image(64)));
        about.getDialogPane().setContent(content());
        about.getDialogPane().setId("about");
        about.getDialogPane().setMinWidth(820); // a pref width alone left it at the header's width
        about.setResizable(true);
        about.show();
    }

    static String version() {
        String v = AboutDialog.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** The runtime, one line each: Java, the VM, JavaFX, where the runtime lives. */
    static List<String> runtime() {
        return List.of(
                "Makes Java's executors visible and measurable.",
                "Java " + Runtime.version() + " · " + System.getProperty("java.vm.name") + " · " + System.getProperty("java.vendor"),
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                "Runtime " + System.getProperty("java.home"));
    }

    private static VBox content() {
        VBox box = new VBox(6);
        for (String line : runtime()) {
            box.getChildren().add(new Label(line));
        }
        List<ThirdParty> libraries = ThirdParty.bundled();
        Label title = new Label("Bundled libraries (" + libraries.size() + ")");
        title.getStyleClass().add("title-4");
        TableView<ThirdParty> table = new TableView<>(FXCollections.observableArrayList(libraries));
        table.getColumns().add(column("Library", ThirdParty::name, 160));
        table.getColumns().add(column("Version", t -> t.coordinates().substring(t.coordinates().lastIndexOf(':') + 1), 95));
        table.getColumns().add(column("Licence", ThirdParty::licence, 270));
        table.getColumns().add(column("Web site", ThirdParty::url, 250));
        table.setPrefHeight(300);
        // the web site takes what is left: no empty filler column, versions never cut
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("This build did not list its libraries (license-maven-plugin)"));
        Label note = new Label("The Java runtime and JavaFX: GPLv2 with the Classpath Exception. JFreeChart and "
                + "JFreeChart-FX: LGPL, used unmodified as separate jars (lib/app), which you may replace.");
        note.setWrapText(true);
        box.getChildren().addAll(title, table, note);
        return box;
    }

    private static TableColumn<ThirdParty, String> column(String name, java.util.function.Function<ThirdParty, String> value, double width) {
        TableColumn<ThirdParty, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item)); // the whole text, when cut
            }
        });
        return c;
    }
}
