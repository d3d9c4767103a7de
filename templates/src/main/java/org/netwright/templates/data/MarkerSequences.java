package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * A long-memory classification set: sequences of Gaussian noise in which one step among the first five holds a
 * spike of +1 (class 1) or -1 (class 0); the rest of the sequence carries nothing about the class, so a recurrent
 * net must remember the spike to the end. Fields {@code sequence} (T×1 values) and {@code label} (class id of 2).
 */
public final class MarkerSequences {
    public static final int DEFAULT_LENGTH = 50;
    /** The marker lies in steps {@code 0..MARKER_STEPS-1}. */
    public static final int MARKER_STEPS = 5;

    private MarkerSequences() {
    }

    /** {@code samples} sequences of {@code length} steps with noise of standard deviation {@code noise}. */
    public static Samples generate(int samples, int length, double noise, long seed) {
        if (samples < 1 || samples > 1_000_000) {
            throw new IllegalArgumentException("The marker_sequences generator makes 1 to 1000000 samples; got " + samples);
        }
        if (length < MARKER_STEPS || length > 100_000) {
            throw new IllegalArgumentException("The marker_sequences generator needs a length of " + MARKER_STEPS
                    + " to 100000 steps; got " + length);
        }
        if (noise < 0) {
            throw new IllegalArgumentException("The marker_sequences noise cannot be negative; got " + noise);
        }
        Random r = new Random(seed);
        float[] x = new float[samples * length];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            int label = r.nextInt(2);
            for (int t = 0; t < length; t++) {
                x[i * length + t] = (float) (noise * r.nextGaussian());
            }
            x[i * length + r.nextInt(MARKER_STEPS)] = label == 1 ? 1f : -1f;
            y[i] = label;
        }
        return new Samples(List.of(new Samples.Column(DataField.values("sequence", Shape.of(length, 1)), x),
                new Samples.Column(DataField.classId("label", 2), y)), samples, false);
    }
}
