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
        assertTrue(assertThrows(DataFileException.class, () -> ImageAugmentation.parse("blur"))
                .getMessage().contains("--augment knows flip, crop=PIXELS"));
        assertEquals(ImageAugmentation.DEFAULT_JITTER, ImageAugmentation.parse("flip,jitter").jitter());
        ImageAugmentation j = ImageAugmentation.parse("jitter=0.3,noise=0.01");
        assertEquals(new ImageAugmentation(false, 0, 0, 0.01, 0.3), j);
        assertEquals(j, ImageAugmentation.parse(j.spec()));
        assertTrue(assertThrows(DataFileException.class, () -> ImageAugmentation.parse("jitter=2"))
                .getMessage().contains("jitter from 0 to 1"));
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

    /** One 3×1×2 RGB image: pixel 0 is (0.2, 0.4, 0.6), pixel 1 is (0.6, 0.2, 0.1), channels first. */
    private static float[] rgb() {
        return new float[] {0.2f, 0.6f, 0.4f, 0.2f, 0.6f, 0.1f};
    }

    @Test
    void jitterScalesBrightnessThenStretchesContrastAboutTheMeanGreyThenSaturationAboutEachPixelsGrey() {
        float[] img = rgb();
        ImageAugmentation.jitter(img, 0, 3, 1, 2, 1.5, 1, 1);
        assertArrayEquals(new float[] {0.3f, 0.9f, 0.6f, 0.3f, 0.9f, 0.15f}, img, 1e-6f, "brightness multiplies");

        img = rgb();
        // Grey of pixel 0: 0.299*0.2 + 0.587*0.4 + 0.114*0.6 = 0.3630; of pixel 1: 0.299*0.6 + 0.587*0.2 + 0.114*0.1
        // = 0.3082; mean 0.3356. Contrast 2: m + 2 (v - m) = 2v - m.
        double m = 0.3356;
        ImageAugmentation.jitter(img, 0, 3, 1, 2, 1, 2, 1);
        float[] expected = new float[6];
        float[] before = rgb();
        for (int k = 0; k < 6; k++) {
            expected[k] = (float) (2 * before[k] - m);
        }
        assertArrayEquals(expected, img, 1e-6f);

        img = rgb();
        // Saturation 0 turns each pixel into its grey; saturation 2 doubles its distance from its grey.
        ImageAugmentation.jitter(img, 0, 3, 1, 2, 1, 1, 0);
        assertArrayEquals(new float[] {0.3630f, 0.3082f, 0.3630f, 0.3082f, 0.3630f, 0.3082f}, img, 1e-6f);
        img = rgb();
        ImageAugmentation.jitter(img, 0, 3, 1, 2, 1, 1, 2);
        assertArrayEquals(new float[] {2 * 0.2f - 0.3630f, 2 * 0.6f - 0.3082f, 2 * 0.4f - 0.3630f,
                2 * 0.2f - 0.3082f, 2 * 0.6f - 0.3630f, 2 * 0.1f - 0.3082f}, img, 1e-6f);

        float[] grey = {0.2f, 0.4f};
        ImageAugmentation.jitter(grey, 0, 1, 1, 2, 1, 1, 3);
        assertArrayEquals(new float[] {0.2f, 0.4f}, grey, "a grey image has no saturation to change");
        img = rgb();
        ImageAugmentation.jitter(img, 0, 3, 1, 2, 1, 1, 1);
        assertArrayEquals(rgb(), img, 1e-6f, "factors of 1 change nothing");
    }

    @Test
    void jitterDrawsItsFactorsWithinItsStrengthFromTheSeededStream() {
        // A flat image of 0.5: contrast and saturation keep it flat, so every value is 0.5 × the brightness factor.
        float[] flat = new float[3 * 4 * 200];
        java.util.Arrays.fill(flat, 0.5f);
        new ImageAugmentation(false, 0, 0, 0, 0.2).apply(flat, 200, 3, 2, 2, new Random(5));
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : flat) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo >= 0.4f - 1e-6f && hi <= 0.6f + 1e-6f, lo + ".." + hi);
        assertTrue(hi - lo > 0.15f, "200 draws spread over most of 0.8..1.2: " + lo + ".." + hi);
        float[] again = new float[flat.length];
        java.util.Arrays.fill(again, 0.5f);
        new ImageAugmentation(false, 0, 0, 0, 0.2).apply(again, 200, 3, 2, 2, new Random(5));
        assertArrayEquals(flat, again, "the same seed, the same jitter");
    }

    @Test
    void aPreviewGivesCopiesChangedAsTrainingWouldAndLeavesTheSampleAlone() {
        ImageAugmentation a = new ImageAugmentation(true, 1, 0, 0, 0.3);
        float[] sample = rgb();
        float[] copies = a.preview(sample, 3, 1, 2, 4, 9);
        assertEquals(4 * 6, copies.length);
        assertArrayEquals(rgb(), sample, "the sample itself is not changed");
        float[] expected = new float[4 * 6];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(rgb(), 0, expected, i * 6, 6);
        }
        a.apply(expected, 4, 3, 1, 2, new Random(9));
        assertArrayEquals(expected, copies);
        assertArrayEquals(copies, a.preview(sample, 3, 1, 2, 4, 9), "the same seed gives the same preview");
        assertThrows(IllegalArgumentException.class, () -> a.preview(new float[5], 3, 1, 2, 4, 9));
    }
}
