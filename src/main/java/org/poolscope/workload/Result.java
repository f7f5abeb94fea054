package org.poolscope.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * A workload's combined result: named whole numbers in a fixed order, e.g. {@code count} and
 * {@code sum} for primes, {@code length} and {@code checksum} for a filter. Equal for every executor,
 * worker count and task count of one workload: tests and the JSON export compare it as a whole.
 */
public record Result(SequencedMap<String, Long> values) {

    public Result {
        values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
    }

    /** A result from name/value pairs in order: {@code Result.of("count", 78498L, "sum", 37550402023L)}. */
    public static Result of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        var map = new LinkedHashMap<String, Long>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).longValue());
        }
        return new Result(map);
    }

    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value named " + name + " in " + values.keySet());
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
