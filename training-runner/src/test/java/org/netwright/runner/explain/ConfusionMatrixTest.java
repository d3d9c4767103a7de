package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The confusion matrix of a known prediction set against the one counted by hand. */
class ConfusionMatrixTest {

    @Test
    void countsPrecisionAndRecallMatchTheHandCount() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1};
        int[] predicted = {0, 1, 0, 1, 2, 2, 2, 0, 2, 1};
        ConfusionMatrix m = ConfusionMatrix.of(3, truth, predicted);
        // Rows are true classes, columns predicted ones.
        long[][] byHand = {
                {2, 1, 0},
                {0, 2, 1},
                {1, 0, 3}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(byHand[i], m.counts()[i], "row " + i);
        }
        assertEquals(3, m.count(0));
        assertEquals(3, m.count(1));
        assertEquals(4, m.count(2));
        assertEquals(2.0 / 3, m.precision(0), 1e-12);
        assertEquals(2.0 / 3, m.precision(1), 1e-12);
        assertEquals(3.0 / 4, m.precision(2), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(2.0 / 3, m.recall(1), 1e-12);
        assertEquals(3.0 / 4, m.recall(2), 1e-12);
        assertEquals(0.7, m.accuracy(), 1e-12);
    }

    @Test
    void aClassNeverPredictedHasNoPrecisionAndArgMaxPicksTheHighestScore() {
        ConfusionMatrix m = ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {0, 0});
        assertTrue(Double.isNaN(m.precision(1)));
        assertEquals(0.0, m.recall(1));
        assertArrayEquals(new int[] {2, 0}, ConfusionMatrix.argMax(new float[] {0.1f, 0.2f, 0.7f, 3f, -1f, 2f}, 3));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(2, new int[] {0}, new int[] {2}));
    }
}
