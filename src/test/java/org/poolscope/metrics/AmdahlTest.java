package org.poolscope.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AmdahlTest {

    private static SweepPoint point(int n, double speedup) {
        Summary one = Summary.of(1);
        return new SweepPoint(n, 64, one, speedup, speedup, speedup, speedup / n, Double.NaN, one, true);
    }

    private static double amdahl(double f, int n) {
        return 1 / (f + (1 - f) / n);
    }

    @Test
    void recoversTheSerialFractionOfExactAmdahlSpeedups() {
        List<SweepPoint> points = IntStream.of(1, 2, 4, 8).mapToObj(n -> point(n, amdahl(0.1, n))).toList();
        AmdahlFit fit = Amdahl.fit(points, 8);
        assertThat(fit.valid()).isTrue();
        assertThat(fit.serialFraction()).isCloseTo(0.1, within(1e-12));
        assertThat(fit.speedup(16)).isCloseTo(amdahl(0.1, 16), within(1e-9));
    }

    @Test
    void refusesToFitFewerThanThreePointsWithinTheCores() {
        List<SweepPoint> points = IntStream.of(1, 2, 4).mapToObj(n -> point(n, amdahl(0.1, n))).toList();
        AmdahlFit fit = Amdahl.fit(points, 2);
        assertThat(fit.valid()).isFalse();
        assertThat(fit.reason()).contains("3 or more worker counts", "2 cores", "has 2");
        assertThat(fit.speedup(2)).isNaN();
    }

    @Test
    void saysSoWhenSpeedupIsSuperlinear() {
        List<SweepPoint> points = IntStream.of(1, 2, 4).mapToObj(n -> point(n, n * 1.2)).toList();
        AmdahlFit fit = Amdahl.fit(points, 4);
        assertThat(fit.valid()).isFalse();
        assertThat(fit.reason()).contains("superlinear");
    }

    @Test
    void summaryTakesTheMiddleOfOddAndEvenCounts() {
        assertThat(Summary.of(5, 1, 3).median()).isEqualTo(3);
        assertThat(Summary.of(4, 1, 3, 2).median()).isEqualTo(2.5);
        assertThat(Summary.of(4, 1, 3, 2).spread()).isEqualTo(3 / 2.5);
    }
}
