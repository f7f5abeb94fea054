package org.poolscope.metrics;

import java.util.List;

/** Fits {@link AmdahlFit} to sweep points. */
final class Amdahl {

    static final int MIN_POINTS = 3;

    private Amdahl() {
    }

    /** Least squares through the origin of y = 1/S − 1/N against x = 1 − 1/N, over points with N ≤ cores. */
    static AmdahlFit fit(List<SweepPoint> points, int cores) {
        List<SweepPoint> usable = points.stream()
                .filter(p -> p.workers() <= cores && Double.isFinite(p.speedup()) && p.speedup() > 0)
                .toList();
        if (usable.size() < MIN_POINTS) {
            return AmdahlFit.invalid("Amdahl fit needs " + MIN_POINTS + " or more worker counts ≤ the "
                    + cores + " cores; this sweep has " + usable.size(), usable.size());
        }
        double sxy = 0;
        double sxx = 0;
        for (SweepPoint p : usable) {
            double x = 1 - 1.0 / p.workers();
            double y = 1 / p.speedup() - 1.0 / p.workers();
            sxy += x * y;
            sxx += x * x;
        }
        if (sxx == 0) {
            return AmdahlFit.invalid("Amdahl fit needs a worker count above 1", usable.size());
        }
        double f = sxy / sxx;
        if (f < 0) {
            return AmdahlFit.invalid("speedup above N (superlinear): no serial fraction fits", usable.size());
        }
        return new AmdahlFit(true, Math.min(f, 1), usable.size(), "");
    }
}
