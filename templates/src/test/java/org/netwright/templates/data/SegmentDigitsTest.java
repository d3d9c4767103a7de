package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.Shape;

class SegmentDigitsTest {

    @Test
    void sameSeedGivesSameImages() {
        Dataset a = SegmentDigits.generate(50, 32, 3);
        Dataset b = SegmentDigits.generate(50, 32, 3);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void tenBalancedClassesOfGreyImages() {
        Dataset d = SegmentDigits.generate(200, 32, 3);
        assertEquals(Shape.of(1, 32, 32), d.sampleShape());
        assertEquals(10, d.numClasses());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, d.classCounts());
        for (float v : d.features()) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
    }

    /** An 8 lights all seven segments and a 1 only two, so on average an 8 has far more ink than a 1. */
    @Test
    void eightsCarryMoreInkThanOnes() {
        Dataset d = SegmentDigits.generate(400, 32, 9);
        double[] ink = new double[10];
        int pixels = 32 * 32;
        for (int i = 0; i < d.size(); i++) {
            for (int p = 0; p < pixels; p++) {
                ink[d.labels()[i]] += d.features()[i * pixels + p] > 0.5f ? 1 : 0;
            }
        }
        assertTrue(ink[8] > 2.5 * ink[1], "ink of 8s " + ink[8] + ", of 1s " + ink[1]);
        assertTrue(ink[1] > 0, "ones are drawn");
    }

    @Test
    void theGeneratorRecipeReachesIt() {
        Dataset d = Generators.generate(DataRecipe.generator("segment_digits", Map.of("samples", 30, "size", 16)), 1);
        assertEquals(Shape.of(1, 16, 16), d.sampleShape());
        assertEquals(30, d.size());
    }

    @Test
    void tooSmallImagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SegmentDigits.generate(10, 8, 1));
    }
}
