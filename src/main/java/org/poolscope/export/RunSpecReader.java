package org.poolscope.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.FaultPlan;
import org.poolscope.engine.RunSpec;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;

/**
 * Reads a saved run's {@code spec} back into a {@link RunSpec}: the workload record from its name and
 * parameters (as {@link WorkloadJson} wrote them), the executor, workers, tasks, recording, start-up
 * and faults. What ran, apart from what happened, which {@link RunJsonReader} reads.
 *
 * <p>Threads: the reading thread only.
 */
final class RunSpecReader {

    private final JsonParser p;
    private final JsonFields fields;

    private RunSpecReader(JsonParser parser, JsonFields fields) {
        this.p = parser;
        this.fields = fields;
    }

    /** Reads the spec object the parser is on. */
    static RunSpec read(JsonParser parser, JsonFields fields) throws IOException {
        return new RunSpecReader(parser, fields).spec();
    }


    private RunSpec spec() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "spec");
        Workload workload = null;
        ExecutorKind executor = null;
        Integer workers = null;
        Integer tasks = null;
        Boolean record = null;
        boolean includeStartup = true;
        FaultPlan faults = FaultPlan.NONE;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            String field = "spec." + name;
            switch (name) {
                case "workload" -> workload = workload();
                case "executor" -> {
                    String kind = fields.stringValue(field);
                    try {
                        executor = ExecutorKind.parse(kind);
                    } catch (IllegalArgumentException e) {
                        throw new IOException(field + ": " + e.getMessage(), e);
                    }
                }
                case "workers" -> workers = fields.intValue(field);
                case "tasks" -> tasks = fields.intValue(field);
                case "record" -> record = fields.booleanValue(field);
                case "includeStartup" -> includeStartup = fields.booleanValue(field);
                case "faults" -> faults = faults();
                default -> p.skipChildren();
            }
        }
        JsonFields.require(workload, "spec.workload");
        JsonFields.require(executor, "spec.executor");
        JsonFields.require(workers, "spec.workers");
        JsonFields.require(tasks, "spec.tasks");
        JsonFields.require(record, "spec.record");
        try {
            return new RunSpec(workload, executor, workers, tasks, record, faults, includeStartup);
        } catch (IllegalArgumentException e) {
            throw new IOException("spec: " + e.getMessage(), e);
        }
    }

    private FaultPlan faults() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "spec.faults");
        Double rate = null;
        Long seed = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "rate" -> rate = fields.doubleValue("spec.faults.rate");
                case "seed" -> seed = fields.longValue("spec.faults.seed");
                default -> p.skipChildren();
            }
        }
        JsonFields.require(rate, "spec.faults.rate");
        JsonFields.require(seed, "spec.faults.seed");
        try {
            return new FaultPlan(rate, seed);
        } catch (IllegalArgumentException e) {
            throw new IOException("spec.faults: " + e.getMessage(), e);
        }
    }

    /** The workload from its name and parameters, as {@link WorkloadJson} wrote them. */
    private Workload workload() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "spec.workload");
        String family = null;
        Map<String, String> parameters = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "name" -> family = fields.stringValue("spec.workload.name");
                case "parameters" -> parameters = parameters();
                default -> p.skipChildren(); // describe: derived from the parameters
            }
        }
        JsonFields.require(family, "spec.workload.name");
        JsonFields.require(parameters, "spec.workload.parameters");
        Parameters in = new Parameters(parameters);
        try {
            return switch (family) {
                case "primes" -> new PrimesWorkload(in.choice("kernel", PrimesWorkload.Kernel.class), in.number("n"));
                case "filter" -> new FilterWorkload(in.choice("filter", FilterWorkload.Filter.class),
                        in.integer("length"), in.integer("k"), in.choice("halo", FilterWorkload.Halo.class),
                        in.number("seed"));
                case "io" -> new IoWorkload(in.integer("latencyMillis"));
                case "contention" -> new ContentionWorkload(in.choice("lock", ContentionWorkload.LockKind.class),
                        in.integer("increments"));
                default -> throw new IOException("spec.workload.name: unknown workload '" + family
                        + "' (this PoolScope knows primes, filter, io, contention)");
            };
        } catch (IllegalArgumentException e) {
            throw new IOException("spec.workload: " + e.getMessage(), e);
        }
    }

    /** Scalar parameters as text; records of a workload have no nested values. */
    private Map<String, String> parameters() throws IOException {
        fields.expect(JsonToken.START_OBJECT, "spec.workload.parameters");
        Map<String, String> values = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (!token.isScalarValue()) {
                throw new IOException("spec.workload.parameters." + name + ": expected a number or a name");
            }
            values.put(name, token == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return values;
    }

    private record Parameters(Map<String, String> values) {

        private String text(String name) throws IOException {
            String value = values.get(name);
            if (value == null) {
                throw new IOException("missing field spec.workload.parameters." + name);
            }
            return value;
        }

        long number(String name) throws IOException {
            try {
                return Long.parseLong(text(name));
            } catch (NumberFormatException e) {
                throw new IOException("spec.workload.parameters." + name + ": expected a whole number, found '"
                        + text(name) + "'", e);
            }
        }

        int integer(String name) throws IOException {
            long value = number(name);
            if (value != (int) value) {
                throw new IOException("spec.workload.parameters." + name + ": " + value + " is out of range");
            }
            return (int) value;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) throws IOException {
            String value = text(name);
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IOException("spec.workload.parameters." + name + ": unknown value '" + value + "'", e);
            }
        }
    }
}
