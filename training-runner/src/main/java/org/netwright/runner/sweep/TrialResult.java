package org.netwright.runner.sweep;

import java.util.Map;
import org.netwright.model.run.FinalMetrics;

/**
 * How one trial of a sweep ended: its number (from 1), the values it tried, the project's run id (0 when the run
 * never started), {@code completed}, {@code stopped} or {@code failed}, the final metrics (null unless it
 * finished) and, for a failure, why.
 */
public record TrialResult(int trial, Map<String, Number> params, long runId, String status, FinalMetrics metrics,
                          String message) {
    public TrialResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** A final metric by its JSON name ({@code train_loss} included), null when not measured or not finished. */
    public Double metric(String name) {
        if (metrics == null) {
            return null;
        }
        if (name.equals("train_loss")) {
            return Double.isFinite(metrics.trainLoss()) ? metrics.trainLoss() : null;
        }
        return metrics.get(name);
    }
}
