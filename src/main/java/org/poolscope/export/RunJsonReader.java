package org.poolscope.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.poolscope.engine.RecordedException;
import org.poolscope.engine.RunResult;
import org.poolscope.engine.RunSpec;
import org.poolscope.engine.RunStats;
import org.poolscope.engine.TaskState;
import org.poolscope.engine.Timeline;
import org.poolscope.engine.TimelineRestorer;
import org.poolscope.workload.Result;
import org.poolscope.workload.Verification;

/**
 * Reads what {@link RunJson} wrote back into a {@link RunResult}, token by token: records go straight
 * into a {@link TimelineRestorer}, so memory is the timeline's own and no tree of the file is built.
 *
 * <p>Fields may come in any order, except that {@code spec} must precede {@code lanes} and
 * {@code records}, and {@code lanes} must precede {@code records} (as {@link RunJson} writes them):
 * the timeline is sized from the spec. Unknown fields are skipped. Everything else is checked, and
 * every problem is an {@link IOException} naming the field; nothing half-built is returned.
 *
 * <p>Threads: one instance per read, on one thread.
 */
final class RunJsonReader {

    /** Failed tasks beyond the listed ones ({@code failuresOmitted}) get this in place of their exception. */
    static final String NOT_SAVED = "(not saved)";

    private record Failure(int task, RecordedException error) {
    }

    private final JsonParser p;
    private final JsonFields fields;
    private final Set<String> seen = new HashSet<>();
    private RunSpec spec;
    private boolean complete;
    private double wallMillis;
    private Result result;
    private boolean verified;
    private Verification verification;
    private final int[] counts = new int[3];
    private int[] missingUnits = new int[0];
    private final List<Failure> failures = new ArrayList<>();
    private RunStats stats = new RunStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    private TimelineRestorer restorer;
    private int records;
    private final java.util.BitSet failed = new java.util.BitSet();

    private RunJsonReader(JsonParser parser) {
        this.p = parser;
        this.fields = new JsonFields(parser);
    }

    static RunResult read(InputStream in) throws IOException {
        try (JsonParser parser = RunJson.JSON.createParser(in)) {
            return new RunJsonReader(parser).document();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IOException("not a PoolScope run: invalid JSON" + where + ": " + why, e);
        }
    }

    private RunResult document() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("not a PoolScope run: the file is not a JSON object");
        }
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            seen.add(name);
            switch (name) {
                case "schemaVersion" -> {
                    long version = fields.longValue(name);
                    if (version != RunJson.SCHEMA_VERSION) {
                        throw new IOException("unsupported schemaVersion " + version + ": this PoolScope reads "
                                + RunJson.SCHEMA_VERSION);
                    }
                }
                case "spec" -> {
                    spec = RunSpecReader.read(p, fields);
                    restorer = new TimelineRestorer(spec.tasks(), spec.record());
                }
                case "complete" -> complete = fields.booleanValue(name);
                case "wallMillis" -> wallMillis = fields.doubleValue(name);
                case "result" -> result = new Result(fields.longs(name));
                case "verified" -> verified = fields.booleanValue(name);
                case "verification" -> verification();
                case "counts" -> counts();
                case "missingUnits" -> missingUnits = fields.intArray(name);
                case "failures" -> failures();
                case "stats" -> stats();
                case "lanes" -> lanes();
                case "records" -> records();
                default -> p.skipChildren(); // environment, notes, completionOrder (derived), future fields
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("not a PoolScope run: the document ends early");
        }
        for (String required : List.of("schemaVersion", "spec", "complete", "wallMillis", "result", "verified",
                "verification", "counts", "lanes", "records")) {
            if (!seen.contains(required)) {
                throw new IOException("missing field " + required);
            }
        }
        return finish();
    }

    private RunResult finish() throws IOException {
        try {
            if (!spec.record()) {
                restoreUnrecordedStates();
            }
            java.util.BitSet unlisted = (java.util.BitSet) failed.clone();
            for (Failure f : failures) {
                restorer.error(f.task(), f.error());
                if (f.task() >= 0) {
                    unlisted.clear(f.task());
                }
            }
            // The file lists the first failures only: the others failed with something not saved.
            for (int t = unlisted.nextSetBit(0); t >= 0; t = unlisted.nextSetBit(t + 1)) {
                restorer.error(t, new RecordedException(NOT_SAVED,
                        "not in the file, which lists the first " + RunJson.MAX_FAILURES + " failures", null,
                        List.of(), null));
            }
            Timeline timeline = restorer.finish();
            return TimelineRestorer.runResult(spec, Math.round(wallMillis * 1e6), timeline, result,
                    new Verification(verified, verification.message(), verification.details()),
                    counts[0], counts[1], counts[2], stats, !complete);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("inconsistent run: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ result and counts

    private void verification() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "verification");
        String message = null;
        java.util.SequencedMap<String, Long> details = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "message" -> message = fields.stringValue("verification.message");
                case "details" -> details = fields.longs("verification.details");
                default -> p.skipChildren();
            }
        }
        JsonFields.require(message, "verification.message");
        verification = new Verification(false, message, details);
    }

    private void counts() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "counts");
        boolean[] given = new boolean[3];
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            int i = switch (name) {
                case "done" -> 0;
                case "failed" -> 1;
                case "cancelled" -> 2;
                default -> -1;
            };
            if (i < 0) {
                p.skipChildren();
            } else {
                counts[i] = fields.intValue("counts." + name);
                given[i] = true;
            }
        }
        String[] names = {"done", "failed", "cancelled"};
        for (int i = 0; i < 3; i++) {
            if (!given[i]) {
                throw new IOException("missing field counts." + names[i]);
            }
        }
    }

    private void stats() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "stats");
        double utilisation = Double.NaN;
        double meanWait = Double.NaN;
        double maxWait = Double.NaN;
        double imbalance = Double.NaN;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            String field = "stats." + name;
            switch (name) {
                case "utilisation" -> utilisation = fields.doubleOrNaN(field);
                case "meanQueueWaitMillis" -> meanWait = fields.doubleOrNaN(field) * 1e6;
                case "maxQueueWaitMillis" -> maxWait = fields.doubleOrNaN(field) * 1e6;
                case "imbalance" -> imbalance = fields.doubleOrNaN(field);
                default -> p.skipChildren();
            }
        }
        stats = new RunStats(utilisation, meanWait, maxWait, imbalance);
    }

    private void failures() throws IOException {
        fields.expect(JsonToken.START_ARRAY, "failures");
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            String at = "failures[" + i + "]";
            fields.expect(JsonToken.START_OBJECT, at);
            Integer task = null;
            RecordedException error = null;
            String exception = null;
            String message = null;
            String remote = null;
            List<String> stack = List.of();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                switch (name) {
                    case "task" -> task = fields.intValue(at + ".task");
                    case "exception" -> exception = fields.stringValue(at + ".exception");
                    case "message" -> message = fields.stringOrNull(at + ".message");
                    case "remoteException" -> remote = fields.stringValue(at + ".remoteException");
                    case "stack" -> stack = fields.strings(at + ".stack");
                    case "cause" -> error = cause(at + ".cause");
                    default -> p.skipChildren();
                }
            }
            JsonFields.require(task, at + ".task");
            JsonFields.require(exception, at + ".exception");
            failures.add(new Failure(task, new RecordedException(exception, message, remote, stack, error)));
        }
    }

    private RecordedException cause(String at) throws IOException {
        fields.expect(JsonToken.START_OBJECT, at);
        String exception = null;
        String message = null;
        String remote = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "exception" -> exception = fields.stringValue(at + ".exception");
                case "message" -> message = fields.stringOrNull(at + ".message");
                case "remoteException" -> remote = fields.stringValue(at + ".remoteException");
                default -> p.skipChildren();
            }
        }
        JsonFields.require(exception, at + ".exception");
        return new RecordedException(exception, message, remote, List.of(), null);
    }

    // ------------------------------------------------------------------ lanes and records

    private void lanes() throws IOException {
        requireSpecBefore("lanes");
        fields.expect(JsonToken.START_ARRAY, "lanes");
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            String at = "lanes[" + i + "]";
            fields.expect(JsonToken.START_OBJECT, at);
            Integer index = null;
            String laneName = null;
            Long created = null;
            long retired = -1;
            long pid = -1;
            Long ready = null;
            long offset = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                String field = at + "." + name;
                switch (name) {
                    case "index" -> index = fields.intValue(field);
                    case "name" -> laneName = fields.stringValue(field);
                    case "createdNanos" -> created = fields.longValue(field);
                    case "retiredNanos" -> retired = p.currentToken() == JsonToken.VALUE_NULL ? -1 : fields.nonNegative(field);
                    case "pid" -> pid = fields.nonNegative(field);
                    case "readyNanos" -> ready = fields.longValue(field);
                    case "clockOffsetNanos" -> offset = fields.longValue(field);
                    default -> p.skipChildren();
                }
            }
            JsonFields.require(index, at + ".index");
            JsonFields.require(laneName, at + ".name");
            JsonFields.require(created, at + ".createdNanos");
            if (index != i) {
                throw new IOException(at + ".index: expected " + i + " (lanes in creation order), found " + index);
            }
            if (pid >= 0) {
                JsonFields.require(ready, at + ".readyNanos");
            }
            restorer.lane(laneName, created, retired, pid, ready == null ? created : ready, offset);
        }
    }

    private void records() throws IOException {
        requireSpecBefore("records");
        if (!seen.contains("lanes")) {
            throw new IOException("records: the lanes must come before the records");
        }
        fields.expect(JsonToken.START_ARRAY, "records");
        if (spec.record() && restorer.tasks() == 0) {
            throw new IOException("records: the spec has no tasks");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            record();
            records++;
        }
        if (spec.record() && records != spec.tasks()) {
            throw new IOException("records: " + records + " records for " + spec.tasks() + " tasks");
        }
        if (!spec.record() && records != 0) {
            throw new IOException("records: a run that did not record has no records, found " + records);
        }
    }

    private void record() throws IOException {
        int i = records;
        fields.expect(JsonToken.START_OBJECT, "records[" + i + "]");
        int id = -1;
        int lane = -1;
        long submit = -1;
        long start = -1;
        long end = -1;
        TaskState state = null;
        int stolenFrom = -1;
        long cancelledAt = -1;
        long computeStart = -1;
        long computeEnd = -1;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            boolean isNull = token == JsonToken.VALUE_NULL;
            switch (name) {
                case "id" -> id = fields.intValue(recordField(i, name));
                case "lane" -> lane = isNull ? -1 : (int) fields.nonNegative(recordField(i, name));
                case "submit" -> submit = isNull ? -1 : fields.nonNegative(recordField(i, name));
                case "start" -> start = isNull ? -1 : fields.nonNegative(recordField(i, name));
                case "end" -> end = isNull ? -1 : fields.nonNegative(recordField(i, name));
                case "outcome" -> state = outcome(recordField(i, name));
                case "stolenFrom" -> stolenFrom = (int) fields.nonNegative(recordField(i, name));
                case "cancelledWhileRunning" -> cancelledAt = fields.nonNegative(recordField(i, name));
                case "computeStart" -> computeStart = fields.nonNegative(recordField(i, name));
                case "computeEnd" -> computeEnd = fields.nonNegative(recordField(i, name));
                default -> p.skipChildren();
            }
        }
        if (id < 0) {
            throw new IOException("missing field records[" + i + "].id");
        }
        JsonFields.require(state, recordField(i, "outcome"));
        // Which times a state implies, as RunJson writes them
        if (state != TaskState.NEW && submit < 0) {
            throw new IOException("missing field " + recordField(i, "submit") + " (task " + id + " is " + name(state) + ")");
        }
        if (lane >= 0 && state != TaskState.QUEUED && start < 0) {
            throw new IOException("missing field " + recordField(i, "start") + " (task " + id + " has a lane)");
        }
        if (state.isTerminal() && end < 0) {
            throw new IOException("missing field " + recordField(i, "end") + " (task " + id + " is " + name(state) + ")");
        }
        if ((computeStart < 0) != (computeEnd < 0)) {
            throw new IOException("records[" + i + "]: computeStart and computeEnd come together");
        }
        if (lane < 0 && state == TaskState.CANCELLED) {
            start = end; // a task cancelled before it started: the timeline keeps its cancel time as start
        }
        if (state == TaskState.FAILED && id >= 0) {
            failed.set(id);
        }
        try {
            restorer.task(id, state, lane, Math.max(submit, 0), Math.max(start, 0), Math.max(end, 0));
            if (stolenFrom >= 0) {
                restorer.stolenFrom(id, stolenFrom);
            }
            if (cancelledAt >= 0) {
                restorer.cancelledWhileRunning(id, cancelledAt);
            }
            if (computeStart >= 0) {
                restorer.compute(id, computeStart, computeEnd);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("records[" + i + "]: " + e.getMessage(), e);
        }
    }

    private static String recordField(int i, String name) {
        return "records[" + i + "]." + name;
    }

    private static String name(TaskState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private TaskState outcome(String field) throws IOException {
        String text = fields.stringValue(field);
        return switch (text) {
            case "new" -> TaskState.NEW;
            case "queued" -> TaskState.QUEUED;
            case "running" -> TaskState.RUNNING;
            case "done" -> TaskState.DONE;
            case "failed" -> TaskState.FAILED;
            case "cancelled" -> TaskState.CANCELLED;
            default -> throw new IOException(field + ": unknown outcome '" + text + "'");
        };
    }

    /**
     * A run that did not record has no records: its states come from {@code missingUnits} (every other
     * task completed) and {@code failures} (the listed ones failed); the rest of the missing ones were
     * cancelled, or failed beyond the listed failures. Lanes are unknown.
     */
    private void restoreUnrecordedStates() throws IOException {
        int tasks = spec.tasks();
        TaskState[] states = new TaskState[tasks];
        java.util.Arrays.fill(states, TaskState.DONE);
        for (int unit : missingUnits) {
            if (unit < 0 || unit >= tasks) {
                throw new IOException("missingUnits: unit " + unit + " is not in 0.." + (tasks - 1));
            }
            states[unit] = TaskState.CANCELLED;
        }
        for (Failure f : failures) {
            if (f.task() >= 0 && f.task() < tasks) {
                states[f.task()] = TaskState.FAILED;
            }
        }
        for (int t = 0; t < tasks; t++) {
            if (states[t] == TaskState.FAILED) {
                failed.set(t);
            }
            restorer.task(t, states[t], -1, 0, 0, 0);
        }
    }

    // ------------------------------------------------------------------ values

    private void requireSpecBefore(String field) throws IOException {
        if (spec == null) {
            throw new IOException(field + ": the spec must come before the " + field);
        }
    }
}
