package org.poolscope.ui;

import java.util.List;
import javafx.scene.image.Image;

/** The app's icon (assets/icon, rendered from poolscope.svg) at the sizes window managers ask for. */
final class AppIcons {

    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {
    }

    /** Every size, loaded in the background so the window does not wait for them. */
    static List<Image> all() {
        return SIZES.stream().map(s -> new Image(url(s), true)).toList();
    }

    static Image image(int size) {
        return new Image(url(size));
    }

    private static String url(int size) {
        return AppIcons.class.getResource("icon/poolscope-" + size + ".png").toExternalForm();
    }
}
