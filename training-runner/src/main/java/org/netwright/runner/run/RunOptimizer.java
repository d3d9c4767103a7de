package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Optional;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;

/**
 * A run's optimizer with everything around its update: the learning rate at each step, gradient clipping
 * between backward and the update, and the weight initializer.
 */
final class RunOptimizer {
    private final Optimizer optimizer;
    private final TrainingOptions options;
    private final double baseRate;
    private long step;
    private double rateUsed;

    private RunOptimizer(TrainingSettings settings) {
        this.options = settings.options();
        this.baseRate = settings.learningRate();
        this.rateUsed = baseRate;
        Tracker rate = update -> (float) rate(step);
        this.optimizer = switch (settings.optimizer()) {
            case "adam" -> Optimizer.adam().optLearningRateTracker(rate).optBeta1((float) options.beta1())
                    .optBeta2((float) options.beta2()).optEpsilon((float) options.epsilon())
                    .optWeightDecays((float) options.weightDecay()).build();
            case "momentum" -> Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) options.momentum())
                    .optWeightDecays((float) options.weightDecay()).build();
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(rate).optWeightDecays((float) options.weightDecay())
                    .build();
            default -> throw new IllegalArgumentException("The optimizer " + settings.optimizer()
                    + " is not wired into runs yet.");
        };
    }

    static RunOptimizer create(TrainingSettings settings, int stepsPerEpoch, long totalSteps) {
        return new RunOptimizer(settings);
    }

    private double rate(long s) {
        return baseRate;
    }

    Optimizer djl() {
        return optimizer;
    }

    Optional<Initializer> initializer() {
        return Optional.empty();
    }

    /** The learning rate of the last update. */
    double rateUsed() {
        return rateUsed;
    }

    /** Clips the gradients as the options ask, after backward and before the update. */
    void beforeUpdate(Trainer trainer) {
        rateUsed = rate(step);
        if (options.clipValue() > 0) {
            float v = (float) options.clipValue();
            for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
                if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    try (NDArray clipped = g.clip(-v, v)) {
                        g.set(clipped.toFloatArray());
                    }
                }
            }
        }
    }

    void afterUpdate() {
        step++;
    }

    /** Tells a schedule that reacts to the monitored value (reduce-on-plateau) how the epoch went. */
    void epochEnded(int epoch, double monitored) {
    }
}
