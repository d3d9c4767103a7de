package org.netwright.runner.run;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.optim.GradientClipping;
import org.netwright.runner.optim.Initializers;
import org.netwright.runner.optim.OptimizerConfig;
import org.netwright.runner.optim.Optimizers;
import org.netwright.runner.optim.Schedule;
import org.netwright.runner.optim.Schedules;
import org.netwright.runner.optim.ScheduledOptimizer;

/**
 * A run's optimizer with everything around its update: the learning rate of each step from the schedule,
 * gradient clipping between backward and the update, the weight initializer, and the optimizer's state for a
 * resumable checkpoint.
 */
final class RunOptimizer {
    private final ScheduledOptimizer optimizer;
    private final Schedule schedule;
    private final TrainingOptions options;
    private long step;
    /** Each trained block's parameters (a GAN clips two models' gradients), gathered at the first update. */
    private final Map<Block, List<Parameter>> parameters = new IdentityHashMap<>();
    private double rateUsed;

    private RunOptimizer(ScheduledOptimizer optimizer, Schedule schedule, TrainingOptions options) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.options = options;
        this.rateUsed = schedule.rate(0);
    }

    /**
     * The optimizer the settings ask for, on their schedule over {@code totalSteps}; throws IllegalArgumentException
     * saying which setting is wrong. Weight decay is passed as set; the other parameters only when a user changed
     * them from {@link TrainingOptions#DEFAULTS}, so each optimizer keeps its own defaults (AdaGrad's epsilon).
     */
    static RunOptimizer create(TrainingSettings settings, int stepsPerEpoch, long totalSteps) {
        TrainingOptions o = settings.options();
        TrainingOptions d = TrainingOptions.DEFAULTS;
        OptimizerConfig config = OptimizerConfig.of(settings.optimizer());
        Map<String, Double> takes = OptimizerConfig.defaults(settings.optimizer());
        config = set(config, takes, "momentum", o.momentum(), d.momentum());
        config = set(config, takes, "beta1", o.beta1(), d.beta1());
        config = set(config, takes, "beta2", o.beta2(), d.beta2());
        config = set(config, takes, "epsilon", o.epsilon(), d.epsilon());
        // Weight decay is passed as set, 0 meaning none, AdamW too: a user who sets 0 means no decay.
        if (takes.containsKey("weight_decay")) {
            config = config.with("weight_decay", o.weightDecay());
        }
        config = set(config, takes, "l1", o.l1(), d.l1());
        Schedule schedule = Schedules.parse(o.schedule(), settings.learningRate(), stepsPerEpoch, totalSteps);
        return new RunOptimizer(Optimizers.create(config, schedule), schedule, o);
    }

    private static OptimizerConfig set(OptimizerConfig config, Map<String, Double> takes, String key, double value,
                                       double unchanged) {
        if (value == unchanged) {
            return config;
        }
        if (!takes.containsKey(key)) {
            throw new IllegalArgumentException("The optimizer " + config.name() + " has no " + key.replace('_', ' ')
                    + "; it takes " + String.join(", ", takes.keySet()) + ".");
        }
        return config.with(key, value);
    }

    ScheduledOptimizer djl() {
        return optimizer;
    }

    /** The initializer the options name for weights, or empty for each layer's own. */
    Optional<Initializer> initializer() {
        return "default".equals(options.initializer()) ? Optional.empty()
                : Optional.of(Initializers.of(options.initializer(), Map.of()));
    }

    /** The learning rate of the last update. */
    double rateUsed() {
        return rateUsed;
    }

    /** Clips the gradients of {@code trainer}'s model as the options ask, after backward and before the update. */
    void beforeUpdate(Trainer trainer) {
        rateUsed = schedule.rate(step);
        if (options.clipValue() <= 0 && options.clipNorm() <= 0) {
            return;
        }
        List<Parameter> params = parameters.computeIfAbsent(trainer.getModel().getBlock(), RunOptimizer::parametersOf);
        if (options.clipValue() > 0) {
            GradientClipping.clipByValue(params, options.clipValue());
        }
        if (options.clipNorm() > 0) {
            GradientClipping.clipByGlobalNorm(params, options.clipNorm());
        }
    }

    /** A block's parameters, listed once: the list does not change while the run trains. */
    private static List<Parameter> parametersOf(Block block) {
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            params.add(p.getValue());
        }
        return List.copyOf(params);
    }

    void afterUpdate() {
        step++;
    }

    /** Tells a schedule that reacts to the monitored value (reduce-on-plateau) how the epoch went. */
    void epochEnded(int epoch, double monitored) {
        schedule.epochEnded(epoch, monitored);
    }

    /** The optimizer's moments, step counts and schedule state, keyed by node id and parameter name. */
    byte[] saveState(GraphBlock block) {
        return optimizer.saveState(Optimizers.parametersByNode(block.weightedNodes()));
    }

    /** Restores what {@link #saveState} returned, and the global step count. */
    void loadState(byte[] state, GraphBlock block, long steps) {
        optimizer.loadState(state, Optimizers.parametersByNode(block.weightedNodes()));
        this.step = steps;
    }
}
