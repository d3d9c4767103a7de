package org.netwright.runner.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One model trained the way a plain DJL program trains it: a {@link Model} with DJL's own blocks, a {@link Trainer}
 * with DJL's Adam, and per step a sub-manager, the batch made from float arrays, forward and loss in a gradient
 * collector, backward and {@code trainer.step()}.
 */
class PlainStep implements AutoCloseable {
    private final Model model;
    final Trainer trainer;
    private final Function<NDManager, NDList[]> batch;
    private final BiFunction<NDList, NDList, NDArray> loss;
    private float clipNorm;

    /**
     * @param batch makes a step's inputs and labels in the step's manager: {@code {inputs, labels}}
     * @param loss the step's loss from labels and predictions
     */
    PlainStep(Block block, Shape[] inputShapes, double rate, float beta1, Function<NDManager, NDList[]> batch,
              BiFunction<NDList, NDList, NDArray> loss) {
        this.model = Model.newInstance("plain");
        model.setBlock(block);
        this.trainer = model.newTrainer(config(rate, beta1));
        trainer.initialize(inputShapes);
        this.batch = batch;
        this.loss = loss;
    }

    /**
     * Clips the gradients to a global norm of {@code norm} before each update, as a plain DJL program does by hand
     * when its model needs it: a template that clips (the VAE) is then timed against a twin doing the same work.
     */
    PlainStep clippingTo(double norm) {
        this.clipNorm = (float) norm;
        return this;
    }

    static DefaultTrainingConfig config(double rate, float beta1) {
        return new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) rate)).optBeta1(beta1).build());
    }

    /** One training step; returns its loss. */
    float step() {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList[] xy = batch.apply(scope);
            float value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray l = loss.apply(xy[1], trainer.forward(xy[0]));
                collector.backward(l);
                value = l.getFloat();
            }
            if (clipNorm > 0) {
                clip(scope);
            }
            trainer.step();
            return value;
        }
    }

    private void clip(NDManager scope) {
        java.util.List<NDArray> grads = new java.util.ArrayList<>();
        for (var p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scope);
                grads.add(g);
            }
        }
        NDArray total = null;
        for (NDArray g : grads) {
            NDArray squares = g.square().sum();
            total = total == null ? squares : total.add(squares);
        }
        float norm = total == null ? 0f : (float) Math.sqrt(total.getFloat());
        if (norm > clipNorm) {
            for (NDArray g : grads) {
                g.muli(clipNorm / norm);
            }
        }
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
