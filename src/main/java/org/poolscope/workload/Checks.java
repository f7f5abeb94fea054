package org.poolscope.workload;

/** The validation messages the CLI prints verbatim, worded once. */
final class Checks {

    private Checks() {
    }

    static void tasks(Workload workload, int tasks) {
        if (tasks < 1 || tasks > workload.maxTasks()) {
            throw new IllegalArgumentException(
                    "tasks must be 1.." + workload.maxTasks() + " for " + workload.describe() + " (was " + tasks + ")");
        }
    }

    static void range(String name, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + unit + " (was " + value + ")");
        }
    }

    static <T> T notNull(String name, T value, Object[] allowed) {
        if (value == null) {
            var names = new StringBuilder();
            for (Object a : allowed) {
                names.append(names.isEmpty() ? "" : ", ").append(cliName(a));
            }
            throw new IllegalArgumentException(name + " must be one of " + names + " (was none)");
        }
        return value;
    }

    /** How the CLI spells an enum constant: {@code MOVING_AVERAGE} is {@code moving-average}. */
    static String cliName(Object constant) {
        return constant.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
