package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;

class DatasetTest {

    /** Each sample's single feature is its own index, so a split can be traced back. */
    private static Dataset indexed(int n) {
        float[] f = new float[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i;
            l[i] = i % 2;
        }
        return new Dataset(f, Shape.of(1), l, 2);
    }

    @Test
    void splitSizesFollowTheFractions() {
        Dataset.Split s = indexed(1000).split(0.2, 0.1, 1);
        assertEquals(700, s.train().size());
        assertEquals(200, s.validation().size());
        assertEquals(100, s.test().size());
    }

    @Test
    void splitPartsAreDisjointAndCoverEverySample() {
        Dataset.Split s = indexed(101).split(0.2, 0.2, 9);
        Set<Float> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {s.train(), s.validation(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                float id = part.features()[i];
                assertEquals((int) id % 2, part.labels()[i], "label travels with its sample");
                assertEquals(true, seen.add(id), "sample " + id + " appears twice");
            }
        }
        assertEquals(101, seen.size());
    }

    @Test
    void splitIsDeterministicForASeedAndShuffles() {
        Dataset d = indexed(200);
        assertArrayEquals(d.split(0.2, 0.2, 3).test().features(), d.split(0.2, 0.2, 3).test().features());
        assertFalse(Arrays.equals(d.split(0.2, 0.2, 3).test().features(), d.split(0.2, 0.2, 4).test().features()));
        float[] firstTrain = Arrays.copyOf(d.split(0.2, 0.2, 3).train().features(), 10);
        assertFalse(Arrays.equals(firstTrain, new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    @Test
    void splitOfGeneratedDataHoldsBothClassesInEveryPartWithTheGeneratorsSeed() {
        // Regression: split and generator once drew the same permutation from one seed, so the test part was one moon.
        Dataset.Split s = TwoMoons.generate(1000, 0.1, 42).split(0.2, 0.2, 42);
        for (Dataset part : new Dataset[] {s.train(), s.validation(), s.test()}) {
            int[] counts = part.classCounts();
            double share = (double) counts[0] / part.size();
            assertEquals(0.5, share, 0.1, "class 0 share " + share);
        }
    }

    @Test
    void refusesLabelsOutsideTheClasses() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[2], Shape.of(1), new int[] {0, 2}, 2));
    }

    @Test
    void refusesFeaturesThatDoNotMatchTheShape() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[3], Shape.of(2), new int[] {0, 1}, 2));
    }
}
