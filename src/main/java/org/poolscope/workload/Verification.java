package org.poolscope.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The verdict of {@link Job#verify}: whether the combined result equals the sequential definition,
 * a sentence for people, and counts behind it (for a filter chunked without halo:
 * {@code missing} samples and {@code mismatched} samples).
 */
public record Verification(boolean verified, String message, SequencedMap<String, Long> details) {

    public Verification {
        details = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(details));
    }

    public static Verification ok(String message) {
        return new Verification(true, message, new LinkedHashMap<>());
    }

    public static Verification failed(String message) {
        return new Verification(false, message, new LinkedHashMap<>());
    }
}
