package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;

class TwoMoonsTest {

    @Test
    void sameSeedGivesSameData() {
        Dataset a = TwoMoons.generate(300, 0.1, 7);
        Dataset b = TwoMoons.generate(300, 0.1, 7);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void otherSeedGivesOtherData() {
        assertFalse(Arrays.equals(TwoMoons.generate(300, 0.1, 7).features(), TwoMoons.generate(300, 0.1, 8).features()));
    }

    @Test
    void classesAreBalancedAndPointsAreTwoDimensional() {
        Dataset d = TwoMoons.generate(1001, 0.1, 1);
        assertEquals(Shape.of(2), d.sampleShape());
        assertArrayEquals(new int[] {500, 501}, d.classCounts());
    }

    @Test
    void withoutNoiseThePointsLieOnTheirArcs() {
        Dataset d = TwoMoons.generate(200, 0.0, 3);
        float[] f = d.features();
        for (int i = 0; i < d.size(); i++) {
            double x = f[2 * i];
            double y = f[2 * i + 1];
            // Outer moon: unit circle around (0, 0), upper half; inner moon: unit circle around (1, 0.5), lower half.
            double cx = d.labels()[i] == 0 ? 0 : 1;
            double cy = d.labels()[i] == 0 ? 0 : 0.5;
            assertEquals(1.0, Math.hypot(x - cx, y - cy), 1e-5);
            assertTrue(d.labels()[i] == 0 ? y >= -1e-6 : y <= 0.5 + 1e-6);
        }
    }
}
