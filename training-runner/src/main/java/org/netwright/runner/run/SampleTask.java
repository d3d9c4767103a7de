package org.netwright.runner.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.Optional;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.data.DataSources;
import org.netwright.templates.data.Dataset;

/** Classification of independent samples: each step a shuffled batch of training samples. */
final class SampleTask implements TrainingTask {
    private static final int EVAL_BATCH = 256;

    private final Dataset.Split data;
    private final boolean crossEntropy;
    private final Batches train;

    SampleTask(Dataset.Split data, boolean crossEntropy) {
        this.data = data;
        this.crossEntropy = crossEntropy;
        this.train = new Batches(data.train(), !crossEntropy);
    }

    @Override
    public String mismatch(GraphBlock block) {
        String input = block.inputIds().get(0);
        if (block.inputPorts().size() != 1) {
            return "The input layer '" + input + "' is a graph input, which trains on one graph (--data NAME_edges.csv,"
                    + " or gen:communities); these data are samples, each " + data.train().sampleShape().describe() + ".";
        }
        org.netwright.model.shape.Shape expected = block.outputShape(input);
        org.netwright.model.shape.Shape actual = data.train().sampleShape();
        if (!expected.equals(actual)) {
            return "The data's samples are " + actual.describe() + " but the input layer '" + input + "' expects "
                    + expected.describe() + ".";
        }
        Optional<String> classes = DataSources.whyNotClasses(data.train().numClasses(),
                block.outputShape(block.outputId()), block.outputId());
        if (classes.isPresent()) {
            return classes.get();
        }
        if (data.train().size() == 0) {
            return "There is no training data left after the validation and test split.";
        }
        return null;
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public Shape[] inputShapes(int batch) {
        return new Shape[] {new Shape(data.train().sampleShape().withBatch(batch))};
    }

    @Override
    public Loss loss() {
        // L2Loss's default weight is 1/2 (half the squared error); weight 1 makes it the true mean squared error.
        return crossEntropy ? new SoftmaxCrossEntropyLoss("cross_entropy") : new L2Loss("mse", 1f);
    }

    @Override
    public NDList inputs(NDManager scope, int[] order, int from, int to) {
        return train.features(scope, order, from, to);
    }

    @Override
    public NDList targets(NDManager scope, int[] order, int from, int to) {
        return train.labels(scope, order, from, to);
    }

    @Override
    public Evaluation validate(Trainer trainer) {
        return evaluate(trainer, data.validation());
    }

    @Override
    public Evaluation test(Trainer trainer) {
        return evaluate(trainer, data.test());
    }

    /** Mean loss and accuracy over a dataset in batches of {@link #EVAL_BATCH}; NONE for an empty dataset. */
    private Evaluation evaluate(Trainer trainer, Dataset set) {
        int n = set.size();
        if (n == 0) {
            return Evaluation.NONE;
        }
        Batches batches = new Batches(set, !crossEntropy);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double lossSum = 0;
        long hits = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList predictions = trainer.evaluate(batches.features(scope, order, from, to));
                float loss = trainer.getLoss().evaluate(batches.labels(scope, order, from, to), predictions).getFloat();
                lossSum += (double) loss * (to - from);
                hits += Batches.hits(predictions.singletonOrThrow(), batches.classIds(order, from, to));
            }
        }
        return new Evaluation(lossSum / n, (double) hits / n);
    }
}
