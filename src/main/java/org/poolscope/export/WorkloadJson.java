package org.poolscope.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import org.poolscope.workload.Workload;

/**
 * A workload as JSON: {@code {"name": …, "describe": …, "parameters": {component: value, …}}}.
 *
 * <p>Why reflection: every workload is a record, so its components are exactly its parameters
 * (a filter's seed among them). Reading them generically keeps this in step when a workload gains a
 * parameter, where a hand-written switch would silently miss it. Enums are written as the CLI spells
 * them ({@code moving-average}).
 */
final class WorkloadJson {

    private WorkloadJson() {
    }

    static void write(JsonGenerator g, Workload workload) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", workload.name());
        g.writeStringField("describe", workload.describe());
        g.writeObjectFieldStart("parameters");
        for (RecordComponent c : workload.getClass().getRecordComponents()) {
            g.writeFieldName(c.getName());
            writeValue(g, read(c, workload));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static Object read(RecordComponent component, Workload workload) {
        try {
            return component.getAccessor().invoke(workload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + workload.name(), e);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> {
                if (Double.isFinite(d)) {
                    g.writeNumber(d);
                } else {
                    g.writeNull();
                }
            }
            case Number n -> g.writeNumber(n.toString());
            case Boolean b -> g.writeBoolean(b);
            case Enum<?> e -> g.writeString(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            default -> g.writeString(value.toString());
        }
    }
}
