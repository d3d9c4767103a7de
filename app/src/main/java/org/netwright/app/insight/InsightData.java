package org.netwright.app.insight;

import java.util.List;
import java.util.Map;

/** What the insight view shows, as plain data read from the runner's JSON answers. */
public final class InsightData {
    private InsightData() {
    }

    /** One class's row: its name, precision (NaN when never predicted), recall and sample count. */
    public record ClassScores(String name, double precision, double recall, long count) {
    }

    /**
     * A run's evaluation on its test part: loss and metrics by name, and for classes their names, the confusion
     * matrix (rows true, columns predicted) and per-class scores (empty for a regression).
     */
    public record Evaluation(long run, int samples, Map<String, Double> metrics, List<String> classes, long[][] confusion,
                             List<ClassScores> perClass, Values values) {
        public boolean hasClasses() {
            return !classes.isEmpty();
        }
    }

    /**
     * A regression's true and predicted values on the test part, in the data's units, paired index by index
     * ({@code width} values per sample; empty for classes).
     */
    public record Values(double[] truth, double[] predicted, int width) {
        public static final Values NONE = new Values(new double[0], new double[0], 1);

        public boolean isEmpty() {
            return truth.length == 0;
        }

        /** Predicted minus true, pair by pair. */
        public double[] residuals() {
            double[] r = new double[truth.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = predicted[i] - truth[i];
            }
            return r;
        }
    }

    /** A class and the probability the run gave it. */
    public record ClassProbability(String name, double probability) {
    }

    /**
     * The run's answer for one file: its top classes by probability, highest first, or the values of a regression;
     * {@code saliency} explains the top class (null for a regression, or when the run cannot be explained).
     */
    public record Prediction(String file, List<ClassProbability> classes, double[] values, Saliency saliency,
                             String saliencyProblem) {
        public boolean hasClasses() {
            return !classes.isEmpty();
        }
    }

    /**
     * The attribution of one test sample: the image (channels×height×width, values as the network saw them), the
     * attribution over it (same size), the class explained with its probability, and the sample's true class.
     */
    public record Saliency(int sample, String method, int channels, int height, int width, float[] input,
                           float[] attribution, String className, double probability, String trueClass) {
    }

    /** A layer of the trained network and what can be looked at in it (filters, feature-maps, attention, neighbours). */
    public record Layer(String id, String type, List<String> offers, int heads) {
        @Override
        public String toString() {
            return id + " (" + type + ")";
        }
    }

    /**
     * Values a layer holds or makes, row-major with their shape: filters (F×C×kh×kw), feature maps (C×H×W) or one
     * attention head's map (T_q×T_k, {@code tokens} naming the steps on both axes).
     */
    public record Maps(String what, String layer, int[] shape, float[] values, List<String> tokens, int head,
                       int heads) {
    }

    /** A token and the tokens whose embedding vectors are nearest to its own, most similar first. */
    public record Neighbours(String layer, String token, List<ClassProbability> nearest) {
    }

    /** The first test inputs of an autoencoder and its outputs for them, each sample {@code shape}. */
    public record Reconstructions(int[] shape, int count, float[] inputs, float[] outputs) {
    }

    /**
     * Where test samples land in a bottleneck of {@code dims} values: its first two (x, y), the class of each
     * sample (empty when the data have none) and the class names.
     */
    public record Latent(String layer, int dims, double[] xs, double[] ys, int[] classes, List<String> classNames) {
    }
}
