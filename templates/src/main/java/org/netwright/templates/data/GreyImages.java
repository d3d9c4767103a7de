package org.netwright.templates.data;

import java.util.Random;
import org.netwright.model.shape.Shape;

/**
 * Draws a balanced, shuffled set of noisy grey images 1×size×size: classes take turns so they stay
 * balanced, each image is one figure in ink on black plus Gaussian noise, clamped to [0, 1].
 * The generators differ only in the figure they draw for a class.
 */
final class GreyImages {
    static final double NOISE = 0.08;

    /** One figure ready to rasterise: its ink and which pixels it covers. */
    interface Figure {
        double ink();

        boolean covers(int col, int row);
    }

    /** Draws the figure of one class, taking every random choice it needs from {@code random}. */
    @FunctionalInterface
    interface Painter {
        Figure draw(int label, Random random);
    }

    private GreyImages() {
    }

    static Dataset draw(int n, int size, int classes, long seed, Painter painter) {
        Random random = new Random(seed);
        int pixels = size * size;
        float[] images = new float[n * pixels];
        int[] labels = new int[n];
        int[] order = Dataset.shuffledIndices(n, random);
        for (int i = 0; i < n; i++) {
            int label = i % classes;
            int at = order[i];
            labels[at] = label;
            Figure figure = painter.draw(label, random);
            for (int row = 0; row < size; row++) {
                for (int col = 0; col < size; col++) {
                    double v = (figure.covers(col, row) ? figure.ink() : 0) + NOISE * random.nextGaussian();
                    images[at * pixels + row * size + col] = (float) Math.max(0, Math.min(1, v));
                }
            }
        }
        return new Dataset(images, Shape.of(1, size, size), labels, classes);
    }
}
