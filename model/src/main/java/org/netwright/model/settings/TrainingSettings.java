package org.netwright.model.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * How a graph is trained: epochs, batch size, learning rate, optimizer ({@code sgd} or {@code adam}),
 * loss ({@code cross_entropy} or {@code mse}), seed, the validation and test fractions and the data.
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, String optimizer, String loss,
                               long seed, double validationSplit, double testSplit, DataRecipe data) {

    public static final List<String> OPTIMIZERS = List.of("sgd", "adam");
    public static final List<String> LOSSES = List.of("cross_entropy", "mse");

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(e, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit, data);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(epochs, b, learningRate, optimizer, loss, seed, validationSplit, testSplit, data);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(epochs, batchSize, lr, optimizer, loss, seed, validationSplit, testSplit, data);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, s, validationSplit, testSplit, data);
    }

    public TrainingSettings withData(DataRecipe d) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit, d);
    }

    /** Every value out of range, each in one sentence; empty when the settings can train. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (epochs < 1 || epochs > 100_000) {
            out.add("Epochs must be between 1 and 100000; got " + epochs + ".");
        }
        if (batchSize < 1 || batchSize > 65_536) {
            out.add("Batch size must be between 1 and 65536; got " + batchSize + ".");
        }
        if (!(learningRate > 0 && learningRate <= 10)) {
            out.add("Learning rate must be above 0 and at most 10; got " + learningRate + ".");
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            out.add("Optimizer must be one of " + OPTIMIZERS + "; got " + optimizer + ".");
        }
        if (!LOSSES.contains(loss)) {
            out.add("Loss must be one of " + LOSSES + "; got " + loss + ".");
        }
        if (validationSplit < 0 || testSplit < 0 || validationSplit + testSplit >= 0.9) {
            out.add("Validation and test fractions must be 0 or more and together below 0.9.");
        }
        if (data == null) {
            out.add("No data is chosen.");
        }
        return out;
    }
}
