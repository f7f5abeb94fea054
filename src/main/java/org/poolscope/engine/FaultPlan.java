package org.poolscope.engine;

import java.util.Locale;

/**
 * Which units fail on purpose: a share {@code rate} of them, chosen by (seed, unit index) alone, so
 * the same units fail on every executor, worker count and repeat, and a run with failures can be
 * compared with another. A failing unit does its work and then throws {@link InjectedFault}: its
 * bar has its real length, its result is thrown away, and the run goes on.
 *
 * @param rate the share of units that fail, 0 to 1
 * @param seed chooses which ones
 */
public record FaultPlan(double rate, long seed) {

    public static final FaultPlan NONE = new FaultPlan(0, 0);

    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("--fail-rate must be between 0 and 1 (was " + rate + ")");
        }
    }

    /** Whether unit {@code unit} fails. Pure: the same answer on every call, thread and process. */
    public boolean fails(int unit) {
        if (rate == 0) {
            return false;
        }
        // SplittableRandom's mix64 of a Weyl sequence: uniform, and independent between units.
        long z = seed + (unit + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < rate;
    }

    public boolean isNone() {
        return rate == 0;
    }

    @Override
    public String toString() {
        return isNone() ? "no faults" : String.format(Locale.ROOT, "fail-rate %s, seed %d", rate, seed);
    }

    /** The exception a failing unit throws. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InjectedFault(int unit, FaultPlan plan) {
            super("injected fault in unit " + unit + " (" + plan + ")");
        }
    }
}
