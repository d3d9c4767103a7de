package org.netwright.runner.run;

import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.function.Consumer;

/** A task that trains one model on one summed loss: its step is a forward pass, the loss, backward and one update. */
interface SingleLossTask extends TrainingTask {

    /**
     * The loss of a training step over items {@code order[from..to)}: a training-mode forward pass and the loss
     * terms, all made in {@code scope}. Called inside a gradient collector.
     */
    StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to);

    @Override
    default StepValues step(Trainer trainer, NDManager scope, int[] order, int from, int to, Consumer<Trainer> update) {
        StepLoss l;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            l = trainStep(trainer, scope, order, from, to);
            collector.backward(l.total());
        }
        StepValues values = StepLoss.read(l);
        // A step whose loss is not finite updates nothing: the run stops on it, and the weights that made it stay
        // as they were, so the failing batch can be run again to find the layer where it went wrong.
        if (Double.isFinite(values.loss())) {
            update.accept(trainer);
        }
        return values;
    }
}
