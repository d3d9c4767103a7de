package org.netwright.runner.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a layer's outputs look like over a batch of samples: mean, standard deviation, the fraction that are exactly
 * zero, the fraction saturated (only for layers that saturate: a sigmoid near 0 or 1, a tanh near -1 or 1; NaN for
 * the others) and a histogram of {@link #BINS} equal bins from the smallest to the largest value.
 *
 * @param layer     the layer's id
 * @param type      its type
 * @param count     how many values were seen (samples × values per sample)
 * @param mean      their mean
 * @param std       their standard deviation
 * @param zeros     the fraction exactly zero
 * @param saturated the fraction saturated, NaN where the layer cannot saturate
 * @param min       the smallest value
 * @param max       the largest value
 * @param histogram how many values fall in each of {@link #BINS} bins over [min, max]
 */
public record ActivationStatistics(String layer, String type, long count, double mean, double std, double zeros,
                                   double saturated, double min, double max, long[] histogram) {
    /** Bins of the histogram. */
    public static final int BINS = 20;
    /** How close to a bound a sigmoid's or tanh's output must be to count as saturated. */
    public static final double SATURATION_MARGIN = 0.01;

    public ActivationStatistics {
        histogram = histogram.clone();
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    /** The statistics of {@code values} made by layer {@code layer} of type {@code type}; non-finite values are skipped. */
    public static ActivationStatistics of(String layer, String type, float[] values) {
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long zeros = 0;
        long saturated = 0;
        double[] bounds = saturationBounds(type);
        for (float v : values) {
            if (!Float.isFinite(v)) {
                continue;
            }
            n++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v == 0f) {
                zeros++;
            }
            if (bounds != null && (v <= bounds[0] + SATURATION_MARGIN || v >= bounds[1] - SATURATION_MARGIN)) {
                saturated++;
            }
        }
        long[] histogram = new long[BINS];
        if (n == 0) {
            return new ActivationStatistics(layer, type, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, histogram);
        }
        double mean = sum / n;
        double squares = 0;
        double width = (max - min) / BINS;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                continue;
            }
            squares += (v - mean) * (v - mean);
            int bin = width > 0 ? (int) Math.min(BINS - 1, (v - min) / width) : 0;
            histogram[bin]++;
        }
        return new ActivationStatistics(layer, type, n, mean, Math.sqrt(squares / n), (double) zeros / n,
                bounds == null ? Double.NaN : (double) saturated / n, min, max, histogram);
    }

    /** The bounds a layer's outputs saturate at, or null when it has none. */
    static double[] saturationBounds(String type) {
        return switch (type) {
            case "sigmoid" -> new double[] {0, 1};
            case "tanh" -> new double[] {-1, 1};
            default -> null;
        };
    }

    /**
     * Each layer's statistics on {@code count} inputs laid one after another: the values at the layer's first output
     * port, in the order the network runs its layers (the input layer left out).
     */
    public static List<ActivationStatistics> of(TrainedNetwork net, float[] inputs, int count) {
        List<ActivationStatistics> out = new ArrayList<>();
        net.layerOutputs(inputs, count).forEach((id, v) -> out.add(of(id, net.layerType(id), v)));
        return out;
    }
}
