package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

class StratifiedSplitTest {
    /** 90 samples of class 0 and 10 of class 1; the value is the sample's index. */
    private static Samples imbalanced(boolean ordered) {
        float[] x = new float[100];
        float[] y = new float[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = i % 10 == 0 ? 1 : 0;
        }
        return new Samples(List.of(new Samples.Column(DataField.values("x", Shape.of(1)), x),
                new Samples.Column(DataField.classId("y", 2), y)), 100, ordered);
    }

    private static int count(Samples s, int cls) {
        int n = 0;
        for (float v : s.require("y").values()) {
            n += v == cls ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyPartHoldsTheClassesInTheDatasProportions() {
        Samples.Split s = imbalanced(false).stratifiedSplit(0.2, 0.3, 7);
        assertEquals(2, count(s.validation(), 1));
        assertEquals(18, count(s.validation(), 0));
        assertEquals(3, count(s.test(), 1));
        assertEquals(27, count(s.test(), 0));
        assertEquals(5, count(s.train(), 1));
        Set<Float> seen = new HashSet<>();
        for (Samples part : List.of(s.train(), s.validation(), s.test())) {
            for (float v : part.require("x").values()) {
                seen.add(v);
            }
        }
        assertEquals(100, seen.size(), "each sample in exactly one part");
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        float[] a = imbalanced(false).stratifiedSplit(0.2, 0.2, 7).test().require("x").values();
        assertArrayEquals(a, imbalanced(false).stratifiedSplit(0.2, 0.2, 7).test().require("x").values());
        assertNotEquals(List.of(a), List.of(imbalanced(false).stratifiedSplit(0.2, 0.2, 8).test().require("x").values()));
    }

    @Test
    void samplesInTimeOrderKeepTheLastStretchForTesting() {
        Samples.Split s = imbalanced(true).stratifiedSplit(0.1, 0.2, 7);
        assertEquals(80f, s.test().require("x").values()[0]);
        assertEquals(99f, s.test().require("x").values()[19]);
    }

    @Test
    void aRareClassKeepsOneTrainingSample() {
        float[] y = {0, 0, 0, 0, 0, 0, 1};
        float[] x = new float[7];
        Samples s = new Samples(List.of(new Samples.Column(DataField.values("x", Shape.of(1)), x),
                new Samples.Column(DataField.classId("y", 2), y)), 7, false);
        assertEquals(1, count(s.stratifiedSplit(0.5, 0.45, 1).train(), 1));
    }
}
