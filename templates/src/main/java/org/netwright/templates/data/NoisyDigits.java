package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.task.DataField;

/**
 * A denoising set: segment digits ({@link SegmentDigits}) as the field {@code clean} and the same images with
 * added Gaussian noise, clamped to [0, 1], as the field {@code noisy}. {@code noisy} comes first, so a proposed
 * task feeds it to the input and trains the output against {@code clean}.
 */
public final class NoisyDigits {
    public static final int DEFAULT_SIZE = 16;

    private NoisyDigits() {
    }

    /** {@code samples} images of {@code size}×{@code size} with noise of deviation {@code noise}, drawn with {@code seed}. */
    public static Samples generate(int samples, int size, double noise, long seed) {
        if (noise < 0) {
            throw new IllegalArgumentException("The noisy_digits generator needs noise of 0 or more; got " + noise);
        }
        Dataset digits = SegmentDigits.generate(samples, size, seed);
        float[] clean = digits.features();
        float[] noisy = new float[clean.length];
        // A stream of its own, so the digits are the same as segment_digits draws for this seed.
        Random r = new Random(Dataset.stream(seed, 7));
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = (float) Math.min(1, Math.max(0, clean[i] + noise * r.nextGaussian()));
        }
        return new Samples(List.of(new Samples.Column(DataField.values("noisy", digits.sampleShape()), noisy),
                new Samples.Column(DataField.values("clean", digits.sampleShape()), clean)), samples, false);
    }
}
