package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.TimelineFixtures;

/**
 * The streaming writers at volume: the output is complete and parses, and writing allocates a
 * bounded amount whatever the task count (a tree of records would take hundreds of bytes each).
 * 200 000 tasks by default to keep the build quick on shared cores; measure a million with
 * {@code -Dpoolscope.largeTasks=1000000}. Prints time and size.
 */
class LargeExportTest {

    private static final int TASKS = Integer.getInteger("poolscope.largeTasks", 200_000);
    /** Flat, not per record: class loading and the generator's buffers, with room to spare. */
    private static final long MAX_ALLOCATED_BYTES = 8L << 20;

    private static RunResult run;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildRunAndWarmUp() throws IOException {
        run = TimelineFixtures.bigRun(TASKS, 4);
        // Class loading and first-use caches allocate once per JVM; measure what writing itself costs.
        RunResult small = TimelineFixtures.smallRun();
        RunJson.writeTo(small, RunJsonTest.ENV, OutputStream.nullOutputStream());
        ChromeTrace.writeTo(small, OutputStream.nullOutputStream());
    }

    @Test
    void runJsonStreamsEveryRecordInBoundedMemory() throws IOException {
        Path file = dir.resolve("run.json");
        long allocated = allocatedBy(() -> RunJson.write(run, RunJsonTest.ENV, file), "run json", file);
        // Streaming allocates a constant; writing the completion order sorts 12 bytes a task, once.
        assertThat(allocated).isLessThan(MAX_ALLOCATED_BYTES + 12L * TASKS);

        int records = 0;
        try (JsonParser p = RunJson.JSON.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("records")) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.nextToken();
                        p.nextToken();
                        assertThat(p.getIntValue()).isEqualTo(records++); // "id", in order
                        p.skipChildren();
                        while (p.currentToken() != JsonToken.END_OBJECT) {
                            p.nextToken();
                        }
                    }
                }
            }
        }
        assertThat(records).isEqualTo(TASKS);
    }

    @Test
    void chromeTraceStreamsEveryEventInBoundedMemory() throws IOException {
        Path file = dir.resolve("trace.json");
        long allocated = allocatedBy(() -> ChromeTrace.write(run, file), "chrome trace", file);
        assertThat(allocated).isLessThan(MAX_ALLOCATED_BYTES);

        int slices = 0;
        int queueEvents = 0;
        try (JsonParser p = RunJson.JSON.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("ph")) {
                    String phase = p.nextTextValue();
                    if (phase.equals("X")) {
                        slices++;
                    } else if (phase.equals("b") || phase.equals("e")) {
                        queueEvents++;
                    }
                }
            }
        }
        assertThat(slices).isEqualTo(TASKS);
        assertThat(queueEvents).isEqualTo(2 * TASKS);
    }

    private interface Write {
        void run() throws IOException;
    }

    private static long allocatedBy(Write write, String what, Path file) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        write.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf(Locale.ROOT, "%s: %,d tasks in %d ms, %,d bytes, %,d bytes allocated%n",
                what, TASKS, millis, Files.size(file), allocated);
        return allocated;
    }
}
