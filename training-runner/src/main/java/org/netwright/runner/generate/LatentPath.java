package org.netwright.runner.generate;

/** Points on the straight line between two latent vectors, for decoding a VAE's interpolation between two samples. */
public final class LatentPath {
    private LatentPath() {
    }

    /**
     * {@code count} points from {@code a} to {@code b} evenly spaced, both ends included (one point is {@code a}),
     * one after another in one array. Throws IllegalArgumentException for vectors of different lengths or a count
     * below 1.
     */
    public static float[] between(float[] a, float[] b, int count) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Both ends of an interpolation need as many values; got " + a.length
                    + " and " + b.length + ".");
        }
        if (count < 1) {
            throw new IllegalArgumentException("An interpolation needs at least one point, not " + count + ".");
        }
        int d = a.length;
        float[] out = new float[count * d];
        for (int i = 0; i < count; i++) {
            double t = count == 1 ? 0 : (double) i / (count - 1);
            for (int k = 0; k < d; k++) {
                // Written as a + t(b - a) but with the end exact: at t = 1 the point is b itself.
                out[i * d + k] = i == count - 1 && count > 1 ? b[k] : (float) (a[k] + t * (b[k] - a[k]));
            }
        }
        return out;
    }
}
