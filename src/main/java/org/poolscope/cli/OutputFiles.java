package org.poolscope.cli;

import java.nio.file.Path;
import org.poolscope.export.AtomicFiles;

/** Checks every output path before a run starts: a run of minutes must not end in "cannot write". */
final class OutputFiles {

    private OutputFiles() {
    }

    static void check(String flag, Path path) {
        if (path == null) {
            return;
        }
        try {
            AtomicFiles.checkWritable(path);
        } catch (Exception e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }
}
