package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.netwright.model.shape.Shape;

class ShapesTest {

    @Test
    void sameSeedGivesSameImages() {
        Dataset a = Shapes.generate(60, 16, 5);
        Dataset b = Shapes.generate(60, 16, 5);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void imagesAreGreySizedAndBalanced() {
        Dataset d = Shapes.generate(300, 16, 5);
        assertEquals(Shape.of(1, 16, 16), d.sampleShape());
        assertArrayEquals(new int[] {100, 100, 100}, d.classCounts());
        for (float v : d.features()) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
    }

    @Test
    void everyImageShowsAShapeBrighterThanItsBackground() {
        Dataset d = Shapes.generate(90, 16, 11);
        int pixels = 256;
        for (int i = 0; i < d.size(); i++) {
            int bright = 0;
            for (int p = 0; p < pixels; p++) {
                if (d.features()[i * pixels + p] > 0.5f) {
                    bright++;
                }
            }
            // The smallest shape (a triangle of half-extent 3.2) still covers about 20 pixels; noise alone almost never exceeds 0.5.
            assertTrue(bright >= 12 && bright < 200, "image " + i + " has " + bright + " bright pixels");
        }
    }
}
