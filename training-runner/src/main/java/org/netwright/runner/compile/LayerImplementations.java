package org.netwright.runner.compile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The runner's implementation of every layer type, by catalog id; each family registers its own. */
public final class LayerImplementations {
    private static final Map<String, LayerImplementation> ALL = build();

    private LayerImplementations() {
    }

    private static Map<String, LayerImplementation> build() {
        Map<String, LayerImplementation> all = new HashMap<>();
        CoreOps.register(all);
        ShapingOps.register(all);
        NormalizationOps.register(all);
        ActivationOps.register(all);
        ConvolutionOps.register(all);
        PoolingOps.register(all);
        MergeOps.register(all);
        RecurrentOps.register(all);
        AttentionOps.register(all);
        GraphOps.register(all);
        GenerativeOps.register(all);
        return Map.copyOf(all);
    }

    public static Optional<LayerImplementation> find(String type) {
        return Optional.ofNullable(ALL.get(type));
    }

    public static boolean has(String type) {
        return ALL.containsKey(type);
    }
}
