package org.poolscope.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.RunStats;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.process.RemoteException;

/**
 * One run as a JSON document, {@value #SCHEMA_VERSION}: the spec, the result and its verification,
 * counts, failures, statistics, the environment, the lanes, and one record per task.
 *
 * <h2>Why streaming</h2>
 * A run may have a million tasks. The document is written token by token with Jackson's
 * {@link JsonGenerator}, one task at a time straight from the {@link Timeline}'s arrays, so memory
 * stays flat whatever the size (no tree, no per-record objects). The top two levels are indented and
 * every record is one line ({@link ShallowPrettyPrinter}).
 *
 * <h2>Schema</h2>
 * Times in {@code lanes} and {@code records} are nanoseconds from the run's start; wall and queue
 * waits are milliseconds. NaN statistics (a run that did not record) are {@code null}. Unrecorded
 * runs have an empty {@code records} array and a {@code recordsNote}. At most {@value #MAX_FAILURES}
 * failures are listed ({@code failuresOmitted} counts the rest); one thrown in a worker process also
 * names the {@code remoteException} class. A change that breaks readers bumps {@link #SCHEMA_VERSION}.
 *
 * <p>Runs on worker processes (executor {@code process}) add, per lane, {@code pid}, {@code readyNanos}
 * (created → ready is the worker's start-up) and {@code clockOffsetNanos} (0: one clock), and per
 * record {@code computeStart} and {@code computeEnd} when the worker answered: the bar is send
 * (start → computeStart), compute, receive (computeEnd → end).
 *
 * <h2>Threads</h2>
 * Any thread, after the run has finished (the Timeline may be read during a run too, but the
 * result and counts only exist after it).
 */
public final class RunJson {

    public static final int SCHEMA_VERSION = 1;
    static final int MAX_FAILURES = 1000;
    private static final int STACK_LINES = 5;

    static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    // Pre-encoded names: the record loop writes seven of them per task.
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString LANE = new SerializedString("lane");
    private static final SerializableString SUBMIT = new SerializedString("submit");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString END = new SerializedString("end");
    private static final SerializableString OUTCOME = new SerializedString("outcome");
    private static final SerializableString STOLEN_FROM = new SerializedString("stolenFrom");
    private static final SerializableString COMPUTE_START = new SerializedString("computeStart");
    private static final SerializableString COMPUTE_END = new SerializedString("computeEnd");

    private RunJson() {
    }

    /** Writes {@code run} to {@code target} atomically. */
    public static void write(RunResult run, Environment environment, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            writeTo(run, environment, out);
            out.write('\n'); // text files end with a line break
        });
    }

    /** Writes {@code run} to {@code out} (left open), e.g. standard output. */
    public static void writeTo(RunResult run, Environment environment, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new ShallowPrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            writeSpec(g, run.spec());
            // false when the run was cancelled as a whole (Ctrl+C, "cancel all"): what follows is partial
            g.writeBooleanField("complete", !run.interrupted());
            g.writeNumberField("wallMillis", run.wallMillis());
            g.writeObjectFieldStart("result");
            for (Map.Entry<String, Long> e : run.result().values().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeBooleanField("verified", run.verified());
            g.writeObjectFieldStart("verification");
            g.writeStringField("message", run.verification().message());
            g.writeObjectFieldStart("details");
            for (Map.Entry<String, Long> e : run.verification().details().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("done", run.done());
            g.writeNumberField("failed", run.failed());
            g.writeNumberField("cancelled", run.cancelled());
            g.writeEndObject();
            g.writeArrayFieldStart("missingUnits");
            for (int unit : run.missingUnits()) {
                g.writeNumber(unit);
            }
            g.writeEndArray();
            writeFailures(g, run.timeline());
            writeStats(g, run.stats());
            writeEnvironment(g, environment);
            g.writeStringField("timeUnit", "lanes and records: nanoseconds from the run's start");
            writeLanes(g, run.timeline());
            writeRecords(g, run.timeline());
            g.writeEndObject();
        }
    }

    /**
     * Reads a run this class wrote back, as a {@link RunResult} whose timeline's readers return what the
     * file says (see {@link org.poolscope.engine.TimelineRestorer}). Streams: memory is the timeline's.
     *
     * @throws IOException for a file that is not JSON, not this schema version ("unsupported
     *         schemaVersion N: this PoolScope reads 1"), or with a missing or malformed field (named)
     */
    public static RunResult read(Path source) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(source)) {
            return readFrom(in);
        }
    }

    /** Reads a run from {@code in} (left open), as {@link #read(Path)}. */
    public static RunResult readFrom(InputStream in) throws IOException {
        return RunJsonReader.read(in);
    }

    private static void writeSpec(JsonGenerator g, RunSpec spec) throws IOException {
        g.writeObjectFieldStart("spec");
        g.writeFieldName("workload");
        WorkloadJson.write(g, spec.workload());
        g.writeStringField("executor", spec.executor().cliName());
        g.writeNumberField("workers", spec.workers());
        g.writeNumberField("tasks", spec.tasks());
        g.writeBooleanField("record", spec.record());
        g.writeBooleanField("includeStartup", spec.includeStartup());
        g.writeObjectFieldStart("faults");
        g.writeNumberField("rate", spec.faults().rate());
        g.writeNumberField("seed", spec.faults().seed());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeFailures(JsonGenerator g, Timeline timeline) throws IOException {
        List<Integer> failed = new ArrayList<>(timeline.errors().keySet());
        failed.sort(null);
        g.writeArrayFieldStart("failures");
        for (int task : failed.subList(0, Math.min(failed.size(), MAX_FAILURES))) {
            Throwable error = timeline.error(task);
            g.writeStartObject();
            g.writeNumberField("task", task);
            writeThrowable(g, error);
            g.writeArrayFieldStart("stack");
            StackTraceElement[] stack = error.getStackTrace();
            for (int i = 0; i < Math.min(STACK_LINES, stack.length); i++) {
                g.writeString(stack[i].toString());
            }
            g.writeEndArray();
            if (error.getCause() != null && error.getCause() != error) {
                g.writeObjectFieldStart("cause");
                writeThrowable(g, error.getCause());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (failed.size() > MAX_FAILURES) {
            g.writeNumberField("failuresOmitted", failed.size() - MAX_FAILURES);
        }
    }

    private static void writeThrowable(JsonGenerator g, Throwable error) throws IOException {
        g.writeStringField("exception", error.getClass().getName());
        g.writeStringField("message", error.getMessage());
        if (error instanceof RemoteException remote) {
            g.writeStringField("remoteException", remote.remoteClassName());
        }
    }

    private static void writeStats(JsonGenerator g, RunStats stats) throws IOException {
        g.writeObjectFieldStart("stats");
        numberOrNull(g, "utilisation", stats.utilisation());
        numberOrNull(g, "meanQueueWaitMillis", stats.meanQueueWait() / 1e6);
        numberOrNull(g, "maxQueueWaitMillis", stats.maxQueueWait() / 1e6);
        numberOrNull(g, "imbalance", stats.imbalance());
        g.writeEndObject();
    }

    /** JSON has no NaN or infinity; {@code null} says "not measured". */
    static void numberOrNull(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }

    private static void writeEnvironment(JsonGenerator g, Environment e) throws IOException {
        g.writeObjectFieldStart("environment");
        g.writeStringField("poolscopeVersion", e.poolscopeVersion());
        g.writeStringField("javaVendor", e.javaVendor());
        g.writeStringField("javaVendorVersion", e.javaVendorVersion());
        g.writeStringField("javaVersion", e.javaVersion());
        g.writeStringField("vmName", e.vmName());
        g.writeStringField("osName", e.osName());
        g.writeStringField("osVersion", e.osVersion());
        g.writeStringField("osArch", e.osArch());
        g.writeStringField("cpuModel", e.cpuModel());
        g.writeNumberField("cores", e.cores());
        g.writeNumberField("maxHeapBytes", e.maxHeapBytes());
        g.writeStringField("caption", e.caption());
        g.writeEndObject();
    }

    private static void writeLanes(JsonGenerator g, Timeline timeline) throws IOException {
        g.writeArrayFieldStart("lanes");
        for (LaneLog lane : timeline.lanes()) {
            g.writeStartObject();
            g.writeNumberField("index", lane.index());
            g.writeStringField("name", lane.name());
            g.writeNumberField("createdNanos", lane.createdNanos());
            g.writeFieldName("retiredNanos");
            if (lane.retiredNanos() >= 0) {
                g.writeNumber(lane.retiredNanos());
            } else {
                g.writeNull(); // still alive when written
            }
            if (lane.pid() >= 0) { // a worker process
                g.writeNumberField("pid", lane.pid());
                g.writeNumberField("readyNanos", lane.readyNanos());
                g.writeNumberField("clockOffsetNanos", lane.clockOffsetNanos());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeRecords(JsonGenerator g, Timeline timeline) throws IOException {
        g.writeArrayFieldStart("records");
        if (timeline.recording()) {
            for (int t = 0, n = timeline.tasks(); t < n; t++) {
                writeRecord(g, timeline, t);
            }
        }
        g.writeEndArray();
        if (!timeline.recording()) {
            g.writeStringField("recordsNote", "the run did not record per-task times (recording was off)");
        } else {
            // Submission order is the record ids; this is the order results came back (as_completed).
            g.writeArrayFieldStart("completionOrder");
            for (int t : timeline.completionOrder()) {
                g.writeNumber(t);
            }
            g.writeEndArray();
        }
    }

    /**
     * One task. A task that never started (cancelled in the queue) has no lane and no start; one
     * never submitted has no submit; one not yet ended (a run still going) has no end.
     */
    private static void writeRecord(JsonGenerator g, Timeline timeline, int t) throws IOException {
        TaskState state = timeline.state(t);
        int lane = timeline.laneOf(t);
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeNumber(t);
        g.writeFieldName(LANE);
        if (lane >= 0) {
            g.writeNumber(lane);
        } else {
            g.writeNull();
        }
        g.writeFieldName(SUBMIT);
        if (state != TaskState.NEW) {
            g.writeNumber(timeline.submitNanos(t));
        } else {
            g.writeNull();
        }
        g.writeFieldName(START);
        if (lane >= 0 && state != TaskState.QUEUED) {
            g.writeNumber(timeline.startNanos(t));
        } else {
            g.writeNull();
        }
        g.writeFieldName(END);
        if (state.isTerminal()) {
            g.writeNumber(timeline.endNanos(t));
        } else {
            g.writeNull();
        }
        g.writeFieldName(OUTCOME);
        g.writeString(Outcomes.of(state));
        int stolenFrom = timeline.stolenFrom(t);
        if (stolenFrom >= 0) {
            g.writeFieldName(STOLEN_FROM);
            g.writeNumber(stolenFrom);
        }
        long computeStart = timeline.computeStartNanos(t);
        if (computeStart >= 0 && state.isTerminal()) { // ran in a worker process that answered
            g.writeFieldName(COMPUTE_START);
            g.writeNumber(computeStart);
            g.writeFieldName(COMPUTE_END);
            g.writeNumber(timeline.computeEndNanos(t));
        }
        long cancelledAt = timeline.cancelledWhileRunningNanos(t);
        if (cancelledAt >= 0) { // Java's cancel(false) on a running task: it ran on to "end", result thrown away
            g.writeNumberField("cancelledWhileRunning", cancelledAt);
        }
        g.writeEndObject();
    }
}
