package org.poolscope.cli;

import java.io.IOException;
import java.nio.file.Files;
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
            probe(path);
        } catch (Exception e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    /**
     * Creates and deletes a file beside the target, as the atomic write will. The permission check
     * alone asks access(2), which says yes to root in a read-only folder and on file systems that
     * create no files (/proc, /sys): the run would go ahead and fail at the end.
     */
    private static void probe(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path probe;
        try {
            probe = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".probe");
        } catch (IOException e) {
            throw new IOException("cannot write " + absolute.getFileName() + ": " + folder
                    + " does not let files be created in it", e);
        }
        Files.deleteIfExists(probe);
    }
}
