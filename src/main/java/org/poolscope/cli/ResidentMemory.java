package org.poolscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's resident memory as Linux reports it in {@code /proc/self/status}: what the operating
 * system gives the JVM, heap and everything else (metaspace, code cache, thread stacks, GC structures).
 */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** Resident memory now ({@code VmRSS}) in bytes, or -1 where /proc is not there (not Linux). */
    static long now() {
        return field("VmRSS:");
    }

    /** The most resident memory so far ({@code VmHWM}) in bytes, or -1. */
    static long peak() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(name)) {
                    String kb = line.substring(name.length()).trim();
                    return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
