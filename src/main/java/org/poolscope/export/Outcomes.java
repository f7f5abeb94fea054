package org.poolscope.export;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;
import org.poolscope.engine.TaskState;

/** How exports spell a task's state ({@code done}, {@code failed}, …), pre-encoded for the record loops. */
final class Outcomes {

    /** Indexed by {@link TaskState#ordinal()}. */
    static final SerializedString[] NAMES = new SerializedString[TaskState.values().length];

    static {
        for (TaskState s : TaskState.values()) {
            NAMES[s.ordinal()] = new SerializedString(s.name().toLowerCase(Locale.ROOT));
        }
    }

    private Outcomes() {
    }

    static SerializedString of(TaskState state) {
        return NAMES[state.ordinal()];
    }
}
