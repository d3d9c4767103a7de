package org.netwright.runner.explain;

import java.util.List;
import java.util.Random;
import org.netwright.model.shape.Shape;

/**
 * Attribution methods as functions of (trained network, one input sample, output index): each says how much every
 * input value counted for that output's score (the logit of a class). Token inputs are attributed on their
 * embedding's vectors and summed to one number per token.
 */
public final class Attributions {
    public static final String SALIENCY = "saliency";
    public static final String SMOOTHGRAD = "smoothgrad";
    public static final String INTEGRATED_GRADIENTS = "integrated-gradients";
    public static final String GRADCAM = "gradcam";
    /** The method names, as the CLI takes them. */
    public static final List<String> METHODS = List.of(SALIENCY, SMOOTHGRAD, INTEGRATED_GRADIENTS, GRADCAM);

    /** SmoothGrad's default: noisy copies averaged, and their noise as a share of the input's value range. */
    public static final int SMOOTHGRAD_SAMPLES = 32;
    public static final double SMOOTHGRAD_NOISE = 0.15;
    /** Integrated gradients' default number of steps on the path from the baseline (a Riemann sum's midpoints). */
    public static final int IG_STEPS = 64;

    private Attributions() {
    }

    /**
     * The method {@code method} with its defaults: Grad-CAM reads {@code layer} (null: the last conv layer before the
     * output), integrated gradients start from an all-zero baseline.
     */
    public static Attribution of(String method, TrainedNetwork net, float[] input, int target, String layer) {
        return switch (method) {
            case SALIENCY -> saliency(net, input, target);
            case SMOOTHGRAD -> smoothGrad(net, input, target, SMOOTHGRAD_SAMPLES, SMOOTHGRAD_NOISE, 1);
            case INTEGRATED_GRADIENTS -> integratedGradients(net, input, target, null, IG_STEPS);
            case GRADCAM -> GradCam.of(net, input, target, layer == null ? GradCam.lastConvLayer(net) : layer);
            default -> throw new IllegalArgumentException("Unknown attribution method '" + method + "'; use one of "
                    + String.join(", ", METHODS) + ".");
        };
    }

    /** Vanilla gradient: the score's gradient with respect to each input value. */
    public static Attribution saliency(TrainedNetwork net, float[] input, int target) {
        checkTarget(net, target);
        float[] entry = net.entryValues(input);
        float[] g = net.entryGradients(input, entry, 1, target, null);
        return result(net, SALIENCY, target, net.tokenInput() ? norms(g, net) : g);
    }

    /**
     * SmoothGrad: the gradient averaged over {@code samples} copies of the input with Gaussian noise of standard
     * deviation {@code noise} × (max - min of the input) added, the copies drawn with {@code seed}.
     */
    public static Attribution smoothGrad(TrainedNetwork net, float[] input, int target, int samples, double noise,
                                         long seed) {
        checkTarget(net, target);
        if (samples < 1) {
            throw new IllegalArgumentException("SmoothGrad needs at least one noisy copy; got " + samples + ".");
        }
        float[] entry = net.entryValues(input);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : entry) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double sigma = noise * (max > min ? max - min : 1);
        Random r = new Random(seed);
        int n = entry.length;
        float[] batch = new float[samples * n];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                batch[s * n + i] = (float) (entry[i] + sigma * r.nextGaussian());
            }
        }
        float[] g = net.entryGradients(input, batch, samples, target, null);
        float[] mean = new float[n];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                mean[i] += g[s * n + i] / samples;
            }
        }
        return result(net, SMOOTHGRAD, target, net.tokenInput() ? norms(mean, net) : mean);
    }

    /**
     * Integrated gradients: (input - baseline) × the gradient averaged along the straight path from {@code baseline}
     * (null: all zeros) to the input, over {@code steps} midpoints. The values sum to about the score's change from the
     * baseline to the input.
     */
    public static Attribution integratedGradients(TrainedNetwork net, float[] input, int target, float[] baseline,
                                                  int steps) {
        checkTarget(net, target);
        if (steps < 1) {
            throw new IllegalArgumentException("Integrated gradients need at least one step; got " + steps + ".");
        }
        float[] entry = net.entryValues(input);
        int n = entry.length;
        float[] base = baseline == null ? new float[n] : baseline;
        if (base.length != n) {
            throw new IllegalArgumentException("The baseline must have " + n + " values like the input; got "
                    + base.length + ".");
        }
        float[] path = new float[steps * n];
        for (int s = 0; s < steps; s++) {
            float alpha = (s + 0.5f) / steps;
            for (int i = 0; i < n; i++) {
                path[s * n + i] = base[i] + alpha * (entry[i] - base[i]);
            }
        }
        float[] g = net.entryGradients(input, path, steps, target, null);
        float[] attribution = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                sum += g[s * n + i];
            }
            attribution[i] = (float) ((entry[i] - base[i]) * sum / steps);
        }
        return result(net, INTEGRATED_GRADIENTS, target, net.tokenInput() ? sums(attribution, net) : attribution);
    }

    /**
     * The output's score at the entry values {@code entries} (the input itself, or for a token input its embedding's
     * vectors), e.g. to check integrated gradients against the change from the baseline.
     */
    public static float score(TrainedNetwork net, float[] input, float[] entries, int target) {
        float[] s = new float[1];
        net.entryGradients(input, entries, 1, target, s);
        return s[0];
    }

    /** How many outputs the network scores (classes), for a check of the target. */
    static int outputs(TrainedNetwork net) {
        return Math.toIntExact(net.output().shape().size());
    }

    private static void checkTarget(TrainedNetwork net, int target) {
        if (net.output().shape().rank() != 1) {
            throw new IllegalArgumentException("Attributions explain one score per class; the output layer '"
                    + net.output().nodeId() + "' gives " + net.output().shape().describe() + ".");
        }
        int k = outputs(net);
        if (target < 0 || target >= k) {
            throw new IllegalArgumentException("The class must be from 0 to " + (k - 1) + "; got " + target + ".");
        }
    }

    private static Attribution result(TrainedNetwork net, String method, int target, float[] values) {
        Shape shape = net.tokenInput() ? net.input().shape() : net.entryShape();
        return new Attribution(method, target, shape, values);
    }

    /** One number per token: the length of its vector of gradients. */
    private static float[] norms(float[] g, TrainedNetwork net) {
        int d = width(net);
        float[] out = new float[g.length / d];
        for (int t = 0; t < out.length; t++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += g[t * d + j] * (double) g[t * d + j];
            }
            out[t] = (float) Math.sqrt(s);
        }
        return out;
    }

    /** One number per token: its vector's attributions summed (keeps integrated gradients' completeness). */
    private static float[] sums(float[] a, TrainedNetwork net) {
        int d = width(net);
        float[] out = new float[a.length / d];
        for (int t = 0; t < out.length; t++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += a[t * d + j];
            }
            out[t] = (float) s;
        }
        return out;
    }

    private static int width(TrainedNetwork net) {
        Shape e = net.entryShape();
        return Math.toIntExact(e.dim(e.rank() - 1));
    }
}
