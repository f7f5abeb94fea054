package org.poolscope.metrics;

/**
 * Amdahl's law fitted to measured speedups: S(N) = 1 ÷ (f + (1 − f) ÷ N), with f the serial
 * fraction, by least squares on its linear form 1/S − 1/N = f (1 − 1/N), through the origin.
 * Only points with N ≤ cores say anything about the program (past the cores, the machine is the
 * limit), and a line through fewer than 3 of them fits anything: then the fit is not valid and
 * {@link #reason()} says why.
 */
public record AmdahlFit(boolean valid, double serialFraction, int points, String reason) {

    public static AmdahlFit invalid(String reason, int points) {
        return new AmdahlFit(false, Double.NaN, points, reason);
    }

    /** The fitted speedup at N workers; NaN when not valid. */
    public double speedup(double workers) {
        return valid ? 1 / (serialFraction + (1 - serialFraction) / workers) : Double.NaN;
    }
}
