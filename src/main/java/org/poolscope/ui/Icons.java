package org.poolscope.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** Every icon the window shows, by what it means: the one place that knows Ikonli's glyph names. */
public enum Icons {
    RUN(MaterialDesignP.PLAY),
    SWEEP(MaterialDesignC.CHART_LINE),
    CANCEL_QUEUED(MaterialDesignT.TRAY_REMOVE),
    CANCEL_ALL(MaterialDesignS.STOP_CIRCLE_OUTLINE),
    REPLAY(MaterialDesignR.REPLAY),
    PAUSE(MaterialDesignP.PAUSE),
    STEP(MaterialDesignS.SKIP_NEXT),
    OPEN(MaterialDesignF.FOLDER_OPEN),
    EXPORT(MaterialDesignE.EXPORT),
    EXPORT_ALL(MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE),
    DARK(MaterialDesignW.WEATHER_NIGHT),
    LIGHT(MaterialDesignW.WHITE_BALANCE_SUNNY),
    PRESENTATION(MaterialDesignP.PROJECTOR),
    FIT(MaterialDesignF.FIT_TO_PAGE_OUTLINE),
    INFO(MaterialDesignI.INFORMATION_OUTLINE),
    TIMELINE(MaterialDesignT.TIMELINE_OUTLINE),
    FRAME_TIME(MaterialDesignS.SPEEDOMETER),
    ABOUT(MaterialDesignH.HELP_CIRCLE_OUTLINE);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    /** A new icon node (a node can have one parent, so each use gets its own). */
    public FontIcon node() {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("ps-icon");
        return icon;
    }
}
