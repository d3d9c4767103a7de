package org.netwright.templates.data;

import java.util.List;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * Unlabelled points of the two moons ({@link TwoMoons}) scaled by {@code scale}: one field {@code point} of two
 * values, for generative models that learn where the data lie rather than a class.
 */
public final class MoonPoints {
    public static final double DEFAULT_SCALE = 3;

    private MoonPoints() {
    }

    /** {@code samples} points with noise of deviation {@code noise} before scaling, drawn with {@code seed}. */
    public static Samples generate(int samples, double noise, double scale, long seed) {
        float[] xy = TwoMoons.generate(samples, noise, seed).features();
        float[] scaled = new float[xy.length];
        for (int i = 0; i < xy.length; i++) {
            scaled[i] = (float) (xy[i] * scale);
        }
        return new Samples(List.of(new Samples.Column(DataField.values("point", Shape.of(2)), scaled)), samples, false);
    }
}
