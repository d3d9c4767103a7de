package org.netwright.templates.data;

import java.util.Random;
import org.netwright.model.shape.Shape;

/** Two interleaving half circles in the plane (as scikit-learn's make_moons), class 0 above, class 1 below. */
public final class TwoMoons {
    private TwoMoons() {
    }

    /** {@code n} points, half per moon, with Gaussian noise of standard deviation {@code noise}, shuffled by {@code seed}. */
    public static Dataset generate(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("Two moons needs at least 2 samples; got " + n);
        }
        Random random = new Random(seed);
        int outer = n / 2;
        int inner = n - outer;
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        // Points are laid out evenly along each arc (as make_moons does), then the order is shuffled
        // so that any prefix of the data set holds both classes.
        int[] order = Dataset.shuffledIndices(n, random);
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            int k = isOuter ? i : i - outer;
            int count = isOuter ? outer : inner;
            double t = count == 1 ? 0 : Math.PI * k / (count - 1);
            double x = isOuter ? Math.cos(t) : 1 - Math.cos(t);
            double y = isOuter ? Math.sin(t) : 0.5 - Math.sin(t);
            int at = order[i];
            xy[2 * at] = (float) (x + noise * random.nextGaussian());
            xy[2 * at + 1] = (float) (y + noise * random.nextGaussian());
            labels[at] = isOuter ? 0 : 1;
        }
        return new Dataset(xy, Shape.of(2), labels, 2);
    }
}
