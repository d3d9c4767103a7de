package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Activation statistics against hand-computed figures. */
class ActivationStatisticsTest {
    @Test
    void meanStdZerosAndHistogramOfKnownValues() {
        ActivationStatistics s = ActivationStatistics.of("r", "relu", new float[] {0, 0, 1, 3, Float.NaN});
        assertEquals(4, s.count(), "the NaN is skipped");
        assertEquals(1.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt((1 + 1 + 0 + 4) / 4.0), s.std(), 1e-12);
        assertEquals(0.5, s.zeros(), 1e-12);
        assertTrue(Double.isNaN(s.saturated()), "a ReLU has no bound to saturate at");
        long[] h = s.histogram();
        assertEquals(ActivationStatistics.BINS, h.length);
        assertEquals(2, h[0]);
        assertEquals(1, h[ActivationStatistics.BINS / 3]);
        assertEquals(1, h[ActivationStatistics.BINS - 1], "the largest value falls in the last bin");
    }

    @Test
    void sigmoidAndTanhCountValuesNearTheirBounds() {
        ActivationStatistics sigmoid = ActivationStatistics.of("s", "sigmoid", new float[] {0.001f, 0.5f, 0.995f, 0.3f});
        assertEquals(0.5, sigmoid.saturated(), 1e-12);
        ActivationStatistics tanh = ActivationStatistics.of("t", "tanh", new float[] {-0.999f, 0.2f, 0.98f, 1f});
        assertEquals(0.5, tanh.saturated(), 1e-12);
    }

    @Test
    void equalValuesFillOneBinAndNoValuesGiveNaN() {
        assertArrayEquals(new long[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                ActivationStatistics.of("c", "dense", new float[] {2, 2, 2}).histogram());
        assertTrue(Double.isNaN(ActivationStatistics.of("e", "dense", new float[0]).mean()));
    }
}
