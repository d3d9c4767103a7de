package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * A regression set: points {@code (x1, x2)} drawn uniformly from [-2, 2]² and the smooth value
 * {@code y = sin(1.5·x1)·cos(x2) + 0.3·x1·x2 - 0.2·x2²} plus Gaussian noise; fields {@code features} (2 values)
 * and {@code target} (1 value). The noise-free function is {@link #value}, so tests can measure R² against it.
 */
public final class SmoothFunction {
    private SmoothFunction() {
    }

    /** The noise-free target at a point. */
    public static double value(double x1, double x2) {
        return Math.sin(1.5 * x1) * Math.cos(x2) + 0.3 * x1 * x2 - 0.2 * x2 * x2;
    }

    /** {@code samples} points with targets carrying noise of standard deviation {@code noise}, drawn with {@code seed}. */
    public static Samples generate(int samples, double noise, long seed) {
        if (samples < 1 || samples > 10_000_000) {
            throw new IllegalArgumentException("The smooth_function generator makes 1 to 10000000 samples; got " + samples);
        }
        Random r = new Random(seed);
        float[] x = new float[samples * 2];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double x1 = r.nextDouble() * 4 - 2;
            double x2 = r.nextDouble() * 4 - 2;
            x[2 * i] = (float) x1;
            x[2 * i + 1] = (float) x2;
            y[i] = (float) (value(x1, x2) + noise * r.nextGaussian());
        }
        return new Samples(List.of(new Samples.Column(DataField.values("features", Shape.of(2)), x),
                new Samples.Column(DataField.values("target", Shape.of(1)), y)), samples, false);
    }
}
