package org.netwright.app.training;

import java.util.Optional;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.runner.optim.OptimizerConfig;
import org.netwright.runner.optim.Schedules;

/**
 * Which training options apply to an optimizer and whether a schedule spec parses, asked of the runner itself
 * ({@link OptimizerConfig#defaults}, {@link Schedules#parse}) so the panel and a run never disagree.
 */
final class OptionRules {
    private OptionRules() {
    }

    /** True when {@code optimizer} takes the parameter {@code key} ({@code momentum}, {@code beta1}, {@code epsilon}...). */
    static boolean applies(String optimizer, String key) {
        return OptimizerConfig.defaults(optimizer).containsKey(key);
    }

    /** {@code options} with every optimizer parameter {@code optimizer} does not take put back to its default. */
    static TrainingOptions keepApplicable(String optimizer, TrainingOptions options) {
        TrainingOptions d = TrainingOptions.DEFAULTS;
        TrainingOptions o = options;
        if (!applies(optimizer, "momentum")) {
            o = o.withMomentum(d.momentum());
        }
        if (!applies(optimizer, "beta1")) {
            o = o.withBetas(d.beta1(), d.beta2());
        }
        if (!applies(optimizer, "epsilon")) {
            o = o.withEpsilon(d.epsilon());
        }
        return o;
    }

    /**
     * Why the runner would refuse {@code spec} as the schedule of a run at {@code learningRate} over {@code epochs}
     * epochs; empty when it parses. Checked at one step per epoch: step counts only matter to the preview.
     */
    static Optional<String> scheduleProblem(String spec, double learningRate, int epochs) {
        try {
            Schedules.parse(spec, learningRate, 1, Math.max(1, epochs));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
