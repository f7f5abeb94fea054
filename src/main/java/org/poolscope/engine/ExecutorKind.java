package org.poolscope.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The executors PoolScope runs work on, as the CLI and the window name them. */
public enum ExecutorKind {
    /** Units one after another on the calling thread: the baseline every speedup divides. */
    SEQUENTIAL("sequential"),
    /** A {@link java.util.concurrent.ThreadPoolExecutor} with N prestarted threads and a FIFO queue. */
    FIXED("fixed"),
    /** A {@link java.util.concurrent.ForkJoinPool} of parallelism N; the task range is split by fork/join. */
    WORK_STEALING("work-stealing"),
    /** A virtual thread per task, at most N running at once through a resizable pool of permits. */
    VIRTUAL("virtual"),
    /**
     * N worker JVMs, one unit in flight each, its inputs and outputs through pipes: what Python's
     * ProcessPoolExecutor costs (start-up, transfer), made visible. Not for the contention workload.
     */
    PROCESS("process");

    private final String cliName;

    ExecutorKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name the CLI and the JSON use: {@code work-stealing}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a CLI name. @throws IllegalArgumentException naming what is allowed */
    public static ExecutorKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ExecutorKind k : values()) {
            if (k.cliName.equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown executor '" + name + "': use one of " + names());
    }

    /** The CLI names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(ExecutorKind::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
