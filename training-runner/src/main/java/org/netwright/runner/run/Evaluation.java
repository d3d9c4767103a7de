package org.netwright.runner.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss and the task's metrics (without prefixes: {@code accuracy}, {@code mae}, ...) measured on one part of the
 * data; a null loss and no metrics when that part is empty.
 */
record Evaluation(Double loss, Map<String, Double> metrics) {
    static final Evaluation NONE = new Evaluation(null, Map.of());

    Evaluation {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The loss and metrics with {@code prefix_} before each name ({@code val_loss}, {@code test_accuracy}). */
    Map<String, Double> prefixed(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (loss != null) {
            out.put(prefix + "_loss", loss);
        }
        metrics.forEach((k, v) -> out.put(prefix + "_" + k, v));
        return out;
    }
}
