package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * Grey images 1×size×size whose class lies only in the top-left quadrant: a horizontal bar there is class 0, a
 * vertical bar class 1; the whole image carries Gaussian noise, so the other three quadrants say nothing about the
 * class. A network that learned the task should look at the top-left quadrant, which makes the set a check of
 * saliency methods. Fields {@code image} and {@code label} (class id of 2).
 */
public final class QuadrantImages {
    public static final int DEFAULT_SIZE = 16;
    public static final int HORIZONTAL = 0;
    public static final int VERTICAL = 1;

    private QuadrantImages() {
    }

    /** {@code samples} images of {@code size}×{@code size} pixels with noise of standard deviation {@code noise}. */
    public static Samples generate(int samples, int size, double noise, long seed) {
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("The quadrant_images generator makes 1 to 1000000 samples; got " + samples);
        }
        if (size < 8 || size > 512 || size % 2 != 0) {
            throw new IllegalArgumentException("The quadrant_images generator needs an even size from 8 to 512; got "
                    + size);
        }
        if (!(noise >= 0) || noise > 10) {
            throw new IllegalArgumentException("The quadrant_images noise must be from 0 to 10; got " + noise);
        }
        Random r = new Random(seed);
        int half = size / 2;
        int plane = size * size;
        float[] x = new float[samples * plane];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % 2 == 0 ? HORIZONTAL : VERTICAL;
            int at = i * plane;
            for (int p = 0; p < plane; p++) {
                x[at + p] = (float) (noise * r.nextGaussian());
            }
            // A bar one pixel thick, kept a pixel from the image's edges and three from the other quadrants, so
            // that even a deep layer's coarse cells see it inside the quadrant.
            int length = half - 3;
            int across = 1 + r.nextInt(half - 3);
            float ink = (float) (0.8 + 0.4 * r.nextDouble());
            for (int k = 1; k <= length; k++) {
                int row = label == HORIZONTAL ? across : k;
                int col = label == HORIZONTAL ? k : across;
                x[at + row * size + col] += ink;
            }
            y[i] = label;
        }
        return new Samples(List.of(new Samples.Column(DataField.values("image", Shape.of(1, size, size)), x),
                new Samples.Column(DataField.classId("label", 2), y)), samples, false);
    }

    /** Whether the pixel (row, col) of a {@code size}-wide image lies in the top-left quadrant. */
    public static boolean inTopLeft(int row, int col, int size) {
        return row < size / 2 && col < size / 2;
    }
}
