package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void captureDetectsThisJvmOnce() {
        Environment e = Environment.capture();
        assertThat(Environment.capture()).isSameAs(e);
        assertThat(e.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(e.maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(e.javaVersion()).isEqualTo(Runtime.version().toString());
        assertThat(e.poolscopeVersion()).isNotBlank(); // "dev" from classes, the jar's version in a jar
        assertThat(e.cpuModel()).isNotBlank();
        assertThat(e.caption()).startsWith("PoolScope ").endsWith(e.cores() + (e.cores() == 1 ? " core" : " cores"));
    }

    @Test
    void captionIsOneShortLine() {
        Environment e = new Environment("0.1.0", "Eclipse Adoptium", "Temurin-25.0.3+9", "25.0.3+9-LTS",
                "OpenJDK 64-Bit Server VM", "Linux", "6.18.44-fc-v669", "amd64",
                "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", 2, 1L << 31);
        assertThat(e.caption()).isEqualTo(
                "PoolScope 0.1.0 · Temurin 25.0.3 · Linux 6.18 amd64 · Intel Xeon Platinum 8375C @ 2.90GHz"
                        + " · 2 cores");
    }

    @Test
    void captionWithoutADistributionNameUsesTheVendor() {
        Environment e = new Environment("dev", "Debian", "", "17.0.15+6-Debian-1", "OpenJDK 64-Bit Server VM",
                "Mac OS X", "14.5", "aarch64", "Apple M2", 1, 1L << 30);
        assertThat(e.caption())
                .isEqualTo("PoolScope dev · Debian 17.0.15 · Mac OS X 14.5 aarch64 · Apple M2 · 1 core");
    }

    @Test
    void cpuModelIsTheFirstModelNameOrUnknown() throws IOException {
        Path x86 = Files.writeString(dir.resolve("cpuinfo"), """
                processor\t: 0
                vendor_id\t: AuthenticAMD
                model name\t: AMD EPYC 7R13 Processor
                processor\t: 1
                model name\t: something else
                """);
        assertThat(Environment.linuxCpuModel(x86)).isEqualTo("AMD EPYC 7R13 Processor");
        Path arm = Files.writeString(dir.resolve("arm"), "processor\t: 0\nBogoMIPS\t: 50.00\n");
        assertThat(Environment.linuxCpuModel(arm)).isEqualTo(Environment.UNKNOWN);
        assertThat(Environment.linuxCpuModel(dir.resolve("absent"))).isEqualTo(Environment.UNKNOWN);
        assertThat(Environment.cpuModel("Plan 9")).isEqualTo(Environment.UNKNOWN);
    }
}
