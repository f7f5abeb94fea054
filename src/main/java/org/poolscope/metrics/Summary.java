package org.poolscope.metrics;

import java.util.Arrays;

/** Median, minimum and maximum of repeated measurements: on shared cores one number says too little. */
public record Summary(double median, double min, double max, int count) {

    public static Summary of(double... values) {
        if (values.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(median, sorted[0], sorted[n - 1], n);
    }

    /** (max − min) ÷ median: how much the repeats disagree. */
    public double spread() {
        return median > 0 ? (max - min) / median : 0;
    }
}
