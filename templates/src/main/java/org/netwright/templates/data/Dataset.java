package org.netwright.templates.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.netwright.model.shape.Shape;

/**
 * Labelled samples for classification: features flat and row-major (sample after sample, each
 * shaped {@code sampleShape}), one class id per sample in {@code 0..numClasses-1}.
 */
public final class Dataset {
    /** The purpose number of the train/validation/test split's random stream, see {@link #stream}. */
    public static final long SPLIT_STREAM = 1;
    /** The purpose number of the per-epoch shuffles' random stream, see {@link #stream}. */
    public static final long EPOCH_STREAM = 2;

    private final float[] features;
    private final Shape sampleShape;
    private final int[] labels;
    private final int numClasses;

    /** Checks that the arrays agree with the shape and that every label is a class id; copies nothing. */
    public Dataset(float[] features, Shape sampleShape, int[] labels, int numClasses) {
        this.features = Objects.requireNonNull(features, "features");
        this.sampleShape = Objects.requireNonNull(sampleShape, "sampleShape");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.numClasses = numClasses;
        if (numClasses < 1) {
            throw new IllegalArgumentException("A dataset needs at least one class; got " + numClasses);
        }
        if ((long) labels.length * sampleShape.size() != features.length) {
            throw new IllegalArgumentException(labels.length + " labels of samples shaped " + sampleShape
                    + " need " + (long) labels.length * sampleShape.size() + " feature values, not " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("Label " + labels[i] + " of sample " + i + " is outside 0.."
                        + (numClasses - 1));
            }
        }
    }

    /** The feature values of all samples; callers must not change them. */
    public float[] features() {
        return features;
    }

    public Shape sampleShape() {
        return sampleShape;
    }

    /** The class id of every sample; callers must not change them. */
    public int[] labels() {
        return labels;
    }

    public int numClasses() {
        return numClasses;
    }

    public int size() {
        return labels.length;
    }

    /** Values per sample. */
    public int sampleSize() {
        return Math.toIntExact(sampleShape.size());
    }

    /** How many samples each class has. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** A new dataset holding the given samples in the given order. */
    public Dataset subset(int[] indices) {
        int width = sampleSize();
        float[] f = new float[indices.length * width];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * width, f, i * width, width);
            l[i] = labels[indices[i]];
        }
        return new Dataset(f, sampleShape, l, numClasses);
    }

    /** The same samples seen with another shape of the same size, e.g. 1×8×8 images as vectors of 64. */
    public Dataset reshaped(Shape shape) {
        if (shape.size() != sampleShape.size()) {
            throw new IllegalArgumentException("Cannot see samples shaped " + sampleShape + " as " + shape);
        }
        return new Dataset(features, shape, labels, numClasses);
    }

    /**
     * Shuffles the samples with {@code seed} and cuts them into train, validation and test parts;
     * the validation and test parts get {@code round(fraction × size)} samples each, the rest trains.
     */
    public Split split(double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be 0 or more and below 1 together; got "
                    + validationFraction + " and " + testFraction);
        }
        int[] order = shuffledIndices(size(), new Random(stream(seed, SPLIT_STREAM)));
        int nVal = (int) Math.round(validationFraction * size());
        int nTest = (int) Math.round(testFraction * size());
        int nTrain = size() - nVal - nTest;
        return new Split(subset(Arrays.copyOfRange(order, 0, nTrain)),
                subset(Arrays.copyOfRange(order, nTrain, nTrain + nVal)),
                subset(Arrays.copyOfRange(order, nTrain + nVal, size())));
    }

    /**
     * A seed for one purpose derived from a user's seed. Generators shuffle with {@code new Random(seed)}
     * too; if the split drew from the same stream it would pick exactly the samples a generator put
     * first (e.g. one whole moon), so each purpose gets its own well-mixed stream.
     */
    public static long stream(long seed, long purpose) {
        long z = seed + purpose * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 0..n-1 in a Fisher-Yates order drawn from {@code random}. */
    public static int[] shuffledIndices(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The three parts of a dataset: to train on, to watch during training, and to report at the end. */
    public record Split(Dataset train, Dataset validation, Dataset test) {
    }
}
