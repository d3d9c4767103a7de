package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
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
        StepValues values;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            StepLoss l = trainStep(trainer, scope, order, from, to);
            collector.backward(l.total());
            Map<String, Double> parts = new LinkedHashMap<>();
            if (l.parts().isEmpty()) {
                values = new StepValues(l.total().getFloat(), parts);
            } else {
                // The loss and its parts (a VAE's recon_loss and kl) read back together: one copy, not one each.
                NDList all = new NDList(l.total());
                all.addAll(l.parts().values());
                float[] read = NDArrays.stack(new NDList(all.stream().map(a -> a.reshape(1)).toList()))
                        .toFloatArray();
                int i = 1;
                for (String name : l.parts().keySet()) {
                    parts.put(name, (double) read[i++]);
                }
                values = new StepValues(read[0], parts);
            }
        }
        // A step whose loss is not finite updates nothing: the run stops on it, and the weights that made it stay
        // as they were, so the failing batch can be run again to find the layer where it went wrong.
        if (Double.isFinite(values.loss())) {
            update.accept(trainer);
        }
        return values;
    }
}
