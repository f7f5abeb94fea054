package org.poolscope.workload;

import java.util.Arrays;

/**
 * A sliding median: output o is the element of rank W / 2 (0-based) of inputs o .. o + W - 1 in
 * {@link Float#compare} order. For odd W that is the middle; for even W it is the upper of the two
 * middle elements (no averaging, so every output is one of its inputs, bit for bit).
 *
 * <p>Cost: the window is kept sorted. Each step finds the leaving sample and the entering sample's
 * place by binary search and moves the elements between them by one with
 * {@link System#arraycopy}: O(log W + W) per output with a tiny constant, instead of sorting W
 * samples per output.
 *
 * <p>Threads: immutable; any thread, concurrently. Each call keeps its own sorted window.
 *
 * @param window W, at least 1
 */
public record MedianFilter(int window) implements SlidingFilter {

    /** Outputs between two polls of the cancel flag. */
    private static final int STEPS = 4096;

    public MedianFilter {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 (was " + window + ")");
        }
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public void apply(float[] in, int inFrom, float[] out, int outFrom, int count, Cancellation cancel) {
        if (count <= 0) {
            return;
        }
        float[] sorted = Arrays.copyOfRange(in, inFrom, inFrom + window);
        Arrays.sort(sorted); // Arrays.sort orders floats as Float.compare does
        out[outFrom] = sorted[window / 2];
        for (int first = 1; first < count; first += STEPS) {
            cancel.check();
            slide(in, inFrom, out, outFrom, first, Math.min(count, first + STEPS), sorted);
        }
    }

    /**
     * Outputs [first, end), the window already holding the inputs of output first - 1. A method of
     * its own that returns often, so that C2 compiles it with a profile that has seen its loop end
     * (see {@link MovingAverage}).
     */
    private void slide(float[] in, int inFrom, float[] out, int outFrom, int first, int end, float[] sorted) {
        int rank = window / 2;
        for (int o = first; o < end; o++) {
            float leaving = in[inFrom + o - 1];
            float entering = in[inFrom + o + window - 1];
            int gone = indexOf(sorted, leaving);
            int place = lowerBound(sorted, entering);
            if (place <= gone) {
                System.arraycopy(sorted, place, sorted, place + 1, gone - place);
                sorted[place] = entering;
            } else {
                System.arraycopy(sorted, gone + 1, sorted, gone, place - 1 - gone);
                sorted[place - 1] = entering;
            }
            out[outFrom + o] = sorted[rank];
        }
    }

    /** Where a value Float.compare-equal to {@code value} sits; the caller knows there is one. */
    private static int indexOf(float[] sorted, float value) {
        int i = lowerBound(sorted, value);
        if (i == sorted.length || Float.compare(sorted[i], value) != 0) {
            throw new IllegalStateException("sliding window lost the sample " + value);
        }
        return i;
    }

    /** The first index whose element is not less than {@code value}. */
    private static int lowerBound(float[] sorted, float value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.compare(sorted[mid], value) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
