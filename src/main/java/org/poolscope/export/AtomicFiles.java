package org.poolscope.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees a half-written one: the bytes go to a temporary file in
 * the target's own folder (a rename is only atomic within one file system), are forced to the disk,
 * and the temporary file is then renamed over the target in one step. When anything fails the
 * temporary file is deleted and the exception goes to the caller; the target keeps its old content,
 * or stays absent.
 *
 * <h2>Why not Files.createTempFile</h2>
 * It creates files readable by the owner only, and the rename would carry those permissions to the
 * export. The temporary file here is created like any new file, with the user's usual permissions.
 *
 * <h2>Threads</h2>
 * Stateless; any thread. Two threads writing the same target at once each write their own
 * temporary file, and the last rename wins whole.
 */
public final class AtomicFiles {

    /** What produces the file's bytes. The stream is buffered; do not close it. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically with the bytes {@code body} produces. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + absolute + ": it is a folder");
        }
        Path temp;
        try {
            temp = createTemp(absolute);
        } catch (IOException e) {
            checkWritable(absolute); // names the cause (no such folder, not writable) when it is one of those
            throw e;
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
                body.writeTo(out);
                out.flush();
                // Without this a crash soon after the rename can leave an empty target on some file systems.
                channel.force(false);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Writes {@code target} atomically with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Fails fast, before a run starts, when {@code target} can clearly not be written: it is a
     * folder, or its folder does not exist, is not a folder, or is not writable. The message names
     * the path and the reason, fit to show to the user as it is.
     *
     * @throws IOException (a {@link NoSuchFileException}, {@link NotDirectoryException} or
     *                     {@link AccessDeniedException} where one fits) with that message
     * @throws IllegalArgumentException when the path names no file at all (a root)
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IllegalArgumentException("cannot write to " + target + ": it names no file");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write " + absolute + ": it is a folder, give a file name");
        }
        Path folder = absolute.getParent();
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null,
                    "cannot write " + absolute.getFileName() + ": the folder does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new NotDirectoryException(folder + " is not a folder, so " + absolute.getFileName()
                    + " cannot be written in it");
        }
        if (!Files.isWritable(folder)) {
            throw new AccessDeniedException(folder.toString(), null,
                    "cannot write " + absolute.getFileName() + ": the folder is not writable");
        }
    }

    /** A new, empty file beside the target, named after it so a leftover explains itself. */
    private static Path createTemp(Path target) throws IOException {
        Path folder = target.getParent();
        String name = "." + target.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(name + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network and FUSE mounts) cannot rename atomically; a plain
            // replacing move is the best they offer, and the bytes are complete before it either way.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
