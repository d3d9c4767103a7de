package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;

/** quadrant_images: the class is a bar in the top-left quadrant and nothing else in the image depends on it. */
class QuadrantImagesTest {

    @Test
    void withoutNoiseOnlyTheTopLeftQuadrantHoldsInkAndItsBarRunsTheClasssWay() {
        int size = 16;
        Samples s = QuadrantImages.generate(40, size, 0, 9);
        float[] x = s.require("image").values();
        float[] y = s.require("label").values();
        for (int i = 0; i < 40; i++) {
            int rows = 0;
            int cols = 0;
            java.util.Set<Integer> rowSet = new java.util.HashSet<>();
            java.util.Set<Integer> colSet = new java.util.HashSet<>();
            for (int p = 0; p < size * size; p++) {
                float v = x[i * size * size + p];
                int r = p / size;
                int c = p % size;
                if (!QuadrantImages.inTopLeft(r, c, size)) {
                    assertEquals(0f, Math.abs(v), "sample " + i + " has ink outside the top-left quadrant at " + r + "," + c);
                } else if (v > 0) {
                    rowSet.add(r);
                    colSet.add(c);
                }
            }
            rows = rowSet.size();
            cols = colSet.size();
            // A horizontal bar spans one row and many columns; a vertical one the other way round.
            boolean horizontal = rows == 1 && cols > 1;
            assertEquals(y[i] == QuadrantImages.HORIZONTAL, horizontal, "sample " + i);
            assertTrue(rows + cols > 2, "sample " + i + " has no bar");
        }
    }

    @Test
    void isRegisteredAsAFieldGeneratorAndRefusesBadSizes() {
        Samples s = Generators.generateSamples(DataRecipe.generator("quadrant_images", Map.of("samples", 10)), 1);
        assertEquals(10, s.size());
        assertEquals(2, s.require("label").field().classes());
        assertThrows(IllegalArgumentException.class, () -> QuadrantImages.generate(10, 7, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> QuadrantImages.generate(10, 16, -1, 1));
    }
}
