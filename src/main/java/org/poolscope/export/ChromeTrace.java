package org.poolscope.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.poolscope.engine.LaneLog;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;

/**
 * One run in the Chrome trace-event format, to open in Perfetto (ui.perfetto.dev) or
 * chrome://tracing: a track per lane with a complete slice ({@code "ph":"X"}) per task that ran,
 * and the queue waits as async slices ({@code "b"}/{@code "e"}, category {@code queue}, id = task
 * id), because waits overlap and only async events may.
 *
 * <h2>Layout</h2>
 * pid 1 is the run; tid 0 is the queue, tid i+1 is lane i; {@code M} metadata events name them and
 * keep the queue on top. {@code ts} and {@code dur} are microseconds from the run's start with
 * nanosecond decimals. A task cancelled while queued has only its queue wait; a task still queued or
 * running when written (a run not finished) is left out. A run that did not record per-task times
 * gives the metadata only, with a note in {@code otherData}.
 *
 * <h2>Worker processes</h2>
 * A run of the {@code process} kind adds a {@code start-up} slice per lane (created → ready, category
 * {@code startup}) and, inside each task slice whose worker answered, three child slices: {@code send}
 * (start → compute start), {@code compute} and {@code receive} (compute end → end), categories
 * {@code transfer} and {@code compute}. The transfer is what processes cost that threads do not.
 *
 * <h2>Why streaming</h2>
 * Three events a task make three million for a large run: they go straight from the Timeline's
 * arrays to the {@link JsonGenerator}, numbers and task names formatted into reused buffers, so
 * memory stays flat and the collector idle however long the run.
 *
 * <h2>Threads</h2>
 * Any thread, after the run has finished.
 */
public final class ChromeTrace {

    static final int QUEUE_TID = 0;
    private static final int PID = 1;

    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString CAT = new SerializedString("cat");
    private static final SerializableString PH = new SerializedString("ph");
    private static final SerializableString TS = new SerializedString("ts");
    private static final SerializableString DUR = new SerializedString("dur");
    private static final SerializableString PID_FIELD = new SerializedString("pid");
    private static final SerializableString TID = new SerializedString("tid");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString ARGS = new SerializedString("args");
    private static final SerializableString UNIT = new SerializedString("unit");
    private static final SerializableString OUTCOME = new SerializedString("outcome");
    private static final SerializableString STOLEN_FROM = new SerializedString("stolenFrom");
    private static final SerializableString QUEUED = new SerializedString("queued");
    private static final SerializableString QUEUE = new SerializedString("queue");
    private static final SerializableString TASK_CATEGORY = new SerializedString("task");
    private static final SerializableString SEND = new SerializedString("send");
    private static final SerializableString COMPUTE = new SerializedString("compute");
    private static final SerializableString RECEIVE = new SerializedString("receive");
    private static final SerializableString TRANSFER = new SerializedString("transfer");

    private ChromeTrace() {
    }

    /** Writes the trace of {@code run} to {@code target} atomically. */
    public static void write(RunResult run, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            writeTo(run, out);
            out.write('\n'); // text files end with a line break
        });
    }

    /** Writes the trace of {@code run} to {@code out} (left open). */
    public static void writeTo(RunResult run, OutputStream out) throws IOException {
        Timeline timeline = run.timeline();
        try (JsonGenerator g = RunJson.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new ShallowPrettyPrinter());
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            writeMetadata(g, run);
            if (timeline.recording()) {
                EventText text = new EventText();
                writeStartUps(g, timeline, text);
                for (int t = 0, n = timeline.tasks(); t < n; t++) {
                    writeTask(g, timeline, t, text);
                }
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("run", run.spec().describe());
            g.writeNumberField("wallMillis", run.wallMillis());
            g.writeBooleanField("verified", run.verified());
            if (!timeline.recording()) {
                g.writeStringField("note", "the run did not record per-task times (recording was off)");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void writeMetadata(JsonGenerator g, RunResult run) throws IOException {
        metadata(g, "process_name", QUEUE_TID, "name", "PoolScope · " + run.spec().describe());
        metadata(g, "thread_name", QUEUE_TID, "name", "queue");
        metadata(g, "thread_sort_index", QUEUE_TID, "sort_index", -1);
        for (LaneLog lane : run.timeline().lanes()) {
            metadata(g, "thread_name", lane.index() + 1, "name", lane.name());
            metadata(g, "thread_sort_index", lane.index() + 1, "sort_index", lane.index());
        }
    }

    private static void metadata(JsonGenerator g, String name, int tid, String arg, Object value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", PID);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        if (value instanceof Integer i) {
            g.writeNumberField(arg, i);
        } else {
            g.writeStringField(arg, value.toString());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A worker process's start-up on its lane's track: from the lane's creation to the worker's hello. */
    private static void writeStartUps(JsonGenerator g, Timeline timeline, EventText text) throws IOException {
        for (LaneLog lane : timeline.lanes()) {
            if (lane.pid() < 0 || lane.readyNanos() <= lane.createdNanos()) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("name", "start-up");
            g.writeStringField("cat", "startup");
            g.writeStringField("ph", "X");
            g.writeFieldName(TS);
            text.micros(g, lane.createdNanos());
            g.writeFieldName(DUR);
            text.micros(g, lane.readyNanos() - lane.createdNanos());
            g.writeNumberField("pid", PID);
            g.writeNumberField("tid", lane.index() + 1);
            g.writeObjectFieldStart("args");
            g.writeNumberField("processId", lane.pid());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void writeTask(JsonGenerator g, Timeline timeline, int t, EventText text) throws IOException {
        TaskState state = timeline.state(t);
        if (!state.isTerminal()) {
            return;
        }
        int lane = timeline.laneOf(t);
        boolean ran = lane >= 0;
        long submit = timeline.submitNanos(t);
        long queueEnd = ran ? timeline.startNanos(t) : timeline.endNanos(t);
        queueEvent(g, t, "b", submit, null, text);
        queueEvent(g, t, "e", queueEnd, ran ? null : state, text);
        if (!ran) {
            return;
        }
        long start = timeline.startNanos(t);
        g.writeStartObject();
        g.writeFieldName(NAME);
        text.taskName(g, t);
        g.writeFieldName(CAT);
        g.writeString(TASK_CATEGORY);
        g.writeFieldName(PH);
        g.writeString("X");
        g.writeFieldName(TS);
        text.micros(g, start);
        g.writeFieldName(DUR);
        text.micros(g, timeline.endNanos(t) - start);
        g.writeFieldName(PID_FIELD);
        g.writeNumber(PID);
        g.writeFieldName(TID);
        g.writeNumber(lane + 1);
        g.writeFieldName(ARGS);
        g.writeStartObject();
        g.writeFieldName(UNIT);
        g.writeNumber(t);
        g.writeFieldName(OUTCOME);
        g.writeString(Outcomes.of(state));
        int stolenFrom = timeline.stolenFrom(t);
        if (stolenFrom >= 0) {
            g.writeFieldName(STOLEN_FROM);
            g.writeNumber(stolenFrom);
        }
        g.writeEndObject();
        g.writeEndObject();
        long computeStart = timeline.computeStartNanos(t);
        if (computeStart >= 0) { // ran in a worker process that answered: send, compute, receive inside the slice
            long computeEnd = timeline.computeEndNanos(t);
            segment(g, SEND, TRANSFER, start, computeStart, lane, text);
            segment(g, COMPUTE, COMPUTE, computeStart, computeEnd, lane, text);
            segment(g, RECEIVE, TRANSFER, computeEnd, timeline.endNanos(t), lane, text);
        }
    }

    private static void segment(JsonGenerator g, SerializableString name, SerializableString category, long from,
            long to, int lane, EventText text) throws IOException {
        g.writeStartObject();
        g.writeFieldName(NAME);
        g.writeString(name);
        g.writeFieldName(CAT);
        g.writeString(category);
        g.writeFieldName(PH);
        g.writeString("X");
        g.writeFieldName(TS);
        text.micros(g, from);
        g.writeFieldName(DUR);
        text.micros(g, to - from);
        g.writeFieldName(PID_FIELD);
        g.writeNumber(PID);
        g.writeFieldName(TID);
        g.writeNumber(lane + 1);
        g.writeEndObject();
    }

    /** One end of a queue wait; the closing end of a task cancelled in the queue carries its outcome. */
    private static void queueEvent(JsonGenerator g, int t, String phase, long nanos, TaskState outcome,
            EventText text) throws IOException {
        g.writeStartObject();
        g.writeFieldName(NAME);
        g.writeString(QUEUED);
        g.writeFieldName(CAT);
        g.writeString(QUEUE);
        g.writeFieldName(PH);
        g.writeString(phase);
        g.writeFieldName(ID);
        g.writeNumber(t);
        g.writeFieldName(TS);
        text.micros(g, nanos);
        g.writeFieldName(PID_FIELD);
        g.writeNumber(PID);
        g.writeFieldName(TID);
        g.writeNumber(QUEUE_TID);
        if (outcome != null) {
            g.writeFieldName(ARGS);
            g.writeStartObject();
            g.writeFieldName(OUTCOME);
            g.writeString(Outcomes.of(outcome));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * The per-event text that is not a constant, formatted into reused buffers so a trace of
     * millions of events makes no garbage. One per write; not thread-safe.
     */
    static final class EventText {
        private static final char[] TASK_PREFIX = "task ".toCharArray();
        private final char[] buffer = new char[24];
        private final char[] name = new char[24];

        /** Writes the slice name {@code task 42}. */
        void taskName(JsonGenerator g, int task) throws IOException {
            System.arraycopy(TASK_PREFIX, 0, name, 0, TASK_PREFIX.length);
            int pos = name.length;
            int rest = task;
            do {
                name[--pos] = (char) ('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            int digits = name.length - pos;
            System.arraycopy(name, pos, name, TASK_PREFIX.length, digits);
            g.writeString(name, 0, TASK_PREFIX.length + digits);
        }

        /**
         * Writes nanoseconds as microseconds with three decimals ({@code 1234.567}): plain decimal,
         * never the exponent notation {@code Double.toString} turns to, which not every trace reader takes.
         */
        void micros(JsonGenerator g, long nanos) throws IOException {
            int length = format(nanos, buffer);
            g.writeNumber(buffer, 0, length);
        }

        /** Formats into the end of {@code out}, moves the text to its start, returns its length. */
        static int format(long nanos, char[] out) {
            int pos = out.length;
            long abs = Math.abs(nanos);
            long fraction = abs % 1000;
            for (int i = 0; i < 3; i++) {
                out[--pos] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            out[--pos] = '.';
            long whole = abs / 1000;
            do {
                out[--pos] = (char) ('0' + whole % 10);
                whole /= 10;
            } while (whole > 0);
            if (nanos < 0) {
                out[--pos] = '-';
            }
            int length = out.length - pos;
            System.arraycopy(out, pos, out, 0, length);
            return length;
        }
    }
}
