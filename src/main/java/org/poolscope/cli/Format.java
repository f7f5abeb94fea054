package org.poolscope.cli;

import java.util.Locale;

/** Number formatting for the CLI's tables: Locale.ROOT, so scripts parse what they read. */
final class Format {

    private Format() {
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String millis(double ms) {
        return ms >= 100 ? f("%.0f", ms) : ms >= 10 ? f("%.1f", ms) : f("%.2f", ms);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : f("%.1f %%", 100 * share);
    }

    static String ratio(double x) {
        return Double.isNaN(x) ? "-" : f("%.2f", x);
    }
}
