package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplaces() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("second");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void aFailingBodyLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: some bytes did reach the temporary file
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void aFailingBodyLeavesNoTargetWhenThereWasNone() throws IOException {
        Path target = dir.resolve("new.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write('{');
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(listing()).isEmpty();
    }

    @Test
    void writtenFilesHaveTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("atomic");
        AtomicFiles.write(atomic, new byte[] {1});
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
    }

    @Test
    void writingIntoAMissingFolderSaysSo() {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("missing/out.txt"), new byte[1]))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("folder does not exist");
    }

    @Test
    void refusesAFolderAsTarget() {
        assertThatThrownBy(() -> AtomicFiles.write(dir, new byte[0])).hasMessageContaining("is a folder");
    }

    @Test
    void checkWritableAcceptsANewFileInAWritableFolder() throws IOException {
        AtomicFiles.checkWritable(dir.resolve("run.json"));
        Path existing = Files.createFile(dir.resolve("old.json"));
        AtomicFiles.checkWritable(existing);
    }

    @Test
    void checkWritableNamesWhatIsWrong() throws IOException {
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("missing/run.json")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("missing");
        Path file = Files.createFile(dir.resolve("file"));
        assertThatThrownBy(() -> AtomicFiles.checkWritable(file.resolve("run.json")))
                .isInstanceOf(NotDirectoryException.class).hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.getRoot()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkWritableRefusesAReadOnlyFolder() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere; the check must then agree with the file system, not refuse
            boolean writable = Files.isWritable(locked);
            if (writable) {
                AtomicFiles.checkWritable(locked.resolve("run.json"));
            } else {
                assertThatThrownBy(() -> AtomicFiles.checkWritable(locked.resolve("run.json")))
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not writable");
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private java.util.List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
