package org.netwright.templates.data;

import java.util.Random;
import org.netwright.model.shape.Shape;

/**
 * Noisy sine waves as sequences T×1, three classes by frequency: class k makes about k + 1 full cycles
 * per sequence (±10%), with a random phase, plus Gaussian noise. A first task for recurrent and
 * attention models: a single time step says little, the shape of the whole curve gives the class.
 */
public final class SineWaves {
    /** Time steps per sequence when a recipe does not say. */
    public static final int DEFAULT_LENGTH = 40;
    /** Shortest sequence on which the fastest class (3 cycles) still has more than two steps per cycle. */
    public static final int MIN_LENGTH = 8;
    private static final int CLASSES = 3;

    private SineWaves() {
    }

    /** {@code n} sequences of {@code length} steps, classes in turn then shuffled, noise of standard deviation {@code noise}. */
    public static Dataset generate(int n, int length, double noise, long seed) {
        if (n < CLASSES) {
            throw new IllegalArgumentException("Sine waves needs at least " + CLASSES + " samples; got " + n);
        }
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("Sine waves needs sequences of at least " + MIN_LENGTH
                    + " steps; got " + length);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("Sine-wave noise must be 0 or more; got " + noise);
        }
        Random random = new Random(seed);
        float[] values = new float[Math.multiplyExact(n, length)];
        int[] labels = new int[n];
        // Classes in turn, then a shuffled order, so that any prefix of the data set holds every class.
        int[] order = Dataset.shuffledIndices(n, random);
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES;
            double cycles = (label + 1) * (1 + 0.2 * (random.nextDouble() - 0.5));
            double phase = 2 * Math.PI * random.nextDouble();
            int at = order[i];
            for (int t = 0; t < length; t++) {
                double clean = Math.sin(2 * Math.PI * cycles * t / length + phase);
                values[at * length + t] = (float) (clean + noise * random.nextGaussian());
            }
            labels[at] = label;
        }
        return new Dataset(values, Shape.of(length, 1), labels, CLASSES);
    }
}
