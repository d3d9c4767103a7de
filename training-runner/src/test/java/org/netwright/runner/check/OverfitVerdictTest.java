package org.netwright.runner.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The overfit verdict's arithmetic and its sentences. */
class OverfitVerdictTest {

    @Test
    void aLossThatFallsNearZeroIsHealthy() {
        OverfitVerdict v = OverfitVerdict.judge(new double[] {0.7, 0.3, 0.1, 0.02, 0.03}, 32, List.of(), List.of(),
                null);
        assertTrue(v.memorised());
        assertEquals(0.02, v.last(), 1e-12);
        assertTrue(v.sentence().startsWith("Healthy: the network memorised one batch of 32 items"), v.sentence());
        assertTrue(v.sentence().contains("0.7000 to 0.02000 in 5 steps"), v.sentence());
    }

    @Test
    void aRelativeFallCountsForLargeLosses() {
        assertTrue(OverfitVerdict.judge(new double[] {100, 50, 4}, 8, List.of(), List.of(), null).memorised());
        assertFalse(OverfitVerdict.judge(new double[] {100, 50, 6}, 8, List.of(), List.of(), null).memorised());
    }

    @Test
    void aLossStuckAboveZeroIsNotHealthyAndSaysWhereToLook() {
        OverfitVerdict v = OverfitVerdict.judge(new double[] {0.69, 0.5, 0.33, 0.32, 0.31}, 16, List.of("dense_1"),
                List.of("dense_2"), null);
        assertFalse(v.memorised());
        assertTrue(v.sentence().startsWith("Not healthy: the network could not memorise one batch of 16 items"),
                v.sentence());
        assertTrue(v.sentence().contains("No gradient reached dense_2"), v.sentence());
        assertTrue(v.sentence().contains("Frozen layers do not learn: dense_1"), v.sentence());
        assertTrue(v.sentence().contains("sigmoid or tanh before cross-entropy"), v.sentence());
    }

    @Test
    void aFailedRunIsNotHealthyAndKeepsItsReason() {
        OverfitVerdict v = OverfitVerdict.judge(new double[] {0.7, 0.01}, 4, List.of(), List.of(),
                "The loss became NaN at step 3 (epoch 3).");
        assertFalse(v.memorised());
        assertTrue(v.sentence().contains("after 2 steps, The loss became NaN"), v.sentence());
        OverfitVerdict none = OverfitVerdict.judge(new double[0], 4, List.of("d"), List.of(), "no data");
        assertFalse(none.memorised());
        assertTrue(none.sentence().endsWith("no data. Frozen layers do not learn: d."), none.sentence());
    }
}
