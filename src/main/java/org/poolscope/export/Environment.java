package org.poolscope.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The machine and runtime a measurement came from, stamped on every export: a speedup means
 * little without the cores, CPU and JVM behind it.
 *
 * <h2>Seed</h2>
 * There is no seed here on purpose: a seed is part of what was computed, not where, so it lives in
 * the workload record (a filter's signal seed) and the JSON writes it with the workload's parameters.
 *
 * <h2>Threads</h2>
 * {@link #capture()} detects once per JVM (the CPU model needs a file read, on macOS a process)
 * and then returns the same value to every thread.
 *
 * @param poolscopeVersion  the jar manifest's Implementation-Version, {@code dev} when run from classes
 * @param javaVendor        {@code java.vendor}, e.g. {@code Eclipse Adoptium}
 * @param javaVendorVersion {@code java.vendor.version}, e.g. {@code Temurin-25.0.3+9}; empty when the
 *                          runtime has none
 * @param javaVersion       {@link Runtime#version()}, e.g. {@code 25.0.3+9-LTS}
 * @param vmName            {@code java.vm.name}
 * @param osName            {@code os.name}
 * @param osVersion         {@code os.version}
 * @param osArch            {@code os.arch}
 * @param cpuModel          the processor's marketing name, {@code unknown} when it cannot be found
 * @param cores             {@link Runtime#availableProcessors()}: what the JVM may use, not what the box has
 * @param maxHeapBytes      {@link Runtime#maxMemory()}
 */
public record Environment(String poolscopeVersion, String javaVendor, String javaVendorVersion, String javaVersion,
        String vmName, String osName, String osVersion, String osArch, String cpuModel, int cores, long maxHeapBytes) {

    public static final String UNKNOWN = "unknown";

    private static final Pattern MAJOR_MINOR = Pattern.compile("^\\d+\\.\\d+");
    private static final Pattern VENDOR_NAME = Pattern.compile("^[A-Za-z][A-Za-z ]*[A-Za-z]");

    /** The environment of this JVM, detected on first use. */
    public static Environment capture() {
        return Detected.CURRENT;
    }

    /**
     * One line for chart captions:
     * {@code PoolScope 0.1.0 · Temurin 25.0.3 · Linux 6.18 amd64 · AMD EPYC · 2 cores}.
     */
    public String caption() {
        return String.join(" · ", "PoolScope " + poolscopeVersion, runtime(), os(), shortCpu(),
                cores + (cores == 1 ? " core" : " cores"));
    }

    /** {@code Temurin 25.0.3}, or the vendor and version when the runtime names no distribution. */
    private String runtime() {
        String version;
        try {
            version = Runtime.Version.parse(javaVersion).version().stream()
                    .limit(3).map(String::valueOf).collect(Collectors.joining("."));
        } catch (IllegalArgumentException e) {
            version = javaVersion;
        }
        Matcher name = VENDOR_NAME.matcher(javaVendorVersion);
        return (name.find() ? name.group() : javaVendor) + " " + version;
    }

    private String os() {
        Matcher m = MAJOR_MINOR.matcher(osVersion);
        return osName + " " + (m.find() ? m.group() : osVersion) + " " + osArch;
    }

    /** The CPU name without trademark noise: {@code Intel Xeon Platinum 8375C @ 2.90GHz}. */
    private String shortCpu() {
        return cpuModel.replaceAll("\\((?i:r|tm)\\)", "").replaceAll("\\bCPU\\b", "")
                .replaceAll("\\s+", " ").trim();
    }

    // Holder idiom: the JVM runs the detection once, lazily, with safe publication.
    private static final class Detected {
        static final Environment CURRENT = detect();
    }

    private static Environment detect() {
        Runtime rt = Runtime.getRuntime();
        return new Environment(jarVersion(), property("java.vendor"), property("java.vendor.version", ""),
                Runtime.version().toString(), property("java.vm.name"), property("os.name"),
                property("os.version"), property("os.arch"), cpuModel(property("os.name")),
                rt.availableProcessors(), rt.maxMemory());
    }

    private static String jarVersion() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    private static String property(String key) {
        return property(key, UNKNOWN);
    }

    private static String property(String key, String otherwise) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? otherwise : v.trim();
    }

    /** Best effort and never failing: an export must not fail because a CPU has no name. */
    static String cpuModel(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        try {
            if (os.contains("linux")) {
                return linuxCpuModel(Path.of("/proc/cpuinfo"));
            }
            if (os.contains("mac")) {
                return command("sysctl", "-n", "machdep.cpu.brand_string");
            }
            if (os.contains("windows")) {
                String id = System.getenv("PROCESSOR_IDENTIFIER");
                return id == null || id.isBlank() ? UNKNOWN : id.trim();
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    /** The first {@code model name} of a cpuinfo file (x86); ARM kernels often have none. */
    static String linuxCpuModel(Path cpuinfo) throws IOException {
        if (!Files.isReadable(cpuinfo)) {
            return UNKNOWN;
        }
        List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                String value = line.substring(colon + 1).trim();
                return value.isEmpty() ? UNKNOWN : value;
            }
        }
        return UNKNOWN;
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return UNKNOWN;
            }
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return out.isEmpty() ? UNKNOWN : out;
        } finally {
            p.destroy();
        }
    }
}
