package org.poolscope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class FloatSignalDatasetTest {

    private static final float[] RAMP = {0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f};

    @Test
    void aWindowOfAnArrayAtAnOffset() {
        FloatSignalDataset data = new FloatSignalDataset(FloatSignalDataset.Trace.of("ramp", RAMP, 2, 5, 0.5));
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getSeriesKey(0)).isEqualTo("ramp");
        assertThat(data.getItemCount(0)).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(data.getXValue(0, i)).isEqualTo(2 + i + 0.5);
            assertThat(data.getYValue(0, i)).isEqualTo(2 + i);
            assertThat(data.getX(0, i).doubleValue()).isEqualTo(data.getXValue(0, i));
        }
        assertThat(data.getDomainBounds(false)).isEqualTo(new Range(2.5, 6.5));
        assertThat(data.getRangeBounds(false)).isEqualTo(new Range(2, 6));
    }

    @Test
    void strideKeepsEveryNthSampleAndRoundsTheCountUp() {
        FloatSignalDataset data = new FloatSignalDataset(
                FloatSignalDataset.Trace.of("ramp", RAMP, 1, 9, 0).withStride(4));
        // samples 1, 5, 9
        assertThat(data.getItemCount(0)).isEqualTo(3);
        assertThat(data.getYValue(0, 0)).isEqualTo(1);
        assertThat(data.getYValue(0, 1)).isEqualTo(5);
        assertThat(data.getYValue(0, 2)).isEqualTo(9);
        assertThat(data.getXValue(0, 2)).isEqualTo(9);
        assertThat(FloatSignalDataset.strideFor(1_000_000, 200_000)).isEqualTo(5);
        assertThat(FloatSignalDataset.strideFor(1_000_001, 200_000)).isEqualTo(6);
        assertThat(FloatSignalDataset.strideFor(10, 200_000)).isEqualTo(1);
    }

    @Test
    void readsAReadOnlyBufferInPlaceAndSeesLaterWrites() {
        float[] backing = RAMP.clone();
        FloatBuffer view = FloatBuffer.wrap(backing).asReadOnlyBuffer();
        FloatSignalDataset data = new FloatSignalDataset(FloatSignalDataset.Trace.of("a", view, 0, 10, 0),
                FloatSignalDataset.Trace.of("b", view, 5, 5, 100));
        backing[7] = -1f;
        assertThat(data.getYValue(0, 7)).isEqualTo(-1);
        assertThat(data.getYValue(1, 2)).isEqualTo(-1);
        assertThat(data.keys()).containsExactly("a", "b");
        assertThat(data.getDomainBounds(true)).isEqualTo(new Range(0, 109));
        assertThat(view.position()).isZero();
    }

    @Test
    void anEmptyTraceHasNoBounds() {
        FloatSignalDataset data = new FloatSignalDataset(FloatSignalDataset.Trace.of("none", RAMP, 3, 0, 0));
        assertThat(data.getItemCount(0)).isZero();
        assertThat(data.getDomainBounds(false)).isNull();
        assertThat(data.getRangeBounds(false)).isNull();
        assertThat(data.getRangeLowerBound(false)).isNaN();
    }

    @Test
    void rejectsWindowsOutsideTheSamples() {
        assertThatThrownBy(() -> FloatSignalDataset.Trace.of("x", RAMP, 8, 3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[8, 11)");
        assertThatThrownBy(() -> FloatSignalDataset.Trace.of("x", RAMP, -1, 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatSignalDataset.Trace.of("x", RAMP, 0, 3, 0).withStride(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
