package org.netwright.runner.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds our optimizers from an {@link OptimizerConfig}. */
public final class Optimizers {
    private Optimizers() {
    }

    /**
     * The optimizer {@code config} names, taking its rate from {@code schedule}; throws
     * IllegalArgumentException with the config's first problem.
     */
    public static ScheduledOptimizer create(OptimizerConfig config, Schedule schedule) {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        double decay = config.get("weight_decay");
        double l1 = config.get("l1");
        return switch (config.name()) {
            case "sgd" -> new SgdRule("sgd", schedule, 0, false, decay, l1);
            case "momentum" -> new SgdRule("momentum", schedule, config.get("momentum"), false, decay, l1);
            case "nesterov" -> new SgdRule("nesterov", schedule, config.get("momentum"), true, decay, l1);
            case "adagrad" -> new AdaGradRule(schedule, config.get("epsilon"), decay, l1);
            case "rmsprop" -> new RmsPropRule(schedule, config.get("alpha"), config.get("epsilon"), decay, l1);
            case "adam", "adamw" -> new AdamRule(config.name(), schedule, config.get("beta1"), config.get("beta2"),
                    config.get("epsilon"), decay, l1, config.name().equals("adamw"));
            default -> throw new IllegalArgumentException("Unknown optimizer '" + config.name() + "'.");
        };
    }

    /**
     * The parameters of weighted nodes (e.g. {@code GraphBlock.weightedNodes()}) under stable keys
     * {@code nodeId/parameterName}, the names {@link ScheduledOptimizer#saveState} needs.
     */
    public static Map<String, Parameter> parametersByNode(Map<String, Block> weightedNodes) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Map.Entry<String, Block> node : weightedNodes.entrySet()) {
            for (Pair<String, Parameter> p : node.getValue().getParameters()) {
                named.put(node.getKey() + "/" + p.getKey(), p.getValue());
            }
        }
        return named;
    }
}
