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
                             List<ClassScores> perClass, Values values, Answers answers) {
        public boolean hasClasses() {
            return !classes.isEmpty();
        }
    }

    /**
     * A classifier's answer for each listed test sample, index by index: true and predicted class ids, the probability
     * given to the predicted class and the one given to the true class (empty for a regression).
     */
    public record Answers(int[] truth, int[] predicted, double[] probability, double[] trueProbability) {
        public static final Answers NONE = new Answers(new int[0], new int[0], new double[0], new double[0]);

        /** The listed samples of confusion cell (true {@code row}, predicted {@code col}), most confident first. */
        public List<Integer> cell(int row, int col) {
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == row && predicted[i] == col) {
                    out.add(i);
                }
            }
            out.sort(java.util.Comparator.comparingDouble((Integer i) -> -probability[i]));
            return out;
        }
    }

    /** Test samples as the user reads them: images (shape C×H×W), table rows (named features) or texts (tokens). */
    public record TestSamples(String kind, int[] shape, List<String> features, List<TestSample> samples) {
    }

    /** One test sample: its index, its values (an image's pixels, a row in the data's units) or its tokens. */
    public record TestSample(int index, float[] values, List<String> tokens) {
    }

    /**
     * The samples of one confusion cell: its true and predicted class, how many test samples it holds, and the first
     * of them shown ({@code shown}, with their probabilities from {@code answers}).
     */
    public record CellSamples(int row, int col, String trueClass, String predictedClass, int total,
                              TestSamples shown, Answers answers) {
    }

    /**
     * One layer's outputs over test samples: mean, std, the fraction exactly zero, the fraction saturated (NaN where
     * the layer cannot saturate), range and a histogram of equal bins over it.
     */
    public record LayerActivations(String id, String type, long count, double mean, double std, double zeros,
                                   double saturated, double min, double max, long[] histogram) {
        /** Why the layer looks unhealthy in a few words ("mostly dead", "saturated"), or empty. */
        public String problem() {
            if (zeros >= org.netwright.model.run.HealthRules.DEAD_FRACTION) {
                return String.format(java.util.Locale.ROOT, "mostly zero (%.0f %%)", 100 * zeros);
            }
            if (saturated >= SATURATED_FRACTION) {
                return String.format(java.util.Locale.ROOT, "saturated (%.0f %%)", 100 * saturated);
            }
            if (std == 0 && count > 0) {
                return "constant";
            }
            return "";
        }
    }

    /** A layer whose outputs sit at their bounds at least this often is marked saturated. */
    public static final double SATURATED_FRACTION = 0.5;

    /** Each layer's activation statistics over the first {@code samples} test samples of run {@code run}. */
    public record Activations(long run, int samples, List<LayerActivations> layers) {
    }

    /**
     * The statistics of each layer's outputs on a training batch at the end of each epoch, as run {@code run} kept
     * them (epoch to layer to statistics; empty for a run trained before they were kept).
     */
    public record TrainingActivations(long run,
                                      java.util.SortedMap<Integer, Map<String, org.netwright.model.run.ActivationStats>>
                                              byEpoch) {
        public boolean isEmpty() {
            return byEpoch.isEmpty();
        }
    }

    /**
     * A VAE's decoder along the straight line between the latent means of test samples {@code from} and {@code to}:
     * {@code steps} outputs of {@code shape} one after another in {@code values}, the first and last those samples'
     * reconstructions.
     */
    public record Interpolation(long run, int from, int to, int steps, int[] shape, float[] values) {
        /** How many values one output holds. */
        public int size() {
            return steps == 0 ? 0 : values.length / steps;
        }

        /** True when each output is an image (channels × height × width). */
        public boolean isImage() {
            return shape.length == 3;
        }
    }

    /** Samples drawn from a generative run: {@code rows}×{@code cols} samples of {@code shape}, one row per class. */
    public record Generated(long run, int rows, int cols, int[] shape, float[] values, boolean perClass) {
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

    /**
     * What a run is, as far as the insight window's views care: its network's family and task
     * ({@link org.netwright.model.task.NetworkKind}), whether it trained on graphs, and whether its network has a code
     * layer between an input and an output that rebuilds it ({@link org.netwright.model.task.GraphCuts#codeLayer}).
     */
    public record RunNature(long run, String family, String task, boolean onGraphs, boolean codeLayer) {
    }
}
