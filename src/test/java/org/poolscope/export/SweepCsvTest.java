package org.poolscope.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolscope.chart.SweepFixtures;
import org.poolscope.engine.ExecutorKind;
import org.poolscope.metrics.RunRow;
import org.poolscope.metrics.SweepResult;

class SweepCsvTest {

    @TempDir
    Path dir;

    @Test
    void headerThenOneRowPerRun() throws IOException {
        SweepResult sweep = SweepFixtures.speedupSweep(true);
        List<String> lines = write(sweep);
        assertThat(lines.getFirst()).isEqualTo(SweepCsv.HEADER);
        assertThat(lines).hasSize(sweep.rows().size() + 1);
        assertThat(lines.get(1)).startsWith("sequential,io latency=20ms,1,64,0,");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.split(",", -1)).hasSize(10);
        }
    }

    @Test
    void numbersUseADecimalPointWhateverTheLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            RunRow row = new RunRow(ExecutorKind.WORK_STEALING, "io latency=20ms", 4, 64, 2, 1234.5678, 1.5, 0.375,
                    1.94, true);
            List<String> lines = write(withRows(List.of(row)));
            assertThat(lines.get(1))
                    .isEqualTo("work-stealing,io latency=20ms,4,64,2,1234.568,1.5000,0.3750,1.9400,true");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void quotesOnlyWhereRfc4180Requires() throws IOException {
        RunRow awkward = new RunRow(ExecutorKind.FIXED, "say \"hi\", twice", 2, 8, 0, 1, 1, 0.5, 2, false);
        RunRow nan = new RunRow(ExecutorKind.FIXED, "primes trial n=1000", 2, 8, 0, 1, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, false);
        List<String> lines = write(withRows(List.of(awkward, nan)));
        assertThat(lines.get(1)).startsWith("fixed,\"say \"\"hi\"\", twice\",2,");
        assertThat(lines.get(2)).isEqualTo("fixed,primes trial n=1000,2,8,0,1.000,,,,false");
        assertThat(SweepCsv.field("a\nb")).isEqualTo("\"a\nb\"");
    }

    private static SweepResult withRows(List<RunRow> rows) {
        SweepResult s = SweepFixtures.speedupSweep(true);
        return new SweepResult(s.spec(), rows, s.points(), s.baselines(), s.amdahl(), s.cores(), s.warnings());
    }

    private List<String> write(SweepResult sweep) throws IOException {
        Path file = dir.resolve("sweep.csv");
        SweepCsv.write(sweep, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\r");
        return text.lines().toList();
    }
}
