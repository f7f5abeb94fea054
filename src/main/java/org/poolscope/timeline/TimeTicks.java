package org.poolscope.timeline;

/**
 * Round tick steps for the time axis (1, 2 or 5 × a power of ten nanoseconds), and their labels in
 * the unit that suits the window: ns, µs, ms or s, chosen by the largest instant shown so that
 * every label of one axis has the same unit, with as many decimals as the step needs ("0.5 s").
 *
 * <p>Threads: stateless; any thread.
 */
final class TimeTicks {

    private static final long[] UNITS = {1L, 1_000L, 1_000_000L, 1_000_000_000L};
    private static final String[] UNIT_NAMES = {" ns", " µs", " ms", " s"};
    private static final long[] MANTISSAS = {1, 2, 5};

    private TimeTicks() {
    }

    /** The smallest round step that puts ticks at least {@code minPixels} apart. */
    static long step(long spanNanos, double plotPixels, double minPixels) {
        double minStep = spanNanos * minPixels / Math.max(1, plotPixels);
        long magnitude = 1;
        while (true) {
            for (long m : MANTISSAS) {
                long step = m * magnitude;
                if (step >= minStep) {
                    return step;
                }
            }
            if (magnitude > Long.MAX_VALUE / 100) {
                return magnitude * 10;
            }
            magnitude *= 10;
        }
    }

    /** The unit index for labels of an axis whose largest magnitude is {@code maxNanos}. */
    static int unit(long maxNanos) {
        int u = 0;
        while (u < UNITS.length - 1 && Math.abs(maxNanos) >= UNITS[u + 1]) {
            u++;
        }
        return u;
    }

    /** Decimals that a step of {@code step} needs in unit {@code unit}. */
    static int decimals(long step, int unit) {
        int d = 0;
        long u = UNITS[unit];
        while (d < 9 && step % u != 0) {
            u /= 10;
            d++;
        }
        return d;
    }

    /** {@code nanos} in {@code unit} with {@code decimals} decimals: "250 µs", "1.5 s", "0". */
    static String label(long nanos, int unit, int decimals, StringBuilder into) {
        into.setLength(0);
        if (nanos == 0) {
            return "0";
        }
        if (nanos < 0) {
            into.append('−');
            nanos = -nanos;
        }
        long perUnit = UNITS[unit];
        into.append(nanos / perUnit);
        if (decimals > 0) {
            long scale = 1;
            for (int i = 0; i < decimals; i++) {
                scale *= 10;
            }
            long fraction = Math.round((nanos % perUnit) * (double) scale / perUnit);
            into.append('.');
            String digits = Long.toString(fraction);
            for (int i = digits.length(); i < decimals; i++) {
                into.append('0');
            }
            into.append(digits);
        }
        return into.append(UNIT_NAMES[unit]).toString();
    }

    /** A short form of a count: 37, 1234, 12.3k, 200k, 1.2M. */
    static String count(long n) {
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 100_000) {
            return (n / 1000) + "." + (n % 1000) / 100 + "k";
        }
        if (n < 1_000_000) {
            return (n / 1000) + "k";
        }
        return (n / 1_000_000) + "." + (n % 1_000_000) / 100_000 + "M";
    }
}
