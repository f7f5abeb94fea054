package org.poolscope.cli;

import java.util.Locale;
import org.poolscope.workload.ContentionWorkload;
import org.poolscope.workload.FilterWorkload;
import org.poolscope.workload.IoWorkload;
import org.poolscope.workload.PrimesWorkload;
import org.poolscope.workload.Workload;
import picocli.CommandLine.Option;

/** The options that describe a workload, shared by {@code run} and {@code sweep}. */
final class WorkloadOptions {

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "primes",
            description = "primes, filter, io or contention (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "trial",
            description = "primes: trial (the course's trial division) or sieve (default: ${DEFAULT-VALUE})")
    String kernel;

    @Option(names = "--n", paramLabel = "N", defaultValue = "10000000",
            description = "primes: count the primes in [2, N] (default: ${DEFAULT-VALUE})")
    long n;

    @Option(names = "--filter", paramLabel = "NAME", defaultValue = "moving-average",
            description = "filter: moving-average, moving-average-fast (the same outputs in O(L)), fir or median"
                    + " (default: ${DEFAULT-VALUE})")
    String filter;

    @Option(names = "--length", paramLabel = "L", defaultValue = "4000000",
            description = "filter: signal length in samples (default: ${DEFAULT-VALUE})")
    int length;

    @Option(names = "--window", paramLabel = "W",
            description = "filter: window of the moving averages (default 1001) or the median (default 101)")
    Integer window;

    @Option(names = "--taps", paramLabel = "K", defaultValue = "255",
            description = "filter: taps of the FIR low-pass (default: ${DEFAULT-VALUE})")
    int taps;

    @Option(names = "--halo", paramLabel = "full|none", defaultValue = "full",
            description = "filter: full gives each chunk K-1 extra samples (exact); none is the course's chunking, which loses samples (default: ${DEFAULT-VALUE})")
    String halo;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "the run's seed: the filter's signal, and which units --fail-rate picks (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "20",
            description = "io: how long each unit waits, ms (default: ${DEFAULT-VALUE})")
    int latency;

    @Option(names = "--lock", paramLabel = "KIND", defaultValue = "synchronized",
            description = "contention: synchronized, reentrant-lock, atomic-long or long-adder (default: ${DEFAULT-VALUE})")
    String lock;

    @Option(names = "--increments", paramLabel = "K", defaultValue = "100000",
            description = "contention: increments per unit (default: ${DEFAULT-VALUE})")
    int increments;

    /** Builds the workload. @throws IllegalArgumentException naming the flag and what is allowed */
    Workload toWorkload() {
        return switch (lower(workload)) {
            case "primes" -> new PrimesWorkload(choose("--kernel", kernel, PrimesWorkload.Kernel.class), n);
            case "filter" -> {
                FilterWorkload.Filter f = choose("--filter", filter, FilterWorkload.Filter.class);
                int k = switch (f) {
                    case FIR -> taps;
                    case MOVING_AVERAGE, MOVING_AVERAGE_FAST -> window != null ? window : 1001;
                    case MEDIAN -> window != null ? window : 101;
                };
                if (length >= 1 && (k < 1 || k > length)) { // an invalid --length is the workload's to name
                    throw new IllegalArgumentException((f == FilterWorkload.Filter.FIR ? "--taps" : "--window")
                            + " must be 1.." + length + ", at most --length (was " + k + ")");
                }
                yield new FilterWorkload(f, length, k, choose("--halo", halo, FilterWorkload.Halo.class), seed);
            }
            case "io" -> new IoWorkload(latency);
            case "contention" -> new ContentionWorkload(choose("--lock", lock, ContentionWorkload.LockKind.class), increments);
            default -> throw new IllegalArgumentException(
                    "--workload: unknown workload '" + workload + "': use primes, filter, io or contention");
        };
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    /** Maps a CLI spelling (reentrant-lock) to an enum constant (REENTRANT_LOCK). */
    static <E extends Enum<E>> E choose(String flag, String value, Class<E> type) {
        String wanted = lower(value).replace('-', '_');
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(flag + ": unknown value '" + value + "': use one of " + allowed);
    }
}
