package org.netwright.runner.run;

import java.util.Arrays;
import java.util.Random;
import org.netwright.templates.data.Dataset;

/**
 * How far a generator's samples lie from real ones, as one number that falls while a GAN learns (its two losses
 * fight each other and need not fall): the sliced Wasserstein distance. Both sets (n samples each, flattened to
 * {@code width} numbers) are projected on {@link #DIRECTIONS} fixed random unit directions; along each direction the
 * sorted projections are paired and their mean absolute difference is the 1-D Wasserstein distance; the result is
 * the mean over the directions, in the data's own units. The generator reads fixed inputs (noise drawn once from the
 * run's seed, the real samples' own conditions), so two evaluations differ only by the weights. The exported
 * {@code train.py} computes the same number from the same noise and directions (written into {@code data.npz}).
 */
public final class SampleDistance {
    /** How many directions the samples are projected on. */
    public static final int DIRECTIONS = 64;
    /** Most real (and generated) samples compared. */
    public static final int MAX_SAMPLES = 1000;
    private static final long NOISE_STREAM = 11;
    private static final long DIRECTION_STREAM = 12;

    private SampleDistance() {
    }

    /** How many samples a part of {@code size} samples is compared with. */
    public static int count(int size) {
        return Math.min(size, MAX_SAMPLES);
    }

    /** {@link #DIRECTIONS} unit vectors of {@code width} numbers, row after row, drawn from the run's seed. */
    public static float[] directions(int width, long seed) {
        Random r = new Random(Dataset.stream(seed, DIRECTION_STREAM));
        float[] d = new float[DIRECTIONS * width];
        for (int k = 0; k < DIRECTIONS; k++) {
            double norm = 0;
            double[] v = new double[width];
            for (int i = 0; i < width; i++) {
                v[i] = r.nextGaussian();
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < width; i++) {
                d[k * width + i] = (float) (v[i] / norm);
            }
        }
        return d;
    }

    /**
     * The fixed noise of the generator's noise input layer {@code node}: {@code count} samples of {@code width}
     * numbers, normal or uniform in [-1, 1) as the input layer draws them.
     */
    public static float[] noise(int count, int width, String distribution, long seed, String node) {
        Random r = new Random(Dataset.stream(seed + 31L * node.hashCode(), NOISE_STREAM));
        float[] v = new float[count * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = "uniform".equals(distribution) ? (float) (r.nextDouble() * 2 - 1) : (float) r.nextGaussian();
        }
        return v;
    }

    /**
     * The sliced Wasserstein distance between the first {@code n} samples of {@code real} and of {@code fake}
     * ({@code width} numbers each) along {@code directions}.
     */
    public static double sliced(float[] real, float[] fake, int n, int width, float[] directions) {
        if (n == 0) {
            return Double.NaN;
        }
        int k = directions.length / width;
        double[] a = new double[n];
        double[] b = new double[n];
        double sum = 0;
        for (int d = 0; d < k; d++) {
            int at = d * width;
            for (int s = 0; s < n; s++) {
                double pa = 0;
                double pb = 0;
                for (int i = 0; i < width; i++) {
                    pa += (double) real[s * width + i] * directions[at + i];
                    pb += (double) fake[s * width + i] * directions[at + i];
                }
                a[s] = pa;
                b[s] = pb;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            double w = 0;
            for (int s = 0; s < n; s++) {
                w += Math.abs(a[s] - b[s]);
            }
            sum += w / n;
        }
        return sum / k;
    }
}
