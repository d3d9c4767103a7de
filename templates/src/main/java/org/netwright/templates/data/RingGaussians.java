package org.netwright.templates.data;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.DataField;

/**
 * The classic GAN toy set: 2-D points from 8 Gaussians of equal weight whose centres sit evenly on a circle of
 * radius {@code radius}, each with standard deviation {@code std} on both axes; fields {@code point} (2 values)
 * and {@code mode} (the Gaussian's id, 0 to 7, as a class id). Mode {@code k}'s centre is at angle {@code k·45°}.
 */
public final class RingGaussians {
    /** How many Gaussians the ring holds. */
    public static final int MODES = 8;

    private RingGaussians() {
    }

    /** The centre of mode {@code k} on a ring of {@code radius}: {x, y}. */
    public static double[] centre(int k, double radius) {
        double a = 2 * Math.PI * k / MODES;
        return new double[] {radius * Math.cos(a), radius * Math.sin(a)};
    }

    /** {@code samples} points, modes drawn uniformly, generated with {@code seed}. */
    public static Samples generate(int samples, double radius, double std, long seed) {
        if (samples < 1 || samples > 10_000_000) {
            throw new IllegalArgumentException("The ring_gaussians generator makes 1 to 10000000 samples; got " + samples);
        }
        if (!(radius > 0) || !(std > 0)) {
            throw new IllegalArgumentException("The ring_gaussians generator needs a radius and a std above 0; got radius "
                    + radius + ", std " + std);
        }
        Random r = new Random(seed);
        float[] points = new float[samples * 2];
        float[] modes = new float[samples];
        for (int i = 0; i < samples; i++) {
            int k = r.nextInt(MODES);
            double[] c = centre(k, radius);
            points[2 * i] = (float) (c[0] + std * r.nextGaussian());
            points[2 * i + 1] = (float) (c[1] + std * r.nextGaussian());
            modes[i] = k;
        }
        return new Samples(List.of(new Samples.Column(DataField.values("point", Shape.of(2)), points),
                new Samples.Column(DataField.classId("mode", MODES), modes)), samples, false);
    }
}
