package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.engine.RunResult;
import org.poolscope.workload.PrimesWorkload;

/**
 * Renders every results chart, light and dark, to {@code target/results-preview/} for people to look
 * at; asserts only that each PNG was written.
 */
class ResultsPreviewTest {

    @Test
    void everyWorkloadRendersLightAndDark() throws IOException {
        render(ResultsFixtures.primes(), "primes");
        render(ResultsFixtures.filterNoHalo(), "filter-halo-none");
        render(ResultsFixtures.filterHalo(), "filter-halo-full");
        render(ResultsFixtures.io(), "io");
        render(ResultsFixtures.contention(), "contention");
        render(ResultsFixtures.run(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 200_000), ExecutorKind.FIXED, 2,
                1000), "primes-binned");
        render(ResultsFixtures.withFaults(new PrimesWorkload(PrimesWorkload.Kernel.TRIAL, 50_000), 16, 0.3),
                "primes-faults");
    }

    private static void render(RunResult run, String name) throws IOException {
        Path light = ResultsFixtures.preview(ResultsChart.create(run, ResultsFixtures.CAPTION), name);
        Path dark = ResultsFixtures.preview(ChartStyle.apply(ResultsChart.create(run, ResultsFixtures.CAPTION), true),
                name + "-dark");
        assertThat(Files.size(light)).isGreaterThan(10_000);
        assertThat(Files.size(dark)).isGreaterThan(10_000);
    }
}
