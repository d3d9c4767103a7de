package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netwright.model.settings.DataRecipe;

class ImageAugmentationTest {
    /** One 1×3×3 image 1..9, row by row. */
    private static float[] image() {
        return new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
    }

    /** A random stream whose booleans are always {@code b} and whose ints are always {@code i}. */
    private static Random fixed(boolean b, int i) {
        return new Random() {
            @Override
            public boolean nextBoolean() {
                return b;
            }

            @Override
            public int nextInt(int bound) {
                return i;
            }
        };
    }

    @Test
    void specsAreReadWrittenAndRefusedWithTheKnownWords() {
        ImageAugmentation a = ImageAugmentation.parse(" flip, crop=4 ,rotate=15,noise=0.05");
        assertEquals(new ImageAugmentation(true, 4, 15, 0.05), a);
        assertEquals(a, ImageAugmentation.parse(a.spec()));
        assertEquals(a, ImageAugmentation.of(new DataRecipe("images", Map.of("augment", a.spec()))).orElseThrow());
        assertTrue(ImageAugmentation.of(new DataRecipe("images", Map.of())).isEmpty());
        assertTrue(assertThrows(DataFileException.class, () -> ImageAugmentation.parse("jitter"))
                .getMessage().contains("--augment knows flip, crop=PIXELS"));
        assertTrue(assertThrows(DataFileException.class, () -> ImageAugmentation.parse("crop"))
                .getMessage().contains("'crop' needs a number"));
        assertTrue(assertThrows(DataFileException.class, () -> ImageAugmentation.parse("rotate=400"))
                .getMessage().contains("rotate from 0 to 180"));
    }

    @Test
    void aFlipMirrorsEachRowAndAShiftFillsWithZeros() {
        float[] img = image();
        new ImageAugmentation(true, 0, 0, 0).apply(img, 1, 1, 3, 3, fixed(true, 0));
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7}, img, 1e-6f);
        img = image();
        // nextInt(3) = 2 is a shift of +1 right and +1 down.
        new ImageAugmentation(false, 1, 0, 0).apply(img, 1, 1, 3, 3, fixed(false, 2));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 4, 5}, img, 1e-6f);
        img = image();
        new ImageAugmentation(true, 0, 0, 0).apply(img, 1, 1, 3, 3, fixed(false, 0));
        assertArrayEquals(image(), img, "no flip drawn, the image is unchanged");
    }

    @Test
    void rotationKeepsTheCentreAndNoiseHasItsDeviation() {
        float[] img = new float[25];
        img[12] = 1;
        new ImageAugmentation(false, 0, 30, 0).apply(img, 1, 1, 5, 5, new Random(3));
        assertEquals(1f, img[12], 1e-5f, "the centre pixel stays where it is");
        float[] flat = new float[20_000];
        new ImageAugmentation(false, 0, 0, 0.1).apply(flat, 200, 1, 10, 10, new Random(1));
        double sq = 0;
        for (float v : flat) {
            sq += v * v;
        }
        assertEquals(0.1, Math.sqrt(sq / flat.length), 0.005);
    }
}
