package org.netwright.runner.compile;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.netwright.model.graph.Graph;
import org.netwright.runner.run.OptimizerStep;

/**
 * Trains a small graph on fixed arrays for a few Adam steps and returns the loss after each step,
 * so that a family's test can assert that every one of its layers takes part in learning.
 */
final class LayerTraining {
    private LayerTraining() {
    }

    /**
     * @param inputs makes the arrays for the graph's input nodes (in {@link GraphBlock#inputIds()} order)
     * @param labels makes the target array
     * @param loss   the loss, e.g. {@code Loss.softmaxCrossEntropyLoss()} or {@code Loss.l2Loss()}
     */
    static List<Float> fit(Graph graph, Function<NDManager, NDList> inputs, Function<NDManager, NDArray> labels,
                           Loss loss, int steps, float learningRate) {
        GraphBlock block = GraphCompiler.compile(graph, true);
        List<Float> losses = new ArrayList<>();
        try (Model model = Model.newInstance("layer-training")) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                NDManager m = trainer.getManager();
                NDList x = inputs.apply(m);
                NDArray y = labels.apply(m);
                trainer.initialize(x.getShapes());
                for (int i = 0; i < steps; i++) {
                    try (NDManager scope = m.newSubManager()) {
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(x);
                            NDArray l = loss.evaluate(new NDList(y), pred);
                            gc.backward(l);
                            losses.add(l.getFloat());
                            l.attach(scope);
                            pred.attach(scope);
                        }
                        OptimizerStep.apply(trainer);
                    }
                }
            }
        }
        return losses;
    }
}
