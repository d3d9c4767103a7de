package org.netwright.model.settings;

import java.util.ArrayList;
import java.util.List;
import org.netwright.model.task.Losses;
import org.netwright.model.task.Task;

/**
 * How a graph is trained: epochs, batch size, learning rate, optimizer, loss ({@code auto} lets the task pick
 * one per output; a loss name, optionally with parameters such as {@code huber:delta=0.5}, applies to every
 * output), seed, the validation and test fractions, the data, the finer {@link TrainingOptions} and the
 * {@link Task} (null: proposed from the graph and the data when the run starts).
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, String optimizer, String loss,
                               long seed, double validationSplit, double testSplit, DataRecipe data,
                               TrainingOptions options, Task task) {

    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam",
            "adamw");
    /** {@code auto} and every loss of {@link Losses#ALL}. */
    public static final List<String> LOSSES = losses();
    public static final String AUTO = "auto";

    public TrainingSettings {
        options = options == null ? TrainingOptions.DEFAULTS : options;
    }

    /** Settings with the default options and a task proposed when the run starts. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, String optimizer, String loss, long seed,
                            double validationSplit, double testSplit, DataRecipe data) {
        this(epochs, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit, data, null, null);
    }

    private static List<String> losses() {
        List<String> all = new ArrayList<>();
        all.add(AUTO);
        all.addAll(Losses.ALL);
        return List.copyOf(all);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(e, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(epochs, b, learningRate, optimizer, loss, seed, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(epochs, batchSize, lr, optimizer, loss, seed, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withOptimizer(String o) {
        return new TrainingSettings(epochs, batchSize, learningRate, o, loss, seed, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withLoss(String l) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, l, seed, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, s, validationSplit, testSplit, data,
                options, task);
    }

    public TrainingSettings withSplit(double validation, double test) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, seed, validation, test, data,
                options, task);
    }

    public TrainingSettings withData(DataRecipe d) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit, d,
                options, task);
    }

    public TrainingSettings withOptions(TrainingOptions o) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit,
                data, o, task);
    }

    public TrainingSettings withTask(Task t) {
        return new TrainingSettings(epochs, batchSize, learningRate, optimizer, loss, seed, validationSplit, testSplit,
                data, options, t);
    }

    /** The loss's name without its parameters, e.g. {@code huber} for {@code huber:delta=0.5}. */
    public String lossName() {
        int colon = loss == null ? -1 : loss.indexOf(':');
        return colon < 0 ? loss : loss.substring(0, colon);
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
        if (!LOSSES.contains(lossName())) {
            out.add("Loss must be one of " + LOSSES + "; got " + loss + ".");
        }
        if (validationSplit < 0 || testSplit < 0 || validationSplit + testSplit >= 0.9) {
            out.add("Validation and test fractions must be 0 or more and together below 0.9.");
        }
        if (data == null) {
            out.add("No data is chosen.");
        }
        out.addAll(options.problems());
        return out;
    }
}
